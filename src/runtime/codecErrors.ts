// The codec error handlers (Python/codecs.c: PyCodec_StrictErrors … PyCodec_SurrogatePassErrors)
// and the UnicodeEncodeError / UnicodeDecodeError texts (Objects/exceptions.c
// UnicodeEncodeError_str, UnicodeDecodeError_str). Encoders and decoders call
// these with the range [start, end) CPython's codec reports, and go on where the
// handler says.
import { PyException, typeError, unsupported } from "./errors.js";
import { unicodeName, UnsupportedName } from "../python/unicodeNames.js";

export const HANDLERS = ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "namereplace", "surrogateescape", "surrogatepass"] as const;

/** How a surrogate travels in the codec surrogatepass knows (get_standard_encoding). */
export type PassForm = "utf-8" | "utf-16-le" | "utf-16-be" | "utf-32-le" | "utf-32-be" | null;

/** '\xNN', '\uNNNN' or '\UNNNNNNNN', as the exception texts and backslashreplace write a character. */
export function charEscape(c: number): string {
  if (c < 0x100) return `\\x${c.toString(16).padStart(2, "0")}`;
  if (c < 0x10000) return `\\u${c.toString(16).padStart(4, "0")}`;
  return `\\U${c.toString(16).padStart(8, "0")}`;
}

export function encodeError(codec: string, cps: readonly number[], start: number, end: number, reason: string): PyException {
  const what = end === start + 1 ? `character '${charEscape(cps[start] as number)}' in position ${start}` : `characters in position ${start}-${end - 1}`;
  return new PyException("UnicodeEncodeError", `'${codec}' codec can't encode ${what}: ${reason}`);
}

export function decodeError(codec: string, data: Uint8Array, start: number, end: number, reason: string): PyException {
  const what = end === start + 1 ? `byte 0x${(data[start] as number).toString(16).padStart(2, "0")} in position ${start}` : `bytes in position ${start}-${end - 1}`;
  return new PyException("UnicodeDecodeError", `'${codec}' codec can't decode ${what}: ${reason}`);
}

function lookupHandler(errors: string): void {
  if (!(HANDLERS as readonly string[]).includes(errors)) {
    throw new PyException("LookupError", `unknown error handler name '${errors}'`);
  }
}

function isSurrogate(c: number): boolean {
  return c >= 0xd800 && c <= 0xdfff;
}

function passBytes(c: number, form: Exclude<PassForm, null>): number[] {
  switch (form) {
    case "utf-8":
      return [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f)];
    case "utf-16-le":
      return [c & 0xff, c >> 8];
    case "utf-16-be":
      return [c >> 8, c & 0xff];
    case "utf-32-le":
      return [c & 0xff, c >> 8, 0, 0];
    case "utf-32-be":
      return [0, 0, c >> 8, c & 0xff];
  }
}

/** What an encode handler gives back: text for the codec to encode, or bytes to copy. */
export type EncodeRepl = { readonly text: readonly number[] } | { readonly bytes: readonly number[] };

/** The handler's answer for the characters cps[start:end] the codec cannot encode. */
export function encodeReplacement(
  errors: string, codec: string, cps: readonly number[], start: number, end: number, reason: string, pass: PassForm,
): EncodeRepl {
  lookupHandler(errors);
  const bad = cps.slice(start, end);
  const text = (s: string): EncodeRepl => ({ text: Array.from(s, (ch) => ch.codePointAt(0) as number) });
  switch (errors) {
    case "ignore":
      return { text: [] };
    case "replace":
      return { text: bad.map(() => 0x3f) };
    case "backslashreplace":
      return text(bad.map(charEscape).join(""));
    case "xmlcharrefreplace":
      return text(bad.map((c) => `&#${c};`).join(""));
    case "namereplace":
      return text(bad.map((c) => {
        let name: string | null;
        try {
          name = unicodeName(c);
        } catch (e) {
          if (e instanceof UnsupportedName) throw unsupported(`namereplace: ${e.message}`);
          throw e;
        }
        return name === null ? charEscape(c) : `\\N{${name}}`;
      }).join(""));
    case "surrogateescape":
      if (bad.some((c) => c < 0xdc80 || c > 0xdcff)) throw encodeError(codec, cps, start, end, reason);
      return { bytes: bad.map((c) => c - 0xdc00) };
    case "surrogatepass":
      if (pass === null || !bad.every(isSurrogate)) throw encodeError(codec, cps, start, end, reason);
      return { bytes: bad.flatMap((c) => passBytes(c, pass)) };
    default:
      throw encodeError(codec, cps, start, end, reason);
  }
}

/** What a decode handler gives back: the characters to write and where decoding resumes. */
export type DecodeRepl = { readonly cps: readonly number[]; readonly next: number };

/** The handler's answer for data[start:end], bytes the codec cannot decode. */
export function decodeReplacement(
  errors: string, codec: string, data: Uint8Array, start: number, end: number, reason: string, pass: PassForm,
): DecodeRepl {
  lookupHandler(errors);
  switch (errors) {
    case "ignore":
      return { cps: [], next: end };
    case "replace":
      return { cps: [0xfffd], next: end };
    case "backslashreplace":
      return { cps: Array.from(data.subarray(start, end)).flatMap((b) => Array.from(charEscape(b), (ch) => ch.charCodeAt(0))), next: end };
    case "surrogateescape": {
      // PyCodec_SurrogateEscapeErrors: up to 4 bytes, stopping at the first ASCII one.
      const cps: number[] = [];
      for (let i = start; i < end && cps.length < 4 && (data[i] as number) >= 128; i++) cps.push(0xdc00 + (data[i] as number));
      if (cps.length === 0) throw decodeError(codec, data, start, end, reason);
      return { cps, next: start + cps.length };
    }
    case "surrogatepass": {
      const c = pass === null ? null : passDecode(data, start, pass);
      if (c === null) throw decodeError(codec, data, start, end, reason);
      return c;
    }
    case "xmlcharrefreplace":
    case "namereplace":
      throw typeError("don't know how to handle UnicodeDecodeError in error callback");
    default:
      throw decodeError(codec, data, start, end, reason);
  }
}

function passDecode(data: Uint8Array, p: number, form: Exclude<PassForm, null>): DecodeRepl | null {
  const b = (k: number): number => data[p + k] ?? -1;
  let c: number;
  let n: number;
  if (form === "utf-8") {
    n = 3;
    if (p + 3 > data.length || (b(0) & 0xf0) !== 0xe0 || (b(1) & 0xc0) !== 0x80 || (b(2) & 0xc0) !== 0x80) return null;
    c = ((b(0) & 0x0f) << 12) + ((b(1) & 0x3f) << 6) + (b(2) & 0x3f);
  } else {
    n = form.startsWith("utf-16") ? 2 : 4;
    if (p + n > data.length) return null;
    const bytes = Array.from(data.subarray(p, p + n));
    if (form.endsWith("le")) bytes.reverse();
    c = bytes.reduce((acc, x) => acc * 256 + x, 0);
  }
  return isSurrogate(c) ? { cps: [c], next: p + n } : null;
}

/** Refuses text whose surrogates a JS string would pair up ('\ud800' + '\udc00' stays two characters in CPython). */
export function textOfCodePoints(cps: readonly number[]): string {
  for (let i = 0; i + 1 < cps.length; i++) {
    const c = cps[i] as number;
    if (c >= 0xd800 && c <= 0xdbff && (cps[i + 1] as number) >= 0xdc00 && (cps[i + 1] as number) <= 0xdfff) {
      throw unsupported("a decoded str holding a lone high surrogate followed by a lone low one (a JS string pairs them)");
    }
  }
  let s = "";
  for (let i = 0; i < cps.length; i += 4096) s += String.fromCodePoint(...cps.slice(i, i + 4096));
  return s;
}
