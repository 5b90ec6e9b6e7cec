// Exception objects (Objects/exceptions.c). The builtin exception classes are
// classes of pymem's class model marked `static`: their MRO, their
// tp_basicsize (generated per version from the interpreter) and the
// BaseException methods every subclass inherits — __new__ and __init__ store
// the arguments as `args`, __str__ and __repr__ show them. A setup class
// deriving from one is an ordinary class over that base: it inherits the
// base's __dict__ pointer (BaseException has one) and adds __weakref__.
// Python exceptions travel through pymem as PyException; the object a handler
// binds is made when it is caught (or is the one `raise` threw).
import { makeProperty } from "./opaqueObjects.js";
import { c3 } from "./classes.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError, typeError } from "./errors.js";
import type { Layout } from "../layouts/layout.js";
import { nativeFunction as fn, None, pyBool, pyStr, pyStrFresh, type PyClassObj, PyInstanceObj, type PyObj, type PyStrObj, type PyTupleObj, type Scope } from "./objects.js";
import { materialize } from "./seq.js";
import { reprObject, strObj } from "./format.js";
import { strText } from "./text.js";
import { emptyTuple, newTuple } from "./tuples.js";
import type { Completion } from "./flow.js";

/** What PyBaseExceptionObject holds besides the dict: args, __cause__, __context__, __suppress_context__. */
export interface ExceptionState {
  args: PyTupleObj;
  cause: PyObj;
  context: PyObj;
  suppressContext: boolean;
  /** Raised at least once: __traceback__ is a traceback object pymem does not model. */
  raised: boolean;
  /** Raised by the interpreter itself (pymem's runtime): members such as NameError.name hold what it put there. */
  fromRuntime: boolean;
  /** PyOSErrorObject's members as oserror_init set them from two to five arguments. */
  os?: OSErrorMembers;
}

interface OSErrorMembers {
  readonly errno: PyObj;
  readonly strerror: PyObj;
  readonly filename: PyObj | null;
  readonly filename2: PyObj | null;
}

const states = new WeakMap<PyInstanceObj, ExceptionState>();

/** The exception state of an instance of an exception class (made by BaseException.__new__). */
export function exceptionState(o: PyObj): ExceptionState | undefined {
  return o.t === "instance" ? states.get(o) : undefined;
}

export function isExceptionClass(c: PyObj): c is PyClassObj {
  return c.t === "class" && c.builtinBase === "BaseException";
}


function property(name: string, get: (self: PyInstanceObj, st: ExceptionState) => PyObj): PyObj {
  return makeProperty(fn(name, ([self]) => get(self as PyInstanceObj, stateOf(self))), None, None);
}

function stateOf(self: PyObj | undefined): ExceptionState {
  const st = self === undefined ? undefined : exceptionState(self);
  if (st === undefined) throw typeError("descriptor requires a 'BaseException' object");
  return st;
}

function argsOf(st: ExceptionState): PyObj[] {
  return materialize(st.args.items);
}

/** BaseException_new: an instance of cls whose args are the call's positional arguments. */
function newException(cls: PyClassObj, args: readonly PyObj[]): PyInstanceObj {
  const inst: PyInstanceObj = new PyInstanceObj(cls);
  states.set(inst, { args: args.length === 0 ? emptyTuple : newTuple([...args]), cause: None, context: None, suppressContext: false, raised: false, fromRuntime: false });
  return inst;
}

/**
 * Types whose own __new__/__init__ parse their arguments, with how many
 * positional ones pymem takes as plain args: OSError's errno mapping,
 * SyntaxError's details and ImportError's keywords start at a second
 * argument; the Unicode errors' five fields and exception groups at the first.
 */
const OWN_INIT: ReadonlyMap<string, number> = new Map([
  ["OSError", 1], ["SyntaxError", 1], ["ImportError", 1],
  ["UnicodeEncodeError", 0], ["UnicodeDecodeError", 0], ["UnicodeTranslateError", 0], ["BaseExceptionGroup", 0],
]);

/** errno values OSError_new turns into a subclass (errnomap of Objects/exceptions.c, Linux's numbers). */
const ERRNO_CLASSES: ReadonlyMap<number, string> = new Map([
  [11, "BlockingIOError"], [114, "BlockingIOError"], [115, "BlockingIOError"], [10, "ChildProcessError"],
  [32, "BrokenPipeError"], [108, "BrokenPipeError"], [103, "ConnectionAbortedError"], [111, "ConnectionRefusedError"],
  [104, "ConnectionResetError"], [17, "FileExistsError"], [2, "FileNotFoundError"], [21, "IsADirectoryError"],
  [20, "NotADirectoryError"], [4, "InterruptedError"], [13, "PermissionError"], [1, "PermissionError"],
  [3, "ProcessLookupError"], [110, "TimeoutError"],
]);

function isOSErrorClass(cls: PyClassObj): boolean {
  return cls.mro.some((c) => c.static === true && c.name === "OSError");
}

/** oserror_use_init: a setup class's own __init__ parses the arguments (OSError_new keeps args empty). */
function osUsesInit(cls: PyClassObj): boolean {
  return cls.mro.some((c) => c.static !== true && c.attrs.has("__init__"));
}

/**
 * oserror_parse_args + oserror_init for 2 to 5 positional arguments (errno, strerror, filename,
 * winerror, filename2): a filename other than None keeps the filenames and winerror out of args
 * (args becomes args[0:2]). BlockingIOError's characters_written is not modelled.
 */
function parseOSError(cls: PyClassObj, args: readonly PyObj[], st: ExceptionState): void {
  if (args.length < 2 || args.length > 5) return;
  const [errno, strerror, filename, , filename2] = args as [PyObj, PyObj, PyObj | undefined, PyObj | undefined, PyObj | undefined];
  const named = filename !== undefined && filename.t !== "NoneType" ? filename : null;
  if (named !== null && cls.mro.some((c) => c.static === true && c.name === "BlockingIOError")) {
    throw new PymemError("UNSUPPORTED", "BlockingIOError with a third argument (characters_written)");
  }
  st.os = { errno, strerror, filename: named, filename2: named !== null && filename2 !== undefined && filename2.t !== "NoneType" ? filename2 : null };
  if (named !== null) st.args = newTuple(args.slice(0, 2));
}

/** The builtin class whose own argument parsing is not modelled past `plain` arguments, if cls has one. */
function ownInit(cls: PyClassObj): { name: string; plain: number } | undefined {
  const c = cls.mro.find((k) => k.static === true && OWN_INIT.has(k.name));
  return c === undefined ? undefined : { name: c.name, plain: OWN_INIT.get(c.name) as number };
}

/** str(args[0]) / str(args) as BaseException_str gives it; KeyError shows repr(key). */
function exceptionStr(self: PyInstanceObj, st: ExceptionState): PyStrObj {
  const os = st.os;
  if (os !== undefined) {
    // OSError_str: "[Errno e] strerror: 'filename' -> 'filename2'" while a filename is set.
    const s = (o: PyObj): string => strText(strObj(o));
    const r = (o: PyObj): string => strText(reprObject(o));
    if (os.filename !== null) return pyStrFresh(`[Errno ${s(os.errno)}] ${s(os.strerror)}: ${r(os.filename)}${os.filename2 !== null ? ` -> ${r(os.filename2)}` : ""}`);
    if (os.errno.t !== "NoneType" && os.strerror.t !== "NoneType") return pyStrFresh(`[Errno ${s(os.errno)}] ${s(os.strerror)}`);
  }
  const args = argsOf(st);
  if (args.length === 0) return pyStr("");
  if (args.length === 1) return self.cls.mro.some((c) => c.static === true && c.name === "KeyError") ? reprObject(args[0] as PyObj) : strObj(args[0] as PyObj);
  return strObj(st.args);
}

/** The attributes BaseException gives every exception class. */
function baseExceptionAttrs(layout: Layout): [string, PyObj][] {
  return [
    ["__module__", pyStr("builtins")],
    ["__new__", fn("__new__", (args, kw) => {
      const cls = args[0];
      if (cls === undefined || !isExceptionClass(cls)) throw typeError("BaseException.__new__(X): X is not a type object");
      const own = ownInit(cls);
      const osParsed = isOSErrorClass(cls) && !osUsesInit(cls) && kw.values.size === 0;
      if (own !== undefined && !osParsed && (args.length - 1 > own.plain || kw.values.size > 0)) {
        throw new PymemError("UNSUPPORTED", `these arguments of ${own.name}() (its own argument parsing is not modelled)`);
      }
      if (!osParsed) return newException(cls, args.slice(1));
      // OSError_new: OSError itself with an int errno becomes the errnomap's subclass.
      const e = args[1];
      const mapped = e !== undefined && e.t === "int" && args.length >= 3 && args.length <= 6 && cls.static === true && cls.name === "OSError" ? ERRNO_CLASSES.get(Number(e.v)) : undefined;
      const inst = newException(mapped === undefined ? cls : (exceptionClasses().get(mapped) as PyClassObj), args.slice(1));
      parseOSError(inst.cls, args.slice(1), stateOf(inst));
      return inst;
    })],
    ["__init__", fn("__init__", (args, kw) => {
      const self = args[0] as PyInstanceObj;
      const st = stateOf(self);
      // OSError_init: everything was done by OSError_new unless a setup class's __init__ parses.
      const os = isOSErrorClass(self.cls);
      if (os && !osUsesInit(self.cls)) return None;
      if (kw.values.size > 0) throw typeError(`${self.cls.name}() takes no keyword arguments`);
      st.args = args.length <= 1 ? emptyTuple : newTuple(args.slice(1));
      if (os) parseOSError(self.cls, args.slice(1), st);
      return None;
    })],
    ["__str__", fn("__str__", ([self]) => exceptionStr(self as PyInstanceObj, stateOf(self)))],
    ["__repr__", fn("__repr__", ([self]) => {
      const st = stateOf(self);
      const args = argsOf(st);
      const name = (self as PyInstanceObj).cls.name;
      const text = args.length === 1 ? `${name}(${strText(reprObject(args[0] as PyObj))})` : `${name}${strText(reprObject(st.args))}`;
      return pyStrFresh(text);
    })],
    ["with_traceback", fn("with_traceback", ([self, tb]) => {
      stateOf(self);
      if (tb !== undefined && tb.t !== "NoneType") throw new PymemError("UNSUPPORTED", "traceback objects");
      return self as PyObj;
    })],
    ["args", property("args", (_self, st) => st.args)],
    ["__cause__", property("__cause__", (_self, st) => st.cause)],
    ["__context__", property("__context__", (_self, st) => st.context)],
    ["__suppress_context__", property("__suppress_context__", (_self, st) => pyBool(st.suppressContext))],
    ["__traceback__", property("__traceback__", (_self, st) => {
      if (st.raised) throw new PymemError("UNSUPPORTED", "traceback objects (__traceback__ of a raised exception)");
      return None;
    })],
  ];
}

/** A member None when the exception was made from its arguments alone; what the interpreter sets in it when it raises is not modelled. */
function unset(name: string): PyObj {
  return property(name, (self, st) => {
    if (st.fromRuntime) throw new PymemError("UNSUPPORTED", `${self.cls.name}.${name} of an exception the interpreter raised`);
    return None;
  });
}

/** unset()'s answer for an OSError made without errno arguments. */
function osUnset(self: PyInstanceObj, st: ExceptionState, name: string): PyObj {
  if (st.fromRuntime) throw new PymemError("UNSUPPORTED", `${self.cls.name}.${name} of an exception the interpreter raised`);
  return None;
}

/** Members some builtin exceptions add, None when made from their arguments alone (the common case). */
function memberAttrs(name: string): [string, PyObj][] {
  const first = (_self: PyInstanceObj, st: ExceptionState): PyObj => argsOf(st)[0] ?? None;
  switch (name) {
    case "StopIteration":
    case "StopAsyncIteration":
      return [["value", property("value", first)]];
    case "SystemExit":
      return [["code", property("code", (_self, st) => {
        const args = argsOf(st);
        return args.length === 0 ? None : args.length === 1 ? (args[0] as PyObj) : st.args;
      })]];
    case "NameError":
      return [["name", unset("name")]];
    case "AttributeError":
      return [["name", unset("name")], ["obj", unset("obj")]];
    case "ImportError":
      return [["name", unset("name")], ["path", unset("path")], ["msg", property("msg", first)]];
    case "OSError":
      return (["errno", "strerror", "filename", "filename2"] as const).map((n) => [n, property(n, (self, st) => {
        if (st.os === undefined) return osUnset(self, st, n);
        return st.os[n] ?? None;
      })]);
    default:
      return [];
  }
}

const classesByLayout = new WeakMap<Layout, ReadonlyMap<string, PyClassObj>>();

/** The builtin exception classes of the layout's version, by name. */
export function exceptionClasses(layout: Layout = ctx().layout): ReadonlyMap<string, PyClassObj> {
  let out = classesByLayout.get(layout);
  if (out !== undefined) return out;
  const made = new Map<string, PyClassObj>();
  for (const [name, baseNames, basicsize] of layout.exceptionTypes) {
    const bases = baseNames.map((b) => made.get(b) as PyClassObj);
    const attrs = new Map<string, PyObj>(name === "BaseException" ? baseExceptionAttrs(layout) : [["__module__", pyStr("builtins")]]);
    for (const [k, v] of memberAttrs(name)) attrs.set(k, v);
    const cls: PyClassObj = {
      t: "class",
      name,
      bases,
      mro: [],
      attrs,
      slots: [],
      // BaseException's own dict pointer (tp_dictoffset); no __weakref__.
      hasDict: true,
      hasWeakref: false,
      shape: { basicsize, gc: true },
      builtinBase: "BaseException",
      // A static type caches no keys: an instance's __dict__ is a plain dict.
      cachedKeys: null,
      frozen: false,
      tupleFields: null,
      decorated: null,
      static: true,
    };
    (cls as { mro: readonly PyClassObj[] }).mro = c3(cls, bases);
    made.set(name, cls);
  }
  classesByLayout.set(layout, (out = made));
  return out;
}

const stdlibClasses = new WeakMap<Layout, Map<string, PyClassObj>>();

/**
 * An exception class a stdlib module defines in Python (json.decoder.JSONDecodeError,
 * dataclasses.FrozenInstanceError): type_new's layout over the builtin base (a __weakref__
 * member or pre-header word), made once per version. The setup did not create it, so its
 * instances are leaves of the deep walk; it caches no keys.
 */
export function stdlibExceptionClass(layout: Layout, name: string, baseName: string, module: string): PyClassObj {
  let made = stdlibClasses.get(layout);
  if (made === undefined) stdlibClasses.set(layout, (made = new Map()));
  let cls = made.get(name);
  if (cls === undefined) {
    const base = exceptionClasses(layout).get(baseName) as PyClassObj;
    cls = { t: "class", name, bases: [base], mro: [], attrs: new Map<string, PyObj>([["__module__", pyStr(module)]]), slots: [], hasDict: true, hasWeakref: true, shape: layout.heapType.shape(base.shape, 0, false, true, false), builtinBase: "BaseException", cachedKeys: null, frozen: false, tupleFields: null, decorated: null, stdlib: true };
    (cls as { mro: readonly PyClassObj[] }).mro = [cls, ...base.mro];
    made.set(name, cls);
  }
  return cls;
}

/** dataclasses.FrozenInstanceError, an AttributeError. */
export function frozenInstanceErrorClass(layout: Layout = ctx().layout): PyClassObj {
  return stdlibExceptionClass(layout, "FrozenInstanceError", "AttributeError", "dataclasses");
}

type ExceptionMaker = (e: PyException) => { readonly cls: PyClassObj; readonly args: PyObj[] } | undefined;

/** A module's own exception classes for pymem's errors of their name (decimal's signals): class and arguments. */
const exceptionMakers = new Map<string, ExceptionMaker>();

export function registerExceptionMaker(pyType: string, make: ExceptionMaker): void {
  exceptionMakers.set(pyType, make);
}

/** The exception object of a caught PyException: the one `raise` threw, or one made now from pymem's own error. */
export function exceptionObject(e: PyException): PyInstanceObj {
  if (e.obj !== undefined) return e.obj as PyInstanceObj;
  const made = exceptionMakers.get(e.pyType)?.(e);
  const cls = made?.cls ?? (e.pyType === "FrozenInstanceError" ? frozenInstanceErrorClass() : exceptionClasses().get(e.pyType));
  if (cls === undefined) throw new PymemError("UNSUPPORTED", `catching ${e.pyType} (its exception class is not modelled)`, e.span);
  const args = made?.args ?? e.args ?? (e.pyMessage === "" ? [] : [pyStr(e.pyMessage)]);
  const inst = newException(cls, args);
  const st = stateOf(inst);
  st.raised = true;
  st.fromRuntime = true;
  // Raised while another was handled: that one, still handled here or left behind by its handler.
  const handling = ctx().handling;
  const context = pendingContext.get(e) ?? handling[handling.length - 1];
  if (context !== undefined) st.context = context;
  e.obj = inst;
  return inst;
}

/**
 * RAISE_VARARGS: `raise exc [from cause]`. A class is called with no
 * arguments; anything else must be an exception instance. The exception being
 * handled, if any, becomes __context__ (the new one is thrown as a PyException
 * whose message is str(exc), as the traceback shows it).
 */
export function raiseException(exc: PyObj, cause: PyObj | undefined, handling: PyInstanceObj | null, instantiate: (c: PyClassObj) => PyObj): PyException {
  const inst = exc.t === "class" && isExceptionClass(exc) ? instantiate(exc) : exc;
  const st = exceptionState(inst);
  if (st === undefined) throw typeError("exceptions must derive from BaseException");
  if (cause !== undefined) {
    const c = cause.t === "class" && isExceptionClass(cause) ? instantiate(cause) : cause;
    if (c.t !== "NoneType" && exceptionState(c) === undefined) throw typeError("exception causes must derive from BaseException");
    st.cause = c;
    st.suppressContext = true;
  }
  if (handling !== null && handling !== inst) st.context = handling;
  st.raised = true;
  return reraise(inst as PyInstanceObj);
}

/** An exception object thrown (a bare `raise` throws the one being handled again): its message is str(exc), as the traceback shows it. */
export function reraise(obj: PyInstanceObj): PyException {
  const e = new PyException(obj.cls.name, strText(strObj(obj)));
  e.obj = obj;
  return e;
}

/** An exception raised while another is handled takes it as __context__ (unless it already has one). */
export function chainContext(e: PyException, handled: PyInstanceObj): void {
  if (e.obj === undefined) {
    if (!pendingContext.has(e)) pendingContext.set(e, handled);
    return;
  }
  const st = exceptionState(e.obj);
  if (st !== undefined && st.context.t === "NoneType" && e.obj !== handled) st.context = handled;
}

/** The exception a handler was handling when pymem's own error left it, for __context__ once the error is caught. */
const pendingContext = new WeakMap<PyException, PyObj>();

/** PyErr_GivenExceptionMatches for an except clause: a class or a tuple of classes, each deriving from BaseException. */
export function exceptionMatches(obj: PyInstanceObj, spec: PyObj): boolean {
  const kinds = spec.t === "tuple" && spec.cls === undefined ? materialize(spec.items) : [spec];
  let hit = false;
  for (const k of kinds) {
    if (!isExceptionClass(k)) throw typeError("catching classes that do not inherit from BaseException is not allowed");
    if (obj.cls.mro.includes(k)) hit = true;
  }
  return hit;
}

/** A compiled `except` clause: its class (or tuple), the name it binds, its body. */
export interface ExceptHandler {
  readonly type: ((sc: Scope) => PyObj) | null;
  readonly store: ((sc: Scope, v: PyObj) => void) | null;
  readonly del: ((sc: Scope) => void) | null;
  readonly body: (sc: Scope) => Completion | void;
}

/**
 * The first handler matching `e` runs with the exception being handled (its bound name deleted
 * after, as CPython's compiler does; an exception it raises gets `e` as its context); `e`
 * travels on when none matches. Shared by try statements and generator bodies.
 */
export function runHandlers(handlers: readonly ExceptHandler[], sc: Scope, e: PyException): Completion | void {
  const obj = exceptionObject(e);
  for (const h of handlers) {
    if (h.type !== null && !exceptionMatches(obj, h.type(sc))) continue;
    const handling = ctx().handling;
    handling.push(obj);
    try {
      if (h.store !== null) h.store(sc, obj);
      try {
        return h.body(sc);
      } finally {
        if (h.store !== null && h.del !== null) {
          h.store(sc, None);
          h.del(sc);
        }
      }
    } catch (inner) {
      if (inner instanceof PyException && inner !== e) chainContext(inner, obj);
      throw inner;
    } finally {
      handling.pop();
    }
  }
  throw e;
}
