// json.loads as Modules/_json.c's scanner builds its objects: PyDict_New +
// PyDict_SetItem (insertion growth), PyList_New(0) + PyList_Append (append
// growth); a str is the substring's (the empty str and one latin-1 character
// from the caches), and within one call every key equal to an earlier one is
// that earlier str (the scanner's key memo); ints from PyLong_FromString (small
// ones cached), floats fresh; NaN and the infinities are json.decoder's
// module-level constants. Errors are json.JSONDecodeError (a ValueError) with
// CPython's messages and positions.
import { ctx } from "./ctx.js";
import { PyException, PymemError, typeError, valueError } from "./errors.js";
import { INT_MAX_STR_DIGITS, intParseLimitMessage } from "../layouts/intDigitLimit.js";
import { stdlibExceptionClass } from "./exceptions.js";
import { callObject } from "./calls.js";
import { callMethod } from "./stringModule.js";
import { setInstanceAttrValue } from "./instanceAttrs.js";
import { dictSet, newDict } from "./dicts.js";
import { listAppend, newEmptyList } from "./lists.js";
import { False, None, True, pyFloat, pyInt, pyStr, pyStrCheckedPairs, pyStrFresh, typeName, type Kwargs, type PyClassObj, type PyDictObj, type PyInstanceObj, type PyListObj, type PyObj, type PyStrObj } from "./objects.js";
import { tuple2 } from "./tuples.js";
import { intern } from "./constPool.js";
import { strText, bytesData } from "./text.js";
import type { Layout } from "../layouts/layout.js";


/**
 * json.decoder.JSONDecodeError: a Python class over ValueError, made once per
 * version like the builtin exceptions (type_new's layout over ValueError: a
 * __weakref__ member or pre-header word). The setup did not create it, so its
 * instances are leaves of the deep walk (`stdlib`); it caches no keys, so no
 * state passes from one evaluation to the next (its instances' __dict__,
 * which CPython would split before 3.11, is refused: instanceAttrs.ts).
 */
function decodeErrorClass(): PyClassObj {
  return decodeErrorClassOf(ctx().layout);
}

/** JSONDecodeError(msg, doc, pos): "msg: line L column C (char P)", with msg, doc, pos, lineno, colno set on it. */
function decodeError(msg: string, doc: PyStrObj, pos: number): PyException {
  const text = strText(doc);
  // Positions count code points: the JS text counts UTF-16 units.
  const cps = [...text];
  const before = cps.slice(0, pos).join("");
  const lineno = before.split("\n").length;
  const lastNl = [...before].lastIndexOf("\n");
  const colno = pos - lastNl;
  const message = `${msg}: line ${lineno} column ${colno} (char ${pos})`;
  const cls = decodeErrorClass();
  const inst = callObject(cls, [pyStr(message)]) as PyInstanceObj;
  setInstanceAttrValue(inst, "msg", pyStr(msg));
  setInstanceAttrValue(inst, "doc", doc);
  setInstanceAttrValue(inst, "pos", pyInt(pos));
  setInstanceAttrValue(inst, "lineno", pyInt(lineno));
  setInstanceAttrValue(inst, "colno", pyInt(colno));
  const e = new PyException("JSONDecodeError", message);
  e.obj = inst;
  return e;
}

/** json.decoder's NaN, Infinity and -Infinity: module constants, the same objects for every parse of the evaluation. */
function constant(name: "NaN" | "Infinity" | "-Infinity"): PyObj {
  const c = ctx();
  const key = `json.${name}`;
  let v = c.moduleState.get(key) as PyObj | undefined;
  if (v === undefined) c.moduleState.set(key, (v = pyFloat(name === "NaN" ? NaN : name === "Infinity" ? Infinity : -Infinity)));
  return v;
}

/** The one-character escapes of a JSON string. */
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = { '"': '"', "\\": "\\", "/": "/", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t" };

/** The scanner's hooks (JSONDecoder's object_hook … parse_constant): null where json.loads was given none. */
interface Hooks {
  readonly objectHook: PyObj | null;
  readonly pairsHook: PyObj | null;
  readonly parseFloat: PyObj | null;
  readonly parseInt: PyObj | null;
  readonly parseConstant: PyObj | null;
}

const isHigh = (u: number): boolean => u >= 0xd800 && u <= 0xdbff;
const isLow = (u: number): boolean => u >= 0xdc00 && u <= 0xdfff;

/** Nesting json.loads surely reaches without a RecursionError in any version (the load command's bound, src/load/jsonScan.ts). */
const MAX_JSON_NESTING = 900;

const NO_HOOKS: Hooks = { objectHook: null, pairsHook: null, parseFloat: null, parseInt: null, parseConstant: null };

class Scanner {
  /** Arrays and objects open around the scan. */
  private depth = 0;
  /** The key memo of one scan: the first key object of each text. */
  private readonly memo = new Map<string, PyStrObj>();
  /** The document's text, scanned by UTF-16 unit (positions become code points only in an error). */
  private readonly s: string;

  constructor(
    private readonly doc: PyStrObj,
    private readonly strict: boolean,
    private readonly hooks: Hooks = NO_HOOKS,
  ) {
    this.s = strText(doc);
  }

  get length(): number {
    return this.s.length;
  }

  ws(i: number): number {
    const s = this.s;
    while (i < s.length && (s[i] === " " || s[i] === "\t" || s[i] === "\n" || s[i] === "\r")) i++;
    return i;
  }

  /** JSONDecodeError at UTF-16 index `pos`: CPython counts code points. */
  err(msg: string, pos: number): PyException {
    let cp = 0;
    for (let i = 0; i < pos; i++) {
      const u = this.s.charCodeAt(i);
      if (u < 0xdc00 || u > 0xdfff || i === 0 || this.s.charCodeAt(i - 1) < 0xd800 || this.s.charCodeAt(i - 1) > 0xdbff) cp++;
    }
    return decodeError(msg, this.doc, cp);
  }

  /** scan_once: the value at i and the index after it; null where no value starts ("Expecting value"). */
  value(i: number): [PyObj, number] | null {
    const s = this.s;
    if (i >= s.length) return null;
    ctx().tick();
    const c = s[i];
    switch (c) {
      case '"':
        return this.string(i + 1);
      case "{":
      case "[": {
        // scan_once_unicode's Py_EnterRecursiveCall: where RecursionError comes depends on the caller's depth.
        if (++this.depth > MAX_JSON_NESTING) throw new PymemError("UNSUPPORTED", `a JSON document nested more than ${MAX_JSON_NESTING} levels deep (whether json.loads raises RecursionError there depends on the version and the caller's depth)`);
        const r = c === "{" ? this.object(i + 1) : this.array(i + 1);
        this.depth--;
        return r;
      }
      case "n":
        return this.word(i, "null", None);
      case "t":
        return this.word(i, "true", True);
      case "f":
        return this.word(i, "false", False);
      case "N":
        return this.word(i, "NaN", null);
      case "I":
        return this.word(i, "Infinity", null);
      case "-":
        if (s[i + 1] === "I") return this.word(i, "-Infinity", null);
        return this.number(i);
      default:
        return this.number(i);
    }
  }

  private word(i: number, w: string, v: PyObj | null): [PyObj, number] | null {
    if (this.s.slice(i, i + w.length) !== w) return i + w.length > this.s.length || w[0] !== "-" ? (this.numberStart(i) ? this.number(i) : null) : null;
    if (v === null && this.hooks.parseConstant !== null) return [callObject(this.hooks.parseConstant, [intern(pyStr(w))]), i + w.length];
    return [v ?? constant(w as "NaN"), i + w.length];
  }

  private numberStart(i: number): boolean {
    const c = this.s[i];
    return c !== undefined && /[-0-9]/.test(c);
  }

  /** _match_number_unicode: an int, or a float when a fraction or exponent follows. */
  private number(start: number): [PyObj, number] | null {
    const s = this.s;
    let i = start;
    if (s[i] === "-") i++;
    if (s[i] === "0") i++;
    else if (s[i] !== undefined && /[1-9]/.test(s[i] as string)) while (s[i] !== undefined && /[0-9]/.test(s[i] as string)) i++;
    else return null;
    let isFloat = false;
    if (s[i] === "." && s[i + 1] !== undefined && /[0-9]/.test(s[i + 1] as string)) {
      isFloat = true;
      i += 2;
      while (s[i] !== undefined && /[0-9]/.test(s[i] as string)) i++;
    }
    if (s[i] === "e" || s[i] === "E") {
      let j = i + 1;
      if (s[j] === "-" || s[j] === "+") j++;
      if (s[j] !== undefined && /[0-9]/.test(s[j] as string)) {
        while (s[j] !== undefined && /[0-9]/.test(s[j] as string)) j++;
        isFloat = true;
        i = j;
      }
    }
    const text = s.slice(start, i);
    const hook = isFloat ? this.hooks.parseFloat : this.hooks.parseInt;
    // A hook gets the number's text: PyUnicode_Substring (the document itself when it is the whole of it).
    if (hook !== null) return [callObject(hook, [start === 0 && i === s.length ? this.doc : pyStr(text)]), i];
    if (isFloat) return [pyFloat(Number(text)), i];
    const digits = text.replace("-", "").length;
    if (digits > INT_MAX_STR_DIGITS) throw valueError(intParseLimitMessage(ctx().layout.rules.intLimitSaysDigits, digits));
    const v = BigInt(text);
    return [pyInt(v), i];
  }

  /** scanstring: the str whose opening quote is before `begin`. */
  private string(begin: number): [PyObj, number] {
    const [text, end] = this.stringText(begin);
    return [pyStrCheckedPairs(text), end];
  }

  private stringText(begin: number): [string, number] {
    const s = this.s;
    let out = "";
    let i = begin;
    // The characters since the last escape, taken as one slice.
    let run = i;
    for (;;) {
      if (i >= s.length) throw this.err("Unterminated string starting at", begin - 1);
      const u = s.charCodeAt(i);
      if (u === 0x22) return [out + s.slice(run, i), i + 1];
      if (u === 0x5c) {
        out += s.slice(run, i);
        i++;
        if (i >= s.length) throw this.err("Unterminated string starting at", begin - 1);
        const e = s[i] as string;
        const simple = SIMPLE_ESCAPES[e];
        if (simple !== undefined) {
          out += simple;
          run = ++i;
          continue;
        }
        if (e !== "u") throw this.err("Invalid \\escape", i - 1);
        // scanstring_unicode places a bad \uXXXX at its 'u' (next - 1, end - 5), not at the backslash.
        let cp = this.hex4(i + 1, i);
        i += 5;
        if (cp >= 0xd800 && cp <= 0xdbff && s[i] === "\\" && s[i + 1] === "u") {
          const lo = this.hex4(i + 2, i + 1);
          if (lo >= 0xdc00 && lo <= 0xdfff) {
            cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
            i += 6;
          }
        }
        // A lone surrogate is a code point of its own (a UCS-2 str), as a JS string holds it, unless it
        // would meet a surrogate of the other half: JS would read the two as one astral character.
        if (cp >= 0xd800 && cp <= 0xdbff && isLow(s.charCodeAt(i))) throw new PymemError("UNSUPPORTED", "a lone high surrogate escape before a low surrogate character in a JSON string");
        if (cp >= 0xdc00 && cp <= 0xdfff && isHigh(out.charCodeAt(out.length - 1))) throw new PymemError("UNSUPPORTED", "a lone low surrogate escape after a high surrogate character in a JSON string");
        out += String.fromCodePoint(cp);
        run = i;
        continue;
      }
      if (this.strict && u < 0x20) throw this.err("Invalid control character at", i);
      i++;
    }
  }

  private hex4(i: number, uAt: number): number {
    const h = this.s.slice(i, i + 4);
    if (h.length < 4 || !/^[0-9a-fA-F]{4}$/.test(h)) throw this.err("Invalid \\uXXXX escape", uAt);
    return parseInt(h, 16);
  }

  /** _parse_object_unicode: a dict (then object_hook's result), or with object_pairs_hook its result for the list of (key, value) pairs. */
  private object(i0: number): [PyObj, number] {
    const [d, end] = this.members(i0);
    const { objectHook, pairsHook } = this.hooks;
    if (pairsHook !== null) return [callObject(pairsHook, [d]), end];
    return [objectHook === null ? d : callObject(objectHook, [d]), end];
  }

  private members(i0: number): [PyObj, number] {
    const s = this.s;
    const pairs = this.hooks.pairsHook !== null;
    const d = pairs ? newEmptyList() : newDict();
    let i = this.ws(i0);
    if (s[i] === "}") return [d, i + 1];
    for (;;) {
      if (s[i] !== '"') throw this.err("Expecting property name enclosed in double quotes", i);
      const [text, afterKey] = this.stringText(i + 1);
      let key = this.memo.get(text);
      if (key === undefined) this.memo.set(text, (key = pyStrCheckedPairs(text)));
      i = this.ws(afterKey);
      if (s[i] !== ":") throw this.err("Expecting ':' delimiter", i);
      i = this.ws(i + 1);
      const v = this.value(i);
      if (v === null) throw this.err("Expecting value", i);
      if (pairs) listAppend(d as PyListObj, tuple2(key, v[0]));
      else dictSet(d as PyDictObj, key, v[0]);
      i = this.ws(v[1]);
      if (s[i] === "}") return [d, i + 1];
      if (s[i] !== ",") throw this.err("Expecting ',' delimiter", i);
      const comma = i;
      i = this.ws(i + 1);
      if (s[i] === "}" && ctx().layout.rules.jsonTrailingCommaError) throw this.err("Illegal trailing comma before end of object", comma);
    }
  }

  private array(i0: number): [PyObj, number] {
    const s = this.s;
    const l = newEmptyList();
    let i = this.ws(i0);
    if (s[i] === "]") return [l, i + 1];
    for (;;) {
      const v = this.value(i);
      if (v === null) throw this.err("Expecting value", i);
      listAppend(l, v[0]);
      i = this.ws(v[1]);
      if (s[i] === "]") return [l, i + 1];
      if (s[i] !== ",") throw this.err("Expecting ',' delimiter", i);
      const comma = i;
      i = this.ws(i + 1);
      if (s[i] === "]" && ctx().layout.rules.jsonTrailingCommaError) throw this.err("Illegal trailing comma before end of array", comma);
    }
  }
}

const HOOK_NAMES = ["object_hook", "parse_float", "parse_int", "parse_constant", "object_pairs_hook"];

/** The hooks json.loads was given (None is no hook). */
function hooksOf(kw: Kwargs): Hooks {
  const get = (k: string): PyObj | null => {
    const v = kw.values.get(k);
    return v === undefined || v.t === "NoneType" ? null : v;
  };
  return { objectHook: get("object_hook"), pairsHook: get("object_pairs_hook"), parseFloat: get("parse_float"), parseInt: get("parse_int"), parseConstant: get("parse_constant") };
}

/** json.load(fp, **kw): json.loads(fp.read(), **kw) (Lib/json/__init__.py). */
export function load(args: readonly PyObj[], kw: Kwargs): PyObj {
  const fp = args[0];
  if (fp === undefined) throw typeError("load() missing 1 required positional argument: 'fp'");
  if (args.length > 1) throw typeError(`load() takes 1 positional argument but ${args.length} were given`);
  return loads([callMethod(fp, "read")], kw);
}

/** json.loads(s): JSONDecoder().decode(s) (bytes decoded from UTF-8 first). */
export function loads(args: readonly PyObj[], kw: Kwargs): PyObj {
  for (const k of kw.values.keys()) {
    if (k === "cls" && kw.values.get(k)?.t !== "NoneType") throw new PymemError("UNSUPPORTED", "json.loads(cls=…)");
    if (k !== "strict" && k !== "cls" && !HOOK_NAMES.includes(k)) throw typeError(`__init__() got an unexpected keyword argument '${k}'`);
  }
  const x = args[0];
  if (x === undefined) throw typeError("loads() missing 1 required positional argument: 's'");
  let doc: PyStrObj;
  if (x.t === "str") {
    if (strText(x).startsWith("\ufeff")) throw decodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", x, 0);
    doc = x;
  } else if (x.t === "bytes" || x.t === "bytearray") {
    const b = bytesData(x);
    if ((b[0] === 0 || b[1] === 0) && b.length > 1) throw new PymemError("UNSUPPORTED", "json.loads of UTF-16/UTF-32 bytes");
    let text: string;
    try {
      text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(b);
    } catch {
      throw new PymemError("UNSUPPORTED", "json.loads of bytes that are not UTF-8");
    }
    doc = pyStrFresh(text);
  } else {
    throw typeError(`the JSON object must be str, bytes or bytearray, not ${typeName(x)}`);
  }
  const strictObj = kw.values.get("strict");
  const sc = new Scanner(doc, strictObj === undefined || strictObj.t !== "bool" || strictObj.v, hooksOf(kw));
  const start = sc.ws(0);
  const r = sc.value(start);
  if (r === null) throw sc.err("Expecting value", start);
  const end = sc.ws(r[1]);
  if (end !== sc.length) throw sc.err("Extra data", end);
  return r[0];
}

export function decodeErrorClassOf(layout: Layout): PyClassObj {
  return stdlibExceptionClass(layout, "JSONDecodeError", "ValueError", "json.decoder");
}
