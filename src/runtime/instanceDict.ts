// Instance __dict__s as CPython 3.10 keeps them (Objects/dictobject.c,
// PEP 412): a class caches shared keys; each instance's dict is a split table
// holding only values, until an insertion out of the shared order, a
// non-str key, a deletion or a resize turns it into a combined table.
import { ctx } from "./ctx.js";
import { HashTable, hashKey } from "./hashTable.js";
import type { DictOwner, PyDictObj, PyObj, PyStrObj, SharedKeys } from "./objects.js";

/** _PyDict_NewKeysForClass: an empty PyDict_MINSIZE keys table, held by the type. */
export function newClassKeys(): SharedKeys {
  const layout = ctx().layout.dict;
  return { order: [], size: layout.minsize, usable: layout.usableFraction(layout.minsize), refcnt: 1 };
}

/** new_dict_with_shared_keys. */
export function newSplitDict(keys: SharedKeys): PyDictObj {
  keys.refcnt++;
  return { t: "dict", table: new HashTable(0), split: keys };
}

/** dictresize of a split dict: a combined table of `newsize` holding this dict's entries. */
function splitToCombined(d: PyDictObj, newsize: number): void {
  const keys = d.split as SharedKeys;
  keys.refcnt--;
  d.split = null;
  const t = d.table;
  t.size = newsize;
  t.usable = ctx().layout.dict.usableFraction(newsize) - t.used;
  t.fill = t.used;
}

/** insertion_resize(mp): dictresize(mp, GROWTH_RATE(mp)). */
function insertionResize(d: PyDictObj): void {
  const layout = ctx().layout.dict;
  splitToCombined(d, layout.resizeSize(layout.growthRate(d.table.used)));
}

/**
 * insertdict on a split dict. Returns false when the dict became combined
 * before inserting (the caller then inserts as into any combined dict).
 */
export function splitInsert(d: PyDictObj, key: PyObj, value: PyObj): boolean {
  const keys = d.split as SharedKeys;
  const t = d.table;
  const hk = hashKey(key);
  if (key.t !== "str") {
    insertionResize(d);
    return false;
  }
  const existing = t.map.get(hk);
  if (existing !== undefined) {
    existing.value = value;
    return true;
  }
  const ix = keys.order.findIndex((k) => k === key || (k.length === key.length && k.text === key.text));
  // An insertion out of the shared order cannot share the keys any more.
  if ((ix >= 0 && t.used !== ix) || (ix < 0 && t.used !== keys.order.length)) {
    insertionResize(d);
    return false;
  }
  if (ix < 0) {
    if (keys.usable <= 0) {
      insertionResize(d);
      return false;
    }
    keys.order.push(key);
    keys.usable--;
    t.map.set(hk, { key, value });
    return true;
  }
  t.map.set(hk, { key: keys.order[ix] as PyStrObj, value });
  return true;
}

/** delitem on a split dict first combines it at its current size. */
export function splitBeforeDelete(d: PyDictObj): void {
  const keys = d.split as SharedKeys;
  splitToCombined(d, ctx().layout.dict.resizeSize(keys.size));
}

/** make_keys_shared: a combined, str-keyed dict becomes split over its own keys, which the type caches. */
export function makeKeysShared(d: PyDictObj): SharedKeys | null {
  const t = d.table;
  for (const e of t.map.values()) if (e.key.t !== "str") return null;
  // Dummies left by deletions are removed by a same-size resize first.
  const size = t.fill !== t.used ? ctx().layout.dict.resizeSize(t.size) : t.size;
  const order = [...t.map.values()].map((e) => e.key as PyStrObj);
  const keys: SharedKeys = { order, size, usable: ctx().layout.dict.usableFraction(size) - order.length, refcnt: 2 };
  d.split = keys;
  return keys;
}

/** PyObject_GenericGetDict: the instance dict, created (split when the class caches keys) on first use. */
export function instanceDict(inst: DictOwner): PyDictObj {
  if (inst.dict === null || inst.dict === undefined) {
    const cached = inst.cls.cachedKeys;
    inst.dict = cached !== null ? newSplitDict(cached) : { t: "dict", table: new HashTable(0), split: null };
  }
  return inst.dict;
}
