// dataclasses.dataclass / field, typing.NamedTuple and collections.namedtuple:
// the classes they make, with the attribute-setting order and defaults of the
// code CPython 3.10's dataclasses module generates.
import { frozenInstanceErrorClass } from "./exceptions.js";
import { ctx } from "./ctx.js";
import { callObject, instantiate } from "./calls.js";
import { makeClass } from "./classes.js";
import { compareObj, pyEq, richCompare, truthy } from "./compare.js";
import { callDunder, classDunder, lookupDunder } from "./userDunders.js";
import { dictSet, newDict, newDictFromType } from "./dicts.js";
import { instanceDictGet } from "./instanceValues.js";
import { PyException, PymemError, typeError, valueError } from "./errors.js";
import { toArray } from "./iteration.js";
import { makeIter } from "./iterObject.js";
import { listAppend, listExtend, newEmptyList } from "./lists.js";
import { intern } from "./constPool.js";
import { setInstanceAttrValue } from "./instanceAttrs.js";
import { getAttr } from "./attributes.js";
import { registerStateHook } from "./stateHooks.js";
import { builtinFunction as fn, False, None, NotImplemented, True, pyBool, pyInt, pyStr, subOf, typeName, type Kwargs, type PyClassObj, type PyObj, type PyTypeObj } from "./objects.js";
import { materialize } from "./seq.js";
import { hashOf } from "./sets.js";
import { userHashRunning } from "./hashing.js";
import { strText } from "./text.js";
import { nativeObject } from "./nativeObjects.js";
import { newTuple, newTupleOfClass } from "./tuples.js";
import { typeObject } from "./typeObjects.js";
import { repr } from "./repr.js";
import { lookupClassAttr, slotGet } from "./classes.js";
import { namedTupleFunctional } from "./namedTuples.js";
import { deepcopy } from "./copyModule.js";
import { DictMemo } from "./copyMemo.js";
import { bindDef, pyDef } from "./pyParams.js";

// The namedtuple machinery lives in namedTuples.ts; its makers are reached from here too.
export { namedTupleClass, namedTupleFromClassBody, namedtupleFunction } from "./namedTuples.js";

interface FieldSpec {
  readonly name: string;
  readonly default: PyObj | null;
  readonly factory: PyObj | null;
  readonly init: boolean;
  readonly repr: boolean;
  /** field(compare=): whether the generated __eq__ and orderings look at it. */
  readonly compare: boolean;
  /** field(hash=): None (then compare decides) or whether the generated __hash__ uses it. */
  readonly hash: PyObj | null;
  /** The Field object (field()'s own, or the one @dataclass made): the same in every fields() tuple. */
  readonly obj: PyObj;
  /** A keyword-only __init__ parameter (3.10+: field(kw_only=), dataclass(kw_only=), after KW_ONLY). */
  readonly kwOnly: boolean;
  /** An InitVar pseudo-field (_FIELD_INITVAR): an __init__ parameter passed on to __post_init__, never an attribute. */
  readonly initVar?: true;
}

/** What field() asked for, kw_only still undecided (null: the class's default decides). */
type FieldRequest = Omit<FieldSpec, "name" | "obj" | "kwOnly"> & { readonly kwOnly: boolean | null };

/** field(...) results: what they asked for, by object identity. */
const fieldObjects = new WeakMap<object, FieldRequest>();
/** What @dataclass filled in a Field: its name (the annotation's interned key) and type (the annotation). */
const fieldFilled = new WeakMap<object, { name: PyObj; type: PyObj }>();
/** The real fields (_FIELD) of a dataclass: what fields(), repr, eq, asdict and replace see. */
const dataclassFields = new WeakMap<PyClassObj, readonly FieldSpec[]>();
/** Its fields and InitVar pseudo-fields in order (__dataclass_fields__ less the ClassVars): what __init__ takes and subclasses inherit. */
const initFields = new WeakMap<PyClassObj, readonly FieldSpec[]>();
/**
 * _hash_action's outcome for a class: "add" (_hash_fn over the hash fields), "none" (__hash__ = None),
 * "keep" (whatever the class or its bases have).
 */
type HashAction = "add" | "none" | "keep";

const dataclassOptions = new WeakMap<PyClassObj, { eq: boolean; order: boolean; frozen: boolean; repr: boolean; hash: HashAction }>();

/**
 * _process_class's _hash_action table over (unsafe_hash, eq, frozen, has_explicit_hash): an explicit
 * __hash__ is one in the class body, not the None type_new puts there for an __eq__ without one.
 */
function hashAction(cls: PyClassObj, unsafeHash: boolean, eq: boolean, frozen: boolean): HashAction {
  const own = cls.attrs.get("__hash__");
  const explicit = own !== undefined && !(own.t === "NoneType" && cls.attrs.has("__eq__"));
  if (unsafeHash) {
    if (explicit) throw typeError(`Cannot overwrite attribute __hash__ in class ${cls.name}`);
    return "add";
  }
  if (!eq || explicit) return "keep";
  return frozen ? "add" : "none";
}

/** The hash action @dataclass took for this very class (undefined: not a dataclass). */
export function dataclassHashAction(cls: PyClassObj): HashAction | undefined {
  return dataclassOptions.get(cls)?.hash;
}

/** The field values of a dataclass instance, for its generated __eq__/__lt__/__hash__. */
export function dataclassTuple(o: PyObj, need: "eq" | "order" | "hash"): PyObj[] | null {
  if (o.t !== "instance") return null;
  const opts = dataclassOptions.get(o.cls);
  const fields = dataclassFields.get(o.cls);
  if (opts === undefined || fields === undefined) return null;
  if (need === "eq" && !opts.eq) return null;
  if (need === "order" && !opts.order) return null;
  if (need === "hash" && opts.hash !== "add") return null;
  // _process_class: eq and order over the fields with compare=True, __hash__ over those whose hash (or, when None, compare) is true.
  return fields.filter((f) => (need === "hash" && f.hash !== null && f.hash.t !== "NoneType" ? truthy(f.hash) : f.compare)).map((f) => slotGet(o, f.name) ?? instanceDictGet(o, f.name) ?? o.cls.attrs.get(f.name) ?? None);
}



/** What a Field holds once @dataclass processed it (_get_field): null where it holds dataclasses.MISSING. */
type FieldState = Omit<FieldRequest, "initVar">;
const fieldStates = new WeakMap<object, FieldState>();

/** A dataclasses.Field object: a leaf of the module's own class. */
function fieldObject(): PyObj {
  const f: PyObj = nativeObject("Field", {
    // What @dataclass set (name, type) and field()'s arguments; MISSING, metadata and _field_type are refused by the caller.
    attr: (name) => {
      if (name === "name" || name === "type") return fieldFilled.get(f)?.[name];
      const st = fieldStates.get(f);
      if (st === undefined) return undefined;
      switch (name) {
        case "default": return st.default ?? undefined;
        case "default_factory": return st.factory ?? undefined;
        case "init": return pyBool(st.init);
        case "repr": return pyBool(st.repr);
        case "compare": return pyBool(st.compare);
        case "hash": return st.hash ?? None;
        case "kw_only": return ctx().layout.dataclassKeywords.includes("kw_only") && st.kwOnly !== null ? pyBool(st.kwOnly) : undefined;
        default: return undefined;
      }
    },
  });
  return f;
}

/**
 * What _get_field and _process_class leave on a Field for annotation `e`: its name (the annotation's
 * key) and type, its state (field()'s arguments, or Field(default=...) for a plain default; kw_only
 * resolved for real fields and InitVars), and its place in __dataclass_fields__ (`declared`).
 */
function fillField(obj: PyObj, e: { readonly key: PyObj; readonly value: PyObj }, request: FieldRequest | undefined, plainDefault: PyObj | null, kwOnly: boolean | null, declared: Declared): void {
  fieldFilled.set(obj, { name: e.key, type: e.value });
  fieldStates.set(obj, request !== undefined
    ? { default: request.default, factory: request.factory, init: request.init, repr: request.repr, compare: request.compare, hash: request.hash, kwOnly }
    : { default: plainDefault, factory: null, init: true, repr: true, compare: true, hash: null, kwOnly });
  declared.push({ key: e.key, obj });
}

const FIELD_KEYWORDS: ReadonlySet<string> = new Set(["default", "default_factory", "init", "repr", "hash", "compare", "metadata"]);

function fieldCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  if (args.length > 0) throw typeError("field() takes 0 positional arguments");
  // kw_only came to field() with dataclass(kw_only=) (3.10).
  const kwOnlyAccepted = ctx().layout.dataclassKeywords.includes("kw_only");
  for (const k of kw.values.keys()) if (!FIELD_KEYWORDS.has(k) && !(k === "kw_only" && kwOnlyAccepted)) throw typeError(`field() got an unexpected keyword argument '${k}'`);
  const kwOnly = kw.values.get("kw_only");
  const f = fieldObject();
  const dflt = kw.values.get("default") ?? null;
  const factory = kw.values.get("default_factory") ?? null;
  if (dflt !== null && factory !== null) throw valueError("cannot specify both default and default_factory");
  fieldObjects.set(f, {
    default: dflt,
    factory,
    init: truthy(kw.values.get("init") ?? True),
    repr: truthy(kw.values.get("repr") ?? True),
    compare: truthy(kw.values.get("compare") ?? True),
    hash: kw.values.get("hash") ?? null,
    kwOnly: kwOnly === undefined ? null : truthy(kwOnly),
  });
  return f;
}

/** dataclasses.KW_ONLY (3.10+), one per import of the module: an instance of _KW_ONLY_TYPE; an annotation of it makes the fields after it keyword-only. */
const kwOnlyMarkers = new WeakSet<object>();

function kwOnlySentinel(): PyObj {
  const attrs = new Map<string, PyObj>([["__module__", intern(pyStr("dataclasses"))], ["__qualname__", intern(pyStr("_KW_ONLY_TYPE"))]]);
  const marker = instantiate(makeClass("_KW_ONLY_TYPE", [], attrs), [], { values: new Map(), keys: new Map() });
  kwOnlyMarkers.add(marker);
  return marker;
}

/** _is_kw_only: the dataclasses.KW_ONLY marker. */
function isKwOnlyMarker(annotation: PyObj): boolean {
  return kwOnlyMarkers.has(annotation);
}

/**
 * _is_type on a string annotation (`from __future__ import annotations`, or `x: 'Node'`), which
 * _process_class asks of every field: whether it names KW_ONLY, ClassVar or InitVar. Its
 * _MODULE_IDENTIFIER_RE match without a module name reads sys.modules.get(cls.__module__).__dict__,
 * and the contract's module (`__pymem_setup__`, an exec namespace) is not in sys.modules: the
 * AttributeError of None. With a module name ("typing.ClassVar[int]") the module is not found
 * either, so the annotation names none of them and the field is a plain field.
 */
function checkStringAnnotation(cls: PyClassObj, annotation: PyObj): void {
  if (annotation.t !== "str") return;
  const m = /^(?:\s*([\p{L}\p{N}_]+)\s*\.)?\s*([\p{L}\p{N}_]+)/u.exec(strText(annotation));
  if (m === null || m[1] !== undefined) return;
  const module = cls.attrs.get("__module__");
  if (module === undefined || module.t !== "str" || strText(module) !== "__pymem_setup__") {
    // A __module__ naming a real module: the annotation is looked up in that module's namespace.
    throw new PymemError("UNSUPPORTED", `a string annotation of a dataclass whose __module__ is not the setup's (${module?.t === "str" ? JSON.stringify(strText(module)) : "not a str"})`);
  }
  throw new PyException("AttributeError", "'NoneType' object has no attribute '__dict__'");
}

/** InitVar[T] objects (InitVar.__class_getitem__, 3.8's _InitVarMeta.__getitem__): InitVar(T), holding the type. */
const initVarObjects = new WeakSet<object>();

function initVarClass(): PyObj {
  const cls: PyObj = nativeObject("_InitVarMeta", {
    getitem: (t) => {
      const o = nativeObject("InitVar", { attr: (name) => (name === "type" ? t : undefined) });
      initVarObjects.add(o);
      return o;
    },
  });
  initVarObjects.add(cls);
  return cls;
}

/** _is_initvar: InitVar itself or an InitVar[T]. */
function isInitVar(annotation: PyObj): boolean {
  return initVarObjects.has(annotation);
}

function isClassVar(annotation: PyObj): boolean {
  return annotation.t === "type" && annotation.name === "ClassVar";
}

/** The class's own annotations as __dataclass_fields__ takes them: each name (its annotation key) and Field, ClassVars included. */
type Declared = { key: PyObj; obj: PyObj }[];

function ownFields(cls: PyClassObj, kwOnlyDefault: boolean, declared: Declared = []): FieldSpec[] {
  const ann = cls.attrs.get("__annotations__");
  if (ann === undefined || ann.t !== "dict") return [];
  const out: FieldSpec[] = [];
  let kwOnly = kwOnlyDefault;
  let markerSeen = false;
  for (const e of ann.table.map.values()) {
    const name = strText(e.key as never);
    checkStringAnnotation(cls, e.value);
    if (isKwOnlyMarker(e.value)) {
      // _process_class: the marker is no field; the fields after it default to keyword-only.
      if (markerSeen) throw typeError(`'${name}' is KW_ONLY, but KW_ONLY has already been specified`);
      markerSeen = true;
      kwOnly = true;
      continue;
    }
    const dv = cls.attrs.get(name);
    const spec = dv !== undefined ? fieldObjects.get(dv) : undefined;
    if (isClassVar(e.value)) {
      // _get_field makes a Field for a ClassVar too (_FIELD_CLASSVAR): in __dataclass_fields__, never an __init__ parameter.
      if (spec !== undefined) throw new PymemError("UNSUPPORTED", `a ClassVar given by field() (${name})`);
      fillField(fieldObject(), e, undefined, dv ?? null, null, declared);
      continue;
    }
    if (isInitVar(e.value)) {
      // _get_field: an InitVar may not have a default factory; a plain default stays the class attribute.
      if (spec?.factory != null) throw typeError(`field ${name} cannot have a default factory`);
      if (spec !== undefined && !spec.init) throw new PymemError("UNSUPPORTED", `an InitVar field with init=False (${name})`);
      const dflt = spec !== undefined ? spec.default : dv ?? null;
      if (spec !== undefined && dv !== undefined) {
        if (dflt !== null) cls.attrs.set(name, dflt);
        else cls.attrs.delete(name);
      }
      const obj = dv !== undefined && spec !== undefined ? dv : fieldObject();
      out.push({ name, default: dflt, factory: null, init: true, repr: false, compare: false, hash: null, obj, kwOnly: spec?.kwOnly ?? kwOnly, initVar: true });
      fillField(obj, e, spec, dflt, spec?.kwOnly ?? kwOnly, declared);
      continue;
    }
    if (spec !== undefined && dv !== undefined) {
      // A field() default becomes the class attribute; a factory leaves none.
      if (spec.default !== null) cls.attrs.set(name, spec.default);
      else cls.attrs.delete(name);
      out.push({ name, ...spec, obj: dv, kwOnly: spec.kwOnly ?? kwOnly });
      fillField(dv, e, spec, null, spec.kwOnly ?? kwOnly, declared);
      continue;
    }
    if (dv !== undefined && (dv.t === "list" || dv.t === "dict" || dv.t === "set")) {
      throw valueError(`mutable default <class '${dv.t}'> for field ${name} is not allowed: use default_factory`);
    }
    const obj = fieldObject();
    out.push({ name, default: dv ?? null, factory: null, init: true, repr: true, compare: true, hash: null, obj, kwOnly });
    fillField(obj, e, undefined, dv ?? null, kwOnly, declared);
  }
  return out;
}

function allFields(cls: PyClassObj, kwOnlyDefault: boolean, declared?: Declared): FieldSpec[] {
  const byName = new Map<string, FieldSpec>();
  for (const base of [...cls.mro].reverse().slice(0, -1)) for (const f of initFields.get(base) ?? []) byName.set(f.name, f);
  for (const f of ownFields(cls, kwOnlyDefault, declared)) byName.set(f.name, f);
  return [...byName.values()];
}

/**
 * _process_class's `fields` dict, set as the class's __dataclass_fields__: the Fields of each
 * base's __dataclass_fields__ (getattr, so inherited too) over the reversed MRO, then the class's
 * own annotations in order (ClassVar and InitVar pseudo-fields included), stored key by key.
 */
function fieldsDict(target: PyClassObj, declared: Declared): PyObj {
  const fields = newDict();
  for (const base of [...target.mro].reverse().slice(0, -1)) {
    const own = lookupClassAttr(base, "__dataclass_fields__");
    if (own !== undefined && own.t === "dict") for (const e of [...own.table.map.values()]) dictSet(fields, fieldFilled.get(e.value)?.name ?? e.key, e.value);
  }
  for (const { key, obj } of declared) dictSet(fields, key, obj);
  return fields;
}

/** _HAS_DEFAULT_FACTORY: the default of a parameter whose field has a default_factory. */
const HAS_DEFAULT_FACTORY: PyObj = nativeObject("_HAS_DEFAULT_FACTORY_CLASS", {});

function hasDefault(f: FieldSpec): boolean {
  return f.default !== null || f.factory !== null;
}

function classQualname(cls: PyClassObj): string {
  const q = cls.attrs.get("__qualname__");
  return q?.t === "str" ? strText(q) : cls.name;
}

/**
 * The generated __init__ (_init_fn): the fields that are not keyword-only as positional
 * parameters, then `*` and the keyword-only ones, bound as any def's parameters are; then
 * one attribute assignment per field in field order.
 */
function makeInit(cls: () => PyClassObj, fields: readonly FieldSpec[], slots: boolean): PyObj {
  const std = fields.filter((f) => f.init && !f.kwOnly);
  const kwOnly = fields.filter((f) => f.init && f.kwOnly);
  let seen: FieldSpec | null = null;
  for (const f of std) {
    if (hasDefault(f)) seen = f;
    else if (seen !== null) {
      throw typeError(`non-default argument '${f.name}' follows default argument${ctx().layout.rules.dataclassNamesDefaultField ? ` '${seen.name}'` : ""}`);
    }
  }
  const selfName = fields.some((f) => f.name === "self") ? "__dataclass_self__" : "self";
  const qualname = `${classQualname(cls())}.__init__`;
  const defaultOf = (f: FieldSpec): PyObj => (f.factory !== null ? HAS_DEFAULT_FACTORY : (f.default as PyObj));
  const def = pyDef("__init__", [selfName, ...std.map((f) => f.name)], std.filter(hasDefault).map(defaultOf), {
    qualname,
    kwonly: kwOnly.map((f) => f.name),
    kwDefaults: kwOnly.map((f) => (hasDefault(f) ? defaultOf(f) : null)),
  });
  const nPositional = def.spec.positional.length;
  return {
    t: "function",
    name: "__init__",
    qualname,
    call: (args, kw) => {
      // Every parameter given by position (the common call): the arguments are the frame.
      const frame = kw.values.size === 0 && args.length === nPositional && kwOnly.length === 0 ? args : bindDef(def, args, kw);
      const self = frame[0];
      if (self === undefined || self.t !== "instance") throw typeError("__init__() needs self");
      const userSetattr = !self.cls.frozen && lookupDunder(self, "__setattr__") !== undefined;
      const initVars: PyObj[] = [];
      for (const f of fields) {
        let v: PyObj | undefined = f.init ? frame[def.layout.index.get(f.name) as number] : undefined;
        if (f.initVar === true) {
          initVars.push(v ?? (f.default as PyObj));
          continue;
        }
        if (v === HAS_DEFAULT_FACTORY || (v === undefined && f.factory !== null)) v = callObject(f.factory as PyObj, []);
        else if (v === undefined) {
          if (f.default !== null && slots) v = f.default;
          else continue; // no initialisation: the class attribute serves
        }
        // `self.name = value` in the generated source: a class's own __setattr__ sees it (frozen ones use object.__setattr__).
        if (userSetattr && callDunder(self, "__setattr__", [intern(pyStr(f.name)), v]) !== undefined) continue;
        setInstanceAttrValue(self, f.name, v, true);
      }
      // _init_fn: `if has_post_init: self.__post_init__(<the InitVars, in field order>)`, has_post_init being
      // hasattr(cls, '__post_init__'): a base's counts, and the one called is the instance's (a subclass may override it).
      if (classDunder(cls(), "__post_init__") !== undefined) callDunder(self, "__post_init__", initVars);
      return None;
    },
  };
}

/** _dataclass_getstate (the field values as a list) and _dataclass_setstate (object.__setattr__ for each). */
function dataclassStateHooks(fields: readonly FieldSpec[]): [PyObj, PyObj] {
  // Module-level functions stored on the class: plain functions, bound to the instance like any method.
  const getstate: PyObj = {
    t: "function",
    name: "_dataclass_getstate",
    qualname: "_dataclass_getstate",
    call: ([self]) => {
      const l = newEmptyList();
      for (const f of fields) listAppend(l, getAttr(self as PyObj, f.name));
      return l;
    },
  };
  const setstate: PyObj = {
    t: "function",
    name: "_dataclass_setstate",
    qualname: "_dataclass_setstate",
    call: ([self, state]) => {
      if (self?.t !== "instance" || state === undefined) throw typeError("_dataclass_setstate() needs self and state");
      const values = toArray(state);
      fields.slice(0, values.length).forEach((f, i) => setInstanceAttrValue(self, f.name, values[i] as PyObj, true));
      return None;
    },
  };
  registerStateHook(getstate, setstate);
  return [getstate, setstate];
}

function applyDataclass(cls: PyClassObj, opts: Kwargs): PyObj {
  const frozen = truthy(opts.values.get("frozen") ?? False);
  if (truthy(opts.values.get("order") ?? False) && !truthy(opts.values.get("eq") ?? True)) {
    throw valueError("eq must be true if order is true");
  }
  const slots = truthy(opts.values.get("slots") ?? False);
  const declared: Declared = [];
  const all = allFields(cls, truthy(opts.values.get("kw_only") ?? False), declared);
  const fields = all.filter((f) => f.initVar !== true);
  let target = cls;
  if (slots) {
    // _add_slots: a new class with __slots__ = field names and no __dict__/__weakref__.
    const attrs = new Map(cls.attrs);
    for (const f of fields) attrs.delete(f.name);
    attrs.delete("__dict__");
    attrs.delete("__weakref__");
    if (cls.attrs.has("__slots__")) throw typeError(`${cls.name} already specifies __slots__`);
    // _add_slots declares every field, inherited ones included (3.10); from 3.11 less the names a
    // base's __slots__ declares, plus __weakref__ when weakref_slot=True.
    let names = fields.map((f) => f.name);
    if (ctx().layout.rules.dataclassSlotsSkipInherited) {
      const inherited = new Set<string>();
      for (const base of cls.mro.slice(1)) {
        const own = base.attrs.get("__slots__");
        if (own?.t === "str") inherited.add(strText(own));
        else if (own !== undefined) for (const x of toArray(own)) if (x.t === "str") inherited.add(strText(x));
      }
      if (truthy(opts.values.get("weakref_slot") ?? False)) names.push("__weakref__");
      names = names.filter((n) => !inherited.has(n));
    }
    attrs.set("__slots__", newTuple(names.map((n) => pyStr(n))));
    // _add_slots: a frozen class gets _dataclass_getstate / _dataclass_setstate (copy and pickle then
    // set its slots with object.__setattr__), unless the class defines its own (3.11+ checks; 3.10 overwrites).
    if (frozen) {
      const [getstate, setstate] = dataclassStateHooks(fields);
      if (!ctx().layout.rules.dataclassStateKeepsOwn || !cls.attrs.has("__getstate__")) attrs.set("__getstate__", getstate);
      if (!ctx().layout.rules.dataclassStateKeepsOwn || !cls.attrs.has("__setstate__")) attrs.set("__setstate__", setstate);
    }
    target = makeClass(cls.name, cls.bases, attrs);
  }
  if (!target.attrs.has("__init__") || target.attrs.get("__init__") === cls.attrs.get("__init__")) {
    if (truthy(opts.values.get("init") ?? True) && !cls.attrs.has("__init__")) {
      const t = target;
      target.attrs.set("__init__", makeInit(() => t, all, slots));
    }
  }
  // _process_class (3.10+): __match_args__, the names of the __init__ parameters that are not keyword-only, unless the class has its own.
  if (ctx().layout.rules.patternMatching && truthy(opts.values.get("match_args") ?? True) && !cls.attrs.has("__match_args__")) {
    const positional = all.filter((f) => f.init && !f.kwOnly);
    target.attrs.set("__match_args__", newTuple(positional.map((f) => pyStr(f.name))));
  }
  target.frozen = frozen || target.bases.some((b) => b.frozen);
  target.attrs.set("__dataclass_fields__", fieldsDict(target, declared));
  dataclassFields.set(target, fields);
  initFields.set(target, all);
  dataclassOptions.set(target, {
    eq: truthy(opts.values.get("eq") ?? True),
    order: truthy(opts.values.get("order") ?? False),
    frozen: target.frozen,
    repr: truthy(opts.values.get("repr") ?? True),
    hash: hashAction(cls, truthy(opts.values.get("unsafe_hash") ?? False), truthy(opts.values.get("eq") ?? True), frozen),
  });
  const byName = new Map<string, PyObj | null>();
  const t = target;
  target.decorated = {
    generated(name) {
      let m = byName.get(name);
      if (m === undefined) byName.set(name, (m = generatedMethod(t, name)));
      return m ?? undefined;
    },
    // A hash table keys an instance by its hash fields only when == compares fields too (eq=False keeps identity).
    hashFields: (o) => (dataclassTuple(o, "eq") === null ? null : dataclassTuple(o, "hash")),
  };
  return target;
}

function dataclassCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  const accepted = ctx().layout.dataclassKeywords;
  for (const k of kw.values.keys()) if (!accepted.includes(k)) throw typeError(`dataclass() got an unexpected keyword argument '${k}'`);
  const first = args[0];
  if (first !== undefined) {
    if (first.t !== "class") throw typeError("dataclass() should be called on a class");
    return applyDataclass(first, kw);
  }
  return fn("dataclass", ([c]) => {
    if (c === undefined || c.t !== "class") throw typeError("dataclass() should be called on a class");
    return applyDataclass(c, kw);
  });
}

function fieldOf(o: PyObj & { t: "instance" }, name: string): PyObj | undefined {
  return slotGet(o, name) ?? instanceDictGet(o, name) ?? lookupClassAttr(o.cls, name);
}

/** Objects whose generated __repr__ is running: reprlib.recursive_repr answers '...' for them. */
const reprRunning = new Set<PyObj>();

/** The __repr__ a dataclass generates: type(self).__qualname__(field=value, …). */
function dataclassRepr(o: PyObj & { t: "instance" }, fields: readonly FieldSpec[]): string {
  if (reprRunning.has(o)) return "...";
  reprRunning.add(o);
  try {
    const parts = fields.filter((f) => f.repr).map((f) => {
      const v = fieldOf(o, f.name);
      return `${f.name}=${v === undefined ? "?" : repr(v)}`;
    });
    return `${o.cls.name}(${parts.join(", ")})`;
  } finally {
    reprRunning.delete(o);
  }
}

const ORDER: Readonly<Record<string, "Lt" | "LtE" | "Gt" | "GtE">> = { __lt__: "Lt", __le__: "LtE", __gt__: "Gt", __ge__: "GtE" };

/**
 * The methods @dataclass puts in the class it processes (when the body does
 * not define them): found in MRO order like any class attribute, so a
 * subclass inherits them and a base's own methods lose to them.
 */
function generatedMethod(cls: PyClassObj, name: string): PyObj | null {
  const opts = dataclassOptions.get(cls);
  const fields = dataclassFields.get(cls);
  if (opts === undefined || fields === undefined || cls.attrs.has(name)) return null;
  const compared = fields.filter((f) => f.compare);
  const values = (o: PyObj & { t: "instance" }): PyObj => newTuple(compared.map((f) => fieldOf(o, f.name) ?? None));
  // Real functions in CPython (exec'd source), so they bind to the instance like any def.
  const method = (f: (self: PyObj & { t: "instance" }, other: PyObj) => PyObj): PyObj => ({
    t: "function", name, call: ([self, other]) => f(self as PyObj & { t: "instance" }, other as PyObj),
  });
  if (name === "__repr__" && opts.repr) return method((self) => pyStr(dataclassRepr(self, fields)));
  // The comparisons: field tuples of two instances of the very same class, else NotImplemented.
  if (name === "__eq__" && opts.eq && ctx().layout.rules.dataclassEqFieldByField) {
    // 3.13: `self is other` first, then `self.a==other.a and self.b==other.b` (the and-chain's own value; 'True' with no field).
    return method((self, other) => {
      if (self === other) return True;
      if (other.t !== "instance" || other.cls !== self.cls) return NotImplemented;
      let r: PyObj = True;
      for (const f of compared) {
        r = compareObj("Eq", fieldOf(self, f.name) ?? None, fieldOf(other, f.name) ?? None);
        if (!truthy(r)) return r;
      }
      return r;
    });
  }
  if (name === "__eq__" && opts.eq) {
    return method((self, other) => (other.t === "instance" && other.cls === self.cls ? pyBool(pyEq(values(self), values(other))) : NotImplemented));
  }
  if (name === "__hash__" && opts.hash === "none") return None;
  if (name === "__hash__" && opts.hash === "add") {
    // _hash_fn: hash(tuple of the hash fields), refused where that tuple's hash is a stand-in (an address, PYTHONHASHSEED).
    return method((self) => {
      const [h, unstable] = hashOf(newTuple(dataclassTuple(self, "hash") ?? []));
      if (unstable && !userHashRunning()) throw new PymemError("UNSUPPORTED", `hash() of this ${self.cls.name} depends on its address or on PYTHONHASHSEED`);
      return pyInt(h);
    });
  }
  const op = ORDER[name];
  if (op !== undefined && opts.order) {
    return method((self, other) => (other.t === "instance" && other.cls === self.cls ? pyBool(richCompare(op, values(self), values(other))) : NotImplemented));
  }
  return null;
}


function typingObject(name: string, typingForm?: true): PyTypeObj {
  return { t: "type", name, call: null, attrs: new Map(), ...(typingForm === undefined ? {} : { typingForm }) };
}

function fieldValue(o: PyObj & { t: "instance" }, name: string): PyObj {
  return slotGet(o, name) ?? instanceDictGet(o, name) ?? o.cls.attrs.get(name) ?? None;
}

/** _asdict_inner / _astuple_inner: recursive copies, built the way dataclasses.py builds them. */
function asInner(o: PyObj, asDict: boolean): PyObj {
  if (o.t === "instance" && dataclassFields.has(o.cls)) {
    const fields = dataclassFields.get(o.cls) ?? [];
    if (asDict) {
      // dict_factory(result): dict() of a list of (name, value) pairs, inserted one by one.
      const d = newDict();
      for (const f of fields) dictSet(d, intern(pyStr(f.name)), asInner(fieldValue(o, f.name), true));
      return d;
    }
    return newTuple(fields.map((f) => asInner(fieldValue(o, f.name), false)));
  }
  if (o.t === "tuple") {
    const items = materialize(o.items).map((x) => asInner(x, asDict));
    return o.cls !== undefined ? newTupleOfClass(items, o.cls) : newTuple(items);
  }
  if (o.t === "list") {
    if (subOf(o) !== undefined) throw new PymemError("UNSUPPORTED", `dataclasses.asdict of a ${typeName(o)} field (type(obj)(generator))`);
    const items = materialize(o.items).map((x) => asInner(x, asDict));
    const l = newEmptyList();
    if (asDict && ctx().layout.rules.asdictListComprehension) {
      // 3.13's fast path for an exact list: a list comprehension, grown append by append.
      for (const x of items) listAppend(l, x);
      return l;
    }
    // type(obj)(generator): list() of an unsized iterator.
    let i = 0;
    listExtend(l, makeIter("generator", () => items[i++], () => null));
    return l;
  }
  if (o.t === "dict") {
    // type(obj)(generator of pairs) — a Counter, OrderedDict or defaultdict field is rebuilt as its own type.
    if (o.flavor !== undefined || subOf(o) !== undefined) throw new PymemError("UNSUPPORTED", `dataclasses.asdict of a ${typeName(o)} field (type(obj)(pairs))`);
    // dict(pairs) before 3.10 starts from dict_new's PyDict_MINSIZE table; 3.13's dict comprehension from an empty one.
    const d = newDictFromType();
    for (const e of [...o.table.map.values()]) dictSet(d, asInner(e.key, asDict), asInner(e.value, asDict));
    return d;
  }
  return deepcopy(o, new DictMemo(newDict())); // copy.deepcopy(obj), a fresh memo for each leaf
}

/** asdict(obj, *, dict_factory=dict) / astuple(obj, *, tuple_factory=tuple): the object, when the factory is the builtin one; another factory (called on the pairs at every level) is not modelled. */
function plainFactory(args: readonly PyObj[], kw: { readonly values: ReadonlyMap<string, PyObj> }, what: string, factory: string, builtin: string): PyObj | undefined {
  const f = kw.values.get(factory);
  if (args.length !== 1 || kw.values.size > (f === undefined ? 0 : 1) || (f !== undefined && f !== typeObject(builtin))) {
    throw new PymemError("UNSUPPORTED", `dataclasses.${what}() with arguments other than the instance and ${factory}=${builtin}`);
  }
  return args[0];
}

function requireDataclassInstance(o: PyObj | undefined, what: string): PyObj & { t: "instance" } {
  if (o === undefined || o.t !== "instance" || !dataclassFields.has(o.cls)) throw typeError(`${what}() should be called on dataclass instances`);
  return o;
}

export function dataclassesModuleAttrs(): [string, PyObj][] {
  return [
    ["dataclass", fn("dataclass", dataclassCall)],
    ["field", fn("field", fieldCall)],
    ["asdict", fn("asdict", (args, kw) => asInner(requireDataclassInstance(plainFactory(args, kw, "asdict", "dict_factory", "dict"), "asdict"), true))],
    ["astuple", fn("astuple", (args, kw) => asInner(requireDataclassInstance(plainFactory(args, kw, "astuple", "tuple_factory", "tuple"), "astuple"), false))],
    ["replace", fn("replace", ([o], kw) => {
      const inst = requireDataclassInstance(o, "replace");
      const values = new Map(kw.values);
      const keys = new Map(kw.keys);
      for (const f of initFields.get(inst.cls) ?? []) {
        if (f.init && !values.has(f.name)) {
          // 3.8-3.12 raise ValueError here, 3.13 TypeError.
          if (f.initVar === true && f.default === null) throw new PymemError("UNSUPPORTED", `dataclasses.replace() without a value for the InitVar '${f.name}'`);
          values.set(f.name, fieldValue(inst, f.name));
          keys.set(f.name, intern(pyStr(f.name)));
        }
      }
      return instantiate(inst.cls, [], { values, keys });
    })],
    ["fields", fn("fields", ([o]) => {
      const cls = o?.t === "class" ? o : o?.t === "instance" ? o.cls : undefined;
      const fields = cls === undefined ? undefined : dataclassFields.get(cls);
      if (fields === undefined) throw typeError("must be called with a dataclass type or instance");
      return newTuple(fields.map((f) => f.obj));
    })],
    ["is_dataclass", fn("is_dataclass", ([o]) => pyBool(o !== undefined && (o.t === "class" ? dataclassFields.has(o) : o.t === "instance" && dataclassFields.has(o.cls))))],
    ["FrozenInstanceError", frozenInstanceErrorClass()],
    ["InitVar", initVarClass()],
    ...(ctx().layout.dataclassKeywords.includes("kw_only") ? [["KW_ONLY", kwOnlySentinel()] as [string, PyObj]] : []),
  ];
}

export function typingModuleAttrs(): [string, PyObj][] {
  const names = ["Any", "List", "Dict", "Set", "FrozenSet", "Tuple", "Optional", "Union", "ClassVar", "Callable", "Iterable",
    "Iterator", "Sequence", "Mapping", "MutableMapping", "Type", "Final", "Literal", "Deque", "DefaultDict"];
  const out: [string, PyObj][] = names.map((n) => [n, typingObject(n, true)]);
  out.push(["NamedTuple", namedTupleFunctional()]);
  return out;
}
