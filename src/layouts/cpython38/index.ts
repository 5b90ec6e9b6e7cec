// CPython 3.8 on x86-64 Linux: what differs from 3.9 (cpython39/index.ts).
import type { Layout } from "../layout.js";
import { cpython39 } from "../cpython39/index.js";
import { shiftRight } from "../cpython310/bits.js";
import { ATTRIBUTE_NAMES } from "./attributeNames.js";
import { SIGNATURES } from "./signatures.js";
import { STATIC_ADDRESS_LOW16 } from "./staticAddresses.js";

/** list_resize of 3.8: newsize + newsize/8 + (3 or 6), with no rounding to a multiple of 4. */
function listResize(allocated: number, _size: number, newsize: number): number {
  if (allocated >= newsize && newsize >= shiftRight(allocated, 1)) return allocated;
  if (newsize === 0) return 0;
  return newsize + shiftRight(newsize, 3) + (newsize < 9 ? 3 : 6);
}

export const cpython38: Layout = {
  ...cpython39,
  python: "3.8",
  attributeNames: ATTRIBUTE_NAMES,
  signatures: SIGNATURES,
  staticAddressLow16: STATIC_ADDRESS_LOW16,
  rules: { ...cpython39.rules, constDisplaysFolded: false },
  list: { ...cpython39.list, resize: listResize },
};
