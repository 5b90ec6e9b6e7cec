// Instance __dict__s as CPython 3.10 keeps them (Objects/dictobject.c,
// PEP 412): a class caches shared keys; each instance's dict is a split table
// holding only values, until an insertion out of the shared order, a
// non-str key, a deletion or a resize turns it into a combined table.
import { ctx } from "./ctx.js";
import { HashTable, hashKey } from "./hashTable.js";
import { strText } from "./text.js";
import type { PyDictObj, PyObj, PyStrObj, SharedKeys } from "./objects.js";

/**
 * _PyDict_NewKeysForClass, held by the type: an empty PyDict_MINSIZE table (before 3.11), or from
 * 3.11 the fixed table of the layout's classKeysSlots whose dk_usable starts at classKeysUsable.
 */
export function newClassKeys(): SharedKeys {
  const { dict, heapType } = ctx().layout;
  if (heapType.classKeysSlots !== null) return { order: [], index: new Map(), size: heapType.classKeysSlots, usable: heapType.classKeysUsable, refcnt: 1 };
  return { order: [], index: new Map(), size: dict.minsize, usable: dict.usableFraction(dict.minsize), refcnt: 1 };
}

/** new_dict_with_shared_keys. */
export function newSplitDict(keys: SharedKeys): PyDictObj {
  keys.refcnt++;
  // Room for the keys the class has seen (a pushed JS array would reserve 16 slots).
  return HashTable.packedWith(keys.order, new Array<PyObj>(keys.order.length), 0, keys);
}

/** dictresize of a split dict: a combined table of `newsize` holding this dict's entries. */
export function splitToCombined(d: PyDictObj, newsize: number): void {
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
 * Where insertdict stores str key `key` in a split dict holding the first
 * `used` values of `keys`: the value's index (a new key in order is appended to
 * the shared keys), or -1 when the store needs a combined table — a key out of
 * the shared order, or a new key when the shared keys are full.
 */
export function splitSlotFor(keys: SharedKeys, used: number, key: PyStrObj): number {
  const text = strText(key);
  const ix = keys.index.get(text);
  if (ix !== undefined) return ix <= used ? ix : -1;
  if (used !== keys.order.length || keys.usable <= 0) return -1;
  keys.index.set(text, keys.order.length);
  keys.order.push(key);
  keys.usable--;
  return used;
}

/**
 * insertdict on a split dict. Returns false when the dict became combined
 * before inserting (the caller then inserts as into any combined dict).
 */
export function splitInsert(d: PyDictObj, key: PyObj, value: PyObj): boolean {
  if (ctx().layout.rules.managedDicts) return managedSplitInsert(d, key, value);
  const keys = d.split as SharedKeys;
  const t = d.table;
  const ix = key.t === "str" ? splitSlotFor(keys, t.used, key) : -1;
  if (ix < 0) {
    insertionResize(d);
    return false;
  }
  if (t.isPacked) t.packedPut(ix, value);
  else {
    const shared = keys.order[ix] as PyStrObj;
    const hk = hashKey(shared);
    const existing = t.map.get(hk);
    if (existing !== undefined) existing.value = value;
    else t.map.set(hk, { key: shared, value });
  }
  return true;
}

/**
 * insertdict on a split dict from 3.11: it stays split for any str key the shared keys hold or
 * can still take (a new name goes into the shared keys, so other instances see it); a key of
 * another type makes it a general combined table, and a new name once the shared keys are
 * full a unicode one, both by insertion_resize (GROWTH_RATE).
 */
function managedSplitInsert(d: PyDictObj, key: PyObj, value: PyObj): boolean {
  const keys = d.split as SharedKeys;
  const t = d.table;
  let shared: PyStrObj | undefined;
  if (key.t === "str") {
    const text = strText(key);
    const ix = keys.index.get(text);
    if (ix !== undefined) shared = keys.order[ix];
    else if (keys.usable > 0) {
      keys.index.set(text, keys.order.length);
      keys.order.push(key);
      keys.usable--;
      shared = key;
    }
  }
  if (shared === undefined) {
    insertionResize(d);
    t.general = key.t !== "str";
    return false;
  }
  const hk = hashKey(shared);
  if (!t.replaceValue(hk, value)) t.append(hk, shared, value);
  return true;
}

/** The value of a str key in a packed split dict; null when the table holds entries. */
export function packedGet(d: PyDictObj, name: string): PyObj | undefined | null {
  if (!d.table.isPacked || d.split == null) return null;
  const ix = d.split.index.get(name);
  return ix === undefined ? undefined : d.table.packedAt(ix);
}

/** delitem on a split dict first combines it at its current size: dictresize(mp, DK_SIZE(keys)), a size as it is
 * (3.10's callers, not dictresize, round with calculate_keysize, which would double a power of two). */
export function splitBeforeDelete(d: PyDictObj): void {
  const keys = d.split as SharedKeys;
  splitToCombined(d, keys.size);
}

/** make_keys_shared: a combined, str-keyed dict becomes split over its own keys, which the type caches. */
export function makeKeysShared(d: PyDictObj): SharedKeys | null {
  const t = d.table;
  for (const e of t.map.values()) if (e.key.t !== "str") return null;
  // Dummies left by deletions are removed by a same-size resize first.
  // (dictresize(mp, DK_SIZE(keys)): the same size, taken as it is.)
  const size = t.size;
  const order = [...t.map.values()].map((e) => e.key as PyStrObj);
  const index = new Map(order.map((k, i) => [strText(k), i]));
  const keys: SharedKeys = { order, index, size, usable: ctx().layout.dict.usableFraction(size) - order.length, refcnt: 2 };
  d.split = keys;
  return keys;
}
