// Modules/_collectionsmodule.c (3.10): a deque is a doubly linked list of
// blocks of BLOCKLEN items; deque_sizeof counts every block the items span
// from leftindex.
import { cstruct, field } from "../struct.js";
import { ptr, PyGC_Head, PyVarObjectStruct, SIZEOF, ssize } from "./platform.js";

export const BLOCKLEN = 64;
export const CENTER = (BLOCKLEN - 1) >> 1;

export const blockStruct = cstruct("block", [
  ptr("leftlink", "struct BLOCK *"),
  field("data", `PyObject *[${BLOCKLEN}]`, BLOCKLEN * SIZEOF.pointer),
  ptr("rightlink", "struct BLOCK *"),
]);
export const dequeobjectStruct = cstruct("dequeobject", [
  { embed: PyVarObjectStruct },
  ptr("leftblock", "block *"),
  ptr("rightblock", "block *"),
  ssize("leftindex"),
  ssize("rightindex"),
  field("state", "size_t", SIZEOF.size_t),
  ssize("maxlen"),
  ptr("weakreflist"),
]);

/** The blocks deque_sizeof counts: those the items span from leftindex. */
export function dequeBlocks(leftindex: number, size: number): number {
  return Math.floor((leftindex + size + BLOCKLEN - 1) / BLOCKLEN);
}

export function sizeofDeque(leftindex: number, size: number): number {
  return PyGC_Head + dequeobjectStruct.size + dequeBlocks(leftindex, size) * blockStruct.size;
}
