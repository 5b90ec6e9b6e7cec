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

export type LoadResult = { readonly ok: true; readonly m: Measurement } | { readonly ok: false; readonly error: LoadError };

/** The figures of a tally whose root was `type` of getsizeof `size`. */
export function measurementOf(t: Tally, type: string, size: number): Measurement {
  const breakdown = new Map([...t.breakdown.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)));
  return { type, size, deep: t.deep, objects: t.objects, breakdown };
}
