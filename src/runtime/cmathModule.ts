// The cmath module (Modules/cmathmodule.c) where its results can be had bit
// for bit: sqrt (cmath_sqrt_impl over glibc's hypot, complexes.ts), exp and
// rect (over the ports of glibc's exp, sin and cos, libm/), isfinite, isnan,
// isinf, isclose (_Py_c_abs) and the constants. Special values (an infinite
// or NaN part, which the C code reads from its special_values tables) and
// the functions built on atan2, log or the hyperbolic functions (phase,
// polar, log, log10, the trigonometric ones), which pymem has no glibc port
// of, are refused as unsupported.
import type { Layout } from "../layouts/layout.js";
import { hypot } from "./complexes.js";
import { PyException, PymemError, typeError, valueError } from "./errors.js";
import { glibcCos, glibcLog, glibcSin } from "./libm/glibc.js";
import { glibcExp } from "./libm/glibcExpPow.js";
import { toFloat } from "./numbers.js";
import { builtinFunction as fn, pyBool, pyComplex, pyFloat, typeName, type Kwargs, type PyObj } from "./objects.js";

interface Cx {
  readonly re: number;
  readonly im: number;
}

function refuse(what: string): PymemError {
  return new PymemError("UNSUPPORTED", what);
}

/** PyArg "D": a complex, or a real number as one (objects with __complex__ / __float__ are refused). */
function complexArg(o: PyObj | undefined, fname: string): Cx {
  if (o === undefined) throw typeError(`cmath.${fname}() takes exactly one argument (0 given)`);
  if (o.t === "complex") return { re: o.re, im: o.im };
  if (o.t === "instance") throw refuse(`cmath.${fname}() of an object through its __complex__ / __float__`);
  const f = toFloat(o);
  if (f === null) throw typeError(`must be real number, not ${typeName(o)}`);
  return { re: f, im: 0 };
}

/** PyArg "d". */
function realArg(o: PyObj | undefined, fname: string): number {
  if (o === undefined) throw typeError(`${fname}() missing required argument`);
  if (o.t === "instance") throw refuse(`cmath.${fname}() of an object through its __float__`);
  const f = toFloat(o);
  if (f === null) throw typeError(`must be real number, not ${typeName(o)}`);
  return f;
}

function finite(z: Cx, fname: string): void {
  if (!Number.isFinite(z.re) || !Number.isFinite(z.im)) throw refuse(`cmath.${fname}() of a value with an infinite or NaN part (its special_values table)`);
}

const CM_SCALE_UP = 53; // 2*(DBL_MANT_DIG/2) + 1
const CM_SCALE_DOWN = -27; // -(CM_SCALE_UP+1)/2
const DBL_MIN = 2.2250738585072014e-308;
const DBL_MAX = Number.MAX_VALUE;

/** cmath_sqrt_impl for finite z. */
function csqrt(z: Cx): Cx {
  finite(z, "sqrt");
  if (z.re === 0 && z.im === 0) return { re: 0, im: z.im };
  let ax = Math.abs(z.re);
  const ay = Math.abs(z.im);
  let s: number;
  if (ax < DBL_MIN && ay < DBL_MIN) {
    // hypot(ax, ay) would be subnormal: scaled up, then down (ldexp: exact scalings by powers of two).
    ax = ax * 2 ** CM_SCALE_UP;
    s = Math.sqrt(ax + hypot(ax, ay * 2 ** CM_SCALE_UP)) * 2 ** CM_SCALE_DOWN;
  } else {
    ax /= 8;
    s = 2 * Math.sqrt(ax + hypot(ax, ay / 8));
  }
  const d = ay / (2 * s);
  if (z.re >= 0) return { re: s, im: Math.sign(z.im) < 0 || Object.is(z.im, -0) ? -d : d };
  return { re: d, im: Math.sign(z.im) < 0 || Object.is(z.im, -0) ? -s : s };
}

/** sin and cos are glibc's only below 105414350 (its __branred path is not ported). */
function checkAngle(x: number, fname: string): void {
  if (Math.abs(x) >= 105414350) throw refuse(`cmath.${fname}() of an angle of magnitude 105414350 or more`);
}

/** CM_LOG_LARGE_DOUBLE: log(DBL_MAX / 4), as the C library computes it. */
const CM_LOG_LARGE_DOUBLE = glibcLog(DBL_MAX / 4);

function cexp(z: Cx): Cx {
  finite(z, "exp");
  checkAngle(z.im, "exp");
  let r: Cx;
  if (z.re > CM_LOG_LARGE_DOUBLE) {
    const l = glibcExp(z.re - 1);
    r = { re: l * glibcCos(z.im) * Math.E, im: l * glibcSin(z.im) * Math.E };
  } else {
    const l = glibcExp(z.re);
    r = { re: l * glibcCos(z.im), im: l * glibcSin(z.im) };
  }
  if (Math.abs(r.re) === Infinity || Math.abs(r.im) === Infinity) throw new PyException("OverflowError", "math range error");
  return r;
}

/** cmath_rect_impl for finite r and phi. */
function crect(r: number, phi: number): Cx {
  if (!Number.isFinite(r) || !Number.isFinite(phi)) throw refuse("cmath.rect() of an infinite or NaN argument (its special_values table)");
  if (phi === 0) return { re: r, im: r * phi };
  checkAngle(phi, "rect");
  return { re: r * glibcCos(phi), im: r * glibcSin(phi) };
}

/** _Py_c_abs without its errno: an infinite part makes it infinite, a NaN one NaN. */
function cabs(z: Cx): number {
  if (!Number.isFinite(z.re) || !Number.isFinite(z.im)) {
    if (Math.abs(z.re) === Infinity || Math.abs(z.im) === Infinity) return Infinity;
    return NaN;
  }
  return hypot(z.re, z.im);
}

function isclose(args: readonly PyObj[], kw: Kwargs): PyObj {
  if (args.length > 2) throw typeError(`isclose() takes exactly 2 positional arguments (${args.length} given)`);
  const a = complexArg(args[0] ?? kw.values.get("a"), "isclose");
  const b = complexArg(args[1] ?? kw.values.get("b"), "isclose");
  const relArg = kw.values.get("rel_tol");
  const absArg = kw.values.get("abs_tol");
  const relTol = relArg === undefined ? 1e-9 : realArg(relArg, "isclose");
  const absTol = absArg === undefined ? 0 : realArg(absArg, "isclose");
  if (relTol < 0 || absTol < 0) throw valueError("tolerances must be non-negative");
  if (a.re === b.re && a.im === b.im) return pyBool(true);
  if ([a.re, a.im, b.re, b.im].some((x) => Math.abs(x) === Infinity)) return pyBool(false);
  const diff = cabs({ re: a.re - b.re, im: a.im - b.im });
  return pyBool(diff <= relTol * cabs(b) || diff <= relTol * cabs(a) || diff <= absTol);
}

function unary(name: string, f: (z: Cx) => Cx): [string, PyObj] {
  return [name, fn(name, (args) => {
    if (args.length !== 1) throw typeError(`cmath.${name}() takes exactly one argument (${args.length} given)`);
    const r = f(complexArg(args[0], name));
    return pyComplex(r.re, r.im);
  })];
}

function predicate(name: string, f: (z: Cx) => boolean): [string, PyObj] {
  return [name, fn(name, (args) => {
    if (args.length !== 1) throw typeError(`cmath.${name}() takes exactly one argument (${args.length} given)`);
    return pyBool(f(complexArg(args[0], name)));
  })];
}

export function cmathModuleAttrs(_layout: Layout): [string, PyObj][] {
  return [
    unary("sqrt", csqrt),
    unary("exp", cexp),
    ["rect", fn("rect", (args) => {
      if (args.length !== 2) throw typeError(`rect expected 2 arguments, got ${args.length}`);
      const r = crect(realArg(args[0], "rect"), realArg(args[1], "rect"));
      return pyComplex(r.re, r.im);
    })],
    predicate("isfinite", (z) => Number.isFinite(z.re) && Number.isFinite(z.im)),
    predicate("isnan", (z) => Number.isNaN(z.re) || Number.isNaN(z.im)),
    predicate("isinf", (z) => Math.abs(z.re) === Infinity || Math.abs(z.im) === Infinity),
    ["isclose", fn("isclose", isclose)],
    ["pi", pyFloat(Math.PI)],
    ["e", pyFloat(Math.E)],
    ["tau", pyFloat(2 * Math.PI)],
    ["inf", pyFloat(Infinity)],
    ["infj", pyComplex(0, Infinity)],
    ["nan", pyFloat(NaN)],
    ["nanj", pyComplex(0, NaN)],
  ];
}
