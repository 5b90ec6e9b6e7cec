#!/usr/bin/env bash
# Rewrite tests/knownGaps.ts from the fixture rows pymem currently gets wrong,
# keeping the reason already given for an id (new ids get a placeholder to edit;
# new fuzz ids get "fuzz: " and the kind of disagreement, to be made specific).
set -euo pipefail
cd "$(dirname "$0")/.."
for f in core.jsonl more.jsonl classes.jsonl stdlib.jsonl fuzz.jsonl; do
  npx tsx scripts/check-fixtures.ts --file=$f -v 2>/dev/null
done > /tmp/pymem-gaps.txt
python3 - <<'PY'
import re
old = {}
try:
    for m in re.finditer(r'\["([^"]+)", "([^"]*)"\]', open("tests/knownGaps.ts").read()):
        old[m.group(1)] = m.group(2)
except FileNotFoundError:
    pass

def fuzz_reason(problem):
    """The kind of disagreement, from check-fixtures' problem line."""
    m = re.match(r"got (\S+) .*, want (\S+) ", problem)
    if m:
        return "fuzz: wrong size" if m.group(1) == m.group(2) else "fuzz: wrong type"
    if problem.startswith("got breakdown"):
        return "fuzz: wrong size (breakdown)"
    m = re.match(r"error (\w+)", problem)
    if m:
        return "fuzz: refused (%s)" % m.group(1) if m.group(1) != "PYTHON" else "fuzz: wrong error (raises where CPython answers)"
    m = re.match(r"expected .*; got (\w+) ", problem)
    if m and m.group(1) not in ("PYTHON", "SYNTAX", "NAME"):
        return "fuzz: refused (%s)" % m.group(1)
    return "fuzz: wrong error"

ids, problems = [], {}
lines = open("/tmp/pymem-gaps.txt").read().split("\n")
for n, line in enumerate(lines):
    m = re.match(r"^  ([a-z0-9/-]*/[0-9]+)  ", line)
    if m:
        ids.append(m.group(1))
        problems[m.group(1)] = lines[n + 1].strip() if n + 1 < len(lines) else ""
out = ["// Fixture rows pymem does not answer yet, each for a stated reason. The table",
       "// test reports them as todo; removing an id here makes its row a real test.",
       "// Regenerate with scripts/known-gaps.sh.",
       "export const KNOWN_GAPS: ReadonlyMap<string, string> = new Map([" ]
for i in ids:
    default = fuzz_reason(problems[i]) if i.startswith("fuzz/") else "not modelled yet"
    out.append(f'  ["{i}", "{old.get(i, default)}"],')
out.append("]);")
open("tests/knownGaps.ts", "w").write("\n".join(out) + "\n")
print(len(ids), "known gaps")
PY
