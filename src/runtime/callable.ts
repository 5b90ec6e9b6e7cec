// PyCallable_Check over the modelled objects.
import { nativeSlots } from "./nativeObjects.js";
import type { PyObj } from "./objects.js";
import { lookupDunder } from "./userDunders.js";

/** Whether calling `o` can succeed: a function or type, a native object with tp_call, or a setup-class object with __call__. */
export function isCallableObj(o: PyObj): boolean {
  return ["builtin", "function", "type", "class", "method"].includes(o.t) || nativeSlots(o)?.call !== undefined || lookupDunder(o, "__call__") !== undefined;
}
