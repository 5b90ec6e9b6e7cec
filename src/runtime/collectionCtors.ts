// The constructors of collections' subclassable types, registered by the module
// table (modules.ts) so that type_call over a subclass reaches them without an
// import cycle through the collections code.
import { PymemError } from "./errors.js";
import { builtinFunction, subOf, type CollectionBase, type Kwargs, type NativeFn, type PyDictObj, type PyObj } from "./objects.js";

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
 * build a new object through the subclass (deque_copy calls type(d)(d, maxlen), Counter.__add__
 * a plain Counter …) where no registered method models them.
 */
export function refusedCollectionSubMethod(o: PyObj, name: string): boolean {
  if (!isCollectionSubObject(o)) return false;
  if ((name === "copy" || name === "__copy__") && ownCopy !== null && (o.t === "deque" || (o.t === "dict" && o.flavor?.name !== "OrderedDict"))) return false;
  return name === "copy" || name === "__copy__" || name === "__reversed__" || name === "__reduce__" || name === "__reduce_ex__";
}

let ownCopy: ((o: PyObj) => PyObj) | null = null;

/** deque_copy / Counter.copy / defdict_copy on a subclass's object (subclassCopy.ts registers it). */
export function registerCollectionSubCopy(f: (o: PyObj) => PyObj): void {
  ownCopy = f;
}

const subMethods: ((o: PyObj, name: string) => NativeFn | undefined)[] = [];

/** The methods of such objects that work through the subclass's own protocol (odictSubclass.ts, counterSubclass.ts register them). */
export function registerCollectionSubMethods(f: (o: PyObj, name: string) => NativeFn | undefined): void {
  subMethods.push(f);
}

/** A collections type's __init__ on a subclass's object where it runs through the class; false: the constructor's own filling applies. */
type CollectionInit = (self: PyObj, args: readonly PyObj[], kw: Kwargs) => boolean;
const inits = new Map<CollectionBase, CollectionInit>();

export function registerCollectionInit(name: CollectionBase, f: CollectionInit): void {
  inits.set(name, f);
}

export function collectionInit(name: CollectionBase): CollectionInit | undefined {
  return inits.get(name);
}

/** x.copy() or x.__copy__() of such an object, or a method working through its class, where modelled; undefined otherwise. */
export function collectionSubMethod(o: PyObj, name: string): PyObj | undefined {
  if (!isCollectionSubObject(o)) return undefined;
  for (const f of subMethods) {
    const through = f(o, name);
    if (through !== undefined) return builtinFunction(name, through);
  }
  const f = ownCopy;
  if (f === null || (name !== "copy" && name !== "__copy__") || refusedCollectionSubMethod(o, name)) return undefined;
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

type OdictUpdate = (self: PyDictObj, args: readonly PyObj[], kw: Kwargs, asInit?: boolean) => void;
let odictUpdater: OdictUpdate | null = null;

/** OrderedDict's update (mutablemapping_update), registered by odictSubclass.ts. */
export function registerOdictUpdate(f: OdictUpdate): void {
  odictUpdater = f;
}

/** OrderedDict.update / __init__ on `self` (an OrderedDict or a subclass's object). */
export function odictUpdate(self: PyDictObj, args: readonly PyObj[], kw: Kwargs, asInit?: boolean): void {
  if (odictUpdater === null) throw new PymemError("UNSUPPORTED", "OrderedDict.update before the collections module is set up");
  odictUpdater(self, args, kw, asInit);
}
