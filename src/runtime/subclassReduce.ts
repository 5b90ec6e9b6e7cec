// copy.copy and copy.deepcopy of an object of a str, int, float, bytes,
// tuple, set, frozenset, bytearray, deque or OrderedDict subclass: no __copy__ on the class
// (deque's own is copy.copy's, collectionSubCopy), so copy.py asks
// __reduce_ex__(4) and hands the answer to _reconstruct.
// - str, int, float, bytes, tuple have __getnewargs__ (a plain copy of the
//   value): object.__reduce_ex__ gives (copyreg.__newobj__, (cls, plain),
//   state), so y = cls.__new__(cls, plain) — the class's own __new__ when it
//   has one, never __init__ — and the state is object.__getstate__'s.
// - set and frozenset (set_reduce), bytearray (_common_reduce) and deque
//   (deque_reduce) have their own reduction: y = cls(list(x)), cls(bytes(x))
//   or cls() / cls((), maxlen) — a type call, __init__ included — then the
//   state, then (deque) y.append(item) for each item. Their state is the
//   instance dict read as an attribute before 3.11 (rule reduceStateFromGetstate).
// deepcopy copies the arguments first, memoizes y, then copies the state.
import type { CopyMemo } from "./copyMemo.js";
import { callObject, emptyKwargs } from "./calls.js";
import { lookupClassAttr, makeNamedTuple } from "./classes.js";
import { ctx } from "./ctx.js";
import { getAttr } from "./attributes.js";
import { listFrom } from "./lists.js";
import { None, pyBytes, pyInt, type PyClassObj, type PyInstanceObj, type PyObj, type PyTupleObj } from "./objects.js";
import { instanceState, refuseClassHooks, refuseHooks, setReducedItems, setReducedState, type ReducedState } from "./reduceState.js";
import { materialize } from "./seq.js";
import { objectLen } from "./iteration.js";
import { builtinNew } from "./subclassConstruct.js";
import { exactResult, subclassBase } from "./builtinSubclass.js";
import { bytesData } from "./text.js";
import { newTuple, newTupleOfClass } from "./tuples.js";

type DeepCopy = (o: PyObj, memo: CopyMemo) => PyObj;
type Memo = CopyMemo | null;

/** The bases whose __getnewargs__ gives the plain value (object.__reduce_ex__'s reduce_newobj). */
const NEWARGS: ReadonlySet<string> = new Set(["str", "int", "float", "bytes"]);


/**
 * Copy `x` (an object of a builtin subclass, `sub` its instance part) as copy.py does through
 * __reduce_ex__(4), or null when its base is not one this module copies.
 */
export function copyByReduce(x: PyObj, sub: PyInstanceObj, memo: Memo, deepcopy: DeepCopy): PyObj | null {
  const base = subclassBase(sub.cls);
  if (base === null) return null;
  if (NEWARGS.has(base)) {
    refuseHooks(sub);
    // reduce_newobj reads the state before _reconstruct makes anything.
    const state = instanceState(sub);
    const plain = exactResult(x, x);
    const arg = memo === null ? plain : deepcopy(plain, memo);
    const nw = lookupClassAttr(sub.cls, "__new__");
    const y = nw === undefined ? builtinNew(sub.cls, base, [arg], emptyKwargs) : callObject(staticTarget(nw), [sub.cls, arg], emptyKwargs);
    return reconstructed(x, y, state, memo, deepcopy);
  }
  if (x.t === "dict" && x.flavor?.name === "OrderedDict") return copyOrderedDict(x, sub, memo, deepcopy);
  if (x.t !== "set" && x.t !== "frozenset" && x.t !== "bytearray" && !(x.t === "deque" && memo !== null)) return null;
  refuseHooks(sub);
  const state = ownReduceState(x, sub);
  let args: PyObj[];
  if (x.t === "set" || x.t === "frozenset") {
    const keys = listFrom(x);
    args = [memo === null ? keys : deepcopy(keys, memo)];
  } else if (x.t === "bytearray") {
    args = x.length === 0 ? [] : [pyBytes(bytesData(x).slice())];
  } else if (x.t === "deque") {
    args = x.maxlen === null ? [] : [newTuple([]), pyInt(x.maxlen)];
  } else return null;
  const items = x.t === "deque" ? [...x.items] : null;
  const y = reconstructed(x, callObject(sub.cls, args, emptyKwargs), state, memo, deepcopy);
  if (items !== null) {
    const append = getAttr(y, "append");
    for (const item of items) callObject(append, [memo === null ? item : deepcopy(item, memo)], emptyKwargs);
  }
  return y;
}

/**
 * odict_reduce: (type(od), (), state, None, iter(od.items())). The state is object.__getstate__'s
 * from 3.11; before, getattr(od, '__dict__') (made on the object when it had none), None when
 * empty, no slots. _reconstruct calls the class with no arguments (its __init__ runs), stores the
 * state, then y[key] = value for each pair in the OrderedDict's order, through the class's own
 * __setitem__, each pair deep-copied first for deepcopy.
 */
function copyOrderedDict(x: PyObj & { t: "dict" }, sub: PyInstanceObj, memo: Memo, deepcopy: DeepCopy): PyObj {
  refuseHooks(sub);
  refuseClassHooks(sub.cls, ["items"]);
  const own = ownReduceState(x, sub);
  // Before 3.11 odict_reduce drops an empty __dict__ (after getattr made it).
  const state = !ctx().layout.rules.reduceStateFromGetstate && objectLen(own.dict) === 0 ? { dict: None, slots: [] } : own;
  const pairs = [...x.table.map.values()];
  const y = reconstructed(x, callObject(sub.cls, [], emptyKwargs), state, memo, deepcopy);
  setReducedItems(y, pairs, memo, deepcopy);
  return y;
}

/**
 * An object of a tuple subclass (its class on the tuple, no slots): tuple.__getnewargs__ gives
 * (tuple(self),), a namedtuple's own __getnewargs__ the items, and copyreg.__newobj__ calls
 * cls.__new__ with them; the state is its dict while it holds anything.
 */
export function copyTupleByReduce(x: PyTupleObj, cls: PyClassObj, memo: Memo, deepcopy: DeepCopy): PyObj {
  refuseClassHooks(cls, TUPLE_HOOKS);
  const dict = x.dict;
  const state: ReducedState = { dict: dict !== undefined && dict !== null && dict.table.used > 0 ? dict : None, slots: [] };
  const items = materialize(x.items);
  let y: PyObj;
  if (cls.tupleFields !== null) {
    const args = memo === null ? items : items.map((a) => deepcopy(a, memo));
    const nw = lookupClassAttr(cls, "__new__");
    y = nw === undefined ? makeNamedTuple(cls, args, emptyKwargs) : callObject(staticTarget(nw), [cls, ...args], emptyKwargs);
  } else {
    const plain = newTuple(items);
    const arg = memo === null ? plain : deepcopy(plain, memo);
    const nw = lookupClassAttr(cls, "__new__");
    y = nw === undefined ? newTupleOfClass(materialize((arg as PyTupleObj).items), cls) : callObject(staticTarget(nw), [cls, arg], emptyKwargs);
  }
  return reconstructed(x, y, state, memo, deepcopy);
}

/** Hooks that would take a tuple subclass's copy another way (a namedtuple's generated __getnewargs__ is the path above). */
const TUPLE_HOOKS = ["__copy__", "__deepcopy__", "__reduce__", "__reduce_ex__", "__getstate__", "__setstate__", "__getnewargs_ex__"];

/** A __new__ found on a class: the function a staticmethod wraps. */
function staticTarget(nw: PyObj): PyObj {
  return nw.t === "opaque" && nw.typeName === "staticmethod" ? (nw.data as PyObj) : nw;
}

/**
 * set_reduce's, _common_reduce's and deque_reduce's state: object.__getstate__'s from 3.11; before,
 * getattr(x, '__dict__') — made on the object when it had none — and no slots.
 */
function ownReduceState(x: PyObj, sub: PyInstanceObj): ReducedState {
  if (ctx().layout.rules.reduceStateFromGetstate) return instanceState(sub);
  return { dict: sub.cls.hasDict ? getAttr(x, "__dict__") : None, slots: [] };
}

/** The rest of _reconstruct once y is made: memoized (deepcopy), then the state. */
function reconstructed(x: PyObj, y: PyObj, state: ReducedState, memo: Memo, deepcopy: DeepCopy): PyObj {
  if (memo !== null) memo.set(x, y);
  setReducedState(y, state, memo, deepcopy);
  return y;
}
