// collections.ChainMap (Lib/collections/__init__.py), a Python class pymem
// keeps as a leaf of its instance size (the layout's "ChainMap" leaf) with the
// behaviour of its own methods: `maps` is the one list `list(maps) or [{}]`
// made (list() of the argument tuple, presized as list() presizes), lookups
// walk the maps in order, iteration goes over the dict that
// `d.update(dict.fromkeys(mapping))` builds from the last map to the first,
// new_child and parents call the class back with a new argument tuple. What
// goes through _collections_abc's views (keys(), items(), values()) or writes
// (__setitem__ on maps[0]) is refused by name.
import { callObject, emptyKwargs } from "./calls.js";
import { contains } from "./ops.js";
import { dictSet, newDict } from "./dicts.js";
import { PyException, PymemError, keyError } from "./errors.js";
import { forEach, getIter, objectLen } from "./iteration.js";
import { nativeObject } from "./nativeObjects.js";
import { builtinFunction as fn, None, PyListObj, type PyObj } from "./objects.js";
import { repr } from "./repr.js";
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
  return nativeObject("ChainMap", {
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
        case "values":
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
    repr: () => `ChainMap(${maps().map((m) => repr(m)).join(", ")})`,
  });
}
