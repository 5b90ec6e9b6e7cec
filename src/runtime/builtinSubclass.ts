// Subclasses of list, dict, set, frozenset, str, int, float, bytes and
// bytearray. As in CPython, an instance is the builtin's own object (a list
// subclass instance is a PyListObject with the class's extra members), so
// every operation that takes a list takes it; pymem keeps the instance part —
// class, __dict__, slots — in the object's `sub` (a PyInstanceObj whose
// `owner` is the object). type_call runs __new__ (the builtin's unless the
// class has its own) and __init__; the builtin's own methods, reached by
// super() or as list.__getitem__(self, i), run without the class's overrides.
import type { PyClassObj, PyObj, SubclassableBuiltin } from "./objects.js";
import { cloneObject, emptyStr, PyInstanceObj, pyBytes, pyInt, subOf } from "./objects.js";
import { SUBCLASSABLE } from "./builtinBases.js";
import { newTuple } from "./tuples.js";
import { newSet, setMerge } from "./sets.js";
import { initManagedValues, usesManagedValues } from "./managedValues.js";

/** Builtins whose objects never change: their operations may hand back the object itself, which a subclass's must not. */
const IMMUTABLE: ReadonlySet<string> = new Set(["frozenset", "str", "int", "float", "bytes", "tuple"]);

/** The instance part of a new object of `cls` (no __init__ run). */
export function newInstancePart(cls: PyClassObj, owner: PyObj): PyInstanceObj {
  const inst: PyInstanceObj = new PyInstanceObj(cls, owner);
  if (usesManagedValues(cls)) initManagedValues(inst);
  return inst;
}

/** `value` (a builtin object just made) as a new object of `cls`: the same contents, a distinct object with the instance part. */
export function asSubclassObject(value: PyObj, cls: PyClassObj): PyObj {
  const made = cloneObject(value) as PyObj & { sub?: PyInstanceObj; w?: number };
  if ("w" in made) made.w = 0;
  (made as { sub?: PyInstanceObj }).sub = newInstancePart(cls, made);
  return made;
}

/** The object an immutable builtin's operation hands back for `o`: an object of the exact type when `o` is a subclass's (unicode_result_unchanged, long_long …). */
export function exactResult(result: PyObj, self: PyObj): PyObj {
  if (result !== self) return result;
  if (self.t === "tuple" && self.cls !== undefined) return newTuple(self.items);
  if (subOf(self) === undefined || !IMMUTABLE.has(self.t)) return result;
  // make_new_set(&PyFrozenSet_Type, so): a table of its own, merged from the object's.
  if (self.t === "frozenset") {
    const f = newSet("frozenset");
    setMerge(f, self);
    return f;
  }
  // _PyLong_Copy gives the cached small int for a small value; an empty str or bytes is the empty singleton.
  if (self.t === "int") return pyInt(self.v);
  if (self.t === "str" && self.length === 0) return emptyStr;
  if (self.t === "bytes" && self.length === 0) return pyBytes(new Uint8Array(0));
  const copy = cloneObject(result) as { sub?: PyInstanceObj; w?: number };
  delete copy.sub;
  if ("w" in copy) copy.w = 0;
  return copy as PyObj;
}

/**
 * Run a builtin's own operation on a subclass's object, the class's overrides unseen (the
 * slot of the base type, as super().__getitem__ or list.__getitem__(self, k) call it).
 */
export function asBuiltin<T>(o: PyObj, f: () => T): T {
  const sub = subOf(o);
  if (sub === undefined) return f();
  const w = o as { sub?: PyInstanceObj };
  delete w.sub;
  try {
    return f();
  } finally {
    w.sub = sub;
  }
}

/** The builtin base of a class derived from list, dict, str …, or null. */
export function subclassBase(cls: PyClassObj): SubclassableBuiltin | null {
  return SUBCLASSABLE.has(cls.builtinBase) ? (cls.builtinBase as SubclassableBuiltin) : null;
}

