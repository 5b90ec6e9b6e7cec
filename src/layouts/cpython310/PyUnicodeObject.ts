// Include/cpython/unicodeobject.h, PEP 393 compact strings, and
// unicode___sizeof__ (Objects/unicodeobject.c): header + (length + 1) * kind.
export const sizeofPyASCIIObject = 48;
export const sizeofPyCompactUnicodeObject = 72;

/** Bytes per character: PyUnicode_1BYTE_KIND, 2BYTE, 4BYTE. */
export function unicodeKind(maxChar: number): 1 | 2 | 4 {
  return maxChar < 256 ? 1 : maxChar < 65536 ? 2 : 4;
}

export function sizeofUnicode(length: number, maxChar: number): number {
  if (maxChar < 128) return sizeofPyASCIIObject + length + 1;
  return sizeofPyCompactUnicodeObject + (length + 1) * unicodeKind(maxChar);
}
