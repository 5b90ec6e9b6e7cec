// re.Pattern: a compiled pattern (_sre.compile's PatternObject), kept in the
// re module's cache per evaluation so re.compile(p) is re.compile(p) and the
// group names (the groupindex keys) are the same objects from call to call.
// getsizeof counts its compiled code (reCodeSize.ts) where pymem follows
// sre_compile's output exactly, and is refused otherwise.
import { ctx } from "../ctx.js";
import { PyException, PymemError, typeError, valueError } from "../errors.js";
import { callObject } from "../calls.js";
import { latin1Char, pyStrFresh, typeName, type PyBytesObj, type PyObj, type PyStrObj } from "../objects.js";
import { subOf } from "../objects.js";
import { bytesData, strText } from "../text.js";
import { compileItems, type Node } from "./reCompile.js";
import { codeSize } from "./reCodeSize.js";
import { ReError } from "./reError.js";
import { parse } from "./reParser.js";
import { reErrorClass } from "./reErrorClass.js";

export interface Pattern {
  readonly source: PyStrObj | PyBytesObj;
  /** len(sre_compile._code(...)), the SRE_CODE words pattern_sizeof counts, or what keeps pymem from counting them. */
  readonly codeSize: number | string;
  /** A bytes pattern: matches bytes, ASCII classes and case. */
  readonly isbytes: boolean;
  readonly flags: number;
  /** Capturing groups. */
  readonly groups: number;
  readonly code: readonly Node[];
  /** Group names in groupindex order, each with its number; the names are the pattern's own str objects. */
  readonly names: readonly [PyStrObj, number][];
  /** The Pattern object itself (set once made). */
  obj: PyObj | null;
}

/** A str the parser built by concatenation: a one-character name is the cached character. */
function builtStr(text: string): PyStrObj {
  const cps = [...text];
  return cps.length === 1 && (cps[0] as string).charCodeAt(0) < 256 ? latin1Char((cps[0] as string).charCodeAt(0)) : pyStrFresh(text);
}

export function raiseReError(e: ReError): never {
  const refusal = e.refusal();
  if (refusal !== null) throw refusal;
  if (e.pos === -2) throw valueError(e.msg);
  if (e.pos === -3) throw new PyException("OverflowError", e.msg);
  const cls = reErrorClass(ctx().layout);
  const err = new PyException(cls.name, e.text());
  err.obj = callObject(cls, [pyStrFresh(e.text())]);
  throw err;
}

export function compilePattern(source: PyObj, flagsObj: PyObj | undefined): Pattern {
  const flags = flagsObj === undefined ? 0 : flagsObj.t === "int" ? Number(flagsObj.v) : flagsObj.t === "bool" ? (flagsObj.v ? 1 : 0) : NaN;
  if (Number.isNaN(flags)) throw typeError(`unsupported operand type(s) for &: '${typeName(flagsObj as PyObj)}' and 'int'`);
  if (source.t === "opaque" && source.typeName === "Pattern") {
    if (flags !== 0) throw valueError("cannot process flags argument with a compiled pattern");
    return patternOf(source);
  }
  if (source.t !== "str" && source.t !== "bytes") throw typeError("first argument must be string or compiled pattern");
  if (subOf(source) !== undefined) throw new PymemError("UNSUPPORTED", `a ${source.t} subclass as a pattern is not supported by pymem yet`);
  const isbytes = source.t === "bytes";
  const text = source.t === "bytes" ? String.fromCharCode(...bytesData(source)) : strText(source);
  const key = `${isbytes ? "b" : "s"}${flags}\u0000${text}`;
  const cache = cacheOf();
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const rules = ctx().layout.rules.re;
  try {
    const parsed = parse(text, flags, { atomic: rules.atomicGroups, globalFlagsAtStart: rules.globalFlagsAtStart }, !isbytes);
    const { code } = compileItems(parsed);
    const names: [PyStrObj, number][] = [...parsed.groupdict].map(([n, g]) => [builtStr(n), g]);
    const p: Pattern = { source, flags: parsed.flags, groups: parsed.groups - 1, code, names, obj: null, isbytes, codeSize: codeSize(parsed) };
    cache.set(key, p);
    return p;
  } catch (e) {
    if (e instanceof ReError) raiseReError(e);
    throw e;
  }
}

function cacheOf(): Map<string, Pattern> {
  const state = ctx().moduleState;
  let m = state.get("re cache") as Map<string, Pattern> | undefined;
  if (m === undefined) state.set("re cache", (m = new Map()));
  return m;
}

const patterns = new WeakMap<object, Pattern>();

export function registerPattern(obj: PyObj, p: Pattern): void {
  patterns.set(obj, p);
  p.obj = obj;
}

export function patternOf(o: PyObj): Pattern {
  const p = patterns.get(o);
  if (p === undefined) throw typeError(`descriptor requires a 're.Pattern' object but received '${typeName(o)}'`);
  return p;
}
