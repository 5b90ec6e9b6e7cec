// Calling a modelled callable.
import { ctx } from "./ctx.js";
import { typeError } from "./errors.js";
import { typeName, type Kwargs, type PyObj } from "./objects.js";
import { instantiate } from "./classes.js";
import { isBuiltinFunction } from "./scope.js";
import { bindBuiltinCall } from "./argumentBinding.js";
import { callBound, lookupDunder, setDunderCaller } from "./userDunders.js";

/** What a builtin call costs beyond its node, in counted steps (a step is about one cheap node's work). */
const BUILTIN_CALL_STEPS = 1;

export const emptyKwargs: Kwargs = { values: new Map(), keys: new Map() };

export function callObject(f: PyObj, args: readonly PyObj[], kwargs: Kwargs = emptyKwargs): PyObj {
  switch (f.t) {
    case "builtin": {
      // A builtin call does real work beyond its node's step (argument binding, a new object): counted as several.
      ctx().tick(BUILTIN_CALL_STEPS);
      const call = bindBuiltinCall(f, args, kwargs, isBuiltinFunction);
      return f.fn(call.args, call.kwargs);
    }
    case "function":
      return f.call(args, kwargs);
    case "type":
      if (f.call === null) throw typeError(`cannot create '${f.name}' instances`);
      return f.call(args, kwargs);
    case "class":
      return instantiate(f, args, kwargs);
    case "method":
      return callObject(f.func, [f.self, ...args], kwargs);
    case "instance":
    case "tuple": {
      // slot_tp_call: the class's __call__, bound to the instance.
      const call = lookupDunder(f, "__call__");
      if (call === undefined) throw typeError(`'${typeName(f)}' object is not callable`);
      if (kwargs.values.size === 0) return callBound(call, f, args);
      if (call.t !== "function") throw typeError(`'${typeName(call)}' object is not callable`);
      return call.call([f, ...args], kwargs);
    }
    default:
      throw typeError(`'${typeName(f)}' object is not callable`);
  }
}

setDunderCaller((f, args) => callObject(f, args));

/** Refuse keyword arguments a builtin does not take, with CPython's message. */
export function noKwargs(name: string, kwargs: Kwargs): void {
  if (kwargs.values.size > 0) throw typeError(`${name}() takes no keyword arguments`);
}

export function argCount(name: string, args: readonly PyObj[], min: number, max: number): void {
  if (args.length < min || args.length > max) {
    if (min === max) {
      throw typeError(`${name}() takes exactly ${min === 1 ? "one argument" : `${min} arguments`} (${args.length} given)`);
    }
    if (args.length < min) throw typeError(`${name} expected at least ${min} argument${min === 1 ? "" : "s"}, got ${args.length}`);
    throw typeError(`${name} expected at most ${max} argument${max === 1 ? "" : "s"}, got ${args.length}`);
  }
}
