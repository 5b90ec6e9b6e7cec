// The search window of list/tuple/deque/array.index(x, start, stop): bounds
// by _PyEval_SliceIndexNotNone, negative ones from the end, clipped to the length.
import { pyEq } from "./compare.js";
import { typeError } from "./errors.js";
import { intValue } from "./numbers.js";
import type { PyObj } from "./objects.js";
import { userIndexOf } from "./userDunders.js";

/** The [start, stop) that list.index searches in a sequence of `len` items (negative bounds from the end). */
export function indexBounds(len: number, start: PyObj | undefined, stop: PyObj | undefined): [number, number] {
  const bound = (o: PyObj | undefined, dflt: number): number => {
    if (o === undefined) return dflt;
    const v = intValue(o) ?? userIndexOf(o);
    if (v === null) throw typeError("slice indices must be integers or have an __index__ method");
    const n = Number(v);
    return n < 0 ? Math.max(n + len, 0) : n;
  };
  return [bound(start, 0), Math.min(bound(stop, len), len)];
}

export function indexIn(items: readonly PyObj[], x: PyObj, start: PyObj | undefined, stop: PyObj | undefined): number {
  const [a, b] = indexBounds(items.length, start, stop);
  for (let i = a; i < b; i++) {
    const y = items[i] as PyObj;
    if (y === x || pyEq(y, x)) return i;
  }
  return -1;
}
