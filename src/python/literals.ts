// Decoding of NUMBER and STRING token text into values, with the error
// messages CPython 3.10 produces (including its codec error positions).
import type { ConstValue } from "./ast.js";
import { lookupUnicodeName } from "./unicodeNames.js";

/** A literal that cannot be decoded; the parser decides where to report it. */
export class LiteralError extends Error {}

/** CPython 3.10.7+ refuses decimal literals longer than sys.int_info.default_max_str_digits. */
const MAX_STR_DIGITS = 4300;

const PLAIN_INT = /^[0-9]{1,15}$/;

export function decodeNumber(text: string): ConstValue {
  if (PLAIN_INT.test(text)) return { t: "int", v: BigInt(Number(text)) };
  const s = text.indexOf("_") < 0 ? text : text.replace(/_/g, "");
  const last = s[s.length - 1];
  if (last === "j" || last === "J") return { t: "complex", imag: Number(s.slice(0, -1)) };
  const radix = s.length > 1 && s[0] === "0" ? (s[1] ?? "").toLowerCase() : "";
  if (radix === "x" || radix === "o" || radix === "b") return { t: "int", v: BigInt(s) };
  if (/[.eE]/.test(s)) return { t: "float", v: Number(s) };
  if (s.length > MAX_STR_DIGITS) {
    throw new LiteralError(
      `Exceeds the limit (${MAX_STR_DIGITS}) for integer string conversion: value has ${s.length} digits; ` +
        "use sys.set_int_max_str_digits() to increase the limit - " +
        "Consider hexadecimal for huge integer literals to avoid decimal conversion limits.",
    );
  }
  return { t: "int", v: BigInt(s) };
}

export interface StringParts {
  readonly bytes: boolean;
  readonly raw: boolean;
  readonly fstring: boolean;
  readonly body: string;
  /** UTF-16 offset of the body within the token text. */
  readonly bodyOffset: number;
}

/** Splits a STRING token into prefix flags and the text between the quotes. */
export function splitString(text: string): StringParts {
  let i = 0;
  let bytes = false;
  let raw = false;
  let fstring = false;
  for (; i < text.length; i++) {
    const c = (text[i] ?? "").toLowerCase();
    if (c === "b") bytes = true;
    else if (c === "r") raw = true;
    else if (c === "f") fstring = true;
    else if (c !== "u") break;
  }
  const quote = text[i] ?? '"';
  const q = text.startsWith(quote.repeat(3), i) && text.length - i >= 6 ? 3 : 1;
  return { bytes, raw, fstring, body: text.slice(i + q, text.length - q), bodyOffset: i + q };
}

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\", "'": "'", '"': '"', a: "\x07", b: "\b", f: "\f", n: "\n", r: "\r", t: "\t", v: "\v",
};
const HEX_DIGIT = /^[0-9a-fA-F]$/;
const isOctal = (c: string | undefined): boolean => c !== undefined && c >= "0" && c <= "7";

/**
 * The unicode_escape codec as the 3.10 parser drives it. Positions in error
 * messages count bytes of CPython's intermediate buffer, where each non-ASCII
 * character was rewritten as a 10-byte \UXXXXXXXX escape.
 */
export function decodeUnicodeEscapes(body: string, joined?: { surrogates: boolean }): string {
  let out = "";
  // A code point appended after another: an escaped lone low surrogate after a lone high one reads as one pair in JS.
  const append = (piece: string): void => {
    if (joined !== undefined && joinsSurrogates(out, piece)) joined.surrogates = true;
    out += piece;
  };
  let i = 0;
  let vpos = 0; // position in CPython's rewritten buffer
  const width = (ch: string): number => (ch.charCodeAt(0) < 128 ? 1 : 10);
  const fail = (start: number, end: number, msg: string): never => {
    const where = end - start === 1 ? `byte 0x5c in position ${start}` : `bytes in position ${start}-${end - 1}`;
    throw new LiteralError(`(unicode error) 'unicodeescape' codec can't decode ${where}: ${msg}`);
  };
  while (i < body.length) {
    const cp = body.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    if (ch !== "\\") {
      append(ch);
      i += ch.length;
      vpos += width(ch);
      continue;
    }
    const start = vpos;
    const next = body[i + 1];
    if (next === undefined || next.charCodeAt(0) >= 128) {
      // a backslash at the end or before a non-ASCII character is kept (CPython writes "\u005c")
      out += "\\";
      i += 1;
      vpos += 6;
      continue;
    }
    i += 2;
    vpos += 2;
    const c = next ?? "";
    const simple = SIMPLE_ESCAPES[c];
    if (simple !== undefined) out += simple;
    else if (c === "\n") continue;
    else if (isOctal(c)) {
      let v = c.charCodeAt(0) - 48;
      for (let k = 0; k < 2 && isOctal(body[i]); k++, i++, vpos++) v = v * 8 + (body.charCodeAt(i) - 48);
      append(String.fromCodePoint(v));
    } else if (c === "x" || c === "u" || c === "U") {
      const count = c === "x" ? 2 : c === "u" ? 4 : 8;
      const msg = c === "x" ? "truncated \\xXX escape" : c === "u" ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
      let v = 0;
      for (let k = 0; k < count; k++, i++, vpos++) {
        const d = body[i];
        if (d === undefined || !HEX_DIGIT.test(d)) fail(start, vpos, msg);
        v = v * 16 + parseInt(d ?? "0", 16);
      }
      if (v > 0x10ffff) fail(start, vpos, "illegal Unicode character");
      append(String.fromCodePoint(v));
    } else if (c === "N") {
      append(namedEscape(body, i, vpos, start, fail, (ni, nv) => {
        i = ni;
        vpos = nv;
      }));
    } else out += "\\" + c; // unknown escapes stay verbatim (3.10 only warns)
  }
  return out;
}

/** Whether `left + right` would read a lone high surrogate and a lone low one as one astral character. */
export function joinsSurrogates(left: string, right: string): boolean {
  const h = left.charCodeAt(left.length - 1);
  const l = right.charCodeAt(0);
  return h >= 0xd800 && h <= 0xdbff && l >= 0xdc00 && l <= 0xdfff;
}

function namedEscape(
  body: string,
  i: number,
  vpos: number,
  start: number,
  fail: (start: number, end: number, msg: string) => never,
  advance: (i: number, vpos: number) => void,
): string {
  const malformed = "malformed \\N character escape";
  if (body[i] !== "{") return fail(start, vpos, malformed);
  i++;
  vpos++;
  const nameStart = i;
  while (i < body.length && body[i] !== "}") {
    const cp = body.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    vpos += cp < 128 ? 1 : 10;
  }
  if (i >= body.length || i === nameStart) return fail(start, vpos, malformed);
  const cp = lookupUnicodeName(body.slice(nameStart, i));
  i++;
  vpos++;
  if (cp === undefined) return fail(start, vpos, "unknown Unicode character name");
  advance(i, vpos);
  return String.fromCodePoint(cp);
}

/** PyBytes_DecodeEscape: \u, \U and \N are not escapes in bytes. */
export function decodeBytesEscapes(body: string, raw: boolean): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    if (raw || c !== 92) {
      out.push(c);
      continue;
    }
    const e = body[++i];
    if (e === undefined) throw new LiteralError("(value error) Trailing \\ in string");
    const simple = SIMPLE_ESCAPES[e];
    if (simple !== undefined) out.push(simple.charCodeAt(0));
    else if (e === "\n") continue;
    else if (isOctal(e)) {
      let v = e.charCodeAt(0) - 48;
      for (let k = 0; k < 2 && isOctal(body[i + 1]); k++) v = v * 8 + (body.charCodeAt(++i) - 48);
      out.push(v & 0xff);
    } else if (e === "x") {
      const h = body.slice(i + 1, i + 3);
      if (h.length < 2 || !HEX_DIGIT.test(h[0] ?? "") || !HEX_DIGIT.test(h[1] ?? "")) {
        throw new LiteralError(`(value error) invalid \\x escape at position ${i - 1}`);
      }
      out.push(parseInt(h, 16));
      i += 2;
    } else out.push(92, e.charCodeAt(0));
  }
  return Uint8Array.from(out);
}

/** Bytes literals may only contain ASCII source characters. */
export function checkBytesAscii(body: string): void {
  // eslint-disable-next-line no-control-regex
  if (/[^\x00-\x7f]/.test(body)) throw new LiteralError("bytes can only contain ASCII literal characters");
}
