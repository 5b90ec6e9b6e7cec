// Hashing and == of instances of classes from the setup or the expression, as
// set and dict lookups see them: slot_tp_hash (Objects/typeobject.c) calls the
// class's __hash__; a class body that defines __eq__ without __hash__ gets
// __hash__ = None (type_new), so its instances are unhashable; dataclasses
// generate both from their fields.
import { callObject } from "./calls.js";
import { lookupClassAttr } from "./classes.js";
import { truthy } from "./compare.js";
import { dataclassHashAction, dataclassTuple } from "./dataclasses.js";
import { typeError } from "./errors.js";
import { canonHash, hashInt, hashTuple, identityHash, inUserHash, pyHash, setInstanceHash, type PyHash } from "./hashing.js";
import { keysEqual, setUserEq } from "./keyEquality.js";
import { setUserKeys } from "./hashTable.js";
import { subOf, type PyInstanceObj, type PyObj } from "./objects.js";

const SSIZE_MAX = (1n << 63n) - 1n;

/** The __hash__ the class resolves to: a callable, null for __hash__ = None, undefined for object's. */
function hashSlot(o: PyInstanceObj): PyObj | null | undefined {
  for (const c of o.cls.mro) {
    const h = c.attrs.get("__hash__");
    if (h !== undefined) return h.t === "NoneType" ? null : h;
    if (c.attrs.has("__eq__")) return null;
  }
  return undefined;
}

function instanceHash(o: PyInstanceObj): PyHash {
  const slot = hashSlot(o);
  if (slot === null) throw typeError(`unhashable type: '${o.cls.name}'`);
  if (slot !== undefined) {
    return userHashResult(inUserHash(() => callObject(slot, [o])));
  }
  // @dataclass's _hash_action: __hash__ from the fields, __hash__ = None, or the inherited one.
  const action = dataclassHashAction(o.cls);
  if (action === "none") throw typeError(`unhashable type: '${o.cls.name}'`);
  if (action === "add") return hashTuple((dataclassTuple(o, "hash") ?? []).map((f) => pyHash(f, true)));
  return identityHash(o);
}

/** slot_tp_hash's result: an int that fits Py_ssize_t is the hash as it is (-1 becomes -2); a larger one is hashed as an int. */
function userHashResult(r: PyObj): PyHash {
  if (r.t !== "int" && r.t !== "bool") throw typeError("__hash__ method should return an integer");
  const v = r.t === "bool" ? (r.v ? 1 : 0) : r.v;
  if (typeof v === "number") return v === -1 ? -2 : v;
  return v >= -SSIZE_MAX - 1n && v <= SSIZE_MAX ? canonHash(v) : hashInt(v);
}

/** A builtin subclass's object hashes by its class's __hash__ when the class has one (or none, defining __eq__); else as the builtin: null. */
function subclassHash(o: PyObj, inst: PyInstanceObj): PyHash | null {
  const slot = hashSlot(inst);
  if (slot === undefined) return null;
  if (slot === null) throw typeError(`unhashable type: '${inst.cls.name}'`);
  return userHashResult(inUserHash(() => callObject(slot, [o])));
}

/** A user-defined __eq__ of the object's class, if any. */
function eqMethod(o: PyObj): PyObj | undefined {
  const cls = o.t === "instance" ? o.cls : subOf(o)?.cls;
  if (cls === undefined) return undefined;
  const m = lookupClassAttr(cls, "__eq__");
  return m !== undefined && m.t === "function" ? m : undefined;
}

/** PyObject_RichCompare(a, b, Py_EQ) through user __eq__ methods, reflected when NotImplemented. */
function userEq(a: PyObj, b: PyObj): boolean | null {
  const fa = eqMethod(a);
  if (fa !== undefined) {
    const r = callObject(fa, [a, b]);
    if (r.t !== "NotImplementedType") return truthy(r);
  }
  const fb = eqMethod(b);
  if (fb !== undefined) {
    const r = callObject(fb, [b, a]);
    if (r.t !== "NotImplementedType") return truthy(r);
  }
  return fa !== undefined || fb !== undefined ? false : null;
}

/** Whether == on this key may run a class's own __eq__ or __hash__ (then dicts match it by hash and ==). */
function needsUserEq(o: PyObj): boolean {
  if (o.t === "instance") return hashSlot(o) !== undefined || dataclassTuple(o, "eq") !== null;
  const sub = subOf(o);
  if (sub !== undefined) return hashSlot(sub) !== undefined;
  if (o.t === "tuple" && Array.isArray(o.items)) return o.items.some(needsUserEq);
  if (o.t === "frozenset") return o.table.keyList().some(needsUserEq);
  return false;
}

setInstanceHash(instanceHash, subclassHash);
setUserEq(userEq);
setUserKeys({ needs: needsUserEq, eq: keysEqual });
