// A slice's start, step and length for a sequence of a JS-sized length, as
// PySlice_Unpack and PySlice_AdjustIndices compute them (Objects/sliceobject.c).
// Exact integers for any length are in longSlices.ts.
import { PyException, typeError } from "./errors.js";
import { intValue } from "./numbers.js";
import type { PyObj, PySliceObj } from "./objects.js";
import { userIndexOf } from "./userDunders.js";

function sliceInt(o: PyObj): bigint | null {
  if (o.t === "NoneType") return null;
  const v = intValue(o) ?? userIndexOf(o);
  if (v === null) throw typeError("slice indices must be integers or None or have an __index__ method");
  return BigInt(v);
}

/** PySlice_Unpack + PySlice_AdjustIndices: [start, step, slicelength]. */
export function sliceIndices(s: PySliceObj, length: number): [number, number, number] {
  const len = BigInt(length);
  const stepB = sliceInt(s.step) ?? 1n;
  if (stepB === 0n) throw new PyException("ValueError", "slice step cannot be zero");
  let start = sliceInt(s.start);
  let stop = sliceInt(s.stop);
  const neg = stepB < 0n;
  const clamp = (v: bigint | null, dflt: bigint): bigint => {
    if (v === null) return dflt;
    if (v < 0n) {
      v += len;
      if (v < 0n) v = neg ? -1n : 0n;
    } else if (v >= len) v = neg ? len - 1n : len;
    return v;
  };
  start = clamp(start, neg ? len - 1n : 0n);
  stop = clamp(stop, neg ? -1n : len);
  let n = 0n;
  if (neg) {
    if (stop < start) n = (start - stop - 1n) / -stepB + 1n;
  } else if (start < stop) n = (stop - start - 1n) / stepB + 1n;
  return [Number(start), Number(stepB), Number(n)];
}
