// sre_compile.py's choices that decide how a pattern matches, over the parsed
// tree: flags resolved per SUBPATTERN (_combine_flags), groups as MARK pairs
// in the sequence, single-character items as one predicate, REPEAT_ONE for a
// _simple item, and the look-behind width (error when it is not fixed).
import { charTable, isUnicodeSpace } from "../unicodeChars.js";
import { ReError } from "./reError.js";
import { FLAG, getwidth, MAXREPEAT, type AtCode, type Category, type Item, type ParsedPattern, type SetItem } from "./reSource.js";

export type Unit = (c: number) => boolean;
export type Node =
  | { readonly k: "unit"; readonly f: Unit }
  | { readonly k: "at"; readonly at: AtCode | "begline" | "endline"; readonly ascii: boolean }
  | { readonly k: "mark"; readonly i: number }
  | { readonly k: "branch"; readonly alts: readonly Node[][] }
  | { readonly k: "rep"; readonly min: number; readonly max: number; readonly mode: "max" | "min" | "poss"; readonly body: readonly Node[]; readonly one: Unit | null }
  | { readonly k: "ref"; readonly g: number; readonly ic: boolean }
  | { readonly k: "exists"; readonly g: number; readonly yes: readonly Node[]; readonly no: readonly Node[] }
  | { readonly k: "assert"; readonly back: number; readonly neg: boolean; readonly body: readonly Node[] }
  | { readonly k: "atomic"; readonly body: readonly Node[] }
  | { readonly k: "fail" };

export interface Compiled {
  readonly code: readonly Node[];
  /** Whether a case-insensitive item needs the subject in ASCII (pymem folds ASCII only). */
  readonly foldsCase: boolean;
}

const lower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);
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

function setUnit(items: readonly SetItem[], ascii: boolean, ic: boolean): Unit {
  const neg = items[0]?.op === "negate";
  const tests: Unit[] = [];
  for (const it of items) {
    if (it.op === "lit") {
      const v = ic ? lower(it.c) : it.c;
      tests.push((c) => c === v);
    } else if (it.op === "range") {
      const { lo, hi } = it;
      if (ic) {
        const lowered = new Set<number>();
        for (let c = lo; c <= hi && c < 128; c++) lowered.add(lower(c));
        tests.push((c) => lowered.has(c) || (c >= 128 && c >= lo && c <= hi));
      } else tests.push((c) => c >= lo && c <= hi);
    } else if (it.op === "cat") tests.push(category(it.cat, ascii));
  }
  const inSet = (c: number): boolean => tests.some((t) => t(c));
  const probe = ic ? (c: number): boolean => inSet(lower(c)) : inSet;
  return neg ? (c) => !probe(c) : probe;
}

function combine(flags: number, add: number, del: number): number {
  if (add & (FLAG.A | FLAG.L | FLAG.U)) flags &= ~(FLAG.A | FLAG.L | FLAG.U);
  return (flags | add) & ~del;
}

class Compiler {
  foldsCase = false;
  constructor(private readonly parsed: ParsedPattern) {}

  /** Case-insensitive matching beyond ASCII follows Unicode's simple folding (and sre's fixes), which pymem does not carry. */
  private fold(flags: number, codes: readonly number[]): boolean {
    if (!(flags & FLAG.I)) return false;
    if (!(flags & FLAG.A)) {
      if (codes.some((c) => c >= 128)) throw new ReError("case-insensitive matching of non-ASCII pattern characters", -1, null);
      this.foldsCase = true;
    }
    return true;
  }

  unit(it: Item, flags: number): Unit | null {
    const ascii = (flags & FLAG.A) !== 0;
    switch (it.op) {
      case "lit": {
        const ic = this.fold(flags, [it.c]);
        const v = ic ? lower(it.c) : it.c;
        return ic ? (c) => lower(c) === v : (c) => c === v;
      }
      case "notlit": {
        const ic = this.fold(flags, [it.c]);
        const v = ic ? lower(it.c) : it.c;
        return ic ? (c) => lower(c) !== v : (c) => c !== v;
      }
      case "any":
        return flags & FLAG.S ? () => true : (c) => c !== 10;
      case "in": {
        const codes = it.items.flatMap((s) => (s.op === "lit" ? [s.c] : s.op === "range" ? [s.lo, s.hi] : []));
        return setUnit(it.items, ascii, this.fold(flags, codes));
      }
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
          out.push({ k: "at", at, ascii: (flags & FLAG.A) !== 0 });
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
          out.push({ k: "ref", g: it.g, ic: (flags & FLAG.I) !== 0 && this.fold(flags, []) });
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
  const code = c.seq(parsed.items, parsed.flags);
  return { code, foldsCase: c.foldsCase };
}
