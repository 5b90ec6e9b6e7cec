// An instance's __dict__ (PEP 412): made as a split dict over the keys its
// class caches at the first attribute store, as CPython 3.10 does. Until some
// operation asks for it as an object, its values stay packed on the instance
// (no dict object, no table), which is what lets millions of instances cost
// less than CPython's own; the dict object, made on demand, takes them over.
import { hasManagedValues, managedGet, materializeManaged } from "./managedValues.js";
import { dictGet } from "./dicts.js";
import { HashTable } from "./hashTable.js";
import { newSplitDict, packedGet, splitSlotFor } from "./instanceDict.js";
import { pyStr, type DictOwner, type PyDictObj, type PyInstanceObj, type PyObj, type PyStrObj } from "./objects.js";

/** PyObject_GenericGetDict: the instance dict, made (split when the class caches keys) on first use. */
export function instanceDict(inst: DictOwner): PyDictObj {
  if (inst.t === "instance" && hasManagedValues(inst)) return materializeManaged(inst);
  if (inst.dict === null || inst.dict === undefined) {
    const keys = inst.t === "instance" ? inst.attrKeys : null;
    if (inst.t === "instance" && keys !== null) {
      // The dict existed since the first store: it becomes an object now, keeping its values.
      inst.dict = HashTable.packedWith(keys.order, inst.attrValues as PyObj[], inst.attrCount, keys);
      dropPackedAttrs(inst);
    } else {
      const cached = inst.cls.cachedKeys;
      inst.dict = cached !== null ? newSplitDict(cached) : new HashTable();
    }
  }
  return inst.dict;
}

/** Forget the packed attributes (after they moved to a dict object, or the dict was released). */
export function dropPackedAttrs(inst: PyInstanceObj): void {
  inst.attrKeys = null;
  inst.attrValues = null;
  inst.attrCount = 0;
}

/** Whether the instance has a dict, as an object or still packed. */
export function hasInstanceDict(inst: PyInstanceObj): boolean {
  return inst.dict !== null || inst.attrKeys !== null;
}

/** The value of attribute `name` in the instance dict (object or packed), if it holds one. */
export function instanceDictGet(inst: PyInstanceObj, name: string): PyObj | undefined {
  if (hasManagedValues(inst)) return managedGet(inst, name);
  const keys = inst.attrKeys;
  if (keys !== null) {
    const ix = keys.index.get(name);
    return ix !== undefined && ix < inst.attrCount ? (inst.attrValues as PyObj[])[ix] : undefined;
  }
  if (inst.dict === null) return undefined;
  const packed = packedGet(inst.dict, name);
  return packed !== null ? packed : dictGet(inst.dict, pyStr(name));
}

/**
 * _PyObjectDict_SetItem for a str key while the instance has no dict object
 * and its class caches keys: insertdict on the split values, with
 * new_dict_with_shared_keys at the first store. Returns false (changing
 * nothing) when the store needs a real dict: out of the shared order, or
 * growing keys that are full.
 */
export function packedAttrStore(inst: PyInstanceObj, name: PyStrObj, value: PyObj): boolean {
  if (inst.dict !== null) return false;
  let keys = inst.attrKeys;
  if (keys === null) {
    const cached = inst.cls.cachedKeys;
    if (cached === null) return false;
    keys = cached;
    keys.refcnt++;
    inst.attrKeys = keys;
    inst.attrValues = new Array<PyObj>(keys.order.length); // room for the keys the class has seen
    inst.attrCount = 0;
  }
  const ix = splitSlotFor(keys, inst.attrCount, name);
  if (ix < 0) return false;
  (inst.attrValues as PyObj[])[ix] = value;
  if (ix === inst.attrCount) inst.attrCount++;
  return true;
}
