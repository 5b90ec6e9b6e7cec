#!/usr/bin/env bash
# Rewrite tests/knownGaps.ts from the fixture rows pymem currently gets wrong,
# keeping the reason already given for an id (new ids get a placeholder to edit;
# new fuzz ids get "fuzz: " and the kind of disagreement, to be made specific).
#
#   scripts/known-gaps.sh          CPython 3.10's rows: tests/knownGaps.ts
#   scripts/known-gaps.sh 3.9      3.9's rows: tests/knownGaps39.ts (KNOWN_GAPS_39), for tests/layoutFor.ts;
#                                  only the ids tests/knownGaps.ts lacks (layoutFor adds 3.10's to every version)
#
# The version needs a layout in tests/layoutFor.ts (check-fixtures.ts measures with it).
set -euo pipefail
cd "$(dirname "$0")/.."
version="${1:-3.10}"
if [ "$version" = "3.10" ]; then
  out=tests/knownGaps.ts; name=KNOWN_GAPS
else
  out="tests/knownGaps${version/./}.ts"; name="KNOWN_GAPS_${version/./}"
fi
if ! npx tsx scripts/check-fixtures.ts --version="$version" no-such-id >/dev/null; then
  exit 2  # no layout for this version (check-fixtures said why)
fi
for f in core.jsonl more.jsonl classes.jsonl stdlib.jsonl fuzz.jsonl; do
  npx tsx scripts/check-fixtures.ts --file=$f --version="$version" -v 2>/dev/null
done > /tmp/pymem-gaps.txt
OUT="$out" NAME="$name" VERSION="$version" python3 - <<'PY'
import os
import re
out, name, version = os.environ["OUT"], os.environ["NAME"], os.environ["VERSION"]
old = {}
# A version's own reasons first; an id 3.10 also misses keeps 3.10's reason as a start.
for path in dict.fromkeys([out, "tests/knownGaps.ts"]):
    try:
        for m in re.finditer(r'\["([^"]+)", "([^"]*)"\]', open(path).read()):
            old.setdefault(m.group(1), m.group(2))
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

shared = set()
if version != "3.10":
    shared = set(re.findall(r'\["([^"]+)", ', open("tests/knownGaps.ts").read()))

ids, problems = [], {}
lines = open("/tmp/pymem-gaps.txt").read().split("\n")
for n, line in enumerate(lines):
    m = re.match(r"^  ([a-z0-9/-]*/[0-9]+)  ", line)
    if m and m.group(1) not in shared:
        ids.append(m.group(1))
        problems[m.group(1)] = lines[n + 1].strip() if n + 1 < len(lines) else ""
text = ["// Fixture rows pymem does not answer yet, each for a stated reason. The table",
         "// test reports them as todo; removing an id here makes its row a real test.",
        ] if version == "3.10" else [
         "// Fixture rows pymem does not answer yet under this version only, each for a stated",
         "// reason; tests/layoutFor.ts adds 3.10's own gaps (tests/knownGaps.ts), which every",
         "// version shares. The table test reports them as todo; removing an id here makes",
         "// its row a real test.",
        ]
text += [
         "// Regenerate with scripts/known-gaps.sh%s." % ("" if version == "3.10" else " " + version),
         "export const %s: ReadonlyMap<string, string> = new Map([" % name]
if version != "3.10":
    text.insert(0, "// CPython %s's fixture rows (fixtures/%s/)." % (version, version))
for i in ids:
    default = fuzz_reason(problems[i]) if i.startswith("fuzz/") else "not modelled yet"
    text.append(f'  ["{i}", "{old.get(i, default)}"],')
text.append("]);")
open(out, "w").write("\n".join(text) + "\n")
print(len(ids), "known gaps")
PY
