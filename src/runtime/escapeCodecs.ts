// unicode_escape and raw_unicode_escape (Objects/unicodeobject.c:
// PyUnicode_AsUnicodeEscapeString, _PyUnicode_DecodeUnicodeEscapeInternal,
// PyUnicode_AsRawUnicodeEscapeString, PyUnicode_DecodeRawUnicodeEscape).
// Their encoders never fail; the decoders report the escape's range from its
// backslash to where the scan stopped.
import { unsupported } from "./errors.js";
import { lookupUnicodeName } from "../python/unicodeNames.js";
import { runDecoder, type Step, type TextCodec } from "./textCodecs.js";

const ascii = (s: string): number[] => Array.from(s, (ch) => ch.charCodeAt(0));
const hex = (v: number, n: number): string => v.toString(16).padStart(n, "0");
const isHex = (b: number | undefined): boolean => b !== undefined && /^[0-9a-fA-F]$/.test(String.fromCharCode(b));

function escapeEncode(cps: readonly number[]): Uint8Array {
  const out: number[] = [];
  for (const c of cps) {
    if (c >= 0x10000) out.push(...ascii(`\\U${hex(c, 8)}`));
    else if (c >= 0x100) out.push(...ascii(`\\u${hex(c, 4)}`));
    else if (c === 0x5c) out.push(0x5c, 0x5c);
    else if (c >= 0x20 && c < 0x7f) out.push(c);
    else if (c === 0x09) out.push(0x5c, 0x74);
    else if (c === 0x0a) out.push(0x5c, 0x6e);
    else if (c === 0x0d) out.push(0x5c, 0x72);
    else out.push(...ascii(`\\x${hex(c, 2)}`));
  }
  return Uint8Array.from(out);
}

const SIMPLE: Readonly<Record<string, number>> = { "\\": 0x5c, "'": 0x27, '"': 0x22, b: 0x08, f: 0x0c, t: 0x09, n: 0x0a, r: 0x0d, v: 0x0b, a: 0x07 };

/** One escape at data[p] === '\\' (unicode_escape): its character(s) and length, or the error range. */
function escapeStep(data: Uint8Array, p: number): Step {
  const end = data.length;
  if (p + 1 >= end) return { end, reason: "\\ at end of string" };
  const c = data[p + 1] as number;
  const ch = String.fromCharCode(c);
  if (c === 0x0a) return { cps: [], n: 2 };
  const simple = SIMPLE[ch];
  if (simple !== undefined) return { cp: simple, n: 2 };
  if (c >= 0x30 && c <= 0x37) {
    let v = c - 0x30;
    let s = p + 2;
    for (let k = 0; k < 2 && s < end && (data[s] as number) >= 0x30 && (data[s] as number) <= 0x37; k++) v = v * 8 + (data[s++] as number) - 0x30;
    return { cp: v, n: s - p };
  }
  const count = ch === "x" ? 2 : ch === "u" ? 4 : ch === "U" ? 8 : 0;
  if (count > 0) return hexEscape(data, p, count, ["truncated \\xXX escape", "truncated \\uXXXX escape", "truncated \\UXXXXXXXX escape"][count === 2 ? 0 : count === 4 ? 1 : 2] as string, "illegal Unicode character");
  if (ch === "N") {
    const malformed = "malformed \\N character escape";
    let s = p + 2;
    if (s >= end) return { end, reason: malformed };
    if (data[s] !== 0x7b) return { end: s, reason: malformed };
    const start = ++s;
    while (s < end && data[s] !== 0x7d) s++;
    if (s >= end) return { end, reason: malformed };
    if (s === start) return { end: s, reason: malformed };
    const name = String.fromCharCode(...data.subarray(start, s));
    const cp = lookupUnicodeName(name);
    if (cp === undefined) throw unsupported(`\\N{${name}} in unicode_escape data (pymem carries a subset of the Unicode names)`);
    return { cp, n: s + 1 - p };
  }
  return { cps: [0x5c, c], n: 2 };
}

function hexEscape(data: Uint8Array, p: number, count: number, truncated: string, range: string): Step {
  let v = 0;
  let s = p + 2;
  for (let k = 0; k < count; k++, s++) {
    if (s >= data.length || !isHex(data[s])) return { end: s, reason: truncated };
    v = v * 16 + parseInt(String.fromCharCode(data[s] as number), 16);
  }
  if (v > 0x10ffff) return { end: s, reason: range };
  return { cp: v, n: s - p };
}

function escapeDecode(data: Uint8Array, errors: string, raw: boolean): number[] {
  return runDecoder(data, errors, raw ? "rawunicodeescape" : "unicodeescape", null, (p): Step => {
    const b = data[p] as number;
    if (b !== 0x5c) return { cp: b, n: 1 };
    if (!raw) return escapeStep(data, p);
    // \u-escapes count only after an odd number of backslashes: '\\' and what follows are taken as they are.
    const c = data[p + 1];
    if (c === undefined) return { cp: 0x5c, n: 1 };
    if (c !== 0x75 && c !== 0x55) return { cps: [0x5c, c], n: 2 };
    return hexEscape(data, p, c === 0x75 ? 4 : 8, c === 0x75 ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape", "\\Uxxxxxxxx out of range");
  });
}

export const ESCAPE_CODECS: Readonly<Record<string, TextCodec>> = {
  unicode_escape: { encode: (cps) => escapeEncode(cps), decode: (data, errors) => escapeDecode(data, errors, false), freshBytes: true },
  raw_unicode_escape: {
    encode: (cps) => Uint8Array.from(cps.flatMap((c) => (c >= 0x10000 ? ascii(`\\U${hex(c, 8)}`) : c >= 0x100 ? ascii(`\\u${hex(c, 4)}`) : [c]))),
    decode: (data, errors) => escapeDecode(data, errors, true),
    // A one-byte-kind str is copied by PyBytes_FromStringAndSize: a one-byte result is the cached one.
    freshBytes: false,
  },
};
