// A lazy tokenizer following CPython 3.10's Parser/tokenizer.c: same tokens,
// same INDENT/DEDENT rules, same error messages and error positions.
import { isIdentChar, isIdentStart, scanNumber } from "./numberScanner.js";
import { EOF, SourceText, normalizeNewlines, span } from "./sourceText.js";
import { syntaxFailure, type PySyntaxFailure } from "./syntaxError.js";

export type TokenKind = "NAME" | "NUMBER" | "STRING" | "OP" | "NEWLINE" | "INDENT" | "DEDENT" | "ENDMARKER";

export interface Token {
  readonly kind: TokenKind;
  readonly text: string;
  readonly line: number;
  /** 1-based column; 0 for INDENT/DEDENT/ENDMARKER, which CPython gives no column. */
  readonly col: number;
  readonly endLine: number;
  readonly endCol: number;
  /** CPython's `cur - line_start` right after this token: where column-less errors point. */
  readonly curCol: number;
  /** Bracket depth after the token, like CPython's token->level. */
  readonly level: number;
  readonly start: number;
  readonly end: number;
}

export type TokenizerMode = "eval" | "exec" | "fstring";

/** Placement of an f-string field's "(expr)" source inside the real file. */
export interface TokenizerOffsets {
  /** The line number before the source's first line. */
  readonly lineBase: number;
  /** Added to columns of tokens on the first line. */
  readonly colShift: number;
}

interface OpenBracket {
  readonly ch: string;
  readonly line: number;
  readonly col: number; // 0-based, as CPython's parencolstack
}

const MAXINDENT = 100;
const MAXLEVEL = 200;
const TABSIZE = 8;
const SP = 32;
const TAB = 9;
const FF = 12;
const NL = 10;
const HASH = 35;
const BACKSLASH = 92;

const THREE_CHAR = new Set(["**=", "...", "//=", "<<=", ">>="]);
const TWO_CHAR = new Set([
  "!=", "%=", "&=", "**", "*=", "+=", "-=", "->", "//", "/=", ":=",
  "<<", "<=", "<>", "==", ">=", ">>", "@=", "^=", "|=",
]);
const XID_START = /^[\p{XID_Start}_]$/u;
const XID_CONTINUE = /^\p{XID_Continue}$/u;
const NON_PRINTABLE = /^[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]$/u;

/**
 * PEP 701 (3.12+): an f-string's replacement fields may hold any string, quoted like the f-string
 * itself, backslashes and deeper nesting. Set for the length of one parse (parse.ts).
 */
let nestedFStrings = false;

export function nestedFStringsAllowed(): boolean {
  return nestedFStrings;
}

export function withNestedFStrings<T>(on: boolean, f: () => T): T {
  const saved = nestedFStrings;
  nestedFStrings = on;
  try {
    return f();
  } finally {
    nestedFStrings = saved;
  }
}

export class Tokenizer {
  readonly src: SourceText;
  private atbol = true;
  private pendin = 0;
  private readonly indstack = [0];
  private readonly altindstack = [0];
  private readonly parens: OpenBracket[] = [];
  private readonly lenient: boolean;
  private sawLogicalLine = false;
  private readonly colShift: number;
  private readonly firstLine: number;

  constructor(source: string, mode: TokenizerMode, offsets: TokenizerOffsets = { lineBase: 0, colShift: 0 }) {
    let text = normalizeNewlines(source);
    // compile() appends a newline in exec mode only; that changes EOF positions
    if (mode !== "eval" && !text.endsWith("\n")) text += "\n";
    this.src = new SourceText(text, offsets.lineBase);
    this.lenient = mode === "eval";
    this.colShift = offsets.colShift;
    this.firstLine = offsets.lineBase + 1;
  }

  /** CPython shifts columns of tokens that end on the first line of an f-string field. */
  private shift(): number {
    return this.src.lineno === this.firstLine ? this.colShift : 0;
  }

  get level(): number {
    return this.parens.length;
  }

  get innermostBracket(): OpenBracket | undefined {
    return this.parens[this.parens.length - 1];
  }

  /** The error CPython raises for EOF (or a tokenizer error) inside brackets. */
  unclosedError(): PySyntaxFailure {
    const b = this.innermostBracket;
    const line = b?.line ?? 1;
    const col = (b?.col ?? 0) + 1;
    return syntaxFailure(`'${b?.ch ?? "("}' was never closed`, span(line, col, line, col), "tokenizerCode");
  }

  next(): Token {
    const src = this.src;
    nextline: for (;;) {
      let blankline = false;
      if (this.atbol) {
        this.atbol = false;
        let col = 0;
        let altcol = 0;
        // with a backslash continuation, the first backslash's column is the indentation
        let contLineCol = 0;
        let c: number;
        for (;;) {
          c = src.nextc();
          if (c === SP) {
            col++;
            altcol++;
          } else if (c === TAB) {
            col = (Math.floor(col / TABSIZE) + 1) * TABSIZE;
            altcol++;
          } else if (c === FF) {
            col = altcol = 0;
          } else if (c === BACKSLASH) {
            contLineCol = contLineCol || col;
            this.continuation();
          } else break;
        }
        src.backup(c);
        if (c === HASH || c === NL) blankline = true;
        if (!blankline && this.level === 0) {
          this.indent(contLineCol || col, contLineCol || altcol, c === EOF);
        }
      }
      const tokStart = src.pos;
      if (this.pendin !== 0) {
        const kind = this.pendin < 0 ? "DEDENT" : "INDENT";
        this.pendin += this.pendin < 0 ? 1 : -1;
        return this.make(kind, tokStart, tokStart, false);
      }
      for (;;) {
        let c: number;
        do c = src.nextc();
        while (c === SP || c === TAB || c === FF);
        const start = c === EOF ? src.pos : src.pos - 1;
        if (c === HASH) {
          while (c !== EOF && c !== NL) c = src.nextc();
        }
        if (c === EOF) {
          if (this.level > 0) throw this.unclosedError();
          return this.make("ENDMARKER", src.pos, src.pos, false);
        }
        if (isIdentStart(c)) return this.nameOrString(c, start);
        if (c === NL) {
          this.atbol = true;
          if (blankline || this.level > 0) continue nextline;
          // a comment before the newline starts the NEWLINE token, as in CPython
          return this.make("NEWLINE", start, src.pos - 1, true);
        }
        if (c === 46 /* . */) {
          const c2 = src.nextc();
          if (c2 >= 48 && c2 <= 57) {
            scanNumber(src, c2, start, true);
            return this.make("NUMBER", start, src.pos, true);
          }
          if (c2 === 46) {
            const c3 = src.nextc();
            if (c3 === 46) return this.make("OP", start, src.pos, true);
            src.backup(c3);
          }
          src.backup(c2);
          return this.make("OP", start, src.pos, true);
        }
        if (c >= 48 && c <= 57) {
          scanNumber(src, c, start, false);
          return this.make("NUMBER", start, src.pos, true);
        }
        if (c === 34 || c === 39) return this.string(c, start);
        if (c === BACKSLASH) {
          this.continuation();
          continue;
        }
        return this.operator(c, start);
      }
    }
  }

  /** tok_continuation_line: a backslash must end its line, and input must follow. */
  private continuation(): void {
    const src = this.src;
    let c = src.nextc();
    if (c !== NL) {
      const col = src.colOf(src.pos);
      const msg = "unexpected character after line continuation character";
      throw syntaxFailure(msg, span(src.lineno, col, src.lineno, col), "tokenizerCode");
    }
    c = src.nextc();
    if (c === EOF) {
      if (this.level > 0) throw this.unclosedError();
      const col = src.colOf(src.pos);
      throw syntaxFailure("unexpected EOF while parsing", span(src.lineno, col, src.lineno, col), "tokenizerCode");
    }
    src.backup(c);
  }

  private indent(col: number, altcol: number, atEof: boolean): void {
    const src = this.src;
    if (this.lenient) {
      // parseExpression has no blocks: it takes the first line's indentation
      // as the base, and text on later lines or at the end is never indented
      if (atEof) return;
      if (!this.sawLogicalLine || col < (this.indstack[0] ?? 0)) {
        this.indstack[0] = col;
        this.altindstack[0] = altcol;
      }
    }
    this.sawLogicalLine = true;
    let top = this.indstack.length - 1;
    const tabError = (): PySyntaxFailure =>
      syntaxFailure(
        "inconsistent use of tabs and spaces in indentation",
        span(src.lineno, 1, src.lineno, 0),
        "tokenizerCode",
        "TabError",
      );
    if (col === this.indstack[top]) {
      if (altcol !== this.altindstack[top]) throw tabError();
    } else if (col > (this.indstack[top] ?? 0)) {
      if (top + 1 >= MAXINDENT) {
        throw syntaxFailure("too many levels of indentation", span(src.lineno, 1, src.lineno, 0), "tokenizerCode", "IndentationError");
      }
      if (altcol <= (this.altindstack[top] ?? 0)) throw tabError();
      this.pendin++;
      this.indstack.push(col);
      this.altindstack.push(altcol);
    } else {
      while (top > 0 && col < (this.indstack[top] ?? 0)) {
        this.pendin--;
        this.indstack.pop();
        this.altindstack.pop();
        top--;
      }
      if (col !== this.indstack[top]) {
        const c = src.colOf(src.lineInp);
        throw syntaxFailure(
          "unindent does not match any outer indentation level",
          span(src.lineno, c, src.lineno, c),
          "tokenizerCode",
          "IndentationError",
        );
      }
      if (altcol !== this.altindstack[top]) throw tabError();
    }
  }

  private nameOrString(first: number, start: number): Token {
    const src = this.src;
    let c = first;
    let sawB = false;
    let sawR = false;
    let sawU = false;
    let sawF = false;
    for (;;) {
      const lower = c | 0x20;
      if (!(sawB || sawU || sawF) && lower === 98) sawB = true;
      else if (!(sawB || sawU || sawR || sawF) && lower === 117) sawU = true;
      else if (!(sawR || sawU) && lower === 114) sawR = true;
      else if (!(sawF || sawB || sawU) && lower === 102) sawF = true;
      else break;
      c = src.nextc();
      if (c === 34 || c === 39) return this.string(c, start, sawF);
    }
    let nonascii = false;
    while (isIdentChar(c)) {
      if (c >= 128) nonascii = true;
      c = src.nextc();
    }
    src.backup(c);
    if (nonascii) this.verifyIdentifier(start);
    return this.make("NAME", start, src.pos, true);
  }

  private verifyIdentifier(start: number): void {
    const src = this.src;
    const chars = Array.from(src.text.slice(start, src.pos));
    const bad = chars.findIndex((ch, i) => !(i === 0 ? XID_START : XID_CONTINUE).test(ch));
    if (bad < 0) return;
    const ch = chars[bad] ?? "";
    src.pos = start + chars.slice(0, bad + 1).join("").length;
    const hex = (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0");
    throw src.errorHere(
      NON_PRINTABLE.test(ch) ? `invalid non-printable character U+${hex}` : `invalid character '${ch}' (U+${hex})`,
    );
  }

  private string(quote: number, start: number, fstring = false): Token {
    const src = this.src;
    const firstLine = src.lineno;
    const firstLineStart = src.lineStart;
    let quoteSize = 1;
    let endQuoteSize = 0;
    let c = src.nextc();
    if (c === quote) {
      c = src.nextc();
      if (c === quote) quoteSize = 3;
      else endQuoteSize = 1;
    }
    if (c !== quote) src.backup(c);
    // PEP 701: inside a replacement field ({...}, depth > 0) strings and newlines belong to the expression.
    let depth = 0;
    const nested = fstring && nestedFStrings;
    while (endQuoteSize !== quoteSize) {
      c = src.nextc();
      if (nested && depth > 0 && c !== EOF) {
        if (c === 123) depth++;
        else if (c === 125) depth--;
        else if (c === 34 || c === 39) this.nestedString(c);
        continue;
      }
      if (nested && c === 123) {
        const c2 = src.nextc();
        if (c2 !== 123) {
          src.backup(c2);
          depth = 1;
        }
        endQuoteSize = 0;
        continue;
      }
      if (c === EOF || (quoteSize === 1 && c === NL)) {
        const detected = src.lineno;
        const col = src.colOf(start, firstLineStart) + 1;
        const what = quoteSize === 3 ? "unterminated triple-quoted string literal" : "unterminated string literal";
        throw syntaxFailure(`${what} (detected at line ${detected})`, span(firstLine, col, firstLine, col), "tokenizer");
      }
      if (c === quote) endQuoteSize++;
      else {
        endQuoteSize = 0;
        if (c === 92) src.nextc();
      }
    }
    return this.makeString(start, firstLine, firstLineStart);
  }

  /** A string inside an f-string's replacement field (PEP 701): skipped to its end; an f-string one with its own fields. */
  private nestedString(quote: number): void {
    const src = this.src;
    const text = src.text;
    // The prefix letters just read before the quote say whether it is an f-string.
    let k = src.pos - 2;
    let letters = "";
    while (k >= 0 && /[\w]/.test(text[k] ?? "")) letters = (text[k--] ?? "") + letters;
    const isF = letters.length <= 2 && /^[rRbBuUfF]*$/.test(letters) && /[fF]/.test(letters);
    const start = src.pos - 1;
    this.string(quote, start, isF);
  }

  private operator(c: number, start: number): Token {
    const src = this.src;
    const c2 = src.nextc();
    // every two-character operator ends in one of = * / < > -
    if (c2 === 61 || c2 === 42 || c2 === 47 || c2 === 60 || c2 === 62 || c2 === 45) {
      const two = String.fromCharCode(c, c2);
      if (TWO_CHAR.has(two)) {
        const c3 = src.nextc();
        if (c3 === EOF || !THREE_CHAR.has(two + String.fromCharCode(c3))) src.backup(c3);
      } else src.backup(c2);
    } else src.backup(c2);
    if (c === 40 || c === 91 || c === 123) {
      if (this.level >= MAXLEVEL) throw src.errorHere("too many nested parentheses");
      this.parens.push({ ch: String.fromCharCode(c), line: src.lineno, col: src.colOf(start) });
    } else if (c === 41 || c === 93 || c === 125) {
      const ch = String.fromCharCode(c);
      const open = this.parens.pop();
      if (!open) throw src.errorHere(`unmatched '${ch}'`);
      const expected = open.ch === "(" ? ")" : open.ch === "[" ? "]" : "}";
      if (ch !== expected) {
        const where = open.line !== src.lineno ? ` on line ${open.line}` : "";
        throw src.errorHere(`closing parenthesis '${ch}' does not match opening parenthesis '${open.ch}'${where}`);
      }
    }
    return this.make("OP", start, src.pos, true);
  }

  private make(kind: TokenKind, start: number, end: number, hasCol: boolean): Token {
    const src = this.src;
    const line = src.lineno;
    const curCol = src.colOf(src.pos);
    const col = hasCol ? src.colOf(start) + 1 + this.shift() : 0;
    const endCol = hasCol ? src.colOf(end) + 1 + this.shift() : 0;
    const text = src.text.slice(start, end);
    return { kind, text, line, col, endLine: line, endCol, curCol, level: this.level, start, end };
  }

  private makeString(start: number, firstLine: number, firstLineStart: number): Token {
    const src = this.src;
    return {
      kind: "STRING",
      text: src.text.slice(start, src.pos),
      line: firstLine,
      col: src.colOf(start, firstLineStart) + 1 + this.shift(),
      endLine: src.lineno,
      endCol: src.colOf(src.pos) + 1 + this.shift(),
      curCol: src.colOf(src.pos),
      level: this.level,
      start,
      end: src.pos,
    };
  }
}
