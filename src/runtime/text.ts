// Access to str and bytes contents; huge repeats stay closed-form until an
// operation needs their characters.
import { chargeChars, chargeText } from "./ctx.js";
import { limitError } from "./errors.js";
import type { PyByteArrayObj, PyBytesObj, PyStrObj, StrRun } from "./objects.js";

/** The most characters or bytes pymem will spell out for one value. */
export const MAX_TEXT = 1 << 28;

/** The characters of a str; a closed one is spelled out once (counted against the budget) and kept. */
export function strText(s: PyStrObj): string {
  const rep = s.text;
  if (typeof rep === "string") return rep;
  let units = 0;
  for (let r: StrRun | undefined = rep; r !== undefined; r = r.next) units += r.unit.length * r.count;
  if (units > MAX_TEXT) {
    throw limitError(`this operation would spell out a string of ${s.length} characters; pymem's limit is ${MAX_TEXT}`);
  }
  chargeText(units);
  const parts: string[] = [];
  for (let r: StrRun | undefined = rep; r !== undefined; r = r.next) parts.push(r.count === 1 ? r.unit : r.unit.repeat(r.count));
  const text = parts.join("");
  s.text = text;
  return text;
}

/** Longest run list a concatenation keeps closed; past it the characters are spelled out. */
const MAX_RUNS = 256;
/** Shorter strings are simply spelled out: their characters cost less than the bookkeeping. */
export const CLOSED_FROM = 1 << 16;

function runsOf(s: PyStrObj): StrRun[] {
  if (typeof s.text === "string") return [{ unit: s.text, count: 1 }];
  const out: StrRun[] = [];
  for (let r: StrRun | undefined = s.text; r !== undefined; r = r.next) out.push(r);
  return out;
}

/**
 * Characters [start, start + n) of a closed str whose characters are all in the
 * BMP (so JS indices are code point indices), without spelling out the rest:
 * short results as text, long ones as runs (null: too many runs to keep).
 */
export function sliceRuns(rep: StrRun, start: number, n: number): { text: string } | { rep: StrRun; maxChar: number } | null {
  const pieces: StrRun[] = [];
  let pos = 0;
  const end = start + n;
  for (let r: StrRun | undefined = rep; r !== undefined && pos < end; r = r.next) {
    const L = r.unit.length;
    const span = L * r.count;
    const from = Math.max(start, pos) - pos;
    const to = Math.min(end, pos + span) - pos;
    pos += span;
    if (to <= from) continue;
    // A partial unit at each end, whole units between.
    const firstWhole = Math.ceil(from / L);
    const lastWhole = Math.floor(to / L);
    if (firstWhole >= lastWhole) {
      pieces.push({ unit: r.unit.repeat(Math.min(r.count, Math.ceil(to / L) - Math.floor(from / L))).slice(from % L, from % L + (to - from)), count: 1 });
      continue;
    }
    if (from % L !== 0) pieces.push({ unit: r.unit.slice(from % L), count: 1 });
    pieces.push({ unit: r.unit, count: lastWhole - firstWhole });
    if (to % L !== 0) pieces.push({ unit: r.unit.slice(0, to % L), count: 1 });
  }
  if (n < CLOSED_FROM) return { text: pieces.map((p) => p.unit.repeat(p.count)).join("") };
  if (pieces.length > MAX_RUNS) return null;
  let out: StrRun | undefined;
  let maxChar = 0;
  for (let i = pieces.length - 1; i >= 0; i--) {
    const p = pieces[i] as StrRun;
    for (let k = 0; k < p.unit.length; k++) maxChar = Math.max(maxChar, p.unit.charCodeAt(k));
    out = out === undefined ? { unit: p.unit, count: p.count } : { unit: p.unit, count: p.count, next: out };
  }
  return out === undefined ? null : { rep: out, maxChar };
}

/** a + b kept as runs, or null when they are better spelled out. */
export function concatRuns(a: PyStrObj, b: PyStrObj): StrRun | null {
  return joinRuns([a, b]);
}

/** The strings one after another, kept as runs, or null when they are better spelled out. */
export function joinRuns(strs: readonly PyStrObj[]): StrRun | null {
  let length = 0;
  for (const s of strs) length += s.length;
  if (length < CLOSED_FROM || strs.length > MAX_RUNS) return null;
  const runs = strs.flatMap((s) => (s.length === 0 ? [] : runsOf(s)));
  if (runs.length > MAX_RUNS) return null;
  let rep: StrRun | undefined;
  for (let i = runs.length - 1; i >= 0; i--) {
    const r = runs[i] as StrRun;
    rep = rep === undefined ? { unit: r.unit, count: r.count } : { unit: r.unit, count: r.count, next: rep };
  }
  return rep ?? null;
}

export function bytesData(b: PyBytesObj | PyByteArrayObj): Uint8Array {
  if (b.data !== null) return b.t === "bytearray" ? b.data.subarray(0, b.length) : b.data;
  const rep = b.rep;
  if (rep === null) return new Uint8Array(0);
  if (b.length > MAX_TEXT) {
    throw limitError(`this operation would spell out ${b.length} bytes; pymem's limit is ${MAX_TEXT}`);
  }
  chargeText(b.length);
  const out = new Uint8Array(b.length);
  if (rep.unit.length === 1) out.fill(rep.unit[0] as number);
  else for (let i = 0; i < rep.count; i++) out.set(rep.unit, i * rep.unit.length);
  // Spelled out once: the object holds its bytes from now on.
  b.data = out;
  if (b.t === "bytearray") b.rep = null;
  return out;
}

/** How many code points a JS string holds (a surrogate pair as one), without making them. */
export function codePointCount(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length - 1; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        n--;
        i++;
      }
    }
  }
  return n;
}

/** Code points of a JS string (astral characters as one). */
export function codePoints(text: string): number[] {
  chargeChars(text.length);
  const out: number[] = [];
  for (const ch of text) out.push(ch.codePointAt(0) as number);
  return out;
}

export function isAsciiIdentifierChars(text: string): boolean {
  // all_name_chars() in Objects/codeobject.c (3.10): [A-Za-z0-9_]+
  return /^[A-Za-z0-9_]+$/.test(text);
}

/**
 * Whether a needle's edge is a lone surrogate that JS matching would find inside an astral
 * character's pair ('😀'.find('\ude00') is -1 in CPython, 1 in JS): searching a str that
 * holds astral characters for it is refused.
 */
export function needleSplitsPairs(haystackMaxChar: number, needle: string): boolean {
  if (haystackMaxChar < 0x10000 || needle.length === 0) return false;
  const first = needle.charCodeAt(0);
  const last = needle.charCodeAt(needle.length - 1);
  return (first >= 0xdc00 && first <= 0xdfff) || (last >= 0xd800 && last <= 0xdbff);
}
