// Evaluate an expression and size the value: the figures of SEMANTICS.md.
import type { Layout } from "../layouts/layout.js";
import { budgetFor, withCtx } from "../runtime/ctx.js";
import { evaluate, type EvalError } from "../runtime/evaluate.js";
import { PymemError } from "../runtime/errors.js";
import { typeName } from "../runtime/objects.js";
import { ProgressClock, type ProgressSink } from "../runtime/progress.js";
import { deepSize, type TypeTotal } from "./deep.js";
import { getsizeof } from "./getsizeof.js";
import { sizeofMethod } from "./sizeofMethod.js";
import { explainObject, type Explanation } from "./explain.js";

export interface Measurement {
  readonly type: string;
  readonly size: number;
  readonly deep: number;
  readonly objects: number;
  readonly breakdown: ReadonlyMap<string, TypeTotal>;
  /** With `explain`: the value's struct, then (deep) one per other type reached. */
  readonly explanations?: readonly Explanation[];
}

export type MeasureResult = { readonly ok: true; readonly m: Measurement } | { readonly ok: false; readonly error: EvalError };

export interface MeasureRequest {
  readonly expr: string;
  readonly setup: string | null;
  readonly layout: Layout;
  /** `--timeout`: scales the work budget and the wall-clock safety net (default 4). */
  readonly timeoutS?: number;
  readonly explain?: "value" | "deep";
  /** Told how far a value that takes more than a second has got. */
  readonly onProgress?: ProgressSink;
}

/** At most this many frozenset constants of unknown order are tried both ways (2**n evaluations). */
const MAX_GUESSED_CONSTANTS = 3;

/**
 * measureOnce, and where the order of some frozenset constant depends on an interned state
 * pymem cannot know (constPool.ts), once per way of building each: the answer when every way
 * gives the same figures (a set's sizes rarely depend on its order), else refused.
 */
export function measure(req: MeasureRequest): MeasureResult {
  const guesses: string[] = [];
  const first = measureOnce(req, () => true, guesses);
  if (guesses.length === 0) return first;
  const refused = (): MeasureResult => ({ ok: false, error: { code: "UNSUPPORTED", pyType: null, message: guesses[0] as string, span: null, where: "expr" } });
  if (guesses.length > MAX_GUESSED_CONSTANTS) return refused();
  for (let ways = 0; ways < (1 << guesses.length) - 1; ways++) {
    const other = measureOnce(req, (i) => ((ways >> i) & 1) === 1, []);
    if (!sameResult(first, other)) return refused();
  }
  return first;
}

function sameResult(a: MeasureResult, b: MeasureResult): boolean {
  if (!a.ok || !b.ok) return !a.ok && !b.ok && a.error.code === b.error.code && a.error.message === b.error.message && a.error.pyType === b.error.pyType;
  const [x, y] = [a.m, b.m];
  if (x.type !== y.type || x.size !== y.size || x.deep !== y.deep || x.objects !== y.objects || x.breakdown.size !== y.breakdown.size) return false;
  for (const [k, t] of x.breakdown) {
    const u = y.breakdown.get(k);
    if (u === undefined || JSON.stringify(u) !== JSON.stringify(t)) return false;
  }
  return true;
}

/** One evaluation and its figures; `guesses` gets why each guessed constant's order was unknown. */
function measureOnce(req: MeasureRequest, guess: (index: number) => boolean, guesses: string[]): MeasureResult {
  const progress = req.onProgress === undefined ? undefined : new ProgressClock(req.onProgress);
  const r = evaluate({
    rebuildGuess: (why) => guess(guesses.push(why) - 1),
    expr: req.expr,
    setup: req.setup,
    layout: req.layout,
    budget: budgetFor(req.timeoutS),
    sizes: () => ({ getsizeof: (o) => getsizeof(o, req.layout), sizeofMethod: (o) => sizeofMethod(o, req.layout) }),
    ...(progress === undefined ? {} : { progress }),
  });
  if (!r.ok) return r;
  let d: ReturnType<typeof deepSize>;
  try {
    r.ctx.liveRoots = [r.value];
    d = withCtx(r.ctx, () => deepSize(r.value, req.layout, progress ?? null));
  } catch (e) {
    // A value holding an object whose size this version's model lacks is refused, naming it.
    if (e instanceof PymemError && e.code === "UNSUPPORTED") return { ok: false, error: { code: e.code, pyType: null, message: e.message, span: null, where: "expr" } };
    const detail = e instanceof Error ? e.message : String(e);
    return { ok: false, error: { code: "INTERNAL", pyType: null, message: `pymem cannot size this value (${detail}); please report it`, span: null, where: "expr" } };
  }
  if (!Number.isSafeInteger(d.deep)) {
    return { ok: false, error: { code: "LIMIT", pyType: null, message: `the value's size (${d.deep} bytes) is beyond exact integer arithmetic`, span: null, where: "expr" } };
  }
  const m: Measurement = { type: typeName(r.value), size: d.size, deep: d.deep, objects: d.objects, breakdown: d.breakdown };
  if (req.explain === undefined) return { ok: true, m };
  const objs = req.explain === "deep" ? [r.value, ...[...d.firstOfType.values()].filter((o) => o !== r.value)] : [r.value];
  // Inside the evaluation's context: what it did to an object (a str's wstr) shows in its table.
  return { ok: true, m: { ...m, explanations: withCtx(r.ctx, () => objs.map((o) => explainObject(o, req.layout))) } };
}
