// The UTF-16 and UTF-32 codecs (Objects/unicodeobject.c, Objects/stringlib/codecs.h):
// a byte order mark for the plain names, little-endian then (x86-64's native
// order), and the strict error handler's exceptions.
import { PyException } from "./errors.js";

export type UtfCodec = { readonly unit: 2 | 4; readonly order: "le" | "be" | null; readonly name: string };

/** Codec names as the codecs registry normalizes them (lower case, no '-' or '_'). */
export function utfCodec(normalized: string): UtfCodec | null {
  const m = /^(?:utf|u)(16|32)(le|be)?$/.exec(normalized);
  if (m === null) return null;
  const unit = m[1] === "16" ? 2 : 4;
  const order = (m[2] ?? null) as "le" | "be" | null;
  return { unit, order, name: `utf-${m[1]}${order === null ? "" : `-${order}`}` };
}

function put(out: number[], v: number, unit: 2 | 4, le: boolean): void {
  const bytes = unit === 2 ? [v & 0xff, (v >> 8) & 0xff] : [v & 0xff, (v >> 8) & 0xff, (v >> 16) & 0xff, (v >>> 24) & 0xff];
  if (!le) bytes.reverse();
  out.push(...bytes);
}

/** str.encode with a UTF-16/32 codec and errors='strict'. */
export function encodeUtf(cps: readonly number[], codec: UtfCodec): Uint8Array {
  const le = codec.order !== "be";
  const out: number[] = [];
  if (codec.order === null) put(out, 0xfeff, codec.unit, le);
  cps.forEach((c, i) => {
    if (c >= 0xd800 && c < 0xe000) {
      throw new PyException("UnicodeEncodeError", `'${codec.name}' codec can't encode character '\\u${c.toString(16)}' in position ${i}: surrogates not allowed`);
    }
    if (codec.unit === 4 || c < 0x10000) put(out, c, codec.unit, le);
    else {
      const v = c - 0x10000;
      put(out, 0xd800 + (v >> 10), 2, le);
      put(out, 0xdc00 + (v & 0x3ff), 2, le);
    }
  });
  return Uint8Array.from(out);
}

/** bytes.decode with a UTF-16/32 codec and errors='strict': the code points. */
export function decodeUtf(data: Uint8Array, codec: UtfCodec): number[] {
  let le = codec.order !== "be";
  let pos = 0;
  const u = codec.unit;
  const read = (at: number): number => {
    let v = 0;
    for (let k = 0; k < u; k++) v += (data[at + (le ? k : u - 1 - k)] as number) * 2 ** (8 * k);
    return v;
  };
  if (codec.order === null && data.length >= u) {
    const bom = read(0);
    if (bom === 0xfeff) pos = u;
    else {
      le = !le;
      if (read(0) === 0xfeff) pos = u;
      else le = !le;
    }
  }
  const fail = (start: number, end: number, reason: string): PyException =>
    new PyException("UnicodeDecodeError", `'${codec.name}' codec can't decode bytes in position ${start}-${end - 1}: ${reason}`);
  const out: number[] = [];
  while (pos < data.length) {
    if (pos + u > data.length) throw fail(pos, data.length, "truncated data");
    const v = read(pos);
    if (u === 4) {
      if (v > 0x10ffff) throw fail(pos, pos + 4, "code point not in range(0x110000)");
      if (v >= 0xd800 && v < 0xe000) throw fail(pos, pos + 4, "code point in surrogate code point range(0xd800, 0xe000)");
      out.push(v);
      pos += 4;
      continue;
    }
    if (v < 0xd800 || v >= 0xe000) {
      out.push(v);
      pos += 2;
      continue;
    }
    if (v >= 0xdc00) throw fail(pos, pos + 2, "illegal encoding");
    if (pos + 4 > data.length) throw fail(pos, data.length, pos + 2 >= data.length ? "unexpected end of data" : "truncated data");
    const lo = read(pos + 2);
    if (lo < 0xdc00 || lo >= 0xe000) throw fail(pos, pos + 2, "illegal UTF-16 surrogate");
    out.push(0x10000 + ((v - 0xd800) << 10) + (lo - 0xdc00));
    pos += 4;
  }
  return out;
}
