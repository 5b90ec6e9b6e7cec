// All user-facing message text: sizes, error reports.
import type { Chalk } from "./style.js";
import { groupDigits } from "../budgets/limits.js";

export { groupDigits };
import type { EvalError } from "../runtime/evaluate.js";
import { positionInSetup, type SetupPart } from "../setupParts.js";

const UNITS = ["KiB", "MiB", "GiB", "TiB", "PiB"] as const;


/** Exact bytes with digit grouping, and a binary unit beside sizes of 10 KiB and up. */
export function formatBytes(n: number): string {
  const exact = groupDigits(n);
  if (n < 10240) return exact;
  let v = n;
  let u = -1;
  while (v >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return `${exact} (${v.toFixed(1)} ${UNITS[u]})`;
}

export function errorMessage(e: EvalError): string {
  return e.pyType !== null && (e.code === "PYTHON" || e.code === "NAME" || e.code === "SYNTAX")
    ? e.message === "" ? e.pyType : `${e.pyType}: ${e.message}`
    : e.message;
}

/** A caret excerpt under the input line an error points at. */
export function caretExcerpt(source: string, line: number, col: number, c: Chalk): string[] {
  const lines = source.split(/\r\n|\r|\n/);
  const text = lines[line - 1];
  if (text === undefined) return [];
  const num = String(line);
  const gutter = " ".repeat(num.length);
  const caretCol = Math.max(1, Math.min(col, [...text].length + 1));
  return [`${c.dim(`${num} |`)} ${text}`, `${c.dim(`${gutter} |`)} ${" ".repeat(caretCol - 1)}${c.red("^")}`];
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

/** `--> file:line:col` and the caret excerpt under it. */
export function placeLines(place: ErrorPlace, c: Chalk): string[] {
  return [`${c.dim("-->")} ${place.label}:${place.line}:${place.col}`, ...caretExcerpt(place.source, place.line, place.col, c)];
}
