// Include/cpython/dictobject.h, Objects/dict-common.h and Objects/dictobject.c
// (3.10): a combined table is a PyDictObject plus a separately allocated
// PyDictKeysObject (header, dk_indices, dk_entries); _PyDict_SizeOf counts the
// keys only when the dict owns them (dk_refcnt == 1), never the shared empty keys.
import { PyGC_Head } from "./platform.js";

export const PyDict_MINSIZE = 8;
const sizeofPyDictObject = 48;
const sizeofPyDictKeysObject = 40; // dk_refcnt, dk_size, dk_lookup, dk_usable, dk_nentries
const sizeofPyDictKeyEntry = 24; // me_hash, me_key, me_value
const MAX_PRESIZE = 128 * 1024;

/** USABLE_FRACTION: a table is resized when 2/3 of its slots are used. */
export function USABLE_FRACTION(n: number): number {
  return Math.floor((n * 2) / 3);
}

/** ESTIMATE_SIZE: the table size that holds n entries without a resize. */
export function ESTIMATE_SIZE(n: number): number {
  return Math.floor((n * 3 + 1) / 2);
}

/** GROWTH_RATE: insertion_resize asks for used * 3. */
export function GROWTH_RATE(used: number): number {
  return used * 3;
}

/** DK_IXSIZE: bytes per dk_indices slot. */
export function DK_IXSIZE(size: number): number {
  return size <= 0xff ? 1 : size <= 0xffff ? 2 : size <= 0xffffffff ? 4 : 8;
}

/** The three parts of a PyDictKeysObject of `size` slots, in bytes. */
export function keysParts(size: number): { header: number; ixsize: number; indices: number; usable: number; entries: number } {
  const ixsize = DK_IXSIZE(size);
  const usable = USABLE_FRACTION(size);
  return { header: sizeofPyDictKeysObject, ixsize, indices: ixsize * size, usable, entries: sizeofPyDictKeyEntry * usable };
}

export function keysObjectSize(size: number): number {
  const p = keysParts(size);
  return p.header + p.indices + p.entries;
}

/** getsizeof of a combined dict; keysSize 0 stands for the shared Py_EMPTY_KEYS. */
export function sizeofDict(keysSize: number): number {
  return PyGC_Head + sizeofPyDictObject + (keysSize > 0 ? keysObjectSize(keysSize) : 0);
}

/**
 * dictresize(mp, minsize): 1 << bit_length((minsize | PyDict_MINSIZE) - 1).
 * A power of two from 16 up is doubled again (16 -> 32), as the interpreter does.
 */
export function dictResizeSize(minsize: number): number {
  // (minsize | PyDict_MINSIZE) - 1, its bit length, as a power of two.
  const m = (minsize % 16 >= 8 ? minsize : minsize + PyDict_MINSIZE) - 1;
  return 2 ** m.toString(2).length;
}

/** _PyDict_NewPresized(minused): 0 (empty keys) for small counts, else a table for them. */
export function dictPresizedSize(minused: number): number {
  if (minused <= USABLE_FRACTION(PyDict_MINSIZE)) return 0;
  if (minused > USABLE_FRACTION(MAX_PRESIZE)) return MAX_PRESIZE;
  const minsize = ESTIMATE_SIZE(minused);
  let newsize = PyDict_MINSIZE * 2;
  while (newsize < minsize) newsize *= 2;
  return newsize;
}

/**
 * A split (key-sharing, PEP 412) dict: the PyDictObject and its values array
 * of USABLE_FRACTION(dk_size) pointers; the shared keys are counted only when
 * this dict is their sole owner (dk_refcnt == 1).
 */
export function sizeofSplitDict(keysSize: number, keysRefcnt: number): number {
  return PyGC_Head + sizeofPyDictObject + 8 * USABLE_FRACTION(keysSize) + (keysRefcnt === 1 ? keysObjectSize(keysSize) : 0);
}
