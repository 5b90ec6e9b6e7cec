// bytearray growth (Objects/bytearrayobject.c): every size change goes
// through PyByteArray_Resize, whose over-allocation the layout gives.
import { ctx } from "./ctx.js";
import { checkCanResize } from "./memoryviewExports.js";
import { typeError, valueError } from "./errors.js";
import { toArray } from "./iteration.js";
import { intValue } from "./numbers.js";
import { typeName, type PyByteArrayObj, type PyObj } from "./objects.js";
import { bytesData } from "./text.js";
import { userIndexOf } from "./userDunders.js";

/** PyByteArray_Resize(self, requested), keeping the contents; a new buffer drops the logical offset. */
export function byteArrayResize(b: PyByteArrayObj, requested: number): void {
  if (requested !== b.length) checkCanResize(b);
  const old = bytesData(b);
  const layout = ctx().layout.bytearray;
  const offset = b.offset ?? 0;
  if (!layout.keepsBuffer(b.alloc, b.length, requested, offset)) delete b.offset;
  b.alloc = layout.resize(b.alloc, b.length, requested, offset);
  const data = new Uint8Array(requested);
  data.set(old.subarray(0, Math.min(old.length, requested)));
  b.data = data;
  b.rep = null;
  b.length = requested;
}

/** _getbytevalue: an int (or __index__) in range(0, 256); a huge int is out of range too, not an OverflowError. */
export function byteValue(x: PyObj): number {
  const v = intValue(x) ?? userIndexOf(x);
  if (v === null) throw typeError(`'${typeName(x)}' object cannot be interpreted as an integer`);
  if (v < 0 || v > 255) throw valueError("byte must be in range(0, 256)");
  return Number(v);
}

/** bytearray_iconcat / bytearray.extend: one resize to the summed length. */
export function byteArrayExtend(b: PyByteArrayObj, src: PyObj): void {
  let add: Uint8Array;
  if (src.t === "bytes" || src.t === "bytearray") add = bytesData(src).slice();
  else {
    if (src.t === "str" || src.t === "int") throw typeError(`can't extend bytearray with ${typeName(src)}`);
    add = Uint8Array.from(toArray(src), byteValue);
  }
  if (add.length === 0) return;
  const start = b.length;
  byteArrayResize(b, start + add.length);
  (b.data as Uint8Array).set(add, start);
}
