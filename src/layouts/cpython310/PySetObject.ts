// Include/setobject.h and Objects/setobject.c (3.10). A set keeps an inline
// smalltable of PySet_MINSIZE entries; set_sizeof adds the external table
// only once the set has outgrown it.
import { cstruct, field } from "../struct.js";
import { ptr, PyGC_Head, PyObjectStruct, ssize } from "./platform.js";

export const PySet_MINSIZE = 8;
export const setentryStruct = cstruct("setentry", [ptr("key"), ssize("hash", "Py_hash_t")]);
export const PySetObjectStruct = cstruct("PySetObject", [
  { embed: PyObjectStruct },
  ssize("fill"),
  ssize("used"),
  ssize("mask"),
  ptr("table", "setentry *"),
  ssize("hash", "Py_hash_t"),
  ssize("finger"),
  field("smalltable", `setentry[${PySet_MINSIZE}]`, PySet_MINSIZE * setentryStruct.size),
  ptr("weakreflist"),
]);

/** set_sizeof: the struct, plus the table once it is no longer the smalltable. */
export function setHasExternalTable(tableSize: number): boolean {
  return tableSize > PySet_MINSIZE;
}

export function sizeofSet(tableSize: number): number {
  return PyGC_Head + PySetObjectStruct.size + (setHasExternalTable(tableSize) ? tableSize * setentryStruct.size : 0);
}

/** set_table_resize(so, minused): the smallest power of two above minused. */
export function setTableResize(minused: number): number {
  let newsize = PySet_MINSIZE;
  while (newsize <= minused) newsize *= 2;
  return newsize;
}

/** set_add_entry, after filling an unused slot: resize when fill reaches 3/5 of mask. */
export function setAddNeedsResize(fill: number, tableSize: number): boolean {
  return fill * 5 >= (tableSize - 1) * 3;
}

/** The minused set_add_entry asks for when it grows. */
export function setGrowthTarget(used: number): number {
  return used > 50000 ? used * 2 : used * 4;
}

/**
 * set_merge / set_update_internal (dict source): one big resize up front when
 * the incoming keys would pass 3/5 full. Returns set_table_resize's minused, or null.
 */
export function setPresizeForMerge(fill: number, tableSize: number, used: number, incoming: number): number | null {
  if ((fill + incoming) * 5 >= (tableSize - 1) * 3) return (used + incoming) * 2;
  return null;
}

/** set_difference_update_internal: rebuild when more than a quarter of the slots are dummies. */
export function setDummiesNeedResize(fill: number, used: number, tableSize: number): boolean {
  return fill - used > Math.floor((tableSize - 1) / 4);
}

/** LINEAR_PROBES and PERTURB_SHIFT: each probe scans this many neighbours before jumping. */
export const LINEAR_PROBES = 9;
export const PERTURB_SHIFT = 5;
