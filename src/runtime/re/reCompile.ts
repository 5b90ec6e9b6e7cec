// sre_compile.py's choices that decide how a pattern matches, over the parsed
// tree: flags resolved per SUBPATTERN (_combine_flags), groups as MARK pairs
// in the sequence, single-character items as one predicate, REPEAT_ONE for a
// _simple item, and the look-behind width (error when it is not fixed).
import { charTable, isUnicodeSpace } from "../unicodeChars.js";
import { ReError } from "./reError.js";
import { ASCII_FOLD, unicodeFold, upperUnicode, type Fold } from "./reFold.js";
import { FLAG, getwidth, MAXREPEAT, type AtCode, type Category, type Item, type ParsedPattern, type SetItem } from "./reSource.js";

export type Unit = (c: number) => boolean;
export type Node =
  | { readonly k: "unit"; readonly f: Unit }
  | { readonly k: "at"; readonly at: AtCode | "begline" | "endline"; readonly ascii: boolean }
  | { readonly k: "mark"; readonly i: number }
  | { readonly k: "branch"; readonly alts: readonly Node[][] }
  | { readonly k: "rep"; readonly min: number; readonly max: number; readonly mode: "max" | "min" | "poss"; readonly body: readonly Node[]; readonly one: Unit | null }
  | { readonly k: "ref"; readonly g: number; readonly fold: ((c: number) => number) | null }
  | { readonly k: "exists"; readonly g: number; readonly yes: readonly Node[]; readonly no: readonly Node[] }
  | { readonly k: "assert"; readonly back: number; readonly neg: boolean; readonly body: readonly Node[] }
  | { readonly k: "atomic"; readonly body: readonly Node[] }
  | { readonly k: "fail" };

export interface Compiled {
  readonly code: readonly Node[];
}

const isDigitA = (c: number): boolean => c >= 48 && c <= 57;
const isWordA = (c: number): boolean => isDigitA(c) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
const isSpaceA = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** SRE_UNI_IS_WORD: Py_UNICODE_ISALNUM or '_'. */
export function isWordU(c: number): boolean {
  if (c < 128) return isWordA(c);
  return charTable("alpha").has(c) || charTable("decimal").has(c) || charTable("digit").has(c) || charTable("numeric").has(c);
}

function category(cat: Category, ascii: boolean): Unit {
  const base: Unit =
    cat === "d" || cat === "D" ? (ascii ? isDigitA : (c) => (c < 128 ? isDigitA(c) : charTable("decimal").has(c)))
    : cat === "s" || cat === "S" ? (ascii ? isSpaceA : isUnicodeSpace)
    : ascii ? isWordA : isWordU;
  return cat === "D" || cat === "S" || cat === "W" ? (c) => !base(c) : base;
}

/** _optimize_charset's membership with a fixup: the charmap of lowered items (and their fixes), the tail tried as CPython puts it there. */
function foldedSet(items: readonly SetItem[], ascii: boolean, f: Fold): { test: Unit; hascased: boolean } {
  const charmap = new Set<number>();
  const tail: Unit[] = [];
  let hascased = false;
  const mark = (lo: number): void => {
    charmap.add(lo);
    for (const k of f.fixes?.get(lo) ?? []) charmap.add(k);
  };
  for (const it of items) {
    if (it.op === "lit") {
      const lo = f.lower(it.c);
      if (lo > 0xffff) {
        // IndexError past the BMP charmap: the literal as written goes to the tail.
        const c = it.c;
        tail.push((ch) => ch === c);
        hascased = true;
        continue;
      }
      mark(lo);
      if (f.iscased(it.c)) hascased = true;
    } else if (it.op === "range") {
      const { lo, hi } = it;
      let overflow = false;
      for (let i = lo; i <= hi; i++) {
        const l = f.lower(i);
        if (l > 0xffff) {
          overflow = true;
          break;
        }
        mark(l);
      }
      if (overflow) {
        // RANGE_UNI_IGNORE: the lowered character or its sre_upper_unicode in the range.
        tail.push((ch) => (ch >= lo && ch <= hi) || (upperUnicode(ch) >= lo && upperUnicode(ch) <= hi));
        hascased = true;
      } else if (!hascased) {
        for (let i = lo; i <= hi && !hascased; i++) hascased = f.iscased(i);
      }
    } else if (it.op === "cat") tail.push(category(it.cat, ascii));
  }
  return { test: (c) => charmap.has(c) || tail.some((t) => t(c)), hascased };
}

function setUnit(items: readonly SetItem[], ascii: boolean, f: Fold | null): Unit {
  const neg = items[0]?.op === "negate";
  let probe: Unit;
  if (f !== null) {
    const { test, hascased } = foldedSet(items, ascii, f);
    // IN_UNI_IGNORE / IN_IGNORE test the lowered character; a set with nothing cased is a plain IN.
    probe = hascased ? (c) => test(f.lower(c)) : test;
  } else {
    const tests: Unit[] = [];
    for (const it of items) {
      if (it.op === "lit") {
        const v = it.c;
        tests.push((c) => c === v);
      } else if (it.op === "range") {
        const { lo, hi } = it;
        tests.push((c) => c >= lo && c <= hi);
      } else if (it.op === "cat") tests.push(category(it.cat, ascii));
    }
    probe = (c) => tests.some((t) => t(c));
  }
  return neg ? (c) => !probe(c) : probe;
}

/** A LITERAL under IGNORECASE: LITERAL_UNI_IGNORE of the lowered code, or IN_UNI_IGNORE over it and its fixes. */
function foldedLiteral(c: number, f: Fold | null): Unit {
  if (f === null || !f.iscased(c)) return (ch) => ch === c;
  const lo = f.lower(c);
  const alts = f.fixes?.get(lo);
  if (alts === undefined) return (ch) => f.lower(ch) === lo;
  const all = new Set([lo, ...alts]);
  return (ch) => all.has(f.lower(ch));
}

function combine(flags: number, add: number, del: number): number {
  if (add & (FLAG.A | FLAG.L | FLAG.U)) flags &= ~(FLAG.A | FLAG.L | FLAG.U);
  return (flags | add) & ~del;
}

class Compiler {
  constructor(private readonly parsed: ParsedPattern) {}

  /** The folding IGNORECASE applies under these flags, or null. */
  private fold(flags: number): Fold | null {
    if (!(flags & FLAG.I)) return null;
    if (flags & FLAG.L) throw new ReError("re.LOCALE (the C locale's case and classes)", -1, null);
    return flags & FLAG.U ? unicodeFold() : ASCII_FOLD;
  }

  unit(it: Item, flags: number): Unit | null {
    // Without SRE_FLAG_UNICODE (re.ASCII, or any bytes pattern) the categories are ASCII's.
    const ascii = (flags & FLAG.U) === 0;
    switch (it.op) {
      case "lit":
        return foldedLiteral(it.c, this.fold(flags));
      case "notlit": {
        const f = foldedLiteral(it.c, this.fold(flags));
        return (c) => !f(c);
      }
      case "any":
        return flags & FLAG.S ? () => true : (c) => c !== 10;
      case "in":
        return setUnit(it.items, ascii, this.fold(flags));
      default:
        return null;
    }
  }

  seq(p: readonly Item[], flags: number): Node[] {
    const out: Node[] = [];
    for (const it of p) {
      const f = this.unit(it, flags);
      if (f !== null) {
        out.push({ k: "unit", f });
        continue;
      }
      switch (it.op) {
        case "at": {
          const multi = (flags & FLAG.M) !== 0;
          const at = it.at === "beg" && multi ? "begline" : it.at === "end" && multi ? "endline" : it.at;
          out.push({ k: "at", at, ascii: (flags & FLAG.U) === 0 });
          break;
        }
        case "branch":
          out.push({ k: "branch", alts: it.alts.map((a) => this.seq(a, flags)) });
          break;
        case "sub": {
          const inner = combine(flags, it.add, it.del);
          if (it.group !== null) out.push({ k: "mark", i: (it.group - 1) * 2 });
          out.push(...this.seq(it.p, inner));
          if (it.group !== null) out.push({ k: "mark", i: (it.group - 1) * 2 + 1 });
          break;
        }
        case "rep": {
          const simple = this.simple(it.item, flags);
          out.push({ k: "rep", min: it.min, max: it.max >= MAXREPEAT ? Infinity : it.max, mode: it.mode, body: simple === null ? this.seq(it.item, flags) : [], one: simple });
          break;
        }
        case "atomic":
          out.push({ k: "atomic", body: this.seq(it.p, flags) });
          break;
        case "ref":
          out.push({ k: "ref", g: it.g, fold: this.fold(flags)?.lower ?? null });
          break;
        case "exists":
          out.push({ k: "exists", g: it.g, yes: this.seq(it.yes, flags), no: it.no === null ? [] : this.seq(it.no, flags) });
          break;
        case "assert": {
          let back = 0;
          if (it.dir < 0) {
            const [lo, hi] = getwidth(it.p, this.parsed);
            if (lo !== hi) throw new ReError("look-behind requires fixed-width pattern", null, null);
            back = lo;
          }
          out.push({ k: "assert", back, neg: it.neg, body: this.seq(it.p, flags) });
          break;
        }
        case "fail":
          out.push({ k: "fail" });
          break;
        default:
          break;
      }
    }
    return out;
  }

  /** _simple: one unit item, maybe inside a non-capturing group with flags. */
  private simple(p: readonly Item[], flags: number): Unit | null {
    if (p.length !== 1) return null;
    const it = p[0] as Item;
    if (it.op === "sub") return it.group === null ? this.simple(it.p, combine(flags, it.add, it.del)) : null;
    return this.unit(it, flags);
  }
}

export function compileItems(parsed: ParsedPattern): Compiled {
  const c = new Compiler(parsed);
  return { code: c.seq(parsed.items, parsed.flags) };
}
