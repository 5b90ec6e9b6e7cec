// Include/cpython/bytesobject.h: PyObject_VAR_HEAD, ob_shash, ob_sval[1];
// bytes_sizeof = offsetof(ob_sval) + len + 1 trailing NUL.
export const PyBytesObject_SIZE = 33;

export function sizeofBytes(length: number): number {
  return PyBytesObject_SIZE + length;
}
