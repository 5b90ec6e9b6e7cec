// npm run fuzz: differential and robustness fuzzing during development.
//
//   npm run fuzz -- --seed 7 --count 500        fresh random expressions, measured by the real CPython 3.10
//                                               (fixtures/fuzz.py under pyenv's 3.10.13), then by pymem
//   npm run fuzz -- --seed 7-12 --count 500     several seeds (also a comma list)
//   npm run fuzz -- --seed 7 --version 3.9      another CPython version (fixtures/versions.json), measured
//                                               by pymem with that version's layout (tests/layoutFor.ts)
//   npm run fuzz -- --gen fuzz5 --seed 5001     fixtures/fuzz5.py's cases (setups too) instead of fuzz.py's
//   npm run fuzz -- --file fixtures/3.10/fuzz.jsonl
//                                               the same comparison over rows already generated (no Python)
//   npm run fuzz -- --mutate --seed 1 --count 3000
//                                               mutated inputs (tests/fuzzMutate.ts) made from the expressions of
//                                               fixtures/3.10/fuzz.jsonl: any hang over 5 s, crash, thrown JS error
//                                               (a stack trace at the CLI) or INTERNAL is a failure; the CLI is
//                                               then run over the same inputs to check it prints no stack trace
//
// The differential mode prints the agreement rate over the cases CPython answers
// and every disagreement, classified: wrong size / wrong type / wrong error /
// refused (UNSUPPORTED, LIMIT, …) / INTERNAL / hang / crash. Exit status 1 when
// there is a wrong answer (or, with --mutate, a robustness failure).
import { build } from "esbuild";
import { fork, spawnSync, type ChildProcess } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { isError, releaseOf, type FixtureRow } from "../tests/fixtureRows.js";
import { layoutFor } from "../tests/layoutFor.js";
import { mutations } from "../tests/fuzzMutate.js";
import type { WorkerAnswer } from "./fuzzWorker.js";

const root = fileURLToPath(new URL("..", import.meta.url));
// A hang is an input that takes pymem more than 5 s of CPU time; a worker silent for a minute
// of wall time (whatever the load) is killed and its input counted as a hang too.
const HANG_MS = 5000;
const KILL_MS = 60_000;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** The CPython version CPython's rows come from and pymem measures (3.10 by default). */
const VERSION = arg("--version") ?? "3.10";
/** The generator fresh rows come from: fixtures/<gen>.py (fuzz.py by default; fuzz5.py draws setups too). */
const GEN = arg("--gen") ?? "fuzz";

// ---------------------------------------------------------------------------
// Running pymem on many inputs, each timed, in killable child processes.
// ---------------------------------------------------------------------------

/** `ms`: CPU time in the worker when it answered, else the wall time until it was killed or died. */
export type Outcome = { readonly ms: number } & (
  | { readonly kind: "answer"; readonly a: WorkerAnswer }
  | { readonly kind: "hang" }
  | { readonly kind: "crash"; readonly detail: string }
);

/**
 * The worker as users run pymem: bundled and minified like dist/pymem.cjs
 * (tsx's own transform keeps function names, which makes method-heavy loops
 * about twice as slow and would time a build nobody runs).
 */
// Per run: git worktrees share one node_modules, so a fixed path there would let two checkouts'
// fuzz runs overwrite each other's worker (one that has not heard of the other's layouts).
const WORKER_BUNDLE = join(tmpdir(), `pymem-fuzz-${process.pid}`, "worker.cjs");
process.on("exit", () => rmSync(dirname(WORKER_BUNDLE), { recursive: true, force: true }));
await build({
  entryPoints: [fileURLToPath(new URL("./fuzzWorker.ts", import.meta.url))],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  outfile: WORKER_BUNDLE,
  minify: true,
  logLevel: "warning",
});

class Worker {
  private child: ChildProcess | null = null;
  private stderr = "";

  private async start(): Promise<ChildProcess> {
    const child = fork(WORKER_BUNDLE, [VERSION], {
      execArgv: [],
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    this.stderr = "";
    child.stderr?.on("data", (d: Buffer) => {
      this.stderr = (this.stderr + d.toString()).slice(-4000);
    });
    await new Promise<void>((resolve, reject) => {
      child.once("message", () => resolve());
      child.once("exit", (code) => reject(new Error(`fuzz worker exited (${code}) before it was ready: ${this.stderr}`)));
    });
    this.child = child;
    return child;
  }

  async run(i: number, expr: string, setup: string | null): Promise<Outcome> {
    const child = this.child ?? (await this.start());
    const t0 = performance.now();
    return new Promise<Outcome>((resolve) => {
      const done = (o: Outcome): void => {
        clearTimeout(timer);
        child.off("message", onMessage);
        child.off("exit", onExit);
        resolve(o);
      };
      const onMessage = (a: WorkerAnswer): void => done({ kind: "answer", a, ms: a.cpuMs ?? performance.now() - t0 });
      const onExit = (code: number | null, signal: string | null): void => {
        this.child = null;
        done({ kind: "crash", detail: `worker exited (${signal ?? code}): ${this.stderr.trim().split("\n").slice(-6).join("\n")}`, ms: performance.now() - t0 });
      };
      const timer = setTimeout(() => {
        child.off("exit", onExit);
        child.kill("SIGKILL");
        this.child = null;
        done({ kind: "hang", ms: performance.now() - t0 });
      }, KILL_MS);
      child.on("message", onMessage);
      child.once("exit", onExit);
      child.send({ i, expr, setup });
    });
  }

  stop(): void {
    this.child?.kill();
    this.child = null;
  }
}

async function runAll(exprs: readonly string[], workers = 2, setups: readonly (string | null)[] = []): Promise<Outcome[]> {
  const out: Outcome[] = new Array<Outcome>(exprs.length);
  let next = 0;
  let shown = 0;
  const pool = Array.from({ length: workers }, () => new Worker());
  await Promise.all(
    pool.map(async (w) => {
      while (next < exprs.length) {
        const i = next++;
        out[i] = await w.run(i, exprs[i] as string, setups[i] ?? null);
        if (process.stderr.isTTY && next - shown >= 100) {
          shown = next;
          process.stderr.write(`\r${next}/${exprs.length}`);
        }
      }
      w.stop();
    }),
  );
  if (process.stderr.isTTY) process.stderr.write("\r");
  return out;
}

// ---------------------------------------------------------------------------
// Differential mode.
// ---------------------------------------------------------------------------

type Verdict = "agree" | "wrong size" | "wrong type" | "wrong error" | `refused (${string})` | "INTERNAL" | "hang" | "crash" | "thrown";

function short(o: Outcome): string {
  if (o.kind !== "answer") return o.kind === "hang" ? `no answer in ${KILL_MS} ms (killed)` : `crash: ${o.detail}`;
  const a = o.a;
  if ("thrown" in a) return `threw: ${a.thrown.split("\n").slice(0, 3).join(" | ")}`;
  if (!a.ok) return `${a.code}${a.pyType === null ? "" : " " + a.pyType}: ${a.message}`;
  return `${a.type} ${a.size}/${a.deep}/${a.objects} ${JSON.stringify(a.breakdown)}`;
}

function truthText(row: FixtureRow): string {
  if (isError(row)) return `${row.error.type}: ${row.error.message}`;
  return `${row.type} ${row.size}/${row.deep}/${row.objects} ${JSON.stringify(row.breakdown)}`;
}

export function verdict(row: FixtureRow, o: Outcome): Verdict {
  if (o.kind !== "answer") return o.kind;
  const a = o.a;
  if ("thrown" in a) return "thrown";
  if (!a.ok) {
    if (a.code === "INTERNAL") return "INTERNAL";
    if (a.code !== "PYTHON" && a.code !== "SYNTAX" && a.code !== "NAME") return `refused (${a.code})`;
    if (isError(row)) return a.pyType === row.error.type ? "agree" : "wrong error";
    return "wrong error";
  }
  if (isError(row)) return "wrong error";
  if (a.type !== row.type) return "wrong type";
  const same = a.size === row.size && a.deep === row.deep && a.objects === row.objects && JSON.stringify(a.breakdown) === JSON.stringify(row.breakdown);
  return same ? "agree" : "wrong size";
}

async function differential(rows: readonly FixtureRow[]): Promise<number> {
  const t0 = performance.now();
  const outcomes = await runAll(rows.map((r) => r.expr), 2, rows.map((r) => r.setup));
  const byVerdict = new Map<Verdict, number[]>();
  outcomes.forEach((o, i) => {
    const v = verdict(rows[i] as FixtureRow, o);
    byVerdict.set(v, [...(byVerdict.get(v) ?? []), i]);
  });
  const agree = byVerdict.get("agree")?.length ?? 0;
  for (const [v, idx] of [...byVerdict].sort()) {
    if (v === "agree") continue;
    console.log(`\n== ${v}: ${idx.length}`);
    for (const i of idx) {
      const row = rows[i] as FixtureRow;
      console.log(`${row.id}  ${row.setup === null ? "" : `[setup ${JSON.stringify(row.setup)}] `}${row.expr}\n    CPython: ${truthText(row)}\n    pymem:   ${short(outcomes[i] as Outcome)}`);
    }
  }
  const pct = rows.length === 0 ? 100 : (100 * agree) / rows.length;
  console.log(`\n${agree}/${rows.length} agree (${pct.toFixed(2)}%) in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  console.log([...byVerdict].sort().map(([v, idx]) => `${v}: ${idx.length}`).join(", "));
  const wrong = [...byVerdict.keys()].filter((v) => v !== "agree" && !v.startsWith("refused"));
  return wrong.length > 0 ? 1 : 0;
}

function freshRows(seed: string, count: string): FixtureRow[] {
  const env = { ...process.env, PYENV_VERSION: releaseOf(VERSION) };
  const py = spawnSync(process.env["PYTHON"] ?? "python3", [`fixtures/${GEN}.py`, "--seed", seed, "--count", count], {
    cwd: root,
    env,
    encoding: "utf8",
    maxBuffer: 1 << 28,
    stdio: ["ignore", "pipe", "inherit"],
  });
  if (py.status !== 0) throw new Error(`fixtures/${GEN}.py failed (status ${py.status}); is CPython ${releaseOf(VERSION)} installed (pyenv)?`);
  return py.stdout.split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as FixtureRow);
}

function fileRows(path: string): FixtureRow[] {
  return readFileSync(path, "utf8").split("\n").filter((l) => l.trim() !== "").map((l) => JSON.parse(l) as FixtureRow);
}

// ---------------------------------------------------------------------------
// Robustness mode.
// ---------------------------------------------------------------------------

async function robustness(seed: number, count: number): Promise<number> {
  const exprs = fileRows(`${root}fixtures/3.10/fuzz.jsonl`).map((r) => r.expr);
  const inputs = mutations(exprs, seed, count);
  const t0 = performance.now();
  const outcomes = await runAll(inputs);
  const failures: string[] = [];
  const codes = new Map<string, number>();
  let slowest = 0;
  outcomes.forEach((o, i) => {
    slowest = Math.max(slowest, o.ms);
    const input = inputs[i] as string;
    const shown = input.length > 160 ? `${input.slice(0, 160)}… (${input.length} chars)` : input;
    const slow = o.kind === "answer" && o.ms > HANG_MS;
    if (o.kind !== "answer" || slow || "thrown" in o.a || (!o.a.ok && o.a.code === "INTERNAL")) {
      failures.push(`#${i} ${JSON.stringify(shown)}\n    ${slow ? `took ${o.ms.toFixed(0)} ms of CPU (over ${HANG_MS}): ` : ""}${short(o)}`);
    }
    const code = o.kind !== "answer" ? o.kind : slow ? "slow" : "thrown" in o.a ? "thrown" : o.a.ok ? "ok" : o.a.code;
    codes.set(code, (codes.get(code) ?? 0) + 1);
  });
  console.log(`${inputs.length} mutated inputs (seed ${seed}) in ${((performance.now() - t0) / 1000).toFixed(1)} s; slowest ${slowest.toFixed(0)} ms of CPU`);
  console.log([...codes].sort().map(([k, n]) => `${k}: ${n}`).join(", "));
  // The slowest few, to see which work the step budget undercounts before it becomes a hang.
  const bySpeed = outcomes.map((o, i) => [o.ms, i] as const).sort((a, b) => b[0] - a[0]).slice(0, 5);
  for (const [ms, i] of bySpeed) console.log(`  ${ms.toFixed(0).padStart(5)} ms  #${i} ${JSON.stringify((inputs[i] as string).slice(0, 120))}`);
  // The same inputs through the CLI (fast ones only, in one batch): no stack trace, a line per input, status 0/1/2.
  // (LIMIT answers are left out: pymem's bound is wall time, so on a loaded machine each could take its full 4 s.)
  const fast = inputs.filter((_, i) => {
    const o = outcomes[i] as Outcome;
    return o.kind === "answer" && o.ms < 500 && !("thrown" in o.a) && (o.a.ok || o.a.code !== "LIMIT");
  });
  const cli = spawnSync(process.execPath, ["bin/pymem", "size", "--json", "--stdin"], { cwd: root, input: fast.join("\n") + "\n", encoding: "utf8", maxBuffer: 1 << 28, timeout: 600_000 });
  const lines = cli.stdout.split("\n").filter((l) => l !== "").length;
  if (![0, 1, 2].includes(cli.status ?? -1)) failures.push(`CLI exit status ${cli.status} (signal ${cli.signal})`);
  if (lines !== fast.length) failures.push(`CLI printed ${lines} lines for ${fast.length} inputs`);
  if (/^\s+at .+:\d+:\d+\)?$/m.test(cli.stderr)) failures.push(`CLI printed a stack trace:\n${cli.stderr.slice(0, 2000)}`);
  const internal = cli.stdout.split("\n").filter((l) => l.includes('"code":"INTERNAL"')).length;
  if (internal > 0) failures.push(`CLI reported INTERNAL for ${internal} inputs (listed above)`);
  console.log(`CLI over ${fast.length} of them: status ${cli.status}, ${lines} lines`);
  for (const f of failures) console.log(f);
  console.log(failures.length === 0 ? "no hang, crash, stack trace or INTERNAL" : `${failures.length} failures`);
  return failures.length === 0 ? 0 : 1;
}

async function main(): Promise<number> {
  if (releaseOf(VERSION) === undefined || layoutFor(VERSION) === undefined) {
    console.error(`--version ${VERSION}: pymem has no layout for it yet (tests/layoutFor.ts)`);
    return 2;
  }
  const count = arg("--count") ?? "500";
  if (process.argv.includes("--mutate")) return robustness(Number(arg("--seed") ?? "1"), Number(count));
  const file = arg("--file");
  if (file !== undefined) return differential(fileRows(file));
  const seed = arg("--seed");
  if (seed === undefined) {
    console.error("usage: npm run fuzz -- --seed N[-M] [--count K] [--version 3.10] | --file ROWS.jsonl [--version 3.10] | --mutate [--seed N] [--count K]");
    return 2;
  }
  return differential(freshRows(seed, count));
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof Error ? e.message : String(e));
    process.exit(2);
  },
);
