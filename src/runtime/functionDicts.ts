// The attributes update_wrapper gives a function (its __dict__'s __wrapped__,
// and __name__/__qualname__ taken from the wrapped function), which pymem
// keeps beside the function object: a function is a leaf of the deep walk and
// its getsizeof does not count its __dict__, so only reading them back shows.
import { intern } from "./constPool.js";
import { pyStr, type PyObj } from "./objects.js";
import { PymemError } from "./errors.js";
import { typeHasAttribute } from "./missingAttribute.js";

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

/**
 * `f.name = value` (PyObject_GenericSetAttr into the function's __dict__): a name of the
 * function type itself (__name__, __defaults__, __code__ …) sets a slot pymem does not model.
 */
export function setFunctionAttr(f: PyObj, name: string, value: PyObj): void {
  if (typeHasAttribute("function", name)) throw new PymemError("UNSUPPORTED", `setting function.${name}`);
  functionDict(f).set(name, value);
}

/** func_doc: the docstring constant of the function's code (null: a multi-line one, whose text 3.13's compiler cleans; refused). */
const docs = new WeakMap<object, PyObj | null>();

export function setFunctionDoc(f: PyObj, doc: PyObj | null): void {
  docs.set(f, doc);
}

/** f.__doc__: what update_wrapper copied, else the docstring, else None (undefined: refused). */
export function functionDoc(f: PyObj): PyObj | undefined {
  const own = functionAttr(f, "__doc__");
  if (own !== undefined) return own;
  const d = docs.get(f);
  if (d === null) throw new PymemError("UNSUPPORTED", "the __doc__ of a function with a multi-line docstring");
  return d;
}

/**
 * A def's first annotation, evaluated when the def ran: [parameter name or 'return', its value],
 * the value null when that evaluation failed (a forward reference under `from __future__ import
 * annotations`, a form pymem refuses): its reader (singledispatch's register) refuses it.
 */
const firstAnnotations = new WeakMap<object, readonly [string, PyObj | null]>();

export function setFirstAnnotation(f: PyObj, name: string, value: PyObj | null): void {
  firstAnnotations.set(f, [name, value]);
}

export function firstAnnotation(f: PyObj): readonly [string, PyObj | null] | undefined {
  return firstAnnotations.get(f);
}
