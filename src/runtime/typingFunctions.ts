// typing's functions over its objects (Lib/typing.py): get_origin, get_args,
// overload (every decorated stub becomes the one module-level
// _overload_dummy, so the implementation defined after them is what the name
// keeps) and final (from 3.11 it sets __final__ = True where it can).
import { ctx } from "./ctx.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { callObject } from "./calls.js";
import { setAttr } from "./attributes.js";
import { nativeFunction as fn, Ellipsis, None, True, type PyFunctionObj, type PyObj } from "./objects.js";
import { newTuple } from "./tuples.js";
import { typeObject } from "./typeObjects.js";
import { aliasInfo } from "./typingForms.js";
import { genericClassNow } from "./typingGeneric.js";
import { getTypeHints } from "./typeHints.js";

function oneArg(name: string, args: readonly PyObj[]): PyObj {
  if (args.length !== 1) throw typeError(`${name}() takes 1 positional argument but ${args.length} were given`);
  return args[0] as PyObj;
}

/** get_origin: an alias's __origin__ (a bare one's too), Generic for Generic, types.UnionType for int | str, else None. */
function getOrigin(tp: PyObj): PyObj {
  const info = aliasInfo(tp);
  if (info !== undefined) return info.kind === "unionType" ? typeObject("UnionType") : info.origin();
  if (tp.t === "type" && tp.origin !== undefined && tp.typingArgs !== undefined) return tp.origin;
  if (tp === genericClassNow()) return tp;
  return None;
}

/** get_args: a subscripted alias's __args__ (the same tuple), Callable's as ([args], result); () for anything else. */
function getArgs(tp: PyObj): PyObj {
  const info = aliasInfo(tp);
  if (tp.t !== "type" || (info === undefined && (tp.origin === undefined || tp.typingArgs === undefined)) || info?.kind === "special") return newTuple([]);
  const own = tp.attrs.get("__args__") ?? newTuple([...(tp.typingArgs ?? [])]);
  if (info?.kind === "callable" && info.args[0] !== Ellipsis) return newTuple([callObject(typeObject("list"), [newTuple(info.args.slice(0, -1))]), info.args[info.args.length - 1] as PyObj]);
  return own;
}

/** typing._overload_dummy: one function per evaluation, what every @overload stub becomes. */
function overloadDummy(): PyFunctionObj {
  const state = ctx().moduleState;
  let f = state.get("typing._overload_dummy") as PyFunctionObj | undefined;
  if (f === undefined) {
    f = { t: "function", name: "_overload_dummy", call: () => {
      throw new PyException("NotImplementedError", "You should not call an overloaded function. A series of @overload-decorated functions outside a stub module should always be followed by an implementation that is not @overload-ed.");
    } };
    state.set("typing._overload_dummy", f);
  }
  return f;
}

/** The names this file gives the typing module: Python functions of typing.py, so function objects. */
export function typingFunctionAttrs(): [string, PyObj][] {
  return [
    ["get_origin", fn("get_origin", (args) => getOrigin(oneArg("get_origin", args)))],
    ["get_args", fn("get_args", (args) => getArgs(oneArg("get_args", args)))],
    ["overload", fn("overload", (args) => {
      oneArg("overload", args);
      return overloadDummy();
    })],
    ["final", fn("final", (args) => {
      const f = oneArg("final", args);
      if (ctx().layout.typing.finalSetsAttribute && f.t === "function") throw new PymemError("UNSUPPORTED", "typing.final on a function from 3.11 (it sets the function's __final__)");
      if (ctx().layout.typing.finalSetsAttribute) {
        try {
          setAttr(f, "__final__", True);
        } catch (e) {
          // except (AttributeError, TypeError): pass
          if (!(e instanceof PyException && (e.pyType === "AttributeError" || e.pyType === "TypeError"))) throw e;
        }
      }
      return f;
    })],
    ["get_type_hints", fn("get_type_hints", (args, kw) => {
      // globalns and localns only matter to string annotations, which getTypeHints refuses.
      if (args.length === 0 && kw.values.get("obj") === undefined) throw typeError("get_type_hints() missing 1 required positional argument: 'obj'");
      if (args.length > (ctx().layout.typing.hintsIncludeExtras ? 4 : 3)) throw typeError(`get_type_hints() takes from 1 to ${ctx().layout.typing.hintsIncludeExtras ? 4 : 3} positional arguments but ${args.length} were given`);
      for (const k of kw.values.keys()) {
        if (k !== "obj" && k !== "globalns" && k !== "localns" && !(k === "include_extras" && ctx().layout.typing.hintsIncludeExtras)) throw typeError(`get_type_hints() got an unexpected keyword argument '${k}'`);
      }
      return getTypeHints(args[0] ?? (kw.values.get("obj") as PyObj), args[1] ?? kw.values.get("globalns"));
    })],
  ];
}
