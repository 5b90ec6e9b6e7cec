// A class's __bases__ (tp_bases): the bases tuple the class statement passed to type_new,
// or the (object,) type_new makes when there were none; one tuple for the class's life.
import { newTuple } from "./tuples.js";
import type { PyClassObj, PyObj } from "./objects.js";

const basesOf = new WeakMap<PyClassObj, readonly PyObj[]>();
const tuples = new WeakMap<PyClassObj, PyObj>();

/** Record the bases type_new received for `cls` (the class statement's, in order). */
export function recordBases(cls: PyClassObj, bases: readonly PyObj[]): void {
  basesOf.set(cls, bases);
}

/** C.__bases__, or undefined when the class was not made from bases pymem recorded. */
export function basesTuple(cls: PyClassObj, objectType: () => PyObj): PyObj | undefined {
  let t = tuples.get(cls);
  if (t !== undefined) return t;
  const bases = basesOf.get(cls);
  if (bases === undefined) return undefined;
  t = newTuple(bases.length === 0 ? [objectType()] : [...bases]);
  tuples.set(cls, t);
  return t;
}
