// Modules/arraymodule.c (3.10): arrayobject is GC-tracked; array.__sizeof__
// adds allocated * itemsize. array_resize over-allocates by 1/16 (+3 or +7).
import { PyGC_Head } from "./platform.js";

const sizeofArrayObject = 64;

/** Item sizes of the typecodes on x86-64 Linux (wchar_t is 4 bytes). */
export const ARRAY_ITEMSIZE: Readonly<Record<string, number>> = {
  b: 1, B: 1, u: 4, h: 2, H: 2, i: 4, I: 4, l: 8, L: 8, q: 8, Q: 8, f: 4, d: 8,
};

export function sizeofArray(allocated: number, itemsize: number): number {
  return PyGC_Head + sizeofArrayObject + allocated * itemsize;
}

/** `allocated` after array_resize(self, newsize) from (allocated, ob_size). */
export function arrayResize(allocated: number, size: number, newsize: number): number {
  // Keep the buffer when it is big enough and not 16 items too big.
  if (allocated >= newsize && size < newsize + 16 && allocated > 0) return allocated;
  if (newsize === 0) return 0;
  return Math.floor(newsize / 16) + (size < 8 ? 3 : 7) + newsize;
}
