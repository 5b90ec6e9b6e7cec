// The UTF-16 and UTF-32 codecs (Objects/unicodeobject.c, Objects/stringlib/codecs.h):
// a byte order mark for the plain names, little-endian then (x86-64's native
// order); the encoder hands surrogates to the error handler one at a time, and
// the decoder's errors name the byte order it settled on ('utf-16-le').
import { runDecoder, runEncoder, type Step, type TextCodec } from "./textCodecs.js";

export type UtfCodec = { readonly unit: 2 | 4; readonly order: "le" | "be" | null; readonly name: string };

function put(out: number[], v: number, unit: 2 | 4, le: boolean): void {
  const bytes = unit === 2 ? [v & 0xff, (v >> 8) & 0xff] : [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];
  if (!le) bytes.reverse();
  out.push(...bytes);
}

function encodeUtf(cps: readonly number[], errors: string, codec: UtfCodec): Uint8Array {
  const le = codec.order !== "be";
  const out: number[] = [];
  if (codec.order === null) put(out, 0xfeff, codec.unit, le);
  const pass = `utf-${codec.unit === 2 ? 16 : 32}-${le ? "le" : "be"}` as const;
  const body = runEncoder(cps, errors, codec.name, "surrogates not allowed", pass, (c, o) => {
    if (c >= 0xd800 && c < 0xe000) return false;
    if (codec.unit === 4 || c < 0x10000) put(o, c, codec.unit, le);
    else {
      const v = c - 0x10000;
      put(o, 0xd800 + (v >> 10), 2, le);
      put(o, 0xdc00 + (v & 0x3ff), 2, le);
    }
    return true;
  }, false, true, codec.unit);
  return out.length === 0 ? body : Uint8Array.from([...out, ...body]);
}

function decodeUtf(data: Uint8Array, errors: string, codec: UtfCodec): number[] {
  let le = codec.order !== "be";
  let pos = 0;
  const u = codec.unit;
  const read = (at: number): number => {
    let v = 0;
    for (let k = 0; k < u; k++) v += (data[at + (le ? k : u - 1 - k)] as number) * 2 ** (8 * k);
    return v;
  };
  if (codec.order === null && data.length >= u) {
    if (read(0) === 0xfeff) pos = u;
    else {
      le = !le;
      if (read(0) === 0xfeff) pos = u;
      else le = !le;
    }
  }
  const name = `utf-${u === 2 ? 16 : 32}-${le ? "le" : "be"}` as const;
  const step = (p: number): Step => {
    if (p + u > data.length) return { end: data.length, reason: "truncated data" };
    const v = read(p);
    if (u === 4) {
      if (v >= 0xd800 && v < 0xe000) return { end: p + 4, reason: "code point in surrogate code point range(0xd800, 0xe000)" };
      if (v > 0x10ffff) return { end: p + 4, reason: "code point not in range(0x110000)" };
      return { cp: v, n: 4 };
    }
    if (v < 0xd800 || v >= 0xe000) return { cp: v, n: 2 };
    if (v >= 0xdc00) return { end: p + 2, reason: "illegal encoding" };
    if (p + 4 > data.length) return { end: data.length, reason: "unexpected end of data" };
    const lo = read(p + 2);
    if (lo < 0xdc00 || lo >= 0xe000) return { end: p + 2, reason: "illegal UTF-16 surrogate" };
    return { cp: 0x10000 + ((v - 0xd800) << 10) + (lo - 0xdc00), n: 4 };
  };
  return runDecoder(data, errors, name, name, step, pos);
}

export function utfCodec(unit: 2 | 4, order: "le" | "be" | null): TextCodec {
  const codec: UtfCodec = { unit, order, name: `utf-${unit === 2 ? 16 : 32}${order === null ? "" : `-${order}`}` };
  return { encode: (cps, errors) => encodeUtf(cps, errors, codec), decode: (data, errors) => decodeUtf(data, errors, codec), freshBytes: true };
}
