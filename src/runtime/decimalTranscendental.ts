// Decimal.exp, ln and log10 (mpd_qexp, mpd_qln, mpd_qlog10 with the context's allcr set, as
// _decimal sets it): the value correctly rounded half-even to the precision; exp pads it to the
// full precision (_mpd_zeropad), ln(1) is 0, log10 of a power of ten is its exponent exactly.
// pymem evaluates them in BigInt fixed point with guard digits and rounds when the value is
// clear of the rounding midpoint; libmpdec repeats its evaluation at a higher precision (more
// words) when its own approximation is within two units of the (prec+3)th digit of it: such a
// value is refused, as are precisions above 28 digits and operands longer than the precision,
// whose allocations are not modelled. Allocation: exp of |x| >= 1 raises its approximation to
// the power 10**t (t the digits of the integer part) by squaring at prec + 5 + t digits; when
// two factors of that length exceed the static words the result is dynamic (_mpd_qmul).
import { ctx } from "./ctx.js";
import { PyException, PymemError } from "./errors.js";
import { makeDecimal } from "./decimals.js";
import type { PyDecimalObj, PyObj } from "./objects.js";

const EMAX = 999999;
const GUARD = 30;

function digits(c: bigint): number {
  return c === 0n ? 1 : c.toString().length;
}

const pow10 = (n: number): bigint => 10n ** BigInt(n);

/** atanh(1/n) * 10**w (truncated series: error below a few units). */
function atanhInv(n: bigint, w: number): bigint {
  const one = pow10(w);
  let term = one / n;
  const n2 = n * n;
  let sum = term;
  for (let k = 3n; term !== 0n; k += 2n) {
    term /= n2;
    sum += term / k;
  }
  return sum;
}

function ln2(w: number): bigint {
  return 2n * atanhInv(3n, w);
}

/** ln(10) = 3 ln 2 + ln(5/4) = 3 ln 2 + 2 atanh(1/9). */
function ln10(w: number): bigint {
  return 3n * ln2(w) + 2n * atanhInv(9n, w);
}

/** exp(y / 10**w) * 10**w for |y| / 10**w < 3. */
function expFixed(y: bigint, w: number): bigint {
  const one = pow10(w);
  const s = 12;
  const r = y / 2n ** BigInt(s);
  let term = one;
  let sum = one;
  for (let k = 1n; term !== 0n; k++) {
    term = (term * r) / one / k;
    sum += term;
  }
  for (let i = 0; i < s; i++) sum = (sum * sum) / one;
  return sum;
}

/** ln(m / 10**w) * 10**w for 1 <= m / 10**w < 10. */
function lnFixed(m: bigint, w: number): bigint {
  const one = pow10(w);
  let j = 0n;
  let x = m;
  while (x >= 2n * one) {
    x /= 2n;
    j++;
  }
  // 2 atanh(z), z = (x - 1) / (x + 1) <= 1/3.
  const z = ((x - one) * one) / (x + one);
  const z2 = (z * z) / one;
  let term = z;
  let sum = z;
  for (let k = 3n; term !== 0n; k += 2n) {
    term = (term * z2) / one;
    sum += term / k;
  }
  return 2n * sum + j * ln2(w);
}

/**
 * The value N * 10**e (N's error a few units) rounded half-even to prec digits, refused when
 * libmpdec's correct-rounding loop may need a second pass (the value near a rounding midpoint).
 */
function rounded(sign: 0 | 1, n: bigint, e: number, prec: number, what: string): PyDecimalObj {
  const drop = digits(n) - prec;
  const unit = pow10(drop);
  const rem = n % unit;
  const half = unit / 2n;
  const dist = rem > half ? rem - half : half - rem;
  if (dist <= 3n * pow10(drop - 3) + 1000n) {
    throw new PymemError("UNSUPPORTED", `Decimal.${what}() of a value this close to a rounding midpoint (libmpdec's correct-rounding loop recomputes it at a higher precision)`);
  }
  let q = n / unit;
  if (rem > half) q++;
  let exp = e + drop;
  if (digits(q) > prec) {
    q /= 10n;
    exp++;
  }
  return makeDecimal(sign, q, exp);
}

function checkModelled(a: PyDecimalObj, what: string): number {
  const prec = ctx().decimalPrec;
  if (prec > 28) throw new PymemError("UNSUPPORTED", `Decimal.${what}() at a precision of ${prec} digits (its working allocations are modelled up to 28)`);
  if (digits(a.coeff) > prec) throw new PymemError("UNSUPPORTED", `Decimal.${what}() of an operand longer than the precision`);
  return prec;
}

const invalid = (): PyException => new PyException("InvalidOperation", "[<class 'decimal.InvalidOperation'>]");

function specialArg(a: PyDecimalObj, onInfinity: () => PyDecimalObj): PyDecimalObj | null {
  if (a.special === "sNaN") throw invalid();
  if (a.special === "NaN") return makeDecimal(a.sign, a.coeff, 0, "NaN");
  if (a.special === "Infinity") return onInfinity();
  return null;
}

export function decimalExp(a: PyDecimalObj): PyObj {
  const sp = specialArg(a, () => (a.sign === 1 ? makeDecimal(0, 0n, 0) : makeDecimal(0, 0n, 0, "Infinity")));
  if (sp !== null) return sp;
  if (a.coeff === 0n) return makeDecimal(0, 1n, 0);
  const prec = checkModelled(a, "exp");
  const t = Math.max(digits(a.coeff) + a.exp, 0);
  const overflow = (): PyException => new PyException("Overflow", "[<class 'decimal.Overflow'>]");
  if (t > 7) {
    if (a.sign === 0) throw overflow();
    throw new PymemError("UNSUPPORTED", "Decimal.exp() of a value that underflows (subnormal results are not modelled)");
  }
  // _mpd_qexp_check_one: abs(a) <= 9 * 10**(-prec-1) gives 1, padded to the precision.
  const s = a.exp + prec + 1;
  if (s >= 0 ? a.coeff * pow10(s) <= 9n : a.coeff <= 9n * pow10(-s)) return makeDecimal(0, pow10(prec - 1), 1 - prec);
  const w = prec + GUARD + t;
  const x = (a.sign === 1 ? -a.coeff : a.coeff) * (a.exp >= -w ? pow10(w + a.exp) : 1n) / (a.exp >= -w ? 1n : pow10(-w - a.exp));
  // e**x = 10**k * e**(x - k ln 10), the reduced argument in [0, ln 10).
  const l10 = ln10(w);
  let k = x / l10;
  if (x < 0n && k * l10 !== x) k -= 1n;
  const m = expFixed(x - k * l10, w);
  const r = rounded(0, m, Number(k) - w, prec, "exp");
  if (r.exp + digits(r.coeff) - 1 > EMAX) throw overflow();
  if (r.exp + digits(r.coeff) - 1 < -EMAX) throw new PymemError("UNSUPPORTED", "Decimal.exp() of a value that underflows (subnormal results are not modelled)");
  const { words, minalloc } = ctx().layout.decimal;
  return t >= 1 && 2 * words(prec + 5 + t) > minalloc ? { ...r, dynamic: true } : r;
}

/** ln(a) * 10**w for a finite positive a (its coefficient at most prec digits). */
function lnScaled(a: PyDecimalObj, w: number): bigint {
  // a = m * 10**adj with 1 <= m < 10.
  const adj = digits(a.coeff) + a.exp - 1;
  const m = a.coeff * pow10(w - digits(a.coeff) + 1);
  return lnFixed(m, w) + BigInt(adj) * ln10(w);
}

/** Whether ln's Newton steps, for an operand near 1, reach precisions past the static words. */
function nearOne(a: PyDecimalObj): boolean {
  const [c, e] = [a.coeff, a.exp];
  const one = e <= 0 ? pow10(-e) : 1n;
  const v = e <= 0 ? c : c * pow10(e);
  const diff = v > one ? v - one : one - v;
  // adjexp(v - 1) below -2: the precision grows by as many digits.
  return diff * 1000n < one;
}

function lnOrLog10(a: PyDecimalObj, what: "ln" | "log10"): PyObj {
  const sp = specialArg(a, () => {
    if (a.sign === 1) throw invalid();
    return makeDecimal(0, 0n, 0, "Infinity");
  });
  if (sp !== null) return sp;
  if (a.coeff === 0n) return makeDecimal(1, 0n, 0, "Infinity");
  if (a.sign === 1) throw invalid();
  const coeffText = a.coeff.toString();
  if (what === "log10" && /^10*$/.test(coeffText)) {
    const adj = coeffText.length + a.exp - 1;
    return makeDecimal(adj < 0 ? 1 : 0, BigInt(Math.abs(adj)), 0);
  }
  if (what === "ln" && /^10*$/.test(coeffText) && coeffText.length + a.exp - 1 === 0) return makeDecimal(0, 0n, 0);
  const prec = checkModelled(a, what);
  if (nearOne(a)) throw new PymemError("UNSUPPORTED", `Decimal.${what}() of a value this close to 1 (libmpdec raises its working precision past the modelled words)`);
  const adj = Math.abs(digits(a.coeff) + a.exp - 1);
  const w = prec + GUARD + digits(BigInt(adj));
  let v = lnScaled(a, w);
  if (what === "log10") v = (v * pow10(w)) / ln10(w);
  const sign = v < 0n ? 1 : 0;
  return rounded(sign, v < 0n ? -v : v, -w, prec, what);
}

export function decimalLn(a: PyDecimalObj): PyObj {
  return lnOrLog10(a, "ln");
}

export function decimalLog10(a: PyDecimalObj): PyObj {
  return lnOrLog10(a, "log10");
}
