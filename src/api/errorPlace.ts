// Where an evaluation error points, in the user's terms, and its message text:
// shared by the JSON object (library and --json) and the CLI's caret reports.
import type { EvalError } from "../runtime/evaluate.js";
import { positionInSetup, type SetupPart } from "../setupParts.js";

export function errorMessage(e: EvalError): string {
  return e.pyType !== null && (e.code === "PYTHON" || e.code === "NAME" || e.code === "SYNTAX")
    ? e.message === "" ? e.pyType : `${e.pyType}: ${e.message}`
    : e.message;
}

/** Where an error points, in the user's terms. */
export interface ErrorPlace {
  /** The user's file the error lies in (named as they gave it), or null. */
  readonly file: string | null;
  /** The name a report shows: the file, `<setup>` or `<expr>`. */
  readonly label: string;
  readonly line: number;
  readonly col: number;
  /** The text `line` counts in, for the caret excerpt. */
  readonly source: string;
  /** The caret's column in `source`'s line when that holds only a window of a long line (a minified file's). */
  readonly excerptCol?: number;
}

/** The place of an error in the expression or in the piece of the setup it came from; null without a position. */
export function errorPlace(e: EvalError, expr: string, setup: readonly SetupPart[]): ErrorPlace | null {
  if (e.span === null) return null;
  const { line, col } = e.span;
  if (e.where === "expr") return { file: null, label: "<expr>", line, col, source: expr };
  const p = positionInSetup(setup, line);
  if (p === null) return { file: null, label: "<setup>", line, col, source: "" };
  return { file: p.part.file, label: p.part.file ?? "<setup>", line: p.line, col, source: p.part.text };
}
