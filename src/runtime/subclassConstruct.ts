// type_call's two halves for a subclass of list, dict, str …: the builtin's
// tp_new and tp_init, as a class without its own __new__/__init__ inherits them
// and as super().__new__/__init__ and list.__init__(self, …) reach them.
import { PymemError } from "./errors.js";
import type { CollectionBase, Kwargs, NativeFn, PyClassObj, PyInstanceObj, PyObj, SubclassableBuiltin } from "./objects.js";
import { COLLECTION_BASES, collectionCtor, collectionInit } from "./collectionCtors.js";
import { typeName } from "./objects.js";
import { typeObject } from "./typeObjects.js";
import { asSubclassObject, newInstancePart } from "./builtinSubclass.js";

/** The builtin's tp_new for a subclass: an empty object for the mutable ones (their __init__ fills it), the value itself for the others. */
export function builtinNew(cls: PyClassObj, base: SubclassableBuiltin, args: readonly PyObj[], kw: Kwargs): PyObj {
  const ctor = ctorOf(base);
  if (MUTABLE.has(base)) {
    // A new empty object (a dict is its own keys table, a class instance: the instance part goes on it).
    const made = ctor([], emptyKw) as PyObj & { sub?: PyInstanceObj };
    made.sub = newInstancePart(cls, made);
    return made;
  }
  return asSubclassObject(ctor(args, kw), cls);
}

/** The builtin's tp_init: list/dict/set/bytearray.__init__ (as the constructor fills a new object); object.__init__ for the others. */
export function builtinInit(self: PyObj, args: readonly PyObj[], kw: Kwargs): void {
  const base = collectionName(self) ?? self.t;
  if (!MUTABLE.has(base)) return;
  // A collections type whose __init__ runs through the class (OrderedDict's update, Counter's Python code).
  if (COLLECTION_BASES.has(base) && collectionInit(base as CollectionBase)?.(self, args, kw) === true) return;
  const made = ctorOf(collectionName(self) ?? base)(args, kw);
  // list_init clears first; dict_init, set_init and bytearray_init on a non-empty object merge or resize instead.
  if (base !== "list" && objectLength(self) > 0) throw new PymemError("UNSUPPORTED", `${base}.__init__ on a non-empty ${typeName(self)}`);
  // The state the constructor built, taken over (the instance part stays: `made` has none).
  if (base === "list") delete (self as { zeroBlock?: boolean }).zeroBlock;
  Object.assign(self, made);
}

const emptyKw: Kwargs = { values: new Map(), keys: new Map() };
const MUTABLE: ReadonlySet<string> = new Set(["list", "dict", "set", "bytearray", "deque", "OrderedDict", "defaultdict", "Counter"]);

/** The constructor of a builtin or of collections' type `name`. */
function ctorOf(name: string): NativeFn {
  const own = COLLECTION_BASES.has(name) ? collectionCtor(name as CollectionBase) : undefined;
  return own ?? (typeObject(name).call as NativeFn);
}

/** The collections type an object is made by (a deque, or a dict with a flavor), else undefined. */
function collectionName(o: PyObj): CollectionBase | undefined {
  if (o.t === "deque") return "deque";
  if (o.t === "dict" && o.flavor !== undefined) return o.flavor.name;
  return undefined;
}
function objectLength(o: PyObj): number {
  switch (o.t) {
    case "dict": return o.table.used;
    case "deque": return o.items.length;
    case "set": return o.table.used;
    case "bytearray": return o.length;
    default: return 0;
  }
}
