// Include/cpython/bytesobject.h: PyObject_VAR_HEAD, ob_shash, ob_sval[1];
// bytes_sizeof = PyBytesObject_SIZE (offsetof(ob_sval) + 1) + len: the
// characters plus the trailing NUL.
import { cstruct, field } from "../struct.js";
import { PyVarObjectStruct, SIZEOF, ssize } from "./platform.js";

/** PyBytesObject up to ob_sval. */
export const PyBytesObjectStruct = cstruct("PyBytesObject", [{ embed: PyVarObjectStruct }, ssize("ob_shash", "Py_hash_t")]);
export const ob_svalField = field("ob_sval", "char", SIZEOF.char);
export const PyBytesObject_SIZE = PyBytesObjectStruct.size + ob_svalField.size;

export function sizeofBytes(length: number): number {
  return PyBytesObject_SIZE + length;
}
