// The contextlib module (Lib/contextlib.py, the same in 3.8-3.13 for what is
// modelled): suppress, nullcontext and closing are Python classes whose
// instances keep one attribute, and @contextmanager wraps a generator function
// into a function making _GeneratorContextManager objects (gen, func, args,
// kwds and __doc__ in their dicts; __enter__ deletes args, kwds and func). The
// classes are made per evaluation (their instances' dicts share their keys);
// their instances are leaves of the deep walk. __exit__ throws the `with`
// body's exception into the generator as generator.throw() does.
import { delAttr, getAttr, setAttr } from "./attributes.js";
import { callObject, emptyKwargs as noKwargs } from "./calls.js";
import { truthy } from "./compare.js";
import { dequeCall } from "./dequeMethods.js";
import { callBound, isUserObj, lookupDunder } from "./userDunders.js";
import { newInstance } from "./classes.js";
import { ctx } from "./ctx.js";
import { newDict, dictSet } from "./dicts.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { exceptionObject, isExceptionClass, reraise } from "./exceptions.js";
import { generatorThrow } from "./generators.js";
import { functionDict, functionOwnAttrs, noteFunctionDictMerge, setFunctionEntry, wrappedNames } from "./functionDicts.js";
import { intern } from "./constPool.js";
import { getIter } from "./iteration.js";
import { False, nativeFunction, None, pyStr, True, typeName, type Kwargs, type PyClassObj, type PyInstanceObj, type PyObj } from "./objects.js";
import { bindDef, pyDef } from "./pyParams.js";
import { refusedMethod, stdlibClass } from "./stdlibClass.js";
import { newTuple } from "./tuples.js";
import { materialize } from "./seq.js";
import { newListExact } from "./lists.js";
import { opaque } from "./opaqueObjects.js";

/** A class of the module, made once per evaluation. */
function perEvaluation(name: string, make: () => PyClassObj): () => PyClassObj {
  return () => {
    const state = ctx().moduleState;
    const key = `module contextlib.${name}`;
    let cls = state.get(key) as PyClassObj | undefined;
    if (cls === undefined) state.set(key, (cls = make()));
    return cls;
  };
}

const EXIT = pyDef("__exit__", ["self"], [], { vararg: "exc_info" });
const SUPPRESS_INIT = pyDef("__init__", ["self"], [], { vararg: "exceptions" });
const SUPPRESS_EXIT = pyDef("__exit__", ["self", "exctype", "excinst", "exctb"], []);
const NULL_INIT = pyDef("__init__", ["self", "enter_result"], [None]);
const CLOSING_INIT = pyDef("__init__", ["self", "thing"], []);
const SELF = pyDef("__enter__", ["self"], []);
const GCM_EXIT = pyDef("__exit__", ["self", "typ", "value", "traceback"], []);

function suppressClass(): PyClassObj {
  return stdlibClass("suppress", "contextlib", [
    ["__init__", nativeFunction("__init__", (args, kw) => {
      const [self, excs] = bindDef(SUPPRESS_INIT, args, kw) as [PyObj, PyObj];
      setAttr(self, "_exceptions", excs);
      return None;
    })],
    ["__enter__", nativeFunction("__enter__", (args, kw) => {
      bindDef(SELF, args, kw);
      return None;
    })],
    ["__exit__", nativeFunction("__exit__", (args, kw) => {
      const [self, exctype] = bindDef(SUPPRESS_EXIT, args, kw) as [PyObj, PyObj];
      if (exctype.t === "NoneType") return False;
      // issubclass(exctype, self._exceptions)
      const excs = getAttr(self, "_exceptions");
      const kinds = excs.t === "tuple" ? materialize(excs.items) : [excs];
      if (exctype.t !== "class") throw new PymemError("UNSUPPORTED", "suppress over a non-class exception type");
      for (const k of kinds) {
        if (k.t !== "class" && k.t !== "type" && k.t !== "tuple") throw typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
        if (k.t === "class" && exctype.mro.includes(k)) return True;
        if (k.t !== "class") throw new PymemError("UNSUPPORTED", "suppress over a builtin type or nested tuple");
      }
      return False;
    })],
  ], "ABCMeta");
}

function nullcontextClass(): PyClassObj {
  return stdlibClass("nullcontext", "contextlib", [
    ["__init__", nativeFunction("__init__", (args, kw) => {
      const [self, result] = bindDef(NULL_INIT, args, kw) as [PyObj, PyObj];
      setAttr(self, "enter_result", result);
      return None;
    })],
    ["__enter__", nativeFunction("__enter__", (args, kw) => getAttr(bindDef(SELF, args, kw)[0] as PyObj, "enter_result"))],
    ["__exit__", nativeFunction("__exit__", (args, kw) => {
      bindDef(EXIT, args, kw);
      return None;
    })],
  ], "ABCMeta");
}

function closingClass(): PyClassObj {
  return stdlibClass("closing", "contextlib", [
    ["__init__", nativeFunction("__init__", (args, kw) => {
      const [self, thing] = bindDef(CLOSING_INIT, args, kw) as [PyObj, PyObj];
      setAttr(self, "thing", thing);
      return None;
    })],
    ["__enter__", nativeFunction("__enter__", (args, kw) => getAttr(bindDef(SELF, args, kw)[0] as PyObj, "thing"))],
    ["__exit__", nativeFunction("__exit__", (args, kw) => {
      const [self] = bindDef(EXIT, args, kw) as [PyObj];
      callObject(getAttr(getAttr(self, "thing"), "close"), []);
      return None;
    })],
  ], "ABCMeta");
}

const REDIRECT_INIT = pyDef("__init__", ["self", "new_target"], []);

/**
 * redirect_stdout / redirect_stderr (_RedirectStream): the instance keeps _new_target and the
 * list _old_targets (appended on __enter__, popped on __exit__). The stream being replaced is
 * the module state redirectTarget reads; the interpreter's own stream is an opaque TextIOWrapper.
 */
function redirectClass(name: string, stream: "stdout" | "stderr"): () => PyClassObj {
  return () => stdlibClass(name, "contextlib", [
    ["_stream", intern(pyStr(stream))],
    ["__init__", nativeFunction("__init__", (args, kw) => {
      const [self, target] = bindDef(REDIRECT_INIT, args, kw) as [PyObj, PyObj];
      setAttr(self, "_new_target", target);
      setAttr(self, "_old_targets", newListExact([]));
      return None;
    })],
    ["__enter__", nativeFunction("__enter__", (args, kw) => {
      const [self] = bindDef(SELF, args, kw) as [PyObj];
      const state = ctx().moduleState;
      const key = `sys.${stream}`;
      let current = state.get(key) as PyObj | undefined;
      if (current === undefined) state.set(key, (current = opaque("TextIOWrapper")));
      callObject(getAttr(getAttr(self, "_old_targets"), "append"), [current]);
      const target = getAttr(self, "_new_target");
      state.set(key, target);
      return target;
    })],
    ["__exit__", nativeFunction("__exit__", (args, kw) => {
      const [self] = bindDef(SUPPRESS_EXIT, args, kw) as [PyObj];
      ctx().moduleState.set(`sys.${stream}`, callObject(getAttr(getAttr(self, "_old_targets"), "pop"), []));
      return None;
    })],
  ], "ABCMeta");
}

/** Where print() without a file writes: a redirect_stdout target, or null for the interpreter's own stdout. */
export function redirectTarget(): PyObj | null {
  const cur = ctx().moduleState.get("sys.stdout") as PyObj | undefined;
  return cur === undefined || (cur.t === "opaque" && cur.typeName === "TextIOWrapper") ? null : cur;
}

/** next(gen): the value, or undefined for StopIteration. */
function nextOf(gen: PyObj): PyObj | undefined {
  // A function that is not a generator function gives next() something else (a TypeError, or another iterator's next).
  if (gen.t !== "iterator" || gen.typeName !== "generator") throw new PymemError("UNSUPPORTED", `@contextmanager over a function returning a '${typeName(gen)}'`);
  return getIter(gen).next();
}

function generatorCMClass(): PyClassObj {
  return stdlibClass("_GeneratorContextManager", "contextlib", [
    refusedMethod("_GeneratorContextManager", "__call__"),
    ["__enter__", nativeFunction("__enter__", (args, kw) => {
      const [self] = bindDef(SELF, args, kw) as [PyObj];
      // do not keep args and kwds alive unnecessarily; they are only needed for recreation
      delAttr(self, "args");
      delAttr(self, "kwds");
      delAttr(self, "func");
      const v = nextOf(getAttr(self, "gen"));
      if (v === undefined) throw new PyException("RuntimeError", "generator didn't yield");
      return v;
    })],
    ["__exit__", nativeFunction("__exit__", (args, kw) => {
      const [self, typ, value] = bindDef(GCM_EXIT, args, kw) as [PyObj, PyObj, PyObj];
      const gen = getAttr(self, "gen");
      if (typ.t === "NoneType") {
        if (nextOf(gen) === undefined) return False;
        throw new PyException("RuntimeError", "generator didn't stop");
      }
      if (value.t !== "instance" || !isExceptionClass(value.cls)) throw new PymemError("UNSUPPORTED", "__exit__ without an exception instance");
      if (value.cls.mro.some((c) => c.name === "StopIteration" && c.static === true)) throw new PymemError("UNSUPPORTED", "a StopIteration thrown into a @contextmanager generator (PEP 479)");
      let yielded: PyObj | undefined;
      try {
        yielded = generatorThrow(gen, reraise(value as PyInstanceObj));
      } catch (e) {
        // The generator let the very exception out: not suppressed, the `with` raises it on.
        if (e instanceof PyException && exceptionObject(e) === value) return False;
        throw e;
      }
      if (yielded === undefined) return True; // it caught the exception and returned: suppressed
      throw new PyException("RuntimeError", "generator didn't stop after throw()");
    })],
  ], "ABCMeta");
}

/** One registered exit of an ExitStack: called with the exception details, its result truthy to suppress. */
type ExitCallback = (details: readonly [PyObj, PyObj, PyObj]) => PyObj;

const stackCallbacks = new WeakMap<PyObj, ExitCallback[]>();

function callbacksOf(self: PyObj): ExitCallback[] {
  const cbs = stackCallbacks.get(self);
  if (cbs === undefined) throw new PymemError("UNSUPPORTED", "an ExitStack method on another object");
  return cbs;
}

/** A new ExitStack instance: its _exit_callbacks deque (the stack kept beside it). */
function newStack(cls: PyClassObj, cbs: ExitCallback[]): PyObj {
  const self = newInstance(cls);
  setAttr(self, "_exit_callbacks", dequeCall([], noKwargs));
  stackCallbacks.set(self, cbs);
  return self;
}

/** ExitStack.__exit__: the callbacks last first, each seeing the exception the previous ones left. */
function unwind(self: PyObj, details: readonly [PyObj, PyObj, PyObj]): PyObj {
  const cbs = callbacksOf(self);
  const received = details[0].t !== "NoneType";
  let exc = details;
  let suppressed = false;
  let pending: PyException | null = null;
  for (let cb = cbs.pop(); cb !== undefined; cb = cbs.pop()) {
    try {
      if (truthy(cb(exc))) {
        suppressed = true;
        pending = null;
        exc = [None, None, None];
      }
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      const obj = exceptionObject(e);
      pending = e;
      exc = [obj.cls, obj, None];
    }
  }
  if (pending !== null) throw pending;
  return received && suppressed ? True : False;
}

const ES_PUSH = pyDef("push", ["self", "exit"], []);
const ES_ENTER = pyDef("enter_context", ["self", "cm"], []);

function exitStackClass(): PyClassObj {
  let cls: PyClassObj | null = null;
  cls = stdlibClass("ExitStack", "contextlib", [
    ["__init__", nativeFunction("__init__", (args, kw) => {
      const [self] = bindDef(SELF, args, kw) as [PyObj];
      setAttr(self, "_exit_callbacks", dequeCall([], noKwargs));
      stackCallbacks.set(self, []);
      return None;
    })],
    ["__enter__", nativeFunction("__enter__", (args, kw) => bindDef(SELF, args, kw)[0] as PyObj)],
    ["__exit__", nativeFunction("__exit__", (args, kw) => {
      const [self, typ, value, tb] = bindDef(GCM_EXIT, args, kw) as [PyObj, PyObj, PyObj, PyObj];
      return unwind(self, [typ, value, tb]);
    })],
    ["close", nativeFunction("close", (args, kw) => {
      const [self] = bindDef(SELF, args, kw) as [PyObj];
      unwind(self, [None, None, None]);
      return None;
    })],
    ["pop_all", nativeFunction("pop_all", (args, kw) => {
      const [self] = bindDef(SELF, args, kw) as [PyObj];
      const cbs = callbacksOf(self);
      const moved = newStack(cls as PyClassObj, cbs.splice(0));
      setAttr(self, "_exit_callbacks", dequeCall([], noKwargs));
      return moved;
    })],
    ["push", nativeFunction("push", (args, kw) => {
      const [self, exit] = bindDef(ES_PUSH, args, kw) as [PyObj, PyObj];
      // An object with __exit__ is registered by its bound method; anything else is the callback itself.
      const own = isUserObj(exit) ? lookupDunder(exit, "__exit__") : undefined;
      callbacksOf(self).push(own !== undefined ? (d) => callBound(own, exit, d) : (d) => callObject(exit, [...d]));
      return exit;
    })],
    ["enter_context", nativeFunction("enter_context", (args, kw) => {
      const [self, cm] = bindDef(ES_ENTER, args, kw) as [PyObj, PyObj];
      const enter = lookupDunder(cm, "__enter__");
      const exit = lookupDunder(cm, "__exit__");
      if (enter === undefined || exit === undefined) {
        if (isUserObj(cm) || (ctx().layout.attributeNames()[typeName(cm)]?.split(" ").includes("__enter__") ?? true)) {
          throw new PymemError("UNSUPPORTED", `ExitStack.enter_context of a '${typeName(cm)}'`);
        }
        // 3.11+: "'int' object does not support the context manager protocol" (module-qualified, as type(cm) names itself); before, type(cm).__exit__'s AttributeError.
        if (ctx().layout.rules.withProtocolMessage) throw typeError(`'builtins.${typeName(cm)}' object does not support the context manager protocol`);
        throw new PyException("AttributeError", `type object '${typeName(cm)}' has no attribute '__exit__'`);
      }
      const result = callBound(enter, cm, []);
      callbacksOf(self).push((d) => callBound(exit, cm, d));
      return result;
    })],
    ["callback", nativeFunction("callback", (args, kw) => {
      const [self] = bindDef(SELF, args.slice(0, 1), noKwargs) as [PyObj];
      if (args.length < 2) throw typeError("ExitStack.callback() missing 1 required positional argument: 'callback'");
      const f = args[1] as PyObj;
      const rest = args.slice(2);
      callbacksOf(self).push(() => {
        callObject(f, rest, kw);
        return None;
      });
      return f;
    })],
  ], "ABCMeta");
  return cls;
}

/** functools.wraps(func)(helper): a function of the same names making a _GeneratorContextManager per call. */
function contextmanager(cmClass: () => PyClassObj): PyObj {
  return nativeFunction("contextmanager", (args, kw) => {
    const [func] = bindDef(CONTEXTMANAGER, args, kw) as [PyObj];
    const name = func.t === "function" ? func.name : "helper";
    const qualname = func.t === "function" ? func.qualname ?? func.name : "contextmanager.<locals>.helper";
    const helper: PyObj = {
      t: "function",
      name,
      ...(qualname === name ? {} : { qualname }),
      call: (a: readonly PyObj[], k: Kwargs) => {
        const cls = cmClass();
        const self = newInstance(cls);
        const gen = callObject(func, a, k);
        const kwds = newDict();
        for (const [n, v] of k.values) dictSet(kwds, pyStr(n), v);
        setAttr(self, "gen", gen);
        setAttr(self, "func", func);
        setAttr(self, "args", newTuple([...a]));
        setAttr(self, "kwds", kwds);
        setAttr(self, "__doc__", None);
        return self;
      },
    };
    // @wraps(func): update_wrapper's names, the wrapped function's own attributes, __wrapped__.
    const d = functionDict(helper);
    if (func.t === "function") {
      const { name, qualname } = wrappedNames(func);
      d.set("__name__", name);
      if (qualname !== undefined) d.set("__qualname__", qualname);
      const copied = functionOwnAttrs(func).filter(([k]) => k !== "__name__" && k !== "__qualname__");
      for (const [k, v] of copied) setFunctionEntry(helper, k, v);
      noteFunctionDictMerge(helper, copied.length);
    }
    setFunctionEntry(helper, "__wrapped__", func);
    return helper;
  });
}

const CONTEXTMANAGER = pyDef("contextmanager", ["func"], []);

export function contextlibModuleAttrs(): { attrs: [string, PyObj][]; perEvaluation: [string, () => PyObj][] } {
  const cm = perEvaluation("_GeneratorContextManager", generatorCMClass);
  return {
    attrs: [["contextmanager", contextmanager(cm)]],
    perEvaluation: [
      ["suppress", perEvaluation("suppress", suppressClass)],
      ["nullcontext", perEvaluation("nullcontext", nullcontextClass)],
      ["closing", perEvaluation("closing", closingClass)],
      ["ExitStack", perEvaluation("ExitStack", exitStackClass)],
      ["redirect_stdout", perEvaluation("redirect_stdout", redirectClass("redirect_stdout", "stdout"))],
      ["redirect_stderr", perEvaluation("redirect_stderr", redirectClass("redirect_stderr", "stderr"))],
    ],
  };
}
