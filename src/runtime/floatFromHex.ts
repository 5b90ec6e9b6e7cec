// float.fromhex (Objects/floatobject.c, float_fromhex): an optional sign, an
// optional 0x, hex digits with an optional point, an optional binary exponent,
// or inf/infinity/nan (_Py_parse_inf_or_nan); ASCII whitespace around it.
// The value is rounded half to even, once, to the nearest double; a result
// beyond DBL_MAX is an OverflowError, not inf.
import { PyException } from "./errors.js";

const HEX = /^[ \t\n\v\f\r]*([+-]?)(?:0x)?([0-9a-f]*)(?:\.([0-9a-f]*))?(?:p([+-]?[0-9]+))?[ \t\n\v\f\r]*$/i;
const SPECIAL = /^[ \t\n\v\f\r]*([+-]?)(inf|infinity|nan)[ \t\n\v\f\r]*$/i;

/** The double nearest to m * 2**e (m > 0), half to even; Infinity past DBL_MAX. */
function nearestDouble(m: bigint, e: bigint): number {
  const bits = BigInt(m.toString(2).length);
  if (e + bits > 1100n) return Infinity;
  if (e + bits < -1100n) return 0;
  // The last bit a double keeps: 53 significant bits, or the subnormals' 2**-1074.
  let lsb = e + bits - 53n;
  if (lsb < -1074n) lsb = -1074n;
  let q: bigint;
  if (e >= lsb) q = m << (e - lsb);
  else {
    const shift = lsb - e;
    q = m >> shift;
    const rem = m & ((1n << shift) - 1n);
    const half = 1n << (shift - 1n);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  }
  // q < 2**54 and 2**lsb is a double (lsb in -1074..1047): one rounding-free product, or Infinity.
  const l = Number(lsb);
  return l > 1000 ? Number(q) * 2 ** 1000 * 2 ** (l - 1000) : Number(q) * 2 ** l;
}

/** float.fromhex(text). */
export function floatFromHex(text: string): number {
  const special = SPECIAL.exec(text);
  if (special !== null) {
    const v = (special[2] as string).toLowerCase() === "nan" ? NaN : Infinity;
    return special[1] === "-" ? -v : v;
  }
  const m = HEX.exec(text);
  const whole = m?.[2] ?? "";
  const frac = m?.[3] ?? "";
  if (m === null || whole.length + frac.length === 0) throw new PyException("ValueError", "invalid hexadecimal floating-point string");
  const mant = BigInt("0x" + whole + frac);
  const e = BigInt(m[4] ?? "0") - 4n * BigInt(frac.length);
  const v = mant === 0n ? 0 : nearestDouble(mant, e);
  if (v === Infinity) throw new PyException("OverflowError", "hexadecimal value too large to represent as a float");
  return m[1] === "-" ? -v : v;
}
