// Child process of scripts/fuzz.ts: measures one expression per IPC message
// and answers with pymem's figures or error. It runs apart so that the parent
// can time each input, kill a hang and notice a crash.
import type { Layout } from "../src/layouts/layout.js";
import { measure } from "../src/sizing/measure.js";
import { layoutFor } from "../tests/layoutFor.js";

// The CPython version to measure as (scripts/fuzz.ts checked that pymem has its layout).
const version = process.argv[2] ?? "3.10";
const layout: Layout =
  layoutFor(version) ??
  (() => {
    throw new Error(`no layout for CPython ${version}`);
  })();

export interface WorkerRequest {
  readonly i: number;
  readonly expr: string;
  readonly setup?: string | null;
}

export type WorkerAnswer = { readonly cpuMs?: number } & (
  | { readonly i: number; readonly ok: true; readonly type: string; readonly size: number; readonly deep: number; readonly objects: number; readonly breakdown: Record<string, [number, number]> }
  | { readonly i: number; readonly ok: false; readonly code: string; readonly pyType: string | null; readonly message: string }
  | { readonly i: number; readonly thrown: string }
);

function answer(req: WorkerRequest): WorkerAnswer {
  try {
    const r = measure({ expr: req.expr, setup: req.setup ?? null, layout });
    if (!r.ok) return { i: req.i, ok: false, code: r.error.code, pyType: r.error.pyType, message: r.error.message };
    const breakdown = Object.fromEntries([...r.m.breakdown].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [v.count, v.bytes] as [number, number]]));
    return { i: req.i, ok: true, type: r.m.type, size: r.m.size, deep: r.m.deep, objects: r.m.objects, breakdown };
  } catch (e) {
    // measure() must never throw: an exception here is what the CLI would show as a stack trace.
    return { i: req.i, thrown: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

measure({ expr: "0", setup: null, layout }); // build the builtins before the first timed input
process.on("message", (req: WorkerRequest) => {
  // CPU time, not wall time: the machine running the fuzzer may be shared and loaded.
  const c0 = process.cpuUsage();
  const a = answer(req);
  const c = process.cpuUsage(c0);
  process.send?.({ ...a, cpuMs: (c.user + c.system) / 1000 });
});
process.send?.({ i: -1, ready: true });
