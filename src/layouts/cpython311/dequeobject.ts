// Modules/_collectionsmodule.c of 3.11: dequeobject keeps a free list of up to
// MAXFREEBLOCKS (16) blocks in the object itself.
import { cstruct, field } from "../struct.js";
import { dequeBlocks, dequeobjectStruct as dequeobject310, blockStruct } from "../cpython310/dequeobject.js";
import { PyGC_Head, SIZEOF, ssize } from "../cpython310/platform.js";

const MAXFREEBLOCKS = 16;

export const dequeobjectStruct = cstruct("dequeobject", [
  { embed: dequeobject310 },
  ssize("numfreeblocks"),
  field("freeblocks", `block *[${MAXFREEBLOCKS}]`, MAXFREEBLOCKS * SIZEOF.pointer),
]);

export function sizeofDeque(leftindex: number, size: number): number {
  return PyGC_Head + dequeobjectStruct.size + dequeBlocks(leftindex, size) * blockStruct.size;
}
