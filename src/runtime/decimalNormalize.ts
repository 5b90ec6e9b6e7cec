// Decimal.normalize() as libmpdec's mpd_qreduce: a copy finalized to the
// context, then, for a nonzero value, its trailing zeros shifted out of the
// coefficient into the exponent (a zero becomes 0 with exponent 0, its sign
// kept). Only a value that needs no rounding to the context precision and
// whose coefficient sits in the object's static words is modelled.
import { ctx } from "./ctx.js";
import { makeDecimal } from "./decimals.js";
import { PymemError } from "./errors.js";
import type { PyDecimalObj } from "./objects.js";

export function decimalNormalize(d: PyDecimalObj): PyDecimalObj {
  if (d.special !== null || d.dynamic || d.coeff.toString().length > ctx().decimalPrec) {
    throw new PymemError("UNSUPPORTED", "Decimal.normalize() of a special, rounded or long Decimal");
  }
  if (d.coeff === 0n) return makeDecimal(d.sign, 0n, 0);
  let c = d.coeff;
  let exp = d.exp;
  // mpd_qreduce caps the shift at emax (999999 in the default context) less the exponent.
  while (c % 10n === 0n && exp < 999999) {
    c /= 10n;
    exp += 1;
  }
  return makeDecimal(d.sign, c, exp);
}
