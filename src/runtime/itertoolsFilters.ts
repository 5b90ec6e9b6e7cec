// itertools.accumulate, chain, compress, dropwhile, filterfalse, islice,
// starmap and takewhile (Modules/itertoolsmodule.c): each hands out the items
// of its input (or its function's results) as they are, and takes from its
// input exactly as many items as the C code does, so an iterator shared with
// the rest of the expression is left where CPython leaves it.
import { callObject } from "./calls.js";
import { truthy } from "./compare.js";
import { ctx } from "./ctx.js";
import { typeError, valueError } from "./errors.js";
import { getIter, toArray } from "./iteration.js";
import { bindArgs, exactArgs, itertoolsIter, ssizeOrNull } from "./itertoolsArgs.js";
import { None, type Kwargs, type PyIterObj, type PyObj } from "./objects.js";
import { binaryOp } from "./ops.js";
import { materialize } from "./seq.js";

/** accumulate(iterable, func=None, *, initial=None): the first item (or initial) itself, then func's or +'s results. */
export function accumulateCall(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  const [iterable, func, init] = bindArgs("accumulate", [
    { name: "iterable", kind: "A", required: true },
    { name: "func", kind: "A" },
    { name: "initial", kind: "K" },
  ], args, kw) as [PyObj, PyObj | undefined, PyObj | undefined];
  const it = getIter(iterable);
  const binop = func === undefined || func.t === "NoneType" ? null : func;
  let initial: PyObj = init ?? None;
  let total: PyObj | null = null;
  return itertoolsIter("accumulate", () => {
    if (initial.t !== "NoneType") {
      total = initial;
      initial = None;
      return total;
    }
    const val = it.next();
    if (val === undefined) return undefined;
    if (total === null) {
      total = val;
      return val;
    }
    total = binop === null ? binaryOp("Add", total, val) : callObject(binop, [total, val]);
    return total;
  });
}

/** chain over a source of iterables: each made an iterator only when reached (chain_next). */
function chainOver(nextIterable: () => PyObj | undefined): PyIterObj {
  let sourceDone = false;
  let active: PyIterObj | null = null;
  return itertoolsIter("chain", () => {
    while (!sourceDone) {
      if (active === null) {
        const iterable = nextIterable();
        if (iterable === undefined) {
          sourceDone = true;
          return undefined;
        }
        try {
          active = getIter(iterable);
        } catch (e) {
          sourceDone = true;
          throw e;
        }
      }
      const item = active.next();
      if (item !== undefined) return item;
      active = null;
    }
    return undefined;
  });
}

/** chain(*iterables). */
export function chainCall(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  if (kw.values.size > 0) throw typeError("chain() takes no keyword arguments");
  let i = 0;
  return chainOver(() => args[i++]);
}

/** chain.from_iterable(iterable): its iterator is taken at once, its items lazily. */
export function chainFromIterable(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  exactArgs("from_iterable", 1, args, kw);
  const source = getIter(args[0] as PyObj);
  return chainOver(() => source.next());
}

/** compress(data, selectors): each datum taken before its selector. */
export function compressCall(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  const [d, s] = bindArgs("compress", [{ name: "data", kind: "A", required: true }, { name: "selectors", kind: "A", required: true }], args, kw) as [PyObj, PyObj];
  const data = getIter(d);
  const selectors = getIter(s);
  return itertoolsIter("compress", () => {
    for (;;) {
      const datum = data.next();
      if (datum === undefined) return undefined;
      const selector = selectors.next();
      if (selector === undefined) return undefined;
      if (truthy(selector)) return datum;
      ctx().tick();
    }
  });
}

/** dropwhile(predicate, iterable). */
export function dropwhileCall(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  exactArgs("dropwhile", 2, args, kw);
  const func = args[0] as PyObj;
  const it = getIter(args[1] as PyObj);
  let start = false;
  return itertoolsIter("dropwhile", () => {
    for (;;) {
      const item = it.next();
      if (item === undefined) return undefined;
      if (start) return item;
      if (!truthy(callObject(func, [item]))) {
        start = true;
        return item;
      }
      ctx().tick();
    }
  });
}

/** takewhile(predicate, iterable): the first item that fails is taken from the input and dropped. */
export function takewhileCall(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  exactArgs("takewhile", 2, args, kw);
  const func = args[0] as PyObj;
  const it = getIter(args[1] as PyObj);
  let stop = false;
  return itertoolsIter("takewhile", () => {
    if (stop) return undefined;
    const item = it.next();
    if (item === undefined) return undefined;
    if (truthy(callObject(func, [item]))) return item;
    stop = true;
    return undefined;
  });
}

/** filterfalse(function, iterable): None (or bool) tests the items themselves. */
export function filterfalseCall(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  exactArgs("filterfalse", 2, args, kw);
  const func = args[0] as PyObj;
  const it = getIter(args[1] as PyObj);
  return itertoolsIter("filterfalse", () => {
    for (;;) {
      const item = it.next();
      if (item === undefined) return undefined;
      if (!truthy(func.t === "NoneType" ? item : callObject(func, [item]))) return item;
      ctx().tick();
    }
  });
}

/** starmap(function, iterable): function(*args), an args that is not an exact tuple made one first. */
export function starmapCall(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  exactArgs("starmap", 2, args, kw);
  const func = args[0] as PyObj;
  const it = getIter(args[1] as PyObj);
  return itertoolsIter("starmap", () => {
    const a = it.next();
    if (a === undefined) return undefined;
    const items = a.t === "tuple" && a.cls === undefined ? materialize(a.items) : toArray(a);
    return callObject(func, items);
  });
}

const STOP_MESSAGE = "Stop argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.";

/** islice(iterable, stop) / islice(iterable, start, stop[, step]): islice_new's checks, then islice_next's counting. */
export function isliceCall(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  if (kw.values.size > 0) throw typeError("islice() takes no keyword arguments");
  if (args.length < 2) throw typeError(`islice expected at least 2 arguments, got ${args.length}`);
  if (args.length > 4) throw typeError(`islice expected at most 4 arguments, got ${args.length}`);
  const [seq, a1, a2, a3] = args as [PyObj, PyObj, PyObj | undefined, PyObj | undefined];
  let start = 0;
  let stop = -1;
  let step = 1;
  if (args.length === 2) {
    if (a1.t !== "NoneType") {
      stop = ssizeOrNull(a1) ?? -1;
      if (stop === -1) throw valueError(STOP_MESSAGE);
    }
  } else {
    if (a1.t !== "NoneType") start = ssizeOrNull(a1) ?? -1;
    if ((a2 as PyObj).t !== "NoneType") {
      stop = ssizeOrNull(a2 as PyObj) ?? -1;
      if (stop === -1) throw valueError(STOP_MESSAGE);
    }
  }
  if (start < 0 || stop < -1) throw valueError("Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.");
  if (a3 !== undefined && a3.t !== "NoneType") step = ssizeOrNull(a3) ?? -1;
  if (step < 1) throw valueError("Step for islice() must be a positive integer or None.");
  let it: PyIterObj | null = getIter(seq);
  let next = start;
  let cnt = 0;
  return itertoolsIter("islice", () => {
    if (it === null) return undefined;
    while (cnt < next) {
      if (it.next() === undefined) {
        it = null;
        return undefined;
      }
      cnt++;
      ctx().tick();
    }
    if (stop !== -1 && cnt >= stop) {
      it = null;
      return undefined;
    }
    const item = it.next();
    if (item === undefined) {
      it = null;
      return undefined;
    }
    cnt++;
    next += step;
    if (stop !== -1 && next > stop) next = stop;
    return item;
  });
}
