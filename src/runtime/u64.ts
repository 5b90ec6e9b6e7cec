// Py_uhash_t arithmetic (unsigned 64-bit, wrapping) on two 32-bit words, so
// tuple and frozenset hashes of millions of items need no BigInt per item.
// Results land in `U.hi` / `U.lo` (no allocation on the hot path).
import type { PyHash } from "./hashing.js";

export const U = { hi: 0, lo: 0 };

const TWO32 = 4294967296;

/** The two's-complement words of a Py_hash_t. */
export function split(h: PyHash): void {
  if (typeof h === "number") {
    U.lo = h >>> 0;
    U.hi = Math.floor(h / TWO32) >>> 0;
  } else {
    U.lo = Number(BigInt.asUintN(32, h));
    U.hi = Number(BigInt.asUintN(32, h >> 32n));
  }
}

/** The words as a canonical Py_hash_t (signed; a number iff a safe integer). */
export function join(hi: number, lo: number): PyHash {
  if (hi < 0x200000) return hi * TWO32 + lo;
  if (hi > 0xffe00000 || (hi === 0xffe00000 && lo > 0)) return (hi - TWO32) * TWO32 + lo;
  return BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo));
}

/** (ahi:alo) * (bhi:blo) mod 2**64. */
export function mul(ahi: number, alo: number, bhi: number, blo: number): void {
  const a0 = alo & 0xffff;
  const a1 = alo >>> 16;
  const b0 = blo & 0xffff;
  const b1 = blo >>> 16;
  const mid = a0 * b1 + a1 * b0;
  let lo = a0 * b0 + (mid % 65536) * 65536;
  const carry = Math.floor(lo / TWO32);
  lo = lo >>> 0;
  const hi = a1 * b1 + Math.floor(mid / 65536) + carry;
  U.hi = (hi + Math.imul(ahi, blo) + Math.imul(alo, bhi)) >>> 0;
  U.lo = lo;
}

/** (ahi:alo) + (bhi:blo) mod 2**64. */
export function add(ahi: number, alo: number, bhi: number, blo: number): void {
  const lo = alo + blo;
  U.hi = (ahi + bhi + (lo >= TWO32 ? 1 : 0)) >>> 0;
  U.lo = lo >>> 0;
}

/** Rotate left by 31 bits (_PyHASH_XXROTATE). */
export function rotl31(hi: number, lo: number): void {
  U.hi = ((lo >>> 1) | (hi << 31)) >>> 0;
  U.lo = ((hi >>> 1) | (lo << 31)) >>> 0;
}
