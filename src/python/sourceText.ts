// A normalized source with a character cursor, mirroring the string reader of
// CPython 3.10's tokenizer (tok_nextc / tok_backup), so error columns computed
// from "cur - line_start" come out exactly as CPython's.
import type { Span } from "./ast.js";
import { syntaxFailure, type PySyntaxFailure } from "./syntaxError.js";

export const EOF = -1;

export class SourceText {
  readonly text: string;
  pos = 0;
  lineno = 0;
  lineStart = 0;
  private lineEnd = 0;
  // UTF-16 offsets of surrogate pairs; columns count code points, not units.
  private readonly astral: number[] = [];

  constructor(text: string, lineBase = 0) {
    this.text = text;
    this.lineno = lineBase;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
        const d = text.charCodeAt(i + 1);
        if (d >= 0xdc00 && d <= 0xdfff) this.astral.push(i++);
      }
    }
  }

  /** Next UTF-16 unit, or EOF; crossing a newline starts the next line lazily like tok_underflow. */
  nextc(): number {
    if (this.pos >= this.text.length) return EOF;
    if (this.pos === this.lineEnd) {
      this.lineno++;
      this.lineStart = this.pos;
      const nl = this.text.indexOf("\n", this.pos);
      this.lineEnd = nl < 0 ? this.text.length : nl + 1;
    }
    return this.text.charCodeAt(this.pos++);
  }

  backup(c: number): void {
    if (c !== EOF) this.pos--;
  }

  /** End of the current line (CPython's tok->inp). */
  get lineInp(): number {
    return this.lineEnd;
  }

  /** Number of code points in text[from, to). */
  codePoints(from: number, to: number): number {
    if (to <= from) return to - from;
    if (this.astral.length === 0) return to - from;
    return to - from - (this.astralBefore(to) - this.astralBefore(from));
  }

  private astralBefore(pos: number): number {
    // count of surrogate-pair starts strictly before pos
    let lo = 0;
    let hi = this.astral.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.astral[mid] ?? 0) < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** 0-based code point column of pos relative to a line start. */
  colOf(pos: number, lineStart = this.lineStart): number {
    return this.codePoints(lineStart, pos);
  }

  /** CPython's syntaxerror(): column is the count of characters before cur. */
  errorHere(message: string, endCol?: number): PySyntaxFailure {
    const col = this.colOf(this.pos);
    return syntaxFailure(message, span(this.lineno, col, this.lineno, endCol ?? col), "tokenizer");
  }
}

export function span(line: number, col: number, endLine: number, endCol: number): Span {
  return { line, col, endLine, endCol };
}

/** CPython's newline translation: \r\n and lone \r become \n. */
export function normalizeNewlines(source: string): string {
  return source.indexOf("\r") < 0 ? source : source.replace(/\r\n?/g, "\n");
}
