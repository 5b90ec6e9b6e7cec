// The methods of OrderedDict that work through the object's own protocol when
// it is a subclass's (Objects/odictobject.c checks PyODict_CheckExact): so a
// class overriding __contains__, __getitem__, __setitem__ or __delitem__ (an
// LRU cache moving keys to the end in __getitem__) sees them called.
// - setdefault: `key in od`, then od[key], or od[key] = default (every version);
// - pop and popitem: `key in od`, od[key], del od[key] (_odict_popkey_hash,
//   before 3.11, with the key's node unlinked from the order meanwhile: a
//   move_to_end(key) in __getitem__ raises KeyError; from 3.11 the dict is read
//   directly);
// - copy: type(od)(), then for each key in order copy[key] = od[key], the
//   nodes followed as they are after each read (a __getitem__ moving the key
//   to the end ends the walk there, as odict_copy's _odict_FOREACH does).
import { callObject, emptyKwargs } from "./calls.js";
import { registerCollectionInit, registerCollectionSubMethods, registerOdictUpdate } from "./collectionCtors.js";
import { getAttr } from "./attributes.js";
import { odictEnd, withNodeUnlinked } from "./dictFlavors.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError, keyError, typeError, valueError } from "./errors.js";
import { None, subOf, type Kwargs, type NativeFn, type PyDictObj, type PyObj } from "./objects.js";
import { forEach, toArray } from "./iteration.js";
import { contains } from "./ops.js";
import { lookupDunder } from "./userDunders.js";
import { repr } from "./repr.js";
import { delItem, getItem, setItem } from "./subscript.js";
import { tuple2 } from "./tuples.js";

/**
 * _odict_popkey_hash over a subclass's object: the key's node unlinked first, then `in`, [] and
 * del through the class; KeyError(key) when absent and no default.
 */
function popThrough(d: PyDictObj, key: PyObj, dflt: PyObj | undefined): PyObj {
  const held = d.table.map.get(d.table.keyFor(key));
  const found = withNodeUnlinked(d, held?.key ?? key, () => {
    if (!contains(d, key)) return undefined;
    const v = getItem(d, key);
    delItem(d, key);
    return v;
  });
  if (found !== undefined) return found;
  if (dflt !== undefined) return dflt;
  throw keyError(key, repr(key));
}

/** The key after `key` in the dict's current order (undefined: the last, or no longer there). */
function keyAfter(d: PyDictObj, key: PyObj): PyObj | undefined {
  let found = false;
  for (const e of d.table.map.values()) {
    if (found) return e.key;
    if (e.key === key) found = true;
  }
  if (!found) throw new PymemError("UNSUPPORTED", "OrderedDict.copy() of a subclass whose __getitem__ removed the key being copied");
  return undefined;
}

/**
 * mutablemapping_update (OrderedDict's update and, through odict_init, its __init__): the one
 * positional argument (an exact dict by its items; else by keys() and od_arg[key] when it has
 * keys, by items() when it has that, else as pairs), then the keywords, each pair stored with
 * PyObject_SetItem — a subclass's own __setitem__ runs.
 */
function odictUpdate(self: PyDictObj, args: readonly PyObj[], kw: Kwargs, asInit = false): void {
  if (args.length > 1) throw typeError(asInit ? `expected at most 1 arguments, got ${args.length}` : `update() takes at most 1 positional argument (${args.length} given)`);
  const arg = args[0];
  if (arg !== undefined) {
    if (arg.t === "dict" && arg.flavor === undefined && subOf(arg) === undefined) {
      addPairs(self, [...arg.table.map.values()].map((e) => tuple2(e.key, e.value)));
    } else {
      const keys = lookupAttr(arg, "keys");
      const items = keys === undefined ? lookupAttr(arg, "items") : undefined;
      if (keys !== undefined) forEach(callObject(keys, [], emptyKwargs), (k) => setItem(self, k, getItem(arg, k)));
      else if (items !== undefined) addPairs(self, toArray(callObject(items, [], emptyKwargs)));
      else addPairs(self, toArray(arg));
    }
  }
  if (kw.values.size > 0) addPairs(self, [...kw.values].map(([k, v]) => tuple2(kw.keys.get(k) as PyObj, v)));
}

/** _PyObject_LookupAttr: the attribute, or undefined on AttributeError. */
function lookupAttr(o: PyObj, name: string): PyObj | undefined {
  try {
    return getAttr(o, name);
  } catch (e) {
    if (e instanceof PyException && e.pyType === "AttributeError") return undefined;
    throw e;
  }
}

/** mutablemapping_add_pairs: each item unpacked to exactly two, then self[key] = value. */
function addPairs(self: PyDictObj, pairs: readonly PyObj[]): void {
  for (const pair of pairs) {
    const kv = toArray(pair);
    if (kv.length < 2) throw valueError(`need more than ${kv.length} value${kv.length === 1 ? "" : "s"} to unpack`);
    if (kv.length > 2) throw valueError("too many values to unpack (expected 2)");
    setItem(self, kv[0] as PyObj, kv[1] as PyObj);
  }
}

function odictSubMethod(o: PyObj, name: string): NativeFn | undefined {
  if (o.t !== "dict" || o.flavor?.name !== "OrderedDict") return undefined;
  const d = o;
  const noKeywords = (kw: { readonly values: ReadonlyMap<string, PyObj> }): void => {
    if (kw.values.size > 0) throw new PymemError("UNSUPPORTED", `keyword arguments to OrderedDict.${name} of a subclass's object`);
  };
  if (name === "update") return (args, kw) => (odictUpdate(d, args, kw), None);
  if (name === "setdefault") {
    return (args, kw) => {
      noKeywords(kw);
      const [key, dflt = None] = args as PyObj[];
      if (key === undefined) throw new PymemError("UNSUPPORTED", "OrderedDict.setdefault() without a key");
      if (contains(d, key)) return getItem(d, key);
      setItem(d, key, dflt);
      return dflt;
    };
  }
  if ((name === "pop" || name === "popitem") && ctx().layout.rules.odictPopThroughSubclass === true) {
    if (name === "pop") {
      return (args, kw) => {
        noKeywords(kw);
        const [key, dflt] = args as PyObj[];
        if (key === undefined) throw new PymemError("UNSUPPORTED", "OrderedDict.pop() without a key");
        return popThrough(d, key, dflt);
      };
    }
    return (args, kw) => {
      const { key } = odictEnd(d, args[0] ?? kw.values.get("last"));
      return tuple2(key, popThrough(d, key, undefined));
    };
  }
  if (name === "copy") {
    return (args, kw) => {
      noKeywords(kw);
      if (args.length > 0) throw new PymemError("UNSUPPORTED", "arguments to OrderedDict.copy()");
      const cls = subOf(d)?.cls as PyObj;
      const y = callObject(cls, [], emptyKwargs);
      if (lookupDunder(d, "__getitem__") === undefined) {
        // dict's own subscript moves nothing: the nodes are walked in their order.
        for (const e of [...d.table.map.values()]) setItem(y, e.key, getItem(d, e.key));
        ctx().tick(d.table.map.size);
        return y;
      }
      let key: PyObj | undefined = d.table.map.values().next().value?.key;
      while (key !== undefined) {
        setItem(y, key, getItem(d, key));
        ctx().tick(d.table.map.size);
        key = keyAfter(d, key);
      }
      return y;
    };
  }
  return undefined;
}

registerCollectionSubMethods(odictSubMethod);
registerOdictUpdate(odictUpdate);
// odict_init is update(): pair by pair through PyObject_SetItem, never cleared first.
registerCollectionInit("OrderedDict", (self, args, kw) => (odictUpdate(self as PyDictObj, args, kw, true), true));
