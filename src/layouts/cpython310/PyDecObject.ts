// Modules/_decimal/_decimal.c (3.10): PyDecObject embeds an mpd_t and a static
// coefficient of _Py_DEC_MINALLOC (4) words of MPD_RDIGITS (19) digits;
// dec_sizeof adds the words of a dynamically allocated coefficient.
import { cstruct, field, padding } from "../struct.js";
import { ptr, PyObjectStruct, SIZEOF, ssize } from "./platform.js";

export const MPD_RDIGITS = 19;
const DEC_MINALLOC = 4;
/** mpd_uint_t: one word of MPD_RDIGITS decimal digits. */
export const mpd_uintElement = field("coefficient", "mpd_uint_t", 8);

/** mpd_t (Modules/_decimal/libmpdec/mpdecimal.h). */
const mpd_tStruct = cstruct("mpd_t", [
  field("dec.flags", "uint8_t", SIZEOF.uint8_t),
  padding(7),
  ssize("dec.exp", "mpd_ssize_t"),
  ssize("dec.digits", "mpd_ssize_t"),
  ssize("dec.len", "mpd_ssize_t"),
  ssize("dec.alloc", "mpd_ssize_t"),
  ptr("dec.data", "mpd_uint_t *"),
]);
export const PyDecObjectStruct = cstruct("PyDecObject", [
  { embed: PyObjectStruct },
  ssize("hash", "Py_hash_t"),
  { embed: mpd_tStruct },
  field("data", `mpd_uint_t[${DEC_MINALLOC}]`, DEC_MINALLOC * mpd_uintElement.size),
]);
const sizeofPyDecObject = PyDecObjectStruct.size;

export function decimalWords(digits: number): number {
  return Math.max(1, Math.ceil(digits / MPD_RDIGITS));
}

/**
 * A coefficient lives in the static words until an operation needs more; once
 * dynamic it stays dynamic (mpd_qresize shrinks it to at least MPD_MINALLOC).
 */
export function decimalDynamicWords(digits: number, dynamic: boolean): number {
  const words = decimalWords(digits);
  if (!dynamic && words <= DEC_MINALLOC) return 0;
  return Math.max(words, DEC_MINALLOC);
}

/** dec_sizeof: the struct, plus the coefficient words when they were allocated apart. */
export function sizeofDecimal(digits: number, dynamic: boolean): number {
  return sizeofPyDecObject + mpd_uintElement.size * decimalDynamicWords(digits, dynamic);
}

/** _mpd_importsize: the words mpd_qimport_u32 reserves for an int of `n` 30-bit digits. */
export function decimalImportWords(n: number): number {
  return Math.floor((n * Math.log10(2 ** 30)) / MPD_RDIGITS) + 1;
}

export const DECIMAL_MINALLOC = DEC_MINALLOC;
