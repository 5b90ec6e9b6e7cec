// re.error (named PatternError from 3.13, with re.error its alias): a Python
// class over Exception made once per version, its instances leaves of the
// deep walk, as json's JSONDecodeError.
import type { Layout } from "../../layouts/layout.js";
import { exceptionClasses } from "../exceptions.js";
import { pyStr, type PyClassObj, type PyObj } from "../objects.js";

const classes = new WeakMap<Layout, PyClassObj>();

export function reErrorClass(layout: Layout): PyClassObj {
  let cls = classes.get(layout);
  if (cls === undefined) {
    const Exception = exceptionClasses(layout).get("Exception") as PyClassObj;
    cls = {
      t: "class", name: layout.rules.re.errorName, bases: [Exception], mro: [], attrs: new Map<string, PyObj>([["__module__", pyStr("re")]]), slots: [],
      hasDict: true, hasWeakref: true, shape: layout.heapType.shape(Exception.shape, 0, false, true, false), builtinBase: "BaseException",
      cachedKeys: null, frozen: false, tupleFields: null, decorated: null, stdlib: true,
      ...(layout.heapType.managedMembers.dict ? {} : { freshKeys: true }),
    };
    (cls as { mro: readonly PyClassObj[] }).mro = [cls, ...Exception.mro];
    classes.set(layout, cls);
  }
  return cls;
}
