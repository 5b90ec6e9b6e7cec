// Access to str and bytes contents; huge repeats stay closed-form until an
// operation needs their characters.
import { limitError } from "./errors.js";
import type { PyByteArrayObj, PyBytesObj, PyStrObj } from "./objects.js";

/** The most characters or bytes pymem will spell out for one value. */
export const MAX_TEXT = 1 << 28;

export function strText(s: PyStrObj): string {
  if (s.text !== null) return s.text;
  const rep = s.rep;
  if (rep === null) return "";
  if (rep.unit.length * rep.count > MAX_TEXT) {
    throw limitError(`this operation would spell out a string of ${s.length} characters; pymem's limit is ${MAX_TEXT}`);
  }
  return rep.unit.repeat(rep.count);
}

export function bytesData(b: PyBytesObj | PyByteArrayObj): Uint8Array {
  if (b.data !== null) return b.t === "bytearray" ? b.data.subarray(0, b.length) : b.data;
  const rep = b.rep;
  if (rep === null) return new Uint8Array(0);
  if (b.length > MAX_TEXT) {
    throw limitError(`this operation would spell out ${b.length} bytes; pymem's limit is ${MAX_TEXT}`);
  }
  const out = new Uint8Array(b.length);
  if (rep.unit.length === 1) out.fill(rep.unit[0] as number);
  else for (let i = 0; i < rep.count; i++) out.set(rep.unit, i * rep.unit.length);
  return out;
}

/** Code points of a JS string (astral characters as one). */
export function codePoints(text: string): number[] {
  const out: number[] = [];
  for (const ch of text) out.push(ch.codePointAt(0) as number);
  return out;
}

export function isAsciiIdentifierChars(text: string): boolean {
  // all_name_chars() in Objects/codeobject.c (3.10): [A-Za-z0-9_]+
  return /^[A-Za-z0-9_]+$/.test(text);
}
