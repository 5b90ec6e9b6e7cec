// The tokenizer, parser state and escapes of sre_parse.py (3.8-3.10; re/_parser.py from 3.11) for str
// patterns: the same tree of (op, argument) items, the same group numbering
// and the same re.error messages and positions. The tree keeps SUBPATTERN's
// add/del flags; reCompile.ts resolves them as sre_compile.py does.
import { ReError } from "./reError.js";

export const MAXREPEAT = 4294967295;
export const MAXGROUPS = 1073741823;

export const FLAG = { I: 2, L: 4, M: 8, S: 16, U: 32, X: 64, A: 256, DEBUG: 128 } as const;
export const FLAGS: Readonly<Record<string, number>> = { i: FLAG.I, L: FLAG.L, m: FLAG.M, s: FLAG.S, x: FLAG.X, a: FLAG.A, u: FLAG.U };
export const TYPE_FLAGS = FLAG.A | FLAG.L | FLAG.U;

export type Category = "d" | "D" | "s" | "S" | "w" | "W";
export type SetItem = { op: "lit"; c: number } | { op: "range"; lo: number; hi: number } | { op: "cat"; cat: Category } | { op: "negate" };
export type AtCode = "beg" | "begstr" | "end" | "endstr" | "b" | "B";

export type Item =
  | { op: "lit"; c: number }
  | { op: "notlit"; c: number }
  | { op: "any" }
  | { op: "in"; items: SetItem[] }
  | { op: "at"; at: AtCode }
  | { op: "branch"; alts: Item[][] }
  | { op: "sub"; group: number | null; add: number; del: number; p: Item[] }
  | { op: "rep"; min: number; max: number; mode: "max" | "min" | "poss"; item: Item[] }
  | { op: "atomic"; p: Item[] }
  | { op: "ref"; g: number }
  | { op: "exists"; g: number; yes: Item[]; no: Item[] | null }
  | { op: "assert"; dir: 1 | -1; neg: boolean; p: Item[] }
  | { op: "fail" };

export interface ParsedPattern {
  readonly items: Item[];
  readonly flags: number;
  /** Capturing groups + 1, as State.groups. */
  readonly groups: number;
  readonly groupdict: Map<string, number>;
  /** Per group (1-based index), its (min, max) width. */
  readonly groupwidths: ([number, number] | null)[];
}

export const DIGITS = "0123456789";
const OCTDIGITS = "01234567";
const HEXDIGITS = "0123456789abcdefABCDEF";
const ASCIILETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
export const WHITESPACE = " \t\n\r\v\f";
export const SPECIAL = ".\\[{()*+?^$|";
export const REPEAT_CHARS = "*+?{";
const ESCAPES: Readonly<Record<string, Item>> = {
  "\\a": { op: "lit", c: 7 }, "\\b": { op: "lit", c: 8 }, "\\f": { op: "lit", c: 12 }, "\\n": { op: "lit", c: 10 },
  "\\r": { op: "lit", c: 13 }, "\\t": { op: "lit", c: 9 }, "\\v": { op: "lit", c: 11 }, "\\\\": { op: "lit", c: 92 },
};
const CATEGORIES: Readonly<Record<string, Item>> = {
  "\\A": { op: "at", at: "begstr" }, "\\b": { op: "at", at: "b" }, "\\B": { op: "at", at: "B" }, "\\Z": { op: "at", at: "endstr" },
  "\\d": { op: "in", items: [{ op: "cat", cat: "d" }] }, "\\D": { op: "in", items: [{ op: "cat", cat: "D" }] },
  "\\s": { op: "in", items: [{ op: "cat", cat: "s" }] }, "\\S": { op: "in", items: [{ op: "cat", cat: "S" }] },
  "\\w": { op: "in", items: [{ op: "cat", cat: "w" }] }, "\\W": { op: "in", items: [{ op: "cat", cat: "W" }] },
};

/** Raised to parse again in verbose mode when (?x) appears inside the pattern. */
export class Verbose extends Error {}

export class Tokenizer {
  index = 0;
  next: string | null = null;
  /** sre_parse's istext: a str pattern (\u, \U, \N{} are escapes only there). */
  istext = true;
  constructor(readonly s: string[]) {
    this.advance();
  }
  private advance(): void {
    const i = this.index;
    let ch = this.s[i];
    if (ch === undefined) {
      this.next = null;
      return;
    }
    if (ch === "\\") {
      const n = this.s[i + 1];
      if (n === undefined) throw new ReError("bad escape (end of pattern)", this.s.length - 1, this.s);
      ch += n;
      this.index = i + 2;
    } else {
      this.index = i + 1;
    }
    this.next = ch;
  }
  match(ch: string): boolean {
    if (ch === this.next) {
      this.advance();
      return true;
    }
    return false;
  }
  get(): string | null {
    const t = this.next;
    this.advance();
    return t;
  }
  getwhile(n: number, set: string): string {
    let r = "";
    for (let k = 0; k < n; k++) {
      const c = this.next;
      if (c === null || c.length !== 1 || !set.includes(c)) break;
      r += c;
      this.advance();
    }
    return r;
  }
  getuntil(term: string, name: string): string {
    let r = "";
    for (;;) {
      const c = this.next;
      this.advance();
      if (c === null) {
        if (r === "") throw this.error("missing " + name);
        throw this.error(`missing ${term}, unterminated name`, [...r].length);
      }
      if (c === term) {
        if (r === "") throw this.error("missing " + name, 1);
        break;
      }
      r += c;
    }
    return r;
  }
  tell(): number {
    return this.index - (this.next === null ? 0 : [...this.next].length);
  }
  seek(i: number): void {
    this.index = i;
    this.advance();
  }
  error(msg: string, offset = 0): ReError {
    return new ReError(msg, this.tell() - offset, this.s);
  }
}

export class State {
  flags = 0;
  groupdict = new Map<string, number>();
  groupwidths: ([number, number] | null)[] = [null];
  lookbehindgroups: number | null = null;
  grouprefpos = new Map<number, number>();
  get groups(): number {
    return this.groupwidths.length;
  }
  opengroup(name: string | null): number {
    const gid = this.groups;
    this.groupwidths.push(null);
    if (this.groups > MAXGROUPS) throw new ReError("too many groups", null, null);
    if (name !== null) {
      const old = this.groupdict.get(name);
      if (old !== undefined) throw new ReError(`redefinition of group name ${pyRepr(name)} as group ${gid}; was group ${old}`, null, null);
      this.groupdict.set(name, gid);
    }
    return gid;
  }
  closegroup(gid: number, p: Item[]): void {
    this.groupwidths[gid] = getwidth(p, this);
  }
  checkgroup(gid: number): boolean {
    return gid < this.groups && this.groupwidths[gid] !== null;
  }
  checklookbehindgroup(gid: number, source: Tokenizer): void {
    if (this.lookbehindgroups !== null) {
      if (!this.checkgroup(gid)) throw source.error("cannot refer to an open group");
      if (gid >= this.lookbehindgroups) throw source.error("cannot refer to group defined in the same lookbehind subpattern");
    }
  }
}

/** repr() of a str as the messages show it (the names the parser rejects are short). */
export function pyRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0) as number;
    if (ch === "\\") out += "\\\\";
    else if (ch === q) out += "\\" + q;
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else out += ch;
  }
  return q + out + q;
}

const MAXWIDTH = MAXREPEAT - 1;

/** SubPattern.getwidth: (min, max) characters the items match. */
export function getwidth(p: readonly Item[], state: { groupwidths: ([number, number] | null)[] }): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const it of p) {
    switch (it.op) {
      case "branch": {
        let i = MAXWIDTH;
        let j = 0;
        for (const a of it.alts) {
          const [l, h] = getwidth(a, state);
          i = Math.min(i, l);
          j = Math.max(j, h);
        }
        lo += i;
        hi += j;
        break;
      }
      case "atomic":
      case "sub": {
        const [i, j] = getwidth(it.p, state);
        lo += i;
        hi += j;
        break;
      }
      case "rep": {
        const [i, j] = getwidth(it.item, state);
        lo += i * it.min;
        hi += j * it.max;
        break;
      }
      case "lit": case "notlit": case "any": case "in":
        lo += 1;
        hi += 1;
        break;
      case "ref": {
        const [i, j] = state.groupwidths[it.g] ?? [0, 0];
        lo += i;
        hi += j;
        break;
      }
      case "exists": {
        let [i, j] = getwidth(it.yes, state);
        if (it.no !== null) {
          const [l, h] = getwidth(it.no, state);
          i = Math.min(i, l);
          j = Math.max(j, h);
        } else i = 0;
        lo += i;
        hi += j;
        break;
      }
      default:
        break;
    }
  }
  return [Math.min(lo, MAXWIDTH), Math.min(hi, MAXREPEAT)];
}

export function classEscape(source: Tokenizer, escape: string): SetItem {
  const e = ESCAPES[escape];
  if (e !== undefined && e.op === "lit") return { op: "lit", c: e.c };
  const cat = CATEGORIES[escape];
  if (cat !== undefined && cat.op === "in") return cat.items[0] as SetItem;
  const lit = numericEscape(source, escape, true, null);
  if (lit !== null && lit.op === "lit") return lit;
  throw source.error(`bad escape ${escape}`, [...escape].length);
}

/** \x \u \U \N{} and octal escapes (and, outside a set, group references); null: a bad escape. */
function numericEscape(source: Tokenizer, escape: string, inClass: boolean, state: State | null): Item | null {
  const c = escape.slice(1);
  const hex = (n: number): Item => {
    const e = escape + source.getwhile(n, HEXDIGITS);
    if (e.length !== n + 2) throw source.error(`incomplete escape ${e}`, e.length);
    const v = parseInt(e.slice(2), 16);
    if (v > 0x10ffff) throw new ReError(`bad escape ${e}`, source.tell() - e.length, source.s);
    return { op: "lit", c: v };
  };
  if (c === "x") return hex(2);
  if (c === "u" && source.istext) return hex(4);
  if (c === "U" && source.istext) return hex(8);
  if (c === "N" && source.istext) throw new ReError("\\N{...} escapes in a pattern", -1, null);
  if (inClass && OCTDIGITS.includes(c)) {
    const e = escape + source.getwhile(2, OCTDIGITS);
    const v = parseInt(e.slice(1), 8);
    if (v > 0o377) throw source.error(`octal escape value ${e} outside of range 0-0o377`, e.length);
    return { op: "lit", c: v };
  }
  if (!inClass && c === "0") return { op: "lit", c: parseInt((escape + source.getwhile(2, OCTDIGITS)).slice(1), 8) };
  if (!inClass && DIGITS.includes(c) && state !== null) {
    let e = escape;
    if (source.next !== null && DIGITS.includes(source.next) && source.next.length === 1) {
      e += source.get() as string;
      if (OCTDIGITS.includes(e[1] as string) && OCTDIGITS.includes(e[2] as string) && source.next !== null && source.next.length === 1 && OCTDIGITS.includes(source.next)) {
        e += source.get() as string;
        const v = parseInt(e.slice(1), 8);
        if (v > 0o377) throw source.error(`octal escape value ${e} outside of range 0-0o377`, e.length);
        return { op: "lit", c: v };
      }
    }
    const group = parseInt(e.slice(1), 10);
    if (group < state.groups) {
      if (!state.checkgroup(group)) throw source.error("cannot refer to an open group", e.length);
      state.checklookbehindgroup(group, source);
      return { op: "ref", g: group };
    }
    throw source.error(`invalid group reference ${group}`, e.length - 1);
  }
  if (DIGITS.includes(c)) return null;
  if ([...escape].length === 2) {
    if (ASCIILETTERS.includes(c)) return null;
    return { op: "lit", c: c.codePointAt(0) as number };
  }
  return null;
}

export function escapeItem(source: Tokenizer, escape: string, state: State): Item {
  const cat = CATEGORIES[escape];
  if (cat !== undefined) return cat;
  const e = ESCAPES[escape];
  if (e !== undefined) return e;
  const r = numericEscape(source, escape, false, state);
  if (r !== null) return r;
  throw source.error(`bad escape ${escape}`, [...escape].length);
}

