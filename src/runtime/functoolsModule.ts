// The functools module: reduce and cmp_to_key (C), partial and the lru_cache
// wrapper (functoolsPartial.ts, functoolsCache.ts), and the parts written in
// Lib/functools.py — lru_cache/cache, total_ordering, cached_property,
// update_wrapper/wraps — as that file runs them in each version. Only the
// names the version's functools has are offered (cache from 3.9).
import type { Layout } from "../layouts/layout.js";
import { isCallableObj } from "./callable.js";
import { callObject } from "./calls.js";
import { lookupClassAttr } from "./classes.js";
import { compareObj, truthy } from "./compare.js";
import { intern } from "./constPool.js";
import { ctx } from "./ctx.js";
import { namedTupleClass } from "./dataclasses.js";
import { dictGet, dictSet, newDict } from "./dicts.js";
import { PyException, PymemError, typeError, valueError } from "./errors.js";
import { functionDict, functionDictObject, functionDoc, functionOwnAttrs, refuseFunctionSlot, setFunctionEntry, wrappedNames } from "./functionDicts.js";
import { lruCacheWrapper } from "./functoolsCache.js";
import { partialCall } from "./functoolsPartial.js";
import { getAttr, setAttr } from "./attributes.js";
import { getIter } from "./iteration.js";
import { nativeObject, nativeSlots, type NativeCmpOp } from "./nativeObjects.js";
import { intValue } from "./numbers.js";
import { newTuple } from "./tuples.js";
import { builtinFunction, None, pyInt, NotImplemented, pyBool, pyStr, typeName, type Kwargs, type PyClassObj, type PyObj, type PyStrObj } from "./objects.js";
import { newBuiltinType } from "./typeObjects.js";
import { getInstanceAttr } from "./instanceAttrs.js";
import { callBound } from "./userDunders.js";

const noKw = (name: string, kw: Kwargs): void => {
  if (kw.values.size > 0) throw typeError(`${name}() takes no keyword arguments`);
};

/** A function of Lib/functools.py: a Python function object. */
function pyFunction(name: string, call: (args: readonly PyObj[], kw: Kwargs) => PyObj): PyObj {
  return { t: "function", name, call };
}

/** functools_reduce. */
function reduce(args: readonly PyObj[], kw: Kwargs): PyObj {
  noKw("reduce", kw);
  if (args.length < 2) throw typeError(`reduce expected at least 2 arguments, got ${args.length}`);
  if (args.length > 3) throw typeError(`reduce expected at most 3 arguments, got ${args.length}`);
  const [func, seq] = args as [PyObj, PyObj];
  let result: PyObj | undefined = args[2];
  let it;
  try {
    it = getIter(seq);
  } catch (e) {
    if (e instanceof PyException && e.pyType === "TypeError") throw typeError("reduce() arg 2 must support iteration");
    throw e;
  }
  for (let op2 = it.next(); op2 !== undefined; op2 = it.next()) {
    result = result === undefined ? op2 : callObject(func, [result, op2]);
  }
  if (result === undefined) throw typeError(`reduce() of empty ${ctx().layout.rules.functools.reduceEmptyWord} with no initial value`);
  return result;
}

/** keyobject: cmp_to_key's K (object unset) and the K(obj) it makes. */
function keyObject(cmp: PyObj, object: PyObj | null): PyObj {
  const self = nativeObject("KeyWrapper", {
    call: (args, kw) => {
      // PyArg_ParseTupleAndKeywords(args, kwds, "O:K", {"obj"}).
      for (const k of kw.values.keys()) if (k !== "obj") throw typeError(`'${k}' is an invalid keyword argument for K()`);
      const given = args.length + kw.values.size;
      if (given > 1) throw typeError(`K() takes at most 1 argument (${given} given)`);
      const obj = args[0] ?? kw.values.get("obj");
      if (obj === undefined) throw typeError("K() missing required argument 'obj' (pos 1)");
      return keyObject(cmp, obj);
    },
    // T_OBJECT member: None while unset.
    attr: (name) => (name === "obj" ? object ?? None : undefined),
    compare: (op: NativeCmpOp, a: PyObj, b: PyObj) => keyCompare(op, a, b),
    unhashableAs: "functools.KeyWrapper",
  });
  keys.set(self, { cmp, object });
  return self;
}

const keys = new WeakMap<object, { readonly cmp: PyObj; readonly object: PyObj | null }>();

/** keyobject_richcompare: cmp(x.obj, y.obj) compared with 0. */
function keyCompare(op: NativeCmpOp, a: PyObj, b: PyObj): PyObj {
  const x = keys.get(a);
  const y = keys.get(b);
  if (x === undefined || y === undefined) throw typeError("other argument must be K instance");
  if (x.object === null || y.object === null) throw new PyException("AttributeError", "object");
  const res = callObject(x.cmp, [x.object, y.object]);
  return compareObj(op, res, pyInt(0));
}

/** Lib/functools.py's _convert: for each root, the methods total_ordering derives from it and how. */
type Derive = (root: PyObj, self: PyObj, other: PyObj) => PyObj;
const notResult = (r: PyObj): PyObj => pyBool(!truthy(r));
const ne = (a: PyObj, b: PyObj): PyObj => compareObj("NotEq", a, b);
const eq = (a: PyObj, b: PyObj): PyObj => compareObj("Eq", a, b);
const CONVERT: Readonly<Record<string, readonly (readonly [string, string, Derive])[]>> = {
  __lt__: [["__gt__", "_gt_from_lt", (r, s, o) => (truthy(r) ? pyBool(false) : ne(s, o))], ["__le__", "_le_from_lt", (r, s, o) => (truthy(r) ? r : eq(s, o))], ["__ge__", "_ge_from_lt", notResult]],
  __le__: [["__ge__", "_ge_from_le", (r, s, o) => (!truthy(r) ? pyBool(true) : eq(s, o))], ["__lt__", "_lt_from_le", (r, s, o) => (truthy(r) ? ne(s, o) : r)], ["__gt__", "_gt_from_le", notResult]],
  __gt__: [["__lt__", "_lt_from_gt", (r, s, o) => (truthy(r) ? pyBool(false) : ne(s, o))], ["__ge__", "_ge_from_gt", (r, s, o) => (truthy(r) ? r : eq(s, o))], ["__le__", "_le_from_gt", notResult]],
  __ge__: [["__le__", "_le_from_ge", (r, s, o) => (!truthy(r) ? pyBool(true) : eq(s, o))], ["__gt__", "_gt_from_ge", (r, s, o) => (truthy(r) ? ne(s, o) : r)], ["__lt__", "_lt_from_ge", notResult]],
};

/** The derived functions, made once per run as Lib/functools.py makes them once per process. */
function derivedFunctions(): Map<string, PyObj> {
  const made = new Map<string, PyObj>();
  for (const [root, derived] of Object.entries(CONVERT)) {
    for (const [opname, fname, derive] of derived) {
      made.set(fname, { t: "function", name: opname, qualname: fname, call: ([self, other]) => {
        const s = self as PyObj;
        const o = other as PyObj;
        // 3.8 calls self.__lt__(other); later versions type(self).__lt__(self, other).
        let r: PyObj;
        if (ctx().layout.rules.functools.totalOrderingViaInstance) r = callObject(getAttr(s, root), [o]);
        else {
          if (s.t !== "instance") throw new PymemError("UNSUPPORTED", `total_ordering's ${fname} on a '${typeName(s)}'`);
          r = callBound(lookupClassAttr(s.cls, root) as PyObj, s, [o]);
        }
        if (r === NotImplemented) return r;
        return derive(r, s, o);
      } });
    }
  }
  return made;
}

function totalOrdering(derived: () => Map<string, PyObj>): PyObj {
  return pyFunction("total_ordering", ([cls]) => {
    if (cls === undefined || cls.t !== "class" || cls.builtinBase !== "object") throw new PymemError("UNSUPPORTED", "total_ordering on anything but a class over object");
    // Methods a decorator generated or a standard-library base holds are not in the class dicts pymem reads.
    if (cls.mro.some((c) => c.decorated !== null || c.stdlib === true || c.static === true)) throw new PymemError("UNSUPPORTED", "total_ordering on a decorated class or over a standard-library class");
    const roots = Object.keys(CONVERT).filter((op) => lookupClassAttr(cls, op) !== undefined);
    if (roots.length === 0) throw valueError("must define at least one ordering operation: < > <= >=");
    const root = roots.reduce((a, b) => (b > a ? b : a));
    for (const [opname, fname] of CONVERT[root] ?? []) {
      if (!roots.includes(opname)) cls.attrs.set(opname, derived().get(fname) as PyObj);
    }
    return cls;
  });
}

/** cached_property(func): a non-data descriptor that stores what func returns in the instance __dict__. */
function cachedPropertyCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  noKw("cached_property", kw);
  if (args.length !== 1) throw typeError(`cached_property.__init__() takes 2 positional arguments but ${args.length + 1} were given`);
  const func = args[0] as PyObj;
  let attrname: PyStrObj | null = null;
  const self = nativeObject("cached_property", {
    attr: (name) => (name === "func" ? func : name === "attrname" ? attrname ?? None : undefined),
    setName: (_owner, name) => {
      if (attrname === null) attrname = intern(pyStr(name)) as PyStrObj;
      // type_new wraps this TypeError in a RuntimeError before 3.12 and adds a note from 3.12: not modelled.
      else if (name !== (attrname.text as string)) throw new PymemError("UNSUPPORTED", "one cached_property bound to two names");
    },
    get: (instance) => {
      if (attrname === null) throw typeError("Cannot use cached_property instance without calling __set_name__ on it.");
      if (instance.t !== "instance") throw new PymemError("UNSUPPORTED", `cached_property on a '${typeName(instance)}'`);
      if (!instance.cls.hasDict) throw typeError(`No '__dict__' attribute on '${instance.cls.name}' instance to cache '${attrname.text as string}' property.`);
      const cache = getInstanceAttr(instance, "__dict__");
      if (cache === undefined || cache.t !== "dict") throw new PymemError("UNSUPPORTED", "cached_property over this instance's __dict__");
      const have = dictGet(cache, attrname);
      if (have !== undefined) return have;
      const val = callObject(func, [instance]);
      dictSet(cache, attrname, val);
      return val;
    },
  });
  return self;
}

/** update_wrapper(wrapper, wrapped, assigned, updated) for a function or lru_cache wrapper: __name__ (and __qualname__ when it is the name), the wrapped's own attributes, then __wrapped__. */
function updateWrapper(args: readonly PyObj[], kw: Kwargs): PyObj {
  const wrapper = args[0] ?? kw.values.get("wrapper");
  const wrapped = args[1] ?? kw.values.get("wrapped");
  if (wrapper === undefined || wrapped === undefined) throw typeError("update_wrapper() missing required positional argument");
  for (const k of kw.values.keys()) {
    if (k === "assigned" || k === "updated") {
      if (args.length > 2 || kw.values.get(k) !== defaultOf(k)) throw new PymemError("UNSUPPORTED", `update_wrapper with ${k} other than the default`);
    }
  }
  if (args.length > 2) throw new PymemError("UNSUPPORTED", "update_wrapper with assigned/updated other than the defaults");
  if (wrapper.t === "instance") return updateInstanceWrapper(wrapper, wrapped);
  if (wrapper.t === "function") return updateFunctionWrapper(wrapper, wrapped);
  const target = nativeSlots(wrapper)?.dict;
  if (target === undefined) throw new PymemError("UNSUPPORTED", `update_wrapper on a '${typeName(wrapper)}'`);
  if (wrapped.t === "function") {
    const { name, qualname } = wrappedNames(wrapped);
    target.set("__name__", name);
    if (qualname !== undefined) target.set("__qualname__", qualname);
    else target.delete("__qualname__");
    // WRAPPER_ASSIGNMENTS' __doc__ (None when the wrapped function has none), then __dict__'s update.
    target.set("__doc__", functionDoc(wrapped) ?? None);
    for (const [k, v] of functionOwnAttrs(wrapped)) if (k !== "__name__" && k !== "__qualname__") target.set(k, v);
  } else if (wrapped.t !== "builtin") {
    throw new PymemError("UNSUPPORTED", `update_wrapper over a '${typeName(wrapped)}'`);
  }
  target.set("__wrapped__", wrapped);
  return wrapper;
}

/** getattr(obj, name) as update_wrapper's try/except reads it: null for an AttributeError, a PymemError kept for the reader. */
function readForWrapper(obj: PyObj, name: string): PyObj | null | PymemError {
  try {
    return getAttr(obj, name);
  } catch (e) {
    if (e instanceof PyException && e.pyType === "AttributeError") return null;
    if (e instanceof PymemError && e.code === "UNSUPPORTED") return e;
    throw e;
  }
}

/**
 * update_wrapper with a function as the wrapper (@wraps): each of the version's
 * WRAPPER_ASSIGNMENTS read from the wrapped object and set on the function's own slots
 * (__module__, __name__, __qualname__, __doc__, __annotations__, 3.12+ __type_params__: the same
 * objects, so `wrapper.__annotations__ is wrapped.__annotations__`; a value pymem cannot read is
 * refused when the wrapper's slot is read), then the wrapped object's __dict__ merged into the
 * wrapper's, then __wrapped__.
 */
function updateFunctionWrapper(wrapper: PyObj & { t: "function" }, wrapped: PyObj): PyObj {
  const slots = functionDict(wrapper);
  for (const attr of ctx().layout.rules.functools.wrapperAssignments) {
    const value = readForWrapper(wrapped, attr);
    if (value === null) continue;
    if (value instanceof PymemError) {
      refuseFunctionSlot(wrapper, attr, value.message);
      continue;
    }
    // func_set_name / func_set_qualname: only a str.
    if ((attr === "__name__" || attr === "__qualname__") && value.t !== "str") throw typeError(`${attr} must be set to a string object`);
    slots.set(attr, value);
  }
  // getattr(wrapper, '__dict__').update(getattr(wrapped, '__dict__', {})): both dicts made as
  // CPython makes them, the update run by dict.update itself (dict_merge's presizing and clones).
  let from: PyObj;
  if (wrapped.t === "function") from = functionDictObject(wrapped);
  else {
    const d = readForWrapper(wrapped, "__dict__");
    if (d instanceof PymemError) throw d;
    from = d ?? newDict();
  }
  callObject(getAttr(functionDictObject(wrapper), "update"), [from]);
  setFunctionEntry(wrapper, "__wrapped__", wrapped);
  return wrapper;
}

/**
 * update_wrapper with an instance of a class as the wrapper (a class-based decorator's
 * `functools.update_wrapper(self, func)`), line by line as Lib/functools.py runs it: each of the
 * version's WRAPPER_ASSIGNMENTS read from the wrapped object (an AttributeError skips it) and set
 * on the wrapper, then `wrapper.__dict__.update(wrapped.__dict__)`, then `wrapper.__wrapped__`.
 */
function updateInstanceWrapper(wrapper: PyObj, wrapped: PyObj): PyObj {
  for (const attr of ctx().layout.rules.functools.wrapperAssignments) {
    let value: PyObj;
    try {
      value = getAttr(wrapped, attr);
    } catch (e) {
      if (e instanceof PyException && e.pyType === "AttributeError") continue;
      throw e;
    }
    setAttr(wrapper, attr, value);
  }
  const own = getAttr(wrapper, "__dict__");
  let from: PyObj;
  try {
    from = getAttr(wrapped, "__dict__");
  } catch (e) {
    if (!(e instanceof PyException && e.pyType === "AttributeError")) throw e;
    from = newDict();
  }
  callObject(getAttr(own, "update"), [from]);
  setAttr(wrapper, "__wrapped__", wrapped);
  return wrapper;
}

let defaults: Map<string, PyObj> | null = null;
function defaultOf(name: string): PyObj | undefined {
  return defaults?.get(name);
}

/** cache_parameters()'s dict display: {'maxsize': maxsize, 'typed': typed}. */
function cacheParameters(maxsize: PyObj, typed: PyObj): PyObj {
  const d = newDict();
  dictSet(d, intern(pyStr("maxsize")), maxsize);
  dictSet(d, intern(pyStr("typed")), typed);
  return d;
}

/** The module's attributes for a version: only the names its functools has. */
export function functoolsModuleAttrs(layout: Layout): [string, PyObj][] {
  const names = new Set((layout.attributeNames()["module functools"] ?? "").split(" "));
  // Made outside an evaluation (no intern table yet): tuples of their str constants.
  const assigned = newTuple(layout.rules.functools.wrapperAssignments.map((n) => pyStr(n)));
  const updated = newTuple([pyStr("__dict__")]);
  defaults = new Map([["assigned", assigned], ["updated", updated]]);
  let cacheInfo: PyClassObj | null = null;
  const cacheInfoClass = (): PyClassObj => (cacheInfo ??= namedTupleClass("CacheInfo", ["hits", "misses", "maxsize", "currsize"], []));
  let derived: Map<string, PyObj> | null = null;
  const update = pyFunction("update_wrapper", updateWrapper);
  const partialType = newBuiltinType("partial", partialCall, [], "extension");
  // The types of the objects lru_cache and cmp_to_key return (type(x)); code does not call them.
  newBuiltinType("_lru_cache_wrapper", null, [], "extension");
  newBuiltinType("KeyWrapper", null, [], "extension");
  const withParameters = names.has("cache");
  const lruWrap = (user: PyObj, maxsize: PyObj, typed: PyObj): PyObj => {
    const w = lruCacheWrapper(user, maxsize.t === "NoneType" ? -1 : Number(intValue(maxsize)), truthy(typed), cacheInfoClass, withParameters ? new Set() : new Set(["cache_parameters"]));
    // 3.9+: wrapper.cache_parameters = lambda: {'maxsize': maxsize, 'typed': typed}.
    if (withParameters) nativeSlots(w)?.dict?.set("cache_parameters", pyFunction("<lambda>", () => cacheParameters(maxsize, typed)));
    updateWrapper([w, user], { values: new Map(), keys: new Map() });
    return w;
  };
  const lruCache = pyFunction("lru_cache", (args, kw) => {
    let maxsizeArg: PyObj = args[0] ?? kw.values.get("maxsize") ?? pyInt(128);
    const typedArg: PyObj = args[1] ?? kw.values.get("typed") ?? pyBool(false);
    if (args.length > 2) throw typeError(`lru_cache() takes from 0 to 2 positional arguments but ${args.length} were given`);
    for (const k of kw.values.keys()) if (k !== "maxsize" && k !== "typed") throw typeError(`lru_cache() got an unexpected keyword argument '${k}'`);
    if (maxsizeArg.t === "int" || maxsizeArg.t === "bool") {
      const v = intValue(maxsizeArg) as number | bigint;
      if (v < 0) maxsizeArg = pyInt(0);
    } else if (isCallableObj(maxsizeArg) && typedArg.t === "bool") {
      return lruWrap(maxsizeArg, pyInt(128), typedArg);
    } else if (maxsizeArg.t !== "NoneType") {
      throw typeError("Expected first argument to be an integer, a callable, or None");
    }
    const maxsize = maxsizeArg;
    return pyFunction("decorating_function", ([user]) => lruWrap(user as PyObj, maxsize, typedArg));
  });
  const all: [string, PyObj][] = [
    ["reduce", builtinFunction("reduce", reduce, "functools")],
    ["partial", partialType],
    ["cmp_to_key", builtinFunction("cmp_to_key", (args, kw) => {
      const mycmp = args[0] ?? kw.values.get("mycmp");
      if (mycmp === undefined) throw typeError("cmp_to_key() missing required argument 'mycmp' (pos 1)");
      return keyObject(mycmp, null);
    }, "functools")],
    ["lru_cache", lruCache],
    ["cache", pyFunction("cache", ([user]) => lruWrap(user as PyObj, None, pyBool(false)))],
    ["total_ordering", totalOrdering(() => (derived ??= derivedFunctions()))],
    ["cached_property", newBuiltinType("cached_property", cachedPropertyCall, [], "extension")],
    ["update_wrapper", update],
    ["wraps", pyFunction("wraps", (args, kw) => {
      const wrapped = args[0] ?? kw.values.get("wrapped");
      if (wrapped === undefined) throw typeError("wraps() missing 1 required positional argument: 'wrapped'");
      if (args.length > 1 || kw.values.size > 0) throw new PymemError("UNSUPPORTED", "wraps with assigned/updated");
      const keys = new Map([["wrapped", intern(pyStr("wrapped")) as PyStrObj], ["assigned", intern(pyStr("assigned")) as PyStrObj], ["updated", intern(pyStr("updated")) as PyStrObj]]);
      return partialCall([update], { values: new Map([["wrapped", wrapped], ["assigned", assigned], ["updated", updated]]), keys });
    })],
    ["WRAPPER_ASSIGNMENTS", assigned],
    ["WRAPPER_UPDATES", updated],
  ];
  return all.filter(([n]) => names.has(n));
}
