// All user-facing message text: sizes, error reports.
import type { Chalk } from "./style.js";
import { groupDigits } from "../budgets/limits.js";

export { groupDigits };
import type { ErrorPlace } from "../api/errorPlace.js";

export { errorMessage, errorPlace, type ErrorPlace } from "../api/errorPlace.js";

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

/** `--> file:line:col` and the caret excerpt under it. */
export function placeLines(place: ErrorPlace, c: Chalk): string[] {
  return [`${c.dim("-->")} ${place.label}:${place.line}:${place.col}`, ...caretExcerpt(place.source, place.line, place.excerptCol ?? place.col, c)];
}
