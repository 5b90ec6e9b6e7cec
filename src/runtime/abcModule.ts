// The abc module (Lib/abc.py over Modules/_abc.c): ABCMeta makes its classes
// as type does, then computes __abstractmethods__ (compute_abstract_methods:
// the namespace's abstract names, then each base's abstract names still
// abstract in the new class), kept as a frozenset in the class's namespace;
// object_new refuses to instantiate a class with any left. ABC is the class
// with `metaclass=ABCMeta` and empty __slots__; abstractmethod sets
// __isabstractmethod__ on a function. register() records virtual subclasses
// that __subclasscheck__ (_abc_subclasscheck) finds through the registry and
// through the class's own subclasses. A class of ABCMeta is an ordinary heap
// type (a leaf of the deep walk) whose type(cls).__name__ is 'ABCMeta'.
import { instantiate } from "./calls.js";
import { setClassHooks, classHooks, setMetaclassNew } from "./classHooks.js";
import { c3, lookupClassAttr, makeClass } from "./classes.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { functionAttr, setFunctionEntry } from "./functionDicts.js";
import { nativeFunction, pyStr, True, typeName, type Kwargs, type PyClassObj, type PyObj, type PyTypeObj } from "./objects.js";
import { truthy } from "./compare.js";
import { newSet, setAdd } from "./sets.js";
import { materialize } from "./seq.js";
import { builtinTypeBase, typeObject } from "./typeObjects.js";
import { newTuple } from "./tuples.js";

interface AbcState {
  /** Names still abstract, in the order compute_abstract_methods added them. */
  readonly abstracts: readonly string[];
  /** register()ed virtual subclasses. */
  readonly registry: PyObj[];
  /** Classes made over this one (type.__subclasses__()). */
  readonly subclasses: PyClassObj[];
}

const states = new WeakMap<PyClassObj, AbcState>();

/** The ABCMeta type object. */
export function abcMeta(): PyTypeObj {
  return typeObject("ABCMeta");
}

/** getattr(value, "__isabstractmethod__", False) for the values pymem models. */
function isAbstract(v: PyObj): boolean {
  if (v.t === "function") {
    const a = functionAttr(v, "__isabstractmethod__");
    return a !== undefined && truthy(a);
  }
  if (v.t === "opaque" && (v.typeName === "staticmethod" || v.typeName === "classmethod" || v.typeName === "property")) {
    // property: its fget's (or fset's, fdel's); staticmethod/classmethod: the wrapped callable's.
    return v.data !== null && isAbstract(v.data as PyObj);
  }
  if (v.t === "instance" && lookupClassAttr(v.cls, "__isabstractmethod__") !== undefined) throw new PymemError("UNSUPPORTED", "an object with __isabstractmethod__ in an ABC's namespace");
  return false;
}

/** ABCMeta.__new__: type's class, its abstract methods, its registry. */
function abcNew(name: string, bases: readonly PyObj[], ns: Map<string, PyObj>, kw?: Kwargs): PyClassObj {
  const classes: PyClassObj[] = [];
  for (const b of bases) {
    if (b.t !== "class") throw new PymemError("UNSUPPORTED", `an ABC over ${typeName(b)} '${b.t === "type" ? b.name : ""}'`);
    if (b.metaclass !== undefined && b.metaclass !== "ABCMeta") throw new PymemError("UNSUPPORTED", `an ABC over a class of metaclass ${b.metaclass}`);
    // collections.abc's ABCs once their namespaces are filled (abcMixins.ts); typing's Generic beside them.
    const modelled = b === abcClass() || completed.has(b) || (b.name === "Generic" && b.bases.length === 0 && classes.some((c) => completed.has(c) || c === abcClass()));
    if (b.stdlib === true && !modelled) throw new PymemError("UNSUPPORTED", `an ABC over the standard library's ${b.name} (its mixin methods are not modelled)`);
    classes.push(b);
  }
  if (ns.has("__subclasshook__")) throw new PymemError("UNSUPPORTED", "an ABC defining __subclasshook__");
  // ABCMeta.__new__ hands its keywords to type.__new__, which passes them to __init_subclass__.
  const cls = Object.assign(makeClass(name, classes, ns, kw === undefined ? {} : { kw }), { metaclass: "ABCMeta" });
  const abstracts: string[] = [];
  for (const [k, v] of ns) if (isAbstract(v)) abstracts.push(k);
  for (const b of classes) {
    for (const k of states.get(b)?.abstracts ?? []) {
      const v = lookupClassAttr(cls, k);
      if (v !== undefined && isAbstract(v) && !abstracts.includes(k)) abstracts.push(k);
    }
  }
  const frozen = newSet("frozenset");
  for (const k of abstracts) setAdd(frozen, pyStr(k));
  ns.set("__abstractmethods__", frozen);
  states.set(cls, { abstracts, registry: [], subclasses: [] });
  for (const b of classes) states.get(b)?.subclasses.push(cls);
  setClassHooks(cls, abcHooks);
  return cls;
}

/** object_new's TypeError: the abstract names sorted, worded as the version words them. */
function abstractError(cls: PyClassObj, names: readonly string[]): PyException {
  const sorted = [...names].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const n = sorted.length;
  switch (ctx().layout.rules.abstractInstantiation) {
    case "plural":
      return typeError(`Can't instantiate abstract class ${cls.name} with abstract methods ${sorted.join(", ")}`);
    case "counted":
      return typeError(`Can't instantiate abstract class ${cls.name} with abstract method${n > 1 ? "s" : ""} ${sorted.join(", ")}`);
    case "implementation":
      return typeError(`Can't instantiate abstract class ${cls.name} without an implementation for abstract method${n > 1 ? "s" : ""} ${sorted.map((s) => `'${s}'`).join(", ")}`);
  }
}

/** issubclass(sub, t) as the builtin runs it, hooks included. */
export function isSubclass(sub: PyObj, t: PyObj): boolean {
  if (t.t === "tuple" && t.cls === undefined) return materialize(t.items).some((x) => isSubclass(sub, x));
  const hook = classHooks(t)?.subclasscheck;
  if (hook !== undefined && t.t === "class") return hook(t, sub);
  if (t.t === "class") return sub.t === "class" && sub.mro.includes(t);
  if (t.t !== "type") throw typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
  if (t.name === "object") return true;
  let name: string | undefined = sub.t === "class" ? sub.builtinBase : sub.t === "type" ? sub.name : undefined;
  while (name !== undefined) {
    if (name === t.name) return true;
    name = builtinTypeBase(name);
  }
  return false;
}

/** _abc_subclasscheck, its caches aside (they never change an answer). */
function subclassCheck(cls: PyClassObj, sub: PyObj): boolean {
  if (sub.t !== "class" && sub.t !== "type") throw typeError("issubclass() arg 1 must be a class");
  // cls.__subclasshook__(sub): NotImplemented but for a stdlib ABC's own (collections.abc's one-trick ponies).
  const hook = hooksOf.get(cls);
  if (hook !== undefined && hook(sub)) return true;
  if (sub.t === "class" && sub.mro.includes(cls)) return true;
  const st = states.get(cls);
  if (st === undefined) return false;
  if (st.registry.some((r) => isSubclass(sub, r))) return true;
  return st.subclasses.some((s) => isSubclass(sub, s));
}

/** ABCMeta.register(subclass). */
function register(cls: PyClassObj, sub: PyObj): PyObj {
  if (sub.t !== "class" && sub.t !== "type") throw typeError("Can only register classes");
  if (isSubclass(sub, cls)) return sub; // already a subclass
  if (isSubclass(cls, sub)) throw new PyException("RuntimeError", "Refusing to create an inheritance cycle");
  states.get(cls)?.registry.push(sub);
  return sub;
}

const abcHooks = {
  call: (cls: PyClassObj, args: readonly PyObj[], kw: Parameters<typeof instantiate>[2]): PyObj => {
    const abstracts = states.get(cls)?.abstracts ?? [];
    if (abstracts.length > 0) throw abstractError(cls, abstracts);
    return instantiate(cls, args, kw);
  },
  subclass: (name: string, bases: readonly PyClassObj[], ns: Map<string, PyObj>, _builtin?: unknown, kw?: Kwargs): PyObj => abcNew(name, bases, ns, kw),
  keywords: true,
  subclasscheck: subclassCheck,
  missing: (cls: PyClassObj, name: string): PyObj => {
    if (name === "register") return nativeFunction("register", ([sub]) => register(cls, sub ?? cls));
    throw new PymemError("UNSUPPORTED", `ABCMeta's ${name} on an ABC`);
  },
};

/** Whether a class is one ABCMeta made here (abc.ABC, a setup ABC, collections.abc's): its own namespace is all pymem reads. */
export function isModelledAbc(cls: PyClassObj): boolean {
  return states.has(cls);
}

/** The __subclasshook__ of a stdlib ABC, answering True or NotImplemented (false). */
const hooksOf = new WeakMap<PyClassObj, (sub: PyClassObj | PyTypeObj) => boolean>();

/**
 * A class of a standard-library module defined with ABCMeta (collections.abc's):
 * empty __slots__, its bases' MRO, the builtins registered with it, and its own
 * __subclasshook__ when it has one. Subclassing it is refused (its mixin methods are not modelled).
 */
export function stdlibAbc(name: string, module: string, bases: readonly PyClassObj[], hook: ((sub: PyClassObj | PyTypeObj) => boolean) | null, registered: readonly PyObj[]): PyClassObj {
  const { heapType } = ctx().layout;
  const cls: PyClassObj = {
    t: "class", name, bases, mro: [], attrs: new Map<string, PyObj>([["__module__", pyStr(module)], ["__slots__", newTuple([])]]),
    slots: [], hasDict: false, hasWeakref: false, shape: heapType.shape(heapType.object, 0, false, false, false), builtinBase: "object", cachedKeys: null, frozen: false,
    tupleFields: null, decorated: null, stdlib: true, metaclass: "ABCMeta",
  };
  (cls as { mro: readonly PyClassObj[] }).mro = c3(cls, bases);
  states.set(cls, { abstracts: [], registry: [...registered], subclasses: [] });
  for (const b of bases) states.get(b)?.subclasses.push(cls);
  if (hook !== null) hooksOf.set(cls, hook);
  // Its abstract methods and mixins are not modelled: instantiating it and reading them are refused.
  setClassHooks(cls, {
    ...abcHooks,
    call: () => {
      throw new PymemError("UNSUPPORTED", `instantiating ${module}.${name}`);
    },
  });
  return cls;
}

/** abc.ABC, made once per evaluation (its subclasses and registry are the evaluation's). */
function abcClass(): PyClassObj {
  const state = ctx().moduleState;
  let cls = state.get("module abc.ABC") as PyClassObj | undefined;
  if (cls !== undefined) return cls;
  const { heapType } = ctx().layout;
  const made: PyClassObj = {
    t: "class", name: "ABC", bases: [], mro: [], attrs: new Map<string, PyObj>([["__module__", pyStr("abc")], ["__slots__", newTuple([])]]),
    slots: [], hasDict: false, hasWeakref: false, shape: heapType.shape(heapType.object, 0, false, false, false), builtinBase: "object", cachedKeys: null, frozen: false,
    tupleFields: null, decorated: null, stdlib: true, metaclass: "ABCMeta",
  };
  (made as { mro: readonly PyClassObj[] }).mro = [made];
  made.attrs.set("__abstractmethods__", newSet("frozenset"));
  states.set(made, { abstracts: [], registry: [], subclasses: [] });
  setClassHooks(made, abcHooks);
  state.set("module abc.ABC", (cls = made));
  return cls;
}

/** The standard-library ABCs whose namespace holds their real methods (collections.abc's, abcMixins.ts): subclassed as any ABC. */
const completed = new WeakSet<PyClassObj>();

/**
 * A standard-library ABC given its namespace: ABCMeta's __abstractmethods__ over it (its bases done
 * first), subclassing and instantiating allowed (object_new refuses those with abstract methods left).
 */
export function completeStdlibAbc(cls: PyClassObj): void {
  const abstracts: string[] = [];
  for (const [k, v] of cls.attrs) if (isAbstract(v)) abstracts.push(k);
  for (const b of cls.bases) {
    for (const k of states.get(b)?.abstracts ?? []) {
      const v = lookupClassAttr(cls, k);
      if (v !== undefined && isAbstract(v) && !abstracts.includes(k)) abstracts.push(k);
    }
  }
  const frozen = newSet("frozenset");
  for (const k of abstracts) setAdd(frozen, pyStr(k));
  cls.attrs.set("__abstractmethods__", frozen);
  const st = states.get(cls);
  states.set(cls, { abstracts, registry: st?.registry ?? [], subclasses: st?.subclasses ?? [] });
  completed.add(cls);
  setClassHooks(cls, { ...abcHooks, missing: classHooks(cls)?.missing ?? abcHooks.missing });
}

/** abc.abstractmethod(funcobj): funcobj.__isabstractmethod__ = True. */
export const abstractmethod = nativeFunction("abstractmethod", (args) => {
  const f = args[0];
  if (f === undefined || args.length !== 1) throw typeError(`abstractmethod() takes 1 positional argument but ${args.length} were given`);
  if (f.t === "builtin") throw new PyException("AttributeError", `'builtin_function_or_method' object has no attribute '__isabstractmethod__'`);
  if (f.t !== "function") throw new PymemError("UNSUPPORTED", `abstractmethod over a '${typeName(f)}'`);
  setFunctionEntry(f, "__isabstractmethod__", True);
  return f;
});

export function abcModuleAttrs(): { attrs: [string, PyObj][]; perEvaluation: [string, () => PyObj][] } {
  setMetaclassNew(abcMeta(), (name, bases, ns) => abcNew(name, bases, ns));
  return {
    attrs: [["ABCMeta", abcMeta()], ["abstractmethod", abstractmethod]],
    perEvaluation: [["ABC", abcClass]],
  };
}
