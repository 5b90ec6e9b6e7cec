// functools.singledispatch: Lib/functools.py's function, run by pymem from the
// source below (made once per evaluation, as collections' User classes are).
// It keeps what decides behaviour: the registry with `object` as the default,
// register() as a decorator with a class or on a function annotated on its
// first parameter (3.11+ refusing a non-class first argument with func given),
// dispatch on type(args[0]) along its __mro__, `registry` a read-only proxy,
// the wrapper updated from the function (update_wrapper). _find_impl's ABC
// handling (_compose_mro over virtual subclasses) is refused: an ABC in the
// registry, like a string annotation (get_type_hints), is not modelled.
import { parseModule } from "../python/parse.js";
import { ctx } from "./ctx.js";
import { PymemError } from "./errors.js";
import { execBlock } from "./exec.js";
import { mappingProxy } from "./mappingProxy.js";
import { firstAnnotation } from "./functionDicts.js";
import { newTuple } from "./tuples.js";
import { builtinFunction, None, pyStr, type PyModuleObj, type PyObj, type Scope } from "./objects.js";
import { typeObject } from "./typeObjects.js";
import { strText } from "./text.js";

const SOURCE = `
def singledispatch(func):
    from functools import update_wrapper
    registry = {}

    def dispatch(cls):
        for k in registry:
            if type(k) is not type:
                _refuse('functools.singledispatch over an ABC or a class with a metaclass (_compose_mro)')
        for c in _mro(cls, object):
            if c in registry:
                return registry[c]
        return registry[object]

    def register(cls, func=None):
        if isinstance(cls, type):
            if func is None:
                return lambda f: register(cls, f)
        else:
            if func is not None:
                _refuse('register() with a first argument that is not a class')
            ann = _first_annotation(cls)
            if ann is None:
                raise TypeError(f"Invalid first argument to \`register()\`: {cls!r}. Use either \`@register(some_class)\` or plain \`@register\` on an annotated function.")
            func = cls
            argname, cls = ann
            if not isinstance(cls, type):
                _refuse('register() on a function annotated with something other than a class (get_type_hints)')
        registry[cls] = func
        return func

    def wrapper(*args, **kw):
        if not args:
            raise TypeError(f'{funcname} requires at least 1 positional argument')
        return dispatch(type(args[0]))(*args, **kw)

    funcname = getattr(func, '__name__', 'singledispatch function')
    registry[object] = func
    wrapper.register = register
    wrapper.dispatch = dispatch
    wrapper.registry = _proxy(registry)
    update_wrapper(wrapper, func)
    return wrapper
`;

/** Builtin types whose __mro__ is (type, object), and bool's. */
const PLAIN_TYPES: ReadonlySet<string> = new Set(["int", "float", "complex", "str", "bytes", "bytearray", "list", "tuple", "dict", "set", "frozenset", "NoneType", "range", "Decimal", "deque", "array", "function", "builtin_function_or_method", "date", "timedelta", "slice", "memoryview"]);

/** cls.__mro__ for a class (its own) or a builtin type pymem names (refused past the plain ones). */
function mroOf(cls: PyObj, object: PyObj): PyObj[] {
  if (cls.t === "class") return [...cls.mro];
  if (cls.t === "type" && cls.name === "bool") return [cls, typeObject("int"), object];
  if (cls.t === "type" && PLAIN_TYPES.has(cls.name)) return [cls, object];
  throw new PymemError("UNSUPPORTED", `functools.singledispatch on a '${cls.t === "type" ? cls.name : cls.t}' (its __mro__)`);
}

/** functools.singledispatch of one evaluation. */
export function singledispatchFunction(modules: ReadonlyMap<string, PyModuleObj>): PyObj {
  const state = ctx().moduleState;
  const made = state.get("functools.singledispatch") as PyObj | undefined;
  if (made !== undefined) return made;
  const parsed = parseModule(SOURCE, { nestedFStrings: false, matchStatement: false });
  if (!parsed.ok) throw new PymemError("INTERNAL", `singledispatch's source does not parse: ${parsed.error.message}`);
  const vars = new Map<string, PyObj>([
    ["__name__", pyStr("functools")],
    ["_refuse", builtinFunction("_refuse", ([m]) => { throw new PymemError("UNSUPPORTED", m === undefined || m.t !== "str" ? "singledispatch" : strText(m)); })],
    ["_proxy", builtinFunction("_proxy", ([d]) => mappingProxy(d as PyObj, "singledispatch's registry"))],
    ["_mro", builtinFunction("_mro", ([cls, object]) => newTuple(mroOf(cls as PyObj, object as PyObj)))],
    ["_first_annotation", builtinFunction("_first_annotation", ([f]) => {
      const a = f === undefined ? undefined : firstAnnotation(f);
      if (a !== undefined && a[1] === null) throw new PymemError("UNSUPPORTED", "register() on a function whose annotation pymem cannot evaluate");
      return a === undefined ? None : newTuple([pyStr(a[0]), a[1] as PyObj]);
    })],
  ]);
  const globals: Scope = { vars, fast: null, parent: null };
  execBlock(parsed.value, globals, modules);
  const f = vars.get("singledispatch") as PyObj;
  state.set("functools.singledispatch", f);
  return f;
}
