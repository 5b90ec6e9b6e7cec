// Objects/odictobject.c (3.10): an OrderedDict is a dict (PyODictObject is
// larger) plus od_fast_nodes, one pointer per slot of the keys table, and a
// _ODictNode (key, hash, next, prev) per item.
import { keysObjectSize } from "./PyDictObject.js";
import { PyGC_Head } from "./platform.js";

export const sizeofPyODictObject = 112;
/** defaultdict's defdictobject: a dict plus default_factory. */
export const sizeofDefDictObject = 56;
const sizeofODictNode = 32;

function dictFlavorBase(flavor: "OrderedDict" | "defaultdict" | "Counter"): number {
  // Counter is a Python subclass of dict: __dict__ and __weakref__ pointers added.
  return PyGC_Head + (flavor === "OrderedDict" ? sizeofPyODictObject : flavor === "defaultdict" ? sizeofDefDictObject : 48 + 16);
}

/**
 * getsizeof of a collections dict subclass: its own struct, the keys table it
 * owns (none while it has the shared empty keys), and for an OrderedDict
 * od_fast_nodes (one pointer per keys slot) plus a node per item.
 */
export function sizeofFlavoredDict(flavor: "OrderedDict" | "defaultdict" | "Counter", keysSize: number, used: number): number {
  const keys = keysSize > 0 ? keysObjectSize(keysSize) : 0;
  const odict = flavor === "OrderedDict" ? 8 * keysSize + (used > 0 ? sizeofODictNode * used : 0) : 0;
  return dictFlavorBase(flavor) + keys + odict;
}
