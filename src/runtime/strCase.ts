// str.upper(), lower(), casefold(), swapcase(), title() and capitalize(), as
// unicodeobject.c's do_upper … do_capitalize: each code point through CPython's
// full case mappings (SpecialCasing: 'ß'.upper() is 'SS'), with the final-sigma
// rule wherever CPython lowers ('ΑΣ'.lower() ends in 'ς'). Every non-ASCII code
// point goes through the layout's own tables, never JS's toUpperCase/toLowerCase
// (whose answers follow the Unicode version of the Node running pymem); only
// ASCII text, whose case never changes between Unicode versions, uses JS's.
import type { CaseMaps, CharTable } from "../layouts/unicodeData.js";
import { ctx } from "./ctx.js";
import { codePoints } from "./text.js";
import { charTable } from "./unicodeChars.js";

export type CaseMethod = "upper" | "lower" | "casefold" | "swapcase" | "title" | "capitalize";

function swapAscii(t: string): string {
  let out = "";
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    const lower = c | 0x20;
    out += String.fromCharCode(lower >= 0x61 && lower <= 0x7a ? c ^ 0x20 : c);
  }
  return out;
}

function asciiCase(t: string, name: CaseMethod): string {
  switch (name) {
    case "upper":
      return t.toUpperCase();
    case "lower":
    case "casefold":
      return t.toLowerCase();
    case "swapcase":
      // Flipping the case bit of letters.
      return swapAscii(t);
    case "capitalize":
      return t.length === 0 ? t : (t[0] as string).toUpperCase() + t.slice(1).toLowerCase();
    default: {
      // Cased ASCII characters are the letters: upper case after a non-letter, lower case after a letter.
      let out = "";
      let previousCased = false;
      for (let i = 0; i < t.length; i++) {
        let c = t.charCodeAt(i);
        const lower = c >= 97 && c <= 122;
        const upper = c >= 65 && c <= 90;
        if (previousCased ? upper : lower) c ^= 0x20;
        previousCased = lower || upper;
        out += String.fromCharCode(c);
      }
      return out;
    }
  }
}

/** lower_ucs4: the lower case of cps[i], 'Σ' by handle_capital_sigma. */
function lowerAt(cps: readonly number[], i: number, lower: ReadonlyMap<number, string>): string {
  const c = cps[i] as number;
  if (c === 0x3a3) return finalSigma(cps, i) ? "ς" : "σ";
  return lower.get(c) ?? String.fromCodePoint(c);
}

/**
 * handle_capital_sigma: U+03A3 is final when a cased character precedes it, past any
 * case-ignorable ones, and none follows it past case-ignorable ones.
 */
function finalSigma(cps: readonly number[], i: number): boolean {
  const ignorable: CharTable = charTable("caseIgnorable");
  const cased: CharTable = charTable("cased");
  let j = i - 1;
  let c = 0;
  for (; j >= 0; j--) {
    c = cps[j] as number;
    if (!ignorable.has(c)) break;
  }
  let final = j >= 0 && cased.has(c);
  if (final && i + 1 < cps.length) {
    for (j = i + 1; j < cps.length; j++) {
      c = cps[j] as number;
      if (!ignorable.has(c)) break;
    }
    final = j === cps.length || !cased.has(c);
  }
  return final;
}

/** One code point through a map; absent means itself. */
function mapped(map: ReadonlyMap<number, string>, c: number): string {
  return map.get(c) ?? String.fromCodePoint(c);
}

/**
 * Each code point of t through `map` (absent: itself), runs of ASCII through JS's own
 * `ascii` case function, which agrees with CPython there and is much faster per character
 * (only ever handed ASCII: JS's mappings of anything else are not CPython 3.10's).
 */
function mapEach(t: string, map: ReadonlyMap<number, string>, ascii: (s: string) => string): string {
  let out = "";
  let from = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c < 128) continue;
    let cp = c;
    let end = i + 1;
    if (c >= 0xd800 && c < 0xdc00 && end < t.length) {
      const d = t.charCodeAt(end);
      if (d >= 0xdc00 && d < 0xe000) {
        cp = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        end++;
      }
    }
    if (from < i) out += ascii(t.slice(from, i));
    out += map.get(cp) ?? t.slice(i, end);
    from = end;
    i = end - 1;
  }
  return from < t.length ? out + ascii(t.slice(from)) : out;
}

const upperAscii = (s: string): string => s.toUpperCase();
const lowerAscii = (s: string): string => s.toLowerCase();

/** str.NAME() of text t; `ascii`: every code point is below 128. */
export function caseOp(t: string, name: CaseMethod, ascii: boolean): string {
  if (ascii) return asciiCase(t, name);
  const maps: CaseMaps = ctx().layout.unicodeData.caseMaps();
  let out = "";
  switch (name) {
    case "upper":
      return mapEach(t, maps.upper, upperAscii);
    case "casefold":
      return mapEach(t, maps.fold, lowerAscii);
    case "lower": {
      if (!t.includes("Σ")) return mapEach(t, maps.lower, lowerAscii);
      const cps = codePoints(t);
      for (let i = 0; i < cps.length; i++) out += lowerAt(cps, i, maps.lower);
      return out;
    }
    case "swapcase": {
      // do_swapcase: upper case lowered (final sigma and all), lower case raised, the rest kept (title case too).
      const upper = charTable("upper");
      const lower = charTable("lower");
      const cps = codePoints(t);
      for (let i = 0; i < cps.length; i++) {
        const c = cps[i] as number;
        out += upper.has(c) ? lowerAt(cps, i, maps.lower) : lower.has(c) ? mapped(maps.upper, c) : String.fromCodePoint(c);
      }
      return out;
    }
    case "capitalize": {
      // do_capitalize: the first code point in title case, the rest lowered.
      const cps = codePoints(t);
      for (let i = 0; i < cps.length; i++) out += i === 0 ? mapped(maps.title, cps[0] as number) : lowerAt(cps, i, maps.lower);
      return out;
    }
    default: {
      // do_title: title case after an uncased code point, lower case after a cased one ('0.1id' -> '0.1Id').
      const cased = charTable("cased");
      const cps = codePoints(t);
      let previousCased = false;
      for (let i = 0; i < cps.length; i++) {
        const c = cps[i] as number;
        out += previousCased ? lowerAt(cps, i, maps.lower) : mapped(maps.title, c);
        previousCased = cased.has(c);
      }
      return out;
    }
  }
}
