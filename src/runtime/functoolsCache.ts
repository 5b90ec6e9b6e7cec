// functools.lru_cache and cache: Lib/functools.py's lru_cache (maxsize and
// typed checked, a negative maxsize taken as 0) over the C
// _lru_cache_wrapper (Modules/_functoolsmodule.c). The wrapper is a leaf of
// the deep walk whose getsizeof is its struct: the cache dict and its linked
// list sit inside the C object, out of sys.getsizeof's and the walk's sight.
// What shows is behaviour: lru_cache_make_key's keys (a lone int or str
// argument is its own key; keywords after a marker object; types when typed),
// the three wrappers' hit and miss counts and evictions (least recently used
// first), and cache_info()'s CacheInfo.
import { isCallableObj } from "./callable.js";
import { callObject } from "./calls.js";
import { dictClear, dictDelete, dictGet, dictSet, newDict } from "./dicts.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { nativeObject } from "./nativeObjects.js";
import { None, typeName, type Kwargs, type PyClassObj, type PyObj } from "./objects.js";
import { opaque } from "./opaqueObjects.js";
import { newTuple, newTupleOfClass } from "./tuples.js";
import { typeObject } from "./typeObjects.js";
import { pyInt } from "./objects.js";
import { builtinFunction } from "./objects.js";

/** The kwd_mark object that separates positional from keyword arguments in a key. */
const KWD_MARK = opaque("object");

function typeOfValue(o: PyObj): PyObj {
  if (o.t === "instance") return o.cls;
  if (o.t === "tuple" && o.cls !== undefined) return o.cls;
  return typeObject(typeName(o));
}

/** lru_cache_make_key. */
function makeKey(args: readonly PyObj[], kw: Kwargs, typed: boolean): PyObj {
  if (!typed && kw.values.size === 0) {
    const only = args[0];
    if (args.length === 1 && only !== undefined && (only.t === "str" || only.t === "int")) return only;
    return newTuple(args.slice());
  }
  const items: PyObj[] = [...args];
  if (kw.values.size > 0) {
    items.push(KWD_MARK);
    for (const [k, v] of kw.values) items.push(kw.keys.get(k) as PyObj, v);
  }
  if (typed) {
    for (const a of args) items.push(typeOfValue(a));
    for (const v of kw.values.values()) items.push(typeOfValue(v));
  }
  return newTuple(items);
}

/** _lru_cache_wrapper(user_function, maxsize, typed, cache_info_type); maxsize -1 is None (unbounded). */
export function lruCacheWrapper(func: PyObj, maxsize: number, typed: boolean, cacheInfo: () => PyClassObj, lacks: ReadonlySet<string> = new Set()): PyObj {
  if (!isCallableObj(func)) throw typeError("the first argument must be callable");
  const cache = newDict();
  /** The entries, least recently used first (the bounded wrapper's linked list); the cache dict maps each key to its link. */
  const order: Link[] = [];
  const links = new WeakMap<object, Link>();
  let hits = 0;
  let misses = 0;
  const store = (key: PyObj, result: PyObj): void => {
    const link: Link = { key, result };
    const elem = opaque("_lru_list_elem");
    links.set(elem, link);
    dictSet(cache, key, elem);
    if (maxsize > 0) order.push(link);
  };
  const call = (args: readonly PyObj[], kw: Kwargs): PyObj => {
    if (maxsize === 0) {
      misses++;
      return callObject(func, args, kw);
    }
    const key = makeKey(args, kw, typed);
    const found = dictGet(cache, key);
    if (found !== undefined) {
      hits++;
      const link = links.get(found) as Link;
      if (maxsize > 0) order.push(...order.splice(order.indexOf(link), 1));
      return link.result;
    }
    misses++;
    const result = callObject(func, args, kw);
    if (maxsize < 0) {
      // infinite_lru_cache_wrapper sets the key whatever a recursive call stored meanwhile.
      store(key, result);
      return result;
    }
    // bounded_lru_cache_wrapper: a recursive call may have cached the key meanwhile; that entry stays.
    if (dictGet(cache, key) !== undefined) return result;
    if (order.length >= maxsize) {
      const oldest = order.shift() as Link;
      dictDelete(cache, oldest.key);
    }
    store(key, result);
    return result;
  };
  const dict = new Map<string, PyObj>([
    ["cache_info", builtinFunction("cache_info", () => {
      const info = cacheInfo();
      return newTupleOfClass([pyInt(hits), pyInt(misses), maxsize < 0 ? None : pyInt(maxsize), pyInt(cache.table.used)], info);
    })],
    ["cache_clear", builtinFunction("cache_clear", () => {
      hits = 0;
      misses = 0;
      dictClear(cache);
      order.length = 0;
      return None;
    })],
  ]);
  const self = nativeObject("_lru_cache_wrapper", {
    call,
    dict,
    // update_wrapper also gave it __module__, __doc__ … and the wrapped function's own attributes, which pymem does not record.
    attr: (name) => {
      if (dict.has(name)) return undefined;
      if (lacks.has(name)) throw new PyException("AttributeError", `'functools._lru_cache_wrapper' object has no attribute '${name}'`);
      throw new PymemError("UNSUPPORTED", `the attribute ${name} of an lru_cache wrapper`);
    },
    get: (instance) => ({ t: "method", func: self, self: instance }),
  });
  return self;
}

interface Link {
  readonly key: PyObj;
  readonly result: PyObj;
}
