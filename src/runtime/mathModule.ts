// The math module (Modules/mathmodule.c): the functions whose results follow
// from exact arithmetic exactly (floor, ceil, trunc, sqrt, factorial, gcd,
// lcm, comb, perm, isqrt, prod, fsum, fmod, modf, frexp, ldexp, copysign …),
// and the transcendental ones through V8's Math (exp, log, sin …, which can
// differ from glibc's libm in the last bit: README, Limits). Only the names
// the version's math module has are offered (its generated attribute names).
import { PyException, typeError, valueError } from "./errors.js";
import { ctx } from "./ctx.js";
import { builtinFunction, False, pyBool, pyFloat, pyInt, True, typeName, type NativeFn, type PyObj } from "./objects.js";
import { big, bitLength, checkBits, intFromDouble, intValue, toFloat } from "./numbers.js";
import { getIter, toArray } from "./iteration.js";
import { binaryOp } from "./ops.js";
import { isUserObj, lookupDunder, callDunder, userIndexOf } from "./userDunders.js";
import type { Layout } from "../layouts/layout.js";
import { tuple2 } from "./tuples.js";
import { glibcCos, glibcLog, glibcSin } from "./libm/glibc.js";
import { fma } from "./libm/doubles.js";
import { glibcExp, glibcPow } from "./libm/glibcExpPow.js";
import { userFloat } from "./userConversions.js";
import { vectorNorm } from "./vectorNorm.js";

function domainError(): PyException {
  return valueError("math domain error");
}

function rangeError(): PyException {
  return new PyException("OverflowError", "math range error");
}

/** PyFloat_AsDouble of an argument: int, bool, float, a Decimal, or an object with __float__ (else __index__), as a Fraction. */
function num(x: PyObj | undefined): number {
  if (x === undefined) throw typeError("missing argument");
  const f = toFloat(x);
  if (f !== null) return f;
  if (x.t === "Decimal") {
    // Decimal.__float__: float(str(self)), a correctly rounded conversion of its digits.
    if (x.special === "sNaN") throw valueError("cannot convert signaling NaN to float");
    if (x.special === "NaN") return x.sign === 1 ? -NaN : NaN;
    if (x.special === "Infinity") return x.sign === 1 ? -Infinity : Infinity;
    return Number(`${x.sign === 1 ? "-" : ""}${x.coeff}e${x.exp}`);
  }
  if (isUserObj(x)) {
    const r = userFloat(x);
    if (r !== null) return (r as PyObj & { t: "float" }).v;
  }
  throw typeError(`must be real number, not ${typeName(x)}`);
}

interface TripleLength { readonly hi: number; readonly lo: number; readonly tiny: number }

/** dl_sum: the error-free sum a + b = x + y. */
function dlSum(a: number, b: number): [number, number] {
  const x = a + b;
  const z = x - a;
  return [x, a - (x - z) + (b - z)];
}

/** tl_fma: total + x * y in triple length (Algorithm 5.10 with SumKVert for K=3), the product split exactly by fma. */
function tlFma(x: number, y: number, total: TripleLength): TripleLength {
  const prHi = x * y;
  const prLo = fma(x, y, -prHi);
  const sm = dlSum(total.hi, prHi);
  const r1 = dlSum(total.lo, prLo);
  const r2 = dlSum(r1[0], sm[1]);
  return { hi: sm[0], lo: r2[0], tiny: total.tiny + r1[1] + r2[1] };
}

function tlToD(t: TripleLength): number {
  const last = dlSum(t.lo, t.hi);
  return t.tiny + last[1] + last[0];
}

const LONG_MAX = (1n << 63n) - 1n;
const LONG_MIN = -(1n << 63n);

/**
 * math.sumprod(p, q) (3.12+): exact ints summed in a C long while they fit, float
 * products (with an int or bool factor too) in triple-length arithmetic while they
 * stay finite, and anything else by the objects' own * and +; each path, once left,
 * adds its partial total to the running one and is not taken again.
 */
export function sumprod(p: PyObj, q: PyObj): PyObj {
  const pit = getIter(p);
  const qit = getIter(q);
  let total: PyObj = pyInt(0);
  let intPath = true;
  let intInUse = false;
  let intTotal = 0n;
  let fltPath = true;
  let fltInUse = false;
  const zero: TripleLength = { hi: 0, lo: 0, tiny: 0 };
  let flt = zero;
  // PyLong_AsDouble of an int or bool factor; null when it overflows (the float path is left).
  const asDouble = (o: PyObj): number | null => {
    if (o.t === "bool") return o.v ? 1 : 0;
    const f = Number(intValue(o));
    return Number.isFinite(f) ? f : null;
  };
  for (;;) {
    ctx().tick();
    const pi = pit.next();
    const qi = qit.next();
    if ((pi === undefined) !== (qi === undefined)) throw valueError("Inputs are not the same length");
    const finished = pi === undefined;
    if (intPath) {
      if (!finished && pi.t === "int" && qi!.t === "int") {
        const a = big(pi.v);
        const b = big(qi!.v);
        const prod = a * b;
        const sum = intTotal + prod;
        if (a >= LONG_MIN && a <= LONG_MAX && b >= LONG_MIN && b <= LONG_MAX && prod >= LONG_MIN && prod <= LONG_MAX && sum >= LONG_MIN && sum <= LONG_MAX) {
          intTotal = sum;
          intInUse = true;
          continue;
        }
      }
      intPath = false;
      if (intInUse) {
        total = binaryOp("Add", total, pyInt(intTotal));
        intTotal = 0n;
        intInUse = false;
      }
    }
    if (fltPath) {
      if (!finished) {
        const intLike = (o: PyObj): boolean => o.t === "int" || o.t === "bool";
        let pair: [number, number] | null = null;
        if (pi.t === "float" && qi!.t === "float") pair = [pi.v, qi!.v];
        else if (pi.t === "float" && intLike(qi!)) {
          const f = asDouble(qi!);
          pair = f === null ? null : [pi.v, f];
        } else if (qi!.t === "float" && intLike(pi)) {
          const f = asDouble(pi);
          pair = f === null ? null : [f, qi!.v];
        }
        if (pair !== null) {
          const next = tlFma(pair[0], pair[1], flt);
          if (Number.isFinite(next.hi)) {
            flt = next;
            fltInUse = true;
            continue;
          }
        }
      }
      fltPath = false;
      if (fltInUse) {
        total = binaryOp("Add", total, pyFloat(tlToD(flt)));
        flt = zero;
        fltInUse = false;
      }
    }
    if (finished) return total;
    total = binaryOp("Add", total, binaryOp("Mult", pi, qi!));
  }
}

/** PyFloat_AsDouble as the math module's functions take their arguments. */
export const floatArg = num;

/** An exact int argument (__index__), as gcd/lcm/comb/perm/isqrt/factorial take them. */
function index(x: PyObj | undefined): bigint {
  if (x === undefined) throw typeError("missing argument");
  const v = intValue(x) ?? (isUserObj(x) ? userIndexOf(x) : null);
  if (v === null) throw typeError(`'${typeName(x)}' object cannot be interpreted as an integer`);
  return big(v);
}

/** A float result, with CPython's errors for a NaN from finite input (domain) and an infinity from finite input (range). */
function checked(r: number, ...inputs: number[]): PyObj {
  const finite = inputs.every(Number.isFinite);
  if (Number.isNaN(r) && !inputs.some(Number.isNaN)) throw domainError();
  if (!Number.isFinite(r) && !Number.isNaN(r) && finite) throw rangeError();
  return pyFloat(r);
}

function unary(f: (x: number) => number): NativeFn {
  return ([x]) => {
    const v = num(x);
    return checked(f(v), v);
  };
}

/** floor/ceil: an int's own value for ints, __floor__/__ceil__ of a setup class, PyLong_FromDouble of the rounded float. */
function rounding(name: "__floor__" | "__ceil__", f: (x: number) => number): NativeFn {
  return ([x]) => {
    if (x === undefined) throw typeError("missing argument");
    if (x.t === "int") return x;
    if (x.t === "bool") return pyInt(x.v ? 1 : 0);
    if (isUserObj(x) && lookupDunder(x, name) !== undefined) return callDunder(x, name) as PyObj;
    const v = num(x);
    if (Number.isNaN(v)) throw valueError("cannot convert float NaN to integer");
    if (!Number.isFinite(v)) throw new PyException("OverflowError", "cannot convert float infinity to integer");
    return intFromDouble(f(v));
  };
}

/** math.isqrt: Newton's method from a power of two above the root (a double cannot hold a big n). */
export function isqrt(n: bigint): bigint {
  if (n < 0n) throw valueError("isqrt() argument must be nonnegative");
  if (n < 2n) return n;
  let x = 1n << BigInt(Math.ceil(bitLength(n) / 2));
  for (;;) {
    const y = (x + n / x) >> 1n;
    if (y >= x) return x;
    x = y;
  }
}

/** log2(n!) by Stirling's series: near enough to bound a result's size before computing it. */
function log2Factorial(n: number): number {
  if (n < 2) return 0;
  return (n * Math.log(n) - n + 0.5 * Math.log(2 * Math.PI * n) + 1 / (12 * n)) / Math.LN2;
}

/** lo * (lo + 1) * … * hi (1 when lo > hi), by halves so that big multiplications meet numbers of like size. */
function rangeProduct(lo: bigint, hi: bigint): bigint {
  if (lo > hi) return 1n;
  if (hi - lo < 32n) {
    let r = lo;
    for (let i = lo + 1n; i <= hi; i++) r *= i;
    return r;
  }
  const mid = (lo + hi) >> 1n;
  return rangeProduct(lo, mid) * rangeProduct(mid + 1n, hi);
}

/** About how many bits n! / (n - k)! takes (k <= n). */
function permBits(n: bigint, k: bigint): number {
  const nn = Number(n);
  return Number.isSafeInteger(nn) ? log2Factorial(nn) - log2Factorial(nn - Number(k)) : Number(k) * bitLength(n);
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** Shewchuk's exact summation, as math_fsum does (msum), with its overflow and special-value rules. */
export function fsum(values: readonly number[]): number {
  const partials: number[] = [];
  let special = 0;
  let infSum = 0;
  for (const x0 of values) {
    let x = x0;
    if (!Number.isFinite(x)) {
      if (Number.isNaN(x)) special = NaN;
      else infSum += x;
      special = Number.isNaN(special) ? NaN : 1;
      continue;
    }
    let i = 0;
    for (const p of partials) {
      let y = p;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) partials[i++] = lo;
      x = hi;
    }
    if (!Number.isFinite(x)) throw new PyException("OverflowError", "intermediate overflow in fsum");
    partials.length = i;
    partials.push(x);
  }
  if (special !== 0) {
    if (Number.isNaN(infSum) || Number.isNaN(special)) {
      if (Number.isNaN(infSum)) throw valueError("-inf + inf in fsum");
      return NaN;
    }
    return infSum;
  }
  let n = partials.length;
  let hi = 0;
  if (n > 0) {
    hi = partials[--n] as number;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = partials[--n] as number;
      hi = x + y;
      const yr = hi - x;
      lo = y - yr;
      if (lo !== 0) break;
    }
    // Round half-even correctly when the next partial has the same sign as lo.
    if (n > 0 && ((lo < 0 && (partials[n - 1] as number) < 0) || (lo > 0 && (partials[n - 1] as number) > 0))) {
      const y = lo * 2;
      const x = hi + y;
      const yr = x - hi;
      if (y === yr) hi = x;
    }
  }
  return hi;
}

/** frexp: mantissa in [0.5, 1) and exponent. */
function frexp(x: number): [number, number] {
  if (x === 0 || !Number.isFinite(x)) return [x, 0];
  let e = Math.max(-1073, Math.floor(Math.log2(Math.abs(x))) + 1);
  let m = x * 2 ** -e;
  while (Math.abs(m) < 0.5) {
    m *= 2;
    e--;
  }
  while (Math.abs(m) >= 1) {
    m /= 2;
    e++;
  }
  return [m, e];
}

function ldexp(m: number, e: number): number {
  // Scale in steps so that neither factor over- or underflows on the way.
  let r = m;
  let k = e;
  while (k > 1023) {
    r *= 2 ** 1023;
    k -= 1023;
  }
  while (k < -1022) {
    r *= 2 ** -1022;
    k += 1022;
    if (r === 0) return r;
  }
  return r * 2 ** k;
}

function comb(n: bigint, k: bigint): bigint {
  if (n < 0n) throw valueError("n must be a non-negative integer");
  if (k < 0n) throw valueError("k must be a non-negative integer");
  if (k > n) return 0n;
  if (k > n - k) k = n - k;
  checkBits(Math.ceil(permBits(n, k) - log2Factorial(Number(k))));
  return rangeProduct(n - k + 1n, n) / rangeProduct(2n, k);
}

function perm(n: bigint, k: bigint): bigint {
  if (n < 0n) throw valueError("n must be a non-negative integer");
  if (k < 0n) throw valueError("k must be a non-negative integer");
  if (k > n) return 0n;
  checkBits(Math.ceil(permBits(n, k)));
  return rangeProduct(n - k + 1n, n);
}

const DEG_TO_RAD = Math.PI / 180;

const bits = new DataView(new ArrayBuffer(8));
/** The sign bit of a double (a NaN's too, as copysign reads it). */
function signBit(x: number): boolean {
  bits.setFloat64(0, x);
  return (bits.getUint8(0) & 0x80) !== 0;
}

function functions(): [string, NativeFn][] {
  return [
    ["floor", rounding("__floor__", Math.floor)],
    ["ceil", rounding("__ceil__", Math.ceil)],
    ["trunc", ([x]) => {
      if (x === undefined) throw typeError("missing argument");
      if (x.t === "int") return x;
      if (x.t === "bool") return pyInt(x.v ? 1 : 0);
      if (isUserObj(x) && lookupDunder(x, "__trunc__") !== undefined) return callDunder(x, "__trunc__") as PyObj;
      if (x.t !== "float") throw typeError(`type ${typeName(x)} doesn't define __trunc__ method`);
      if (Number.isNaN(x.v)) throw valueError("cannot convert float NaN to integer");
      if (!Number.isFinite(x.v)) throw new PyException("OverflowError", "cannot convert float infinity to integer");
      return intFromDouble(Math.trunc(x.v));
    }],
    ["fabs", unary(Math.abs)],
    ["sqrt", ([x]) => {
      const v = num(x);
      if (v < 0) throw domainError();
      return pyFloat(Math.sqrt(v));
    }],
    ["isqrt", ([x]) => pyInt(isqrt(index(x)))],
    ["factorial", ([x]) => {
      let n: bigint;
      if (x !== undefined && x.t === "float") {
        if (!ctx().layout.rules.factorialTakesIntegralFloat) throw typeError("'float' object cannot be interpreted as an integer");
        if (!Number.isInteger(x.v)) throw valueError("factorial() only accepts integral values");
        n = BigInt(x.v);
      } else n = index(x);
      if (n < 0n) throw valueError("factorial() not defined for negative values");
      checkBits(Math.ceil(log2Factorial(Number(n))));
      return pyInt(rangeProduct(2n, n));
    }],
    ["gcd", (args) => pyInt(args.map(index).reduce((a, b) => gcd(a, b), 0n))],
    ["lcm", (args) => pyInt(args.map(index).reduce((a, b) => (a === 0n || b === 0n ? 0n : ((a < 0n ? -a : a) / gcd(a, b)) * (b < 0n ? -b : b)), 1n))],
    ["comb", ([n, k]) => pyInt(comb(index(n), index(k)))],
    ["perm", ([n, k]) => pyInt(k === undefined || k.t === "NoneType" ? perm(index(n), index(n)) : perm(index(n), index(k)))],
    ["prod", (args, kw) => {
      // start * item * … with the operators' own results (ints stay exact, floats round per step).
      let acc: PyObj = kw.values.get("start") ?? pyInt(1);
      for (const x of toArray(args[0] as PyObj)) acc = binaryOp("Mult", acc, x);
      return acc;
    }],
    ["fsum", ([it]) => pyFloat(fsum(toArray(it as PyObj).map(num)))],
    ["sumprod", ([p, q]) => sumprod(p as PyObj, q as PyObj)],
    ["isnan", ([x]) => pyBool(Number.isNaN(num(x)))],
    ["isinf", ([x]) => {
      const v = num(x);
      return pyBool(!Number.isFinite(v) && !Number.isNaN(v));
    }],
    ["isfinite", ([x]) => pyBool(Number.isFinite(num(x)))],
    ["isclose", (args, kw) => {
      const a = num(args[0]);
      const b = num(args[1]);
      const rel = kw.values.has("rel_tol") ? num(kw.values.get("rel_tol")) : 1e-9;
      const abs = kw.values.has("abs_tol") ? num(kw.values.get("abs_tol")) : 0;
      if (rel < 0 || abs < 0) throw valueError("tolerances must be non-negative");
      if (a === b) return True;
      if (!Number.isFinite(a) || !Number.isFinite(b)) return False;
      const diff = Math.abs(b - a);
      return pyBool(diff <= Math.abs(rel * b) || diff <= Math.abs(rel * a) || diff <= abs);
    }],
    ["copysign", ([x, y]) => {
      const a = Math.abs(num(x));
      return pyFloat(signBit(num(y)) ? -a : a);
    }],
    ["fmod", ([x, y]) => {
      const a = num(x);
      const b = num(y);
      if (!Number.isFinite(b) && Number.isFinite(a)) return pyFloat(a);
      const r = a % b;
      if (Number.isNaN(r) && !Number.isNaN(a) && !Number.isNaN(b)) throw domainError();
      return pyFloat(r);
    }],
    ["modf", ([x]) => {
      const v = num(x);
      if (!Number.isFinite(v)) return tuple2(pyFloat(Number.isNaN(v) ? v : Math.sign(v) * 0), pyFloat(v));
      const ip = Math.trunc(v);
      return tuple2(pyFloat(v - ip === 0 ? (Object.is(v, -0) || v < 0 ? -0 : 0) : v - ip), pyFloat(ip));
    }],
    ["frexp", ([x]) => {
      const [m, e] = frexp(num(x));
      return tuple2(pyFloat(m), pyInt(e));
    }],
    ["ldexp", ([x, i]) => {
      const m = num(x);
      const e = index(i);
      if (m === 0 || !Number.isFinite(m)) return pyFloat(m);
      const r = e > 100_000n ? m * Infinity : e < -100_000n ? m * 0 : ldexp(m, Number(e));
      if (!Number.isFinite(r)) throw rangeError();
      return pyFloat(r);
    }],
    ["degrees", ([x]) => pyFloat(num(x) / DEG_TO_RAD)],
    ["radians", ([x]) => pyFloat(num(x) * DEG_TO_RAD)],
    ["exp", unary(glibcExp)],
    ["exp2", unary((x) => 2 ** x)],
    ["expm1", unary(Math.expm1)],
    ["log", (args) => {
      const l = (x: PyObj | undefined): number => {
        if (x !== undefined && x.t === "int" && typeof x.v === "bigint" && x.v > 0n && !Number.isFinite(Number(x.v))) {
          // loghelper: an int too large for a double goes through _PyLong_Frexp (x = m * 2**e, m in [0.5, 1)).
          const e = bitLength(x.v);
          return glibcLog(Number(x.v >> BigInt(e - 60)) / 2 ** 60) + glibcLog(2) * e;
        }
        const v = num(x);
        if (v <= 0 && !Number.isNaN(v)) throw domainError();
        return glibcLog(v);
      };
      const n = l(args[0]);
      if (args[1] === undefined) return pyFloat(n);
      const d = l(args[1]);
      if (d === 0) throw new PyException("ZeroDivisionError", "float division by zero");
      return pyFloat(n / d);
    }],
    ["log2", unaryLog(Math.log2)],
    ["log10", unaryLog(Math.log10)],
    ["log1p", ([x]) => {
      const v = num(x);
      if (v <= -1) throw domainError();
      return pyFloat(Math.log1p(v));
    }],
    ["pow", ([x, y]) => {
      const a = num(x);
      const b = num(y);
      if (a === 1 || b === 0) return pyFloat(1);
      if (a === 0 && b < 0) throw domainError();
      if (a < 0 && Number.isFinite(a) && Number.isFinite(b) && !Number.isInteger(b)) throw domainError();
      // Finite operands: libm's pow (glibc's, bit for bit); it takes |a| and fixes the sign of an odd power itself.
      if (Number.isFinite(a) && Number.isFinite(b) && a !== 0) {
        const r = glibcPow(Math.abs(a), b);
        return checked(a < 0 && Math.abs(b % 2) === 1 ? -r : r, a, b);
      }
      return checked(a ** b, a, b);
    }],
    ["sin", unary(glibcSin)],
    ["cos", unary(glibcCos)],
    ["tan", unary(Math.tan)],
    ["asin", unary(Math.asin)],
    ["acos", unary(Math.acos)],
    ["atan", unary(Math.atan)],
    ["atan2", ([y, x]) => pyFloat(Math.atan2(num(y), num(x)))],
    ["sinh", unary(Math.sinh)],
    ["cosh", unary(Math.cosh)],
    ["tanh", unary(Math.tanh)],
    ["asinh", unary(Math.asinh)],
    ["acosh", unary(Math.acosh)],
    ["atanh", ([x]) => {
      const v = num(x);
      if (Math.abs(v) >= 1) throw domainError();
      return pyFloat(Math.atanh(v));
    }],
    ["cbrt", unary(Math.cbrt)],
    ["hypot", (args) => pyFloat(norm(args.map((x) => Math.abs(num(x)))))],
    ["dist", ([p, q]) => {
      // Each point made a tuple (PySequence_Tuple) first; then px, qx converted in turn.
      const ps = toArray(p as PyObj);
      const qs = toArray(q as PyObj);
      if (ps.length !== qs.length) throw valueError("both points must have the same number of dimensions");
      return pyFloat(norm(ps.map((x, i) => Math.abs(num(x) - num(qs[i])))));
    }],
  ];
}

/** vector_norm of non-negative coordinates, with the largest and whether any is a NaN found first. */
function norm(coords: number[]): number {
  let max = 0;
  let nan = false;
  for (const x of coords) {
    if (Number.isNaN(x)) nan = true;
    else if (x > max) max = x;
  }
  return vectorNorm(coords, max, nan, ctx().layout.rules.hypotCorrected);
}

function unaryLog(f: (x: number) => number): NativeFn {
  return ([x]) => {
    if (x !== undefined && x.t === "int" && typeof x.v === "bigint" && x.v > 0n && !Number.isFinite(Number(x.v))) {
      const e = bitLength(x.v);
      return pyFloat(f(Number(x.v >> BigInt(e - 60)) / 2 ** 60) + f(2) * e);
    }
    const v = num(x);
    if (v <= 0 && !Number.isNaN(v)) throw domainError();
    return pyFloat(f(v));
  };
}

/** The math module's attributes for a version: only the names its math module has. */
export function mathModuleAttrs(layout: Layout): [string, PyObj][] {
  const names = new Set((layout.attributeNames()["module math"] ?? "").split(" "));
  const consts: [string, PyObj][] = [["pi", pyFloat(Math.PI)], ["e", pyFloat(Math.E)], ["tau", pyFloat(2 * Math.PI)], ["inf", pyFloat(Infinity)], ["nan", pyFloat(NaN)]];
  const fns: [string, PyObj][] = functions().map(([n, f]) => [n, builtinFunction(n, f, "math")]);
  return [...consts, ...fns].filter(([n]) => names.has(n));
}
