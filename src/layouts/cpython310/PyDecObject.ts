// Modules/_decimal/_decimal.c (3.10): PyDecObject embeds an mpd_t and a static
// coefficient of _Py_DEC_MINALLOC (4) words of MPD_RDIGITS (19) digits;
// dec_sizeof adds the words of a dynamically allocated coefficient.
import { PyObject_HEAD } from "./platform.js";

export const MPD_RDIGITS = 19;
const DEC_MINALLOC = 4;
const sizeofPyDecObject = PyObject_HEAD + 8 + 48 + 8 * DEC_MINALLOC; // hash, mpd_t, data[4]

export function decimalWords(digits: number): number {
  return Math.max(1, Math.ceil(digits / MPD_RDIGITS));
}

export function sizeofDecimal(digits: number): number {
  const words = decimalWords(digits);
  return sizeofPyDecObject + (words > DEC_MINALLOC ? 8 * words : 0);
}
