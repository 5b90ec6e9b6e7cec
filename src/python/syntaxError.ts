// The error value returned by the parser, plus the private exception used to
// unwind the recursive descent; it never escapes parse.ts.
import type { Span } from "./ast.js";

export type PySyntaxErrorType = "SyntaxError" | "IndentationError" | "TabError";

export interface PySyntaxError {
  readonly type: PySyntaxErrorType;
  readonly message: string;
  readonly span: Span;
}

/**
 * Where a failure came from decides which error CPython 3.10 reports when
 * several are possible: tokenizer errors found after a parser failure win.
 */
export type FailureOrigin =
  | "parser" // a rule failed or a specific message was raised by the parser
  | "tokenizer" // raised by the tokenizer itself (syntaxerror() in tokenizer.c)
  | "tokenizerCode"; // an ERRORTOKEN whose message pegen derives from tok->done

export class PySyntaxFailure extends Error {
  readonly error: PySyntaxError;
  readonly origin: FailureOrigin;

  constructor(error: PySyntaxError, origin: FailureOrigin) {
    super(error.message);

    this.error = error;
    this.origin = origin;
  }
}

export function pointSpan(line: number, col: number, endLine = line, endCol = col): Span {
  return { line, col, endLine, endCol };
}

/** Builds the failure to throw; a one-liner keeps call sites short. */
export function syntaxFailure(
  message: string,
  span: Span,
  origin: FailureOrigin = "parser",
  type: PySyntaxErrorType = "SyntaxError",
): PySyntaxFailure {
  return new PySyntaxFailure({ type, message, span }, origin);
}

/** The message for runaway nesting; CPython has no equivalent limit. */
export const TOO_DEEP_MESSAGE = "too many nested expressions (pymem's limit is 1000 levels)";
export const MAX_NESTING = 1000;
