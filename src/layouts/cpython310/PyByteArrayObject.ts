// Include/cpython/bytearrayobject.h and Objects/bytearrayobject.c.
// bytearray_sizeof = sizeof(PyByteArrayObject) + ob_alloc; not GC-tracked.
import { cstruct, field, padding } from "../struct.js";
import { shiftRight } from "./bits.js";
import { ptr, PyVarObjectStruct, SIZEOF, ssize } from "./platform.js";

export const PyByteArrayObjectStruct = cstruct("PyByteArrayObject", [
  { embed: PyVarObjectStruct },
  ssize("ob_alloc"),
  ptr("ob_bytes", "char *"),
  ptr("ob_start", "char *"),
  field("ob_exports", "int", SIZEOF.int),
  padding(4),
]);
/** The separately allocated buffer ob_bytes points to: ob_alloc chars. */
export const ob_bytesElement = field("buffer", "char", SIZEOF.char);

export function sizeofByteArray(alloc: number): number {
  return PyByteArrayObjectStruct.size + ob_bytesElement.size * alloc;
}

/**
 * ob_alloc after PyByteArray_Resize(self, requested) — growth overallocates
 * by 1/8 when moderate, else allocates exactly size + 1 for the trailing NUL.
 * Returns the same alloc when the buffer is kept.
 */
export function byteArrayResize(alloc: number, size: number, requested: number, offset = 0): number {
  if (byteArrayKeepsBuffer(alloc, size, requested, offset)) return alloc;
  if (requested + offset + 1 <= alloc) return requested + 1; // major downsize: exact
  if (requested <= alloc * 1.125) return requested + shiftRight(requested, 3) + (requested < 9 ? 3 : 6);
  return requested + 1;
}

/**
 * PyByteArray_Resize's quick exits: the same size, or a minor downsize that
 * still fits the buffer past the logical offset (size_t division). Any other
 * resize reallocates, and the data starts at the buffer again.
 */
export function byteArrayKeepsBuffer(alloc: number, size: number, requested: number, offset: number): boolean {
  if (requested === size) return true;
  return requested + offset + 1 <= alloc && requested >= Math.floor(alloc / 2);
}

/** PyByteArray_FromStringAndSize(…, n): exact, with no buffer at all when empty. */
export function byteArrayExactAlloc(n: number): number {
  return n === 0 ? 0 : n + 1;
}
