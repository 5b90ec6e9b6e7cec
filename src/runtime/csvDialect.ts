// _csv's Dialect (Modules/_csv.c dialect_new): the parsing and writing options
// taken from a registered name, a dialect class or instance, and keyword
// arguments, checked as _set_char/_set_bool/_set_str/_set_int check them; the
// module's registry (per evaluation) and its Error class.
import type { Layout } from "../layouts/layout.js";
import { getAttr } from "./attributes.js";
import { truthy } from "./compare.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { exceptionClasses } from "./exceptions.js";
import { callObject } from "./calls.js";
import { newClassKeys } from "./instanceDict.js";
import { nativeObject } from "./nativeObjects.js";
import { False, None, pyInt, pyStr, True, typeName, type Kwargs, type PyClassObj, type PyObj, type PyStrObj } from "./objects.js";
import { strText } from "./text.js";

export const QUOTE_MINIMAL = 0;
export const QUOTE_ALL = 1;
export const QUOTE_NONNUMERIC = 2;
export const QUOTE_NONE = 3;

export interface CsvDialect {
  readonly delimiter: string;
  /** '' when unset (None). */
  readonly quotechar: string;
  readonly escapechar: string;
  readonly doublequote: boolean;
  readonly skipinitialspace: boolean;
  readonly lineterminator: PyStrObj;
  readonly quoting: number;
  readonly strict: boolean;
}

const errorClasses = new WeakMap<Layout, PyClassObj>();

/** _csv.Error: PyErr_NewException("_csv.Error", NULL, NULL), a heap class over Exception. */
export function csvErrorClass(layout: Layout = ctx().layout): PyClassObj {
  let cls = errorClasses.get(layout);
  if (cls === undefined) {
    const base = exceptionClasses(layout).get("Exception") as PyClassObj;
    cls = { t: "class", name: "Error", bases: [base], mro: [], attrs: new Map<string, PyObj>([["__module__", pyStr("_csv")]]), slots: [], hasDict: true, hasWeakref: true, shape: layout.heapType.shape(base.shape, 0, false, true, false), builtinBase: "BaseException", cachedKeys: layout.rules.managedDicts ? null : newClassKeys(), frozen: false, tupleFields: null, decorated: null, stdlib: true };
    (cls as { mro: readonly PyClassObj[] }).mro = [cls, ...base.mro];
    errorClasses.set(layout, cls);
  }
  return cls;
}

export function csvError(message: string): PyException {
  const e = new PyException("Error", message);
  e.obj = callObject(csvErrorClass(), [pyStr(message)]);
  return e;
}

/** The dialects register_dialect has named, this evaluation's. */
export function dialectRegistry(): Map<string, PyObj> {
  const state = ctx().moduleState;
  let reg = state.get("csv dialects") as Map<string, PyObj> | undefined;
  if (reg === undefined) {
    state.set("csv dialects", (reg = new Map()));
    // csv.py registers excel, excel-tab and unix at import.
    const kw = (pairs: [string, PyObj][]): Kwargs => ({ values: new Map(pairs), keys: new Map(pairs.map(([k]) => [k, pyStr(k) as PyStrObj])) });
    reg.set("excel", makeDialect(undefined, kw([])).obj);
    reg.set("excel-tab", makeDialect(undefined, kw([["delimiter", pyStr("\t")]])).obj);
    reg.set("unix", makeDialect(undefined, kw([["lineterminator", pyStr("\n")], ["quoting", pyInt(QUOTE_ALL)]])).obj);
  }
  return reg;
}

const FIELDS = ["dialect", "delimiter", "doublequote", "escapechar", "lineterminator", "quotechar", "quoting", "skipinitialspace", "strict"] as const;

function charOption(name: string, v: PyObj | undefined, dflt: string): string {
  if (v === undefined) return dflt;
  if (v.t === "NoneType") return "";
  if (v.t !== "str") throw typeError(`"${name}" must be string, not ${typeName(v)}`);
  if (v.length > 1) throw typeError(`"${name}" must be a 1-character string`);
  return strText(v);
}

const dialectData = new WeakMap<object, CsvDialect>();

/** The Dialect object of these options (its attributes are the options). */
function dialectObject(d: CsvDialect): PyObj {
  const obj = nativeObject("Dialect", {
    attr: (name) => {
      switch (name) {
        case "delimiter": return pyStr(d.delimiter);
        case "quotechar": return d.quotechar === "" ? None : pyStr(d.quotechar);
        case "escapechar": return d.escapechar === "" ? None : pyStr(d.escapechar);
        case "lineterminator": return d.lineterminator;
        case "quoting": return pyInt(d.quoting);
        case "doublequote": return d.doublequote ? True : False;
        case "skipinitialspace": return d.skipinitialspace ? True : False;
        case "strict": return d.strict ? True : False;
        default: return undefined;
      }
    },
  });
  dialectData.set(obj, d);
  return obj;
}

/** dialect_new(dialect, **kwargs): the options, checked; the Dialect object for `reader.dialect`. */
export function makeDialect(dialect: PyObj | undefined, kw: Kwargs): { readonly d: CsvDialect; readonly obj: PyObj } {
  for (const k of kw.values.keys()) if (!(FIELDS as readonly string[]).includes(k)) throw typeError(`'${k}' is an invalid keyword argument for Dialect()`);
  if (dialect !== undefined && kw.values.has("dialect")) throw typeError("argument for Dialect() given by name ('dialect') and position (1)");
  let base = dialect ?? kw.values.get("dialect");
  if (base !== undefined && base.t === "str") {
    base = dialectRegistry().get(strText(base));
    if (base === undefined) throw csvError("unknown dialect");
  }
  if (base !== undefined && [...kw.values.keys()].every((k) => k === "dialect")) {
    const own = dialectData.get(base);
    if (own !== undefined) return { d: own, obj: base };
  }
  const opt = (name: (typeof FIELDS)[number]): PyObj | undefined => {
    const given = kw.values.get(name);
    if (given !== undefined || base === undefined) return given;
    try {
      return getAttr(base, name);
    } catch (e) {
      if (e instanceof PyException && e.pyType === "AttributeError") return undefined;
      throw e;
    }
  };
  const delimiter = charOption("delimiter", opt("delimiter"), ",");
  const dq = opt("doublequote");
  const escapechar = charOption("escapechar", opt("escapechar"), "");
  const lt = opt("lineterminator");
  if (lt !== undefined && lt.t !== "str" && lt.t !== "NoneType") throw typeError(`"lineterminator" must be a string`);
  const quotecharObj = opt("quotechar");
  const quotechar = charOption("quotechar", quotecharObj, '"');
  const q = opt("quoting");
  if (q !== undefined && q.t !== "int") throw typeError(`"quoting" must be an integer`);
  let quoting = q === undefined ? QUOTE_MINIMAL : Number(q.v);
  // 3.12's QUOTE_STRINGS and QUOTE_NOTNULL (a bad value before).
  if (quoting === 4 || quoting === 5) throw new PymemError("UNSUPPORTED", "csv quoting 4 and 5 (QUOTE_STRINGS, QUOTE_NOTNULL)");
  if (quoting < 0 || quoting > 3) throw typeError(`bad "quoting" value`);
  const si = opt("skipinitialspace");
  const st = opt("strict");
  if (delimiter === "") throw typeError(`"delimiter" must be a 1-character string`);
  if (quotecharObj !== undefined && quotecharObj.t === "NoneType" && q === undefined) quoting = QUOTE_NONE;
  if (quoting !== QUOTE_NONE && quotechar === "") throw typeError("quotechar must be set if quoting enabled");
  if (lt !== undefined && lt.t === "NoneType") throw typeError("lineterminator must be set");
  const d: CsvDialect = {
    delimiter, quotechar, escapechar, quoting,
    doublequote: dq === undefined ? true : truthy(dq),
    skipinitialspace: si === undefined ? false : truthy(si),
    strict: st === undefined ? false : truthy(st),
    lineterminator: lt === undefined ? (pyStr("\r\n") as PyStrObj) : (lt as PyStrObj),
  };
  return { d, obj: dialectObject(d) };
}
