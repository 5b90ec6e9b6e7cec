// _PySlice_GetLongIndices (Objects/sliceobject.c): a slice's start, stop and
// step for a sequence of any length, in exact integers (range slicing and
// slice.indices need it where lengths pass 2**53).
import { typeError, valueError } from "./errors.js";
import { intValue } from "./numbers.js";
import type { PyObj, PySliceObj } from "./objects.js";
import { userIndexOf } from "./userDunders.js";

export function longSliceIndices(s: PySliceObj, length: bigint): [start: bigint, stop: bigint, step: bigint] {
  const bound = (o: PyObj): bigint | null => {
    if (o.t === "NoneType") return null;
    const v = intValue(o) ?? userIndexOf(o);
    if (v === null) throw typeError("slice indices must be integers or None or have an __index__ method");
    return BigInt(v);
  };
  const step = bound(s.step) ?? 1n;
  if (step === 0n) throw valueError("slice step cannot be zero");
  const neg = step < 0n;
  const lower = neg ? -1n : 0n;
  const upper = neg ? length - 1n : length;
  const clamp = (v: bigint | null, dflt: bigint): bigint => {
    if (v === null) return dflt;
    if (v < 0n) {
      const w = v + length;
      return w < lower ? lower : w;
    }
    return v > upper ? upper : v;
  };
  return [clamp(bound(s.start), neg ? upper : lower), clamp(bound(s.stop), neg ? lower : upper), step];
}

/** How many items start, stop, step select (compute_range_length). */
export function longSliceLength(start: bigint, stop: bigint, step: bigint): bigint {
  if (step > 0n) return start < stop ? (stop - start - 1n) / step + 1n : 0n;
  return start > stop ? (start - stop - 1n) / -step + 1n : 0n;
}
