// Iteration over instances of setup classes: PyObject_GetIter through
// slot_tp_iter (__iter__, whose result must be an iterator), the old sequence
// protocol (__getitem__ with 0, 1, … until IndexError, CPython's seqiterobject,
// type name 'iterator'), and iterators written in Python (__next__ until
// StopIteration).
import { PyException, typeError } from "./errors.js";
import { pyInt, typeName, type PyIterObj, type PyObj } from "./objects.js";
import { callBound, callDunder, lookupDunder } from "./userDunders.js";

function stopsOn(e: unknown, types: readonly string[]): boolean {
  return e instanceof PyException && types.includes(e.pyType);
}

/** An iterator written in Python, driven through its __next__. */
export function userIterator(it: PyObj): PyIterObj {
  const next = lookupDunder(it, "__next__");
  if (next === undefined) throw typeError(`'${typeName(it)}' object is not an iterator`);
  let done = false;
  return {
    t: "iterator",
    typeName: typeName(it),
    next: () => {
      if (done) return undefined;
      try {
        return callBound(next, it, []);
      } catch (e) {
        if (!stopsOn(e, ["StopIteration"])) throw e;
        done = true;
        return undefined;
      }
    },
    lengthHint: () => null,
  };
}

/** iter(o) as the object CPython returns, or null when o's class defines neither __iter__ nor __getitem__. */
export function userIterObject(o: PyObj): PyObj | null {
  const f = lookupDunder(o, "__iter__");
  if (f !== undefined) {
    if (f.t === "NoneType") throw typeError(`'${typeName(o)}' object is not iterable`);
    const r = callBound(f, o, []);
    if (r.t !== "iterator" && lookupDunder(r, "__next__") === undefined) {
      throw typeError(`iter() returned non-iterator of type '${typeName(r)}'`);
    }
    return r;
  }
  if (o.t === "instance" && lookupDunder(o, "__getitem__") !== undefined) return seqIterator(o);
  return null;
}

/** PySeqIter_New: o[0], o[1], … until IndexError or StopIteration. */
function seqIterator(o: PyObj): PyIterObj {
  let i = 0;
  let done = false;
  return {
    t: "iterator",
    typeName: "iterator",
    next: () => {
      if (done) return undefined;
      try {
        return callDunder(o, "__getitem__", [pyInt(i++)]);
      } catch (e) {
        if (!stopsOn(e, ["IndexError", "StopIteration"])) throw e;
        done = true;
        return undefined;
      }
    },
    lengthHint: () => null,
  };
}

/** The iterator the interpreter drives for `for`, list(), unpacking …: a Python-level one wrapped. */
export function userGetIter(o: PyObj): PyIterObj | null {
  const r = userIterObject(o);
  if (r === null) return null;
  return r.t === "iterator" ? r : userIterator(r);
}
