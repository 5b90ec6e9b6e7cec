// Python's numeric tower over modelled ints (number | bigint), floats and complexes.
import { bigBitLength, numberBitLength } from "../layouts/bigintBits.js";
import { complexPow } from "./complexes.js";
import { chargeSteps, ctx } from "./ctx.js";
import { PyException, limitError, typeError, valueError } from "./errors.js";
import { pyComplex, pyFloat, pyInt, pyIntFresh, typeName, type PyObj } from "./objects.js";
import { userIndexOf } from "./userDunders.js";
import { glibcPow } from "./libm/glibcExpPow.js";

export type IntV = number | bigint;

/** Ints beyond this many bits are refused: their arithmetic would not be bounded work. */
export const MAX_INT_BITS = 1 << 22;

export function big(v: IntV): bigint {
  return typeof v === "bigint" ? v : BigInt(v);
}

export function bitLength(v: IntV): number {
  return typeof v === "number" ? numberBitLength(v) : bigBitLength(v);
}

/** Bits of result per counted step: a big multiplication or power costs about this much per word. */
const BITS_PER_STEP = 64;

/** Refuses (LIMIT) an int result of about `bits` bits past pymem's bound, and counts the work of a big one. */
export function checkBits(bits: number): void {
  if (bits > MAX_INT_BITS) {
    throw limitError(`the result would be an int of about ${bits} bits; pymem computes ints up to ${MAX_INT_BITS} bits`);
  }
  if (bits >= 1 << 16) chargeSteps(bits / BITS_PER_STEP);
}

/** The int value of an int or bool, else null. */
export function intValue(o: PyObj): IntV | null {
  if (o.t === "int") return o.v;
  if (o.t === "bool") return o.v ? 1 : 0;
  return null;
}

export function isIntLike(o: PyObj): boolean {
  return o.t === "int" || o.t === "bool";
}

export function toFloat(o: PyObj): number | null {
  switch (o.t) {
    case "int": {
      if (typeof o.v === "number") return o.v;
      const f = Number(o.v);
      if (!Number.isFinite(f)) throw new PyException("OverflowError", "int too large to convert to float");
      return f;
    }
    case "bool":
      return o.v ? 1 : 0;
    case "float":
      return o.v;
    default:
      return null;
  }
}

/** The index list.pop / bytearray.pop / array.pop remove (last by default), checked as CPython does. */
export function popIndex(i: PyObj | undefined, len: number, what: string): number {
  // Argument Clinic converts the index before the method sees an empty sequence.
  let at = i === undefined ? len - 1 : toIndex(i);
  if (len === 0) throw new PyException("IndexError", `pop from empty ${what}`);
  if (at < 0) at += len;
  if (at < 0 || at >= len) throw new PyException("IndexError", "pop index out of range");
  return at;
}

/** v / p rounded half to even (floor-based, so negative v rounds as Python does). */
export function divRoundHalfEven(v: bigint, p: bigint): bigint {
  let q = v / p;
  let r = v % p;
  if (r < 0n) {
    r += p;
    q -= 1n;
  }
  if (r * 2n > p || (r * 2n === p && q % 2n !== 0n)) q += 1n;
  return q;
}

/** One digit of the layout's PyLong_SHIFT bits (or none: 0). */
function isSingleDigit(v: IntV): boolean {
  return ctx().layout.long.digits(v) <= 1;
}

/**
 * long_add / long_sub's result: both operands single-digit go through PyLong_FromLong (cached when
 * small); otherwise x_add/x_sub, whose small nonzero result is cached only where x_sub ends in
 * maybe_small_long (the layout's rule; 0 of equal magnitudes is PyLong_FromLong(0) everywhere).
 */
function addSubResult(a: IntV, b: IntV, r: number | bigint): PyObj {
  if (r === 0 || r === 0n || ctx().layout.rules.xSubMaybeSmall || (isSingleDigit(a) && isSingleDigit(b))) return pyInt(r);
  return pyIntFresh(big(r));
}

export function intAdd(a: IntV, b: IntV): PyObj {
  if (typeof a === "number" && typeof b === "number") {
    const r = a + b;
    if (Number.isSafeInteger(r)) return addSubResult(a, b, r);
  }
  return addSubResult(a, b, big(a) + big(b));
}

export function intSub(a: IntV, b: IntV): PyObj {
  if (typeof a === "number" && typeof b === "number") {
    const r = a - b;
    if (Number.isSafeInteger(r)) return addSubResult(a, b, r);
  }
  return addSubResult(a, b, big(a) - big(b));
}

export function intMul(a: IntV, b: IntV): PyObj {
  if (typeof a === "number" && typeof b === "number") {
    const r = a * b;
    if (Number.isSafeInteger(r)) return pyInt(r);
  }
  checkBits(bitLength(a) + bitLength(b));
  return pyInt(big(a) * big(b));
}

export function intFloorDiv(a: IntV, b: IntV): PyObj {
  if (b === 0 || b === 0n) throw new PyException("ZeroDivisionError", "integer division or modulo by zero");
  if (typeof a === "number" && typeof b === "number") return pyInt(Math.floor(a / b));
  const x = big(a);
  const y = big(b);
  let q = x / y;
  if ((x % y !== 0n) && ((x < 0n) !== (y < 0n))) q -= 1n;
  return pyInt(q);
}

/** abs(v) in the layout's digits, most significant first: [ndigits, top digit]. */
function topDigit(v: bigint): [number, bigint] {
  const a = v < 0n ? -v : v;
  const { digits, digitBase } = ctx().layout.long;
  const n = digits(a);
  return [n, n === 0 ? 0n : a / BigInt(digitBase) ** BigInt(n - 1)];
}

/**
 * l_mod: a multi-digit divisor goes through x_divrem, whose remainder is a new
 * int even when small (not the cached one) unless the layout's rule says it
 * ends in maybe_small_long (3.11+); a sign fix-up adds the divisor
 * back through long_add, which does return cached small ints.
 */
export function intMod(a: IntV, b: IntV, aObj: PyObj | null = null): PyObj {
  if (b === 0 || b === 0n) throw new PyException("ZeroDivisionError", "integer division or modulo by zero");
  if (typeof a === "number" && typeof b === "number" && ctx().layout.long.digits(b) === 1) {
    // A one-digit divisor never takes x_divrem: the remainder is an ordinary int result.
    const r = a % b;
    return pyInt(r !== 0 && r < 0 !== b < 0 ? r + b : r);
  }
  const x = big(a);
  const y = big(b);
  const [na, ta] = topDigit(x);
  const [nb, tb] = topDigit(y);
  const smaller = na < nb || (na === nb && ta < tb);
  const viaDivrem = nb >= 2 && !smaller;
  let r = x % y;
  if (r !== 0n && (r < 0n) !== (y < 0n)) return pyInt(r + y);
  // long_rem: |a| < |b| (and not both single-digit) gives a itself back as the remainder.
  if (smaller && aObj !== null && aObj.t === "int" && !(na <= 1 && nb <= 1)) return aObj;
  if (viaDivrem && !ctx().layout.rules.divremMaybeSmall) return pyIntFresh(r);
  if (typeof a === "number" && typeof b === "number") return pyInt(Number(r));
  return pyInt(r);
}

export function intPow(a: IntV, b: IntV): PyObj {
  if (b < 0) {
    // long_pow hands a negative exponent to float_pow, both operands converted to floats.
    const fa = Number(a);
    if (!Number.isFinite(fa)) throw new PyException("OverflowError", "int too large to convert to float");
    if (fa === 0) throw new PyException("ZeroDivisionError", "0.0 cannot be raised to a negative power");
    return floatPow(fa, Number(b));
  }
  const base = big(a);
  const exp = big(b);
  if (base === 0n || base === 1n) return pyInt(exp === 0n ? 1n : base);
  if (base === -1n) return pyInt(exp % 2n === 0n ? 1n : -1n);
  const bits = Number(exp) * (bitLength(a) - 1) + 1;
  checkBits(Number.isFinite(bits) ? bits : Infinity);
  return pyInt(base ** exp);
}

export function intPowMod(a: IntV, b: IntV, m: IntV): PyObj {
  let mod = big(m);
  if (mod === 0n) throw valueError("pow() 3rd argument cannot be 0");
  let base = big(a);
  let exp = big(b);
  const neg = mod < 0n;
  if (neg) mod = -mod;
  if (exp < 0n) {
    base = modInverse(base, mod);
    exp = -exp;
  }
  let result = 1n % mod;
  base = ((base % mod) + mod) % mod;
  while (exp > 0n) {
    if (exp & 1n) result = (result * base) % mod;
    base = (base * base) % mod;
    exp >>= 1n;
  }
  if (neg && result !== 0n) result -= mod;
  return pyInt(result);
}

function modInverse(a: bigint, m: bigint): bigint {
  let [oldR, r] = [((a % m) + m) % m, m];
  let [oldS, s] = [1n, 0n];
  while (r !== 0n) {
    const q = oldR / r;
    [oldR, r] = [r, oldR - q * r];
    [oldS, s] = [s, oldS - q * s];
  }
  if (oldR !== 1n) throw valueError("base is not invertible for the given modulus");
  return ((oldS % m) + m) % m;
}

export function intLShift(a: IntV, b: IntV): PyObj {
  if (b < 0) throw valueError("negative shift count");
  if (a === 0 || a === 0n) return pyInt(0);
  // divmod_shift (3.9+) / _PyLong_New (3.8): a shift of PY_SSIZE_T_MAX / sizeof(digit) digits or more.
  if (big(b) / BigInt(Math.log2(ctx().layout.long.digitBase)) >= (2n ** 63n - 1n) / 4n) throw new PyException("OverflowError", "too many digits in integer");
  checkBits(bitLength(a) + Number(b));
  return pyInt(big(a) << big(b));
}

export function intRShift(a: IntV, b: IntV): PyObj {
  if (b < 0) throw valueError("negative shift count");
  if (big(b) > BigInt(MAX_INT_BITS) * 2n) return pyInt(a < 0 ? -1 : 0);
  return pyInt(big(a) >> big(b));
}

export function intBitOp(op: "&" | "|" | "^", a: IntV, b: IntV): PyObj {
  if (typeof a === "number" && typeof b === "number" && Math.abs(a) < 2 ** 31 && Math.abs(b) < 2 ** 31) {
    return pyInt(op === "&" ? a & b : op === "|" ? a | b : a ^ b);
  }
  const x = big(a);
  const y = big(b);
  return pyInt(op === "&" ? x & y : op === "|" ? x | y : x ^ y);
}

export function floatMod(a: number, b: number): number {
  if (b === 0) throw new PyException("ZeroDivisionError", "float modulo");
  let r = a % b;
  if (r !== 0 && (r < 0) !== (b < 0)) r += b;
  else if (r === 0) r = b < 0 ? -0 : 0;
  return r;
}

export function floatFloorDiv(a: number, b: number): number {
  if (b === 0) throw new PyException("ZeroDivisionError", "float floor division by zero");
  return Math.floor(a / b);
}

/** 2.0 ** 53 and up are even; an odd integer is what DOUBLE_IS_ODD_INTEGER tests. */
function isOddInteger(x: number): boolean {
  return Number.isInteger(x) && Math.abs(x % 2) === 1;
}

/** float_pow (Objects/floatobject.c): its special cases first, then the platform pow. */
export function floatPow(a: number, b: number): PyObj {
  if (b === 0) return pyFloat(1);
  if (Number.isNaN(a)) return pyFloat(a);
  if (Number.isNaN(b)) return pyFloat(a === 1 ? 1 : b);
  if (!Number.isFinite(b)) {
    const av = Math.abs(a);
    if (av === 1) return pyFloat(1);
    return pyFloat(b > 0 === av > 1 ? Math.abs(b) : 0);
  }
  if (!Number.isFinite(a)) {
    const odd = isOddInteger(b);
    if (b > 0) return pyFloat(odd ? a : Math.abs(a));
    return pyFloat(odd ? (a < 0 ? -0 : 0) : 0);
  }
  if (a === 0) {
    if (b < 0) throw new PyException("ZeroDivisionError", "0.0 cannot be raised to a negative power");
    return pyFloat(isOddInteger(b) ? a : 0);
  }
  let iv = a;
  let negate = false;
  if (iv < 0) {
    // Negative numbers raised to fractional powers become complex (complex_pow).
    if (b !== Math.floor(b)) {
      const r = complexPow({ re: a, im: 0 }, { re: b, im: 0 });
      return pyComplex(r.re, r.im);
    }
    iv = -iv;
    negate = isOddInteger(b);
  }
  if (iv === 1) return pyFloat(negate ? -1 : 1);
  const r = glibcPow(iv, b);
  // _Py_ADJUST_ERANGE1: an infinite result from finite operands is ERANGE.
  if (!Number.isFinite(r)) throw new PyException("OverflowError", "(34, 'Numerical result out of range')");
  return pyFloat(negate ? -r : r);
}

export function checkFloat(r: number, what: string): number {
  if (!Number.isFinite(r)) throw new PyException("OverflowError", what);
  return r;
}

/** Python's int(float): truncation toward zero. */
export function floatToInt(f: number): PyObj {
  if (Number.isNaN(f)) throw valueError("cannot convert float NaN to integer");
  if (!Number.isFinite(f)) throw new PyException("OverflowError", "cannot convert float infinity to integer");
  const t = Math.trunc(f);
  return Number.isSafeInteger(t) ? pyInt(t) : pyInt(BigInt(t));
}

/** PyLong_FromDouble of an integral float (round()): a small result is cached only by the layout's rule, else only 0. */
export function intFromDouble(f: number): PyObj {
  const r = floatToInt(f);
  if (ctx().layout.rules.fromDoubleMaybeSmall || Math.abs(f) < 1 || r.t !== "int") return r;
  return pyIntFresh(big(r.v));
}

/** A Python int to a JS number, refusing what does not fit an index (Py_ssize_t). */
export function toIndex(o: PyObj): number {
  const v = intValue(o) ?? userIndexOf(o);
  if (v === null) throw typeError(`'${typeName(o)}' object cannot be interpreted as an integer`);
  if (typeof v === "bigint") {
    if (v > 2n ** 63n - 1n || v < -(2n ** 63n)) throw new PyException("OverflowError", `Python int too large to convert to C ssize_t`);
    return Number(v);
  }
  return v;
}
