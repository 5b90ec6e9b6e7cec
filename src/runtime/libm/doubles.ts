// Doubles bit by bit: their words, exact decomposition, and an exactly rounded
// fused multiply-add (JS has none), for the libm ports beside this file.


export const F64 = new Float64Array(1);
export const U32 = new Uint32Array(F64.buffer);
const LITTLE = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const LO = LITTLE ? 0 : 1;
const HI = LITTLE ? 1 : 0;

export function hiWord(x: number): number {
  F64[0] = x;
  return U32[HI]!;
}
export function loWord(x: number): number {
  F64[0] = x;
  return U32[LO]!;
}
export function fromWords(hi: number, lo: number): number {
  U32[HI] = hi >>> 0;
  U32[LO] = lo >>> 0;
  return F64[0]!;
}

export function decodeDoubles(hex: string): Float64Array {
  const out = new Float64Array(hex.length / 16);
  for (let i = 0; i < out.length; i++) {
    out[i] = fromWords(parseInt(hex.slice(16 * i, 16 * i + 8), 16), parseInt(hex.slice(16 * i + 8, 16 * i + 16), 16));
  }
  return out;
}

/** m * 2**e exactly, for a representable result (m an integer-valued double). */
export function scale2(m: number, e: number): number {
  while (e > 1023) {
    m *= 2 ** 1023;
    e -= 1023;
  }
  while (e < -1022) {
    m *= 2 ** -1022;
    e += 1022;
  }
  return m * 2 ** e;
}

/** A finite double as mantissa * 2**exponent, the mantissa an integer. */
export function decompose(x: number): [bigint, number] {
  F64[0] = x;
  const hi = U32[HI]!;
  const lo = U32[LO]!;
  const biased = (hi >>> 20) & 0x7ff;
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  let e: number;
  if (biased === 0) e = -1074;
  else {
    m |= 1n << 52n;
    e = biased - 1075;
  }
  return [hi >>> 31 ? -m : m, e];
}

export function bigBitLength(n: bigint): number {
  if (n < 0n) n = -n;
  if (n === 0n) return 0;
  return n.toString(2).length;
}

/** fma(a, b, c) through exact integer arithmetic: the slow, always-right path. */
export function fmaExact(a: number, b: number, c: number): number {
  if (!Number.isFinite(a) || !Number.isFinite(b)) return a * b + c;
  if (!Number.isFinite(c)) return c; // a finite product, unrounded, cannot cancel an infinity
  if (a === 0 || b === 0) return a * b + c;
  const [ma, ea] = decompose(a);
  const [mb, eb] = decompose(b);
  const [mc, ec] = decompose(c);
  const ep = ea + eb;
  const e0 = Math.min(ep, ec);
  const sum = ((ma * mb) << BigInt(ep - e0)) + (mc << BigInt(ec - e0));
  if (sum === 0n) return a * b + c; // the sign of an exact zero, as IEEE gives it
  const neg = sum < 0n;
  const mag = neg ? -sum : sum;
  const len = bigBitLength(mag);
  const shift = Math.max(len - 53, -1074 - e0);
  let q: bigint;
  if (shift > 0) {
    q = mag >> BigInt(shift);
    const rem = mag - (q << BigInt(shift));
    const half = 1n << BigInt(shift - 1);
    if (rem > half || (rem === half && (q & 1n) === 1n)) q += 1n;
  } else q = mag;
  const r = scale2(Number(q), e0 + Math.max(shift, 0));
  return neg ? -r : r;
}

const SPLITTER = 134217729; // 2**27 + 1

/**
 * fma(a, b, c) correctly rounded (round to nearest even), as the x86
 * vfmadd instructions compute it: Boldo and Melquiond's emulation (the exact
 * product by Veltkamp/Dekker, an exact sum, one addition rounded to odd,
 * one rounded to nearest), falling back to integer arithmetic where the
 * splitting could overflow or lose bits to underflow.
 */
export function fma(a: number, b: number, c: number): number {
  if (a === 0 || b === 0) return a * b + c; // the product is an exact (signed) zero
  const p = a * b;
  const pp = Math.abs(p);
  const cp = Math.abs(c);
  if (
    !(Math.abs(a) < 2 ** 995 && Math.abs(b) < 2 ** 995 && pp < 2 ** 1000 && cp < 2 ** 1000) ||
    pp < 2 ** -900 ||
    (cp !== 0 && cp < 2 ** -900)
  ) {
    return fmaExact(a, b, c); // also infinities and NaNs
  }
  if (c === 0) return p; // RN(a*b) is not zero here, so +-0 adds nothing
  // Exact product p + e.
  let t = SPLITTER * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLITTER * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const e = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  // Exact sum th + tl = c + p.
  const th = c + p;
  const bb = th - c;
  const tl = (c - (th - bb)) + (p - bb);
  // v = RO(tl + e).
  let v = tl + e;
  const vb = v - tl;
  const verr = (tl - (v - vb)) + (e - vb);
  if (verr !== 0) {
    F64[0] = v;
    if ((U32[LO]! & 1) === 0) {
      // Step one ulp towards the exact value, onto the odd neighbour.
      const towardsLarger = (verr > 0) === (v > 0);
      let lo = U32[LO]!;
      let hi = U32[HI]!;
      if (towardsLarger) {
        lo = (lo + 1) >>> 0;
        if (lo === 0) hi = (hi + 1) >>> 0;
      } else {
        if (lo === 0) hi = (hi - 1) >>> 0;
        lo = (lo - 1) >>> 0;
      }
      v = fromWords(hi, lo);
    }
  }
  return th + v;
}
