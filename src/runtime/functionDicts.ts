// The attributes update_wrapper gives a function (its __dict__'s __wrapped__,
// and __name__/__qualname__ taken from the wrapped function), which pymem
// keeps beside the function object: a function is a leaf of the deep walk and
// its getsizeof does not count its __dict__, so only reading them back shows.
// Once `f.__dict__` is read, the entries live in that dict object (func_dict).
import { intern } from "./constPool.js";
import { pyStr, type PyDictObj, type PyObj } from "./objects.js";
import { PymemError } from "./errors.js";
import { typeHasAttribute } from "./missingAttribute.js";
import { dictDelete, dictGet, dictSet, newDict, newDictPresized } from "./dicts.js";
import { ctx } from "./ctx.js";
import { strText } from "./text.js";
import { emptyTuple } from "./tuples.js";

const dicts = new WeakMap<object, Map<string, PyObj>>();

/**
 * The attributes recorded for function `f` (made on first use): the function type's own slots
 * pymem overrides (__name__, __qualname__, __doc__) and, until `f.__dict__` is read, its __dict__
 * entries. Stores of a __dict__ entry go through setFunctionEntry.
 */
export function functionDict(f: PyObj): Map<string, PyObj> {
  let d = dicts.get(f);
  if (d === undefined) dicts.set(f, (d = new Map()));
  return d;
}

/** func_dict once read: the dict object every later access returns. */
const dictObjects = new WeakMap<object, PyDictObj>();
/** Functions whose entries update_wrapper merged from a dict of more than USABLE_FRACTION(PyDict_MINSIZE) items. */
const bigMerges = new WeakSet<object>();

/** A name the function type itself defines (a getset or member): never an entry of func_dict. */
function isFunctionSlot(name: string): boolean {
  return typeHasAttribute("function", name);
}

/**
 * `f.__dict__` (func_get_dict): PyDict_New() on first read, then the entries in the order they
 * were set, each an insertdict of an interned attribute name (PyObject_SetAttr interns it), so
 * the dict grows as CPython's does. update_wrapper's `__dict__.update(wrapped.__dict__)` into the
 * empty dict is the same table while the merged entries fit PyDict_MINSIZE; past that dict_merge
 * presizes (or, 3.11+, clones) instead, which is refused.
 */
export function functionDictObject(f: PyObj): PyDictObj {
  let d = dictObjects.get(f);
  if (d !== undefined) return d;
  if (bigMerges.has(f)) throw new PymemError("UNSUPPORTED", "the __dict__ of a function update_wrapper merged more than 5 attributes into");
  d = newDict();
  const own = functionDict(f);
  for (const [k, v] of [...own]) {
    if (isFunctionSlot(k)) continue;
    dictSet(d, intern(pyStr(k)), v);
    own.delete(k);
  }
  dictObjects.set(f, d);
  return d;
}

/** Store a __dict__ entry of `f` (setattr of a name the function type does not define). */
export function setFunctionEntry(f: PyObj, name: string, value: PyObj): void {
  const d = dictObjects.get(f);
  if (d !== undefined && !isFunctionSlot(name)) dictSet(d, intern(pyStr(name)), value);
  else functionDict(f).set(name, value);
}

/** `del f.name`: false when `f` has no such entry. */
export function deleteFunctionEntry(f: PyObj, name: string): boolean {
  if (!dictObjects.has(f) && (isFunctionSlot(name) || !functionDict(f).has(name))) return false;
  // The deletion leaves a dummy in a table the earlier stores grew: the dict is made (its stores replayed) first.
  const d = functionDictObject(f);
  if (dictGet(d, pyStr(name)) === undefined) return false;
  dictDelete(d, pyStr(name));
  return true;
}

/** The attributes update_wrapper copies from `f`: the overridden slots, then the __dict__ entries in order. */
export function functionOwnAttrs(f: PyObj): [string, PyObj][] {
  const out = [...functionDict(f)];
  const d = dictObjects.get(f);
  d?.table.forEachEntry((k, v) => {
    if (k.t !== "str") throw new PymemError("UNSUPPORTED", "a function __dict__ with a key that is not a str");
    out.push([strText(k), v]);
  });
  return out;
}

/**
 * What update_wrapper's WRAPPER_ASSIGNMENTS read from a wrapped function: its __name__ and
 * __qualname__ as they are now (another wrapper's are the ones it copied), the same str objects;
 * undefined for a __qualname__ pymem does not hold.
 */
export function wrappedNames(wrapped: PyObj & { t: "function" }): { name: PyObj; qualname: PyObj | undefined } {
  const name = functionAttr(wrapped, "__name__") ?? intern(pyStr(wrapped.name));
  const qualname = functionAttr(wrapped, "__qualname__") ?? (wrapped.qualname === undefined ? name : undefined);
  return { name, qualname };
}

/** func_annotations once read: PyDict_New() on first access of a function that has none. */
const annotationDicts = new WeakMap<object, PyDictObj>();

/**
 * The function type's getsets pymem answers for a def or lambda of the setup or expression:
 * __module__ (func_module, the globals' __name__: `moduleName`, one interned object),
 * __annotations__ (func_get_annotations: a new empty dict kept on the function when it has no
 * annotations, else annotationsDict's, kept too) and, where the version has it, __type_params__
 * (the empty tuple: pymem accepts no PEP 695 type parameters).
 */
export function functionGetset(f: PyObj, name: string, moduleName: string): PyObj | undefined {
  if (f.t !== "function" || !(defs.has(f) || f.name === "<lambda>")) return undefined;
  if (name === "__module__") return intern(pyStr(moduleName));
  if (name === "__annotations__") {
    let d = annotationDicts.get(f);
    if (d === undefined) {
      const entries = annotationEntries.get(f);
      annotationDicts.set(f, (d = entries === undefined ? newDict() : annotationsDict(f, entries)));
    }
    return d;
  }
  if (name === "__type_params__" && typeHasAttribute("function", name)) return emptyTuple;
  return undefined;
}

/** Slots of a wrapper update_wrapper could not fill with what CPython would: reading them is refused. */
const refusedSlots = new WeakMap<object, Map<string, string>>();

export function refuseFunctionSlot(f: PyObj, name: string, why: string): void {
  functionDict(f).delete(name);
  let m = refusedSlots.get(f);
  if (m === undefined) refusedSlots.set(f, (m = new Map()));
  m.set(name, why);
}

/** update_wrapper merged `n` entries into `f`'s new dict: more than PyDict_MINSIZE's usable 5 is laid out otherwise. */
export function noteFunctionDictMerge(f: PyObj, n: number): void {
  if (n > 5) bigMerges.add(f);
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
  const refused = refusedSlots.get(f)?.get(name);
  if (refused !== undefined) throw new PymemError("UNSUPPORTED", `${name} copied by update_wrapper: ${refused}`);
  const d = dictObjects.get(f);
  const own = dicts.get(f)?.get(name) ?? (d !== undefined && !isFunctionSlot(name) ? dictGet(d, pyStr(name)) : undefined);
  // A lambda's name is the interned "<lambda>" its code carries, as a def's is its co_name.
  if (own !== undefined || f.t !== "function" || !(defs.has(f) || f.name === "<lambda>")) return own;
  if (name === "__name__" || (name === "__qualname__" && f.qualname === undefined)) return intern(pyStr(f.name));
  return undefined;
}

/**
 * `f.name = value` (PyObject_GenericSetAttr into the function's __dict__): a name of the
 * function type itself (__name__, __defaults__, __code__ …) sets a slot pymem does not model.
 */
export function setFunctionAttr(f: PyObj, name: string, value: PyObj): void {
  if (isFunctionSlot(name)) throw new PymemError("UNSUPPORTED", `setting function.${name}`);
  setFunctionEntry(f, name, value);
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
 * A def's annotations, evaluated when the def ran, in compiler_visit_annotations' order: [the
 * parameter's (mangled) name or 'return', its value], the value null for a form pymem refuses to
 * evaluate (a Python exception raises at the def): reading __annotations__ is then refused.
 */
const annotationEntries = new WeakMap<object, readonly (readonly [string, PyObj | null])[]>();

export function setAnnotations(f: PyObj, entries: readonly (readonly [string, PyObj | null])[]): void {
  annotationEntries.set(f, entries);
}

/** The first entry of the function's __annotations__ (what functools.singledispatch's register reads). */
export function firstAnnotation(f: PyObj): readonly [string, PyObj | null] | undefined {
  return annotationEntries.get(f)?.[0];
}

/**
 * func_get_annotations' dict of an annotated def: 3.8/3.9's MAKE_FUNCTION took the dict
 * BUILD_CONST_KEY_MAP made (_PyDict_NewPresized(n), then each entry); from 3.10 the function
 * holds a tuple of pairs until read, then PyDict_New() takes them one by one.
 */
function annotationsDict(f: PyObj, entries: readonly (readonly [string, PyObj | null])[]): PyDictObj {
  const d = ctx().layout.rules.annotationsBuiltByConstKeyMap ? newDictPresized(entries.length) : newDict();
  for (const [name, value] of entries) {
    if (value === null) throw new PymemError("UNSUPPORTED", `the __annotations__ of ${(f as { name?: string }).name ?? "a function"}: an annotation pymem could not evaluate (${name})`);
    dictSet(d, intern(pyStr(name)), value);
  }
  return d;
}
