// A function's attributes beside the function object: the slots update_wrapper
// assigns (__name__, __qualname__, __doc__) and its __dict__ (func_dict), a real
// dict made as CPython makes it: PyDict_New on the first attribute store or on
// the first read of __dict__, then grown by each insertion. A function is a
// leaf of the deep walk and its getsizeof does not count its __dict__, so only
// reading them back (f.calls, f.__dict__, vars(f)) shows them.
import { intern } from "./constPool.js";
import { None, pyStr, type PyDictObj, type PyFunctionObj, type PyObj } from "./objects.js";
import { PymemError } from "./errors.js";
import { typeHasAttribute } from "./missingAttribute.js";
import { dictDelete, dictGet, dictMerge, dictSet, newDict } from "./dicts.js";
import { strText } from "./text.js";

const slots = new WeakMap<object, Map<string, PyObj>>();
const dicts = new WeakMap<object, PyDictObj>();

/** The type slots recorded for function `f` (__name__, __qualname__, __doc__ as update_wrapper set them). */
export function functionSlots(f: PyObj): Map<string, PyObj> {
  let d = slots.get(f);
  if (d === undefined) slots.set(f, (d = new Map()));
  return d;
}

/** f.__dict__ (func_get_dict): the function's dict, made empty (PyDict_New) on first use. */
export function functionDictObject(f: PyObj): PyDictObj {
  let d = dicts.get(f);
  if (d === undefined) dicts.set(f, (d = newDict()));
  return d;
}

/** The entries of f.__dict__ in order, as [name, value] ([] while it has none). */
export function functionDictEntries(f: PyObj): [string, PyObj][] {
  const out: [string, PyObj][] = [];
  dicts.get(f)?.table.forEachEntry((k, v) => void out.push([k.t === "str" ? strText(k) : "", v]));
  return out;
}

/** `f.name = value` into f.__dict__ (PyObject_GenericSetAttr: the name interned, the dict made first). */
export function setFunctionDictItem(f: PyObj, name: string, value: PyObj): void {
  dictSet(functionDictObject(f), intern(pyStr(name)), value);
}

/**
 * `getattr(wrapper, '__dict__').update(getattr(wrapped, '__dict__', {}))`: both dicts made if they were
 * not (the reads make them), then dict_merge.
 */
export function updateFunctionDict(wrapper: PyObj, wrapped: PyObj): void {
  dictMerge(functionDictObject(wrapper), functionDictObject(wrapped), true);
}

/** WRAPPER_ASSIGNMENTS from a function: __name__ (and __qualname__ when it is the name), __doc__ (None when it has none). */
export function assignWrapperSlots(target: Map<string, PyObj>, wrapped: PyFunctionObj): void {
  const name = intern(pyStr(wrapped.name));
  target.set("__name__", name);
  if (wrapped.qualname === undefined) target.set("__qualname__", name);
  else target.delete("__qualname__");
  target.set("__doc__", functionDoc(wrapped) ?? None);
}

/** The functions a `def` statement made: their __name__ is the code's co_name. */
const defs = new WeakSet<object>();

export function noteDefFunction(f: PyObj): void {
  defs.add(f);
}

/**
 * An attribute of `f` recorded here, or undefined: a slot update_wrapper set, an entry of its
 * __dict__; a def's __name__ (and its __qualname__ where that is the name) is its code's co_name,
 * an identifier every version interns.
 */
export function functionAttr(f: PyObj, name: string): PyObj | undefined {
  const own = slots.get(f)?.get(name) ?? functionDictItem(f, name);
  if (own !== undefined || f.t !== "function" || !defs.has(f)) return own;
  if (name === "__name__" || (name === "__qualname__" && f.qualname === undefined)) return intern(pyStr(f.name));
  return undefined;
}

function functionDictItem(f: PyObj, name: string): PyObj | undefined {
  const d = dicts.get(f);
  return d === undefined || d.table.used === 0 ? undefined : dictGet(d, pyStr(name));
}

/**
 * `f.name = value` (PyObject_GenericSetAttr into the function's __dict__): a name of the
 * function type itself (__name__, __defaults__, __code__ …) sets a slot pymem does not model.
 */
export function setFunctionAttr(f: PyObj, name: string, value: PyObj): void {
  if (typeHasAttribute("function", name)) throw new PymemError("UNSUPPORTED", `setting function.${name}`);
  setFunctionDictItem(f, name, value);
}

/** `del f.name` of an entry of f.__dict__: false when it has none of that name. */
export function delFunctionAttr(f: PyObj, name: string): boolean {
  if (typeHasAttribute("function", name)) throw new PymemError("UNSUPPORTED", `deleting function.${name}`);
  if (functionDictItem(f, name) === undefined) return false;
  dictDelete(functionDictObject(f), pyStr(name));
  return true;
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
