// CPython's character classes for the runtime: the layout's Unicode data (its
// interpreter's, never JS's own \s or \p{…}), and the text transforms built on
// it that int(), float(), complex() and Decimal() share.
import type { CharTable, UnicodeProperty } from "../layouts/unicodeData.js";
import { chargeChars, ctx } from "./ctx.js";

/** A property's table in the running layout's Unicode data. */
export function charTable(name: UnicodeProperty): CharTable {
  return ctx().layout.unicodeData.table(name);
}

/** Py_UNICODE_TODECIMAL. */
export function decimalValue(cp: number): number {
  return ctx().layout.unicodeData.decimalValue(cp);
}

/** Py_UNICODE_ISSPACE. */
export function isUnicodeSpace(cp: number): boolean {
  if (cp < 128) return (cp >= 9 && cp <= 13) || (cp >= 0x1c && cp <= 0x20);
  return charTable("space").has(cp);
}

function classSource(t: CharTable): string {
  const hex = (cp: number): string => `\\u{${cp.toString(16)}}`;
  let out = "";
  for (let k = 0; k < t.ranges.length; k += 2) {
    const a = t.ranges[k] as number;
    const b = (t.ranges[k + 1] as number) - 1;
    out += a === b ? hex(a) : `${hex(a)}-${hex(b)}`;
  }
  return `[${out}]`;
}

const spaceRuns = new WeakMap<CharTable, { run: RegExp; lead: RegExp; trail: RegExp }>();

/** Regexps for runs of Py_UNICODE_ISSPACE characters (str.split()), built from the table once. */
export function unicodeSpaceRuns(): { run: RegExp; lead: RegExp; trail: RegExp } {
  const t = charTable("space");
  let r = spaceRuns.get(t);
  if (r === undefined) {
    const cls = classSource(t);
    r = { run: new RegExp(`${cls}+`, "u"), lead: new RegExp(`^${cls}+`, "u"), trail: new RegExp(`${cls}+$`, "u") };
    spaceRuns.set(t, r);
  }
  return r;
}

/**
 * _PyUnicode_TransformDecimalAndSpaceToASCII: ASCII stays, other spaces become
 * ' ', other decimal digits their ASCII digit, and anything else ends the text
 * with a '?'.
 */
export function decimalsAndSpacesToAscii(text: string): string {
  if (/^[\x00-\x7f]*$/.test(text)) return text;
  chargeChars(text.length);
  let out = "";
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (cp < 127) out += ch;
    else if (isUnicodeSpace(cp)) out += " ";
    else {
      const d = decimalValue(cp);
      if (d < 0) return `${out}?`;
      out += String(d);
    }
  }
  return out;
}

/**
 * Py_TOLOWER over a whole text: ASCII letters lowered, everything else kept. For the places
 * CPython lowers only ASCII (number spellings, codec names); JS's toLowerCase would apply its
 * own Unicode's mappings to the rest ('\u212a' to 'k').
 */
export function asciiLower(text: string): string {
  return /[A-Z]/.test(text) ? text.replace(/[A-Z]+/g, (m) => m.toLowerCase()) : text;
}

/** Py_ISSPACE at both ends: the ASCII whitespace CPython's number parsers strip. */
export function stripAsciiSpace(text: string): string {
  return text.replace(/^[ \t\n\v\f\r]+|[ \t\n\v\f\r]+$/g, "");
}
