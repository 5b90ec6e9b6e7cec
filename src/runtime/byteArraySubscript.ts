// b[key] = v and del b[key] for a bytearray: bytearray_ass_subscript and
// bytearray_setslice_linear (Objects/bytearrayobject.c, 3.8-3.13 alike).
// Shrinking from the front (del b[:n], b[:n] = shorter) advances ob_start
// instead of moving bytes, and PyByteArray_Resize keeps a buffer only while
// the logical offset plus the new size still fit it.
import { bufferBytes } from "./arrayObject.js";
import { byteArrayResize, byteValue } from "./byteArrays.js";
import { checkCanResize } from "./memoryviewExports.js";
import { PyException, typeError, valueError } from "./errors.js";
import { ctx } from "./ctx.js";
import { toArray } from "./iteration.js";
import { intValue } from "./numbers.js";
import { typeName, type PyByteArrayObj, type PyObj } from "./objects.js";
import { sliceIndices } from "./sliceIndices.js";
import { bytesData } from "./text.js";
import { userIndexOf } from "./userDunders.js";

/** The bytes a slice store puts in: a buffer's contents, else PyByteArray_FromObject(values). */
function storedBytes(values: PyObj): Uint8Array {
  const buf = bufferBytes(values);
  if (buf !== null) return buf.slice();
  // PyNumber_Check || PyUnicode_Check
  if (["int", "bool", "float", "complex", "Decimal", "str"].includes(values.t)) {
    throw typeError("can assign only bytes, buffers, or iterables of ints in range(0, 256)");
  }
  return Uint8Array.from(toArray(values), byteValue);
}

/** bytearray_setslice_linear: replace data[lo:hi] by `bytes`, resizing once. */
function setSliceLinear(b: PyByteArrayObj, lo: number, hi: number, bytes: Uint8Array): void {
  const data = bytesData(b);
  const next = new Uint8Array(data.length - (hi - lo) + bytes.length);
  next.set(data.subarray(0, lo));
  next.set(bytes, lo);
  next.set(data.subarray(hi), lo + bytes.length);
  const growth = bytes.length - (hi - lo);
  if (growth === 0) {
    (b.data as Uint8Array).set(next);
    return;
  }
  // bytearray_setslice_linear checks _canresize before it moves anything.
  if (growth < 0) checkCanResize(b);
  // Shrink the buffer by advancing its logical start.
  if (growth < 0 && lo === 0) b.offset = (b.offset ?? 0) - growth;
  byteArrayResize(b, next.length);
  (b.data as Uint8Array).set(next);
}

/** bytearray_ass_subscript: `values` null deletes. */
export function byteArrayAssSubscript(b: PyByteArrayObj, index: PyObj, values: PyObj | null): void {
  const size = b.length;
  let start: number;
  let step: number;
  let slicelen: number;
  if (index.t !== "slice") {
    const iv = intValue(index) ?? userIndexOf(index);
    if (iv === null) throw typeError(`bytearray indices must be integers or slices, not ${typeName(index)}`);
    let i = Number(iv);
    // The value is converted before the range check from 3.10 (GH-91153), after it before.
    const early = values !== null && ctx().layout.rules.byteArrayIndexCheckedFirst !== true ? byteValue(values) : null;
    if (i < 0) i += size;
    if (!(i >= 0 && i < size)) throw new PyException("IndexError", "bytearray index out of range");
    if (values !== null) {
      bytesData(b)[i] = early ?? byteValue(values);
      return;
    }
    [start, step, slicelen] = [i, 1, 1];
  } else {
    [start, step, slicelen] = sliceIndices(index, size);
  }
  const bytes = values === null ? new Uint8Array(0) : storedBytes(values);
  if (step === 1) {
    setSliceLinear(b, start, start + slicelen, bytes);
    return;
  }
  if (bytes.length === 0) {
    // Delete an extended slice: the kept bytes move down, then one resize.
    if (values === null) checkCanResize(b);
    if (slicelen === 0) return;
    const drop = new Set<number>();
    for (let i = 0, j = start; i < slicelen; i++, j += step) drop.add(j);
    const kept = bytesData(b).filter((_x, i) => !drop.has(i));
    byteArrayResize(b, kept.length);
    (b.data as Uint8Array).set(kept);
    return;
  }
  if (bytes.length !== slicelen) {
    throw valueError(`attempt to assign bytes of size ${bytes.length} to extended slice of size ${slicelen}`);
  }
  const data = bytesData(b);
  for (let i = 0, j = start; i < slicelen; i++, j += step) data[j] = bytes[i] as number;
}
