// decimal.Decimal values: construction from str, int, float and Decimal, and
// arithmetic rounded to the context precision (ROUND_HALF_EVEN), which is
// what decides how many coefficient words a result holds.
import { ctx } from "./ctx.js";
import { PyException, PymemError, typeError, valueError } from "./errors.js";
import { toArray } from "./iteration.js";
import { divRoundHalfEven, intValue } from "./numbers.js";
import { pyInt, pyStr, typeName, type Kwargs, type PyDecimalObj, type PyObj } from "./objects.js";
import { codePoints, strText } from "./text.js";
import { decimalValue, isUnicodeSpace } from "./unicodeChars.js";
import type { BinOpName } from "../python/ast.js";

export function makeDecimal(sign: 0 | 1, coeff: bigint, exp: number, special: PyDecimalObj["special"] = null, dynamic = false): PyDecimalObj {
  return { t: "Decimal", sign, coeff, exp, special, dynamic };
}

function words(c: bigint): number {
  return ctx().layout.decimal.words(digitCount(c));
}

/** An arithmetic result: dynamic when an operand was, or the exact result outgrew the static words. */
function result(d: PyDecimalObj, operands: readonly PyDecimalObj[], exact: bigint): PyDecimalObj {
  const r = roundToContext(d);
  const dyn = operands.some((o) => o.dynamic || words(o.coeff) > ctx().layout.decimal.minalloc) || words(exact) > ctx().layout.decimal.minalloc;
  return dyn ? { ...r, dynamic: true } : r;
}

/**
 * _decimal's numeric_as_ascii: Py_UNICODE_ISSPACE stripped at both ends, underscores
 * dropped, other spaces to ' ' and decimal digits to ASCII; any other character makes
 * the text unparseable ('').
 */
function numericAsAscii(text: string): string {
  if (/^[\x01-\x7f]*$/.test(text)) return text.replace(/^[\t-\r\x1c-\x20]+|[\t-\r\x1c-\x20]+$/g, "").replace(/_/g, "");
  const cps = codePoints(text);
  let i = 0;
  let j = cps.length;
  while (j > 0 && isUnicodeSpace(cps[j - 1] as number)) j--;
  while (i < j && isUnicodeSpace(cps[i] as number)) i++;
  let out = "";
  for (; i < j; i++) {
    const cp = cps[i] as number;
    if (cp === 0x5f) continue;
    if (cp > 0 && cp <= 127) out += String.fromCharCode(cp);
    else if (isUnicodeSpace(cp)) out += " ";
    else {
      const d = decimalValue(cp);
      if (d < 0) return "";
      out += String(d);
    }
  }
  return out;
}

/** Decimal(str): the exact value, digits as written (no rounding on construction). */
export function decimalFromString(text: string): PyDecimalObj {
  const s = numericAsAscii(text);
  const m = /^([+-])?(?:(\d+)(?:\.(\d*))?|\.(\d+))(?:[eE]([+-]?\d+))?$/.exec(s);
  if (m === null) {
    const sp = /^([+-])?(inf|infinity|nan|snan)$/i.exec(s);
    if (sp !== null) {
      const kind = (sp[2] as string).toLowerCase();
      return makeDecimal(sp[1] === "-" ? 1 : 0, 0n, 0, kind.startsWith("inf") ? "Infinity" : kind === "nan" ? "NaN" : "sNaN");
    }
    const payload = /^([+-])?(s?nan)(\d+)$/i.exec(s);
    if (payload !== null) return makeDecimal(payload[1] === "-" ? 1 : 0, BigInt(payload[3] as string), 0, (payload[2] as string).toLowerCase() === "nan" ? "NaN" : "sNaN");
    throw new PyException("InvalidOperation", "[<class 'decimal.ConversionSyntax'>]");
  }
  const intPart = m[2] ?? "";
  const frac = m[3] ?? m[4] ?? "";
  const exp = Number(m[5] ?? "0") - frac.length;
  const digits = (intPart + frac).replace(/^0+(?=\d)/, "") || "0";
  return makeDecimal(m[1] === "-" ? 1 : 0, BigInt(digits), exp);
}

/** Decimal(float): the float's exact binary value in decimal. */
export function decimalFromFloat(f: number): PyDecimalObj {
  if (Number.isNaN(f)) return makeDecimal(0, 0n, 0, "NaN");
  if (!Number.isFinite(f)) return makeDecimal(f < 0 ? 1 : 0, 0n, 0, "Infinity");
  const sign = f < 0 || Object.is(f, -0) ? 1 : 0;
  let m = Math.abs(f);
  let k = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    k++;
  }
  // m / 2**k == m * 5**k / 10**k
  return makeDecimal(sign, BigInt(m) * 5n ** BigInt(k), -k);
}

/**
 * Decimal(float) as PyDecType_FromFloatExact builds it: n/2**k = abs(f).as_integer_ratio(), the
 * Decimal of the int n (dec_from_long), then mpd_qmul by 5**k. _mpd_qmul leaves the static words
 * alone when one factor has one word each, or when their words sum to at most _Py_DEC_MINALLOC;
 * otherwise it resizes to the sum (dynamic) and shrinks to the product's words (at least MINALLOC).
 */
function decimalFromFloatExact(f: number): PyDecimalObj {
  const d = decimalFromFloat(f);
  if (d.special !== null) return d;
  const fiveToK = 5n ** BigInt(-d.exp);
  const n = d.coeff / fiveToK;
  const fromLong = toDecimal(pyInt(n)) as PyDecimalObj;
  const la = words(n);
  const lb = words(fiveToK);
  const minalloc = ctx().layout.decimal.minalloc;
  const dynamic = Math.max(la, lb) === 1 ? fromLong.dynamic : fromLong.dynamic || la + lb > minalloc;
  return dynamic ? { ...d, dynamic: true } : d;
}

/**
 * A copy of `d` with the context applied (mpd_qcopy and mpd_qfinalize: unary +, -, abs): the
 * copy resizes to the operand's words, so it is dynamic only when those exceed the static words.
 */
export function decimalCopyRounded(d: PyDecimalObj, sign: 0 | 1): PyDecimalObj {
  const r = roundToContext(makeDecimal(sign, d.coeff, d.exp, d.special));
  return words(d.coeff) > ctx().layout.decimal.minalloc && d.special === null ? { ...r, dynamic: true } : r;
}

export function toDecimal(o: PyObj): PyDecimalObj | null {
  if (o.t === "Decimal") return o;
  const v = intValue(o);
  if (v !== null) {
    const b = BigInt(v);
    const a = b < 0n ? -b : b;
    // dec_from_long: one-digit ints are set directly; longer ones go through mpd_qimport_u32.
    const digits = ctx().layout.long.digits(a);
    const dynamic = digits > 1 && ctx().layout.decimal.importWords(digits) > ctx().layout.decimal.minalloc;
    return makeDecimal(b < 0n ? 1 : 0, a, 0, null, dynamic);
  }
  return null;
}

function digitCount(c: bigint): number {
  return c === 0n ? 1 : c.toString().length;
}

/** Round to the context precision, half to even. */
export function roundToContext(d: PyDecimalObj): PyDecimalObj {
  if (d.special !== null) return d;
  const prec = ctx().decimalPrec;
  const n = digitCount(d.coeff);
  if (n <= prec) return inExponentRange(d);
  const drop = n - prec;
  let q = divRoundHalfEven(d.coeff, 10n ** BigInt(drop));
  let exp = d.exp + drop;
  if (digitCount(q) > prec) {
    q /= 10n;
    exp += 1;
  }
  return inExponentRange(makeDecimal(d.sign, q, exp));
}

/** The default context's Emax (pymem refuses setting another); Emin is -Emax. */
const EMAX = 999_999;

/**
 * _mpd_check_exp on a rounded result: past Emax the Overflow signal, which the default context
 * traps; below Emin the subnormal and clamping rules, which pymem does not model.
 */
function inExponentRange(d: PyDecimalObj): PyDecimalObj {
  const adjusted = d.exp + digitCount(d.coeff) - 1;
  if (adjusted > EMAX) {
    if (d.coeff !== 0n) throw new PyException("Overflow", "[<class 'decimal.Overflow'>]");
    refuseDecimal("a zero Decimal result clamped to the context's exponent range");
  }
  if (adjusted < -EMAX) refuseDecimal("a subnormal Decimal result (below the context's Emin)");
  return d;
}

function signed(d: PyDecimalObj): bigint {
  return d.sign === 1 ? -d.coeff : d.coeff;
}

function fromSigned(v: bigint, exp: number): PyDecimalObj {
  return makeDecimal(v < 0n ? 1 : 0, v < 0n ? -v : v, exp);
}

function align(a: PyDecimalObj, b: PyDecimalObj): [bigint, bigint, number] {
  const e = Math.min(a.exp, b.exp);
  return [signed(a) * 10n ** BigInt(a.exp - e), signed(b) * 10n ** BigInt(b.exp - e), e];
}

export function decimalBinary(op: BinOpName, x: PyObj, y: PyObj): PyObj | null {
  const a = toDecimal(x);
  const b = toDecimal(y);
  if (a === null || b === null || (x.t !== "Decimal" && y.t !== "Decimal")) {
    if ((x.t === "Decimal" && y.t === "float") || (y.t === "Decimal" && x.t === "float")) {
      throw typeError(`unsupported operand type(s) for ${op}: '${typeName(x)}' and '${typeName(y)}'`);
    }
    return null;
  }
  // Infinities and NaNs follow the specification's own tables and signals: not modelled (before, every result was NaN).
  if (a.special !== null || b.special !== null) return refuseDecimal("arithmetic with a Decimal infinity or NaN");
  switch (op) {
    case "Add": {
      const [p, q, e] = align(a, b);
      return result(fromSigned(p + q, e), [a, b], p + q < 0n ? -(p + q) : p + q);
    }
    case "Sub": {
      const [p, q, e] = align(a, b);
      return result(fromSigned(p - q, e), [a, b], p - q < 0n ? -(p - q) : p - q);
    }
    case "Mult": {
      // _mpd_qmul: two one-word factors multiply in place; otherwise the result is resized to
      // len(a) + len(b) words (dynamic past the static ones) and shrunk to the product's.
      const la = words(a.coeff);
      const lb = words(b.coeff);
      const r = roundToContext(makeDecimal(a.sign === b.sign ? 0 : 1, a.coeff * b.coeff, a.exp + b.exp));
      return Math.max(la, lb) > 1 && la + lb > ctx().layout.decimal.minalloc ? { ...r, dynamic: true } : r;
    }
    case "Div": {
      if (b.coeff === 0n) {
        if (a.coeff === 0n) throw new PyException("InvalidOperation", "[<class 'decimal.DivisionUndefined'>]");
        throw new PyException("DivisionByZero", "[<class 'decimal.DivisionByZero'>]");
      }
      if (a.coeff === 0n) return makeDecimal(a.sign === b.sign ? 0 : 1, 0n, a.exp - b.exp);
      return divided(a, b);
    }
    case "Pow": {
      // A Decimal exponent is always taken (no TypeError): what is not modelled is refused.
      if (b.exp < 0) return refuseDecimal("a Decimal power with a non-integral exponent");
      // 10**6 and up (a coefficient past 100000, or a nonzero one times 10**6 or more) is not computed.
      if (b.coeff > 100000n || (b.coeff !== 0n && b.exp > 5)) return refuseDecimal("a Decimal power with an exponent past 100000");
      const n = Number(b.coeff * 10n ** BigInt(b.coeff === 0n ? 0 : b.exp));
      const sign = a.sign === 1 && n % 2 === 1 ? 1 : 0;
      // mpd_qpow: 0 ** 0 is InvalidOperation, 0 ** n and x ** 0 are the triples (sign, 0, 0) and (sign, 1, 0).
      if (a.coeff === 0n) {
        if (n === 0) throw new PyException("InvalidOperation", "[<class 'decimal.InvalidOperation'>]");
        // _qcheck_pow_zero: to a negative power, an infinity (no signal).
        return makeDecimal(sign, 0n, 0, b.sign === 1 ? "Infinity" : null);
      }
      if (n === 0) return makeDecimal(sign, 1n, 0);
      if (b.sign === 1) {
        // _qcheck_pow_one: a base equal to one to a negative integral power is exactly 1.
        if (a.exp <= 0 && a.coeff === 10n ** BigInt(-a.exp)) return makeDecimal(sign, 1n, 0);
        // _mpd_qpow_int: the base is 1/a, divided under the work context with one more digit.
        const workprec = ctx().decimalPrec + String(n).length + 3;
        const [c, e] = reciprocal(a, workprec);
        return integerPower(c, e, n, sign, workprec);
      }
      return integerPower(a.coeff, a.exp, n, sign, ctx().decimalPrec + String(n).length + 2);
    }
    default:
      return null;
  }
}

/**
 * a ** n for 0 < n <= 100000 as _mpd_qpow_int does it: the result starts as a copy of a, then for
 * each lower bit of n it is squared (and multiplied by a where the bit is set), each product rounded
 * half-even to prec + digits(n) + 2 digits (its work context); the last one is rounded to the
 * context. The result's words go dynamic where one of those products does (as Mult's do).
 */
function integerPower(baseCoeff: bigint, baseExp: number, n: number, sign: 0 | 1, workprec: number): PyDecimalObj {
  const minalloc = ctx().layout.decimal.minalloc;
  let dynamic = words(baseCoeff) > minalloc;
  let c = baseCoeff;
  let e = baseExp;
  const times = (y: bigint, ye: number): void => {
    const lc = words(c);
    const ly = words(y);
    if (Math.max(lc, ly) > 1 && lc + ly > minalloc) dynamic = true;
    c *= y;
    e += ye;
    const digits = digitCount(c);
    if (digits > workprec) {
      const drop = digits - workprec;
      c = divRoundHalfEven(c, 10n ** BigInt(drop));
      e += drop;
      if (digitCount(c) > workprec) {
        c /= 10n;
        e += 1;
      }
    }
  };
  let bit = 1;
  while (bit * 2 <= n) bit *= 2;
  for (bit /= 2; bit >= 1; bit /= 2) {
    times(c, e);
    if ((n & bit) !== 0) times(baseCoeff, baseExp);
  }
  const r = roundToContext(makeDecimal(sign, c, e));
  return dynamic ? { ...r, dynamic: true } : r;
}

/**
 * 1 / a (finite, not zero) as mpd_qdiv gives it under a work context of `prec` digits rounding
 * half-even: an exact quotient trimmed to its ideal exponent (-a.exp), else rounded to prec digits.
 */
function reciprocal(a: PyDecimalObj, prec: number): [bigint, number] {
  // One digit more than the precision, so the rounding sees past the last kept digit.
  const shift = Math.max(prec + digitCount(a.coeff) + 1, 0);
  const num = 10n ** BigInt(shift);
  let q = num / a.coeff;
  let exp = -a.exp - shift;
  if (num % a.coeff === 0n) {
    while (exp < -a.exp && q % 10n === 0n) {
      q /= 10n;
      exp++;
    }
  } else {
    q = q * 10n + 1n;
    exp -= 1;
  }
  const digits = digitCount(q);
  if (digits <= prec) return [q, exp];
  const drop = digits - prec;
  let r = divRoundHalfEven(q, 10n ** BigInt(drop));
  exp += drop;
  if (digitCount(r) > prec) {
    r /= 10n;
    exp += 1;
  }
  return [r, exp];
}

function refuseDecimal(what: string): never {
  throw new PymemError("UNSUPPORTED", `${what} is not modelled yet`);
}

/**
 * a / b (both finite, b not zero): exact quotients trimmed to the ideal exponent, others rounded
 * to the precision. _mpd_qdiv shifts a (or b) so the quotient has prec + 1 digits and sizes it to
 * len(a) - len(b) + 1 words: past the static words the result is dynamic, whatever it shrinks to.
 */
function divided(a: PyDecimalObj, b: PyDecimalObj): PyDecimalObj {
  const prec = ctx().decimalPrec;
  const cshift = digitCount(b.coeff) - digitCount(a.coeff) + prec + 1;
  const la = words(cshift > 0 ? a.coeff * 10n ** BigInt(cshift) : a.coeff);
  const lb = words(cshift < 0 ? b.coeff * 10n ** BigInt(-cshift) : b.coeff);
  const dynamic = la - lb + 1 > ctx().layout.decimal.minalloc;
  const sign = a.sign === b.sign ? 0 : 1;
  // One digit more than CPython's shift, so the rounding below sees past the last kept digit.
  const shift = Math.max(prec + digitCount(b.coeff) - digitCount(a.coeff) + 2, 0);
  const num = a.coeff * 10n ** BigInt(shift);
  let q = num / b.coeff;
  let exp = a.exp - b.exp - shift;
  let r: PyDecimalObj;
  if (num % b.coeff === 0n) {
    // Strip trailing zeros down to the ideal exponent.
    const ideal = a.exp - b.exp;
    while (exp < ideal && q % 10n === 0n) {
      q /= 10n;
      exp++;
    }
    r = roundToContext(makeDecimal(sign, q, exp));
  } else r = roundToContext(makeDecimal(sign, q * 10n + 1n, exp - 1));
  return dynamic ? { ...r, dynamic: true } : r;
}

/**
 * A Decimal's order against an int or a finite float (the float taken exactly, as
 * _convert_for_comparison does; FloatOperation is only a flag by default); null for
 * what pymem does not compare (specials, NaN or infinite floats).
 */
export function decimalCompare(a: PyObj, b: PyObj): number | null {
  const exact = (o: PyObj): PyDecimalObj | null => (o.t === "float" ? (Number.isFinite(o.v) ? decimalFromFloat(o.v) : null) : toDecimal(o));
  const x = exact(a);
  const y = exact(b);
  if (x === null || y === null) return null;
  // _mpd_cmp: an infinity orders by its sign against anything but a NaN.
  const rank = (d: PyDecimalObj): number => (d.special === "Infinity" ? (d.sign === 1 ? -1 : 1) : 0);
  if (x.special === "Infinity" || y.special === "Infinity") {
    if (x.special === "NaN" || x.special === "sNaN" || y.special === "NaN" || y.special === "sNaN") return null;
    return Math.sign(rank(x) - rank(y));
  }
  if (x.special !== null || y.special !== null) return null;
  const [p, q] = align(x, y);
  return p < q ? -1 : p > q ? 1 : 0;
}

export function decimalFromObject(v: PyObj): PyDecimalObj {
  if (v.t === "Decimal") return v;
  if (v.t === "str") {
    const d = decimalFromString(strText(v));
    // mpd_qset_string allocates exactly the words the digits need.
    return d.special === null && words(d.coeff) > ctx().layout.decimal.minalloc ? { ...d, dynamic: true } : d;
  }
  if (v.t === "float") return decimalFromFloatExact(v.v);
  const d = toDecimal(v);
  if (d !== null) return d;
  throw typeError(`conversion from ${typeName(v)} to Decimal is not supported`);
}

/** decimal.Decimal(value): from a str, int, float, Decimal or (sign, digits, exponent) tuple. */
export function decimalCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  const v = args[0] ?? kw.values.get("value");
  if (v === undefined) return decimalFromObject(pyInt(0));
  if (v.t === "tuple" || v.t === "list") {
    // (sign, digits, exponent): a tuple or a list (sequence_as_tuple), of three items.
    const parts = toArray(v);
    if (parts.length !== 3) throw valueError("argument must be a sequence of length 3");
    const [s, ds, e] = parts;
    const digits = toArray(ds as PyObj).map((x) => String(intValue(x))).join("") || "0";
    const d = decimalFromObject(pyStr(`${Number(intValue(s as PyObj)) === 1 ? "-" : ""}${digits}E${intValue(e as PyObj)}`));
    return d;
  }
  return decimalFromObject(v);
}

/** int(Decimal): the value truncated toward zero (dec_int: mpd_qtrunc, then the int). */
export function decimalToInt(d: PyDecimalObj): PyObj {
  if (d.special === "NaN" || d.special === "sNaN") throw valueError("cannot convert NaN to integer");
  if (d.special === "Infinity") throw new PyException("OverflowError", "cannot convert Infinity to integer");
  const v = d.exp >= 0 ? d.coeff * 10n ** BigInt(d.exp) : d.coeff / 10n ** BigInt(-d.exp);
  return pyInt(d.sign === 1 ? -v : v);
}
