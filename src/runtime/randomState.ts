// CPython's `random` module (Lib/random.py and Modules/_randommodule.c of
// 3.8–3.13), bit for bit: the Mersenne Twister, its seeding (int, str, bytes,
// float and urandom seeds), getrandbits/random, and the Python-level methods
// built on them, each consuming the generator in the same order as the
// interpreter. Self-contained: no imports from the rest of pymem.
//
// Python ints are bigints (a JS number that is a safe integer is accepted as a
// Python int too); a Python float argument is written { float: x } where the
// int/float distinction matters (randrange, seeds, counts).
//
// Floats: gauss, normalvariate and expovariate call libm's log, cos and sin.
// V8's Math.log/cos/sin are fdlibm ports that differ from glibc in the last bit
// for a few percent of inputs, so this file carries a port of glibc 2.36's
// x86-64 FMA variants (__ieee754_log_fma, __sin_fma, __cos_fma: what an
// x86-64-v3 CPU runs; the rounding of each fused multiply-add follows the
// machine code, not just the C source), with an exactly rounded software fma.
// That is the libm of the machines the fixtures come from (Debian 12, glibc
// 2.36, a CPU with FMA and AVX2). A CPython on a CPU without FMA, or on
// another libm, can round a gauss() result differently in the last bit.
import { createHash, randomFillSync } from "node:crypto";
import type { RandomRules } from "../layouts/layout.js";



export type PyRandomErrorType =
  | "ValueError"
  | "TypeError"
  | "IndexError"
  | "OverflowError"
  | "ZeroDivisionError"
  | "AttributeError"
  | "UnicodeEncodeError";

/** A Python exception the interpreter would raise: its type name and str(). */
export class PyRandomError extends Error {
  readonly pyType: PyRandomErrorType;
  constructor(pyType: PyRandomErrorType, message: string) {
    super(message);
    this.name = "PyRandomError";
    this.pyType = pyType;
  }
}

/** A Python float argument where an int would behave differently (randrange, seed, counts). */
export interface PyFloatArg {
  readonly float: number;
}
/** A Python int (bigint, or a JS safe integer) or a Python float. */
export type PyNumberArg = bigint | number | PyFloatArg;
export type PyRandomSeed =
  | bigint
  | number
  | null
  | { readonly str: string }
  | { readonly bytes: Uint8Array }
  | PyFloatArg;
/** The sequence type whose IndexError text an empty choice()/choices() shows. */
export type PySeqKind = "list" | "tuple" | "range" | "str" | "bytes";

const SEQ_INDEX_ERROR: Record<PySeqKind, string> = {
  list: "list index out of range",
  tuple: "tuple index out of range",
  range: "range object index out of range",
  str: "string index out of range",
  bytes: "index out of range",
};

import { bigBitLength, decompose, fromWords } from "./libm/doubles.js";
import { glibcCos, glibcLog, glibcSin } from "./libm/glibc.js";

// ---------------------------------------------------------------------------
// Python-level helpers.

const NV_MAGICCONST = fromWords(0x3ffb72cd, 0x3f331398); // 4 * exp(-0.5) / sqrt(2.0), as random.py computes it
const TWOPI = 2 * Math.PI; // math.tau (3.9+) and 2.0*_pi (3.8) are this double
const MASK64 = (1n << 64n) - 1n;
const HASH_BITS = 61n;
const HASH_MODULUS = (1n << HASH_BITS) - 1n;

type Kind = { int: bigint } | { float: number };

function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function bitLengthNum(n: number): number {
  return n === 0 ? 0 : 32 - Math.clz32(n);
}

/** A length: an integer in [0, 2**53] (a bug in the caller otherwise, not a Python error). */
function checkLength(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 53) throw new RangeError(`${what}: ${n} is not a length`);
}

/** A JS number taken as a Python int: it must be a safe integer. */
function intOf(n: number, what: string): bigint {
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`${what}: ${n} is not a safe integer; pass a bigint for a Python int or { float: x } for a Python float`);
  }
  return BigInt(n);
}

function classify(x: PyNumberArg, what: string): Kind {
  if (typeof x === "bigint") return { int: x };
  if (typeof x === "number") return { int: intOf(x, what) };
  return { float: x.float };
}

/** Python's int(x) of a float: truncation, with CPython's errors for nan and the infinities. */
function truncFloat(f: number): bigint {
  if (Number.isNaN(f)) throw new PyRandomError("ValueError", "cannot convert float NaN to integer");
  if (!Number.isFinite(f)) throw new PyRandomError("OverflowError", "cannot convert float infinity to integer");
  return BigInt(Math.trunc(f));
}

/** hash(float) (_Py_HashDouble) as the unsigned size_t random_seed turns it into. */
function floatSeedInt(v: number, rules: RandomRules): bigint {
  let h: bigint;
  if (Number.isNaN(v)) {
    if (rules.nanHashIsId) {
      throw new RangeError("random.seed(nan): hash(nan) is the object's address from 3.10 on, so the sequence is not reproducible");
    }
    h = 0n;
  } else if (!Number.isFinite(v)) {
    h = v > 0 ? 314159n : -314159n;
  } else if (v === 0) {
    h = 0n;
  } else {
    const [m, e] = decompose(v);
    const mag = m < 0n ? -m : m;
    const eMod = ((e % 61) + 61) % 61; // 2**61 == 1 (mod 2**61 - 1)
    h = ((mag % HASH_MODULUS) << BigInt(eMod)) % HASH_MODULUS;
    if (m < 0n) h = -h;
    if (h === -1n) h = -2n;
  }
  return h & MASK64;
}

const UTF8 = new TextEncoder();

/** str.encode() (UTF-8, strict): lone surrogates raise UnicodeEncodeError. */
function encodeUtf8(s: string): Uint8Array {
  let pos = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp >= 0xd800 && cp <= 0xdfff) {
      throw new PyRandomError(
        "UnicodeEncodeError",
        `'utf-8' codec can't encode character '\\u${cp.toString(16)}' in position ${pos}: surrogates not allowed`,
      );
    }
    pos++;
  }
  return UTF8.encode(s);
}

function bytesToBigInt(b: Uint8Array): bigint {
  if (b.length === 0) return 0n;
  let hex = "";
  for (const byte of b) hex += byte.toString(16).padStart(2, "0");
  return BigInt("0x" + hex);
}

/** bisect.bisect_right(a, x, lo, hi) as _bisectmodule.c runs it (x < a[mid]). */
function bisectRight(a: readonly number[] | readonly bigint[], x: number | bigint, lo: number, hi: number): number {
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (x < a[mid]!) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

function missingArgs(rules: RandomRules, fn: string, names: readonly string[]): PyRandomError {
  const qual = rules.qualnameInErrors ? `Random.${fn}` : fn;
  const list = names.map((n) => `'${n}'`);
  const text = list.length === 1 ? list[0]! : `${list.slice(0, -1).join(", ")} and ${list[list.length - 1]!}`;
  return new PyRandomError(
    "TypeError",
    `${qual}() missing ${names.length} required positional argument${names.length === 1 ? "" : "s"}: ${text}`,
  );
}

// ---------------------------------------------------------------------------
// The generator.

const N = 624;
const M = 397;

/**
 * random.Random of one CPython version (3.8–3.13): Modules/_randommodule.c's
 * Mersenne Twister with Lib/random.py's methods on top.
 */
export class PyRandom {
  /** The version's name ("3.10"), for messages. */
  readonly version: string;
  /** What this version of Lib/random.py and _randommodule.c does (the version data's). */
  private readonly rules: RandomRules;
  private readonly mt = new Uint32Array(N);
  private index = N + 1;
  /** Random.gauss_next: the second normal deviate of the last gauss() pair, or null. */
  gaussNext: number | null = null;

  /** Random(x) of the version named `version` whose behaviours are `rules`: seeded as seed(x) (null: from the OS's randomness, as CPython does). */
  constructor(version: string, rules: RandomRules, seed: PyRandomSeed = null) {
    this.version = version;
    this.rules = rules;
    this.seed(seed);
  }

  // --- _randommodule.c ------------------------------------------------------

  private initGenrand(s: number): void {
    const mt = this.mt;
    mt[0] = s >>> 0;
    for (let i = 1; i < N; i++) {
      const prev = mt[i - 1]!;
      mt[i] = (Math.imul(1812433253, (prev ^ (prev >>> 30)) >>> 0) + i) >>> 0;
    }
    this.index = N;
  }

  private initByArray(key: Uint32Array): void {
    const mt = this.mt;
    const len = key.length;
    this.initGenrand(19650218);
    let i = 1;
    let j = 0;
    for (let k = N > len ? N : len; k; k--) {
      const prev = mt[i - 1]!;
      mt[i] = ((mt[i]! ^ Math.imul((prev ^ (prev >>> 30)) >>> 0, 1664525)) + key[j]! + j) >>> 0;
      i++;
      j++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
      if (j >= len) j = 0;
    }
    for (let k = N - 1; k; k--) {
      const prev = mt[i - 1]!;
      mt[i] = ((mt[i]! ^ Math.imul((prev ^ (prev >>> 30)) >>> 0, 1566083941)) - i) >>> 0;
      i++;
      if (i >= N) {
        mt[0] = mt[N - 1]!;
        i = 1;
      }
    }
    mt[0] = 0x80000000;
  }

  /** genrand_uint32. */
  private genrand(): number {
    const mt = this.mt;
    if (this.index >= N) {
      let kk = 0;
      let y: number;
      for (; kk < N - M; kk++) {
        y = (mt[kk]! & 0x80000000) | (mt[kk + 1]! & 0x7fffffff);
        mt[kk] = mt[kk + M]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      for (; kk < N - 1; kk++) {
        y = (mt[kk]! & 0x80000000) | (mt[kk + 1]! & 0x7fffffff);
        mt[kk] = mt[kk + (M - N)]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      }
      y = (mt[N - 1]! & 0x80000000) | (mt[0]! & 0x7fffffff);
      mt[N - 1] = mt[M - 1]! ^ (y >>> 1) ^ (y & 1 ? 0x9908b0df : 0);
      this.index = 0;
    }
    let y = mt[this.index++]!;
    y ^= y >>> 11;
    y ^= (y << 7) & 0x9d2c5680;
    y ^= (y << 15) & 0xefc60000;
    y ^= y >>> 18;
    return y >>> 0;
  }

  /** random_seed of an int: init_by_array over |n|'s 32-bit words, least significant first. */
  private seedInt(n: bigint): void {
    if (n < 0n) n = -n;
    const words: number[] = [];
    do {
      words.push(Number(n & 0xffffffffn));
      n >>= 32n;
    } while (n > 0n);
    this.initByArray(Uint32Array.from(words));
  }

  /**
   * Random.seed(a, version=2). Ints use all their bits (abs value); str and
   * bytes with version 2 become int.from_bytes(a + sha512(a).digest()), with
   * version 1 the old string hash; floats seed with hash(float); null seeds
   * from the OS (624 words of urandom, as random_seed_urandom), not reproducibly.
   */
  seed(a: PyRandomSeed = null, version: number = 2): void {
    if (a === null) {
      const key = new Uint32Array(N);
      randomFillSync(key);
      this.initByArray(key);
    } else if (typeof a === "bigint") {
      this.seedInt(a);
    } else if (typeof a === "number") {
      this.seedInt(intOf(a, "seed"));
    } else if ("float" in a) {
      this.seedInt(floatSeedInt(a.float, this.rules));
    } else {
      const isStr = "str" in a;
      if (version === 1) {
        // a.decode('latin-1') for bytes; then the 64-bit multiplicative hash of the code points.
        const cps: number[] = isStr ? Array.from(a.str, (ch) => ch.codePointAt(0)!) : Array.from(a.bytes);
        let x = cps.length ? BigInt(cps[0]!) << 7n : 0n;
        for (const c of cps) x = ((1000003n * x) ^ BigInt(c)) & MASK64;
        x ^= BigInt(cps.length);
        this.seedInt(x);
      } else if (version === 2) {
        const bytes = isStr ? encodeUtf8(a.str) : a.bytes;
        const digest = createHash("sha512").update(bytes).digest();
        const all = new Uint8Array(bytes.length + digest.length);
        all.set(bytes, 0);
        all.set(digest, bytes.length);
        this.seedInt(bytesToBigInt(all));
      } else {
        throw new RangeError(`seed(${isStr ? "str" : "bytes"}, version=${version}): CPython seeds with hash(a), randomized per process`);
      }
    }
    this.gaussNext = null;
  }

  /** random(): genrand_res53, 53 random bits in [0, 1). */
  random(): number {
    const a = this.genrand() >>> 5;
    const b = this.genrand() >>> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
  }

  /** getrandbits(k): k bits, 32 at a time from the least significant word. */
  getrandbits(k: number): bigint {
    if (!Number.isSafeInteger(k)) throw new RangeError(`getrandbits: ${k} is not an integer`);
    if (this.rules.getrandbitsZero) {
      if (k < 0) throw new PyRandomError("ValueError", "number of bits must be non-negative");
      if (k === 0) return 0n;
    } else if (k <= 0) {
      throw new PyRandomError("ValueError", "number of bits must be greater than zero");
    }
    if (k <= 32) return BigInt(this.genrand() >>> (32 - k));
    const words = Math.floor((k - 1) / 32) + 1;
    const parts: string[] = new Array<string>(words);
    for (let i = 0; i < words; i++, k -= 32) {
      let r = this.genrand();
      if (k < 32) r >>>= 32 - k;
      parts[words - 1 - i] = r.toString(16).padStart(8, "0");
    }
    return BigInt("0x" + parts.join(""));
  }

  /** randbytes(n) (3.9+): getrandbits(n * 8).to_bytes(n, 'little'). */
  randbytes(n: number): Uint8Array {
    if (!this.rules.randbytes) throw new PyRandomError("AttributeError", "'Random' object has no attribute 'randbytes'");
    let v = this.getrandbits(n * 8);
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) {
      out[i] = Number(v & 0xffn);
      v >>= 8n;
    }
    return out;
  }

  // --- random.py: integers ---------------------------------------------------

  /** _randbelow_with_getrandbits for 0 < n < 2**32, in numbers. */
  private randbelowSmall(n: number): number {
    const k = bitLengthNum(n);
    let r = this.genrand() >>> (32 - k);
    while (r >= n) r = this.genrand() >>> (32 - k);
    return r;
  }

  /** _randbelow of a positive int held in a number (len() of a sequence and the like). */
  private randbelowLen(n: number): number {
    if (n < 0x100000000) return this.randbelowSmall(n);
    return Number(this.randbelowBig(BigInt(n)));
  }

  private randbelowBig(n: bigint): bigint {
    if (n < 0x100000000n) return BigInt(this.randbelowSmall(Number(n)));
    const k = bigBitLength(n);
    let r = this.getrandbits(k);
    while (r >= n) r = this.getrandbits(k);
    return r;
  }

  /**
   * _randbelow(n) (_randbelow_with_getrandbits), a random int in [0, n).
   * n == 0: 3.8 raises getrandbits(0)'s ValueError, 3.9 and 3.10 return 0, and
   * 3.11+ loop forever (getrandbits(0) is 0, never below 0); negative n loops
   * forever everywhere. Those two throw a RangeError here.
   */
  randbelow(n: bigint): bigint {
    if (n > 0n) return this.randbelowBig(n);
    if (n === 0n) {
      if (!this.rules.randbelowZeroGuard) throw new PyRandomError("ValueError", "number of bits must be greater than zero");
      if (!this.rules.randbelowNoGuard) return 0n;
    }
    throw new RangeError(`_randbelow(${n}) never returns in CPython ${this.version}`);
  }

  /** The int value of a randrange argument, with the version's conversion rules and errors. */
  private rangeArg(x: PyNumberArg, nonIntMessage: string): bigint {
    const k = classify(x, "randrange");
    if ("int" in k) return k.int;
    if (this.rules.randrangeIndexOnly) {
      throw new PyRandomError("TypeError", "'float' object cannot be interpreted as an integer");
    }
    // 3.8/3.9 int(x); 3.10/3.11 _index(x), falling back to int(x) with a DeprecationWarning.
    const i = truncFloat(k.float);
    if (!Number.isInteger(k.float)) throw new PyRandomError("ValueError", nonIntMessage);
    return i;
  }

  /**
   * randrange(stop) / randrange(start, stop[, step]). `stop` undefined or null
   * is None; `step` undefined is the default (the cached int 1), while an
   * explicit step is checked as given.
   */
  randrange(start: PyNumberArg, stop?: PyNumberArg | null, step?: PyNumberArg): bigint {
    const istart = this.rangeArg(start, "non-integer arg 1 for randrange()");
    if (stop === undefined || stop === null) {
      if (this.rules.randrangeIndex && step !== undefined) {
        // `step is not _ONE`: only the int 1 (a cached small int) passes.
        const s = classify(step, "randrange");
        if (!("int" in s && s.int === 1n)) throw new PyRandomError("TypeError", "Missing a non-None stop argument");
      }
      if (istart > 0n) return this.randbelowBig(istart);
      throw new PyRandomError("ValueError", "empty range for randrange()");
    }
    const istop = this.rangeArg(stop, "non-integer stop for randrange()");
    const width = istop - istart;
    const stepArg: PyNumberArg = step === undefined ? 1n : step;
    let istep: bigint;
    if (this.rules.randrangeIndex) {
      istep = this.rangeArg(stepArg, "non-integer step for randrange()");
      if (istep === 1n) {
        if (width > 0n) return istart + this.randbelowBig(width);
        if (this.rules.randrangeIndexOnly) {
          throw new PyRandomError("ValueError", `empty range in randrange(${pyStr(start)}, ${pyStr(stop)})`);
        }
        throw new PyRandomError("ValueError", `empty range for randrange() (${istart}, ${istop}, ${width})`);
      }
    } else {
      // 3.8/3.9: `step == 1` compares the argument itself before converting it.
      const s = classify(stepArg, "randrange");
      const stepIsOne = "int" in s ? s.int === 1n : s.float === 1;
      if (stepIsOne && width > 0n) return istart + this.randbelowBig(width);
      if (stepIsOne) throw new PyRandomError("ValueError", `empty range for randrange() (${istart}, ${istop}, ${width})`);
      istep = this.rangeArg(stepArg, "non-integer step for randrange()");
    }
    let n: bigint;
    if (istep > 0n) n = floorDiv(width + istep - 1n, istep);
    else if (istep < 0n) n = floorDiv(width + istep + 1n, istep);
    else throw new PyRandomError("ValueError", "zero step for randrange()");
    if (n <= 0n) {
      if (this.rules.randrangeIndexOnly) {
        throw new PyRandomError("ValueError", `empty range in randrange(${pyStr(start)}, ${pyStr(stop)}, ${pyStr(stepArg)})`);
      }
      throw new PyRandomError("ValueError", "empty range for randrange()");
    }
    return istart + istep * this.randbelowBig(n);
  }

  /** randint(a, b): randrange(a, b + 1). */
  randint(a: PyNumberArg, b: PyNumberArg): bigint {
    const k = classify(b, "randint");
    const b1: PyNumberArg = "int" in k ? k.int + 1n : { float: k.float + 1 };
    return this.randrange(a, b1);
  }

  // --- random.py: sequences --------------------------------------------------

  /**
   * choice(seq) for a sequence of length n: the index chosen. An empty
   * sequence raises IndexError('Cannot choose from an empty sequence') in 3.8
   * and 3.11+; 3.9 and 3.10 index seq[0] and raise the sequence type's own
   * IndexError (`kind`).
   */
  choice(n: number, kind: PySeqKind = "list"): number {
    checkLength(n, "choice");
    if (n === 0) {
      if (this.rules.choiceIndexesEmpty && !this.rules.randbelowNoGuard) throw new PyRandomError("IndexError", SEQ_INDEX_ERROR[kind]);
      throw new PyRandomError("IndexError", "Cannot choose from an empty sequence");
    }
    return this.randbelowLen(n);
  }

  /** shuffle(x) of a list of length n: the resulting order of the indices 0..n-1. */
  shuffle(n: number): number[] {
    checkLength(n, "shuffle");
    const x = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i >= 1; i--) {
      const j = this.randbelowLen(i + 1);
      const t = x[i]!;
      x[i] = x[j]!;
      x[j] = t;
    }
    return x;
  }

  /**
   * sample(population, k, counts=None) for a population of length n: the
   * indices chosen, in selection order. The pool strategy when n <= setsize,
   * else the set of selected indices; with counts (3.9+), a sample of
   * range(sum(counts)) mapped back by bisect. Counts are ints (bigints or safe
   * integers); a { float } count makes the total a float (TypeError).
   */
  sample(n: number, k: number, counts?: readonly (number | bigint | PyFloatArg)[] | null): number[] {
    checkLength(n, "sample");
    if (!Number.isSafeInteger(k)) throw new RangeError(`sample: k = ${k} is not an integer`);
    if (counts !== undefined && counts !== null) {
      if (!this.rules.sampleCounts) {
        throw new PyRandomError("TypeError", "sample() got an unexpected keyword argument 'counts'");
      }
      return this.sampleCounts(n, k, counts);
    }
    if (!(0 <= k && k <= n)) throw new PyRandomError("ValueError", "Sample larger than population or is negative");
    const result: number[] = new Array<number>(k);
    let setsize = 21; // size of a small set minus size of an empty list
    if (k > 5) setsize += 4 ** Math.ceil(glibcLog(k * 3) / glibcLog(4)); // _log(k * 3, 4)
    if (n <= setsize) {
      const pool = Array.from({ length: n }, (_, i) => i);
      for (let i = 0; i < k; i++) {
        const j = this.randbelowLen(n - i);
        result[i] = pool[j]!;
        pool[j] = pool[n - i - 1]!;
      }
    } else {
      const selected = new Set<number>();
      for (let i = 0; i < k; i++) {
        let j = this.randbelowLen(n);
        while (selected.has(j)) j = this.randbelowLen(n);
        selected.add(j);
        result[i] = j;
      }
    }
    return result;
  }

  private sampleCounts(n: number, k: number, counts: readonly (number | bigint | PyFloatArg)[]): number[] {
    // cum_counts = list(accumulate(counts)): ints stay exact; any float makes the rest floats.
    const cum: (bigint | number)[] = [];
    let acc: bigint | number | null = null;
    for (const c of counts) {
      const v: bigint | number = typeof c === "bigint" ? c : typeof c === "number" ? (Number.isInteger(c) ? BigInt(c) : c) : c.float;
      if (acc === null) acc = v;
      else if (typeof acc === "bigint" && typeof v === "bigint") acc = acc + v;
      else acc = Number(acc) + Number(v);
      cum.push(acc);
    }
    if (cum.length !== n) throw new PyRandomError("ValueError", "The number of counts does not match the population");
    if (cum.length === 0) throw new PyRandomError("IndexError", "pop from empty list");
    const total = cum.pop()!;
    if (typeof total !== "bigint") throw new PyRandomError("TypeError", "Counts must be integers");
    if (total <= 0n) throw new PyRandomError("ValueError", "Total of counts must be greater than zero");
    if (total > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError("sample(counts=...): total beyond 2**53 is not modelled");
    const selections = this.sample(Number(total), k);
    const ints = cum as bigint[]; // an int total means no float came before it
    return selections.map((s) => bisectRight(ints, BigInt(s), 0, ints.length));
  }

  /**
   * choices(population, weights=None, *, cum_weights=None, k=1) for a
   * population of length n: the indices chosen. Unweighted: floor(random() * n);
   * weighted: bisect on the cumulative weights (JS numbers: Python ints below
   * 2**53 or floats accumulate the same way).
   */
  choices(
    n: number,
    weights: readonly number[] | null = null,
    cumWeights: readonly number[] | null = null,
    k: number = 1,
    kind: PySeqKind = "list",
  ): number[] {
    checkLength(n, "choices");
    if (!Number.isSafeInteger(k)) throw new RangeError(`choices: k = ${k} is not an integer`);
    const out: number[] = [];
    if (cumWeights === null) {
      if (weights === null) {
        for (let i = 0; i < k; i++) {
          const idx = Math.floor(this.random() * n);
          if (idx >= n) throw new PyRandomError("IndexError", SEQ_INDEX_ERROR[kind]);
          out.push(idx);
        }
        return out;
      }
      const cum: number[] = [];
      let acc = 0;
      weights.forEach((w, i) => {
        acc = i === 0 ? w : acc + w;
        cum.push(acc);
      });
      cumWeights = cum;
    } else if (weights !== null) {
      throw new PyRandomError("TypeError", "Cannot specify both weights and cumulative weights");
    }
    if (cumWeights.length !== n) throw new PyRandomError("ValueError", "The number of weights does not match the population");
    if (cumWeights.length === 0) throw new PyRandomError("IndexError", "list index out of range");
    const total = cumWeights[cumWeights.length - 1]! + 0.0;
    if (this.rules.choicesTotalPositive && total <= 0.0) throw new PyRandomError("ValueError", "Total of weights must be greater than zero");
    if (this.rules.choicesTotalFinite && !Number.isFinite(total)) throw new PyRandomError("ValueError", "Total of weights must be finite");
    const hi = n - 1;
    for (let i = 0; i < k; i++) out.push(bisectRight(cumWeights, this.random() * total, 0, hi));
    return out;
  }

  // --- random.py: real-valued distributions ------------------------------------

  /** uniform(a, b): a + (b - a) * random(). */
  uniform(a: number, b: number): number {
    return a + (b - a) * this.random();
  }

  /** triangular(low=0.0, high=1.0, mode=None). */
  triangular(low: number = 0.0, high: number = 1.0, mode: number | null = null): number {
    let u = this.random();
    let c: number;
    if (mode === null) c = 0.5;
    else {
      if (high - low === 0) return low; // ZeroDivisionError, caught
      c = (mode - low) / (high - low);
    }
    if (u > c) {
      u = 1.0 - u;
      c = 1.0 - c;
      [low, high] = [high, low];
    }
    return low + (high - low) * Math.sqrt(u * c);
  }

  /** normalvariate(mu, sigma) (defaults 0.0 and 1.0 from 3.11): Kinderman and Monahan. */
  normalvariate(mu?: number, sigma?: number): number {
    [mu, sigma] = this.defaults("normalvariate", "normalDefaults", mu, sigma);
    let z: number;
    for (;;) {
      const u1 = this.random();
      const u2 = 1.0 - this.random();
      z = (NV_MAGICCONST * (u1 - 0.5)) / u2;
      const zz = (z * z) / 4.0;
      if (zz <= -glibcLog(u2)) break;
    }
    return mu + z * sigma;
  }

  /** gauss(mu, sigma) (defaults 0.0 and 1.0 from 3.11): Box–Muller pairs, the second kept in gaussNext. */
  gauss(mu?: number, sigma?: number): number {
    [mu, sigma] = this.defaults("gauss", "normalDefaults", mu, sigma);
    let z = this.gaussNext;
    this.gaussNext = null;
    if (z === null) {
      const x2pi = this.random() * TWOPI;
      const g2rad = Math.sqrt(-2.0 * glibcLog(1.0 - this.random()));
      z = glibcCos(x2pi) * g2rad;
      this.gaussNext = glibcSin(x2pi) * g2rad;
    }
    return mu + z * sigma;
  }

  /** expovariate(lambd) (default 1.0 from 3.12): -log(1.0 - random()) / lambd. */
  expovariate(lambd?: number): number {
    if (lambd === undefined) {
      if (!this.rules.expovariateDefault) throw missingArgs(this.rules, "expovariate", ["lambd"]);
      lambd = 1.0;
    }
    const v = -glibcLog(1.0 - this.random());
    if (lambd === 0) throw new PyRandomError("ZeroDivisionError", "float division by zero");
    return v / lambd;
  }

  private defaults(fn: string, since: keyof RandomRules, mu: number | undefined, sigma: number | undefined): [number, number] {
    if (mu === undefined || sigma === undefined) {
      if (!this.rules[since]) {
        throw missingArgs(this.rules, fn, mu === undefined ? ["mu", "sigma"] : ["sigma"]);
      }
    }
    return [mu ?? 0.0, sigma ?? 1.0];
  }
}

/** str() of an int argument, as 3.12+'s randrange messages show it. */
function pyStr(x: PyNumberArg): string {
  if (typeof x === "bigint" || typeof x === "number") return String(x);
  return String(x.float);
}
