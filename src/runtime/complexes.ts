// Complex arithmetic of Objects/complexobject.c (3.10), formula for formula,
// so results agree with CPython to the last bit (inf/nan/signed-zero cases
// included): _Py_c_prod, _Py_c_quot, c_powi/_Py_c_pow, _Py_c_abs, and the
// libm hypot the latter calls.
import { PyException } from "./errors.js";

export interface Cx { readonly re: number; readonly im: number }

const c1: Cx = { re: 1, im: 0 };

/** _Py_c_prod. */
export function cProd(a: Cx, b: Cx): Cx {
  return { re: a.re * b.re - a.im * b.im, im: a.re * b.im + a.im * b.re };
}

/**
 * _Py_c_quot: Smith's method, dividing through by the larger part of the
 * divisor; null where CPython sets errno = EDOM (a zero divisor).
 */
export function cQuot(a: Cx, b: Cx): Cx | null {
  const absBre = Math.abs(b.re);
  const absBim = Math.abs(b.im);
  if (absBre >= absBim) {
    if (absBre === 0) return null;
    const ratio = b.im / b.re;
    const denom = b.re + b.im * ratio;
    return { re: (a.re + a.im * ratio) / denom, im: (a.im - a.re * ratio) / denom };
  }
  if (absBim >= absBre) {
    const ratio = b.re / b.im;
    const denom = b.re * ratio + b.im;
    return { re: (a.re * ratio + a.im) / denom, im: (a.im * ratio - a.re) / denom };
  }
  return { re: NaN, im: NaN }; // a NaN in the divisor
}

/** complex_div: a / b. */
export function complexDiv(a: Cx, b: Cx): Cx {
  const q = cQuot(a, b);
  if (q === null) throw new PyException("ZeroDivisionError", "complex division by zero");
  return q;
}

/** c_powu: binary exponentiation by repeated _Py_c_prod. */
function cPowu(x: Cx, n: number): Cx {
  let r = c1;
  let p = x;
  for (let mask = 1; mask > 0 && n >= mask; mask *= 2) {
    if (n & mask) r = cProd(r, p);
    p = cProd(p, p);
  }
  return r;
}

/** _Py_c_pow; null for errno = EDOM (zero to a negative or complex power). */
function cPowGeneral(a: Cx, b: Cx): Cx | null {
  if (b.re === 0 && b.im === 0) return c1;
  if (a.re === 0 && a.im === 0) return b.im !== 0 || b.re < 0 ? null : { re: 0, im: 0 };
  const vabs = hypot(a.re, a.im);
  let len = Math.pow(vabs, b.re);
  const at = Math.atan2(a.im, a.re);
  let phase = at * b.re;
  if (b.im !== 0) {
    len /= Math.exp(at * b.im);
    phase += b.im * Math.log(vabs);
  }
  // cos/sin of an infinite phase set errno = EDOM, which complex_pow reports as ZeroDivisionError.
  if (Math.abs(phase) === Infinity) return null;
  return { re: len * Math.cos(phase), im: len * Math.sin(phase) };
}

/** complex_pow: integral exponents up to 100 in size by c_powi, others by _Py_c_pow. */
export function complexPow(a: Cx, b: Cx): Cx {
  let p: Cx | null;
  if (b.im === 0 && Number.isInteger(b.re) && Math.abs(b.re) <= 100) {
    const n = b.re;
    p = n > 0 ? cPowu(a, n) : cQuot(c1, cPowu(a, -n));
  } else {
    p = cPowGeneral(a, b);
  }
  if (p === null) throw new PyException("ZeroDivisionError", "0.0 to a negative or complex power");
  // Py_ADJUST_ERANGE2: an infinite part is an overflow.
  if (Math.abs(p.re) === Infinity || Math.abs(p.im) === Infinity) throw new PyException("OverflowError", "complex exponentiation");
  return p;
}

/** complex_abs: C99 says an infinite part makes the result infinite even beside a NaN. */
export function complexAbs(z: Cx): number {
  if (!Number.isFinite(z.re) || !Number.isFinite(z.im)) {
    if (Math.abs(z.re) === Infinity || Math.abs(z.im) === Infinity) return Infinity;
    return NaN;
  }
  const r = hypot(z.re, z.im);
  if (!Number.isFinite(r)) throw new PyException("OverflowError", "absolute value too large");
  return r;
}

// glibc >= 2.35 hypot (sysdeps/ieee754/dbl-64/e_hypot.c, no-FMA build as on
// x86-64): Borges' correction ("An Improved Algorithm for hypot(a,b)", 2019)
// of sqrt(x*x + y*y), with scaling outside [2**-459, 2**511]. Math.hypot is
// not this function and differs in the last bit.
const SCALE = 2 ** -600;
const LARGE_VAL = 2 ** 511;
const TINY_VAL = 2 ** -459;
const EPS = 2 ** -54;

/** The Borges-corrected root; needs ax >= ay >= 0 with their squares in range. */
function hypotKernel(ax: number, ay: number): number {
  let h = Math.sqrt(ax * ax + ay * ay);
  let t1: number;
  let t2: number;
  if (h <= 2 * ay) {
    const delta = h - ay;
    t1 = ax * (2 * delta - ax);
    t2 = (delta - 2 * (ax - ay)) * delta;
  } else {
    const delta = h - ax;
    t1 = 2 * delta * (ax - 2 * ay);
    t2 = (4 * delta - ay) * ay + delta * delta;
  }
  h -= (t1 + t2) / (2 * h);
  return h;
}

export function hypot(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (Math.abs(x) === Infinity || Math.abs(y) === Infinity) return Infinity;
    return NaN;
  }
  x = Math.abs(x);
  y = Math.abs(y);
  const ax = x < y ? y : x;
  const ay = x < y ? x : y;
  if (ax > LARGE_VAL) {
    if (ay <= ax * EPS) return ax + ay;
    return hypotKernel(ax * SCALE, ay * SCALE) / SCALE;
  }
  if (ay < TINY_VAL) {
    if (ax >= ay / EPS) return ax + ay;
    return hypotKernel(ax / SCALE, ay / SCALE) * SCALE;
  }
  if (ay <= ax * EPS) return ax + ay;
  return hypotKernel(ax, ay);
}
