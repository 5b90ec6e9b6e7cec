// The item store of a list or tuple. Big values built from closed forms stay
// closed: a run of fresh ints (list(range(n))) or a repeat of a few objects
// ([0] * n). Anything that needs the items one by one materialises the store
// in place, so identity is never invented twice.
import { chargeSteps } from "./ctx.js";
import { limitError } from "./errors.js";
import { pyInt, type PyObj } from "./objects.js";

/** `len` fresh int objects start, start+step, …; the small ones are CPython's cached ints. */
export interface IntRunSeq {
  readonly kind: "intrun";
  readonly start: number;
  readonly step: number;
  readonly len: number;
  // Shared by every container holding this run: once its ints exist, they are the same objects for all.
  readonly cell: { items: PyObj[] | null };
}

/** `unit` repeated `count` times: the same objects, referenced again. */
export interface RepeatSeq {
  readonly kind: "repeat";
  readonly unit: readonly PyObj[];
  readonly count: number;
}

export type LazySeq = IntRunSeq | RepeatSeq;
export type Seq = PyObj[] | LazySeq;

/** The most items pymem will hold one JS object each for. */
export const MAX_MATERIALIZED = 30_000_000;

export function seqLen(s: Seq): number {
  if (Array.isArray(s)) return s.length;
  return s.kind === "intrun" ? s.len : s.unit.length * s.count;
}

export function isLazy(s: Seq): s is LazySeq {
  return !Array.isArray(s);
}

/** The items as an array of objects; a lazy store yields a fresh array each call (its holder keeps it). */
export function materialize(s: Seq): PyObj[] {
  if (Array.isArray(s)) return s;
  if (s.kind === "intrun" && s.cell.items !== null) return s.cell.items.slice();
  const n = seqLen(s);
  if (n > MAX_MATERIALIZED) {
    throw limitError(
      `this operation would need the ${n} items of a big sequence one by one; pymem holds at most ${MAX_MATERIALIZED}`,
    );
  }
  chargeSteps(n);
  const out: PyObj[] = new Array<PyObj>(n);
  if (s.kind === "intrun") {
    for (let i = 0, v = s.start; i < n; i++, v += s.step) out[i] = pyInt(v);
    s.cell.items = out;
    return out.slice();
  } else {
    const u = s.unit.length;
    for (let c = 0, k = 0; c < s.count; c++) for (let j = 0; j < u; j++) out[k++] = s.unit[j] as PyObj;
  }
  return out;
}

export function makeIntRun(start: number, step: number, len: number): Seq {
  const run: IntRunSeq = { kind: "intrun", start, step, len, cell: { items: null } };
  return len <= 64 ? materialize(run) : run;
}

export function makeRepeat(unit: readonly PyObj[], count: number): Seq {
  const n = unit.length * count;
  if (n <= 4096) return materialize({ kind: "repeat", unit, count });
  return { kind: "repeat", unit, count };
}
