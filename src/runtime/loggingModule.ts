// The logging module as scripts and models use it at their top: getLogger
// (one Logger per name and evaluation, the root a RootLogger at WARNING),
// levels, basicConfig, the log calls, StreamHandler/NullHandler/Formatter.
// What a record would print goes to stderr in CPython, which pymem's report
// does not carry, so a log call returns None having emitted nothing; Logger
// and handler objects are instances of logging's Python classes (leaves,
// sized as such instances). Files (FileHandler, basicConfig(filename=)) are
// refused, as every path to the host is.
import { ctx } from "./ctx.js";
import { setAttr, getAttr } from "./attributes.js";
import { callObject } from "./calls.js";
import { PyException, PymemError, typeError, valueError } from "./errors.js";
import { listArray, newEmptyList } from "./lists.js";
import { repr, str } from "./repr.js";
import { False, nativeFunction, None, pyInt, pyStr, True, type Kwargs, type NativeFn, type PyClassObj, type PyObj } from "./objects.js";
import { stdlibClass } from "./stdlibClass.js";
import { strText } from "./text.js";
import { intValue } from "./numbers.js";

const LEVELS: readonly [string, number][] = [["CRITICAL", 50], ["FATAL", 50], ["ERROR", 40], ["WARNING", 30], ["WARN", 30], ["INFO", 20], ["DEBUG", 10], ["NOTSET", 0]];
const NAME_OF: ReadonlyMap<number, string> = new Map([[50, "CRITICAL"], [40, "ERROR"], [30, "WARNING"], [20, "INFO"], [10, "DEBUG"], [0, "NOTSET"]]);

interface LoggingState {
  readonly logger: PyClassObj;
  readonly rootClass: PyClassObj;
  readonly loggers: Map<string, PyObj>;
  readonly root: PyObj;
  configured: boolean;
}

/** _checkLevel: an int, or a registered level name. */
function checkLevel(level: PyObj): number {
  if (level.t === "int" || level.t === "bool") return Number(intValue(level));
  if (level.t === "str") {
    const n = LEVELS.find(([k]) => k === strText(level));
    if (n === undefined) throw valueError(`Unknown level: '${strText(level)}'`);
    return n[1];
  }
  throw typeError(`Level not an integer or a valid string: ${repr(level)}`);
}

function levelOf(logger: PyObj): number {
  return Number(intValue(getAttr(logger, "level")));
}

/** getEffectiveLevel: the first level set on the logger or a dotted ancestor, else the root's. */
function effectiveLevel(s: LoggingState, logger: PyObj): number {
  let name = str(getAttr(logger, "name"));
  let l = levelOf(logger);
  while (l === 0 && logger !== s.root) {
    const dot = name.lastIndexOf(".");
    if (dot < 0) return levelOf(s.root);
    name = name.slice(0, dot);
    const parent = s.loggers.get(name);
    if (parent !== undefined) l = levelOf(parent);
  }
  return l;
}

function state(): LoggingState {
  const c = ctx();
  let s = c.moduleState.get("logging") as LoggingState | undefined;
  if (s === undefined) c.moduleState.set("logging", (s = makeState()));
  return s;
}

/** A log call: checks what CPython checks before it would format and emit, and returns None. */
function logCall(name: string, level: number | null): [string, PyObj] {
  return [name, nativeFunction(name, (args) => {
    if (level === null) {
      const lv = args[1];
      if (lv === undefined || args[2] === undefined) throw typeError(`log() missing required positional argument`);
      if (lv.t !== "int" && lv.t !== "bool") throw typeError("level must be an integer");
    } else if (args[1] === undefined) {
      throw typeError(`${name}() missing 1 required positional argument: 'msg'`);
    }
    const lv = level ?? Number(intValue(args[1] as PyObj));
    if (reachesStream(state(), args[0] as PyObj, lv)) {
      throw new PymemError("UNSUPPORTED", "a log record emitted to a handler's stream the program can read (logging's record formatting and emission are not modelled)");
    }
    return None;
  })];
}

/**
 * Logger.handle → callHandlers: whether a record of `level` reaches a handler
 * with a stream of the program's own (StreamHandler(buf)) through the logger,
 * then its ancestors while propagate holds. Handlers writing to stderr (none
 * given, lastResort) print what pymem's report does not carry.
 */
function reachesStream(s: LoggingState, logger: PyObj, level: number): boolean {
  if (truthyAttr(logger, "disabled") || level < effectiveLevel(s, logger)) return false;
  let name = str(getAttr(logger, "name"));
  let at: PyObj | undefined = logger;
  while (at !== undefined) {
    const handlers = getAttr(at, "handlers");
    for (const h of handlers.t === "list" ? listArray(handlers) : []) {
      const stream = attrOrNone(h, "stream");
      if (stream.t !== "NoneType" && level >= Number(intValue(getAttr(h, "level")))) return true;
    }
    if (at === s.root || !truthyAttr(at, "propagate")) return false;
    at = undefined;
    while (at === undefined) {
      const dot = name.lastIndexOf(".");
      if (dot < 0) {
        at = s.root;
        break;
      }
      name = name.slice(0, dot);
      at = s.loggers.get(name);
    }
  }
  return false;
}

/** getattr(o, name, None). */
function attrOrNone(o: PyObj, name: string): PyObj {
  try {
    return getAttr(o, name);
  } catch (e) {
    if (e instanceof PyException && e.pyType === "AttributeError") return None;
    throw e;
  }
}

function truthyAttr(o: PyObj, name: string): boolean {
  const v = getAttr(o, name);
  return !(v.t === "NoneType" || (v.t === "bool" && !v.v) || (v.t === "int" && v.v === 0));
}

const LOG_CALLS = (): [string, PyObj][] => [
  logCall("debug", 10), logCall("info", 20), logCall("warning", 30), logCall("warn", 30), logCall("error", 40),
  logCall("exception", 40), logCall("critical", 50), logCall("fatal", 50), logCall("log", null),
];

function makeState(): LoggingState {
  const method = (name: string, f: NativeFn): [string, PyObj] => [name, nativeFunction(name, f)];
  const loggerAttrs: [string, PyObj][] = [
    method("__init__", (args) => {
      const [self, name, level] = args as [PyObj, PyObj, PyObj | undefined];
      setAttr(self, "name", name);
      setAttr(self, "level", pyInt(level === undefined ? 0 : checkLevel(level)));
      setAttr(self, "parent", None);
      setAttr(self, "propagate", True);
      setAttr(self, "handlers", newEmptyList());
      setAttr(self, "disabled", False);
      return None;
    }),
    ...LOG_CALLS(),
    method("setLevel", (args) => {
      setAttr(args[0] as PyObj, "level", pyInt(checkLevel(args[1] as PyObj)));
      return None;
    }),
    method("getEffectiveLevel", (args) => pyInt(effectiveLevel(state(), args[0] as PyObj))),
    method("isEnabledFor", (args) => pyBoolOf(Number(intValue(args[1] as PyObj)) >= effectiveLevel(state(), args[0] as PyObj))),
    method("addHandler", (args) => {
      const handlers = getAttr(args[0] as PyObj, "handlers");
      if (handlers.t === "list" && !listArray(handlers).includes(args[1] as PyObj)) callObject(getAttr(handlers, "append"), [args[1] as PyObj]);
      return None;
    }),
    method("removeHandler", (args) => {
      const handlers = getAttr(args[0] as PyObj, "handlers");
      if (handlers.t === "list" && listArray(handlers).includes(args[1] as PyObj)) callObject(getAttr(handlers, "remove"), [args[1] as PyObj]);
      return None;
    }),
    method("hasHandlers", (args) => {
      const handlers = getAttr(args[0] as PyObj, "handlers");
      return pyBoolOf(handlers.t === "list" && listArray(handlers).length > 0);
    }),
    method("getChild", (args) => getLogger(`${str(getAttr(args[0] as PyObj, "name"))}.${str(args[1] as PyObj)}`)),
  ];
  const logger = stdlibClass("Logger", "logging", loggerAttrs);
  const rootClass = stdlibClass("RootLogger", "logging", loggerAttrs);
  const root = callObject(rootClass, [pyStr("root"), pyInt(30)]);
  return { logger, rootClass, loggers: new Map(), root, configured: false };
}

function pyBoolOf(b: boolean): PyObj {
  return b ? True : False;
}

/** getLogger(name): the root for None or '' (and 'root' from 3.9), else one Logger per name. */
function getLogger(name: string | null): PyObj {
  const s = state();
  if (name === null || name === "" || (name === "root" && ctx().layout.rules.getLoggerRootName)) return s.root;
  let l = s.loggers.get(name);
  if (l === undefined) s.loggers.set(name, (l = callObject(s.logger, [pyStr(name)])));
  return l;
}

const BASIC_CONFIG_KEYS = ["filename", "filemode", "format", "datefmt", "style", "level", "stream", "handlers", "force", "encoding", "errors"];

function handlerClass(name: string, init: (self: PyObj, args: readonly PyObj[]) => void): PyClassObj {
  const method = (n: string, f: NativeFn): [string, PyObj] => [n, nativeFunction(n, f)];
  return stdlibClass(name, "logging", [
    method("__init__", (args) => {
      const self = args[0] as PyObj;
      setAttr(self, "level", pyInt(0));
      setAttr(self, "formatter", None);
      init(self, args.slice(1));
      return None;
    }),
    method("setLevel", (args) => {
      setAttr(args[0] as PyObj, "level", pyInt(checkLevel(args[1] as PyObj)));
      return None;
    }),
    method("setFormatter", (args) => {
      setAttr(args[0] as PyObj, "formatter", args[1] as PyObj);
      return None;
    }),
  ]);
}

/** The logging module's attributes (per evaluation: its loggers are state). */
export function loggingModuleAttrs(): [string, PyObj][] {
  return LEVELS.map(([k, v]) => [k, pyInt(v)] as [string, PyObj]);
}

export function loggingPerEvaluation(): [string, () => PyObj][] {
  const fn = (name: string, f: NativeFn) => (): PyObj => nativeFunction(name, f);
  const cls = (name: string, make: () => PyClassObj) => (): PyObj => {
    const st = ctx().moduleState;
    let c = st.get(`logging.${name}`) as PyClassObj | undefined;
    if (c === undefined) st.set(`logging.${name}`, (c = make()));
    return c;
  };
  return [
    ["getLogger", fn("getLogger", (args) => {
      const n = args[0];
      if (n !== undefined && n.t !== "str" && n.t !== "NoneType") throw typeError("A logger name must be a string");
      return getLogger(n === undefined || n.t === "NoneType" ? null : strText(n));
    })],
    ["root", () => state().root],
    ["Logger", () => state().logger],
    ["RootLogger", () => state().rootClass],
    ["basicConfig", fn("basicConfig", (_args, kw: Kwargs) => {
      const s = state();
      const force = kw.values.get("force");
      // Only the first call configures the root (it then has a handler), unless force=True; the others check nothing.
      if (s.configured && !(force !== undefined && force.t === "bool" && force.v)) return None;
      for (const k of kw.values.keys()) if (!BASIC_CONFIG_KEYS.includes(k)) throw valueError(`Unrecognised argument(s): ${k}`);
      const filename = kw.values.get("filename");
      if (filename !== undefined && filename.t !== "NoneType") throw new PymemError("FORBIDDEN", "logging.basicConfig(filename=…) would open a file: pymem evaluates in a sandbox without host access");
      const stream = kw.values.get("stream");
      const handlers = kw.values.get("handlers");
      if ((stream !== undefined && stream.t !== "NoneType") || (handlers !== undefined && handlers.t !== "NoneType")) {
        throw new PymemError("UNSUPPORTED", "logging.basicConfig(stream=… or handlers=…) (records emitted where the program can read them are not modelled)");
      }
      s.configured = true;
      const level = kw.values.get("level");
      if (level !== undefined && level.t !== "NoneType") setAttr(s.root, "level", pyInt(checkLevel(level)));
      return None;
    })],
    ...LOG_CALLS().map(([n, f]) => [n, () => nativeFunction(n, (args, kw) => callObject(f, [state().root, ...args], kw))] as [string, () => PyObj]),
    ["getLevelName", fn("getLevelName", (args) => {
      const l = args[0] as PyObj;
      if (l.t === "str") {
        const n = LEVELS.find(([k]) => k === strText(l));
        return n === undefined ? pyStr(`Level ${strText(l)}`) : pyInt(n[1]);
      }
      const name = l.t === "int" ? NAME_OF.get(Number(intValue(l))) : undefined;
      return pyStr(name ?? `Level ${repr(l)}`);
    })],
    ["disable", fn("disable", () => None)],
    ["StreamHandler", cls("StreamHandler", () => handlerClass("StreamHandler", (self, a) => setAttr(self, "stream", a[0] ?? None)))],
    ["NullHandler", cls("NullHandler", () => handlerClass("NullHandler", () => undefined))],
    ["FileHandler", fn("FileHandler", () => {
      throw new PymemError("FORBIDDEN", "logging.FileHandler would open a file: pymem evaluates in a sandbox without host access");
    })],
    ["Formatter", cls("Formatter", () => stdlibClass("Formatter", "logging", [["__init__", nativeFunction("__init__", (args) => {
      const self = args[0] as PyObj;
      setAttr(self, "_fmt", args[1] ?? None);
      setAttr(self, "datefmt", args[2] ?? None);
      return None;
    })]]))],
  ];
}
