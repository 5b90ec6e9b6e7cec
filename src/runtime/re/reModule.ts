// The re module: compile (cached per evaluation) and the functions over a
// pattern and a subject — match, search, fullmatch, findall, finditer,
// split, sub, subn — as _sre.c builds their results (lists by append, new
// tuples, slices of the subject), escape, the flag constants, and re.error.
import type { Layout } from "../../layouts/layout.js";
import { callObject } from "../calls.js";
import { ctx } from "../ctx.js";
import { typeError } from "../errors.js";
import { newBuiltinType } from "../typeObjects.js";
import { isCallableObj } from "../callable.js";
import { makeIter } from "../iterObject.js";
import { listAppend, newEmptyList } from "../lists.js";
import { dictSet, newDict } from "../dicts.js";
import { mappingProxy } from "../mappingProxy.js";
import { nativeObject, nativeSlots } from "../nativeObjects.js";
import { builtinFunction as fn, emptyStr, None, pyInt, pyIntFresh, pyStr, pyStrFresh, pyBytes, pyBytesFresh, subOf, typeName, type Kwargs, type PyBytesObj, type PyDictObj, type PyObj, type PyStrObj } from "../objects.js";
import { newTuple, tuple2 } from "../tuples.js";
import { bytesData, strText } from "../text.js";
import { bytesRepr } from "../repr.js";
import { PymemError } from "../errors.js";
import { FLAG } from "./reSource.js";
import { groupValue, makeMatch, substr, type MatchData } from "./reMatchObject.js";
import { compilePattern, patternOf, raiseReError, registerPattern, type Pattern } from "./rePattern.js";
import { reErrorClass } from "./reErrorClass.js";
import { Scanner, subjectArg } from "./reSearch.js";
import { expandTemplate, parseTemplate } from "./reTemplate.js";
import { ReError } from "./reError.js";
import { markUnsized } from "../unsizedValues.js";

type Args = readonly PyObj[];

function arg(args: Args, kw: Kwargs, i: number, name: string): PyObj | undefined {
  return args[i] ?? kw.values.get(name);
}

function intArg(o: PyObj | undefined, dflt: number): number {
  if (o === undefined) return dflt;
  if (o.t === "int" || o.t === "bool") return Number(o.v);
  throw typeError(`'${o.t}' object cannot be interpreted as an integer`);
}

function matchObj(m: MatchData | null): PyObj {
  return m === null ? None : makeMatch(m);
}

function findall(p: Pattern, sc: Scanner): PyObj {
  const out = newEmptyList();
  for (let m = sc.next(); m !== null; m = sc.next()) {
    let item: PyObj;
    if (p.groups === 0) item = groupValue(m, 0, emptyStr);
    else if (p.groups === 1) item = groupValue(m, 1, emptyEmpty(m));
    else item = newTuple(Array.from({ length: p.groups }, (_, i) => groupValue(m, i + 1, emptyEmpty(m))));
    listAppend(out, item);
  }
  return out;
}

/** state_getslice(..., empty=1) of an unset group: getslice(0, 0), the subject itself when it is ''. */
function emptyEmpty(m: MatchData): PyObj {
  return substr(m.subject, 0, 0);
}

function split(p: Pattern, sc: Scanner, maxsplit: number): PyObj {
  const out = newEmptyList();
  let last = sc.start;
  let n = 0;
  while (maxsplit === 0 || n < maxsplit) {
    const m = sc.next();
    if (m === null) break;
    const [a, b] = m.spans[0] as [number, number];
    listAppend(out, substr(sc.subject, last, a));
    for (let g = 1; g <= p.groups; g++) listAppend(out, groupValue(m, g, None));
    n++;
    last = b;
  }
  listAppend(out, substr(sc.subject, last, sc.end));
  return out;
}

function subx(p: Pattern, repl: PyObj, sc: Scanner, count: number): [PyObj, number] {
  let filter: ((m: MatchData) => PyObj) | null = null;
  let literal: PyObj | null = null;
  if (isCallableObj(repl)) filter = (m) => callObject(repl, [makeMatch(m)]);
  else if (p.isbytes) {
    if (repl.t !== "bytes" || subOf(repl) !== undefined) throw new PymemError("UNSUPPORTED", `a '${typeName(repl)}' replacement for a bytes pattern`);
    if (bytesData(repl).includes(0x5c)) throw new PymemError("UNSUPPORTED", "a bytes replacement template with backslashes");
    literal = repl;
  } else if (repl.t === "str") {
    if (!strText(repl).includes("\\")) literal = repl;
    else {
      let chunks;
      try {
        chunks = parseTemplate(repl, p);
      } catch (e) {
        if (e instanceof ReError) raiseReError(e);
        throw e;
      }
      const inC = ctx().layout.rules.re.templateInC;
      const first = chunks[0];
      if (chunks.length === 0) literal = emptyStr;
      else if (chunks.length === 1 && first !== undefined && "lit" in first) literal = first.lit;
      else filter = (m) => expandTemplate(chunks, m, inC);
    }
  } else throw typeError(`expected str instance, ${repl.t} found`);
  const parts: PyObj[] = [];
  let i = 0;
  let n = 0;
  while (count === 0 || n < count) {
    const m = sc.next();
    if (m === null) break;
    const [b, e] = m.spans[0] as [number, number];
    if (i < b) parts.push(substr(sc.subject, i, b));
    const item = literal ?? (filter as (m: MatchData) => PyObj)(m);
    if (item !== None) parts.push(item);
    i = e;
    n++;
  }
  if (i < sc.end) parts.push(substr(sc.subject, i, sc.end));
  if (parts.length === 0) return [substr(sc.subject, 0, 0), n];
  if (p.isbytes) return [joinBytesParts(parts), n];
  parts.forEach((x, k) => {
    if (x.t !== "str") throw typeError(`sequence item ${k}: expected str instance, ${x.t} found`);
  });
  if (parts.length === 1) return [parts[0] as PyObj, n];
  const text = parts.map((x) => strText(x as PyStrObj)).join("");
  return [text === "" ? emptyStr : pyStrFresh(text), n];
}

/** _PyBytes_Join(b'', list): the one exact bytes item itself, else a new bytes (b'' when empty). */
function joinBytesParts(parts: readonly PyObj[]): PyObj {
  parts.forEach((x, k) => {
    if (x.t !== "bytes") throw typeError(`sequence item ${k}: expected a bytes-like object, ${typeName(x)} found`);
  });
  if (parts.length === 1) return parts[0] as PyObj;
  const datas = parts.map((x) => bytesData(x as PyBytesObj));
  const out = new Uint8Array(datas.reduce((n, d) => n + d.length, 0));
  let at = 0;
  for (const d of datas) {
    out.set(d, at);
    at += d.length;
  }
  return pyBytesFresh(out);
}

function escape(o: PyObj | undefined): PyObj {
  const special = "()[]{}?*+-|^$\\.&~# \t\n\r\v\f";
  if (o !== undefined && o.t === "bytes" && subOf(o) === undefined) {
    // str(pattern, 'latin1').translate(...).encode('latin1')
    const out: number[] = [];
    for (const b of bytesData(o)) {
      if (special.includes(String.fromCharCode(b))) out.push(0x5c);
      out.push(b);
    }
    return pyBytes(Uint8Array.from(out));
  }
  if (o === undefined || o.t !== "str") throw typeError("escape() argument must be str");
  let out = "";
  for (const ch of strText(o)) out += special.includes(ch) ? "\\" + ch : ch;
  return pyStr(out);
}

function patternObject(p: Pattern): PyObj {
  if (p.obj !== null) return p.obj;
  const scan = (args: Args, kw: Kwargs): Scanner => new Scanner(p, subjectArg(arg(args, kw, 0, "string"), p.isbytes), intArg(arg(args, kw, 1, "pos"), 0), intArg(arg(args, kw, 2, "endpos"), Number.MAX_SAFE_INTEGER));
  const methods: Record<string, (args: Args, kw: Kwargs) => PyObj> = {
    match: (a, k) => matchObj(scan(a, k).matchHere(false)),
    fullmatch: (a, k) => matchObj(scan(a, k).matchHere(true)),
    search: (a, k) => matchObj(scan(a, k).next()),
    findall: (a, k) => findall(p, scan(a, k)),
    finditer: (a, k) => {
      const sc = scan(a, k);
      return makeIter("callable_iterator", () => {
        const m = sc.next();
        return m === null ? undefined : makeMatch(m);
      }, () => null);
    },
    split: (a, k) => split(p, new Scanner(p, subjectArg(arg(a, k, 0, "string"), p.isbytes)), intArg(arg(a, k, 1, "maxsplit"), 0)),
    sub: (a, k) => subx(p, arg(a, k, 0, "repl") ?? None, new Scanner(p, subjectArg(arg(a, k, 1, "string"), p.isbytes)), intArg(arg(a, k, 2, "count"), 0))[0],
    subn: (a, k) => {
      const [s, n] = subx(p, arg(a, k, 0, "repl") ?? None, new Scanner(p, subjectArg(arg(a, k, 1, "string"), p.isbytes)), intArg(arg(a, k, 2, "count"), 0));
      return tuple2(s, pyInt(n));
    },
  };
  const attr = (name: string): PyObj | undefined => {
    const m = methods[name];
    if (m !== undefined) return fn(name, m);
    if (name === "pattern") return p.source;
    if (name === "flags") return pyInt(p.flags);
    if (name === "groups") return pyInt(p.groups);
    // pattern_groupindex: a new proxy of the pattern's one dict (sre_parse's groupdict), or a new empty dict without names.
    if (name === "groupindex") {
      if (p.names.length === 0) return newDict();
      if (groupindex === null) {
        groupindex = newDict();
        for (const [n, g] of p.names) dictSet(groupindex, n, pyInt(g));
      }
      return mappingProxy(groupindex, "Pattern.groupindex");
    }
    return undefined;
  };
  let groupindex: PyDictObj | null = null;
  const src = p.source;
  const native = nativeObject("Pattern", { attr, repr: () => `re.compile(${src.t === "bytes" ? bytesRepr(bytesData(src)) : strText(src)})` });
  const obj = typeof p.codeSize === "number" ? { ...native, indexWords: p.codeSize } : markUnsized(native, `the size of a compiled re.Pattern with ${p.codeSize}`);
  registerPattern(obj, p);
  return obj;
}

function compiled(pattern: PyObj | undefined, flags: PyObj | undefined): PyObj {
  if (pattern === undefined) throw typeError("missing required argument 'pattern'");
  const p = compilePattern(pattern, flags);
  return patternObject(p);
}

/** re.f(pattern, string, ..., flags): the compiled pattern's method. */
function viaPattern(name: string, flagsAt: number, argNames: readonly string[]): PyObj {
  return fn(name, (args, kw) => {
    const pat = compiled(arg(args, kw, 0, "pattern"), arg(args, kw, flagsAt, "flags"));
    const rest = argNames.map((n, i) => arg(args, kw, i + 1, n)).filter((x): x is PyObj => x !== undefined);
    return callObject(nativeAttr(pat, name), rest);
  });
}

function nativeAttr(o: PyObj, name: string): PyObj {
  patternOf(o);
  return nativeSlots(o)?.attr?.(name) ?? None;
}

export function reModuleAttrs(layout: Layout): [string, PyObj][] {
  const flags: [string, number][] = [["I", FLAG.I], ["IGNORECASE", FLAG.I], ["M", FLAG.M], ["MULTILINE", FLAG.M], ["S", FLAG.S], ["DOTALL", FLAG.S], ["X", FLAG.X], ["VERBOSE", FLAG.X], ["A", FLAG.A], ["ASCII", FLAG.A], ["U", FLAG.U], ["UNICODE", FLAG.U]];
  const err = reErrorClass(layout);
  return [
    // type(re.compile(…)) and type(re.match(…)): _sre's types, heap types from 3.10 (the layout's list); not callable.
    ["Pattern", newBuiltinType("Pattern", () => { throw typeError("cannot create 're.Pattern' instances"); }, [], "extension")],
    ["Match", newBuiltinType("Match", () => { throw typeError("cannot create 're.Match' instances"); }, [], "extension")],
    ["compile", fn("compile", (args, kw) => compiled(arg(args, kw, 0, "pattern"), arg(args, kw, 1, "flags")))],
    ["match", viaPattern("match", 2, ["string"])],
    ["search", viaPattern("search", 2, ["string"])],
    ["fullmatch", viaPattern("fullmatch", 2, ["string"])],
    ["findall", viaPattern("findall", 2, ["string"])],
    ["finditer", viaPattern("finditer", 2, ["string"])],
    ["split", viaPattern("split", 3, ["string", "maxsplit"])],
    ["sub", viaPattern("sub", 4, ["repl", "string", "count"])],
    ["subn", viaPattern("subn", 4, ["repl", "string", "count"])],
    ["escape", fn("escape", ([o]) => escape(o))],
    ["purge", fn("purge", () => None)],
    ["error", err],
    ...(err.name !== "error" ? [[err.name, err] as [string, PyObj]] : []),
    ...flags.map(([n, v]): [string, PyObj] => [n, markUnsized(pyIntFresh(BigInt(v)), "the size of a re.RegexFlag")]),
  ];
}
