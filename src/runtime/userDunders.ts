// Special methods of classes made by the setup: how CPython's slot functions
// (slot_tp_*, slot_nb_*, slot_sq_* in Objects/typeobject.c) find and call a
// class's own dunders. Special methods are looked up on the type, never on
// the instance (_PyType_Lookup over the MRO). The generic operations ask here
// first; what a class defines but pymem does not honour is refused by name.
import { PyException, PymemError, typeError } from "./errors.js";
import { typeListsOwn } from "./missingAttribute.js";
import { NotImplemented, subOf, typeName, type Kwargs, type PyClassObj, type PyObj, type PyStrObj } from "./objects.js";

/** An instance or tuple-subclass value whose type was made by a class statement (a class whose metaclass was). */
export function userClass(o: PyObj): PyClassObj | null {
  if (o.t === "instance") return o.cls;
  if (o.t === "class") return o.meta ?? null;
  if (o.t === "tuple" && o.cls !== undefined) return o.cls;
  return subOf(o)?.cls ?? null;
}


/** _PyType_Lookup(type(o), name) over the classes pymem made (builtin bases have no user dunders). */
export function lookupDunder(o: PyObj, name: string): PyObj | undefined {
  const cls = userClass(o);
  if (cls === null) return undefined;
  for (const c of cls.mro) {
    // A method a decorator added without a body entry comes after the body's.
    const v = c.attrs.get(name) ?? c.decorated?.generated(name);
    if (v !== undefined) return v;
  }
  // A C type pymem models (datetime's) has slots of its own its model may lack: refused, never taken as absent.
  const lacking = cls.mro.find((c) => c.static === true && typeListsOwn(c.name, name));
  if (lacking !== undefined) throw new PymemError("UNSUPPORTED", `${lacking.name}.${name} is not supported by pymem yet`);
  return undefined;
}

/** A class attribute over the MRO of a class object itself (for the implicit classmethods). */
export function classDunder(cls: PyClassObj, name: string): PyObj | undefined {
  for (const c of cls.mro) {
    // A method a decorator added without a body entry comes after the body's.
    const v = c.attrs.get(name) ?? c.decorated?.generated(name);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Call __init_subclass__ / __class_getitem__, classmethods without the decorator: the class goes first. */
export function callClassDunder(f: PyObj, cls: PyClassObj, args: readonly PyObj[], kw: Kwargs = noKwargs): PyObj {
  if (f.t === "opaque" && f.typeName === "classmethod") return callHook(f.data as PyObj, [cls, ...args], kw);
  if (f.t === "opaque" && f.typeName === "staticmethod") return callHook(f.data as PyObj, args, kw);
  return callHook(f, [cls, ...args], kw);
}

const noKwargs: Kwargs = { values: new Map(), keys: new Map() };
let callHook: (f: PyObj, args: readonly PyObj[], kw?: Kwargs) => PyObj = () => {
  throw new Error("call hook not installed");
};

/** calls.ts installs callObject here (it cannot be imported: calls → classes → iteration → here). */
export function setDunderCaller(f: (fn: PyObj, args: readonly PyObj[], kw?: Kwargs) => PyObj): void {
  callHook = f;
}

/**
 * Call a found special method bound to `self`: functions bind (the descriptor
 * protocol), staticmethod and classmethod as they do; anything else — a builtin
 * function like `__len__ = len`, a callable instance — is called as it is.
 */
export function callBound(f: PyObj, self: PyObj, args: readonly PyObj[]): PyObj {
  if (f.t === "function") return f.call([self, ...args], noKwargs);
  if (f.t === "opaque" && f.typeName === "staticmethod") return callHook(f.data as PyObj, args);
  if (f.t === "opaque" && f.typeName === "classmethod") return callHook(f.data as PyObj, [userClass(self) as PyObj, ...args]);
  return callHook(f, args);
}

/** vectorcall_maybe: self.name(*args) when the type defines it, else undefined. */
export function callDunder(o: PyObj, name: string, args: readonly PyObj[] = []): PyObj | undefined {
  const f = lookupDunder(o, name);
  if (f === undefined) return undefined;
  return callBound(f, o, args);
}

/** Like callDunder, with NotImplemented for a missing method (what the slot wrappers return). */
export function callDunderOrNotImpl(o: PyObj, name: string, args: readonly PyObj[]): PyObj {
  return callDunder(o, name, args) ?? NotImplemented;
}

export function isUserObj(o: PyObj): boolean {
  return o.t === "instance" || (o.t === "tuple" && o.cls !== undefined) || subOf(o) !== undefined || (o.t === "class" && o.meta !== undefined);
}

/** A value whose type is a setup class over a builtin (a builtin subclass's object, a class of a setup metaclass): what its class lacks, the builtin's slot answers. */
export function inheritsBuiltinSlots(o: PyObj): boolean {
  return subOf(o) !== undefined || o.t === "class";
}

/**
 * Whether a setup class answers this protocol itself: an instance's class always does (or
 * refuses), a builtin subclass's object only when its class defines one of `names` (else the
 * builtin's slot, inherited, runs).
 */
export function userOwns(o: PyObj, ...names: string[]): boolean {
  if (!isUserObj(o)) return false;
  return !inheritsBuiltinSlots(o) || names.some((n) => lookupDunder(o, n) !== undefined);
}

export function dunderUnsupported(cls: PyClassObj | null, name: string): PymemError {
  return new PymemError("UNSUPPORTED", `the dunder ${name} of class ${cls?.name ?? "?"} is not supported by pymem yet`);
}

/**
 * Special methods pymem never calls: a class defining one is refused when it is
 * made, since the interpreter would call it where pymem would silently not.
 * (__hash__ is honoured by the hashing code; __init__, __post_init__ by classes.
 * Those only copy, pickle, math, os, `with` or metaclasses would call are not
 * listed: pymem has none of them, so they never matter.)
 */
const NEVER: ReadonlySet<string> = new Set([
  "__del__", "__sizeof__", "__mro_entries__",
]);

/** type.__setattr__ of a special method pymem never calls. */
export function checkDunderAssign(cls: PyClassObj, name: string): void {
  if (NEVER.has(name)) throw dunderUnsupported(cls, name);
}

/** type_new's point of refusal: the class body defines a special method pymem does not honour. */
export function checkClassDunders(name: string, ns: ReadonlyMap<string, PyObj>): void {
  for (const k of ns.keys()) {
    if (NEVER.has(k)) throw new PymemError("UNSUPPORTED", `the dunder ${k} of class ${name} is not supported by pymem yet`);
  }
}

/** __len__ through slot_sq_length: an int >= 0 that fits Py_ssize_t (PyNumber_AsSsize_t on __index__ of the result). */
export function userLen(o: PyObj): number | null {
  const r = callDunder(o, "__len__");
  if (r === undefined) return null;
  const v = r.t === "int" ? r.v : r.t === "bool" ? (r.v ? 1 : 0) : userIndexOf(r);
  if (v === null) throw typeError(`'${typeName(r)}' object cannot be interpreted as an integer`);
  if (typeof v === "bigint") {
    if (v < 0n) throw new PyException("ValueError", "__len__() should return >= 0");
    throw new PyException("OverflowError", "cannot fit 'int' into an index-sized integer");
  }
  if (v < 0) throw new PyException("ValueError", "__len__() should return >= 0");
  return v;
}

/** __length_hint__ through PyObject_LengthHint: an int >= 0, or null (none, or NotImplemented). */
export function userLengthHint(o: PyObj): number | null {
  const r = callDunder(o, "__length_hint__");
  if (r === undefined || r.t === "NotImplementedType") return null;
  const v = r.t === "int" ? r.v : r.t === "bool" ? (r.v ? 1 : 0) : null;
  if (v === null) throw typeError(`__length_hint__ must be an integer, not ${typeName(r)}`);
  if (v < 0) throw new PyException("ValueError", "__length_hint__() should return >= 0");
  if (typeof v === "bigint") throw new PyException("OverflowError", "cannot fit 'int' into an index-sized integer");
  return v;
}

/** PyNumber_Index on a user object: __index__ must return an int; null when the class has none. */
export function userIndexOf(o: PyObj): number | bigint | null {
  const r = callDunder(o, "__index__");
  if (r === undefined) return null;
  if (r.t === "int") return r.v;
  if (r.t === "bool") return r.v ? 1 : 0;
  throw typeError(`__index__ returned non-int (type ${typeName(r)})`);
}

/** slot_nb_bool: __bool__ (must return a bool), else __len__ != 0, else null (always true). */
export function userTruthy(o: PyObj): boolean | null {
  const r = callDunder(o, "__bool__");
  if (r !== undefined) {
    if (r.t !== "bool") throw typeError(`__bool__ should return bool, returned ${typeName(r)}`);
    return r.v;
  }
  const n = userLen(o);
  return n === null ? null : n !== 0;
}

/** __repr__/__str__ results must be str (PyObject_Repr / PyObject_Str checks). */
export function userText(o: PyObj, name: "__repr__" | "__str__"): PyStrObj | null {
  const r = callDunder(o, name);
  if (r === undefined) return null;
  if (r.t !== "str") throw typeError(`${name} returned non-string (type ${typeName(r)})`);
  return r;
}
