// Modules/_collectionsmodule.c (3.10): a deque is a doubly linked list of
// blocks of BLOCKLEN items; deque_sizeof counts every block the items span
// from leftindex.
import { PyGC_Head } from "./platform.js";

export const BLOCKLEN = 64;
export const CENTER = (BLOCKLEN - 1) >> 1;
const sizeofDequeObject = 80;
const sizeofBlock = BLOCKLEN * 8 + 16; // data[BLOCKLEN] + leftlink + rightlink

export function sizeofDeque(leftindex: number, size: number): number {
  const blocks = Math.floor((leftindex + size + BLOCKLEN - 1) / BLOCKLEN);
  return PyGC_Head + sizeofDequeObject + blocks * sizeofBlock;
}
