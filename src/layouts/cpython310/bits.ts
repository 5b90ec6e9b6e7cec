// C's size_t bit tricks, as arithmetic: JS bitwise operators are 32-bit, and
// sizes here go far beyond that (list(range(10**12))).

/** x & ~3 */
export function roundDownTo4(x: number): number {
  return x - (x % 4);
}

/** (x + 3) & ~3 */
export function roundUpTo4(x: number): number {
  return roundDownTo4(x + 3);
}

/** (x + 1) & ~1 */
export function roundUpToEven(x: number): number {
  return x % 2 === 0 ? x : x + 1;
}

/** x >> k for non-negative x */
export function shiftRight(x: number, k: number): number {
  return Math.floor(x / 2 ** k);
}
