// collections.ChainMap (Lib/collections/__init__.py), a Python class pymem
// keeps as a leaf of its instance size (the layout's "ChainMap" leaf) with the
// behaviour of its own methods: `maps` is the one list `list(maps) or [{}]`
// made (list() of the argument tuple, presized as list() presizes), lookups
// walk the maps in order, iteration goes over the dict that
// `d.update(dict.fromkeys(mapping))` builds from the last map to the first,
// new_child and parents call the class back with a new argument tuple;
// keys(), items() and values() are _collections_abc's views over it
// (mappingViews.ts). Writes (__setitem__ on maps[0], pop, update …) are refused
// by name.
import { callObject, emptyKwargs } from "./calls.js";
import { pyEq } from "./compare.js";
import { contains } from "./ops.js";
import { dictSet, newDict } from "./dicts.js";
import { PyException, PymemError, keyError, typeError } from "./errors.js";
import { isUserObj } from "./userDunders.js";
import { forEach, getIter, objectLen } from "./iteration.js";
import { nativeObject, nativeSlots, type NativeCmpOp } from "./nativeObjects.js";
import { builtinFunction as fn, False, None, PyListObj, subOf, True, typeName, type PyDictObj, type PyObj } from "./objects.js";
import { repr } from "./repr.js";
import { mappingView, type ViewedMapping } from "./mappingViews.js";
import { materialize } from "./seq.js";
import { getItem } from "./subscript.js";
import { newTuple } from "./tuples.js";
import { typeObject } from "./typeObjects.js";

/** ChainMap(*maps): __init__'s `self.maps = list(maps) or [{}]`. */
export function makeChainMap(args: readonly PyObj[]): PyObj {
  const maps = args.length === 0 ? new PyListObj([newDict()], 1) : (callObject(typeObject("list"), [newTuple([...args])], emptyKwargs) as PyListObj);
  return chainMapOf(maps);
}

function chainMapOf(mapsList: PyListObj): PyObj {
  const maps = (): PyObj[] => materialize(mapsList.items);
  const lookup = (key: PyObj): PyObj => {
    for (const m of maps()) {
      try {
        return getItem(m, key);
      } catch (e) {
        if (!(e instanceof PyException && e.pyType === "KeyError")) throw e;
      }
    }
    throw keyError(key, repr(key));
  };
  const has = (key: PyObj): boolean => maps().some((m) => contains(m, key));
  // __iter__'s dict: the keys of the last map first, each later map's new keys after.
  const keysDict = (): PyObj => {
    const d = newDict();
    for (const m of maps().slice().reverse()) forEach(m, (k) => dictSet(d, k, None));
    return d;
  };
  const refuse = (what: string) => fn(what, () => {
    throw new PymemError("UNSUPPORTED", `ChainMap.${what}() (a view or write of _collections_abc's MutableMapping)`);
  });
  const viewed: ViewedMapping = {
    keys: () => {
      const out: PyObj[] = [];
      forEach(keysDict(), (k) => void out.push(k));
      return out;
    },
    getitem: lookup,
    has,
    len: () => objectLen(keysDict()) ?? 0,
    repr: () => chainRepr(),
  };
  const chainRepr = (): string => `ChainMap(${maps().map((m) => repr(m)).join(", ")})`;
  const asDict = (): PyDictObj => {
    const d = newDict();
    for (const k of viewed.keys()) dictSet(d, k, lookup(k));
    return d;
  };
  const self = nativeObject("ChainMap", {
    attr: (name) => {
      switch (name) {
        case "maps":
          return mapsList;
        case "parents":
          // self.__class__(*self.maps[1:])
          return makeChainMap(maps().slice(1));
        case "new_child":
          return fn("new_child", ([m], kw) => {
            if (kw.values.size > 0) throw new PymemError("UNSUPPORTED", "ChainMap.new_child() with keyword arguments");
            return makeChainMap([m === undefined || m === None ? newDict() : m, ...maps()]);
          });
        case "get":
          return fn("get", ([key, dflt]) => (has(key as PyObj) ? lookup(key as PyObj) : dflt ?? None));
        case "keys":
        case "items":
        case "values": {
          const kind = name === "keys" ? "KeysView" : name === "items" ? "ItemsView" : "ValuesView";
          return fn(name, () => mappingView(kind, viewed));
        }
        case "pop":
        case "popitem":
        case "setdefault":
        case "update":
        case "clear":
        case "copy":
          return refuse(name);
        default:
          return undefined;
      }
    },
    getitem: lookup,
    len: () => objectLen(keysDict()) ?? 0,
    iter: () => getIter(keysDict()),
    contains: has,
    repr: chainRepr,
    // Mapping defines __eq__, so type_new sets __hash__ = None.
    unhashableAs: "ChainMap",
    compare: chainMapCompare,
  });
  asDicts.set(self, asDict);
  return self;
}

// Each ChainMap's `dict(self.items())`, for Mapping.__eq__ between two of them.
const asDicts = new WeakMap<object, () => PyDictObj>();

function chainMapAsDict(o: PyObj): PyDictObj | null {
  return asDicts.get(o)?.() ?? null;
}

/** dict(o.items()) for a Mapping pymem knows the items of; null when `o` is not a Mapping (Mapping.__eq__ returns NotImplemented). */
function mappingItems(o: PyObj): PyDictObj | null {
  const cm = chainMapAsDict(o);
  if (cm !== null) return cm;
  if (o.t === "dict" && subOf(o) === undefined) return o;
  if (isUserObj(o) || nativeSlots(o) !== null) throw new PymemError("UNSUPPORTED", `comparing a ChainMap with an object of ${typeName(o)} (Mapping.__eq__)`);
  return null;
}

/** Mapping.__eq__ (object's __ne__ inverting it); neither Mapping nor object orders. */
function chainMapCompare(op: NativeCmpOp, a: PyObj, b: PyObj): PyObj {
  if (op === "Eq" || op === "NotEq") {
    const x = mappingItems(a);
    const y = mappingItems(b);
    if (x === null || y === null) return (a === b) === (op === "Eq") ? True : False;
    return pyEq(x, y) === (op === "Eq") ? True : False;
  }
  if (isUserObj(a) || isUserObj(b)) throw new PymemError("UNSUPPORTED", `ordering a ChainMap against an object of ${typeName(isUserObj(a) ? a : b)}`);
  const sym = { Lt: "<", LtE: "<=", Gt: ">", GtE: ">=" }[op];
  throw typeError(`'${sym}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}
