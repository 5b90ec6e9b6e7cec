// An instance's managed values (3.11+): the attributes it holds without a dict
// object, in a values array sized when the instance was made
// (init_inline_values: dk_nentries + dk_usable of the class's shared keys,
// after taking one from dk_usable), in the order the keys were first stored
// by any instance. A name the shared keys lack goes into them while they have
// room; past that, or when __dict__ is asked for, the instance gets a dict
// (make_dict_from_instance_attributes: split over the same keys and values).
//
// The instance keeps `attrKeys` (the class's shared keys), `attrValues` (by
// key index, holes for unset names) and `attrCount`; the order its values were
// stored in is ascending key index unless the session's `valueOrders` says
// otherwise (an instance storing names out of the keys' order).
import { ctx } from "./ctx.js";
import { HashTable, hashKey } from "./hashTable.js";
import type { PyClassObj, PyDictObj, PyInstanceObj, PyObj, PyStrObj, SharedKeys } from "./objects.js";
import { strText } from "./text.js";

/**
 * Over a var-sized base (a tuple subclass) the dict is instead made at the first attribute store,
 * split over the class's keys as before 3.11 (a member after the items in 3.11, managed in the
 * pre-header from 3.12).
 */
/**
 * Whether instances of `cls` keep managed values under the session's version: only object's
 * subclasses (object_new initialises them; a builtin subclass's object gets a dict at its first
 * attribute, split over the class's keys).
 */
export function usesManagedValues(cls: PyClassObj): boolean {
  const { rules, heapType } = ctx().layout;
  if (!cls.hasDict || cls.builtinBase !== "object" || !rules.managedDicts) return false;
  // 3.13: inline values only for instances that are nothing but the object header.
  return !rules.inlineValuesNeedPlainLayout || cls.shape.basicsize === heapType.object.basicsize;
}

const orders = new WeakMap<PyInstanceObj, number[]>();
/** Dicts made from an instance's inline values that still share them (3.13: clear() keeps them split). */
const embedded = new WeakSet<PyDictObj>();

/** Whether `d` was made from inline values it still holds (3.13+). */
export function isEmbeddedDict(d: PyDictObj): boolean {
  return embedded.has(d);
}

/** init_inline_values: a new instance's empty values, one of dk_usable taken for it (down to 1). */
export function initManagedValues(inst: PyInstanceObj): void {
  const keys = inst.cls.cachedKeys as SharedKeys;
  if (keys.usable > 1) keys.usable--;
  inst.attrKeys = keys;
  inst.attrValues = new Array<PyObj>(keys.order.length + keys.usable);
  inst.attrCount = 0;
}

/** Whether the instance holds managed values (no dict object). */
export function hasManagedValues(inst: PyInstanceObj): boolean {
  return inst.dict === null && inst.attrKeys !== null && inst.cls.builtinBase === "object" && ctx().layout.rules.managedDicts;
}

/** The key indexes of the values held, in the order they were stored. */
function orderOf(inst: PyInstanceObj): number[] {
  const own = orders.get(inst);
  if (own !== undefined) return own;
  const values = inst.attrValues as (PyObj | undefined)[];
  const out: number[] = [];
  for (let i = 0; i < values.length; i++) if (values[i] !== undefined) out.push(i);
  return out;
}

export function managedGet(inst: PyInstanceObj, name: string): PyObj | undefined {
  const ix = (inst.attrKeys as SharedKeys).index.get(name);
  return ix === undefined ? undefined : (inst.attrValues as (PyObj | undefined)[])[ix];
}

/**
 * _PyObject_StoreInstanceAttribute: store (value) or delete (null) `key` in the values. Returns
 * false, changing nothing, when the name needs a dict (the shared keys lack it and are full); a
 * deletion of a name not held returns true having done nothing (the caller checked it is held).
 */
export function managedStore(inst: PyInstanceObj, key: PyStrObj, value: PyObj | null): boolean {
  const keys = inst.attrKeys as SharedKeys;
  const values = inst.attrValues as (PyObj | undefined)[];
  const text = strText(key);
  let ix = keys.index.get(text);
  if (ix === undefined) {
    // insert_into_dictkeys: a new name while dk_usable lasts.
    if (value === null || keys.usable <= 0) return value === null;
    ix = keys.order.length;
    keys.index.set(text, ix);
    keys.order.push(key);
    keys.usable--;
  }
  const old = values[ix];
  if (value === null) {
    if (old === undefined) return true;
    values[ix] = undefined;
    inst.attrCount--;
    const own = orders.get(inst);
    if (own !== undefined) own.splice(own.indexOf(ix), 1);
    return true;
  }
  if (old === undefined) {
    // _PyDictValues_AddToInsertionOrder: last in this instance's order.
    let own = orders.get(inst);
    if (own === undefined) {
      let last = -1;
      for (let i = values.length - 1; i >= 0; i--) if (values[i] !== undefined) { last = i; break; }
      if (ix < last) orders.set(inst, (own = orderOf(inst)));
    }
    own?.push(ix);
    inst.attrCount++;
  }
  values[ix] = value;
  return true;
}

/** make_dict_from_instance_attributes: the instance's dict, split over the class's keys, taking its values in their order. */
export function materializeManaged(inst: PyInstanceObj): PyDictObj {
  const keys = inst.attrKeys as SharedKeys;
  const values = inst.attrValues as PyObj[];
  const d = new HashTable();
  d.split = keys;
  keys.refcnt++;
  for (const ix of orderOf(inst)) {
    const k = keys.order[ix] as PyStrObj;
    d.append(hashKey(k), k, values[ix] as PyObj);
  }
  orders.delete(inst);
  if (ctx().layout.rules.clearKeepsEmbeddedValues) embedded.add(d);
  inst.attrKeys = null;
  inst.attrValues = null;
  inst.attrCount = 0;
  inst.dict = d;
  return d;
}

/** Each value held, for the deep walk (order does not matter there). */
export function forEachManagedValue(inst: PyInstanceObj, f: (v: PyObj) => void): void {
  const values = inst.attrValues as (PyObj | undefined)[];
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (v !== undefined) f(v);
  }
}
