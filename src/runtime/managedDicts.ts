// Managed instance dicts (3.11+, Py_TPFLAGS_MANAGED_DICT): an instance of a
// class over a fixed-size base keeps its attribute values in a values array
// ordered by the class's shared keys, with no dict object until one is asked
// for (managedValues.ts). Over a var-sized base (a tuple subclass) the dict is
// made at the first attribute store, split over the class's keys, as before 3.11
// (a member after the items in 3.11, managed in the pre-header from 3.12).
import { ctx } from "./ctx.js";
import type { PyClassObj } from "./objects.js";

/** Whether instances of `cls` keep managed values under the session's version. */
export function usesManagedValues(cls: PyClassObj): boolean {
  const { rules, heapType } = ctx().layout;
  if (!cls.hasDict || cls.builtinBase !== "object" || !rules.managedDicts) return false;
  // 3.13: inline values only for instances that are nothing but the object header.
  return !rules.inlineValuesNeedPlainLayout || cls.shape.basicsize === heapType.object.basicsize;
}
