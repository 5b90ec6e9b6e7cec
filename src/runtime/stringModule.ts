// The string module (Lib/string.py): its constants, made once per evaluation
// as the module's code makes them (the identifier-like literals interned, as
// a code object's constants are, so `string.digits is '0123456789'`; the ones
// built by + at import are fresh), capwords (split, capitalize, join, each by
// the str's own methods), and Template, a Python class made per evaluation:
// $-substitution as its pattern's sub() builds the result (the pieces between
// matches sliced from the template, the whole template returned when nothing
// matched, one piece returned as it is). Subclasses with their own delimiter
// are modelled (3.8's _TemplateMetaclass as their type); one with its own
// pattern, idpattern, braceidpattern or flags, and Formatter, are refused.
import { callObject, emptyKwargs } from "./calls.js";
import { truthy } from "./compare.js";
import { intern } from "./constPool.js";
import { chargeChars, ctx } from "./ctx.js";
import { getAttr, setAttr } from "./attributes.js";
import { dictGet } from "./dicts.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { objectLen } from "./iteration.js";
import { listAppend, newEmptyList, newListExact } from "./lists.js";
import { nativeFunction, None, pyBool, pyInt, pyStr, pyStrFresh, typeName, type Kwargs, type PyClassObj, type PyDictObj, type PyObj, type PyStrObj } from "./objects.js";
import { bindDef, pyDef } from "./pyParams.js";
import { setClassHooks } from "./classHooks.js";
import { lookupClassAttr, makeClass } from "./classes.js";
import { refusedMethod, stdlibClass, unmodelled } from "./stdlibClass.js";
import { formatterParser } from "./formatterParser.js";
import { getItem, makeSlice } from "./subscript.js";
import { strText } from "./text.js";
import { typeObject } from "./typeObjects.js";
import type { Layout } from "../layouts/layout.js";

const LOWER = "abcdefghijklmnopqrstuvwxyz";
const UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const DIGITS = "0123456789";
const PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";
const WHITESPACE = " \t\n\r\x0b\x0c";

/** s[a:b] as the str's own slicing makes it (PyUnicode_Substring: the str itself when whole). */
export function substr(s: PyObj, a: number, b: number): PyObj {
  return getItem(s, makeSlice(pyInt(a), pyInt(b), None));
}

/**
 * Slices of one str by code point positions, as PyUnicode_Substring makes
 * them (re's getslice): the str itself when whole, '' when empty, a cached
 * latin-1 character for one, else a new str — without rescanning the text
 * for every slice.
 */
export function slicer(s: PyStrObj): (a: number, b: number) => PyObj {
  const text = strText(s);
  let units: number[] | null = null;
  if (s.maxChar >= 0x10000) {
    units = [];
    for (let i = 0; i < text.length; i++) {
      units.push(i);
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) i++;
    }
    units.push(text.length);
  }
  return (a, b) => {
    if (a >= s.length || b <= a) return pyStr("");
    if (a === 0 && b === s.length) return s;
    return pyStr(units === null ? text.slice(a, b) : text.slice(units[a] as number, units[b] as number));
  };
}

export function callMethod(o: PyObj, name: string, args: readonly PyObj[] = []): PyObj {
  return callObject(getAttr(o, name), args, emptyKwargs);
}

/** ''.join(pieces) of a list built from them (the list pattern_subx and the join of a generator build). */
export function joinPieces(sep: PyObj, pieces: readonly PyObj[]): PyObj {
  return callMethod(sep, "join", [newListExact([...pieces])]);
}

const CAPWORDS = pyDef("capwords", ["s", "sep"], [None]);

/** capwords(s, sep=None): (sep or ' ').join(x.capitalize() for x in s.split(sep)). */
function capwords(args: readonly PyObj[], kw: Kwargs): PyObj {
  const [s, sep] = bindDef(CAPWORDS, args, kw) as [PyObj, PyObj];
  const words = callMethod(s, "split", [sep]);
  const caps = newEmptyList();
  for (const w of (words as PyObj & { t: "list" }).items as PyObj[]) listAppend(caps, callMethod(w, "capitalize"));
  return callMethod(truthy(sep) ? sep : pyStr(" "), "join", [caps]);
}

/** One match of Template's pattern: where it starts and ends, and its group. */
interface Placeholder {
  readonly start: number;
  readonly end: number;
  readonly kind: "escaped" | "named" | "braced" | "invalid";
  /** The identifier's span (named, braced). */
  readonly id?: readonly [number, number];
}

const ID_START = /[_a-zA-Z]/;
const ID_CONT = /[_a-zA-Z0-9]/;

/**
 * The pattern's matches over the template's code points, for the class's
 * delimiter and the default idpattern (?a:[_a-z][_a-z0-9]*) under IGNORECASE:
 * delimiter twice, delimiter + identifier, delimiter + {identifier}, or a bare
 * delimiter (invalid), searched left to right without overlap.
 */
function placeholders(cps: readonly string[], delim: readonly string[]): Placeholder[] {
  const out: Placeholder[] = [];
  const d = delim.length;
  const delimAt = (i: number): boolean => delim.every((c, k) => cps[i + k] === c);
  const ident = (from: number): number => {
    if (!ID_START.test(cps[from] ?? "")) return from;
    let j = from + 1;
    while (j < cps.length && ID_CONT.test(cps[j] as string)) j++;
    return j;
  };
  let i = 0;
  while (i < cps.length) {
    if (!delimAt(i)) {
      i++;
      continue;
    }
    const after = i + d;
    let m: Placeholder;
    const named = ident(after);
    const braced = cps[after] === "{" ? ident(after + 1) : after + 1;
    if (delimAt(after)) m = { start: i, end: after + d, kind: "escaped" };
    else if (named > after) m = { start: i, end: named, kind: "named", id: [after, named] };
    else if (braced > after + 1 && cps[braced] === "}") m = { start: i, end: braced + 1, kind: "braced", id: [after + 1, braced] };
    else m = { start: i, end: after, kind: "invalid" };
    out.push(m);
    i = m.end;
  }
  return out;
}

/** The delimiter each Template class compiled its pattern with (Template itself and the subclasses made here). */
const patternDelimiters = new WeakMap<PyClassObj, readonly string[]>();

/** The pattern this instance's substitution follows, refused where it is not the default idpattern over a known delimiter. */
function patternOf(self: PyObj): readonly string[] {
  const delim = self.t === "instance" ? patternDelimiters.get(self.cls) : undefined;
  if (delim === undefined || self.t !== "instance") throw new PymemError("UNSUPPORTED", `Template methods on a '${typeName(self)}'`);
  const base = self.cls.mro[self.cls.mro.length - 1] as PyClassObj;
  for (const name of ["pattern", "idpattern", "braceidpattern", "flags"]) {
    if (getAttr(self, name) !== base.attrs.get(name)) throw new PymemError("UNSUPPORTED", `a Template whose ${name} is not string.Template's (its own pattern)`);
  }
  return delim;
}

const SUBSTITUTE = pyDef("substitute", ["self", "mapping"], [None], { posOnly: 2, kwarg: "kws" });

/** The mapping substitute() reads: kws alone, the mapping, or ChainMap(kws, mapping). */
function lookupIn(mapping: PyObj | null, kws: PyDictObj): (key: PyObj) => PyObj {
  if (mapping === null) return (k) => getItem(kws, k);
  if (objectLen(kws) === 0) return (k) => getItem(mapping, k);
  return (k) => dictGet(kws, k) ?? getItem(mapping, k);
}

function templateText(self: PyObj): PyStrObj {
  const template = getAttr(self, "template");
  if (template.t !== "str") throw typeError(template.t === "bytes" ? "cannot use a string pattern on a bytes-like object" : "expected string or bytes-like object");
  return template;
}

/** Template.substitute / safe_substitute: self.pattern.sub(convert, self.template). */
function substitute(safe: boolean, args: readonly PyObj[], kw: Kwargs): PyObj {
  const bound = bindDef(SUBSTITUTE, args, kw);
  const self = bound[0] as PyObj;
  const given = args.length >= 2 ? (args[1] as PyObj) : null;
  const kws = bound[2] as PyDictObj;
  const lookup = lookupIn(given, kws);
  const delim = patternOf(self);
  const template = templateText(self);
  const cut = slicer(template);
  chargeChars(template.length);
  const cps = [...strText(template)];
  const pieces: PyObj[] = [];
  let at = 0;
  const str = typeObject("str");
  for (const m of placeholders(cps, delim)) {
    ctx().tick();
    if (at < m.start) pieces.push(cut(at, m.start));
    let item: PyObj;
    if (m.kind === "named" || m.kind === "braced") {
      const [a, b] = m.id as readonly [number, number];
      const name = cut(a, b);
      try {
        item = callObject(str, [lookup(name)]);
      } catch (e) {
        if (!safe || !(e instanceof PyException) || e.pyType !== "KeyError") throw e;
        item = cut(m.start, m.end);
      }
    } else if (m.kind === "escaped") {
      item = getAttr(self, "delimiter");
    } else {
      if (safe) item = cut(m.start, m.end);
      else throw invalidPlaceholder(cps, m.end);
    }
    pieces.push(item);
    at = m.end;
  }
  if (at < cps.length) pieces.push(cut(at, cps.length));
  return pieces.length === 0 ? pyStr("") : joinPieces(pyStr(""), pieces);
}

/** Template._invalid: the line and column of mo.start('invalid') (just past the delimiter). */
function invalidPlaceholder(cps: readonly string[], i: number): PyException {
  const before = cps.slice(0, i).join("");
  const lines = before.split(/(?<=\r\n|[\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]|\r(?!\n))/u).filter((l) => l !== "");
  const lineno = lines.length === 0 ? 1 : lines.length;
  const colno = lines.length === 0 ? 1 : i - [...lines.slice(0, -1).join("")].length;
  return new PyException("ValueError", `Invalid placeholder in string: line ${lineno}, col ${colno}`);
}

/** get_identifiers() (3.11+): the named and braced identifiers, each once, in order. */
function identifiers(self: PyObj): PyObj {
  const delim = patternOf(self);
  const template = templateText(self);
  const cut = slicer(template);
  const ids = newEmptyList();
  const seen = new Set<string>();
  for (const m of placeholders([...strText(template)], delim)) {
    if (m.id === undefined) continue;
    const name = cut(m.id[0], m.id[1]);
    const t = strText(name as PyStrObj);
    if (seen.has(t)) continue;
    seen.add(t);
    listAppend(ids, name);
  }
  return ids;
}

const INIT = pyDef("__init__", ["self", "template"], []);

/**
 * A class statement over Template (or a subclass made here): made as any class,
 * its pattern compiled from its delimiter (3.8's _TemplateMetaclass, __init_subclass__
 * after) — refused where it sets its own pattern, idpattern, braceidpattern or flags.
 */
function templateSubclass(meta: string | undefined): (name: string, bases: readonly PyClassObj[], ns: Map<string, PyObj>) => PyObj {
  const make = (name: string, bases: readonly PyClassObj[], ns: Map<string, PyObj>): PyObj => {
    for (const own of ["pattern", "idpattern", "braceidpattern", "flags"]) {
      if (ns.has(own)) throw new PymemError("UNSUPPORTED", `a Template subclass with its own ${own} (its regular expression is not modelled)`);
    }
    if (bases.length !== 1) throw new PymemError("UNSUPPORTED", "a Template subclass with several bases");
    const cls = makeClass(name, bases, ns);
    const delim = lookupClassAttr(cls, "delimiter");
    if (delim === undefined || delim.t !== "str" || delim.length === 0) throw new PymemError("UNSUPPORTED", "a Template subclass whose delimiter is not a non-empty str");
    patternDelimiters.set(cls, [...strText(delim)]);
    if (meta !== undefined) Object.assign(cls, { metaclass: meta });
    setClassHooks(cls, { subclass: make });
    return cls;
  };
  return make;
}

/** string.Formatter: parse() is _string.formatter_parser; the formatting methods are not modelled. */
function formatterClass(): PyClassObj {
  const refused = ["format", "vformat", "get_value", "get_field", "check_unused_args", "format_field", "convert_field"];
  return stdlibClass("Formatter", "string", [
    ["parse", nativeFunction("parse", ([, s]) => formatterParser(s ?? None))],
    ...refused.map((n) => refusedMethod("string.Formatter", n)),
  ]);
}

function templateClass(layout: Layout): PyClassObj {
  const methods: [string, PyObj][] = [
    ["delimiter", pyStr("$")],
    ["idpattern", pyStrFresh("(?a:[_a-z][_a-z0-9]*)")],
    ["braceidpattern", None],
    unmodelled("flags", "RegexFlag"),
    unmodelled("pattern", "re.Pattern"),
    refusedMethod("Template", "_invalid"),
    ["__init__", nativeFunction("__init__", (args, kw) => {
      const [self, template] = bindDef(INIT, args, kw) as [PyObj, PyObj];
      setAttr(self, "template", template);
      return None;
    })],
    ["substitute", nativeFunction("substitute", (args, kw) => substitute(false, args, kw))],
    ["safe_substitute", nativeFunction("safe_substitute", (args, kw) => substitute(true, args, kw))],
  ];
  if (layout.rules.templateIdentifiers) {
    methods.push(["get_identifiers", nativeFunction("get_identifiers", ([self]) => identifiers(self as PyObj))]);
    methods.push(["is_valid", nativeFunction("is_valid", ([self]) => {
      const delim = patternOf(self as PyObj);
      return pyBool(!placeholders([...strText(templateText(self as PyObj))], delim).some((m) => m.kind === "invalid"));
    })]);
  }
  const meta = (layout.attributeNames()["module string"] ?? "").split(" ").includes("_TemplateMetaclass") ? "_TemplateMetaclass" : undefined;
  const cls = stdlibClass("Template", "string", methods, meta);
  patternDelimiters.set(cls, ["$"]);
  setClassHooks(cls, { subclass: templateSubclass(meta) });
  return cls;
}

export function stringModuleAttrs(layout: Layout): { attrs: [string, PyObj][]; perEvaluation: [string, () => PyObj][] } {
  const interned = (t: string) => (): PyObj => intern(pyStrFresh(t));
  const fresh = (t: string) => (): PyObj => pyStrFresh(t);
  return {
    attrs: [
      ["capwords", nativeFunction("capwords", capwords)],
    ],
    perEvaluation: [
      ["whitespace", fresh(WHITESPACE)],
      ["ascii_lowercase", interned(LOWER)],
      ["ascii_uppercase", interned(UPPER)],
      ["ascii_letters", fresh(LOWER + UPPER)],
      ["digits", interned(DIGITS)],
      ["hexdigits", fresh(`${DIGITS}abcdefABCDEF`)],
      ["octdigits", interned("01234567")],
      ["punctuation", fresh(PUNCTUATION)],
      ["printable", fresh(DIGITS + LOWER + UPPER + PUNCTUATION + WHITESPACE)],
      ["Template", () => templateClass(layout)],
      ["Formatter", () => formatterClass()],
    ],
  };
}
