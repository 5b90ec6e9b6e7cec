// Instances of classes made by `class` statements (Objects/typeobject.c,
// type_new in 3.10): tp_basicsize grows by one pointer per slot, plus the
// __dict__ and __weakref__ pointers the class adds; the type is GC-tracked
// when its base is or when it adds any field, and then getsizeof adds PyGC_Head.
import { PyGC_Head, PyObject_HEAD, SIZEOF_POINTER } from "./platform.js";

/** object's tp_basicsize. */
export const objectBasicsize = PyObject_HEAD;

export interface HeapTypeShape {
  readonly basicsize: number;
  readonly gc: boolean;
}

export function heapTypeShape(base: HeapTypeShape, nslots: number, addDict: boolean, addWeakref: boolean): HeapTypeShape {
  const basicsize = base.basicsize + SIZEOF_POINTER * (nslots + (addDict ? 1 : 0) + (addWeakref ? 1 : 0));
  return { basicsize, gc: true };
}

/** object.__sizeof__ for a fixed-size instance, with the GC header getsizeof adds. */
export function sizeofInstance(shape: HeapTypeShape): number {
  return shape.basicsize + (shape.gc ? PyGC_Head : 0);
}

/** sizeof(PyHeapTypeObject) on 3.10 x86-64. */
const sizeofPyHeapTypeObject = 888;

/** type.__sizeof__ of a heap type: the type object, plus the keys it caches for instance dicts. */
export function sizeofHeapType(cachedKeysBytes: number): number {
  return PyGC_Head + sizeofPyHeapTypeObject + cachedKeysBytes;
}
