// set and frozenset construction and update paths of Objects/setobject.c (3.10).
import { ctx } from "./ctx.js";
import { HashTable, hashKey } from "./hashTable.js";
import { forEach } from "./iteration.js";
import type { PyObj, PySetObj } from "./objects.js";

export function newSet(kind: "set" | "frozenset" = "set"): PySetObj {
  return { t: kind, table: new HashTable(ctx().layout.set.minsize) };
}

function resizeTo(t: HashTable, minused: number): void {
  t.size = ctx().layout.set.tableResize(minused);
  t.fill = t.used; // dummies are dropped by the rehash
}

/** set_add_entry: a new key takes a never-used slot and may trigger a resize. */
export function setAdd(s: PySetObj, key: PyObj): void {
  const t = s.table;
  const hk = hashKey(key);
  if (t.map.has(hk)) return;
  t.map.set(hk, { key, value: key });
  t.fill++;
  const layout = ctx().layout.set;
  if (layout.addNeedsResize(t.fill, t.size)) resizeTo(t, layout.growthTarget(t.used));
}

export function setContains(s: PySetObj, key: PyObj): boolean {
  return s.table.map.has(hashKey(key));
}

/** set_discard_entry: the slot becomes a dummy; fill is unchanged. */
export function setDiscard(s: PySetObj, key: PyObj): boolean {
  return s.table.map.delete(hashKey(key));
}

/** set_clear_internal: back to the inline smalltable. */
export function setClear(s: PySetObj): void {
  s.table.map.clear();
  s.table.size = ctx().layout.set.minsize;
  s.table.fill = 0;
}

/** set_merge(so, other) for a set or frozenset source. */
export function setMerge(so: PySetObj, other: PySetObj): void {
  const t = so.table;
  const o = other.table;
  if (so === other || o.used === 0) return;
  const presize = ctx().layout.set.presizeForMerge(t.fill, t.size, t.used, o.used);
  if (presize !== null) {
    t.size = presize;
    t.fill = t.used;
  }
  if (t.fill === 0) {
    // An empty target is filled by copying (same size, no dummies) or by clean inserts: no resize checks.
    for (const [hk, e] of o.map) t.map.set(hk, { key: e.key, value: e.key });
    t.fill = t.size === o.size && o.fill === o.used ? o.fill : o.used;
    ctx().tick(o.used);
    return;
  }
  for (const e of [...o.map.values()]) setAdd(so, e.key);
}

/** set_update_internal(so, iterable). */
export function setUpdate(so: PySetObj, src: PyObj): void {
  if (src.t === "set" || src.t === "frozenset") {
    setMerge(so, src);
    return;
  }
  if (src.t === "dict") {
    const t = so.table;
    const presize = ctx().layout.set.presizeForMerge(t.fill, t.size, t.used, src.table.used);
    if (presize !== null) {
      t.size = presize;
      t.fill = t.used;
    }
    for (const e of [...src.table.map.values()]) setAdd(so, e.key);
    ctx().tick(src.table.used);
    return;
  }
  forEach(src, (x) => setAdd(so, x));
}

/** make_new_set(type, iterable). */
export function setFrom(kind: "set" | "frozenset", src: PyObj | null): PySetObj {
  const s = newSet(kind);
  if (src !== null) setUpdate(s, src);
  return s;
}

/** set_copy / make_new_set_basetype(type(so), so). */
export function setCopy(so: PySetObj, kind: "set" | "frozenset" = so.t): PySetObj {
  return setFrom(kind, so);
}
