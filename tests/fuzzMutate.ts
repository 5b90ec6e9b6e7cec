// A seeded mutator for robustness fuzzing: from well-formed expressions it
// makes broken, hostile or oversized ones (deleted/duplicated/swapped tokens
// and characters, stray brackets, deep nesting, huge numbers, odd Unicode).
// pymem must answer each with a figure or a clean error — never hang, crash,
// leak a JavaScript stack trace or report INTERNAL. Used by tests/fuzz.test.ts
// and `npm run fuzz -- --mutate`.

/** mulberry32: a small, fast, seedable PRNG; the same seed gives the same mutations on every platform. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;

const int = (r: Rand, lo: number, hi: number): number => lo + Math.floor(r() * (hi - lo + 1));
function pick<T>(r: Rand, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)] as T;
}

/** Python-ish tokens: names/numbers, string literals, and single punctuation characters. */
function tokens(s: string): string[] {
  return s.match(/[A-Za-z_0-9.]+|'[^']*'|"[^"]*"|\s+|[^\sA-Za-z_0-9.]/gu) ?? [s];
}

const SNIPPETS = [
  "(", ")", "[", "]", "{", "}", ",", ":", ";", "=", ":=", "*", "**", "...", "\\", "'", '"', "#", "@", "$", "?", "!",
  "lambda", "lambda:", "yield", "await", "for", "if", "else", "not", "in", "is", "and", "or", "None", "del", "import", "async",
  "f'", "b'", "r'", "u'", "rb'", "0x", "0b", "1e", "1_", "_", "__class__", ".__dict__", "\t", "\f", "\0",
];

const UNICODE = [
  "é", "ÿ", "€", "中", "😀", "𝄞", "\u0301", "\u200b", "\u200d", "\u202e", "\ufeff", "\ufffd", "\u00a0", "\u2028", "\u3000",
  "ℌ", "ﬁ", "𝔘", "Ω", "Ⅻ", "٣", "\u{10ffff}", "\u{e0001}", "\x7f", "\x01",
];

/** One random code point, any plane (no surrogates: the input must stay valid UTF-8 for the CLI). */
function randomChar(r: Rand): string {
  if (r() < 0.5) return pick(r, UNICODE);
  let cp = r() < 0.5 ? int(r, 0x20, 0x2fff) : int(r, 0x20, 0x10ffff);
  if (cp >= 0xd800 && cp <= 0xdfff) cp = 0xfffd;
  return String.fromCodePoint(cp);
}

const HUGE = ["9".repeat(5000), "10**10**10", "2**10**7", "10**4300", "1" + "0".repeat(4400), "1e999999", "0x" + "f".repeat(3000), "9**9**9**9"];
const NEST_OPEN = ["(", "[", "{", "-", "not ", "~", "+", "[*", "lambda: "];

function nest(r: Rand, e: string): string {
  const n = pick(r, [30, 99, 100, 101, 200, 500, 1000, 3000, 10000]);
  const open = pick(r, NEST_OPEN);
  const close = open === "(" ? ")" : open === "[" ? "]" : open === "{" ? "}" : open === "[*" ? "]" : "";
  const body = open === "[*" ? "[" + e + "]" : e;
  if (r() < 0.2) return open.repeat(n) + body; // unclosed
  return open.repeat(n) + body + close.repeat(n);
}

/** One mutation of `e`; `other` is a second corpus expression for splicing. */
export function mutate(r: Rand, e: string, other: string): string {
  const t = tokens(e);
  const i = int(r, 0, Math.max(0, t.length - 1));
  const j = int(r, 0, Math.max(0, t.length - 1));
  const c = int(r, 0, Math.max(0, e.length - 1));
  const chars = [...e];
  const k = int(r, 0, Math.max(0, chars.length - 1));
  switch (int(r, 0, 17)) {
    case 0: // delete a token
      return [...t.slice(0, i), ...t.slice(i + 1)].join("");
    case 1: // duplicate a token
      return [...t.slice(0, i + 1), ...t.slice(i)].join("");
    case 2: { // swap two tokens
      const u = [...t];
      [u[i], u[j]] = [u[j] as string, u[i] as string];
      return u.join("");
    }
    case 3: // delete a character (by code point)
      return [...chars.slice(0, k), ...chars.slice(k + 1)].join("");
    case 4: // duplicate a span
      return e.slice(0, c) + e.slice(c, c + int(r, 1, 12)) + e.slice(c);
    case 5: // insert a bracket, keyword or punctuation
      return e.slice(0, c) + pick(r, SNIPPETS) + e.slice(c);
    case 6: // truncate
      return e.slice(0, c);
    case 7: // deep nesting
      return nest(r, e);
    case 8: // a huge number in place of a number (or appended)
      return /\d+/.test(e) ? e.replace(/\d+/, pick(r, HUGE)) : e + " * " + pick(r, HUGE);
    case 9: // random unicode
      return chars.slice(0, k).join("") + randomChar(r) + chars.slice(k).join("");
    case 10: // splice two expressions
      return e.slice(0, c) + other.slice(int(r, 0, other.length));
    case 11: // an operator between two expressions
      return `${e} ${pick(r, ["+", "*", "-", "|", "&", "in", "is", "if", "for", ",", "and", "%", "@", "**", "//", "<<"])} ${other}`;
    case 12: // multiply a container up (LIMIT, MemoryError or a large answer)
      return `(${e}) * ${pick(r, ["10**6", "10**9", "10**18", "2**62", "-1", "0", "True", "10**100"])}`;
    case 13: // replace a token by a random snippet
      return [...t.slice(0, i), pick(r, SNIPPETS), ...t.slice(i + 1)].join("");
    case 14: // a comprehension over a huge range
      return `[${e} for _ in range(${pick(r, ["10**7", "10**9", "10**12", "2**63", "-1"])})]`;
    case 15: { // a long flat display, cut at 400,000 characters (only as many copies as that needs are joined)
      const n = Math.min(pick(r, [1000, 5000, 20000]), Math.ceil(400_000 / (e.length + 1)));
      return "[" + Array.from({ length: n }, () => e).join(",").slice(0, 400_000) + "]";
    }
    case 16: // mutate twice
      return mutate(r, mutate(r, e, other), other);
    default: // a string-heavy repetition
      return `${JSON.stringify(randomChar(r))} * ${pick(r, ["10**6", "10**8", "4097", "2**31"])} + ${e}`;
  }
}

/** `count` mutated inputs from `exprs`, the same for the same seed; no line breaks (one input per line on the CLI). */
export function mutations(exprs: readonly string[], seed: number, count: number): string[] {
  const r = rng(seed);
  const out: string[] = [];
  while (out.length < count && exprs.length > 0) {
    const e = pick(r, exprs);
    const m = mutate(r, e, pick(r, exprs)).replace(/[\r\n]/g, " ");
    if (m.trim() !== "") out.push(m);
  }
  return out;
}
