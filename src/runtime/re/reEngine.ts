// A backtracking matcher that follows Modules/sre_lib.h SRE(match): the same
// order of trying alternatives and repeat counts, the same MARK bookkeeping
// (lastmark, lastindex, and which constructs save and restore the marks), the
// same zero-width protection of REPEAT (last_ptr) and the toplevel checks of
// SUCCESS (fullmatch's match_all, the must_advance of findall/sub/split after
// an empty match), so the match found and its group spans are CPython's.
// Every step is counted against the evaluation's work budget.
import { chargeSteps } from "../ctx.js";
import { PymemError } from "../errors.js";
import { isWordU, type Node, type Unit } from "./reCompile.js";

type K = (pos: number) => boolean;

interface Rep {
  count: number;
  lastPtr: number;
  readonly node: Node & { k: "rep" };
  readonly prev: Rep | null;
}

export interface EngineRules {
  /** REPEAT_ONE and MIN_REPEAT_ONE push the marks inside a REPEAT (bpo-35859, 3.11+). */
  readonly repeatOnePushesMarks: boolean;
}

const STEP_BATCH = 2048;

export class Engine {
  marks: number[];
  lastmark = -1;
  lastindex = -1;
  private repeat: Rep | null = null;
  private steps = 0;
  matchAll = false;
  mustAdvance = false;
  start = 0;
  endPos = -1;

  constructor(
    readonly s: readonly number[],
    readonly end: number,
    readonly groups: number,
    readonly rules: EngineRules,
  ) {
    this.marks = new Array<number>(groups * 2).fill(-1);
  }

  private tick(): void {
    if (++this.steps >= STEP_BATCH) {
      chargeSteps(this.steps);
      this.steps = 0;
    }
  }

  /** SRE(match) at `start` with toplevel set. */
  matchAt(code: readonly Node[], start: number): boolean {
    this.lastmark = -1;
    this.lastindex = -1;
    this.repeat = null;
    this.start = start;
    try {
      return this.seq(code, 0, start, (p) => {
        if ((this.matchAll && p !== this.end) || (this.mustAdvance && p === this.start)) return false;
        this.endPos = p;
        return true;
      });
    } catch (e) {
      if (e instanceof RangeError) throw new PymemError("LIMIT", "a regular expression that backtracks deeper than pymem's stack allows");
      throw e;
    }
  }

  /** sre_search: each start from `pos` on; must_advance holds at the first only. */
  search(code: readonly Node[], pos: number): number {
    for (let p = pos; p <= this.end; p++) {
      if (this.matchAt(code, p)) return p;
      this.mustAdvance = false;
    }
    return -1;
  }

  private saveMarks(): number[] {
    return this.marks.slice(0, this.lastmark + 1);
  }

  private restoreMarks(saved: readonly number[]): void {
    for (let j = 0; j < saved.length; j++) this.marks[j] = saved[j] as number;
  }

  private at(n: Node & { k: "at" }, p: number): boolean {
    const s = this.s;
    switch (n.at) {
      case "beg":
      case "begstr":
        return p === 0;
      case "begline":
        return p === 0 || s[p - 1] === 10;
      case "end":
        return p === this.end || (p + 1 === this.end && s[p] === 10);
      case "endline":
        return p === this.end || s[p] === 10;
      case "endstr":
        return p === this.end;
      case "b":
      case "B": {
        if (p === 0 && p === this.end) return false;
        const word = n.ascii ? (c: number): boolean => c < 128 && isWordU(c) : isWordU;
        const thisp = p < this.end && word(s[p] as number);
        const thatp = p > 0 && word(s[p - 1] as number);
        return n.at === "b" ? thisp !== thatp : thisp === thatp;
      }
    }
  }

  private count(f: Unit, p: number, max: number): number {
    const lim = Math.min(this.end, max === Infinity ? this.end : p + max);
    let q = p;
    while (q < lim && f(this.s[q] as number)) q++;
    this.steps += (q - p) >> 3;
    return q - p;
  }

  private groupSpan(g: number): [number, number] | null {
    const i = (g - 1) * 2;
    if (i >= this.lastmark) return null;
    const a = this.marks[i] as number;
    const b = this.marks[i + 1] as number;
    if (a < 0 || b < 0 || b < a) return null;
    return [a, b];
  }

  seq(nodes: readonly Node[], i: number, pos: number, k: K): boolean {
    const s = this.s;
    for (; i < nodes.length; i++) {
      this.tick();
      const n = nodes[i] as Node;
      switch (n.k) {
        case "unit":
          if (pos >= this.end || !n.f(s[pos] as number)) return false;
          pos++;
          break;
        case "at":
          if (!this.at(n, pos)) return false;
          break;
        case "mark": {
          const m = n.i;
          if (m & 1) this.lastindex = (m >> 1) + 1;
          if (m > this.lastmark) {
            for (let j = this.lastmark + 1; j < m; j++) this.marks[j] = -1;
            this.lastmark = m;
          }
          this.marks[m] = pos;
          break;
        }
        case "fail":
          return false;
        case "ref": {
          const span = this.groupSpan(n.g);
          if (span === null) return false;
          const len = span[1] - span[0];
          if (pos + len > this.end) return false;
          for (let j = 0; j < len; j++) {
            const a = s[span[0] + j] as number;
            const b = s[pos + j] as number;
            if (a !== b && !(n.fold !== null && n.fold(a) === n.fold(b))) return false;
          }
          pos += len;
          break;
        }
        default: {
          const rest = i + 1 === nodes.length ? k : (p: number): boolean => this.seq(nodes, i + 1, p, k);
          return this.complex(n, pos, rest);
        }
      }
    }
    return k(pos);
  }

  private complex(n: Node, pos: number, k: K): boolean {
    switch (n.k) {
      case "branch":
        return this.branch(n.alts, pos, k);
      case "rep":
        if (n.one !== null) return n.mode === "max" ? this.repeatOne(n.one, n.min, n.max, pos, k) : n.mode === "min" ? this.minRepeatOne(n.one, n.min, n.max, pos, k) : this.possessive(n, pos, k);
        if (n.mode === "poss") return this.possessive(n, pos, k);
        return this.repeatStart(n, pos, k);
      case "exists": {
        const yes = this.groupSpan(n.g) !== null;
        return this.seq(yes ? n.yes : n.no, 0, pos, k);
      }
      case "assert":
        return this.assertion(n, pos, k);
      case "atomic": {
        let endp = -1;
        if (!this.seq(n.body, 0, pos, (p) => ((endp = p), true))) return false;
        return k(endp);
      }
      default:
        return false;
    }
  }

  private branch(alts: readonly (readonly Node[])[], pos: number, k: K): boolean {
    const lastmark = this.lastmark;
    const lastindex = this.lastindex;
    const pushed = this.repeat !== null ? this.saveMarks() : null;
    for (const alt of alts) {
      if (this.seq(alt, 0, pos, k)) return true;
      if (pushed !== null) this.restoreMarks(pushed);
      this.lastmark = lastmark;
      this.lastindex = lastindex;
    }
    return false;
  }

  private repeatOne(f: Unit, min: number, max: number, pos: number, k: K): boolean {
    if (pos + min > this.end) return false;
    let count = this.count(f, pos, max);
    if (count < min) return false;
    const lastmark = this.lastmark;
    const lastindex = this.lastindex;
    const pushed = this.rules.repeatOnePushesMarks && this.repeat !== null ? this.saveMarks() : null;
    while (count >= min) {
      this.tick();
      if (k(pos + count)) return true;
      count--;
      if (pushed !== null) this.restoreMarks(pushed);
      this.lastmark = lastmark;
      this.lastindex = lastindex;
    }
    return false;
  }

  private minRepeatOne(f: Unit, min: number, max: number, pos: number, k: K): boolean {
    if (pos + min > this.end) return false;
    let count = 0;
    if (min > 0) {
      count = this.count(f, pos, min);
      if (count < min) return false;
    }
    const lastmark = this.lastmark;
    const lastindex = this.lastindex;
    const pushed = this.rules.repeatOnePushesMarks && this.repeat !== null ? this.saveMarks() : null;
    while (max === Infinity || count <= max) {
      this.tick();
      if (k(pos + count)) return true;
      const p = pos + count;
      if (p >= this.end || !f(this.s[p] as number)) break;
      count++;
      if (pushed !== null) this.restoreMarks(pushed);
      this.lastmark = lastmark;
      this.lastindex = lastindex;
    }
    return false;
  }

  private repeatStart(n: Node & { k: "rep" }, pos: number, k: K): boolean {
    const rep: Rep = { count: -1, lastPtr: -1, node: n, prev: this.repeat };
    this.repeat = rep;
    const ok = n.mode === "max" ? this.maxUntil(rep, pos, k) : this.minUntil(rep, pos, k);
    this.repeat = rep.prev;
    return ok;
  }

  /** MAX_UNTIL and MIN_UNTIL below the minimum: one more iteration, no choice. */
  private mandatory(rep: Rep, count: number, pos: number, again: K): boolean {
    rep.count = count;
    if (this.seq(rep.node.body, 0, pos, again)) return true;
    rep.count = count - 1;
    return false;
  }

  private maxUntil(rep: Rep, pos: number, k: K): boolean {
    const { min, max, body } = rep.node;
    const count = rep.count + 1;
    const again = (p: number): boolean => this.maxUntil(rep, p, k);
    if (count < min) return this.mandatory(rep, count, pos, again);
    if (count < max && pos !== rep.lastPtr) {
      rep.count = count;
      const lastmark = this.lastmark;
      const lastindex = this.lastindex;
      const pushed = this.saveMarks();
      const savedLast = rep.lastPtr;
      rep.lastPtr = pos;
      const ok = this.seq(body, 0, pos, again);
      rep.lastPtr = savedLast;
      if (ok) return true;
      this.restoreMarks(pushed);
      this.lastmark = lastmark;
      this.lastindex = lastindex;
      rep.count = count - 1;
    }
    this.repeat = rep.prev;
    const ok = k(pos);
    this.repeat = rep;
    return ok;
  }

  private minUntil(rep: Rep, pos: number, k: K): boolean {
    const { min, max, body } = rep.node;
    const count = rep.count + 1;
    const again = (p: number): boolean => this.minUntil(rep, p, k);
    if (count < min) return this.mandatory(rep, count, pos, again);
    const lastmark = this.lastmark;
    const lastindex = this.lastindex;
    this.repeat = rep.prev;
    const ok = k(pos);
    this.repeat = rep;
    if (ok) return true;
    this.lastmark = lastmark;
    this.lastindex = lastindex;
    if (count >= max || pos === rep.lastPtr) return false;
    rep.count = count;
    const savedLast = rep.lastPtr;
    rep.lastPtr = pos;
    const ok2 = this.seq(body, 0, pos, again);
    rep.lastPtr = savedLast;
    if (ok2) return true;
    rep.count = count - 1;
    return false;
  }

  /** POSSESSIVE_REPEAT(_ONE), 3.11+: as many iterations as match, each kept, never given back. */
  private possessive(n: Node & { k: "rep" }, pos: number, k: K): boolean {
    let count = 0;
    let p = pos;
    const body: readonly Node[] = n.one !== null ? [{ k: "unit", f: n.one }] : n.body;
    while (count < n.max) {
      const lastmark = this.lastmark;
      const lastindex = this.lastindex;
      const pushed = this.saveMarks();
      let endp = -1;
      if (!this.seq(body, 0, p, (q) => ((endp = q), true))) {
        this.restoreMarks(pushed);
        this.lastmark = lastmark;
        this.lastindex = lastindex;
        break;
      }
      count++;
      if (endp === p && count >= n.min) break;
      p = endp;
    }
    if (count < n.min) return false;
    return k(p);
  }

  private assertion(n: Node & { k: "assert" }, pos: number, k: K): boolean {
    const from = pos - n.back;
    if (!n.neg) {
      if (from < 0) return false;
      if (!this.seq(n.body, 0, from, () => true)) return false;
      return k(pos);
    }
    if (from >= 0) {
      const lastmark = this.lastmark;
      const lastindex = this.lastindex;
      const pushed = this.repeat !== null ? this.saveMarks() : null;
      if (this.seq(n.body, 0, from, () => true)) return false;
      if (pushed !== null) this.restoreMarks(pushed);
      this.lastmark = lastmark;
      this.lastindex = lastindex;
    }
    return k(pos);
  }

  /** The span of group g (0: the match) after a successful match, or null when it did not take part. */
  span(g: number, matchStart: number): [number, number] | null {
    if (g === 0) return [matchStart, this.endPos];
    const i = (g - 1) * 2;
    if (i + 1 > this.lastmark) return null;
    const a = this.marks[i] as number;
    const b = this.marks[i + 1] as number;
    return a < 0 || b < 0 ? null : [a, b];
  }
}

