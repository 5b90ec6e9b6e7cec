// The context-manager protocol of `with` (SETUP_WITH / WITH_EXCEPT_START), shared by the
// statement compiler and the generator-body compiler: __enter__ and __exit__ looked up on
// the type, __exit__ told of an exception (which a true result swallows).
import { truthy } from "./compare.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { exceptionObject } from "./exceptions.js";
import { None, typeName, type PyObj } from "./objects.js";
import { callBound, isUserObj, lookupDunder } from "./userDunders.js";
import { nativeSlots } from "./nativeObjects.js";

/** A manager's __enter__ and __exit__, or the version's error for an object without them. */
export function contextMethods(mgr: PyObj): { readonly enter: PyObj; readonly exit: PyObj } {
  // A native object's methods (io.StringIO's) come bound from its type's slots.
  const native = nativeSlots(mgr)?.attr;
  const enter = lookupDunder(mgr, "__enter__") ?? native?.("__enter__");
  const exit = lookupDunder(mgr, "__exit__") ?? native?.("__exit__");
  if (enter === undefined || exit === undefined) {
    // A builtin object CPython gives __enter__ (a file, a lock …) is not modelled; any other is the protocol's error.
    const names = ctx().layout.attributeNames()[typeName(mgr)]?.split(" ") ?? [];
    if (!isUserObj(mgr) && (names.length === 0 || names.includes("__enter__"))) throw new PymemError("UNSUPPORTED", `a '${typeName(mgr)}' as a context manager`);
    throw withError(mgr, enter === undefined ? "__enter__" : "__exit__");
  }
  return { enter, exit };
}

/** __exit__(type, value, None) for an exception leaving the body, run while it is being handled: whether it swallows it. */
export function exitSwallows(mgr: PyObj, exit: PyObj, e: PyException): boolean {
  const obj = exceptionObject(e);
  const handling = ctx().handling;
  handling.push(obj);
  try {
    return truthy(callBound(exit, mgr, [obj.cls, obj, None]));
  } finally {
    handling.pop();
  }
}

/** __exit__(None, None, None) after the body ended normally (or by break/continue/return). */
export function exitNormally(mgr: PyObj, exit: PyObj): void {
  callBound(exit, mgr, [None, None, None]);
}

function withError(mgr: PyObj, missing: string): PyException {
  if (ctx().layout.rules.withProtocolMessage) return typeError(`'${typeName(mgr)}' object does not support the context manager protocol`);
  return new PyException("AttributeError", missing);
}
