// collections' dict subclasses (3.10). Each is a dict with more members:
// - OrderedDict, Objects/odictobject.c: PyODictObject is `PyDictObject od_dict`
//   plus the linked list and od_fast_nodes bookkeeping; odict_sizeof adds to
//   _PyDict_SizeOf the od_fast_nodes array (one _ODictNode * per slot of the
//   keys table) and one _odictnode (key, hash, next, prev) per item;
// - defaultdict, Modules/_collectionsmodule.c: defdictobject is
//   `PyDictObject dict` plus default_factory;
// - Counter, Lib/collections/__init__.py: a Python subclass of dict without
//   __slots__, so type_new adds a __dict__ and a __weakref__ pointer.
// _PyDict_SizeOf starts from tp_basicsize, so the keys table counts as for a dict.
import { cstruct, field, type CStruct } from "../struct.js";
import { keysObjectSize, PyDictObjectStruct } from "./PyDictObject.js";
import { ptr, PyGC_Head, SIZEOF, ssize } from "./platform.js";

export const PyODictObjectStruct = cstruct("PyODictObject", [
  { embed: PyDictObjectStruct },
  ptr("od_first", "_ODictNode *"),
  ptr("od_last", "_ODictNode *"),
  ptr("od_fast_nodes", "_ODictNode **"),
  ssize("od_fast_nodes_size"),
  ptr("od_resize_sentinel", "void *"),
  field("od_state", "size_t", SIZEOF.size_t),
  ptr("od_inst_dict"),
  ptr("od_weakreflist"),
]);
/** struct _odictnode, one malloc'd per item. */
export const _odictnodeStruct = cstruct("_ODictNode", [ptr("key"), ssize("hash", "Py_hash_t"), ptr("next", "_ODictNode *"), ptr("prev", "_ODictNode *")]);
/** The separately allocated od_fast_nodes: od_fast_nodes_size pointers. */
export const od_fast_nodesElement = field("od_fast_nodes array", "_ODictNode *", SIZEOF.pointer);

export const defdictobjectStruct = cstruct("defdictobject", [{ embed: PyDictObjectStruct }, ptr("default_factory")]);
/** A Counter instance: tp_basicsize of a dict subclass that adds __dict__ and __weakref__. */
export const CounterStruct = cstruct("Counter instance", [{ embed: PyDictObjectStruct }, ptr("__dict__"), ptr("__weakref__")]);

import type { DictFlavorName } from "../layout.js";

export const dictFlavorStructs: Readonly<Record<DictFlavorName, typeof PyDictObjectStruct>> = {
  OrderedDict: PyODictObjectStruct,
  defaultdict: defdictobjectStruct,
  Counter: CounterStruct,
};

/**
 * od_fast_nodes_size: _odict_resize sizes it to the keys table (dk_size) at
 * the first lookup through it after the keys change, which every mutation of
 * the OrderedDict makes; none before its first mutation or after clear().
 */
export function odFastNodesSize(keysSize: number, mutated: boolean): number {
  return mutated ? keysSize : 0;
}

/**
 * getsizeof of a collections dict subclass: its own struct, the keys table it
 * owns (none while it has the shared empty keys), and for an OrderedDict
 * od_fast_nodes plus a node per item; `preHeader` is what a version puts in
 * front of the GC header of a Python subclass (Counter) with a __dict__.
 */
export function flavoredDictSizer(
  structs: Readonly<Record<DictFlavorName, CStruct>>,
  keysSize: (size: number, general: boolean) => number,
  preHeader: Readonly<Record<DictFlavorName, number>>,
): (flavor: DictFlavorName, keysSize: number, general: boolean, used: number, mutated: boolean) => number {
  return (flavor, size, general, used, mutated) => {
    const keys = size > 0 ? keysSize(size, general) : 0;
    const odict = flavor === "OrderedDict" ? od_fast_nodesElement.size * odFastNodesSize(size, mutated) + _odictnodeStruct.size * used : 0;
    return preHeader[flavor] + PyGC_Head + structs[flavor].size + keys + odict;
  };
}

export const sizeofFlavoredDict = flavoredDictSizer(dictFlavorStructs, keysObjectSize, { OrderedDict: 0, defaultdict: 0, Counter: 0 });
