// Include/cpython/listobject.h and Objects/listobject.c (3.10).
// list___sizeof__ = sizeof(PyListObject) + allocated * sizeof(PyObject *), plus PyGC_Head.
import { roundDownTo4, roundUpTo4, roundUpToEven, shiftRight } from "./bits.js";
import { cstruct, field } from "../struct.js";
import { ptr, PyGC_Head, PyVarObjectStruct, SIZEOF, ssize } from "./platform.js";

export const PyListObjectStruct = cstruct("PyListObject", [{ embed: PyVarObjectStruct }, ptr("ob_item", "PyObject **"), ssize("allocated")]);
/** The separately allocated array ob_item points to: `allocated` pointers. */
export const ob_itemElement = field("item array", "PyObject *", SIZEOF.pointer);

export function sizeofList(allocated: number): number {
  return PyGC_Head + PyListObjectStruct.size + ob_itemElement.size * allocated;
}

/** `allocated` after list_resize(self, newsize) from (allocated, ob_size). */
export function listResize(allocated: number, size: number, newsize: number): number {
  if (allocated >= newsize && newsize >= shiftRight(allocated, 1)) return allocated;
  // Over-allocate proportional to the list size, making room for additional growth.
  let newAllocated = roundDownTo4(newsize + shiftRight(newsize, 3) + 6);
  // Do not overallocate if the new size is closer to overallocated size than to the old size.
  if (newsize - size > newAllocated - newsize) newAllocated = roundUpTo4(newsize);
  if (newsize === 0) newAllocated = 0;
  return newAllocated;
}

/** list_preallocate_exact: pymalloc's 16-byte granularity makes an odd count round up to even. */
export function listPreallocateExact(n: number): number {
  return roundUpToEven(n);
}
