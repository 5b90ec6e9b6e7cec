// Include/cpython/tupleobject.h: PyObject_VAR_HEAD + ob_item[n]; GC-tracked.
import { PyGC_Head, PyObject_VAR_HEAD, SIZEOF_POINTER } from "./platform.js";

export function sizeofTuple(n: number): number {
  return PyGC_Head + PyObject_VAR_HEAD + SIZEOF_POINTER * n;
}
