// Bit lengths of JS numbers and BigInts, without spelling the value out in
// binary (toString(2) costs a character per bit and was the hot spot of int
// arithmetic in loops).

/** The number of bits of |v| (0 for 0), as int.bit_length(). */
export function bigBitLength(v: bigint): number {
  const a = v < 0n ? -v : v;
  if (a < 0x100000000n) return 32 - Math.clz32(Number(a));
  if (a < 0x20000000000000n) return numberBitLength(Number(a));
  const hex = a.toString(16);
  return (hex.length - 1) * 4 + (32 - Math.clz32(parseInt(hex[0] as string, 16)));
}

/** The number of bits of |v| for an integral double (0 for 0). */
export function numberBitLength(v: number): number {
  const a = Math.abs(v);
  if (a < 0x100000000) return 32 - Math.clz32(a);
  // Exact for integral doubles: the high word's bits plus 32.
  if (a < 2 ** 53) return 32 + 32 - Math.clz32(Math.floor(a / 0x100000000));
  return bigBitLength(BigInt(a));
}
