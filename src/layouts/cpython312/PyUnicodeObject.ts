// Include/cpython/unicodeobject.h of 3.12 (PEP 623): no wstr, so PyASCIIObject
// is 40 bytes and PyCompactUnicodeObject 56; unicode___sizeof__ is still the
// header plus (length + 1) * kind, plus a cached UTF-8 form when there is one.
import { cstruct, field, padding } from "../struct.js";
import { PyObjectStruct, ptr, SIZEOF, ssize } from "../cpython310/platform.js";
import { unicodeKind } from "../cpython310/PyUnicodeObject.js";

export const PyASCIIObjectStruct = cstruct("PyASCIIObject", [
  { embed: PyObjectStruct },
  ssize("length"),
  ssize("hash", "Py_hash_t"),
  field("state", "struct { interned:2, kind:3, compact:1, ascii:1, statically_allocated:1 }", SIZEOF.int),
  padding(4),
]);
export const PyCompactUnicodeObjectStruct = cstruct("PyCompactUnicodeObject", [{ embed: PyASCIIObjectStruct }, ssize("utf8_length"), ptr("utf8", "char *")]);

export function unicodeStruct(maxChar: number): typeof PyASCIIObjectStruct {
  return maxChar < 128 ? PyASCIIObjectStruct : PyCompactUnicodeObjectStruct;
}

export function sizeofUnicode(length: number, maxChar: number): number {
  return unicodeStruct(maxChar).size + (length + 1) * unicodeKind(maxChar);
}

/** No wstr exists from 3.12. */
export function wstrBytes(_length: number, _maxChar: number): number {
  return 0;
}
