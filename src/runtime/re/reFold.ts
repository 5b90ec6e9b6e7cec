// How sre folds case for IGNORECASE (Modules/_sre.c, sre_compile._compile):
// a str pattern without re.ASCII lowers through sre_lower_unicode
// (_PyUnicode_ToLowercase: the first code point of the full mapping) and adds
// the _ignorecase_fixes of the version's equivalences; with re.ASCII (and for
// bytes) only A-Z fold. iscased is lower(c) != c or upper(c) != c.
import { ctx } from "../ctx.js";

export interface Fold {
  readonly lower: (c: number) => number;
  readonly iscased: (c: number) => boolean;
  /** _ignorecase_fixes, null for ASCII folding. */
  readonly fixes: ReadonlyMap<number, readonly number[]> | null;
}

const asciiLower = (c: number): number => (c >= 65 && c <= 90 ? c + 32 : c);

export const ASCII_FOLD: Fold = {
  lower: asciiLower,
  iscased: (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122),
  fixes: null,
};

function firstCodePoint(m: ReadonlyMap<number, string>, c: number): number {
  const s = m.get(c);
  return s === undefined ? c : (s.codePointAt(0) as number);
}

/** sre_upper_unicode: _PyUnicode_ToUppercase. */
export function upperUnicode(c: number): number {
  return c < 128 ? (c >= 97 && c <= 122 ? c - 32 : c) : firstCodePoint(ctx().layout.unicodeData.caseMaps().upper, c);
}

const byLayout = new WeakMap<object, Fold>();

export function unicodeFold(): Fold {
  const layout = ctx().layout;
  let f = byLayout.get(layout);
  if (f !== undefined) return f;
  const maps = layout.unicodeData.caseMaps();
  const lower = (c: number): number => (c < 128 ? asciiLower(c) : firstCodePoint(maps.lower, c));
  const fixes = new Map<number, number[]>();
  for (const t of layout.rules.re.ignorecaseEquivalences) for (const i of t) fixes.set(i, t.filter((j) => j !== i));
  f = { lower, iscased: (c) => lower(c) !== c || upperUnicode(c) !== c, fixes };
  byLayout.set(layout, f);
  return f;
}
