// copy.copy and copy.deepcopy of an object of a list or dict subclass, as
// Lib/copy.py runs them: no __copy__/__deepcopy__ on the class, so
// object.__reduce_ex__(4) -> reduce_newobj gives (copyreg.__newobj__, (cls,),
// state, listitems, dictitems) — list and dict have no __getnewargs__ — and
// _reconstruct makes y = cls.__new__(cls) (no __init__), memoizes it (deep),
// stores the state (y.__dict__.update, setattr for the slots), then
// y.append(item) for each item of iter(x), or y[key] = value for each pair of
// x.items() — each through the class's own append / __setitem__, each item
// deep-copied first for deepcopy.
import type { CopyMemo } from "./copyMemo.js";
import { callObject, emptyKwargs } from "./calls.js";
import { lookupClassAttr } from "./classes.js";
import { PymemError } from "./errors.js";
import { getAttr } from "./attributes.js";
import { None, pyInt, subOf, type PyInstanceObj, type PyObj } from "./objects.js";
import { registerCollectionSubCopy } from "./collectionCtors.js";
import { instanceState, refuseClassHooks, refuseHooks, setReducedItems, setReducedState } from "./reduceState.js";
import { materialize } from "./seq.js";
import { builtinNew } from "./subclassConstruct.js";
import { typeObject } from "./typeObjects.js";

type DeepCopy = (o: PyObj, memo: CopyMemo) => PyObj;

/** Whether copy() of this builtin subclass's object takes the path modelled here (a list or a plain dict subclass). */
export function copiesByReduce(x: PyObj): boolean {
  return x.t === "list" || (x.t === "dict" && (x.flavor === undefined || x.flavor.name === "Counter" || x.flavor.name === "defaultdict"));
}

/**
 * Counter.__reduce__ is (self.__class__, (dict(self),)) and gives no state: y = cls(arg), the
 * dict deep-copied first for deepcopy. defaultdict's __copy__ is type(dd)(factory, dd); its
 * __reduce__ (type(dd), (factory,) or (), None, None, iter(dd.items())): y = cls(*args), then
 * y[k] = v for each (deep-copied) pair. Either way the class's __init__ runs and the instance
 * attributes are not carried over.
 */
function copyByOwnReduce(x: PyObj & { t: "dict" }, cls: PyInstanceObj["cls"], memo: CopyMemo | null, deepcopy: DeepCopy): PyObj {
  refuseClassHooks(cls, ["__reduce__", "__reduce_ex__", "__copy__", "__deepcopy__", "__getnewargs__", "__getnewargs_ex__", "__getstate__", "__setstate__", "items"]);
  const flavor = x.flavor;
  if (flavor?.name === "Counter") {
    const plain = callObject(typeObject("dict"), [x], emptyKwargs);
    const y = callObject(cls, [memo === null ? plain : deepcopy(plain, memo)], emptyKwargs);
    if (memo !== null) memo.set(x, y);
    return y;
  }
  const f = flavor?.factory;
  const factory = f === undefined ? None : f;
  if (memo === null) return callObject(cls, [factory, x], emptyKwargs);
  const args = f === undefined || f.t === "NoneType" ? [] : [deepcopy(f, memo)];
  const y = callObject(cls, args, emptyKwargs);
  memo.set(x, y);
  setReducedItems(y, [...x.table.map.values()], memo, deepcopy);
  return y;
}

export function copySubclassObject(x: PyObj, sub: PyInstanceObj, memo: CopyMemo | null, deepcopy: DeepCopy): PyObj {
  const cls = sub.cls;
  if (x.t === "dict" && x.flavor !== undefined) return copyByOwnReduce(x, cls, memo, deepcopy);
  const own = memo === null ? "__copy__" : "__deepcopy__";
  if (lookupClassAttr(cls, own) !== undefined) throw new PymemError("UNSUPPORTED", `copying a ${cls.name} (its class defines ${own})`);
  refuseHooks(sub);
  if (x.t === "dict" && lookupClassAttr(cls, "items") !== undefined) throw new PymemError("UNSUPPORTED", `copying a ${cls.name} (its class defines items, which dictitems calls)`);
  // reduce_newobj reads the state before _reconstruct makes anything.
  const { dict, slots } = instanceState(sub);
  const y = newObj(cls, x.t === "list" ? "list" : "dict");
  if (memo !== null) memo.set(x, y);
  setReducedState(y, { dict, slots }, memo, deepcopy);
  if (x.t === "list") {
    const append = getAttr(y, "append");
    for (const item of materialize(x.items)) callObject(append, [memo === null ? item : deepcopy(item, memo)], emptyKwargs);
  } else if (x.t === "dict") setReducedItems(y, [...x.table.map.values()], memo, deepcopy);
  return y;
}

/** copyreg.__newobj__(cls): cls.__new__(cls), the class's own or the builtin's (an empty object). */
function newObj(cls: PyInstanceObj["cls"], base: "list" | "dict"): PyObj {
  const nw = lookupClassAttr(cls, "__new__");
  if (nw === undefined) return builtinNew(cls, base, [], emptyKwargs);
  return callObject(nw.t === "opaque" && nw.typeName === "staticmethod" ? (nw.data as PyObj) : nw, [cls], emptyKwargs);
}

/**
 * The type's own copy of a subclass's object: deque_copy calls type(d)(d) or type(d)(d, maxlen),
 * Counter.copy self.__class__(self), defdict_copy type(dd)(factory, dd) — the class's __init__ runs.
 */
export function collectionSubCopy(x: PyObj): PyObj {
  const cls = subOf(x)?.cls;
  if (cls === undefined) throw new PymemError("UNSUPPORTED", "copying this object");
  if (x.t === "deque") return callObject(cls, x.maxlen === null ? [x] : [x, pyInt(x.maxlen)], emptyKwargs);
  if (x.t === "dict" && x.flavor?.name === "Counter") return callObject(cls, [x], emptyKwargs);
  if (x.t === "dict" && x.flavor?.name === "defaultdict") return callObject(cls, [x.flavor.factory ?? None, x], emptyKwargs);
  throw new PymemError("UNSUPPORTED", `copying an object of ${cls.name}`);
}
registerCollectionSubCopy(collectionSubCopy);
