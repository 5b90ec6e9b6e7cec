// The gc module's switches as Modules/gcmodule.c keeps them: automatic
// collection on or off (per evaluation), the thresholds of a fresh
// interpreter (version data). collect() runs a collection: what it frees is
// not part of any size pymem reports (a value reachable from the code is never
// garbage), but the count it returns depends on all the garbage of the
// process, so that int is refused when measured. get_count, get_objects,
// get_referrers and the rest are refused through the module's attribute table.
import { ctx } from "./ctx.js";
import { PyException, typeError } from "./errors.js";
import { builtinFunction as fn, cloneObject, None, pyBool, pyInt, type PyObj } from "./objects.js";
import { newTuple } from "./tuples.js";
import { markUnsized } from "./unsizedValues.js";
import type { Layout } from "../layouts/layout.js";

const ENABLED = "gc.enabled";

function noArgs(name: string, args: readonly PyObj[]): void {
  if (args.length > 0) throw typeError(`${name}() takes no arguments (${args.length} given)`);
}

export function gcModuleAttrs(layout: Layout): [string, PyObj][] {
  const [t0, t1, t2] = layout.rules.gcThresholds;
  return [
    ["isenabled", fn("isenabled", (args) => {
      noArgs("isenabled", args);
      return pyBool(ctx().moduleState.get(ENABLED) !== false);
    }, "gc")],
    ["enable", fn("enable", (args) => {
      noArgs("enable", args);
      ctx().moduleState.set(ENABLED, true);
      return None;
    }, "gc")],
    ["disable", fn("disable", (args) => {
      noArgs("disable", args);
      ctx().moduleState.set(ENABLED, false);
      return None;
    }, "gc")],
    ["collect", fn("collect", (args, kw) => {
      const g = args[0] ?? kw.values.get("generation");
      if (args.length > 1) throw typeError(`collect() takes at most 1 argument (${args.length} given)`);
      if (g !== undefined) {
        if (g.t !== "int") throw typeError(`'${g.t}' object cannot be interpreted as an integer`);
        if (g.v < 0 || g.v > 2) throw new PyException("ValueError", "invalid generation");
      }
      return markUnsized(cloneObject(pyInt(0)), "the count gc.collect() returns (it depends on all the garbage of the process)");
    }, "gc")],
    ["get_threshold", fn("get_threshold", (args) => {
      noArgs("get_threshold", args);
      return newTuple([pyInt(t0), pyInt(t1), pyInt(t2)]);
    }, "gc")],
  ];
}
