// Modules/arraymodule.c (3.10): arrayobject is GC-tracked; array.__sizeof__
// adds allocated * itemsize. array_resize over-allocates by 1/16 (+3 or +7).
import { cstruct } from "../struct.js";
import { ptr, PyGC_Head, PyVarObjectStruct, ssize } from "./platform.js";

export const arrayobjectStruct = cstruct("arrayobject", [
  { embed: PyVarObjectStruct },
  ptr("ob_item", "char *"),
  ssize("allocated"),
  ptr("ob_descr", "const struct arraydescr *"),
  ptr("weakreflist"),
  ssize("ob_exports"),
]);

/** descriptors[]: the C type of each typecode's items, and its size on x86-64 Linux (wchar_t is 4 bytes). */
export const ARRAY_ITEMTYPE: Readonly<Record<string, { readonly ctype: string; readonly size: number }>> = {
  b: { ctype: "signed char", size: 1 },
  B: { ctype: "unsigned char", size: 1 },
  u: { ctype: "wchar_t", size: 4 },
  h: { ctype: "short", size: 2 },
  H: { ctype: "unsigned short", size: 2 },
  i: { ctype: "int", size: 4 },
  I: { ctype: "unsigned int", size: 4 },
  l: { ctype: "long", size: 8 },
  L: { ctype: "unsigned long", size: 8 },
  q: { ctype: "long long", size: 8 },
  Q: { ctype: "unsigned long long", size: 8 },
  f: { ctype: "float", size: 4 },
  d: { ctype: "double", size: 8 },
};

export const ARRAY_ITEMSIZE: Readonly<Record<string, number>> = Object.fromEntries(Object.entries(ARRAY_ITEMTYPE).map(([code, t]) => [code, t.size]));

/** array.__sizeof__ plus the GC header getsizeof adds when arrays are GC-tracked (3.10+). */
export function arraySizer(gc: boolean): (allocated: number, itemsize: number) => number {
  return (allocated, itemsize) => (gc ? PyGC_Head : 0) + arrayobjectStruct.size + allocated * itemsize;
}

export const sizeofArray = arraySizer(true);

/** `allocated` after array_resize(self, newsize) from (allocated, ob_size). */
export function arrayResize(allocated: number, size: number, newsize: number): number {
  // Keep the buffer when it is big enough and not 16 items too big.
  if (allocated >= newsize && size < newsize + 16 && allocated > 0) return allocated;
  if (newsize === 0) return 0;
  return Math.floor(newsize / 16) + (size < 8 ? 3 : 7) + newsize;
}
