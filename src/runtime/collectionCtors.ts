// The constructors of collections' subclassable types, registered by the module
// table (modules.ts) so that type_call over a subclass reaches them without an
// import cycle through the collections code.
import { builtinFunction, subOf, type CollectionBase, type NativeFn, type PyObj } from "./objects.js";

const ctors = new Map<CollectionBase, NativeFn>();

export function registerCollectionCtor(name: CollectionBase, f: NativeFn): void {
  ctors.set(name, f);
}

export function collectionCtor(name: CollectionBase): NativeFn | undefined {
  return ctors.get(name);
}

export const COLLECTION_BASES: ReadonlySet<string> = new Set<CollectionBase>(["deque", "OrderedDict", "defaultdict", "Counter"]);

/** An object of a setup subclass of deque, OrderedDict, defaultdict or Counter. */
export function isCollectionSubObject(o: PyObj): boolean {
  return subOf(o) !== undefined && (o.t === "deque" || (o.t === "dict" && o.flavor !== undefined));
}

/**
 * What such an object does that pymem does not model: the type's operators and copies
 * build a new object through the subclass (deque_copy calls type(d)(d, maxlen), odict_copy
 * type(od)() then __setitem__, Counter.__add__ a plain Counter …), and OrderedDict.popitem
 * reads through an overridden __getitem__.
 */
export function refusedCollectionSubMethod(o: PyObj, name: string, ownGetitem: boolean): boolean {
  if (!isCollectionSubObject(o)) return false;
  if ((name === "copy" || name === "__copy__") && ownCopy !== null && (o.t === "deque" || (o.t === "dict" && o.flavor?.name !== "OrderedDict"))) return false;
  // OrderedDict has copy() (odict_copy) but no __copy__ of its own.
  if (name === "copy" && ownCopy !== null && o.t === "dict" && o.flavor?.name === "OrderedDict") return false;
  if (name === "copy" || name === "__copy__" || name === "__reversed__" || name === "__reduce__" || name === "__reduce_ex__") return true;
  return name === "popitem" && ownGetitem;
}

let ownCopy: ((o: PyObj) => PyObj) | null = null;

/** deque_copy / Counter.copy / defdict_copy on a subclass's object (subclassCopy.ts registers it). */
export function registerCollectionSubCopy(f: (o: PyObj) => PyObj): void {
  ownCopy = f;
}

/** x.copy() or x.__copy__() of such an object, where modelled; undefined otherwise. */
export function collectionSubCopyMethod(o: PyObj, name: string): PyObj | undefined {
  const f = ownCopy;
  if (f === null || (name !== "copy" && name !== "__copy__") || !isCollectionSubObject(o) || refusedCollectionSubMethod(o, name, false)) return undefined;
  return builtinFunction(name, () => f(o));
}

/** The names Counter.__add__/__sub__/__or__/__and__ reach on their operands (items(), other[elem], `in`). */
const COUNTER_OP_NAMES = ["__getitem__", "__missing__", "items", "keys", "__iter__", "__contains__", "get", "__setitem__", "__len__"];

/**
 * Counter's binary operators on a subclass's objects run as on Counters (the result a plain
 * Counter) when neither class overrides what Counter's Python code calls on them.
 */
export function counterSubOperands(a: PyObj, b: PyObj): boolean {
  const plainCounter = (o: PyObj): boolean => {
    if (o.t !== "dict" || o.flavor?.name !== "Counter") return false;
    const sub = subOf(o);
    return sub === undefined || !sub.cls.mro.some((c) => COUNTER_OP_NAMES.some((n) => c.attrs.has(n)));
  };
  return plainCounter(a) && plainCounter(b);
}
