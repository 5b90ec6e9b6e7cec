// Include/cpython/dictobject.h, Objects/dict-common.h and Objects/dictobject.c
// (3.10): a combined table is a PyDictObject plus a separately allocated
// PyDictKeysObject (header, dk_indices, dk_entries); _PyDict_SizeOf counts the
// keys only when the dict owns them (dk_refcnt == 1), never the shared empty keys.
import { cstruct, field, type CStruct } from "../struct.js";
import { ptr, PyGC_Head, PyObjectStruct, SIZEOF, ssize } from "./platform.js";

export const PyDict_MINSIZE = 8;
const MAX_PRESIZE = 128 * 1024;

export const PyDictObjectStruct = cstruct("PyDictObject", [
  { embed: PyObjectStruct },
  ssize("ma_used"),
  field("ma_version_tag", "uint64_t", SIZEOF.uint64_t),
  ptr("ma_keys", "PyDictKeysObject *"),
  ptr("ma_values", "PyObject **"),
]);
/** struct _dictkeysobject (Objects/dict-common.h) up to its trailing dk_indices[]. */
export const PyDictKeysObjectStruct = cstruct("PyDictKeysObject", [
  ssize("dk_refcnt"),
  ssize("dk_size"),
  ptr("dk_lookup", "dict_lookup_func"),
  ssize("dk_usable"),
  ssize("dk_nentries"),
]);
export const PyDictKeyEntryStruct = cstruct("PyDictKeyEntry", [ssize("me_hash", "Py_hash_t"), ptr("me_key"), ptr("me_value")]);
/** A split dict's separately allocated ma_values: USABLE_FRACTION(dk_size) pointers. */
export const ma_valuesElement = field("values", "PyObject *", SIZEOF.pointer);
const sizeofPyDictObject = PyDictObjectStruct.size;

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

export interface KeysParts {
  readonly header: number;
  readonly ixsize: number;
  readonly indices: number;
  readonly usable: number;
  readonly entries: number;
  readonly entry: CStruct;
}

/** The three parts of a keys table of `size` slots with header `header` and entries `entry`, in bytes. */
export function keysPartsOf(header: CStruct, entry: CStruct, size: number): KeysParts {
  const ixsize = DK_IXSIZE(size);
  const usable = USABLE_FRACTION(size);
  return { header: header.size, ixsize, indices: ixsize * size, usable, entries: entry.size * usable, entry };
}

/** The three parts of a PyDictKeysObject of `size` slots (every entry a PyDictKeyEntry before 3.11: `general` makes no difference). */
export function keysParts(size: number, _general = true): KeysParts {
  return keysPartsOf(PyDictKeysObjectStruct, PyDictKeyEntryStruct, size);
}

export function keysObjectSize(size: number, general = true): number {
  const p = keysParts(size, general);
  return p.header + p.indices + p.entries;
}

/** getsizeof of a combined dict; keysSize 0 stands for the shared Py_EMPTY_KEYS. */
export function sizeofDict(keysSize: number, general = true): number {
  return PyGC_Head + sizeofPyDictObject + (keysSize > 0 ? keysObjectSize(keysSize, general) : 0);
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
export function sizeofSplitDict(keys: { readonly size: number; readonly refcnt: number }): number {
  return PyGC_Head + sizeofPyDictObject + ma_valuesElement.size * USABLE_FRACTION(keys.size) + (keys.refcnt === 1 ? keysObjectSize(keys.size) : 0);
}
