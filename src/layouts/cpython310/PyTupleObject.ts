// Include/cpython/tupleobject.h: PyObject_VAR_HEAD + ob_item[n]; GC-tracked.
import { PyGC_Head, PyObject_VAR_HEAD, SIZEOF_POINTER } from "./platform.js";

export function sizeofTuple(n: number): number {
  return PyGC_Head + PyObject_VAR_HEAD + SIZEOF_POINTER * n;
}

/** tuple.__sizeof__ uses the subclass's tp_basicsize (a __dict__ pointer when it has one). */
export function sizeofTupleSubclass(basicsize: number, gc: boolean, n: number): number {
  return (gc ? PyGC_Head : 0) + basicsize + SIZEOF_POINTER * n;
}
