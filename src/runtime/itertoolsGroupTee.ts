// itertools.groupby and tee (Modules/itertoolsmodule.c): iterators that share
// one input. A groupby hands out (key, _grouper) pairs whose _grouper reads
// the parent's input, and only while it is the parent's current group (a
// grouper of an earlier group is empty: currgrouper). tee objects read one
// shared buffer (teedataobject links): each value taken from the input once,
// the same object for every tee.
import { callObject } from "./calls.js";
import { pyEq } from "./compare.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError, typeError, valueError } from "./errors.js";
import { getIter } from "./iteration.js";
import { bindArgs, exactArgs, itertoolsIter, ssizeArg } from "./itertoolsArgs.js";
import type { Kwargs, PyIterObj, PyObj } from "./objects.js";
import { emptyTuple, newTuple, tuple2 } from "./tuples.js";
import { isUserObj, lookupDunder } from "./userDunders.js";

/** PyObject_RichCompareBool(a, b, Py_EQ): the same object is equal to itself, NaN too. */
function eq(a: PyObj, b: PyObj): boolean {
  return a === b || pyEq(a, b);
}

/** groupby(iterable, key=None): groupby_next, groupby_step and _grouper_next, line for line. */
export function groupbyCall(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  const [iterable, key] = bindArgs("groupby", [{ name: "iterable", kind: "A", required: true }, { name: "key", kind: "A" }], args, kw) as [PyObj, PyObj | undefined];
  const keyfunc = key === undefined || key.t === "NoneType" ? null : key;
  const it = getIter(iterable);
  let tgtkey: PyObj | null = null;
  let currkey: PyObj | null = null;
  let currvalue: PyObj | null = null;
  let currgrouper: PyIterObj | null = null;
  const step = (): boolean => {
    const newvalue = it.next();
    if (newvalue === undefined) return false;
    const newkey = keyfunc === null ? newvalue : callObject(keyfunc, [newvalue]);
    currvalue = newvalue;
    currkey = newkey;
    return true;
  };
  const grouper = (target: PyObj): PyIterObj => {
    const g: PyIterObj = itertoolsIter("_grouper", () => {
      if (currgrouper !== g) return undefined;
      if (currvalue === null && !step()) return undefined;
      if (!eq(target, currkey as PyObj)) return undefined;
      const r = currvalue as PyObj;
      currvalue = null;
      currkey = null;
      return r;
    });
    return g;
  };
  return itertoolsIter("groupby", () => {
    currgrouper = null;
    // Skip to the next group: past the items whose key equals the current target.
    for (;;) {
      if (currkey !== null) {
        if (tgtkey === null || !eq(tgtkey, currkey)) break;
      }
      if (!step()) return undefined;
      ctx().tick();
    }
    tgtkey = currkey as PyObj;
    const g = grouper(tgtkey);
    currgrouper = g;
    return tuple2(tgtkey, g);
  });
}

/** A tee's shared input and what it has given so far (the teedataobject chain, as one array). */
interface TeeData {
  readonly it: PyIterObj;
  readonly values: PyObj[];
  running: boolean;
}

/** The tee objects pymem made, with their buffers (tee() of a tee copies it). */
const tees = new WeakMap<PyObj, { readonly data: TeeData; index: number }>();

function newTee(data: TeeData, index: number): PyIterObj {
  const state = { data, index };
  const t = itertoolsIter("_tee", () => {
    const d = state.data;
    if (state.index < d.values.length) return d.values[state.index++];
    // teedataobject_getitem: the lead tee takes the next value from the input.
    if (d.running) throw new PyException("RuntimeError", "cannot re-enter the tee iterator");
    d.running = true;
    let value: PyObj | undefined;
    try {
      value = d.it.next();
    } finally {
      d.running = false;
    }
    if (value === undefined) return undefined;
    d.values.push(value);
    state.index++;
    return value;
  });
  tees.set(t, state);
  return t;
}

/** tee_copy: a new tee at the same place in the same buffer. */
function teeCopy(t: PyObj): PyIterObj {
  const s = tees.get(t);
  if (s === undefined) throw new PymemError("UNSUPPORTED", "copying this iterator");
  return newTee(s.data, s.index);
}

/** _tee(iterable), tee_fromiterable: a copy of a tee, or a new tee over the iterable's iterator. */
export function teeTypeCall(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  exactArgs("_tee", 1, args, kw);
  const it = getIter(args[0] as PyObj);
  return tees.has(it) ? teeCopy(it) : newTee({ it, values: [], running: false }, 0);
}

/** tee(iterable, n=2): an input that is a tee already is the first result itself, the others its copies. */
export function teeCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  if (kw.values.size > 0) throw typeError("tee() takes no keyword arguments");
  if (args.length < 1) throw typeError(`tee expected at least 1 argument, got ${args.length}`);
  if (args.length > 2) throw typeError(`tee expected at most 2 arguments, got ${args.length}`);
  const n = args[1] === undefined ? 2 : ssizeArg(args[1]);
  if (n < 0) throw valueError("n must be >= 0");
  if (n === 0) return emptyTuple;
  const iterable = args[0] as PyObj;
  // An iterator with a __copy__ of its own is copied by it (tee uses any __copy__): not modelled.
  if (isUserObj(iterable) && lookupDunder(iterable, "__copy__") !== undefined) throw new PymemError("UNSUPPORTED", "tee() of an object with its own __copy__");
  const it = getIter(iterable);
  const first = tees.has(it) ? it : newTee({ it, values: [], running: false }, 0);
  ctx().tick(n);
  const out: PyObj[] = [first];
  for (let i = 1; i < n; i++) out.push(teeCopy(first));
  return newTuple(out);
}
