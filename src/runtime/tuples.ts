// Tuples are always allocated to their exact length; () is a singleton
// (PyTuple_New(0) returns it), and every tuple is built here so that no path
// can make a second empty tuple by accident.
import { PyTupleObj } from "./objects.js";
import { ctx } from "./ctx.js";
import type { PyClassObj, PyObj } from "./objects.js";
import { seqLen, type Seq } from "./seq.js";

export const emptyTuple: PyTupleObj = new PyTupleObj([]);

export function newTuple(items: Seq): PyTupleObj {
  return seqLen(items) === 0 ? emptyTuple : new PyTupleObj(items);
}

export function tuple2(a: PyObj, b: PyObj): PyTupleObj {
  return new PyTupleObj([a, b]);
}

/** An instance of a tuple subclass (tuple.__new__(cls, …)): never the () singleton. */
export function newTupleOfClass(items: Seq, cls: PyClassObj): PyTupleObj {
  return new PyTupleObj(items, cls);
}

/**
 * A 0-length tuple that is not the singleton: 3.10's _PyTuple_Resize shrinks a
 * preallocated tuple in place (it only swaps in a new object when the old size
 * is 0), so PySequence_Tuple over an iterator whose length hint was > 0 but
 * that yielded nothing returns a distinct empty tuple.
 */
export function freshEmptyTuple(): PyTupleObj {
  return new PyTupleObj([]);
}

/** PySequence_Tuple's result for items collected from an iterator presized to `hint` (3.11+ _PyTuple_Resize to 0 gives the singleton). */
export function tupleFromCollected(items: PyObj[], hint: number): PyTupleObj {
  return items.length === 0 && hint > 0 && !ctx().layout.rules.tupleResizeToEmptySingleton ? freshEmptyTuple() : newTuple(items);
}
