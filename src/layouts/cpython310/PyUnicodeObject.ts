// Include/cpython/unicodeobject.h, PEP 393 compact strings, and
// unicode___sizeof__ (Objects/unicodeobject.c): header + (length + 1) * kind.
import { cstruct, field, padding } from "../struct.js";
import { PyObjectStruct, ptr, SIZEOF, ssize } from "./platform.js";

export const PyASCIIObjectStruct = cstruct("PyASCIIObject", [
  { embed: PyObjectStruct },
  ssize("length"),
  ssize("hash", "Py_hash_t"),
  field("state", "struct { interned:2, kind:3, compact:1, ascii:1, ready:1 }", SIZEOF.int),
  padding(4),
  ptr("wstr", "wchar_t *"),
]);
export const PyCompactUnicodeObjectStruct = cstruct("PyCompactUnicodeObject", [
  { embed: PyASCIIObjectStruct },
  ssize("utf8_length"),
  ptr("utf8", "char *"),
  ssize("wstr_length"),
]);

export const sizeofPyASCIIObject = PyASCIIObjectStruct.size;
export const sizeofPyCompactUnicodeObject = PyCompactUnicodeObjectStruct.size;

/** Bytes per character: PyUnicode_1BYTE_KIND, 2BYTE, 4BYTE. */
export function unicodeKind(maxChar: number): 1 | 2 | 4 {
  return maxChar < 256 ? 1 : maxChar < 65536 ? 2 : 4;
}

/** The struct a compact string of this width uses: ASCII strings have the smaller header. */
export function unicodeStruct(maxChar: number): typeof PyASCIIObjectStruct {
  return maxChar < 128 ? PyASCIIObjectStruct : PyCompactUnicodeObjectStruct;
}

export function sizeofUnicode(length: number, maxChar: number): number {
  return unicodeStruct(maxChar).size + (length + 1) * unicodeKind(maxChar);
}

/** sizeof(wchar_t) on Linux. */
export const SIZEOF_WCHAR_T = 4;

/** _PyUnicode_HAS_WSTR_MEMORY: a wstr of length + 1 wchar_t, unless it is the UCS-4 data itself. */
export function wstrBytes(length: number, maxChar: number): number {
  return unicodeKind(maxChar) === SIZEOF_WCHAR_T ? 0 : (length + 1) * SIZEOF_WCHAR_T;
}
