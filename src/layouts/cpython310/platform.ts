// x86-64 Linux, CPython 3.10 release build (Include/object.h, Include/objimpl.h,
// Include/internal/pycore_gc.h): the C types' sizes and the object headers.
import { cstruct, field, type CField } from "../struct.js";

export const SIZEOF_POINTER = 8;
/** sizeof of the C scalar types the structs use (LP64). */
export const SIZEOF = {
  pointer: SIZEOF_POINTER,
  Py_ssize_t: 8,
  size_t: 8,
  long: 8,
  int: 4,
  double: 8,
  char: 1,
  uint8_t: 1,
  uint64_t: 8,
} as const;

/** A pointer-sized member: `PyObject *ob_type`, a function pointer, `char *`. */
export function ptr(name: string, ctype: string = "PyObject *"): CField {
  return field(name, ctype, SIZEOF.pointer);
}

export function ssize(name: string, ctype: string = "Py_ssize_t"): CField {
  return field(name, ctype, SIZEOF.Py_ssize_t);
}

/** PyGC_Head: _gc_next + _gc_prev, in front of GC-tracked objects; sys.getsizeof adds it. */
export const PyGC_HeadStruct = cstruct("PyGC_Head", [field("PyGC_Head", "_gc_next, _gc_prev", 2 * SIZEOF.pointer)]);
/** PyObject_HEAD. */
export const PyObjectStruct = cstruct("PyObject", [ssize("ob_refcnt"), ptr("ob_type", "PyTypeObject *")]);
/** PyObject_VAR_HEAD. */
export const PyVarObjectStruct = cstruct("PyVarObject", [{ embed: PyObjectStruct }, ssize("ob_size")]);

export const PyGC_Head = PyGC_HeadStruct.size;
export const PyObject_HEAD = PyObjectStruct.size;
export const PyObject_VAR_HEAD = PyVarObjectStruct.size;
