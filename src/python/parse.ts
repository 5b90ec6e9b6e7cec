// Public entry points of the Python front end: source text in, AST or a
// CPython-compatible SyntaxError value out. Nothing here throws.
import type { Expr, Span, Stmt } from "./ast.js";
import { findTooDeep } from "./astDepth.js";
import { Parser, runParser } from "./parser.js";
import { MAX_NESTING, PySyntaxFailure, TOO_DEEP_MESSAGE, type PySyntaxError } from "./syntaxError.js";
import { Tokenizer, withNestedFStrings, type TokenizerMode } from "./tokenizer.js";

export type { PySyntaxError } from "./syntaxError.js";

export type ParseResult<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: PySyntaxError };

/** Like compile(source, "<pymem>", "eval"): an indented first line is CPython's "unexpected indent". */
/** What a version's grammar adds to 3.10's that the tokenizer must know (PEP 701 f-strings, 3.12+). */
export interface GrammarOptions {
  readonly nestedFStrings: boolean;
  /** The match statement (PEP 634, 3.10+); before, `match` is only a name. */
  readonly matchStatement?: boolean;
  /** `except*` (PEP 654, 3.11+). */
  readonly exceptStar?: boolean;
}

const GRAMMAR_310: GrammarOptions = { nestedFStrings: false, matchStatement: true };

export function parseExpression(source: string, grammar: GrammarOptions = GRAMMAR_310): ParseResult<Expr> {
  const indent = /^[ \t\f]+/.exec(source.split(/\r\n|\r|\n/, 1)[0] ?? "");
  if (indent !== null) {
    const col = indent[0].length;
    return { ok: false, error: { type: "IndentationError", message: "unexpected indent", span: { line: 1, col, endLine: 1, endCol: col } } };
  }
  return withNestedFStrings(grammar.nestedFStrings, () => run(source, "eval", (p) => p.parseEval()));
}

/** Like compile(source, "<setup>", "exec"). */
export function parseModule(source: string, grammar: GrammarOptions = GRAMMAR_310): ParseResult<readonly Stmt[]> {
  return withNestedFStrings(grammar.nestedFStrings, () =>
    run(source, "exec", (p) => {
      p.matchStatements = grammar.matchStatement ?? true;
      p.exceptStars = grammar.exceptStar ?? false;
      return p.parseFile();
    }),
  );
}

function failure(message: string, span: Span): ParseResult<never> {
  return { ok: false, error: { type: "SyntaxError", message, span } };
}

function run<T extends Expr | readonly Stmt[]>(source: string, mode: TokenizerMode, rule: (p: Parser) => T): ParseResult<T> {
  if (source.includes("\0")) return failure("source code string cannot contain null bytes", { line: 1, col: 0, endLine: 1, endCol: 0 });
  try {
    const tokenizer = new Tokenizer(source, mode);
    const parser = new Parser(tokenizer);
    const value = runParser(parser, tokenizer, () => rule(parser));
    // every nesting level takes at least one character, so short sources are safe
    const deep = source.length > MAX_NESTING ? findTooDeep(value) : null;
    if (deep !== null) return failure(TOO_DEEP_MESSAGE, { ...deep, endLine: deep.line, endCol: deep.col });
    return { ok: true, value };
  } catch (e) {
    if (e instanceof PySyntaxFailure) return { ok: false, error: e.error };
    // the depth guard should make this unreachable; kept so a stack overflow never escapes
    if (e instanceof RangeError) return failure(TOO_DEEP_MESSAGE, { line: 1, col: 1, endLine: 1, endCol: 1 });
    // a parser bug must still come back as a value, never as an exception
    return failure(`invalid syntax (pymem parser error: ${e instanceof Error ? e.message : String(e)})`, { line: 1, col: 0, endLine: 1, endCol: 0 });
  }
}

/** The deepest bracket nesting of the source's tokens (f-string fields apart), or 0 when it does not tokenize. */
export function bracketDepth(source: string, mode: TokenizerMode): number {
  try {
    const tokenizer = new Tokenizer(source, mode);
    let deepest = 0;
    for (let t = tokenizer.next(); t.kind !== "ENDMARKER"; t = tokenizer.next()) deepest = Math.max(deepest, t.level);
    return deepest;
  } catch {
    return 0;
  }
}
