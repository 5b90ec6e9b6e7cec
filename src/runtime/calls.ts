// Calling a modelled callable, classes included (type_call: __new__, then
// __init__).
import { classHooks } from "./classHooks.js";
import { ctx } from "./ctx.js";
import { typeError } from "./errors.js";
import { typeName, type Kwargs, type PyClassObj, type PyObj, type SubclassableBuiltin } from "./objects.js";
import { exactResult, subclassBase } from "./builtinSubclass.js";
import { builtinInit, builtinNew } from "./subclassConstruct.js";
import { isInstanceOf, lookupClassAttr, makeNamedTuple, newInstance, tupleNews } from "./classes.js";
import { toArray } from "./iteration.js";
import { newTupleOfClass } from "./tuples.js";
import { bindBuiltinCall } from "./argumentBinding.js";
import { callBound, dunderUnsupported, lookupDunder, setDunderCaller } from "./userDunders.js";
import { nativeSlots } from "./nativeObjects.js";
import { typeNew } from "./typeNew.js";

/** What a builtin call costs beyond its node, in counted steps (a step is about one cheap node's work). */
const BUILTIN_CALL_STEPS = 1;

export const emptyKwargs: Kwargs = { values: new Map(), keys: new Map() };

export function callObject(f: PyObj, args: readonly PyObj[], kwargs: Kwargs = emptyKwargs): PyObj {
  switch (f.t) {
    case "builtin": {
      // A builtin call does real work beyond its node's step (argument binding, a new object): counted as several.
      ctx().tick(BUILTIN_CALL_STEPS);
      const call = bindBuiltinCall(f, args, kwargs);
      return f.fn(call.args, call.kwargs);
    }
    case "function":
      return f.call(args, kwargs);
    case "type": {
      if (f.call === null) throw typeError(`cannot create '${f.name}' instances`);
      const r = f.call(args, kwargs);
      // int(x), str(x), tuple(x) … of a subclass's object: a new object of the exact type (long_long, unicode_str …).
      return r === args[0] ? exactResult(r, r) : r;
    }
    case "class": {
      const meta = classHooks(f)?.call;
      if (meta !== undefined) return meta(f, args, kwargs);
      // A setup metaclass's own __call__ (slot_tp_call on type(cls)), bound to the class.
      const own = f.meta === undefined ? undefined : lookupDunder(f, "__call__");
      if (own !== undefined) {
        if (own.t === "function") return own.call([f, ...args], kwargs);
        if (kwargs.values.size > 0) throw dunderUnsupported(f.meta as PyClassObj, "__call__");
        return callBound(own, f, args);
      }
      return instantiate(f, args, kwargs);
    }
    case "method":
      return callObject(f.func, [f.self, ...args], kwargs);
    case "instance":
    case "tuple": {
      // slot_tp_call: the class's __call__, bound to the instance.
      const call = lookupDunder(f, "__call__");
      if (call === undefined) throw typeError(`'${typeName(f)}' object is not callable`);
      if (kwargs.values.size === 0) return callBound(call, f, args);
      if (call.t !== "function") throw typeError(`'${typeName(call)}' object is not callable`);
      return call.call([f, ...args], kwargs);
    }
    case "opaque": {
      const call = nativeSlots(f)?.call;
      if (call === undefined) throw typeError(`'${typeName(f)}' object is not callable`);
      return call(args, kwargs);
    }
    default:
      throw typeError(`'${typeName(f)}' object is not callable`);
  }
}

setDunderCaller((f, args, kw) => callObject(f, args, kw));

/** Calling a class: object.__new__ then __init__ (or the tuple constructor of a namedtuple). */
export function instantiate(cls: PyClassObj, args: readonly PyObj[], kw: Kwargs): PyObj {
  if (cls.builtinBase === "tuple") {
    // A tuple subclass's own __new__ (reaching tuple.__new__ through super()), then its __init__ on what it made.
    const nw = lookupClassAttr(cls, "__new__");
    if (nw !== undefined && !tupleNews.has(nw)) return instantiateOwnNew(cls, nw, args, kw);
    if (cls.tupleFields !== null) return makeNamedTuple(cls, args, kw);
    // tuple.__new__(cls, iterable): a tuple subclass instance of exact length.
    const items = args[0] === undefined ? [] : toArray(args[0]);
    return newTupleOfClass(items, cls);
  }
  const base = subclassBase(cls);
  if (base !== null) return instantiateSubclass(cls, base, args, kw);
  if (cls.isMeta === true) return instantiateMetaclass(cls, args, kw);
  // type_call: __new__ (an implicit staticmethod) makes the object; __init__ runs only on an instance of cls.
  const nw = lookupClassAttr(cls, "__new__");
  const made = nw === undefined ? null : callObject(nw.t === "opaque" && nw.typeName === "staticmethod" ? (nw.data as PyObj) : nw, [cls, ...args], kw);
  if (made !== null && !isInstanceOf(made, cls)) return made;
  const inst = made ?? newInstance(cls);
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

/**
 * type_call over a tuple subclass with its own __new__ (slot_tp_new): it makes the object
 * (through super().__new__, tuple.__new__ or another class); __init__ runs only on an
 * instance of cls, and without one object_init accepts the arguments (tp_new is not object_new).
 */
function instantiateOwnNew(cls: PyClassObj, nw: PyObj, args: readonly PyObj[], kw: Kwargs): PyObj {
  const made = callObject(nw.t === "opaque" && nw.typeName === "staticmethod" ? (nw.data as PyObj) : nw, [cls, ...args], kw);
  if (!isInstanceOf(made, cls)) return made;
  const init = lookupClassAttr(cls, "__init__");
  if (init === undefined) return made;
  const r = callObject(init, [made, ...args], kw);
  if (r.t !== "NoneType") throw typeError(`__init__() should return None, not '${typeName(r)}'`);
  return made;
}

/** type_call over a setup metaclass: its __new__ or type.__new__ makes a class, its __init__ (or type's) runs on it. */
function instantiateMetaclass(mcs: PyClassObj, args: readonly PyObj[], kw: Kwargs): PyObj {
  const nw = lookupClassAttr(mcs, "__new__");
  const made = nw === undefined ? typeNew(mcs, args, kw) : callObject(nw.t === "opaque" && nw.typeName === "staticmethod" ? (nw.data as PyObj) : nw, [mcs, ...args], kw);
  if (!isInstanceOf(made, mcs)) return made;
  const init = lookupClassAttr(mcs, "__init__");
  if (init === undefined) return made;
  const r = callObject(init, [made, ...args], kw);
  if (r.t !== "NoneType") throw typeError(`__init__() should return None, not '${typeName(r)}'`);
  return made;
}

/** type_call over a subclass of list, dict, str …: its __new__ or the builtin's, then its __init__ or the builtin's. */
function instantiateSubclass(cls: PyClassObj, base: SubclassableBuiltin, args: readonly PyObj[], kw: Kwargs): PyObj {
  const nw = lookupClassAttr(cls, "__new__");
  const made = nw === undefined ? builtinNew(cls, base, args, kw) : callObject(nw.t === "opaque" && nw.typeName === "staticmethod" ? (nw.data as PyObj) : nw, [cls, ...args], kw);
  if (!isInstanceOf(made, cls)) return made;
  const init = lookupClassAttr(cls, "__init__");
  if (init === undefined) {
    builtinInit(made, args, kw);
    return made;
  }
  const r = callObject(init, [made, ...args], kw);
  if (r.t !== "NoneType") throw typeError(`__init__() should return None, not '${typeName(r)}'`);
  return made;
}

/** Refuse keyword arguments a builtin does not take, with CPython's message. */
export function noKwargs(name: string, kwargs: Kwargs): void {
  if (kwargs.values.size > 0) throw typeError(`${name}() takes no keyword arguments`);
}

export function argCount(name: string, args: readonly PyObj[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    if (min === max) {
      throw typeError(`${name}() takes exactly ${min === 1 ? "one argument" : `${min} arguments`} (${args.length} given)`);
    }
    if (args.length < min) throw typeError(`${name} expected at least ${min} argument${min === 1 ? "" : "s"}, got ${args.length}`);
    throw typeError(`${name} expected at most ${max} argument${max === 1 ? "" : "s"}, got ${args.length}`);
  }
}
