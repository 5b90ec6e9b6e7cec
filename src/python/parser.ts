// The start rules of CPython 3.10's grammar (file, eval, and the f-string
// replacement-field rule) and the error finalization of _PyPegen_run_parser.
import type { Expr, Stmt } from "./ast.js";
import type { InnerLocation } from "./fstring.js";
import { StmtParser } from "./stmtParser.js";
import { PySyntaxFailure, syntaxFailure } from "./syntaxError.js";
import { GenericFailure } from "./tokenStream.js";
import { Tokenizer } from "./tokenizer.js";

export class Parser extends StmtParser {
  constructor(tokenizer: Tokenizer, initialDepth = 0) {
    super(tokenizer, initialDepth);
  }

  /** file: [statements] ENDMARKER */
  parseFile(): Stmt[] {
    const body: Stmt[] = [];
    while (this.peek().kind !== "ENDMARKER") body.push(...this.statement());
    return body;
  }

  /** eval: expressions NEWLINE* ENDMARKER */
  parseEval(): Expr {
    const e = this.expressions();
    while (this.peek().kind === "NEWLINE") this.advance();
    if (this.peek().kind !== "ENDMARKER") throw this.generic();
    return e;
  }

  /** fstring: star_expressions (the rest of "(expr)\n" is never looked at). */
  parseFStringExpr(): Expr {
    return this.starExpressions();
  }

  /** expressions: like star_expressions but without starred items. */
  protected expressions(): Expr {
    const start = this.peek();
    const first = this.expression();
    if (!this.isOp(",")) return first;
    const elts = [first];
    while (this.eatOp(",")) {
      if (!this.startsExpression(this.peek())) break;
      elts.push(this.expression());
    }
    return { kind: "Tuple", elts, span: this.spanFrom(start) };
  }

  /** fstring_compile_expr: a separate parse of "(expr)" placed where the field sits. */
  protected compileFStringExpr(source: string, where: InnerLocation): Expr {
    const tokenizer = new Tokenizer(source, "fstring", where);
    const inner = new Parser(tokenizer, this.depth);
    try {
      return runParser(inner, tokenizer, () => inner.parseFStringExpr());
    } catch (e) {
      if (!(e instanceof PySyntaxFailure)) throw e;
      const err = e.error;
      if (e.origin === "tokenizer") throw syntaxFailure(err.message, err.span, "parser", err.type);
      // pegen prefixes the message and makes columns relative to "(expr)"
      const span = { ...err.span, col: err.span.col - where.colShift, endCol: err.span.endCol - where.colShift };
      throw syntaxFailure(`f-string: ${err.message}`, span, "parser", err.type);
    }
  }
}

/**
 * Runs a start rule. After a parser failure CPython tokenizes the rest of the
 * input, and a tokenizer error found there (or an unclosed bracket opened
 * before the failing line) replaces the parser's error.
 */
export function runParser<T>(parser: Parser, tokenizer: Tokenizer, rule: () => T): T {
  try {
    return rule();
  } catch (e) {
    if (!(e instanceof PySyntaxFailure) || e.origin !== "parser") throw e;
    if (e instanceof GenericFailure && e.error.type === "IndentationError") throw e;
    const errLine = parser.lastToken().line;
    try {
      while (tokenizer.next().kind !== "ENDMARKER");
    } catch (te) {
      if (!(te instanceof PySyntaxFailure)) throw te;
      const open = tokenizer.innermostBracket;
      if (open !== undefined && errLine > open.line) throw tokenizer.unclosedError();
      if (te.origin === "tokenizer") throw te;
    }
    throw e;
  }
}
