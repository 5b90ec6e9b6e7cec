// set and frozenset construction and update paths of Objects/setobject.c (3.10).
// The slot-level work (probing, resizing, dummies) is in setTable.ts.
import { ALLOCATION_STEPS, ctx } from "./ctx.js";
import { addressedHashes, pyHash, setContentHash, unstableHashes, type PyHash } from "./hashing.js";
import { forEach } from "./iteration.js";
import type { PyObj, PySetObj } from "./objects.js";
import { SetTable } from "./setTable.js";
import { intRunOf } from "./intRuns.js";

export function newSet(kind: "set" | "frozenset" = "set"): PySetObj {
  ctx().tick(ALLOCATION_STEPS.table);
  return { t: kind, table: new SetTable(ctx().layout.set) };
}

export function isAnySet(o: PyObj): o is PySetObj {
  return o.t === "set" || o.t === "frozenset";
}

/**
 * PyObject_Hash (a str's 52 set-table bits), whether the value is a stand-in, and whether it is an address
 * stand-in (see hashing.ts): a set places a key of the first kind as a
 * PYTHONHASHSEED=0 process does, and keeps the second kind in insertion order.
 */
export function hashOf(key: PyObj): [PyHash, boolean, boolean] {
  const before = unstableHashes();
  const beforeAddressed = addressedHashes();
  const h = pyHash(key);
  return [h, unstableHashes() !== before, addressedHashes() !== beforeAddressed];
}

/** set_add_key. */
export function setAdd(s: PySetObj, key: PyObj): void {
  const [h, , addressed] = hashOf(key);
  s.table.add(key, h, addressed);
}

/**
 * The hash a lookup uses: a set key that cannot be hashed is looked up as the
 * equal frozenset (_PySet_Contains, set_discard).
 */
function lookupHash(key: PyObj): PyHash {
  if (key.t === "set") return setContentHash(key);
  return pyHash(key);
}

export function setContains(s: PySetObj, key: PyObj): boolean {
  return s.table.has(key, lookupHash(key));
}

/** set_discard_key: the slot becomes a dummy; fill is unchanged. */
export function setDiscard(s: PySetObj, key: PyObj): boolean {
  return s.table.discard(key, lookupHash(key));
}

/** set_clear_internal: back to the inline smalltable. */
export function setClear(s: PySetObj): void {
  s.table.clear();
}

/** set.pop(); null when the set is empty. */
export function setPop(s: PySetObj): PyObj | null {
  return s.table.pop();
}

/** set_merge(so, other) for a set or frozenset source. */
export function setMerge(so: PySetObj, other: PySetObj): void {
  const t = so.table;
  const o = other.table;
  if (so === other || o.used === 0) return;
  // One big resize at the start, expecting no (or few) overlapping keys.
  const minused = ctx().layout.set.presizeForMerge(t.fill, t.size, t.used, o.used);
  if (minused !== null) t.resize(minused);
  if (t.fill === 0) {
    t.copyFrom(o);
    ctx().tick(o.used);
    return;
  }
  for (const [k, h, u] of o.entries()) t.add(k, h, u);
  ctx().tick(o.used);
}

/** set_update_internal(so, iterable). */
export function setUpdate(so: PySetObj, src: PyObj): void {
  // The ints of a range or a list/tuple run into an empty set: sizes in closed form, slots when needed.
  const run = intRunOf(src);
  if (run !== null && so.table.addRunLazily(run)) {
    ctx().tick(1);
    return;
  }
  if (isAnySet(src)) {
    setMerge(so, src);
    return;
  }
  if (src.t === "dict" && src.flavor === undefined && src.sub === undefined) {
    // An exact dict (PyDict_CheckExact): presized like set_merge, then its keys with their stored hashes.
    const t = so.table;
    const minused = ctx().layout.set.presizeForMerge(t.fill, t.size, t.used, src.table.used);
    if (minused !== null) t.resize(minused);
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
