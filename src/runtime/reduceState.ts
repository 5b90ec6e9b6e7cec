// What object.__reduce_ex__(4) reads from an instance (or a builtin subclass's
// object's instance part) for copy._reconstruct: the state (the __dict__ and
// the filled slots), and the hooks that would make it read otherwise.
import { allSlots, lookupClassAttr, slotGet } from "./classes.js";
import { ctx } from "./ctx.js";
import { PymemError } from "./errors.js";
import { getAttr } from "./attributes.js";
import { objectLen } from "./iteration.js";
import { hasManagedValues, forEachManagedValue } from "./managedValues.js";
import { hasInstanceDict } from "./instanceValues.js";
import { None, type PyInstanceObj, type PyObj } from "./objects.js";

/** Reduction hooks pymem does not run: a class defining one is refused rather than copied another way. */
const REDUCE_HOOKS = ["__reduce__", "__reduce_ex__", "__getstate__", "__setstate__", "__getnewargs__", "__getnewargs_ex__"];

export function refuseHooks(x: PyInstanceObj): void {
  for (const h of REDUCE_HOOKS) {
    if (lookupClassAttr(x.cls, h) !== undefined) throw new PymemError("UNSUPPORTED", `copying a ${x.cls.name} (its class defines ${h})`);
  }
}

/** The values an instance's __dict__ holds, without making a dict object (3.11+ managed values). */
function dictIsEmpty(x: PyInstanceObj): boolean {
  if (hasManagedValues(x)) {
    let n = 0;
    forEachManagedValue(x, () => n++);
    return n === 0;
  }
  if (x.dict !== null) return objectLen(x.dict) === 0;
  return x.attrKeys === null || x.attrCount === 0;
}

/**
 * object.__reduce_ex__(4)'s state: the instance __dict__ (None when there is
 * none: before 3.11 a dict never made, from 3.11 an empty one), with the
 * filled slots as a second dict when the class has slots.
 */
export function instanceState(x: PyInstanceObj): { dict: PyObj; slots: [string, PyObj][] } {
  let dict: PyObj = None;
  if (x.cls.hasDict) {
    const present = ctx().layout.rules.managedDicts ? !dictIsEmpty(x) : hasInstanceDict(x);
    if (present) dict = getAttr(x, "__dict__");
  }
  const slots: [string, PyObj][] = [];
  for (const name of allSlots(x.cls).keys()) {
    const v = slotGet(x, name);
    if (v !== undefined) slots.push([name, v]);
  }
  return { dict, slots };
}
