// dict construction, insertion and merge paths of Objects/dictobject.c (3.10).
// The keys table grows only where insertdict, dictresize, dict_merge and
// PyDict_Copy grow it; deletions leave dummies, so sizes never shrink on delete.
import { ALLOCATION_STEPS, chargeSteps, ctx } from "./ctx.js";
import type { Layout } from "../layouts/layout.js";
import { PyException } from "./errors.js";
import { HashTable, type PendingEntries } from "./hashTable.js";
import { runFind } from "./intRuns.js";
import { seqItem } from "./seq.js";
import type { PyDictObj, PyObj } from "./objects.js";
import { newSplitDict, packedGet, splitBeforeDelete, splitInsert, splitToCombined } from "./instanceDict.js";
import { strText } from "./text.js";
import { isEmbeddedDict } from "./managedValues.js";

/** PyDict_New: the shared empty keys (size 0 here). */
export function newDict(): PyDictObj {
  chargeSteps(ALLOCATION_STEPS.table);
  return new HashTable();
}

/** A keys table of `size` holding `used` entries (all of them live: no dummies), of kind `general`. */
function setKeysSize(t: HashTable, size: number, used = t.used, general = t.general): void {
  resizeKeys(t, ctx().layout, size, used, general);
}

/** The figures of a keys table that insertdict grows: dk_size, dk_usable, dk_nentries and the kind. */
export interface KeysFigures {
  size: number;
  usable: number;
  fill: number;
  general: boolean;
}

function resizeKeys(t: KeysFigures, layout: Layout, size: number, used: number, general: boolean): void {
  t.size = size;
  t.general = general;
  t.usable = layout.dict.usableFraction(size) - used;
  t.fill = used;
}

/** 3.11+ insertdict, before the lookup: a key other than an exact str turns a str-keys table general (insertion_resize to GROWTH_RATE). */
export function generalizeForKey(t: KeysFigures, used: number, layout: Layout, strKey: boolean): void {
  if (layout.rules.dictKeyKinds && t.size > 0 && !t.general && !strKey) resizeKeys(t, layout, layout.dict.resizeSize(layout.dict.growthRate(used)), used, true);
}

/** insertdict of a new key: the shared empty keys become a PyDict_MINSIZE table of the key's kind, a spent table is resized to GROWTH_RATE; the key takes one entry. */
export function growForNewKey(t: KeysFigures, used: number, layout: Layout, strKey: boolean): void {
  if (t.size === 0) resizeKeys(t, layout, layout.dict.minsize, used, !strKey);
  else if (t.usable <= 0) resizeKeys(t, layout, layout.dict.resizeSize(layout.dict.growthRate(used)), used, t.general);
  t.usable--;
  t.fill++;
}

/** dict_new: calling dict or a subclass of it; before 3.10 it allocates a PyDict_MINSIZE keys table up front. */
export function newDictFromType(): PyDictObj {
  const d = newDict();
  const { dict, rules } = ctx().layout;
  if (rules.dictNewAllocatesKeys) setKeysSize(d.table, dict.minsize);
  return d;
}

/**
 * _PyDict_NewPresized(minused), or from 3.11 dict_new_presized(minused, unicode): a table for
 * more than 5 entries is made of the kind asked for (the shared empty keys otherwise).
 */
export function newDictPresized(minused: number, unicode = false): PyDictObj {
  const d = newDict();
  const size = ctx().layout.dict.presizedSize(minused);
  if (size > 0) setKeysSize(d.table, size, 0, !unicode);
  d.table.reserve(minused);
  return d;
}

/** dictresize(mp, minsize, unicode): a unicode table stays one only when asked to (3.11+). */
export function dictResize(d: PyDictObj, minsize: number, unicode = false): void {
  setKeysSize(d.table, ctx().layout.dict.resizeSize(minsize), d.table.used, !unicode || d.table.general);
}

/** Whether a key may sit in a DICT_KEYS_UNICODE table: an exact str. */
function unicodeKey(key: PyObj): boolean {
  return key.t === "str" && key.sub === undefined;
}

/** insertdict / insert_to_emptydict: an existing key keeps its key object and takes the new value. */
export function dictSet(d: PyDictObj, key: PyObj, value: PyObj): void {
  if (d.split != null && splitInsert(d, key, value)) return;
  // An OrderedDict's store looks the key up in od_fast_nodes, which sizes it.
  if (d.flavor !== undefined) d.flavor.mutated = true;
  const t = d.table;
  const hk = t.keyFor(key);
  const layout = ctx().layout;
  const strKey = unicodeKey(key);
  generalizeForKey(t, t.used, layout, strKey);
  if (t.replaceValue(hk, value)) return;
  growForNewKey(t, t.used, layout, strKey);
  t.append(hk, key, value);
}

/**
 * insertdict of each (key, value) of `p` into an empty exact dict, in closed
 * form: the keys are distinct ints, so every insertion is a new entry, and
 * the keys table grows exactly where insertdict finds dk_usable spent, to
 * dictresize(GROWTH_RATE); the entries themselves are made when read.
 */
export function dictInsertRunLazily(d: PyDictObj, p: PendingEntries): boolean {
  const t = d.table;
  if (d.split != null || d.flavor !== undefined || t.used !== 0 || t.fill !== 0 || t.pendingEntries !== null) return false;
  const layout = ctx().layout.dict;
  let left = p.keys.len;
  let used = 0;
  while (left > 0) {
    if (t.size === 0) setKeysSize(t, layout.minsize, used, true);
    else if (t.usable <= 0) setKeysSize(t, layout.resizeSize(layout.growthRate(used)), used);
    const take = Math.min(left, t.usable);
    if (take <= 0) throw new Error("dictInsertRunLazily: a resize left no usable entries");
    used += take;
    t.usable -= take;
    t.fill += take;
    left -= take;
  }
  t.setPending(p);
  return true;
}

export function dictGet(d: PyDictObj, key: PyObj): PyObj | undefined {
  if (key.t === "str" && d.table.isPacked) return packedGet(d, strText(key)) ?? undefined;
  const p = d.table.pendingEntries;
  if (p !== null && (key.t === "int" || key.t === "bool")) {
    // Keys of a pending run are distinct ints: one division finds the entry, if any.
    const k = runFind(p.keys, BigInt(key.t === "bool" ? Number(key.v) : key.v));
    if (k < 0) return undefined;
    return "each" in p.values ? p.values.each : seqItem(p.values, k);
  }
  return d.table.valueAt(d.table.keyFor(key));
}

/** delitem: the slot becomes a dummy; nothing is given back. */
export function dictDelete(d: PyDictObj, key: PyObj): PyObj {
  const hk = d.table.keyFor(key);
  // Before 3.11 a deletion makes a split dict combined; from 3.11 the value leaves its split values.
  if (d.split != null && d.table.hasKey(hk) && !ctx().layout.rules.managedDicts) splitBeforeDelete(d);
  const value = d.table.remove(hk);
  if (value === undefined) throw new PyException("KeyError", "");
  return value;
}

export function dictClear(d: PyDictObj): void {
  if (d.split != null && isEmbeddedDict(d)) {
    // 3.13+: the instance's inline values are emptied in place; the dict stays split over the class's keys.
    d.table.clearEntries();
    return;
  }
  if (d.split != null) {
    d.split.refcnt--;
    d.split = null;
  }
  d.table.clearEntries();
  if (d.flavor !== undefined) d.flavor.mutated = false;
  d.table.size = 0;
  d.table.general = false;
  d.table.usable = 0;
  d.table.fill = 0;
}

function cloneInto(dst: PyDictObj, src: PyDictObj): void {
  const t = dst.table;
  const o = src.table;
  o.forEachEntry((key, value) => t.append(t.keyFor(key), key, value));
  t.size = o.size;
  t.general = o.general;
  t.usable = o.usable;
  t.fill = o.fill;
  ctx().tick(o.used);
}

/** dict_merge(a, b, override) for a dict source. */
export function dictMerge(a: PyDictObj, b: PyDictObj, override: boolean): void {
  const t = a.table;
  const o = b.table;
  if (a === b || o.used === 0) return;
  if (a.flavor !== undefined) a.flavor.mutated = true;
  const layout = ctx().layout.dict;
  if (t.used === 0 && ctx().layout.rules.mergeClonesEmptyTarget) {
    // A clean, combined source that is just allocated is cloned as it is; an empty split target (an
    // instance's __dict__) becomes combined by it in 3.10-3.12 (3.8/3.9 have no clone path for it, 3.13 skips it).
    const splitKept = a.split != null && !ctx().layout.rules.mergeClonesIntoSplitTarget;
    if (b.split == null && !splitKept && o.used === o.fill && (o.size === layout.minsize || layout.usableFraction(o.size / 2) < o.used)) {
      if (a.split != null) {
        a.split.refcnt--;
        a.split = null;
      }
      cloneInto(a, b);
      return;
    }
  }
  // One big resize up front, expecting few overlapping keys: USABLE_FRACTION of the target's dk_size (a split
  // dict's is its shared keys'), and dictresize makes a split target combined, leaving the class's keys as they are.
  const size = a.split != null ? a.split.size : t.size;
  if (layout.usableFraction(size === 0 ? 1 : size) < o.used) {
    if (a.split != null) splitToCombined(a, layout.resizeSize(layout.estimateSize(t.used + o.used)));
    dictResize(a, layout.estimateSize(t.used + o.used), !o.general);
  }
  const pairs: PyObj[] = [];
  o.forEachEntry((key, value) => void pairs.push(key, value));
  for (let i = 0; i < pairs.length; i += 2) {
    const key = pairs[i] as PyObj;
    if (override || !t.hasKey(t.keyFor(key))) dictSet(a, key, pairs[i + 1] as PyObj);
  }
  ctx().tick(o.used);
}

/** PyDict_Copy. */
export function dictCopy(d: PyDictObj): PyDictObj {
  const o = d.table;
  if (o.used === 0) return newDict();
  if (d.split != null) {
    // A split dict's copy shares its keys.
    const c = newSplitDict(d.split);
    o.forEachEntry((key, value) => dictSet(c, key, value));
    return c;
  }
  const copy = newDict();
  // Fast copy unless more than a third of the entries are deleted ones.
  if (o.used >= Math.floor((o.fill * 2) / 3)) {
    cloneInto(copy, d);
    return copy;
  }
  dictMerge(copy, d, true);
  return copy;
}
