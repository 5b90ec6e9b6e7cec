// vector_norm (Modules/mathmodule.c), behind math.hypot and math.dist, in the
// two forms CPython has had: 3.8 and 3.9 scale by the largest coordinate and
// add the squares with a running compensation; from 3.10 the coordinates are
// scaled by a power of two, squared without loss (Veltkamp splitting), summed
// in three compensated parts, and the square root gets a differential
// correction. (3.12 rewrote the squaring with fma, the same exact products.)
// Checked bit for bit against each interpreter on 20,000 random vectors.
import { bigBitLength, decompose } from "./libm/doubles.js";

const DBL_MIN = 2.2250738585072014e-308;
const T27 = 134217729.0; // ldexp(1.0, 27) + 1.0

/** frexp's exponent of a positive finite double. */
function frexpExponent(x: number): number {
  const [m, e] = decompose(x);
  return e + bigBitLength(m);
}

/** The norm of `vec` (non-negative coordinates, `max` the largest), as the version computes it. */
export function vectorNorm(vec: number[], max: number, foundNan: boolean, corrected: boolean): number {
  if (max === Infinity) return max;
  if (foundNan) return NaN;
  if (max === 0 || vec.length <= 1) return max;
  return corrected ? correctedNorm(vec, max) : compensatedNorm(vec, max);
}

/** 3.8, 3.9. */
function compensatedNorm(vec: readonly number[], max: number): number {
  let csum = 1.0;
  let frac = 0.0;
  for (let x of vec) {
    x /= max;
    x = x * x;
    const old = csum;
    csum += x;
    frac += old - csum + x;
  }
  return max * Math.sqrt(csum - 1.0 + frac);
}

/** 3.10 on. */
function correctedNorm(vec: number[], max: number): number {
  const maxE = frexpExponent(max);
  if (maxE < -1023) {
    // ldexp(1.0, -max_e) would overflow: subnormals made normal first.
    for (let i = 0; i < vec.length; i++) vec[i] = (vec[i] as number) / DBL_MIN;
    return DBL_MIN * correctedNorm(vec, max / DBL_MIN);
  }
  const scale = 2 ** -maxE;
  let csum = 1.0;
  let frac1 = 0.0;
  let frac2 = 0.0;
  let frac3 = 0.0;
  let old: number;
  for (let x of vec) {
    x *= scale; // lossless
    const t = x * T27;
    const hi = t - (t - x);
    const lo = x - hi;
    x = hi * hi;
    old = csum;
    csum += x;
    frac1 += old - csum + x;
    x = 2.0 * hi * lo;
    old = csum;
    csum += x;
    frac2 += old - csum + x;
    frac3 += lo * lo;
  }
  const h = Math.sqrt(csum - 1.0 + (frac1 + frac2 + frac3));
  const t = h * T27;
  const hi = t - (t - h);
  const lo = h - hi;
  let x = -hi * hi;
  old = csum;
  csum += x;
  frac1 += old - csum + x;
  x = -2.0 * hi * lo;
  old = csum;
  csum += x;
  frac2 += old - csum + x;
  x = -lo * lo;
  old = csum;
  csum += x;
  frac3 += old - csum + x;
  x = csum - 1.0 + (frac1 + frac2 + frac3);
  return (h + x / (2.0 * h)) / scale;
}
