// The one exception the library throws. It carries what the JSON error object of
// `pymem size --json` carries, so a caller can branch on `code` and point at
// `line`/`column`. (Not the engine's internal PymemError of src/runtime/errors.ts,
// which is a refusal travelling inside the evaluator.)
import type { ErrorCode, ErrorObject, PythonVersion } from "./types.js";

export class PymemError extends Error {
  override readonly name = "PymemError";
  readonly code: ErrorCode;
  /** 1-based position in the expression or the setup (`in`), or null. */
  readonly line: number | null;
  readonly column: number | null;
  /** Which input the position is in; null for an error in the options (CONFIG, INPUT). */
  readonly in: "expr" | "setup" | "file" | null;
  /** The setup file the position counts in, or null. */
  readonly file: string | null;
  /** Python's exception type for SYNTAX, PYTHON and NAME ("SyntaxError"), else null. */
  readonly exception: string | null;
  /** The version whose evaluation failed; null for an error in the options. */
  readonly python: PythonVersion | null;

  constructor(error: ErrorObject | { readonly code: ErrorCode; readonly message: string }, python: PythonVersion | null = null) {
    super(error.message);
    this.code = error.code;
    const e: Partial<ErrorObject> = "in" in error ? error : {};
    this.line = e.line ?? null;
    this.column = e.column ?? null;
    this.in = e.in ?? null;
    this.file = e.file ?? null;
    this.exception = e.exception ?? null;
    this.python = python;
  }

  /** The JSON error object `pymem size --json` prints for this error. */
  toJSON(): ErrorObject | { readonly code: ErrorCode; readonly message: string; readonly line: null; readonly column: null } {
    if (this.in === null) return { code: this.code, message: this.message, line: null, column: null };
    return {
      code: this.code,
      message: this.message,
      line: this.line,
      column: this.column,
      in: this.in,
      ...(this.file !== null ? { file: this.file } : {}),
      ...(this.exception !== null ? { exception: this.exception } : {}),
    };
  }
}
