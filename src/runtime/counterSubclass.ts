// Counter's Python methods (Lib/collections/__init__.py) on a subclass's object
// whose class overrides what they call: __init__ calls self.update(iterable,
// **kwds); update reads `if self` (__len__/__bool__), self.get and stores with
// self[elem] = count + self_get(elem, 0) for a mapping (dict.update when the
// counter is empty), or runs _count_elements over an iterable — whose fast path
// needs type(self).get and __setitem__ to be dict's, else it calls self.get(key,
// 0) and self[key] = old + 1. Without such overrides the Counter's own code
// (dictFlavors.ts) gives the same objects directly.
import { callObject, emptyKwargs } from "./calls.js";
import { getAttr } from "./attributes.js";
import { registerCollectionInit, registerCollectionSubMethods } from "./collectionCtors.js";
import { truthy } from "./compare.js";
import { counterCount } from "./dictFlavors.js";
import { kwargsDict } from "./functoolsPartial.js";
import { PymemError, typeError } from "./errors.js";
import { forEach, toArray } from "./iteration.js";
import { updateFrom } from "./methods.js";
import { None, pyInt, subOf, type Kwargs, type NativeFn, type PyClassObj, type PyDictObj, type PyObj } from "./objects.js";
import { binaryOp } from "./ops.js";
import { setItem } from "./subscript.js";

/** The names Counter's update and _count_elements reach on self. */
const REACHED = ["__setitem__", "get", "update", "__len__", "__bool__"];

/** Whether a class between the object's class and Counter defines `names`. */
function overrides(cls: PyClassObj, names: readonly string[]): boolean {
  return cls.mro.some((c) => c.stdlib !== true && names.some((n) => c.attrs.has(n)));
}

function isThroughCounter(o: PyObj): o is PyDictObj {
  const cls = subOf(o)?.cls;
  return o.t === "dict" && o.flavor?.name === "Counter" && cls !== undefined && overrides(cls, REACHED);
}

/** Counter.update(self, iterable=None, /, **kwds), step by step through the object's class. */
function update(self: PyDictObj, args: readonly PyObj[], kw: Kwargs): void {
  if (args.length > 1) throw typeError(`expected at most 1 argument, got ${args.length}`);
  const iterable = args[0];
  if (iterable !== undefined && iterable.t !== "NoneType") {
    if (iterable.t === "instance") throw new PymemError("UNSUPPORTED", "Counter.update of a subclass's object from an instance (isinstance(iterable, Mapping) is not modelled)");
    if (iterable.t === "dict") {
      if (truthy(self)) {
        const selfGet = getAttr(self, "get");
        for (const pair of toArray(callObject(getAttr(iterable, "items"), [], emptyKwargs))) {
          const [elem, count] = toArray(pair) as [PyObj, PyObj];
          setItem(self, elem, binaryOp("Add", count, callObject(selfGet, [elem, pyInt(0)], emptyKwargs)));
        }
      } else updateFrom(self, iterable); // super().update(iterable): dict.update
    } else countElements(self, iterable);
  }
  if (kw.values.size > 0) callObject(getAttr(self, "update"), [kwargsDict(kw)], emptyKwargs);
}

/** _count_elements(mapping, iterable): dict's get and __setitem__ on the type, else through the object. */
function countElements(self: PyDictObj, iterable: PyObj): void {
  const cls = subOf(self)?.cls as PyClassObj;
  if (!overrides(cls, ["get", "__setitem__"])) {
    counterCount(self, iterable);
    return;
  }
  const get = getAttr(self, "get");
  forEach(iterable, (key) => setItem(self, key, binaryOp("Add", callObject(get, [key, pyInt(0)], emptyKwargs), pyInt(1))));
}

function counterSubMethod(o: PyObj, name: string): NativeFn | undefined {
  if (name !== "update" || !isThroughCounter(o)) return undefined;
  return (args, kw) => (update(o, args, kw), None);
}

/** Counter.__init__(self, iterable=None, /, **kwds): super().__init__(), then self.update(iterable, **kwds). */
function counterInit(self: PyObj, args: readonly PyObj[], kw: Kwargs): boolean {
  if (!isThroughCounter(self)) return false;
  if (args.length > 1) throw typeError(`expected at most 1 argument, got ${args.length}`);
  callObject(getAttr(self, "update"), args, kw);
  return true;
}

registerCollectionSubMethods(counterSubMethod);
registerCollectionInit("Counter", counterInit);
