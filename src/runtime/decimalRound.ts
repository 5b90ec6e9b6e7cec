// round() of a Decimal as _decimal's PyDec_Round does it: with ndigits, an
// mpd_qquantize to exponent -ndigits under the context (its rounding,
// ROUND_HALF_EVEN by default, and its precision: too many digits is
// InvalidOperation), as Decimal.quantize; without, dec_as_long with
// MPD_ROUND_HALF_EVEN, an int.
import { decimalToInt, makeDecimal } from "./decimals.js";
import { PymemError, typeError } from "./errors.js";
import { quantizeChecked } from "./methods.js";
import { pyInt, type PyDecimalObj, type PyObj } from "./objects.js";

export function decimalRound(d: PyDecimalObj, nd: PyObj | undefined): PyObj {
  if (nd === undefined || nd.t === "NoneType") {
    if (d.special !== null || d.exp >= 0) return decimalToInt(d);
    const p = 10n ** BigInt(-d.exp);
    let q = d.coeff / p;
    const r2 = (d.coeff % p) * 2n;
    if (r2 > p || (r2 === p && q % 2n === 1n)) q += 1n;
    return pyInt(d.sign === 1 ? -q : q);
  }
  if (nd.t !== "int") throw typeError("optional arg must be an integer");
  if (d.special !== null) throw new PymemError("UNSUPPORTED", "round() of a Decimal NaN or infinity with ndigits");
  return quantizeChecked(d, makeDecimal(0, 1n, -Number(nd.v)), undefined);
}
