// functools.partial (Modules/_functoolsmodule.c): partial_new flattens a
// partial of a partial that has no __dict__ (its args first, its keywords
// copied then merged with the new ones), keeps the call's keyword dict
// itself (PyDict_New when there is none), and partial_call puts the stored
// arguments before the call's and lets the call's keywords override.
import { callObject } from "./calls.js";
import { dictCopy, dictMerge, dictSet, newDict } from "./dicts.js";
import { PymemError, typeError } from "./errors.js";
import { nativeObject, nativeSlots } from "./nativeObjects.js";
import { pyStr, type Kwargs, type PyDictObj, type PyObj, type PyStrObj, type PyTupleObj } from "./objects.js";
import { binaryOp } from "./ops.js";
import { repr } from "./repr.js";
import { materialize } from "./seq.js";
import { strText } from "./text.js";
import { newTuple } from "./tuples.js";
import { isCallableObj } from "./callable.js";

interface PartialState {
  readonly fn: PyObj;
  readonly args: PyTupleObj;
  readonly kw: PyDictObj;
}

const states = new WeakMap<object, PartialState>();

/** The state of a partial object, or null for any other object. */
export function partialState(o: PyObj): PartialState | null {
  return states.get(o) ?? null;
}

/** A keyword dict as the call machinery builds it: PyDict_New, then each keyword set in order. */
export function kwargsDict(kw: Kwargs): PyDictObj {
  const d = newDict();
  for (const [k, v] of kw.values) dictSet(d, kw.keys.get(k) ?? (pyStr(k) as PyStrObj), v);
  return d;
}

/** partial_new. */
export function partialCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  if (args.length < 1) throw typeError("type 'partial' takes at least one argument");
  // _PyStack_AsDict presizes a dict for more than five keywords, which pymem does not lay out here.
  if (kw.values.size > 5) throw new PymemError("UNSUPPORTED", "functools.partial with more than five keyword arguments");
  let fn = args[0] as PyObj;
  let pargs: PyTupleObj | null = null;
  let pkw: PyDictObj | null = null;
  const inner = partialState(fn);
  if (inner !== null) {
    pargs = inner.args;
    pkw = inner.kw;
    fn = inner.fn;
  }
  if (!isCallableObj(fn)) throw typeError("the first argument must be callable");
  const nargs = newTuple(args.slice(1));
  const allArgs = pargs === null ? nargs : (binaryOp("Add", pargs, nargs) as PyTupleObj);
  let kwDict: PyDictObj;
  if (pkw === null || pkw.table.used === 0) {
    kwDict = kw.values.size === 0 ? newDict() : kwargsDict(kw);
  } else {
    kwDict = dictCopy(pkw);
    if (kw.values.size > 0) dictMerge(kwDict, kwargsDict(kw), true);
  }
  return makePartial({ fn, args: allArgs, kw: kwDict });
}

function makePartial(state: PartialState): PyObj {
  const o = nativeObject("partial", {
    call: (args, kw) => {
      const stored = materialize(state.args.items);
      const values = new Map<string, PyObj>();
      const keys = new Map<string, PyStrObj>();
      for (const e of state.kw.table.map.values()) {
        const k = strText(e.key as PyStrObj);
        values.set(k, e.value);
        keys.set(k, e.key as PyStrObj);
      }
      for (const [k, v] of kw.values) {
        values.set(k, v);
        const key = kw.keys.get(k);
        if (key !== undefined && !keys.has(k)) keys.set(k, key);
      }
      return callObject(state.fn, [...stored, ...args], { values, keys });
    },
    attr: (name) => {
      if (name === "func") return state.fn;
      if (name === "args") return state.args;
      if (name === "keywords") return state.kw;
      if (name === "__dict__") throw new PymemError("UNSUPPORTED", "the __dict__ of a functools.partial");
      return undefined;
    },
    repr: () => {
      const parts = materialize(state.args.items).map((a) => `, ${repr(a)}`);
      for (const e of state.kw.table.map.values()) parts.push(`, ${strText(e.key as PyStrObj)}=${repr(e.value)}`);
      return `functools.partial(${repr(state.fn)}${parts.join("")})`;
    },
    hasDict: true,
  });
  states.set(o, state);
  return o;
}

/** Whether `o` is a functools.partial object. */
export function isPartial(o: PyObj): boolean {
  return nativeSlots(o) !== null && states.has(o);
}
