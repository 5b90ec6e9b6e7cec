// The text codecs pymem models, each an encoder (code points -> bytes) and a
// decoder (bytes -> code points) driving the error handlers over the ranges
// CPython's codec reports: ascii and latin-1 (unicode_encode_ucs1,
// PyUnicode_DecodeASCII), utf-8 (unicode_encode_utf8, stringlib utf8_decode),
// utf-8-sig (Lib/encodings/utf_8_sig.py), and the single-byte charmaps
// (PyUnicode_EncodeCharmap / PyUnicode_DecodeCharmap over a decoding table).
import { decodeReplacement, encodeError, encodeReplacement, type PassForm } from "./codecErrors.js";

export type TextCodec = {
  readonly encode: (cps: readonly number[], errors: string) => Uint8Array;
  readonly decode: (data: Uint8Array, errors: string) => number[];
  /** The encoder's result: a one-byte result comes from the bytes cache (PyBytes_FromStringAndSize) or is a new object. */
  readonly freshBytes: boolean;
};

/**
 * An encoder that writes code points one at a time, handing runs of the ones it
 * cannot encode to the handler; the handler's text is encoded again, and must be
 * encodable (else the original error is raised).
 */
export function runEncoder(
  cps: readonly number[], errors: string, codec: string, reason: string, pass: PassForm,
  put: (c: number, out: number[]) => boolean, run: boolean, replAscii = false, unit = 1,
): Uint8Array {
  const out: number[] = [];
  let i = 0;
  while (i < cps.length) {
    if (put(cps[i] as number, out)) {
      i++;
      continue;
    }
    let end = i + 1;
    if (run) while (end < cps.length && !put(cps[end] as number, [])) end++;
    const repl = encodeReplacement(errors, codec, cps, i, end, reason, pass);
    if ("bytes" in repl) {
      if (repl.bytes.length % unit !== 0) throw encodeError(codec, cps, i, end, reason);
      out.push(...repl.bytes);
    } else {
      // The UTF encoders take only ASCII text back from a handler; the others encode it again.
      for (const c of repl.text) if ((replAscii && c >= 0x80) || !put(c, out)) throw encodeError(codec, cps, i, end, reason);
    }
    i = end;
  }
  return Uint8Array.from(out);
}

/** A decoder step: the code point at pos and the bytes it takes, or the error range and reason. */
export type Step =
  | { readonly cp: number; readonly n: number }
  | { readonly cps: readonly number[]; readonly n: number }
  | { readonly end: number; readonly reason: string }
  | null;

export function runDecoder(data: Uint8Array, errors: string, codec: string, pass: PassForm, step: (pos: number) => Step, from = 0): number[] {
  const out: number[] = [];
  let pos = from;
  while (pos < data.length) {
    const s = step(pos);
    if (s === null) break;
    if ("cp" in s) {
      out.push(s.cp);
      pos += s.n;
      continue;
    }
    if ("cps" in s) {
      out.push(...s.cps);
      pos += s.n;
      continue;
    }
    const r = decodeReplacement(errors, codec, data, pos, s.end, s.reason, pass);
    out.push(...r.cps);
    pos = r.next;
  }
  return out;
}

function ucs1(limit: number, codec: string): TextCodec {
  const reason = `ordinal not in range(${limit})`;
  return {
    encode: (cps, errors) => runEncoder(cps, errors, codec, reason, null, (c, out) => c < limit && out.push(c) > 0, true),
    decode: (data, errors) => runDecoder(data, errors, codec, null, (p) => {
      const b = data[p] as number;
      return b < limit ? { cp: b, n: 1 } : { end: p + 1, reason };
    }),
    freshBytes: false,
  };
}

export const ASCII = ucs1(128, "ascii");
export const LATIN_1 = ucs1(256, "latin-1");

function putUtf8(c: number, out: number[]): boolean {
  if (c < 0x80) out.push(c);
  else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 0x3f));
  else if (c >= 0xd800 && c <= 0xdfff) return false;
  else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 0x3f), 0x80 | ((c >> 6) & 0x3f), 0x80 | (c & 0x3f));
  return true;
}

const cont = (b: number | undefined): boolean => b !== undefined && (b & 0xc0) === 0x80;

/** stringlib utf8_decode and decode_utf8's error ranges ('invalid continuation byte' covers the valid prefix). */
export function utf8Step(data: Uint8Array, p: number): Step {
  const ch = data[p] as number;
  const left = data.length - p;
  const b1 = data[p + 1];
  const b2 = data[p + 2];
  const b3 = data[p + 3];
  const invalid = (k: number): Step => ({ end: p + k, reason: "invalid continuation byte" });
  const eod: Step = { end: data.length, reason: "unexpected end of data" };
  if (ch < 0x80) return { cp: ch, n: 1 };
  if (ch < 0xc2 || ch >= 0xf5) return { end: p + 1, reason: "invalid start byte" };
  if (ch < 0xe0) {
    if (left < 2) return eod;
    if (!cont(b1)) return invalid(1);
    return { cp: ((ch & 0x1f) << 6) | ((b1 as number) & 0x3f), n: 2 };
  }
  const b1bad = (lowLimit: number, hiFlag: number): boolean =>
    !cont(b1) || (ch === lowLimit && (b1 as number) < (lowLimit === 0xe0 ? 0xa0 : 0x90)) || (ch === hiFlag && (b1 as number) >= (hiFlag === 0xed ? 0xa0 : 0x90));
  if (ch < 0xf0) {
    if (left < 2) return eod;
    if (b1bad(0xe0, 0xed)) return invalid(1);
    if (left < 3) return eod;
    if (!cont(b2)) return invalid(2);
    return { cp: ((ch & 0x0f) << 12) | (((b1 as number) & 0x3f) << 6) | ((b2 as number) & 0x3f), n: 3 };
  }
  if (left < 2) return eod;
  if (b1bad(0xf0, 0xf4)) return invalid(1);
  if (left < 3) return eod;
  if (!cont(b2)) return invalid(2);
  if (left < 4) return eod;
  if (!cont(b3)) return invalid(3);
  return { cp: ((ch & 0x07) << 18) | (((b1 as number) & 0x3f) << 12) | (((b2 as number) & 0x3f) << 6) | ((b3 as number) & 0x3f), n: 4 };
}

export const UTF_8: TextCodec = {
  encode: (cps, errors) => runEncoder(cps, errors, "utf-8", "surrogates not allowed", "utf-8", putUtf8, true, true),
  decode: (data, errors) => runDecoder(data, errors, "utf-8", "utf-8", (p) => utf8Step(data, p)),
  freshBytes: false,
};

const BOM_UTF8 = [0xef, 0xbb, 0xbf];

/** utf_8_sig.encode / decode: the BOM written, and skipped when present; errors name positions after it. */
export const UTF_8_SIG: TextCodec = {
  encode: (cps, errors) => Uint8Array.from([...BOM_UTF8, ...UTF_8.encode(cps, errors)]),
  decode: (data, errors) => {
    const body = data.length >= 3 && BOM_UTF8.every((b, i) => data[i] === b) ? data.subarray(3) : data;
    return UTF_8.decode(body, errors);
  },
  freshBytes: false,
};

/** A charmap codec over its 256-character decoding table (U+FFFE: undefined); errors name the 'charmap' codec. */
export function charmapCodec(table: string, overrides: readonly (readonly [number, number])[] = []): TextCodec {
  const decodeTable = Array.from({ length: 256 }, (_, i) => table.charCodeAt(i));
  const encodeMap = new Map<number, number>();
  decodeTable.forEach((c, b) => {
    if (c !== 0xfffe) encodeMap.set(c, b); // PyUnicode_BuildEncodingMap: a later byte overwrites
  });
  for (const [c, b] of overrides) {
    if (b < 0) encodeMap.delete(c);
    else encodeMap.set(c, b);
  }
  const reason = "character maps to <undefined>";
  return {
    encode: (cps, errors) => runEncoder(cps, errors, "charmap", reason, null, (c, out) => {
      const b = encodeMap.get(c);
      return b !== undefined && out.push(b) > 0;
    }, true),
    decode: (data, errors) => runDecoder(data, errors, "charmap", null, (p) => {
      const c = decodeTable[data[p] as number] as number;
      return c === 0xfffe ? { end: p + 1, reason } : { cp: c, n: 1 };
    }),
    freshBytes: true,
  };
}
