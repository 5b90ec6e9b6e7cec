// What string_parser.c's callers share: the FstringParser-like accumulator
// of a JoinedStr, token spans, and the mapping of literal decoding errors to
// syntax errors. Both strings.ts (the atom) and fstring.ts (f-string bodies)
// build on it.
import type { ConstValue, Expr, Span } from "./ast.js";
import type { FStringHost } from "./fstring.js";
import { joinsSurrogates, LiteralError } from "./literals.js";
import type { Token } from "./tokenizer.js";

/** Accumulates literal text and FormattedValues like CPython's FstringParser. */
export class JoinedStrBuilder {
  readonly values: Expr[] = [];
  private lastStr: string | null = null;
  fmode = false;

  constructor(private readonly partSpan: Span) {}

  /** What decodeUnicodeEscapes found in the pending text: escaped lone surrogates joined into a pair. */
  readonly joined = { surrogates: false };

  concat(s: string): void {
    if (s.length === 0) return;
    if (this.lastStr !== null && joinsSurrogates(this.lastStr, s)) this.joined.surrogates = true;
    this.lastStr = (this.lastStr ?? "") + s;
  }

  /** The pending text as a str constant. */
  private text(v: string): ConstValue {
    if (!this.joined.surrogates) return { t: "str", v };
    this.joined.surrogates = false;
    return { t: "str", v, joinsSurrogates: true };
  }

  /** Turns pending literal text into a Constant before an expression is appended. */
  flush(): void {
    if (this.lastStr !== null) {
      this.values.push({ kind: "Constant", value: this.text(this.lastStr), span: this.partSpan });
      this.lastStr = null;
    }
  }

  finish(span: Span): Expr {
    if (!this.fmode) return { kind: "Constant", value: this.text(this.lastStr ?? ""), span };
    this.flush();
    return { kind: "JoinedStr", values: this.values, span };
  }
}

export function tokenSpan(first: Token, last: Token = first): Span {
  return { line: first.line, col: first.col, endLine: last.endLine, endCol: last.endCol };
}

/** Runs a decoder, turning its LiteralError into a syntax error at the usual place. */
export function guard<T>(host: FStringHost, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof LiteralError) return host.fail(e.message);
    throw e;
  }
}
