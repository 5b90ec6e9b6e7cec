// Public entry points of the Python front end: source text in, AST or a
// CPython-compatible SyntaxError value out. Nothing here throws.
import type { Expr, Span, Stmt } from "./ast.js";
import { findTooDeep } from "./astDepth.js";
import { Parser, runParser } from "./parser.js";
import { PySyntaxFailure, TOO_DEEP_MESSAGE, type PySyntaxError } from "./syntaxError.js";
import { Tokenizer, type TokenizerMode } from "./tokenizer.js";

export type { PySyntaxError } from "./syntaxError.js";

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: PySyntaxError };

/** Like compile(source, "<pymem>", "eval"), also accepting an indented first line. */
export function parseExpression(source: string): ParseResult<Expr> {
  return run(source, "eval", (p) => p.parseEval());
}

/** Like compile(source, "<setup>", "exec"). */
export function parseModule(source: string): ParseResult<readonly Stmt[]> {
  return run(source, "exec", (p) => p.parseFile());
}

function failure(message: string, span: Span): ParseResult<never> {
  return { ok: false, error: { type: "SyntaxError", message, span } };
}

function run<T>(source: string, mode: TokenizerMode, rule: (p: Parser) => T): ParseResult<T> {
  if (source.includes("\0")) return failure("source code string cannot contain null bytes", { line: 1, col: 0, endLine: 1, endCol: 0 });
  try {
    const tokenizer = new Tokenizer(source, mode);
    const parser = new Parser(tokenizer);
    const value = runParser(parser, tokenizer, () => rule(parser));
    const deep = findTooDeep(value);
    if (deep !== null) return failure(TOO_DEEP_MESSAGE, { ...deep, endLine: deep.line, endCol: deep.col });
    return { ok: true, value };
  } catch (e) {
    if (e instanceof PySyntaxFailure) return { ok: false, error: e.error };
    // the depth guard should make this unreachable; kept so a stack overflow never escapes
    if (e instanceof RangeError) return failure(TOO_DEEP_MESSAGE, { line: 1, col: 1, endLine: 1, endCol: 1 });
    throw e;
  }
}
