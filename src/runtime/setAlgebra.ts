// Set algebra as Objects/setobject.c (3.10) performs it: each operation walks
// the operand CPython walks, in slot order, and grows its result along the
// same route (copy then discard, filtered build, build-from-iterable then
// toggle), so the result's table size and order are CPython's.
import { ctx } from "./ctx.js";
import { dictGet } from "./dicts.js";
import { forEach } from "./iteration.js";
import type { PyObj, PySetObj } from "./objects.js";
import { hashOf, isAnySet, newSet, setClear, setContains, setCopy, setDiscard, setFrom, setUpdate } from "./sets.js";

function exactDict(o: PyObj): o is PyObj & { t: "dict" } {
  return o.t === "dict" && o.flavor === undefined;
}

/** set_or: a copy of the left operand updated with the right. */
export function setOr(so: PySetObj, other: PySetObj): PySetObj {
  const r = setCopy(so);
  if (so !== other) setUpdate(r, other);
  return r;
}

/** set_union: make_new_set_basetype(type(so), so), then each other merged in. */
export function setUnion(so: PySetObj, others: readonly PyObj[]): PySetObj {
  const r = setCopy(so);
  for (const o of others) if (o !== so) setUpdate(r, o);
  return r;
}

/** set_intersection. */
export function setIntersection(so: PySetObj, other: PyObj): PySetObj {
  if (so === other) return setCopy(so);
  const r = newSet(so.t);
  if (isAnySet(other)) {
    let [big, small] = [so, other];
    if (other.table.used > so.table.used) [big, small] = [other, so];
    for (const [k, h, u] of small.table.entries()) if (big.table.has(k, h)) r.table.add(k, h, u);
    return r;
  }
  const stop = {};
  try {
    forEach(other, (k) => {
      const [h, , u] = hashOf(k);
      if (so.table.has(k, h)) {
        r.table.add(k, h, u);
        if (r.table.used >= so.table.used) throw stop;
      }
    });
  } catch (e) {
    if (e !== stop) throw e;
  }
  return r;
}

/** set_intersection_multi: a copy when no others are given. */
export function setIntersectionMulti(so: PySetObj, others: readonly PyObj[]): PySetObj {
  if (others.length === 0) return setCopy(so);
  let r = so;
  for (const o of others) r = setIntersection(r, o);
  return r;
}

/** set_intersection_update(_multi): the intersection's table is swapped into so. */
export function setIntersectionUpdate(so: PySetObj, others: readonly PyObj[]): void {
  const tmp = setIntersectionMulti(so, others);
  if (tmp !== so) so.table.swap(tmp.table);
}

/** set_difference_update_internal: discard in place, then drop dummies past a quarter of the table. */
export function setDifferenceUpdate(so: PySetObj, other: PyObj): void {
  if (so === other) {
    setClear(so);
    return;
  }
  if (isAnySet(other)) for (const [k, h] of other.table.entries()) so.table.discard(k, h);
  else forEach(other, (k) => void setDiscard(so, k));
  const t = so.table;
  const layout = ctx().layout.set;
  if (layout.dummiesNeedResize(t.fill, t.used, t.size)) t.resize(layout.growthTarget(t.used));
}

/** set_copy_and_difference. */
function copyAndDifference(so: PySetObj, other: PyObj): PySetObj {
  const r = setCopy(so);
  setDifferenceUpdate(r, other);
  return r;
}

/** set_difference: copy-and-discard when the other is small or not a set or dict, else a filtered build. */
export function setDifference(so: PySetObj, other: PyObj): PySetObj {
  let otherSize: number;
  if (isAnySet(other)) otherSize = other.table.used;
  else if (exactDict(other)) otherSize = other.table.used;
  else return copyAndDifference(so, other);
  if (so.table.used >> 2 > otherSize) return copyAndDifference(so, other);
  const r = newSet(so.t);
  for (const [k, h, u] of so.table.entries()) {
    const found = isAnySet(other) ? other.table.has(k, h) : dictGet(other as PyObj & { t: "dict" }, k) !== undefined;
    if (!found) r.table.add(k, h, u);
  }
  return r;
}

/** set_difference_multi. */
export function setDifferenceMulti(so: PySetObj, others: readonly PyObj[]): PySetObj {
  const [first, ...rest] = others;
  if (first === undefined) return setCopy(so);
  const r = setDifference(so, first);
  for (const o of rest) setDifferenceUpdate(r, o);
  return r;
}

/** set_symmetric_difference_update: toggle each key of the other (made a set first unless a set or dict). */
export function setSymmetricDifferenceUpdate(so: PySetObj, other: PyObj): void {
  if (so === other) {
    setClear(so);
    return;
  }
  if (exactDict(other)) {
    for (const e of [...other.table.map.values()]) {
      const [h, , u] = hashOf(e.key);
      if (!so.table.discard(e.key, h)) so.table.add(e.key, h, u);
    }
    return;
  }
  const otherset = isAnySet(other) ? other : setFrom(so.t, other);
  for (const [k, h, u] of otherset.table.entries()) if (!so.table.discard(k, h)) so.table.add(k, h, u);
}

/** set_symmetric_difference: a new set from the other, then toggled by so's keys. */
export function setSymmetricDifference(so: PySetObj, other: PyObj): PySetObj {
  const r = setFrom(so.t, other);
  setSymmetricDifferenceUpdate(r, so);
  return r;
}

/** set_issubset. */
export function setIsSubset(so: PySetObj, other: PyObj): boolean {
  if (!isAnySet(other)) return setIntersection(so, other).table.used === so.table.used;
  if (so.table.used > other.table.used) return false;
  for (const [k, h] of so.table.entries()) if (!other.table.has(k, h)) return false;
  return true;
}

/** set_issuperset. */
export function setIsSuperset(so: PySetObj, other: PyObj): boolean {
  if (isAnySet(other)) return setIsSubset(other, so);
  let all = true;
  const stop = {};
  try {
    forEach(other, (k) => {
      if (!setContains(so, k)) {
        all = false;
        throw stop;
      }
    });
  } catch (e) {
    if (e !== stop) throw e;
  }
  return all;
}

/** set_isdisjoint. */
export function setIsDisjoint(so: PySetObj, other: PyObj): boolean {
  if (so === other) return so.table.used === 0;
  if (isAnySet(other)) {
    let [big, small] = [so, other];
    if (other.table.used > so.table.used) [big, small] = [other, so];
    for (const [k, h] of small.table.entries()) if (big.table.has(k, h)) return false;
    return true;
  }
  let disjoint = true;
  const stop = {};
  try {
    forEach(other, (k) => {
      if (setContains(so, k)) {
        disjoint = false;
        throw stop;
      }
    });
  } catch (e) {
    if (e !== stop) throw e;
  }
  return disjoint;
}
