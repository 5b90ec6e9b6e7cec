// The attributes update_wrapper gives a function (its __dict__'s __wrapped__,
// and __name__/__qualname__ taken from the wrapped function), which pymem
// keeps beside the function object: a function is a leaf of the deep walk and
// its getsizeof does not count its __dict__, so only reading them back shows.
import { intern } from "./constPool.js";
import { pyStr, type PyObj } from "./objects.js";

const dicts = new WeakMap<object, Map<string, PyObj>>();

/** The attributes recorded for function `f` (made on first use). */
export function functionDict(f: PyObj): Map<string, PyObj> {
  let d = dicts.get(f);
  if (d === undefined) dicts.set(f, (d = new Map()));
  return d;
}

/** The functions a `def` statement made: their __name__ is the code's co_name. */
const defs = new WeakSet<object>();

export function noteDefFunction(f: PyObj): void {
  defs.add(f);
}

/**
 * An attribute recorded for `f`, or undefined; a def's __name__ (and its __qualname__ where that is
 * the name) is its code's co_name, an identifier every version interns.
 */
export function functionAttr(f: PyObj, name: string): PyObj | undefined {
  const own = dicts.get(f)?.get(name);
  if (own !== undefined || f.t !== "function" || !defs.has(f)) return own;
  if (name === "__name__" || (name === "__qualname__" && f.qualname === undefined)) return intern(pyStr(f.name));
  return undefined;
}
