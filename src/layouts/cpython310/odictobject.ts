// Objects/odictobject.c (3.10): an OrderedDict is a dict (PyODictObject is
// larger) plus od_fast_nodes, one pointer per slot of the keys table, and a
// _ODictNode (key, hash, next, prev) per item.
import { PyGC_Head } from "./platform.js";

export const sizeofPyODictObject = 112;
/** defaultdict's defdictobject: a dict plus default_factory. */
export const sizeofDefDictObject = 56;
const sizeofODictNode = 32;

export function odictExtra(fastNodesSize: number, used: number): number {
  return 8 * fastNodesSize + (used > 0 ? sizeofODictNode * used : 0);
}

export function dictFlavorBase(flavor: "OrderedDict" | "defaultdict" | "Counter"): number {
  // Counter is a Python subclass of dict: __dict__ and __weakref__ pointers added.
  return PyGC_Head + (flavor === "OrderedDict" ? sizeofPyODictObject : flavor === "defaultdict" ? sizeofDefDictObject : 48 + 16);
}
