// Comprehensions whose value has a closed form: `[a*i + b for i in R]` over a
// range (or a list/tuple run) R, with a and b int constants. Each item is an
// int computed afresh (CPython caches -5..256, every other result is a new
// object), so the list holds a new run of fresh ints — or, for `[i for i in
// l]` over a run l, the same objects as l. `allocated` follows LIST_APPEND's
// list_resize calls exactly (appendAllocated).
import type { Layout } from "../layouts/layout.js";
import type { Expr } from "../python/ast.js";
import type { PyObj } from "./objects.js";
import { isRun, newIntRun, runFitsNumber, runView, type IntRunSeq } from "./seq.js";

/** Item value a*i + b of the loop variable i; `same` when the item is i itself (the same object, not a new int). */
export interface Affine {
  readonly a: bigint;
  readonly b: bigint;
  readonly same: boolean;
}

/** The element as a*name + b when it is int arithmetic on `name` and int constants only, mentioning `name`; else null. */
export function affineOf(e: Expr, name: string): Affine | null {
  const r = affine(e, name);
  return r !== null && r.uses ? { a: r.a, b: r.b, same: e.kind === "Name" } : null;
}

function affine(e: Expr, name: string): { a: bigint; b: bigint; uses: boolean } | null {
  switch (e.kind) {
    case "Name":
      return e.id === name ? { a: 1n, b: 0n, uses: true } : null;
    case "Constant":
      return e.value.t === "int" ? { a: 0n, b: e.value.v, uses: false } : null;
    case "UnaryOp": {
      const x = affine(e.operand, name);
      if (x === null) return null;
      // (+i is i itself for an exact int: not modelled, it stays item by item.)
      return e.op === "USub" ? { a: -x.a, b: -x.b, uses: x.uses } : null;
    }
    case "BinOp": {
      const l = affine(e.left, name);
      const r = affine(e.right, name);
      if (l === null || r === null) return null;
      const uses = l.uses || r.uses;
      switch (e.op) {
        case "Add":
          return { a: l.a + r.a, b: l.b + r.b, uses };
        case "Sub":
          return { a: l.a - r.a, b: l.b - r.b, uses };
        case "Mult":
          if (l.uses && r.uses) return null;
          return l.uses ? { a: l.a * r.b, b: l.b * r.b, uses } : { a: r.a * l.b, b: r.b * l.b, uses };
        case "Pow":
          // Constants only (2**20): folded by the compiler.
          if (uses || r.b < 0n || r.b > 64n) return null;
          return { a: 0n, b: l.b ** r.b, uses };
        default:
          return null;
      }
    }
    default:
      return null;
  }
}

/** Values first, first + step, … (len of them) the loop variable takes, when the iterable is a range or an int run. */
export interface RunSource {
  readonly start: bigint;
  readonly step: bigint;
  readonly len: number;
  /** The items are these existing objects (a list or tuple run). */
  readonly run: IntRunSeq | null;
}

/** Below this many items a comprehension runs item by item (as makeIntRun materialises). */
const CLOSED_FROM = 65;

export function runSource(it: PyObj): RunSource | null {
  if (it.t === "range") {
    if (it.len < BigInt(CLOSED_FROM) || !runFitsNumber(it.start, it.step, it.len)) return null;
    return { start: it.start, step: it.step, len: Number(it.len), run: null };
  }
  // An exact list or tuple: a subclass's object is iterated through its class (its own __iter__).
  if (((it.t === "list" && it.sub === undefined) || (it.t === "tuple" && it.cls === undefined)) && isRun(it.items) && it.items.len >= CLOSED_FROM) {
    const r = it.items;
    return { start: BigInt(r.start), step: BigInt(r.step), len: r.len, run: r };
  }
  return null;
}

/** The ints a range makes (a new cell) or a list/tuple run holds, as a run, when there are enough of them to keep closed. */
export function intRunOf(it: PyObj): IntRunSeq | null {
  const src = runSource(it);
  return src === null ? null : affineRun(src, { a: 1n, b: 0n, same: true });
}

/** The items of `[a*i + b for i in src]`: a view of src's own objects for `i`, else a new run; null when the values do not fit. */
export function affineRun(src: RunSource, f: Affine): IntRunSeq | null {
  if (f.a === 0n) return null;
  // i itself: the source's own objects (a range's are made now, one each); i*1 or i+0 make new ones.
  if (f.same && src.run !== null) return runView(src.run, 0, 1, src.len);
  const start = f.a * src.start + f.b;
  const step = f.a * src.step;
  if (!runFitsNumber(start, step, src.len)) return null;
  return newIntRun(Number(start), Number(step), src.len);
}

/** ob_allocated after n LIST_APPENDs into an empty list: list_resize at each full array. */
export function appendAllocated(layout: Layout, n: number): number {
  let allocated = 0;
  let size = 0;
  while (size < n) {
    allocated = layout.list.resize(allocated, size, size + 1);
    size = Math.min(n, allocated);
  }
  return allocated;
}

/** The k with run item k == v (an int), or -1: items are distinct, so at most one. */
export function runFind(r: IntRunSeq, v: bigint): number {
  const d = v - BigInt(r.start);
  const step = BigInt(r.step);
  if (d % step !== 0n) return -1;
  const k = d / step;
  return k >= 0n && k < BigInt(r.len) ? Number(k) : -1;
}

/** sum() of the run's values. */
export function runSum(r: IntRunSeq): bigint {
  const n = BigInt(r.len);
  return n * BigInt(r.start) + (BigInt(r.step) * n * (n - 1n)) / 2n;
}

/** The index of the least (which "min") or greatest item. */
export function runExtremeIndex(r: IntRunSeq, which: "min" | "max"): number {
  return (which === "min") === r.step > 0 ? 0 : r.len - 1;
}

/** The items in the opposite order: a view of the same objects. */
export function runReversed(r: IntRunSeq): IntRunSeq {
  return runView(r, r.len - 1, -1, r.len);
}
