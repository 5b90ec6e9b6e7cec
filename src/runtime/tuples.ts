// Tuples are always allocated to their exact length; () is a singleton.
import type { PyObj, PyTupleObj } from "./objects.js";
import { seqLen, type Seq } from "./seq.js";

export const emptyTuple: PyTupleObj = { t: "tuple", items: [] };

export function newTuple(items: Seq): PyTupleObj {
  return seqLen(items) === 0 ? emptyTuple : { t: "tuple", items };
}

export function tuple2(a: PyObj, b: PyObj): PyTupleObj {
  return { t: "tuple", items: [a, b] };
}
