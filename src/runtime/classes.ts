// Classes from `class` statements: layout (type_new's slots, __dict__ and
// __weakref__ pointers), instances, and attribute access with CPython's
// lookup order (slots, instance dict, class attributes over the MRO).
import { newTupleOfClass } from "./tuples.js";
import { callObject, emptyKwargs } from "./calls.js";
import { intern } from "./constPool.js";
import { ctx } from "./ctx.js";
import { dictDelete, dictGet, dictSet } from "./dicts.js";
import { PyException, typeError, unsupported } from "./errors.js";
import { instanceDict, newClassKeys, setInstanceAttr } from "./instanceDict.js";
import { toArray } from "./iteration.js";
import {
  None, pyStr, typeName, type Kwargs, type PyClassObj, type PyInstanceObj, type PyObj, type PyStrObj,
} from "./objects.js";
import { materialize } from "./seq.js";
import { strText } from "./text.js";
import { isIdentifier } from "./strPredicates.js";
import { callClassDunder, callDunder, checkClassDunders, dunderUnsupported, isUserObj, lookupDunder } from "./userDunders.js";

/** Functions that bind to the class, not the instance (namedtuple._make, @classmethod). */
export const classmethods = new WeakSet<object>();

/** C3 linearization of a class and its bases. */
function c3(cls: PyClassObj, bases: readonly PyClassObj[]): PyClassObj[] {
  const seqs = [...bases.map((b) => [...b.mro]), [...bases]];
  const out: PyClassObj[] = [cls];
  for (;;) {
    const nonEmpty = seqs.filter((s) => s.length > 0);
    if (nonEmpty.length === 0) return out;
    const head = nonEmpty.map((s) => s[0] as PyClassObj).find((h) => !nonEmpty.some((s) => s.indexOf(h) > 0));
    if (head === undefined) throw typeError("Cannot create a consistent method resolution order (MRO)");
    out.push(head);
    for (const s of nonEmpty) if (s[0] === head) s.shift();
  }
}

/** _Py_Mangle: __name inside class C is _C__name. */
export function mangle(cls: string, name: string): string {
  if (!name.startsWith("__") || name.endsWith("__") || name.includes(".")) return name;
  return `_${cls.replace(/^_+/, "")}${name}`;
}

function slotNames(ns: ReadonlyMap<string, PyObj>): string[] | null {
  const v = ns.get("__slots__");
  if (v === undefined) return null;
  const items = v.t === "str" ? [v] : toArray(v);
  return items.map((x) => {
    if (x.t !== "str") throw typeError(`__slots__ items must be strings, not '${typeName(x)}'`);
    const s = strText(x);
    // type_new: PyUnicode_IsIdentifier, so non-ASCII names by CPython's own XID tables.
    if (!isIdentifier(s)) throw typeError("__slots__ must be identifiers");
    // type_new_descriptors takes each name's PyUnicode_AsUTF8, which caches a UTF-8 copy in a
    // non-ASCII str and so grows its getsizeof: not modelled (strs carry no such cache here).
    if (x.maxChar >= 128) throw unsupported("a __slots__ name beyond ASCII (CPython caches its UTF-8 in the str, growing its size)");
    return s;
  });
}

export interface ClassOptions {
  readonly builtinBase?: "object" | "tuple";
  readonly tupleFields?: readonly string[] | null;
}

/** type_new: the class object for `class name(bases): <ns>`. */
export function makeClass(name: string, bases: readonly PyClassObj[], ns: Map<string, PyObj>, opts: ClassOptions = {}): PyClassObj {
  checkClassDunders(name, ns);
  const layout = ctx().layout.heapType;
  const base = bases[0];
  const builtinBase = opts.builtinBase ?? base?.builtinBase ?? "object";
  const baseShape = base?.shape ?? (builtinBase === "tuple" ? { basicsize: 24, gc: true } : layout.object);
  const baseHasDict = bases.some((b) => b.hasDict);
  const baseHasWeak = bases.some((b) => b.hasWeakref);
  const varSized = builtinBase === "tuple";
  const declared = slotNames(ns);
  let slots: string[] = [];
  let addDict: boolean;
  let addWeak: boolean;
  if (declared === null) {
    addDict = !baseHasDict;
    addWeak = !baseHasWeak && !varSized;
  } else {
    addDict = false;
    addWeak = false;
    for (const s of declared) {
      if (s === "__dict__") {
        if (baseHasDict || addDict) throw typeError("__dict__ slot disallowed: we already got one");
        addDict = true;
      } else if (s === "__weakref__") {
        if (baseHasWeak || addWeak) throw typeError("__weakref__ slot disallowed: either we already got one, or the base type doesn't support it");
        addWeak = true;
      } else slots.push(mangle(name, s));
    }
    if (varSized && slots.length > 0) throw typeError(`nonempty __slots__ not supported for subtype of '${builtinBase}'`);
    for (const s of slots) if (ns.has(s)) throw new PyException("ValueError", `'${s}' in __slots__ conflicts with class variable`);
    // Duplicates each get storage (one descriptor serves them): ('x', 'x') takes two pointers.
    slots = slots.sort();
  }
  if (bases.filter((b) => b.mro.some((c) => c.slots.length > 0)).length > 1) {
    const solid = new Set(bases.map((b) => b.mro.find((c) => c.slots.length > 0)).filter((c) => c !== undefined));
    if (solid.size > 1) throw typeError("multiple bases have instance lay-out conflict");
  }
  const shape = layout.shape(baseShape, slots.length, addDict, addWeak);
  const hasDict = baseHasDict || addDict;
  const cls: PyClassObj = {
    t: "class",
    name,
    bases,
    mro: [],
    attrs: ns,
    slots,
    hasDict,
    hasWeakref: baseHasWeak || addWeak,
    shape,
    builtinBase,
    // type_new caches shared keys for instance dicts whenever instances have one.
    cachedKeys: hasDict ? newClassKeys() : null,
    frozen: bases.some((b) => b.frozen),
    tupleFields: opts.tupleFields ?? base?.tupleFields ?? null,
  };
  (cls as { mro: readonly PyClassObj[] }).mro = c3(cls, bases);
  // type_new_set_names, then type_new_init_subclass (the parent's, an implicit classmethod).
  for (const [k, v] of [...ns]) {
    if (isUserObj(v)) callDunder(v, "__set_name__", [cls, pyStr(k)]);
  }
  const initSub = cls.mro.slice(1).map((c) => c.attrs.get("__init_subclass__")).find((f) => f !== undefined);
  if (initSub !== undefined) {
    const r = callClassDunder(initSub, cls, []);
    if (r.t !== "NoneType") throw typeError(`__init_subclass__() should return None, not '${typeName(r)}'`);
  }
  return cls;
}

/** Every slot name of the class and its bases. */
function allSlots(cls: PyClassObj): Set<string> {
  const out = new Set<string>();
  for (const c of cls.mro) for (const s of c.slots) out.add(s);
  return out;
}

export function lookupClassAttr(cls: PyClassObj, name: string): PyObj | undefined {
  for (const c of cls.mro) {
    const v = c.attrs.get(name);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Calling a class: object.__new__ then __init__ (or the tuple constructor of a namedtuple). */
export function instantiate(cls: PyClassObj, args: readonly PyObj[], kw: Kwargs): PyObj {
  if (cls.builtinBase === "tuple") {
    // tuple.__new__ is not modelled as a callable, so a tuple subclass's own __new__ cannot run.
    if (lookupClassAttr(cls, "__new__") !== undefined) throw dunderUnsupported(cls, "__new__");
    if (cls.tupleFields !== null) return makeNamedTuple(cls, args, kw);
    // tuple.__new__(cls, iterable): a tuple subclass instance of exact length.
    const items = args[0] === undefined ? [] : toArray(args[0]);
    return newTupleOfClass(items, cls);
  }
  // type_call: __new__ (an implicit staticmethod) makes the object; __init__ runs only on an instance of cls.
  const nw = lookupClassAttr(cls, "__new__");
  const made = nw === undefined ? null : callObject(nw.t === "opaque" && nw.typeName === "staticmethod" ? (nw.data as PyObj) : nw, [cls, ...args], kw);
  if (made !== null && !isInstanceOf(made, cls)) return made;
  const inst = made ?? { t: "instance", cls, dict: null, slotValues: new Map() };
  const init = lookupClassAttr(cls, "__init__");
  if (made !== null && init === undefined) return made;
  if (init === undefined) {
    if (args.length > 0 || kw.values.size > 0) throw typeError(`${cls.name}() takes no arguments`);
    return inst;
  }
  const r = callObject(init, [inst, ...args], kw);
  if (r.t !== "NoneType") throw typeError(`__init__() should return None, not '${typeName(r)}'`);
  return inst;
}

function makeNamedTuple(cls: PyClassObj, args: readonly PyObj[], kw: Kwargs): PyObj {
  const fields = cls.tupleFields ?? [];
  const defaults = cls.attrs.get("_field_defaults");
  const values: (PyObj | undefined)[] = fields.map((_f, i) => args[i]);
  if (args.length > fields.length) throw typeError(`${cls.name}.__new__() takes ${fields.length + 1} positional arguments but ${args.length + 1} were given`);
  for (const [k, v] of kw.values) {
    const i = fields.indexOf(k);
    if (i < 0) throw typeError(`${cls.name}.__new__() got an unexpected keyword argument '${k}'`);
    if (values[i] !== undefined) throw typeError(`${cls.name}.__new__() got multiple values for argument '${k}'`);
    values[i] = v;
  }
  const missing: string[] = [];
  const items = values.map((v, i) => {
    if (v !== undefined) return v;
    const d = defaults !== undefined && defaults.t === "dict" ? dictGet(defaults, pyStr(fields[i] as string)) : undefined;
    if (d === undefined) missing.push(fields[i] as string);
    return d ?? None;
  });
  if (missing.length > 0) {
    throw typeError(`${cls.name}.__new__() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${missing.map((m) => `'${m}'`).join(" and ")}`);
  }
  return newTupleOfClass(items, cls);
}

/** Attribute names are interned, as PyObject_SetAttr does with its name. */
function attrKey(name: string): PyStrObj {
  return intern(pyStr(name));
}

/** object.__new__(cls): an instance whose __init__ has not run. */
export function newInstance(cls: PyClassObj): PyInstanceObj {
  return { t: "instance", cls, dict: null, slotValues: new Map() };
}

export function getInstanceAttr(inst: PyInstanceObj, name: string): PyObj | undefined {
  if (name === "__dict__" && inst.cls.hasDict) return instanceDict(inst);
  if (name === "__class__") return inst.cls;
  const classAttr = lookupClassAttr(inst.cls, name);
  // A property (data descriptor) on the class wins over the instance dict.
  if (classAttr !== undefined && classAttr.t === "opaque" && classAttr.typeName === "property") {
    return callObject(classAttr.data as PyObj, [inst], emptyKwargs);
  }
  // So does a data descriptor of a setup class (its class defines __set__ or __delete__).
  const userGet = classAttr !== undefined && isUserObj(classAttr) ? lookupDunder(classAttr, "__get__") : undefined;
  if (classAttr !== undefined && isDataDescriptor(classAttr)) {
    return userGet === undefined ? classAttr : callDunder(classAttr, "__get__", [inst, inst.cls]);
  }
  if (allSlots(inst.cls).has(name)) {
    const v = inst.slotValues.get(name);
    if (v === undefined) throw new PyException("AttributeError", name);
    return v;
  }
  if (inst.dict !== null) {
    const v = dictGet(inst.dict, pyStr(name));
    if (v !== undefined) return v;
  }
  if (classAttr === undefined) return undefined;
  if (userGet !== undefined) return callDunder(classAttr, "__get__", [inst, inst.cls]);
  if (classAttr.t === "function") return { t: "method", func: classAttr, self: inst };
  if (classAttr.t === "opaque") {
    if (classAttr.typeName === "property") return callObject(classAttr.data as PyObj, [inst], emptyKwargs);
    if (classAttr.typeName === "staticmethod") return classAttr.data as PyObj;
    if (classAttr.typeName === "classmethod") return { t: "method", func: classAttr.data as PyObj, self: inst.cls };
  }
  return classAttr;
}

/** A setup-class object whose class defines __set__ or __delete__ (PyDescr_IsData). */
function isDataDescriptor(o: PyObj): boolean {
  return isUserObj(o) && (lookupDunder(o, "__set__") !== undefined || lookupDunder(o, "__delete__") !== undefined);
}

export function getTupleSubclassAttr(tuple: PyObj & { t: "tuple" }, name: string): PyObj | undefined {
  const cls = tuple.cls as PyClassObj;
  const i = (cls.tupleFields ?? []).indexOf(name);
  if (i >= 0) return materialize(tuple.items)[i];
  if (name === "__class__") return cls;
  const attr = lookupClassAttr(cls, name);
  if (attr !== undefined && classmethods.has(attr)) return { t: "method", func: attr, self: cls };
  if (attr !== undefined && attr.t === "function") return { t: "method", func: attr, self: tuple };
  return attr;
}

function frozenError(name: string): PyException {
  return new PyException("FrozenInstanceError", `cannot assign to field '${name}'`);
}

/** object.__setattr__: a slot, else the instance dict (key-sharing), else AttributeError. */
export function setInstanceAttrValue(inst: PyInstanceObj, name: string, value: PyObj, bypassFrozen = false): void {
  if (inst.cls.frozen && !bypassFrozen) throw frozenError(name);
  const desc = lookupClassAttr(inst.cls, name);
  if (desc !== undefined && isDataDescriptor(desc)) {
    // PyObject_GenericSetAttr: a data descriptor's __set__ takes the assignment.
    if (callDunder(desc, "__set__", [inst, value]) === undefined) throw new PyException("AttributeError", "__set__");
    return;
  }
  if (name === "__dict__" && inst.cls.hasDict) {
    if (value.t !== "dict") throw typeError(`__dict__ must be set to a dictionary, not a '${typeName(value)}'`);
    if (inst.dict?.split != null) inst.dict.split.refcnt--;
    inst.dict = value;
    return;
  }
  if (allSlots(inst.cls).has(name)) {
    inst.slotValues.set(name, value);
    return;
  }
  if (!inst.cls.hasDict) throw new PyException("AttributeError", `'${inst.cls.name}' object has no attribute '${name}'`);
  setInstanceAttr(inst, attrKey(name), value, dictSet, (d, k) => void dictDelete(d, k));
}

export function delInstanceAttr(inst: PyInstanceObj, name: string): void {
  if (inst.cls.frozen) throw new PyException("FrozenInstanceError", `cannot delete field '${name}'`);
  const desc = lookupClassAttr(inst.cls, name);
  if (desc !== undefined && isDataDescriptor(desc)) {
    if (callDunder(desc, "__delete__", [inst]) === undefined) throw new PyException("AttributeError", "__delete__");
    return;
  }
  if (allSlots(inst.cls).has(name)) {
    if (!inst.slotValues.delete(name)) throw new PyException("AttributeError", name);
    return;
  }
  const d = inst.dict;
  if (d === null || dictGet(d, pyStr(name)) === undefined) {
    throw new PyException("AttributeError", `'${inst.cls.name}' object has no attribute '${name}'`);
  }
  setInstanceAttr(inst, attrKey(name), null, dictSet, (dd, k) => void dictDelete(dd, k));
}

/** isinstance against a class: its MRO. */
export function isInstanceOf(o: PyObj, cls: PyClassObj): boolean {
  const c = o.t === "instance" ? o.cls : o.t === "tuple" ? o.cls : undefined;
  return c !== undefined && c.mro.includes(cls);
}

