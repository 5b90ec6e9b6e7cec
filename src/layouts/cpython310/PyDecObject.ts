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

/**
 * A coefficient lives in the static words until an operation needs more; once
 * dynamic it stays dynamic (mpd_qresize shrinks it to at least MPD_MINALLOC).
 */
export function sizeofDecimal(digits: number, dynamic: boolean): number {
  const words = decimalWords(digits);
  if (!dynamic && words <= DEC_MINALLOC) return sizeofPyDecObject;
  return sizeofPyDecObject + 8 * Math.max(words, DEC_MINALLOC);
}

/** _mpd_importsize: the words mpd_qimport_u32 reserves for an int of `n` 30-bit digits. */
export function decimalImportWords(n: number): number {
  return Math.floor((n * Math.log10(2 ** 30)) / MPD_RDIGITS) + 1;
}

export const DECIMAL_MINALLOC = DEC_MINALLOC;
