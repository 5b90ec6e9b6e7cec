// The `strings` rule: implicit concatenation of adjacent STRING tokens into a
// Constant or a JoinedStr, following CPython 3.10's string_parser.c.
import type { Expr, Span } from "./ast.js";
import { parseFStringBody, type FStringHost } from "./fstring.js";
import { LiteralError, checkBytesAscii, decodeBytesEscapes, decodeUnicodeEscapes, splitString } from "./literals.js";
import type { Token } from "./tokenizer.js";

/** Accumulates literal text and FormattedValues like CPython's FstringParser. */
export class JoinedStrBuilder {
  readonly values: Expr[] = [];
  private lastStr: string | null = null;
  fmode = false;

  constructor(private readonly partSpan: Span) {}

  concat(s: string): void {
    if (s.length > 0) this.lastStr = (this.lastStr ?? "") + s;
  }

  /** Turns pending literal text into a Constant before an expression is appended. */
  flush(): void {
    if (this.lastStr !== null) {
      this.values.push({ kind: "Constant", value: { t: "str", v: this.lastStr }, span: this.partSpan });
      this.lastStr = null;
    }
  }

  finish(span: Span): Expr {
    if (!this.fmode) return { kind: "Constant", value: { t: "str", v: this.lastStr ?? "" }, span };
    this.flush();
    return { kind: "JoinedStr", values: this.values, span };
  }
}

export function tokenSpan(first: Token, last: Token = first): Span {
  return { line: first.line, col: first.col, endLine: last.endLine, endCol: last.endCol };
}

/**
 * Concatenates the STRING tokens of one atom. `host.fail` reports at the token
 * after the group, which is where CPython points for all of these errors.
 */
export function concatenateStrings(tokens: readonly Token[], host: FStringHost): Expr {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first === undefined || last === undefined) return host.fail("invalid syntax");
  const span = tokenSpan(first, last);
  const builder = new JoinedStrBuilder(span);
  let bytesMode = false;
  const chunks: Uint8Array[] = [];
  tokens.forEach((tok, i) => {
    const parts = splitString(tok.text);
    if (parts.bytes) guard(host, () => checkBytesAscii(parts.body));
    if (i !== 0 && bytesMode !== parts.bytes) host.fail("cannot mix bytes and nonbytes literals");
    bytesMode = parts.bytes;
    if (parts.fstring) {
      builder.fmode = true;
      parseFStringBody(parts, tok, builder, host, span);
    } else if (parts.bytes) {
      chunks.push(guard(host, () => decodeBytesEscapes(parts.body, parts.raw)));
    } else {
      builder.concat(parts.raw ? parts.body : guard(host, () => decodeUnicodeEscapes(parts.body)));
    }
  });
  if (bytesMode) {
    const v = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (v.set(c, at), at + c.length), 0);
    return { kind: "Constant", value: { t: "bytes", v }, span };
  }
  return builder.finish(span);
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
