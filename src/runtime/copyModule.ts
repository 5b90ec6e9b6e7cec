// The copy module (Lib/copy.py), step by step as it runs: copy() through the
// types' own copy methods (list.copy, dict.copy, set.copy, bytearray.copy),
// immutable objects returned as they are; deepcopy() with its memo: lists
// appended to, dicts inserted into, tuples rebuilt only when an item changed,
// sets and frozensets rebuilt from a copied list, and instances of setup
// classes reconstructed as object.__reduce_ex__(4) and _reconstruct do it —
// cls.__new__(cls), then the state (the instance __dict__, deep-copied for
// deepcopy, and the filled slots) stored with y.__dict__.update(state) and
// setattr. Reading the state is what CPython does too: from 3.11 it makes the
// source's __dict__ object when it held values without one.
import { DictMemo, memoOf, type CopyMemo } from "./copyMemo.js";
import { callObject, emptyKwargs } from "./calls.js";
import { lookupClassAttr, newInstance } from "./classes.js";
import { ctx } from "./ctx.js";
import { PymemError } from "./errors.js";
import { dictSet, newDict } from "./dicts.js";
import { exceptionState } from "./exceptions.js";
import { toArray } from "./iteration.js";
import { typeObject } from "./typeObjects.js";
import { listAppend, newEmptyList } from "./lists.js";
import { getBuiltinAttr } from "./methods.js";
import { builtinFunction as fn, pyBytes, subOf, typeName, type PyInstanceObj, type PyObj } from "./objects.js";
import { materialize } from "./seq.js";
import { bytesData } from "./text.js";
import { newTuple } from "./tuples.js";
import { callBound, callDunder, lookupDunder } from "./userDunders.js";
import { isKnownStateHook } from "./stateHooks.js";
import type { Layout } from "../layouts/layout.js";
import { instanceState, refuseClassHooks, refuseHooks, setReducedState } from "./reduceState.js";
import { collectionSubCopy, copiesByReduce, copySubclassObject } from "./subclassCopy.js";
import { copyByReduce, copyTupleByReduce } from "./subclassReduce.js";

/** Types copy() and deepcopy() return as they are (_copy_immutable, _deepcopy_atomic). */
const ATOMIC = new Set(["NoneType", "ellipsis", "NotImplementedType", "int", "float", "bool", "complex", "bytes", "str", "range", "type", "class", "builtin", "function", "property", "Decimal"]);

function isAtomic(x: PyObj): boolean {
  if (x.t === "opaque") return x.typeName === "property";
  return ATOMIC.has(x.t);
}

/**
 * Classes whose __copy__ and __deepcopy__ return the object itself (fractions.Fraction: immutable;
 * an enum's members: Enum.__copy__/__deepcopy__ from 3.11, before that __reduce_ex__'s
 * (cls, (value,)) calls the class back to the member).
 */
const selfCopying = new WeakSet<object>();
const enumMembers = new WeakSet<object>();

export function registerSelfCopying(cls: object, isEnum = false): void {
  selfCopying.add(cls);
  if (isEnum) enumMembers.add(cls);
}

/**
 * Classes of C types whose __reduce_ex__(4) rebuilds an equal object from plain arguments
 * (datetime's date, time, datetime, timedelta: (cls, (bytes state,)) or (cls, (days, seconds, us))):
 * copy() and deepcopy() both make a new object of the same value through _reconstruct.
 */
const reduceCopiers = new WeakMap<object, (x: PyInstanceObj) => PyObj>();

export function registerReduceCopier(cls: object, copier: (x: PyInstanceObj) => PyObj): void {
  reduceCopiers.set(cls, copier);
}

/** copyreg.__newobj__(cls): cls.__new__(cls), a setup class's own __new__ included. */
function newObject(x: PyInstanceObj): PyInstanceObj {
  const nw = lookupClassAttr(x.cls, "__new__");
  if (nw === undefined) return newInstance(x.cls);
  const f = nw.t === "opaque" && nw.typeName === "staticmethod" ? (nw.data as PyObj) : nw;
  const y = callObject(f, [x.cls], emptyKwargs);
  if (y.t !== "instance") throw new PymemError("UNSUPPORTED", `copying a ${x.cls.name} whose __new__ returns a '${typeName(y)}'`);
  return y;
}

/** _reconstruct(x, memo, copyreg.__newobj__, (cls,), state) for an instance of a setup class. */
function reconstruct(x: PyInstanceObj, memo: CopyMemo | null): PyObj {
  const copier = reduceCopiers.get(x.cls);
  if (copier !== undefined) {
    const y = copier(x);
    if (memo !== null) memo.set(x, y);
    return y;
  }
  const getstate = lookupClassAttr(x.cls, "__getstate__");
  const setstate = lookupClassAttr(x.cls, "__setstate__");
  if (isKnownStateHook(getstate) && isKnownStateHook(setstate)) {
    // reduce_newobj's state is __getstate__(); _reconstruct deep-copies it for deepcopy and hands it to __setstate__.
    refuseClassHooks(x.cls, ["__reduce__", "__reduce_ex__", "__getnewargs__", "__getnewargs_ex__", "__getattr__", "__getattribute__"]);
    const y = newObject(x);
    if (memo !== null) memo.set(x, y);
    let state = callBound(getstate as PyObj, x, []);
    if (memo !== null) state = deepcopy(state, memo);
    callBound(setstate as PyObj, y, [state]);
    return y;
  }
  refuseHooks(x);
  if (x.cls.static === true || x.cls.stdlib === true || exceptionState(x) !== undefined) {
    throw new PymemError("UNSUPPORTED", `copying a ${x.cls.name} (an exception: BaseException's own reduction)`);
  }
  if (x.cls.builtinBase !== "object") throw new PymemError("UNSUPPORTED", `copying an instance of a ${x.cls.builtinBase} subclass`);
  const { dict, slots } = instanceState(x);
  const y = newObject(x);
  if (memo !== null) memo.set(x, y);
  setReducedState(y, { dict, slots }, memo, deepcopy);
  return y;
}

/** copy.copy(x). */
export function shallowCopy(x: PyObj): PyObj {
  if (selfCopying.has(subOf(x)?.cls ?? x)) return x;
  if (x.t === "instance" && selfCopying.has(x.cls)) return x;
  const sub = subOf(x);
  if (sub !== undefined && copiesByReduce(x)) return copySubclassObject(x, sub, null, deepcopy);
  // deque.__copy__ (deque_copy), found on the class before any reduction.
  if (sub !== undefined && x.t === "deque" && lookupClassAttr(sub.cls, "__copy__") === undefined && lookupClassAttr(sub.cls, "__reduce_ex__") === undefined) return collectionSubCopy(x);
  if (sub !== undefined && lookupClassAttr(sub.cls, "__copy__") === undefined) {
    const y = copyByReduce(x, sub, null, deepcopy);
    if (y !== null) return y;
  }
  if (x.t === "tuple" && x.cls !== undefined && lookupClassAttr(x.cls, "__copy__") === undefined) return copyTupleByReduce(x, x.cls, null, deepcopy);
  refuseSubclassObject(x);
  if (isAtomic(x) || x.t === "frozenset" || (x.t === "tuple" && x.cls === undefined)) return x;
  if (x.t === "instance") {
    const own = lookupDunder(x, "__copy__");
    if (own !== undefined) return callDunder(x, "__copy__") as PyObj;
    return reconstruct(x, null);
  }
  if (x.t === "list" || x.t === "dict" || x.t === "set" || x.t === "bytearray") {
    if (x.t === "dict" && x.flavor !== undefined) throw new PymemError("UNSUPPORTED", `copy.copy of a ${x.flavor.name}`);
    return callObject(getBuiltinAttr(x, "copy"), [], emptyKwargs);
  }
  throw new PymemError("UNSUPPORTED", `copy.copy of a '${typeName(x)}'`);
}

/** copy.deepcopy(x, memo). */
/** A builtin subclass's object goes through __reduce_ex__(4) and _reconstruct with its items (listitems, dictitems): not modelled. */
function refuseSubclassObject(x: PyObj): void {
  if (subOf(x) !== undefined) throw new PymemError("UNSUPPORTED", `copying an object of ${typeName(x)} (a ${x.t} subclass: copyreg's __reduce_ex__ path)`);
}

/**
 * copy.deepcopy(x, memo): the memo's copy when it has one; else the copier's,
 * memoized and its original kept alive in the memo when it is another object.
 */
export function deepcopy(x: PyObj, memo: CopyMemo): PyObj {
  const seen = memo.get(x);
  if (seen !== undefined) return seen;
  const y = copyOnce(x, memo);
  if (y !== x) {
    memo.set(x, y);
    if (memo instanceof DictMemo) memo.keepAlive(x);
  }
  return y;
}

function copyOnce(x: PyObj, memo: CopyMemo): PyObj {
  const subCls = subOf(x)?.cls;
  if (selfCopying.has(subCls ?? x)) {
    if (subCls !== undefined && enumMembers.has(subCls) && !ctx().layout.rules.enumDeepcopySelf) memo.set(x, x);
    return x;
  }
  const sub = subOf(x);
  if (sub !== undefined && copiesByReduce(x)) {
    ctx().tick();
    return copySubclassObject(x, sub, memo, deepcopy);
  }
  if (sub !== undefined && lookupClassAttr(sub.cls, "__deepcopy__") === undefined) {
    ctx().tick();
    const y = copyByReduce(x, sub, memo, deepcopy);
    if (y !== null) return y;
  }
  if (x.t === "tuple" && x.cls !== undefined && lookupClassAttr(x.cls, "__deepcopy__") === undefined) {
    ctx().tick();
    return copyTupleByReduce(x, x.cls, memo, deepcopy);
  }
  refuseSubclassObject(x);
  ctx().tick();
  let y: PyObj;
  if (isAtomic(x)) return x;
  switch (x.t) {
    case "list": {
      const out = newEmptyList();
      memo.set(x, out);
      for (const a of materialize(x.items)) listAppend(out, deepcopy(a, memo));
      return out;
    }
    case "tuple": {
      if (x.cls !== undefined) throw new PymemError("UNSUPPORTED", `copy.deepcopy of a ${x.cls.name} (a tuple subclass)`);
      const items = materialize(x.items);
      const copied = items.map((a) => deepcopy(a, memo));
      // A tuple reached again while its items were copied is that copy.
      const again = memo.get(x);
      if (again !== undefined) return again;
      y = copied.every((c, i) => c === items[i]) ? x : newTuple(copied);
      break;
    }
    case "dict": {
      if (x.flavor !== undefined) throw new PymemError("UNSUPPORTED", `copy.deepcopy of a ${x.flavor.name}`);
      const out = newDict();
      memo.set(x, out);
      for (const e of [...x.table.map.values()]) dictSet(out, deepcopy(e.key, memo), deepcopy(e.value, memo));
      return out;
    }
    case "set":
    case "frozenset": {
      // set.__reduce__: (type, (list(self),)); _reconstruct deep-copies the args, then calls type(copied_list).
      const copied = newEmptyList();
      for (const a of toArray(x)) listAppend(copied, deepcopy(a, memo));
      y = callObject(typeObject(x.t), [copied], emptyKwargs);
      break;
    }
    case "bytearray": {
      // bytearray.__reduce_ex__(4): (bytearray, (bytes(self),)) — or no arguments when empty.
      const data = bytesData(x);
      y = callObject(typeObject("bytearray"), data.length > 0 ? [pyBytes(data.slice())] : [], emptyKwargs);
      break;
    }
    case "instance": {
      // Fraction.__deepcopy__: the object itself, and deepcopy keeps no memo entry for it. An enum member
      // before 3.11 goes through (cls, (value,)): _reconstruct memoizes the member as its own copy.
      if (selfCopying.has(x.cls)) {
        if (enumMembers.has(x.cls) && !ctx().layout.rules.enumDeepcopySelf) memo.set(x, x);
        return x;
      }
      const own = lookupDunder(x, "__deepcopy__");
      if (own !== undefined) y = callDunder(x, "__deepcopy__", [memoDict(memo)]) as PyObj;
      else return reconstruct(x, memo);
      break;
    }
    default:
      throw new PymemError("UNSUPPORTED", `copy.deepcopy of a '${typeName(x)}'`);
  }
  return y;
}

/** The memo handed to a class's own __deepcopy__: the dict itself. */
function memoDict(memo: CopyMemo): PyObj {
  if (memo instanceof DictMemo) return memo.dict;
  throw new PymemError("UNSUPPORTED", "a class's own __deepcopy__ under a memo that is not a dict");
}


/** The copy module's attributes. */
export function copyModuleAttrs(_layout: Layout): [string, PyObj][] {
  return [
    ["copy", fn("copy", ([x]) => shallowCopy(x as PyObj))],
    ["deepcopy", fn("deepcopy", ([x, memo]) => {
      // deepcopy(x, memo=None): memo = {} when none is given.
      return deepcopy(x as PyObj, memo !== undefined && memo.t !== "NoneType" ? memoOf(memo) : new DictMemo(newDict()));
    })],
  ];
}
