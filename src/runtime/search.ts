// The substring searches shared by str and bytes (Objects/stringlib/find.h,
// count.h and the tailmatch of unicodeobject.c/bytes_methods.c), over code
// points or bytes, with the optional [start, end) window clamped as
// ADJUST_INDICES does.
import { typeError } from "./errors.js";
import { intValue } from "./numbers.js";
import type { PyObj } from "./objects.js";

/** _PyEval_SliceIndex: None (or absent) is no bound; else an int, clamped to the ssize_t range. */
export function sliceBound(o: PyObj | undefined): number | null {
  if (o === undefined || o.t === "NoneType") return null;
  const v = intValue(o);
  if (v === null) throw typeError("slice indices must be integers or None or have an __index__ method");
  return Number(v);
}

/** ADJUST_INDICES: negative bounds count from the end; end is capped at len (start is not). */
export function adjustIndices(len: number, start: PyObj | undefined, end: PyObj | undefined): [number, number] {
  let s = sliceBound(start) ?? 0;
  let e = sliceBound(end) ?? len;
  if (e > len) e = len;
  else if (e < 0) e = Math.max(e + len, 0);
  if (s < 0) s = Math.max(s + len, 0);
  return [s, e];
}

function matchesAt(hay: ArrayLike<number>, needle: ArrayLike<number>, i: number): boolean {
  for (let k = 0; k < needle.length; k++) if (hay[i + k] !== needle[k]) return false;
  return true;
}

/** find / rfind in hay[start:end]; -1 when absent. */
export function seqFind(hay: ArrayLike<number>, needle: ArrayLike<number>, start: number, end: number, reverse: boolean): number {
  if (end - start < needle.length) return -1;
  if (reverse) {
    for (let i = end - needle.length; i >= start; i--) if (matchesAt(hay, needle, i)) return i;
  } else {
    for (let i = start; i + needle.length <= end; i++) if (matchesAt(hay, needle, i)) return i;
  }
  return -1;
}

/** count: non-overlapping occurrences in hay[start:end]; an empty needle matches between every item. */
export function seqCount(hay: ArrayLike<number>, needle: ArrayLike<number>, start: number, end: number): number {
  if (end - start < needle.length) return 0;
  if (needle.length === 0) return end - start + 1;
  let n = 0;
  for (let i = start; i + needle.length <= end;) {
    if (matchesAt(hay, needle, i)) {
      n++;
      i += needle.length;
    } else i++;
  }
  return n;
}

/** tailmatch: does hay[start:end] start (or end) with needle? */
export function tailMatch(hay: ArrayLike<number>, needle: ArrayLike<number>, start: number, end: number, atEnd: boolean): boolean {
  const last = end - needle.length;
  if (last < start) return false;
  if (needle.length === 0) return true;
  return matchesAt(hay, needle, atEnd ? last : start);
}
