// npm run bench: size twelve large values in one `pymem size --stdin` run and,
// when CPython 3.10 is on this machine, time CPython building and deep-walking
// the same values; print both, with time and peak RSS as ratios. (Benchmarks
// live here, not in tests.)
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const EXPRS = [
  "list(range(10**7))",
  "{i: i for i in range(10**6)}",
  "[str(i) for i in range(10**6)]",
  "'x' * 10**8",
  "bytearray(10**8)",
  "b'x' * 10**8",
  "set(range(10**6))",
  "tuple(range(10**6))",
  "[i * 2 for i in range(10**6)]",
  "dict.fromkeys(range(10**6))",
  "[0] * 10**7",
  "[[i] for i in range(10**5)]",
];

function time(cmd, args, input, env) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { input, cwd: root, env: { ...process.env, ...env }, maxBuffer: 1 << 26 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  return { ms, r };
}

const input = EXPRS.join("\n") + "\n";
const runs = [1, 2, 3].map(() => time(process.execPath, ["--require", "./scripts/rss-report.cjs", "bin/pymem", "size", "--json", "--stdin"], input));
const pymem = runs.map((x) => x.ms).sort((a, b) => a - b)[1];
const peakKb = (text) => Number((/PEAK_RSS_KB (\d+)/.exec(text) ?? [])[1]);
const pymemRss = Math.max(...runs.map((x) => peakKb(x.r.stderr.toString())));
const last = runs[runs.length - 1].r;
if (last.status !== 0) {
  console.error(last.stderr.toString());
  process.exit(1);
}
const rows = last.stdout.toString().trim().split("\n").map((l) => JSON.parse(l));

const PY = `
import sys, time, collections
EXPRS = ${JSON.stringify(EXPRS)}
def deep(v):
    seen = set(); total = 0; stack = [v]
    while stack:
        o = stack.pop()
        if id(o) in seen: continue
        seen.add(id(o)); total += sys.getsizeof(o)
        if isinstance(o, (list, tuple, set, frozenset, collections.deque)): stack.extend(o)
        elif isinstance(o, dict): stack.extend(o.keys()); stack.extend(o.values())
    return total
t0 = time.perf_counter()
for e in EXPRS:
    v = eval(compile(e, "<pymem>", "eval"), {"collections": collections})
    print(sys.getsizeof(v), deep(v))
    del v
print("TIME", (time.perf_counter() - t0) * 1000)
import resource
print("RSS", resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
`;
const py = time("python3", ["-c", PY], undefined, { PYENV_VERSION: "3.10.13" });
const mib = (kb) => `${(kb / 1024).toFixed(0)} MiB`;
console.log(`pymem size --stdin, ${EXPRS.length} values: ${pymem.toFixed(0)} ms (median of 3), peak RSS ${mib(pymemRss)}`);
for (const [i, row] of rows.entries()) console.log(`  ${EXPRS[i].padEnd(34)} size ${String(row.size).padStart(11)}  deep ${String(row.deep).padStart(11)}`);
if (py.r.status === 0) {
  const out = py.r.stdout.toString().trim().split("\n");
  const cpythonRss = Number(out.pop().split(" ")[1]);
  const cpython = Number(out.pop().split(" ")[1]);
  const mismatches = out.filter((l, i) => l !== `${rows[i].size} ${rows[i].deep}`);
  console.log(`CPython 3.10 building and walking the same values: ${cpython.toFixed(0)} ms, peak RSS ${mib(cpythonRss)}`);
  console.log(`ratio pymem / CPython: time ${(pymem / cpython).toFixed(3)}, peak RSS ${(pymemRss / cpythonRss).toFixed(3)}${mismatches.length ? `  (${mismatches.length} figures differ!)` : "  (all figures equal)"}`);
} else {
  console.log("CPython 3.10 not available here (PYENV_VERSION=3.10.13 python3): no comparison.");
}
