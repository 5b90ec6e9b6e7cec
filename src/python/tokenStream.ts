// Token access for the parser: lazy fetching, backtracking for the few places
// that emulate CPython's second ("invalid_*" rules) pass, depth guarding, and
// error construction at the positions CPython's pegen reports.
import type { Expr, Span } from "./ast.js";
import { MAX_NESTING, PySyntaxFailure, TOO_DEEP_MESSAGE, syntaxFailure, type PySyntaxErrorType } from "./syntaxError.js";
import type { Token, Tokenizer } from "./tokenizer.js";

const KEYWORDS = new Set([
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
  "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
  "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield",
]);

/** A generic "invalid syntax": the only failure backtracking may swallow. */
export class GenericFailure extends PySyntaxFailure {}

export class TokenStream {
  protected readonly tokens: Token[] = [];
  protected pos = 0;
  /** Tokens fetched outside emulated second-pass lookahead; generic errors point at the last. */
  private furthest = 0;
  private speculating = 0;
  /** CPython's call_invalid_rules, switched off inside *_without_invalid rules. */
  protected invalidChecks = true;
  protected depth: number;

  constructor(protected readonly tokenizer: Tokenizer, initialDepth = 0) {
    this.depth = initialDepth;
  }

  protected peek(k = 0): Token {
    const i = this.pos + k;
    while (this.tokens.length <= i) {
      const last = this.tokens[this.tokens.length - 1];
      if (last !== undefined && last.kind === "ENDMARKER") return last;
      this.tokens.push(this.tokenizer.next());
    }
    if (this.speculating === 0 && i >= this.furthest) this.furthest = i + 1;
    return this.tokens[i] as Token;
  }

  protected advance(): Token {
    const t = this.peek();
    this.pos++;
    return t;
  }

  /** The token just consumed. */
  protected prev(): Token {
    return this.tokens[this.pos - 1] ?? this.peek();
  }

  protected isOp(op: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === "OP" && t.text === op;
  }

  protected isKw(kw: string, k = 0): boolean {
    const t = this.peek(k);
    return t.kind === "NAME" && t.text === kw;
  }

  protected isName(k = 0): boolean {
    const t = this.peek(k);
    return t.kind === "NAME" && !KEYWORDS.has(t.text);
  }

  protected eatOp(op: string): boolean {
    if (!this.isOp(op)) return false;
    this.pos++;
    return true;
  }

  protected eatKw(kw: string): boolean {
    if (!this.isKw(kw)) return false;
    this.pos++;
    return true;
  }

  protected expectOp(op: string): Token {
    if (!this.isOp(op)) throw this.generic();
    return this.advance();
  }

  protected expectKw(kw: string): Token {
    if (!this.isKw(kw)) throw this.generic();
    return this.advance();
  }

  protected expectName(): Token {
    if (!this.isName()) throw this.generic();
    return this.advance();
  }

  /** CPython's forced token (`&&':'`): fails at once with "expected ':'". */
  protected forceOp(op: string): Token {
    if (!this.isOp(op)) throw this.errorAtToken(`expected '${op}'`, this.peek());
    return this.advance();
  }

  /** Runs emulated second-pass lookahead; a generic failure rewinds and yields null. */
  protected attempt<T>(f: () => T): T | null {
    this.speculating++;
    try {
      return this.alt(f);
    } finally {
      this.speculating--;
    }
  }

  /** A first-pass PEG alternative: on a generic failure rewind and yield null. */
  protected alt<T>(f: () => T): T | null {
    const pos = this.pos;
    const depth = this.depth;
    try {
      return f();
    } catch (e) {
      if (!(e instanceof GenericFailure)) throw e;
      this.pos = pos;
      this.depth = depth;
      return null;
    }
  }

  /** Like attempt (or alt, for the first pass), with invalid_* checks off (CPython's *_without_invalid rules). */
  protected attemptWithoutInvalid<T>(f: () => T, firstPass = false): T | null {
    const saved = this.invalidChecks;
    this.invalidChecks = false;
    try {
      return firstPass ? this.alt(f) : this.attempt(f);
    } finally {
      this.invalidChecks = saved;
    }
  }

  /**
   * CPython memoizes left-recursive rules (primary, the binary-operator
   * chain): once one succeeded at a position with the invalid_* checks off
   * (inside expression_without_invalid), later parses there reuse that result
   * unchecked. Keys are rule@position.
   */
  private readonly uncheckedMemo = new Set<string>();

  /** Whether memoized() can differ from a plain call (keeps the common path cheap). */
  protected memoActive(): boolean {
    return !this.invalidChecks || this.uncheckedMemo.size > 0;
  }

  protected memoized<T>(rule: string, f: () => T): T {
    const key = `${rule}@${this.pos}`;
    if (!this.invalidChecks) {
      const result = f();
      if (this.speculating > 0) this.uncheckedMemo.add(key);
      return result;
    }
    if (!this.uncheckedMemo.has(key)) return f();
    this.invalidChecks = false;
    try {
      return f();
    } finally {
      this.invalidChecks = true;
    }
  }

  /** Optional continuation of a rule: PEG backtracks it in the emulated second pass. */
  protected partial<T>(f: () => T): T | null {
    return this.speculating > 0 ? this.alt(f) : f();
  }

  protected enter(): void {
    if (++this.depth > MAX_NESTING) {
      const t = this.peek();
      throw syntaxFailure(TOO_DEEP_MESSAGE, { line: t.line, col: t.col, endLine: t.endLine, endCol: t.endCol });
    }
  }

  protected leave(): void {
    this.depth--;
  }

  /** "invalid syntax" at the furthest token of the first pass, as _PyPegen_run_parser does. */
  protected generic(): PySyntaxFailure {
    const t = this.tokens[this.furthest - 1] ?? this.peek();
    if (t.kind === "INDENT" || t.kind === "DEDENT") {
      const msg = t.kind === "INDENT" ? "unexpected indent" : "unexpected unindent";
      const span = { line: t.line, col: t.curCol, endLine: t.line, endCol: -1 };
      return new GenericFailure({ type: "IndentationError", message: msg, span }, "parser");
    }
    const span = { line: t.line, col: t.col, endLine: t.endLine, endCol: t.endCol };
    return new GenericFailure({ type: "SyntaxError", message: "invalid syntax", span }, "parser");
  }

  protected errorAtToken(message: string, t: Token, type: PySyntaxErrorType = "SyntaxError"): PySyntaxFailure {
    return syntaxFailure(message, { line: t.line, col: t.col, endLine: t.endLine, endCol: t.endCol }, "parser", type);
  }

  /** RAISE_SYNTAX_ERROR_KNOWN_LOCATION / _RANGE on nodes. */
  protected errorAt(message: string, a: { readonly span: Span }, b: { readonly span: Span } = a): PySyntaxFailure {
    const span = { line: a.span.line, col: a.span.col, endLine: b.span.endLine, endCol: b.span.endCol };
    return syntaxFailure(message, span, "parser");
  }

  /** RAISE_SYNTAX_ERROR without location: the last token fetched, or the cursor if it has no column. */
  protected errorAtLast(message: string, type: PySyntaxErrorType = "SyntaxError"): PySyntaxFailure {
    const t = this.tokens[this.tokens.length - 1] ?? this.peek();
    const col = t.col > 0 ? t.col : t.curCol;
    return syntaxFailure(message, { line: t.line, col, endLine: t.endLine, endCol: t.col > 0 ? t.endCol : -1 }, "parser", type);
  }

  protected spanFrom(start: Token | { readonly span: Span }, end: Token | { readonly span: Span } = this.prev()): Span {
    const s = "span" in start ? start.span : start;
    const e = "span" in end ? end.span : end;
    return { line: s.line, col: s.col, endLine: e.endLine, endCol: e.endCol };
  }

  protected isKeyword(t: Token): boolean {
    return t.kind === "NAME" && KEYWORDS.has(t.text);
  }

  /** Tokens that may begin an `expression` (used by the "forgot a comma" check). */
  protected startsExpression(t: Token): boolean {
    if (t.kind === "NUMBER" || t.kind === "STRING") return true;
    if (t.kind === "NAME") {
      return !KEYWORDS.has(t.text) || ["not", "lambda", "await", "None", "True", "False"].includes(t.text);
    }
    return t.kind === "OP" && ["(", "[", "{", "-", "+", "~", "..."].includes(t.text);
  }

  /** The last token fetched, for callers that report after the parse ended. */
  lastToken(): Token {
    return this.tokens[this.tokens.length - 1] ?? this.peek();
  }

  protected nameExpr(t: Token): Expr {
    return { kind: "Name", id: identifier(t), span: this.spanFrom(t, t) };
  }
}

/** CPython stores non-ASCII identifiers NFKC-normalized. */
export function identifier(t: Token): string {
  // eslint-disable-next-line no-control-regex
  return /^[\x00-\x7f]*$/.test(t.text) ? t.text : t.text.normalize("NFKC");
}
