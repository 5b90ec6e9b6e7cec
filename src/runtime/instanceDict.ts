// Instance __dict__s as CPython 3.10 keeps them (Objects/dictobject.c,
// PEP 412): a class caches shared keys; each instance's dict is a split table
// holding only values, until an insertion out of the shared order, a
// non-str key, a deletion or a resize turns it into a combined table.
import { ctx } from "./ctx.js";
import { HashTable, hashKey } from "./hashTable.js";
import { strText } from "./text.js";
import type { PyDictObj, PyObj, PyStrObj, SharedKeys } from "./objects.js";

/** _PyDict_NewKeysForClass: an empty PyDict_MINSIZE keys table, held by the type. */
export function newClassKeys(): SharedKeys {
  const layout = ctx().layout.dict;
  return { order: [], index: new Map(), size: layout.minsize, usable: layout.usableFraction(layout.minsize), refcnt: 1 };
}

/** new_dict_with_shared_keys. */
export function newSplitDict(keys: SharedKeys): PyDictObj {
  keys.refcnt++;
  return { t: "dict", table: HashTable.packedOver(keys.order), split: keys, w: 0 };
}

/** dictresize of a split dict: a combined table of `newsize` holding this dict's entries. */
function splitToCombined(d: PyDictObj, newsize: number): void {
  const keys = d.split as SharedKeys;
  keys.refcnt--;
  d.split = null;
  const t = d.table;
  t.map; // a combined table holds entries
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
  if (key.t !== "str") {
    insertionResize(d);
    return false;
  }
  if (t.isPacked) return packedInsert(d, keys, key, value);
  const hk = hashKey(key);
  const existing = t.map.get(hk);
  if (existing !== undefined) {
    existing.value = value;
    return true;
  }
  const ix = keys.index.get(strText(key)) ?? -1;
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
    keys.index.set(strText(key), keys.order.length);
    keys.order.push(key);
    keys.usable--;
    t.map.set(hk, { key, value });
    return true;
  }
  t.map.set(hk, { key: keys.order[ix] as PyStrObj, value });
  return true;
}

/** splitInsert on a table still packed: the same rules, on the values array. */
function packedInsert(d: PyDictObj, keys: SharedKeys, key: PyStrObj, value: PyObj): boolean {
  const t = d.table;
  const ix = keys.index.get(strText(key));
  if (ix !== undefined && ix < t.used) {
    t.packedPut(ix, value);
    return true;
  }
  // An insertion out of the shared order cannot share the keys any more.
  if ((ix !== undefined && t.used !== ix) || (ix === undefined && t.used !== keys.order.length)) {
    insertionResize(d);
    return false;
  }
  if (ix === undefined) {
    if (keys.usable <= 0) {
      insertionResize(d);
      return false;
    }
    keys.index.set(strText(key), keys.order.length);
    keys.order.push(key);
    keys.usable--;
  }
  t.packedPut(t.used, value);
  return true;
}

/** The value of a str key in a packed split dict; null when the table holds entries. */
export function packedGet(d: PyDictObj, name: string): PyObj | undefined | null {
  if (!d.table.isPacked || d.split == null) return null;
  const ix = d.split.index.get(name);
  return ix === undefined ? undefined : d.table.packedAt(ix);
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
  const index = new Map(order.map((k, i) => [strText(k), i]));
  const keys: SharedKeys = { order, index, size, usable: ctx().layout.dict.usableFraction(size) - order.length, refcnt: 2 };
  d.split = keys;
  return keys;
}
