// str.isdigit() and the other character tests, by CPython's definitions
// (unicodeobject.c) over its own Unicode data: ASCII text by a regex, the rest
// one code point at a time through the layout's tables.
import type { CharTable } from "../layouts/unicodeData.js";
import { charTable } from "./unicodeChars.js";

const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

const ASCII_IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

const ASCII_ALL: Readonly<Record<string, RegExp>> = {
  isspace: /^[\t-\r\x1c-\x20]+$/,
  isalpha: /^[A-Za-z]+$/,
  isdecimal: /^[0-9]+$/,
  isdigit: /^[0-9]+$/,
  isnumeric: /^[0-9]+$/,
  isalnum: /^[A-Za-z0-9]+$/,
  isidentifier: ASCII_IDENTIFIER,
};

/** The code point at JS index i (a lone surrogate stands for itself). */
function cpAt(t: string, i: number): number {
  const c = t.charCodeAt(i);
  if (c >= 0xd800 && c < 0xdc00 && i + 1 < t.length) {
    const d = t.charCodeAt(i + 1);
    if (d >= 0xdc00 && d < 0xe000) return 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
  }
  return c;
}

/** Every code point in one of the tables. */
function every(t: string, a: CharTable, b?: CharTable): boolean {
  for (let i = 0; i < t.length; i++) {
    const cp = cpAt(t, i);
    if (cp > 0xffff) i++;
    if (!a.has(cp) && (b === undefined || !b.has(cp))) return false;
  }
  return true;
}

/** unicode_isupper_impl / unicode_islower_impl: no character of the other case or title case, and one of this case. */
function onlyCase(t: string, length: number, want: "upper" | "lower"): boolean {
  const same = charTable(want);
  const other = charTable(want === "upper" ? "lower" : "upper");
  const title = charTable("title");
  if (length === 1) return same.has(cpAt(t, 0));
  let cased = false;
  for (let i = 0; i < t.length; i++) {
    const cp = cpAt(t, i);
    if (cp > 0xffff) i++;
    if (other.has(cp) || title.has(cp)) return false;
    if (!cased && same.has(cp)) cased = true;
  }
  return cased;
}

/** unicode_istitle_impl: upper or title case only after an uncased character, lower case only after a cased one. */
function isTitle(t: string, length: number): boolean {
  const upper = charTable("upper");
  const lower = charTable("lower");
  const title = charTable("title");
  if (length === 1) {
    const cp = cpAt(t, 0);
    return title.has(cp) || upper.has(cp);
  }
  let cased = false;
  let previousCased = false;
  for (let i = 0; i < t.length; i++) {
    const cp = cpAt(t, i);
    if (cp > 0xffff) i++;
    if (upper.has(cp) || title.has(cp)) {
      if (previousCased) return false;
      previousCased = cased = true;
    } else if (lower.has(cp)) {
      if (!previousCased) return false;
      previousCased = cased = true;
    } else previousCased = false;
  }
  return cased;
}

/**
 * The answer of str.NAME() for a str of `length` code points whose text is t, or null
 * when NAME is no character test. `ascii`: every code point is below 128.
 */
export function strPredicate(name: string, t: string, length: number, ascii: boolean): boolean | null {
  switch (name) {
    case "isupper":
    case "islower":
      if (ascii) return name === "isupper" ? /[A-Z]/.test(t) && !/[a-z]/.test(t) : /[a-z]/.test(t) && !/[A-Z]/.test(t);
      return length > 0 && onlyCase(t, length, name === "isupper" ? "upper" : "lower");
    case "istitle":
      return length > 0 && isTitle(t, length);
    case "isprintable":
      // The empty string is printable.
      return ascii ? PRINTABLE_ASCII.test(t) : every(t, charTable("printable"));
    default:
  }
  const re = ASCII_ALL[name];
  if (re === undefined) return null;
  if (length === 0) return false;
  if (ascii) return re.test(t);
  switch (name) {
    case "isspace":
      return every(t, charTable("space"));
    case "isalpha":
      return every(t, charTable("alpha"));
    case "isdecimal":
      return every(t, charTable("decimal"));
    case "isdigit":
      // Py_UNICODE_ISDIGIT: a Digit or a Decimal (the table holds both).
      return every(t, charTable("digit"));
    case "isnumeric":
      return every(t, charTable("numeric"));
    case "isalnum":
      // Py_UNICODE_ISALNUM: alpha, decimal, digit or numeric (each included in numeric).
      return every(t, charTable("alpha"), charTable("numeric"));
    default: {
      // isidentifier: _PyUnicode_ScanIdentifier.
      const first = cpAt(t, 0);
      return charTable("identifierStart").has(first) && every(t.slice(first > 0xffff ? 2 : 1), charTable("identifierContinue"));
    }
  }
}

/** str.isidentifier() of a text (PyUnicode_IsIdentifier), for the checks CPython makes with it. */
export function isIdentifier(t: string): boolean {
  if (/^[\x00-\x7f]*$/.test(t)) return ASCII_IDENTIFIER.test(t);
  return strPredicate("isidentifier", t, [...t].length, false) === true;
}
