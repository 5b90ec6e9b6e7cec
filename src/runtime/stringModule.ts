// The string module (Lib/string.py): its constants, made once per evaluation
// as the module's code makes them (the identifier-like literals interned, as
// a code object's constants are, so `string.digits is '0123456789'`; the ones
// built by + at import are fresh), capwords (split, capitalize, join, each by
// the str's own methods), and Template, a Python class: $-substitution as its
// pattern's sub() builds the result (the pieces between matches sliced from
// the template, the whole template returned when nothing matched, one piece
// returned as it is). Formatter is refused.
import { callObject, emptyKwargs } from "./calls.js";
import { truthy } from "./compare.js";
import { intern } from "./constPool.js";
import { ctx } from "./ctx.js";
import { getAttr, setAttr } from "./attributes.js";
import { dictGet } from "./dicts.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { objectLen } from "./iteration.js";
import { listAppend, newEmptyList, newListExact } from "./lists.js";
import { nativeFunction, None, pyBool, pyInt, pyStr, pyStrFresh, type Kwargs, type PyClassObj, type PyDictObj, type PyObj, type PyStrObj } from "./objects.js";
import { bindDef, pyDef } from "./pyParams.js";
import { refusedMethod, stdlibClass, unmodelled } from "./stdlibClass.js";
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

/** Template.pattern's matches over the template's code points: $$, $identifier, ${identifier}, or a bare $ (invalid). */
function placeholders(cps: readonly string[]): Placeholder[] {
  const out: Placeholder[] = [];
  let i = 0;
  while (i < cps.length) {
    if (cps[i] !== "$") {
      i++;
      continue;
    }
    const next = cps[i + 1];
    if (next === "$") {
      out.push({ start: i, end: i + 2, kind: "escaped" });
      i += 2;
      continue;
    }
    const ident = (from: number): number => {
      if (!ID_START.test(cps[from] ?? "")) return from;
      let j = from + 1;
      while (j < cps.length && ID_CONT.test(cps[j] as string)) j++;
      return j;
    };
    const named = ident(i + 1);
    if (named > i + 1) {
      out.push({ start: i, end: named, kind: "named", id: [i + 1, named] });
      i = named;
      continue;
    }
    if (next === "{") {
      const b = ident(i + 2);
      if (b > i + 2 && cps[b] === "}") {
        out.push({ start: i, end: b + 1, kind: "braced", id: [i + 2, b] });
        i = b + 1;
        continue;
      }
    }
    out.push({ start: i, end: i + 1, kind: "invalid" });
    i += 1;
  }
  return out;
}

const SUBSTITUTE = pyDef("substitute", ["self", "mapping"], [None], { posOnly: 2, kwarg: "kws" });

/** The mapping substitute() reads: kws alone, the mapping, or ChainMap(kws, mapping). */
function lookupIn(mapping: PyObj | null, kws: PyDictObj): (key: PyObj) => PyObj {
  if (mapping === null) return (k) => getItem(kws, k);
  if (objectLen(kws) === 0) return (k) => getItem(mapping, k);
  return (k) => dictGet(kws, k) ?? getItem(mapping, k);
}

/** Template.substitute / safe_substitute: self.pattern.sub(convert, self.template). */
function substitute(safe: boolean, args: readonly PyObj[], kw: Kwargs): PyObj {
  const bound = bindDef(SUBSTITUTE, args, kw);
  const self = bound[0] as PyObj;
  const given = args.length >= 2 ? (args[1] as PyObj) : null;
  const kws = bound[2] as PyDictObj;
  const lookup = lookupIn(given, kws);
  const template = getAttr(self, "template");
  if (template.t !== "str") throw typeError(template.t === "bytes" ? "cannot use a string pattern on a bytes-like object" : "expected string or bytes-like object");
  const cps = [...strText(template)];
  const pieces: PyObj[] = [];
  let at = 0;
  const str = typeObject("str");
  for (const m of placeholders(cps)) {
    ctx().tick();
    if (at < m.start) pieces.push(substr(template, at, m.start));
    let item: PyObj;
    if (m.kind === "named" || m.kind === "braced") {
      const [a, b] = m.id as readonly [number, number];
      const name = substr(template, a, b);
      try {
        item = callObject(str, [lookup(name)]);
      } catch (e) {
        if (!safe || !(e instanceof PyException) || e.pyType !== "KeyError") throw e;
        item = substr(template, m.start, m.end);
      }
    } else if (m.kind === "escaped") {
      item = getAttr(self, "delimiter");
    } else {
      if (safe) item = substr(template, m.start, m.end);
      else throw invalidPlaceholder(cps, m.start);
    }
    pieces.push(item);
    at = m.end;
  }
  if (at < cps.length) pieces.push(substr(template, at, cps.length));
  return pieces.length === 0 ? pyStr("") : joinPieces(pyStr(""), pieces);
}

/** Template._invalid: the line and column of a bare delimiter. */
function invalidPlaceholder(cps: readonly string[], i: number): PyException {
  const before = cps.slice(0, i).join("");
  const lines = before.split(/(?<=\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029](?!(?<=\r)\n))/u).filter((l) => l !== "");
  const lineno = lines.length === 0 ? 1 : lines.length;
  const colno = lines.length === 0 ? 1 : i - [...lines.slice(0, -1).join("")].length;
  return new PyException("ValueError", `Invalid placeholder in string: line ${lineno}, col ${colno}`);
}

/** get_identifiers() (3.11+): the named and braced identifiers, each once, in order; is_valid(): no bare delimiter. */
function identifiers(self: PyObj): PyObj {
  const template = getAttr(self, "template");
  if (template.t !== "str") throw typeError("expected string or bytes-like object");
  const ids = newEmptyList();
  const seen = new Set<string>();
  for (const m of placeholders([...strText(template)])) {
    if (m.id === undefined) continue;
    const name = substr(template, m.id[0], m.id[1]);
    const t = strText(name as PyStrObj);
    if (seen.has(t)) continue;
    seen.add(t);
    listAppend(ids, name);
  }
  return ids;
}

const INIT = pyDef("__init__", ["self", "template"], []);

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
      const template = getAttr(self as PyObj, "template");
      if (template.t !== "str") throw typeError("expected string or bytes-like object");
      return placeholders([...strText(template)]).some((m) => m.kind === "invalid") ? pyBool(false) : pyBool(true);
    })]);
  }
  const meta = (layout.attributeNames["module string"] ?? "").split(" ").includes("_TemplateMetaclass") ? "_TemplateMetaclass" : undefined;
  return stdlibClass("Template", "string", methods, meta);
}

export function stringModuleAttrs(layout: Layout): { attrs: [string, PyObj][]; perEvaluation: [string, () => PyObj][] } {
  const interned = (t: string) => (): PyObj => intern(pyStrFresh(t));
  const fresh = (t: string) => (): PyObj => pyStrFresh(t);
  return {
    attrs: [
      ["capwords", nativeFunction("capwords", capwords)],
      ["Formatter", { t: "type", name: "Formatter", call: () => {
        throw new PymemError("UNSUPPORTED", "string.Formatter (its parser, _string.formatter_parser, is not modelled)");
      }, attrs: new Map(), heap: "class" }],
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
    ],
  };
}
