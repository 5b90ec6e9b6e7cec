// The searching loops of _sre.c over one pattern and subject: match, search,
// fullmatch, and the scanner that findall, finditer, sub and split share
// (each next search starting where the last match ended, must_advance after
// an empty match).
import { ctx } from "../ctx.js";
import { PymemError, typeError } from "../errors.js";
import { subOf, typeName, type PyByteArrayObj, type PyBytesObj, type PyObj, type PyStrObj } from "../objects.js";
import { Engine } from "./reEngine.js";
import { subjectOf, type MatchData, type Subject } from "./reMatchObject.js";
import type { Pattern } from "./rePattern.js";

export function subjectArg(o: PyObj | undefined, isbytes: boolean): PyStrObj | PyBytesObj | PyByteArrayObj {
  if (o === undefined) throw typeError("missing required argument 'string'");
  if (isbytes) {
    if (o.t === "str") throw typeError("cannot use a bytes pattern on a string-like object");
    if (o.t !== "bytes" && o.t !== "bytearray") throw new PymemError("UNSUPPORTED", `a bytes pattern over a '${typeName(o)}'`);
    if (subOf(o) !== undefined) throw new PymemError("UNSUPPORTED", "a bytes subclass as the subject of a regular expression");
    return o;
  }
  if (o.t === "bytes" || o.t === "bytearray") throw typeError("cannot use a string pattern on a bytes-like object");
  if (o.t !== "str") throw new PymemError("UNSUPPORTED", `a regular expression over a '${typeName(o)}'`);
  if (subOf(o) !== undefined) throw new PymemError("UNSUPPORTED", "a str subclass as the subject of a regular expression is not supported by pymem yet");
  return o;
}

export class Scanner {
  readonly subject: Subject;
  readonly engine: Engine;
  start: number;
  readonly pos: number;

  constructor(
    readonly pattern: Pattern,
    str: PyStrObj | PyBytesObj | PyByteArrayObj,
    pos = 0,
    endpos = Number.MAX_SAFE_INTEGER,
  ) {
    this.subject = subjectOf(str);
    const len = this.subject.cps.length;
    this.pos = Math.min(Math.max(pos, 0), len);
    const end = Math.min(Math.max(endpos, 0), len);
    this.start = this.pos;
    this.engine = new Engine(this.subject.cps, end, pattern.groups, { repeatOnePushesMarks: ctx().layout.rules.re.repeatOnePushesMarks });
  }

  get end(): number {
    return this.engine.end;
  }

  private data(start: number): MatchData {
    const e = this.engine;
    const spans: ([number, number] | null)[] = [];
    for (let g = 0; g <= this.pattern.groups; g++) spans.push(e.span(g, start));
    return { pattern: this.pattern, subject: this.subject, spans, lastindex: e.lastindex, pos: this.pos, endpos: this.end };
  }

  /** pattern.match / fullmatch at pos. */
  matchHere(all: boolean): MatchData | null {
    if (this.start > this.end) return null;
    this.engine.matchAll = all;
    return this.engine.matchAt(this.pattern.code, this.start) ? this.data(this.start) : null;
  }

  /** The next match from `start` on (sre_search), advancing past it. */
  next(): MatchData | null {
    if (this.start > this.end) return null;
    const at = this.engine.search(this.pattern.code, this.start);
    if (at < 0) {
      this.start = this.end + 1;
      return null;
    }
    const m = this.data(at);
    const endp = this.engine.endPos;
    this.engine.mustAdvance = endp === at;
    this.start = endp;
    return m;
  }
}
