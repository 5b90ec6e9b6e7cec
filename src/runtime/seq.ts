// The item store of a list or tuple. Big values built from closed forms stay
// closed: a run of fresh ints (list(range(n))) or a repeat of a few objects
// ([0] * n). A run is a view (offset, stride, length) of a RunCell, the
// objects one evaluation made: slices, sorted() and reversed copies of a run
// are views of the same cell, so they hold the same int objects, as CPython's
// copies hold the same references. Anything that needs the items one by one
// materialises the store in place, so identity is never invented twice.
import { chargeSteps } from "./ctx.js";
import { limitError } from "./errors.js";
import { pyInt, type PyObj } from "./objects.js";

/**
 * The int objects start, start+step, … (len of them) one evaluation made: the
 * small ones are CPython's cached ints, the others one fresh object each,
 * created on first use and then the same for every view.
 */
export interface RunCell {
  readonly start: number;
  readonly step: number;
  readonly len: number;
  /** Every item, once materialised. */
  items: PyObj[] | null;
  /** The fresh items made one at a time before that (index -> object). */
  sparse: Map<number, PyObj> | null;
}

/** Items cell[off], cell[off + stride], … (`len` of them); start/step are their values. */
export interface IntRunSeq {
  readonly kind: "intrun";
  readonly start: number;
  readonly step: number;
  readonly len: number;
  readonly cell: RunCell;
  readonly off: number;
  readonly stride: number;
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

export function isRun(s: Seq): s is IntRunSeq {
  return !Array.isArray(s) && s.kind === "intrun";
}

/** The items as an array of objects; a lazy store yields a fresh array each call (its holder keeps it). */
export function materialize(s: Seq): PyObj[] {
  if (Array.isArray(s)) return s;
  if (s.kind === "intrun") {
    if (s.cell.items === null && s.len * 2 < s.cell.len) {
      // A small view of a big cell: only its own objects are made.
      checkMaterializable(s.len);
      chargeSteps(s.len);
      return Array.from({ length: s.len }, (_, k) => cellItem(s.cell, s.off + k * s.stride));
    }
    const all = cellItems(s.cell, s.len);
    const out: PyObj[] = new Array<PyObj>(s.len);
    for (let k = 0, j = s.off; k < s.len; k++, j += s.stride) out[k] = all[j] as PyObj;
    return out;
  }
  const n = seqLen(s);
  checkMaterializable(n);
  chargeSteps(n);
  const out: PyObj[] = new Array<PyObj>(n);
  const u = s.unit.length;
  for (let c = 0, k = 0; c < s.count; c++) for (let j = 0; j < u; j++) out[k++] = s.unit[j] as PyObj;
  return out;
}

function checkMaterializable(n: number): void {
  if (n > MAX_MATERIALIZED) {
    throw limitError(`this operation would need the ${n} items of a big sequence one by one; pymem holds at most ${MAX_MATERIALIZED}`);
  }
}

/** Every object of the cell (made now if need be, reusing those made one at a time); `want` is what the caller needs. */
function cellItems(cell: RunCell, want: number): PyObj[] {
  if (cell.items !== null) return cell.items;
  checkMaterializable(Math.max(want, cell.len));
  chargeSteps(cell.len);
  const out: PyObj[] = new Array<PyObj>(cell.len);
  const sparse = cell.sparse;
  for (let i = 0, v = cell.start; i < cell.len; i++, v += cell.step) out[i] = sparse?.get(i) ?? pyInt(v);
  cell.items = out;
  cell.sparse = null;
  return out;
}

/** Item k of a store without materialising a closed form. */
export function seqItem(s: Seq, k: number): PyObj {
  if (Array.isArray(s)) return s[k] as PyObj;
  if (s.kind === "repeat") return s.unit[k % s.unit.length] as PyObj;
  return cellItem(s.cell, s.off + k * s.stride);
}

/** The cell's object at index i: the cached small int, or the one fresh object for that place. */
export function cellItem(cell: RunCell, i: number): PyObj {
  if (cell.items !== null) return cell.items[i] as PyObj;
  const v = cell.start + i * cell.step;
  if (v >= -5 && v <= 256) return pyInt(v);
  cell.sparse ??= new Map();
  let o = cell.sparse.get(i);
  if (o === undefined) cell.sparse.set(i, (o = pyInt(v)));
  return o;
}

/** The int run's items k = from, from + by, … (n of them): a view of the same objects. */
export function runView(s: IntRunSeq, from: number, by: number, n: number): IntRunSeq {
  if (n <= 1) by = 1; // a step only matters between two items; keeping it non-zero keeps the arithmetic simple
  return { kind: "intrun", start: s.start + from * s.step, step: s.step * by, len: n, cell: s.cell, off: s.off + from * s.stride, stride: s.stride * by };
}

/** A new cell of fresh ints start, start+step, … and the view of all of it. */
export function newIntRun(start: number, step: number, len: number): IntRunSeq {
  return { kind: "intrun", start, step, len, cell: { start, step, len, items: null, sparse: null }, off: 0, stride: 1 };
}

export function makeIntRun(start: number, step: number, len: number): Seq {
  const run = newIntRun(start, step, len);
  return len <= 64 ? materialize(run) : run;
}

/** Whether every value of the run is a safe JS integer (the closed forms compute in doubles). */
export function runFitsNumber(start: number | bigint, step: number | bigint, len: number | bigint): boolean {
  const a = BigInt(start);
  const b = a + BigInt(step) * (BigInt(len) - 1n);
  const M = BigInt(Number.MAX_SAFE_INTEGER);
  return a >= -M && a <= M && b >= -M && b <= M && BigInt(step) >= -M && BigInt(step) <= M;
}

export function makeRepeat(unit: readonly PyObj[], count: number): Seq {
  const n = unit.length * count;
  if (n <= 4096) return materialize({ kind: "repeat", unit, count });
  return { kind: "repeat", unit, count };
}
