// What the itertools constructors share: binding their arguments as their
// tp_new does (Argument Clinic, PyArg_UnpackTuple or a hand-written parser),
// the Py_ssize_t conversions, and the iterator object itself, which carries
// what its type's __sizeof__ adds and its own repr where the type has one.
import { PyException, typeError } from "./errors.js";
import { makeIter } from "./iterObject.js";
import { intValue, toIndex } from "./numbers.js";
import type { Kwargs, PyIterObj, PyObj } from "./objects.js";
import { AT_ADDRESS } from "./repr.js";
import { userIndexOf } from "./userDunders.js";

/** An itertools object: an iterator that may count index arrays (product …) and print itself (count(5)). */
export interface ItertoolsIter extends PyIterObj {
  /** Py_ssize_t elements the type's __sizeof__ adds to tp_basicsize (its index arrays). */
  readonly indexWords?: number;
  /** tp_repr, for the types that have one; the others print `<itertools.NAME object at 0x…>`. */
  readonly repr?: () => string;
}

export function itertoolsIter(
  name: string,
  next: () => PyObj | undefined,
  extra: { readonly lengthHint?: () => number | null; readonly indexWords?: number; readonly repr?: () => string } = {},
): ItertoolsIter {
  const it = makeIter(name, next, extra.lengthHint ?? ((): null => null));
  const repr = extra.repr ?? ((): string => `<itertools.${name} object${AT_ADDRESS}>`);
  return extra.indexWords === undefined ? { ...it, repr } : { ...it, repr, indexWords: extra.indexWords };
}

/** A parameter of a constructor: positional-only, positional-or-keyword or keyword-only. */
export interface Param {
  readonly name: string;
  readonly kind: "P" | "A" | "K";
  readonly required?: boolean;
}

/**
 * Argument Clinic's binding for a constructor with these parameters: the
 * values by parameter (undefined when absent), or its TypeError.
 */
export function bindArgs(fname: string, params: readonly Param[], args: readonly PyObj[], kw: Kwargs): (PyObj | undefined)[] {
  const positional = params.filter((p) => p.kind !== "K");
  if (args.length > positional.length) {
    const n = positional.length;
    const kwOnly = params.some((p) => p.kind === "K");
    throw typeError(`${fname}() takes at most ${n} ${kwOnly ? "positional " : ""}argument${n === 1 ? "" : "s"} (${args.length} given)`);
  }
  const out: (PyObj | undefined)[] = params.map(() => undefined);
  args.forEach((a, i) => {
    out[i] = a;
  });
  for (const [k, v] of kw.values) {
    const i = params.findIndex((p) => p.name === k && p.kind !== "P");
    if (i < 0) throw typeError(`${fname}() got an unexpected keyword argument '${k}'`);
    if (out[i] !== undefined) throw typeError(`argument for ${fname}() given by name ('${k}') and position (${i + 1})`);
    out[i] = v;
  }
  params.forEach((p, i) => {
    if (p.required === true && out[i] === undefined) throw typeError(`${fname}() missing required argument '${p.name}' (pos ${i + 1})`);
  });
  return out;
}

/** A constructor taking exactly `n` positional arguments and no keywords (_PyArg_NoKeywords, _PyArg_CheckPositional). */
export function exactArgs(fname: string, n: number, args: readonly PyObj[], kw: Kwargs): void {
  if (kw.values.size > 0) throw typeError(`${fname}() takes no keyword arguments`);
  if (args.length !== n) throw typeError(`${fname} expected ${n} argument${n === 1 ? "" : "s"}, got ${args.length}`);
}

/** A Py_ssize_t argument ("n" format, clinic's Py_ssize_t): __index__, else its TypeError; OverflowError past the C type. */
export function ssizeArg(o: PyObj): number {
  if (o.t === "float") throw typeError("'float' object cannot be interpreted as an integer");
  return toIndex(o);
}

/** PyNumber_AsSsize_t(o, OverflowError) where any failure is cleared: the value, or null (not an index, or out of range). */
export function ssizeOrNull(o: PyObj): number | null {
  let v: number | bigint | null;
  try {
    v = intValue(o) ?? userIndexOf(o);
  } catch (e) {
    if (e instanceof PyException) return null;
    throw e;
  }
  if (v === null) return null;
  if (typeof v === "bigint") return v > 2n ** 63n - 1n || v < -(2n ** 63n) ? null : Number(v);
  return v;
}
