// TextWrapper's regular expressions (Lib/textwrap.py) as the spans their
// matches cover: wordsep_re (whitespace runs, em-dashes between words, words
// broken after the hyphens of compound words) and wordsep_simple_re
// (whitespace runs), each split the way re.split gives its non-empty pieces,
// and sentence_end_re. \w and \d are SRE's for str patterns: the version's
// Py_UNICODE_ISALNUM (or '_') and Py_UNICODE_ISDECIMAL; the whitespace class
// is textwrap's six ASCII characters only.
import { charTable } from "./unicodeChars.js";

/** _whitespace = '\t\n\x0b\x0c\r ' */
function isWs(c: number | undefined): boolean {
  return c === 32 || (c !== undefined && c >= 9 && c <= 13);
}

const HYPHEN = 45;

interface Classes {
  word(c: number | undefined): boolean;
  letter(c: number | undefined): boolean;
  wordPunct(c: number | undefined): boolean;
}

function classes(): Classes {
  const alpha = charTable("alpha");
  const numeric = charTable("numeric");
  const decimal = charTable("decimal");
  const word = (c: number | undefined): boolean => {
    if (c === undefined) return false;
    if (c < 128) return c === 95 || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
    return alpha.has(c) || numeric.has(c);
  };
  const digit = (c: number): boolean => (c < 128 ? c >= 48 && c <= 57 : decimal.has(c));
  return {
    word,
    // [^\d\W]
    letter: (c) => c !== undefined && word(c) && !digit(c),
    // [\w!"\'&.,?]
    wordPunct: (c) => c !== undefined && (word(c) || c === 33 || c === 34 || c === 39 || c === 38 || c === 46 || c === 44 || c === 63),
  };
}

/** The length of the run of '-' at i, when it is at least two long and a \w follows it (-{2,}(?=\w)). */
function emDashRun(t: readonly number[], i: number, k: Classes): number {
  let r = i;
  while (t[r] === HYPHEN) r++;
  return r - i >= 2 && k.word(t[r]) ? r - i : 0;
}

/** The [start, end) spans of wordsep_re's matches: re.split(text)'s non-empty pieces (every character is in one). */
export function wordsepSpans(t: readonly number[]): [number, number][] {
  const k = classes();
  const n = t.length;
  const out: [number, number][] = [];
  let p = 0;
  while (p < n) {
    if (isWs(t[p])) {
      let e = p + 1;
      while (e < n && isWs(t[e])) e++;
      out.push([p, e]);
      p = e;
      continue;
    }
    // (?<=%(wp)s) -{2,} (?=\w)
    if (t[p] === HYPHEN && p > 0 && k.wordPunct(t[p - 1])) {
      const r = emDashRun(t, p, k);
      if (r > 0) {
        out.push([p, p + r]);
        p += r;
        continue;
      }
    }
    // %(nws)s+? then the first alternative that holds after it.
    let e = p + 1;
    for (;;) {
      const hyphenated = t[e] === HYPHEN
        && ((e >= 2 && k.letter(t[e - 2]) && k.letter(t[e - 1])) || (e >= 3 && k.letter(t[e - 3]) && t[e - 2] === HYPHEN && k.letter(t[e - 1])))
        && k.letter(t[e + 1]) && (k.letter(t[e + 2]) || (t[e + 2] === HYPHEN && k.letter(t[e + 3])));
      if (hyphenated) {
        out.push([p, e + 1]);
        p = e + 1;
        break;
      }
      if (e === n || isWs(t[e])) {
        out.push([p, e]);
        p = e;
        break;
      }
      if (k.wordPunct(t[e - 1]) && t[e] === HYPHEN && emDashRun(t, e, k) > 0) {
        out.push([p, e]);
        p = e;
        break;
      }
      e++;
    }
  }
  return out;
}

/** wordsep_simple_re.split: the runs of whitespace and of everything else, alternating. */
export function simpleSpans(t: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let p = 0;
  while (p < t.length) {
    const ws = isWs(t[p]);
    let e = p + 1;
    while (e < t.length && isWs(t[e]) === ws) e++;
    out.push([p, e]);
    p = e;
  }
  return out;
}

/** sentence_end_re.search: a lowercase ASCII letter, then . ! or ?, then maybe a quote, at the end. */
export function endsSentence(text: string): boolean {
  return /[a-z][.!?]["']?$/.test(text);
}

/** True when every character is whitespace (str.strip() == ''); `isSpace` is Py_UNICODE_ISSPACE. */
export function allSpace(text: string, isSpace: (cp: number) => boolean): boolean {
  for (const ch of text) if (!isSpace(ch.codePointAt(0) as number)) return false;
  return true;
}
