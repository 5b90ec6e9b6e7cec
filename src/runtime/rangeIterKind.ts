// Which iterator type iter(range) and reversed(range) make (Objects/rangeobject.c):
// range_iterator when every field fits a C long (and, from 3.9, the last step
// cannot overflow one), else longrange_iterator. Same values either way; the
// type's name differs.
import { ctx } from "./ctx.js";

const LONG_MAX = 2n ** 63n - 1n;
const LONG_MIN = -(2n ** 63n);

function fitsLong(v: bigint): boolean {
  return v >= LONG_MIN && v <= LONG_MAX;
}

/** range_iter: the fast iterator for these fields and length? */
export function rangeIterIsFast(start: bigint, stop: bigint, step: bigint, len: bigint): boolean {
  if (!fitsLong(start) || !fitsLong(stop) || !fitsLong(step) || len > LONG_MAX) return false;
  // 3.9+: lstart + ulen * lstep must not overflow (checked through lstop); 3.8's fast_range_iter checks the length only.
  if (ctx().layout.rules.rangeIterChecksLengthOnly === true || len === 0n) return true;
  return step > 0n ? stop <= LONG_MAX - (step - 1n) : stop >= LONG_MIN + (-1n - step);
}

/** range_reverse: the fast iterator unless -step or start - step could overflow a C long. */
export function reversedRangeIsFast(start: bigint, stop: bigint, step: bigint, len: bigint): boolean {
  if (!fitsLong(start) || !fitsLong(stop) || !fitsLong(step) || step === LONG_MIN) return false;
  if (!fitsLong(start - step)) return false;
  return len <= LONG_MAX;
}
