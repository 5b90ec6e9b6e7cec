// _Py_HashBytes (Python/pyhash.c) as a process started with PYTHONHASHSEED=0
// computes it: the hash secret is all zeros, so SipHash's keys k0 = k1 = 0.
// SipHash-2-4 before 3.11, SipHash-1-3 from 3.11 (sys.hash_info.algorithm);
// Py_HASH_CUTOFF is 0. The 64-bit words are kept as two 32-bit halves.
import { join } from "./u64.js";
import type { PyHash } from "./hashing.js";

/** The compression and finalization rounds: siphash24 = (2, 4), siphash13 = (1, 3). */
export type SipRounds = readonly [compress: number, finish: number];

/** The little-endian 32-bit word of `data` at `at` (bytes past the end read as 0). */
function word(data: Uint8Array, at: number, end: number): number {
  if (at + 4 <= end) return ((data[at] as number) | ((data[at + 1] as number) << 8) | ((data[at + 2] as number) << 16) | ((data[at + 3] as number) << 24)) >>> 0;
  let w = 0;
  for (let k = 3; k >= 0; k--) w = (w << 8) | (at + k < end ? (data[at + k] as number) : 0);
  return w >>> 0;
}

/**
 * SipHash of data[0:n] with k0 = k1 = 0, into lastHi/lastLo. The state v0..v3 is kept in hi/lo word pairs of locals; each SipRound is
 * pyhash.c's two HALF_ROUNDs (v0 += v1; v2 += v3; v1 = ROTL(v1, 13) ^ v0;
 * v3 = ROTL(v3, 16) ^ v2; v0 = ROTL(v0, 32); then with v2, v1, v0, v3 and 17, 21).
 */
function sip(data: Uint8Array, n: number, [compress, finish]: SipRounds): void {
  // k0 = k1 = 0: the initial state is the constants themselves.
  let v0h = 0x736f6d65, v0l = 0x70736575, v1h = 0x646f7261, v1l = 0x6e646f6d;
  let v2h = 0x6c796765, v2l = 0x6e657261, v3h = 0x74656462, v3l = 0x79746573;
  let lo = 0, h = 0, l = 0;
  const full = n - (n % 8);
  // Each 8-byte word, then b = src_sz << 56 | the remaining bytes (little-endian), is absorbed
  // alike (v3 ^= m, `compress` rounds, v0 ^= m); then v2 ^= 0xff and `finish` rounds. One loop
  // runs every round: when a phase's rounds are done, the next phase is set up.
  let at = 0, mh = 0, ml = 0, rounds = 0;
  for (;;) {
    if (rounds === 0) {
      if (at > full + 8) break;
      if (at > 0) {
        v0h ^= mh;
        v0l ^= ml;
      }
      if (at <= full) {
        ml = word(data, at, n);
        mh = at < full ? word(data, at + 4, n) : (word(data, at + 4, n) | ((n & 0xff) << 24)) >>> 0;
        v3h ^= mh;
        v3l ^= ml;
        rounds = compress;
      } else {
        mh = ml = 0;
        v2l ^= 0xff;
        rounds = finish;
      }
      at += 8;
      continue;
    }
    rounds--;
    lo = ((v0l >>> 0) + (v1l >>> 0)) >>> 0; v0h = (v0h + v1h + (lo < v0l >>> 0 ? 1 : 0)) | 0; v0l = lo;
    lo = ((v2l >>> 0) + (v3l >>> 0)) >>> 0; v2h = (v2h + v3h + (lo < v2l >>> 0 ? 1 : 0)) | 0; v2l = lo;
    h = (v1h << 13) | (v1l >>> 19); l = (v1l << 13) | (v1h >>> 19); v1h = h ^ v0h; v1l = l ^ v0l;
    h = (v3h << 16) | (v3l >>> 16); l = (v3l << 16) | (v3h >>> 16); v3h = h ^ v2h; v3l = l ^ v2l;
    h = v0h; v0h = v0l; v0l = h;
    lo = ((v2l >>> 0) + (v1l >>> 0)) >>> 0; v2h = (v2h + v1h + (lo < v2l >>> 0 ? 1 : 0)) | 0; v2l = lo;
    lo = ((v0l >>> 0) + (v3l >>> 0)) >>> 0; v0h = (v0h + v3h + (lo < v0l >>> 0 ? 1 : 0)) | 0; v0l = lo;
    h = (v1h << 17) | (v1l >>> 15); l = (v1l << 17) | (v1h >>> 15); v1h = h ^ v2h; v1l = l ^ v2l;
    h = (v3h << 21) | (v3l >>> 11); l = (v3l << 21) | (v3h >>> 11); v3h = h ^ v0h; v3l = l ^ v0l;
    h = v2h; v2h = v2l; v2l = h;
  }
  lastHi = (v0h ^ v1h ^ v2h ^ v3h) >>> 0;
  lastLo = (v0l ^ v1l ^ v2l ^ v3l) >>> 0;
}

/** The words of the last sip() result. */
let lastHi = 0;
let lastLo = 0;

/** _Py_HashBytes(data[0:n]) with the zero secret: 0 for no bytes, -1 turned into -2. */
export function zeroSeedHash(data: Uint8Array, n: number, rounds: SipRounds): PyHash {
  if (n === 0) return 0;
  sip(data, n, rounds);
  return lastHi === 0xffffffff && lastLo === 0xffffffff ? -2 : join(lastHi, lastLo);
}

/**
 * _Py_HashBytes(data[0:n]) with the zero secret (0 for no bytes), cut to its
 * low 52 bits, a non-negative safe integer: what a set table reads of a key's
 * hash to place it — its slot, and the perturbations of the probing rounds (a
 * table of 2**m slots reads bits below 5k + m in round k: 7 rounds of 10
 * taken slots in a row for 10**6 keys) — with no BigInt per str. The top 12
 * bits only matter inside a tuple's or frozenset's hash, which takes zeroSeedHash.
 */
export function zeroSeedSlotHash(data: Uint8Array, n: number, rounds: SipRounds): number {
  if (n === 0) return 0;
  sip(data, n, rounds);
  return (lastHi & 0xfffff) * 4294967296 + lastLo;
}

let scratch = new Uint8Array(256);

function room(n: number): Uint8Array {
  if (scratch.length < n) scratch = new Uint8Array(Math.max(n, scratch.length * 2));
  return scratch;
}

/**
 * PyUnicode_DATA of a str in the kind its widest code point gives (1, 2 or 4
 * bytes per code point, little-endian), written to a scratch buffer: the byte
 * count is returned, the bytes are in `unicodeBytes()` until the next call.
 */
export function unicodeData(text: string, maxChar: number): number {
  if (maxChar < 0x100) {
    const out = room(text.length);
    for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i);
    return text.length;
  }
  if (maxChar < 0x10000) {
    const out = room(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[2 * i] = c & 0xff;
      out[2 * i + 1] = c >>> 8;
    }
    return text.length * 2;
  }
  const out = room(text.length * 4);
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    out[n] = c & 0xff;
    out[n + 1] = (c >>> 8) & 0xff;
    out[n + 2] = c >>> 16;
    out[n + 3] = 0;
    n += 4;
  }
  return n;
}

/** The bytes unicodeData wrote last. */
export function unicodeBytes(): Uint8Array {
  return scratch;
}
