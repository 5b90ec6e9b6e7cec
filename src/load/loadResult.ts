// What loading one file gives: the figures of `size`, or an error in the
// user's terms (its code, Python's exception and message, the file position).
import type { ErrorCode } from "../runtime/errors.js";
import type { Measurement } from "../sizing/measure.js";
import type { Tally } from "./tally.js";

export interface LoadError {
  readonly code: ErrorCode;
  /** Python's exception name (JSONDecodeError, UnicodeDecodeError, Error for csv.Error, ValueError), or null. */
  readonly pyType: string | null;
  readonly message: string;
  /** 1-based line and column in the file, where it is at fault. */
  readonly line: number | null;
  readonly column: number | null;
}

/** One JSON path's share of the deep size (--top): its objects and their bytes. */
export interface PathTotal {
  readonly path: string;
  readonly count: number;
  readonly bytes: number;
}

export type LoadResult = { readonly ok: true; readonly m: Measurement; readonly paths?: readonly PathTotal[] } | { readonly ok: false; readonly error: LoadError };

/** The result of a tally whose root was `type` of getsizeof `size` (with its paths, largest first, when it kept them). */
export function loaded(t: Tally, type: string, size: number): LoadResult {
  const breakdown = new Map([...t.breakdown.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  const m: Measurement = { type, size, deep: t.deep, objects: t.objects, breakdown };
  if (t.paths === null) return { ok: true, m };
  const paths = [...t.paths].map(([path, v]) => ({ path, count: v.count, bytes: v.bytes })).sort((a, b) => b.bytes - a.bytes || (a.path < b.path ? -1 : 1));
  return { ok: true, m, paths };
}
