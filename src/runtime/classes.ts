// Classes from `class` statements: layout (type_new's slots, __dict__ and
// __weakref__ pointers), the MRO and lookups along it, new instances and
// named tuples. Attribute access on instances is in instanceAttrs.ts;
// calling a class (type_call) is in calls.ts.
import { noteClassBody } from "./classBodies.js";
import { noteAddedPointers } from "./classDescriptors.js";
import { noteSubclass } from "./classRegistry.js";
import { nativeSlots } from "./nativeObjects.js";
import { intern } from "./constPool.js";
import { opaque } from "./opaqueObjects.js";
import { newTupleOfClass } from "./tuples.js";
import { initManagedValues, usesManagedValues } from "./managedValues.js";
import { ctx } from "./ctx.js";
import { builtinBaseShape, SUBCLASSABLE } from "./builtinBases.js";
import { dictGet } from "./dicts.js";
import { PyException, typeError, unsupported } from "./errors.js";
import { newClassKeys } from "./instanceDict.js";
import { toArray } from "./iteration.js";
import {
  None, pyStr, subOf, typeName, type BuiltinBase, type SubclassableBuiltin, type Kwargs, type PyClassObj, PyInstanceObj, type PyObj, type PyStrObj,
  utf8Cached,
} from "./objects.js";
import { strText } from "./text.js";
import { isIdentifier } from "./strPredicates.js";
import { callClassDunder, callDunder, checkClassDunders, isUserObj } from "./userDunders.js";

/** Functions that bind to the class, not the instance (namedtuple._make, @classmethod). */
export const classmethods = new WeakSet<object>();
/** The __new__ functions namedtuple() compiles: tuple.__new__ of the class with the named fields. */
export const tupleNews = new WeakSet<object>();

/** C3 linearization of a class and its bases. */
export function c3(cls: PyClassObj, bases: readonly PyClassObj[]): PyClassObj[] {
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

/** ht_name of a heap type a C module made (PyErr_NewException, PyType_FromSpec): a str of its own, not interned. */
export const heapTypeNames = new WeakMap<PyClassObj, PyStrObj>();

export interface ClassOptions {
  readonly builtinBase?: BuiltinBase;
  readonly tupleFields?: readonly string[] | null;
  /** The metaclass the setup wrote that makes this class (type(cls)). */
  readonly meta?: PyClassObj;
  /** `type` among the bases: the class is a metaclass. */
  readonly typeBase?: boolean;
  /** The class statement's keywords, for __init_subclass__. */
  readonly kw?: Kwargs;
}

/**
 * _PyType_CalculateMetaclass over bases whose metaclass is a standard-library one pymem names
 * but runs no hooks for (collections.UserList's ABCMeta): type(cls) is that metaclass too.
 */
function inheritedMetaclass(bases: readonly PyClassObj[]): { metaclass?: string } {
  const named = bases.find((b) => b.metaclass !== undefined && b.meta === undefined && b.stdlib === true);
  return named?.metaclass === undefined ? {} : { metaclass: named.metaclass };
}

/** solid_base of a class made by the setup: the most derived class of its MRO that adds named slots (null: object). */
function solidBase(c: PyClassObj): PyClassObj | null {
  return c.mro.find((m) => m.slots.length > 0) ?? null;
}

/**
 * best_base: the first base whose solid base is the most derived (its layout is the class's base layout);
 * two solid bases neither of which derives from the other cannot be laid out together.
 */
function bestBase(bases: readonly PyClassObj[]): PyClassObj | undefined {
  let base = bases[0];
  let winner = base === undefined ? null : solidBase(base);
  for (const b of bases.slice(1)) {
    const candidate = solidBase(b);
    if (candidate === null || (winner !== null && winner.mro.includes(candidate))) continue;
    if (winner !== null && !candidate.mro.includes(winner)) throw typeError("multiple bases have instance lay-out conflict");
    winner = candidate;
    base = b;
  }
  return base;
}

/** type_new: the class object for `class name(bases): <ns>`. */
export function makeClass(name: string, bases: readonly PyClassObj[], ns: Map<string, PyObj>, opts: ClassOptions = {}): PyClassObj {
  // type_new_set_classcell: the __class__ cell is filled, never kept in the class's dict.
  ns.delete("__classcell__");
  noteClassBody(ns);
  // PyType_Ready's type_dict_set_doc: a class without a docstring has __doc__ None of its own (not its base's).
  if (!ns.has("__doc__")) ns.set("__doc__", None);
  // type_new_set_doc copies the docstring to tp_doc through PyUnicode_AsUTF8AndSize, caching its UTF-8 in the str.
  const doc = ns.get("__doc__");
  if (doc !== undefined && doc.t === "str" && doc.maxChar >= 0x80) {
    if (doc.length === 1 && doc.maxChar <= 0xff && ctx().layout.unicode.latin1CharUtf8 === 0) throw unsupported("a class docstring of one non-ASCII latin-1 character (CPython caches its UTF-8 in the shared one-character str)");
    utf8Cached.add(doc);
  }
  checkClassDunders(name, ns);
  // type_new_set_classmethod: a plain function __init_subclass__ or __class_getitem__ is stored as a classmethod.
  for (const k of ["__init_subclass__", "__class_getitem__"]) {
    const v = ns.get(k);
    if (v !== undefined && v.t === "function") ns.set(k, opaque("classmethod", v));
  }
  const layout = ctx().layout.heapType;
  const base = bestBase(bases);
  const builtinBase = opts.builtinBase ?? base?.builtinBase ?? "object";
  const builtin = SUBCLASSABLE.has(builtinBase) ? builtinBaseShape(builtinBase as SubclassableBuiltin, ctx().layout) : null;
  // class X(Mixin, list): list is the solid base (best_base); the mixins add no layout.
  const mixinsOverBuiltin = builtin !== null && opts.builtinBase !== undefined;
  if (mixinsOverBuiltin && bases.some((b) => b.mro.some((c) => c.slots.length > 0))) throw typeError("multiple bases have instance lay-out conflict");
  const baseShape = (mixinsOverBuiltin ? builtin.shape : base?.shape) ?? builtin?.shape ?? (builtinBase === "tuple" ? { basicsize: 24, gc: true } : layout.object);
  // may_add_dict / may_add_weak look at the best base only; a secondary base with a dict or weakref
  // list then adds one (type_new's "Secondary bases may provide weakrefs or dict"), even under __slots__.
  const baseHasDict = (!mixinsOverBuiltin && base?.hasDict === true) || builtin?.dict === true;
  const baseHasWeak = (!mixinsOverBuiltin && base?.hasWeakref === true) || builtin?.weakref === true;
  const others = mixinsOverBuiltin ? [] : bases.filter((b) => b !== base);
  const varSized = builtinBase === "tuple" || builtin?.varSized === true;
  const declared = slotNames(ns);
  const isMeta = opts.typeBase === true || bases.some((b) => b.isMeta === true);
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
    if (isMeta && slots.length > 0) throw typeError("nonempty __slots__ not supported for subtype of 'type'");
    for (const s of slots) if (ns.has(s)) throw new PyException("ValueError", `'${s}' in __slots__ conflicts with class variable`);
    // Duplicates each get storage (one descriptor serves them): ('x', 'x') takes two pointers.
    slots = slots.sort();
  }
  if (!baseHasDict && !addDict && others.some((b) => b.hasDict)) addDict = true;
  if (!baseHasWeak && !varSized && !addWeak && others.some((b) => b.hasWeakref)) addWeak = true;
  const shape = layout.shape(baseShape, slots.length, addDict, addWeak, varSized);
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
    // type_new caches shared keys for instance dicts whenever instances have one (in 3.11 not over a var-sized base).
    // Over an exception or an OrderedDict, the dict is the C type's own member (BaseException's dict, od_inst_dict): from 3.11
    // only a dict type_new adds is managed and gets cached keys, so keys are cached only while every dict pointer got them.
    // A metaclass's instances are classes, whose dict is type's own member: keys cached for them while not managed (before 3.11).
    cachedKeys: isMeta ? (ctx().layout.rules.managedDicts ? null : newClassKeys())
      : hasDict && (builtinBase === "BaseException" || builtinBase === "OrderedDict" ? !layout.managedMembers.dict : !varSized || layout.varSizedDictShared) ? newClassKeys() : null,
    frozen: bases.some((b) => b.frozen),
    tupleFields: opts.tupleFields ?? base?.tupleFields ?? null,
    decorated: null,
    ...(opts.meta === undefined ? inheritedMetaclass(bases) : { meta: opts.meta, metaclass: opts.meta.name }),
    ...(isMeta ? { isMeta: true as const } : {}),
  };
  (cls as { mro: readonly PyClassObj[] }).mro = c3(cls, bases);
  noteAddedPointers(cls, addDict, addWeak);
  noteSubclass(cls);
  // type_new_set_names, then type_new_init_subclass (the parent's, an implicit classmethod).
  for (const [k, v] of [...ns]) {
    // The name is the class dict's key: the interned identifier the body stored under (co_names).
    if (isUserObj(v)) callDunder(v, "__set_name__", [cls, isIdentifier(k) ? intern(pyStr(k)) : pyStr(k)]);
    else nativeSlots(v)?.setName?.(cls, k);
  }
  const initSub = cls.mro.slice(1).map((c) => c.attrs.get("__init_subclass__")).find((f) => f !== undefined);
  const kw = opts.kw;
  if (initSub !== undefined) {
    const r = callClassDunder(initSub, cls, [], kw);
    if (r.t !== "NoneType") throw typeError(`__init_subclass__() should return None, not '${typeName(r)}'`);
  } else if (kw !== undefined && kw.values.size > 0) throw typeError(`${name}.__init_subclass__() takes no keyword arguments`);
  return cls;
}

/** Every slot name of the class and its bases, with its index in an instance's slot values. */
const slotsByClass = new WeakMap<PyClassObj, ReadonlyMap<string, number>>();

/** The slot names over the MRO and their positions (fixed when the class is made: its MRO and slots never change). */
export function allSlots(cls: PyClassObj): ReadonlyMap<string, number> {
  let out = slotsByClass.get(cls);
  if (out === undefined) {
    const names = new Map<string, number>();
    for (const c of cls.mro) for (const s of c.slots) if (!names.has(s)) names.set(s, names.size);
    slotsByClass.set(cls, (out = names));
  }
  return out;
}

/**
 * The class whose slot `name` an attribute access reaches: _PyType_Lookup takes the first class
 * of the MRO whose dict holds the name, so a class attribute of a subclass hides a base's member
 * descriptor (and a subclass's slot hides a base's class attribute). Undefined: no slot decides.
 */
export function slotOwnerOf(cls: PyClassObj, name: string): PyClassObj | undefined {
  for (const c of cls.mro) {
    // A class attribute set after the class statement (type_setattro) replaced the class's own member descriptor.
    if (c.attrs.has(name)) return undefined;
    if (c.slots.includes(name)) return c;
  }
  return undefined;
}

/** The value of slot `name` of an instance, if filled. */
export function slotGet(inst: PyInstanceObj, name: string): PyObj | undefined {
  const ix = allSlots(inst.cls).get(name);
  return ix === undefined || inst.slotValues === null ? undefined : inst.slotValues[ix];
}

/** Fill slot `name` (a slot of the class: the caller checked). */
export function slotSet(inst: PyInstanceObj, name: string, value: PyObj): void {
  const slots = allSlots(inst.cls);
  const values = (inst.slotValues ??= new Array<PyObj | undefined>(slots.size));
  values[slots.get(name) as number] = value;
}

/** Empty slot `name`; false when it was not filled. */
export function slotDelete(inst: PyInstanceObj, name: string): boolean {
  const ix = allSlots(inst.cls).get(name);
  if (ix === undefined || inst.slotValues?.[ix] === undefined) return false;
  inst.slotValues[ix] = undefined;
  return true;
}

export function lookupClassAttr(cls: PyClassObj, name: string): PyObj | undefined {
  for (const c of cls.mro) {
    // What a decorator (@dataclass) set in the class's namespace counts as its own, after the body's.
    const v = c.attrs.get(name) ?? c.decorated?.generated(name);
    if (v !== undefined) return v;
  }
  return undefined;
}

export function makeNamedTuple(cls: PyClassObj, args: readonly PyObj[], kw: Kwargs): PyObj {
  const fields = cls.tupleFields ?? [];
  // The namedtuple's own __new__ (and its __defaults__) serve a subclass that defines no __new__.
  const defaults = cls.mro.find((c) => c.attrs.has("_field_defaults"))?.attrs.get("_field_defaults");
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

/** object.__new__(cls): an instance whose __init__ has not run. */
export function newInstance(cls: PyClassObj): PyInstanceObj {
  const inst: PyInstanceObj = new PyInstanceObj(cls);
  if (usesManagedValues(cls)) initManagedValues(inst);
  return inst;
}


/** isinstance against a class: its MRO. */
export function isInstanceOf(o: PyObj, cls: PyClassObj): boolean {
  const c = o.t === "instance" ? o.cls : o.t === "tuple" ? o.cls : o.t === "class" ? o.meta : subOf(o)?.cls;
  return c !== undefined && c.mro.includes(cls);
}

