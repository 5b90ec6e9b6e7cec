// Include/cpython/bytearrayobject.h and Objects/bytearrayobject.c.
// bytearray_sizeof = sizeof(PyByteArrayObject) + ob_alloc; not GC-tracked.
import { shiftRight } from "./bits.js";
export const sizeofPyByteArrayObject = 56;

export function sizeofByteArray(alloc: number): number {
  return sizeofPyByteArrayObject + alloc;
}

/**
 * ob_alloc after PyByteArray_Resize(self, requested) — growth overallocates
 * by 1/8 when moderate, else allocates exactly size + 1 for the trailing NUL.
 * Returns the same alloc when the buffer is kept.
 */
export function byteArrayResize(alloc: number, size: number, requested: number): number {
  if (requested === size) return alloc;
  if (requested + 1 <= alloc) {
    if (requested < Math.floor(alloc / 2)) return requested + 1; // major downsize: exact (size_t division)
    return alloc; // minor downsize: keep the buffer
  }
  if (requested <= alloc * 1.125) return requested + shiftRight(requested, 3) + (requested < 9 ? 3 : 6);
  return requested + 1;
}

/** PyByteArray_FromStringAndSize(…, n): exact, with no buffer at all when empty. */
export function byteArrayExactAlloc(n: number): number {
  return n === 0 ? 0 : n + 1;
}
