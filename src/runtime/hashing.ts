// PyObject_Hash for the hashable builtins, exactly as CPython 3.10 computes it
// (Python/pyhash.c, Objects/longobject.c, tupleobject.c, setobject.c,
// rangeobject.c, Modules/_decimal). A Py_hash_t is a signed 64-bit integer:
// here a JS number when it is a safe integer, else a bigint, so equal hashes
// are always `===`.
//
// Some hashes are not knowable without the interpreter: str and bytes are
// randomized per process (PYTHONHASHSEED) and None, NaN, functions and plain
// instances hash by address. For those a stand-in is returned and
// `unstableHashes` is bumped, so callers can tell "a" CPython hash from "the" one.
// A str or bytes gets the hash a process started with PYTHONHASHSEED=0 gives
// it (siphash.ts), so the slots it takes in a set are that process's; an
// address stand-in also bumps `addressedHashes`: no process is known to give it.
import { typingHooks } from "./typingHooks.js";
import { ctx } from "./ctx.js";
import { PymemError, typeError } from "./errors.js";
import { subOf, typeName, type PyInstanceObj, type PyObj, type PySetObj } from "./objects.js";
import { materialize } from "./seq.js";
import { nativeSlots } from "./nativeObjects.js";
import { bytesData, strText } from "./text.js";
import { unicodeBytes, unicodeData, zeroSeedHash, zeroSeedSlotHash } from "./siphash.js";
import { add as u64add, join, mul as u64mul, rotl31, split, U } from "./u64.js";

export type PyHash = number | bigint;

/** _PyHASH_MODULUS: the Mersenne prime 2**61 - 1 (_PyHASH_BITS = 61). */
const MODULUS = (1n << 61n) - 1n;
/** _PyHASH_MODULUS: 2**61 - 1. */
export const HASH_MODULUS = MODULUS;
/** _PyHASH_INF. */
const HASH_INF = 314159;
/** _PyHASH_IMAG. */
const HASH_IMAG = 1000003n;
const U64 = (1n << 64n) - 1n;
/** _PyHASH_10INV: the inverse of 10 modulo _PyHASH_MODULUS (Modules/_decimal). */
const HASH_10INV = modPow(10n, MODULUS - 2n, MODULUS);

let unstable = 0;
let addressed = 0;

let userHashDepth = 0;

/** Run a class's __hash__: within it, hash() of a str may answer with its stand-in (the key is then unstable). */
export function inUserHash<T>(f: () => T): T {
  userHashDepth++;
  try {
    return f();
  } finally {
    userHashDepth--;
  }
}

/** Whether a class's __hash__ is running (see inUserHash). */
export function userHashRunning(): boolean {
  return userHashDepth > 0;
}

/** How many address- or seed-dependent hashes have been handed out so far. */
export function unstableHashes(): number {
  return unstable;
}

/** How many of those were address stand-ins (no PYTHONHASHSEED gives them). */
export function addressedHashes(): number {
  return addressed;
}

/** A signed 64-bit value in canonical form: a number iff it is a safe integer. */
export function canonHash(v: bigint): PyHash {
  const s = BigInt.asIntN(64, v);
  return s >= -0x1fffffffffffffn && s <= 0x1fffffffffffffn ? Number(s) : s;
}

/** The value as Py_uhash_t. */
function unsignedHash(h: PyHash): bigint {
  return BigInt.asUintN(64, BigInt(h));
}

/** long_hash (Objects/longobject.c): sign * (|v| mod 2**61-1), with -1 turned into -2. */
export function hashInt(v: number | bigint): PyHash {
  if (typeof v === "number") return v === -1 ? -2 : v; // safe integers are below the modulus
  const m = (v < 0n ? -v : v) % MODULUS;
  const h = v < 0n ? -m : m;
  return h === -1n ? -2 : canonHash(h);
}

/** _Py_HashDouble (Python/pyhash.c) for a finite or infinite value; NaN hashes by address. */
export function hashDouble(v: number, owner: object): PyHash {
  if (Number.isNaN(v)) return identityHash(owner);
  if (!Number.isFinite(v)) return v > 0 ? HASH_INF : -HASH_INF;
  if (Number.isInteger(v)) return hashInt(Number.isSafeInteger(v) ? v : BigInt(v));
  // v = m * 2**e with m an integer: the hash is m * 2**e mod P, using 2**61 ≡ 1.
  let m = Math.abs(v);
  let e = 0;
  while (!Number.isInteger(m)) {
    m *= 2;
    e--;
  }
  // m < 2**53: m * 2**r = high * 2**61 + low * 2**r ≡ high + low * 2**r, summed exactly in 32-bit words.
  const r = ((e % 61) + 61) % 61;
  const scale = 2 ** (61 - r);
  const high = Math.floor(m / scale);
  const x = (m - high * scale) * 2 ** r; // < 2**61, exact
  let lo = (x % TWO32) + (high % TWO32);
  let hi = Math.floor(x / TWO32) + Math.floor(high / TWO32) + (lo >= TWO32 ? 1 : 0);
  lo %= TWO32;
  if (hi > 0x1fffffff || (hi === 0x1fffffff && lo === 0xffffffff)) {
    // minus _PyHASH_MODULUS: take 2**61 away, give 1 back
    hi -= 0x20000000;
    lo += 1;
    if (lo === TWO32) [hi, lo] = [hi + 1, 0];
  }
  if (hi < 0x200000) {
    const x53 = hi * TWO32 + lo;
    return v < 0 ? (x53 === 1 ? -2 : -x53) : x53;
  }
  const big = (BigInt(hi) << 32n) | BigInt(lo);
  return canonHash(v < 0 ? -big : big);
}

const TWO32 = 4294967296;

/** complex_hash (Objects/complexobject.c). */
export function hashComplex(re: number, im: number, owner: object): PyHash {
  const combined = (unsignedHash(hashDouble(re, owner)) + HASH_IMAG * unsignedHash(hashDouble(im, owner))) & U64;
  return combined === U64 ? -2 : canonHash(combined);
}

/** _PyHASH_XXPRIME_1, _2 and _5 as (high, low) 32-bit words. */
const XXPRIME_1 = [0x9e3779b1, 0x85ebca87] as const;
const XXPRIME_2 = [0xc2b2ae3d, 0x27d4eb4f] as const;
const XXPRIME_5 = [0x27d4eb2f, 0x165667c5] as const;

/** tuplehash (Objects/tupleobject.c, xxHash-based since 3.8). */
export function hashTuple(lanes: readonly PyHash[]): PyHash {
  let hi: number = XXPRIME_5[0];
  let lo: number = XXPRIME_5[1];
  for (const h of lanes) {
    split(h);
    u64mul(U.hi, U.lo, XXPRIME_2[0], XXPRIME_2[1]); // lane * _PyHASH_XXPRIME_2
    u64add(hi, lo, U.hi, U.lo);
    rotl31(U.hi, U.lo);
    u64mul(U.hi, U.lo, XXPRIME_1[0], XXPRIME_1[1]);
    hi = U.hi;
    lo = U.lo;
  }
  // acc += len ^ (_PyHASH_XXPRIME_5 ^ 3527539UL)
  u64add(hi, lo, XXPRIME_5[0], (XXPRIME_5[1] ^ 3527539 ^ lanes.length) >>> 0);
  return U.hi === 0xffffffff && U.lo === 0xffffffff ? 1546275796 : join(U.hi, U.lo);
}

/**
 * frozenset_hash (Objects/setobject.c): the xor of every active entry's
 * shuffled hash (null and dummy slots cancel out), mixed with the size.
 */
export function hashFrozenset(entryHashes: readonly PyHash[]): PyHash {
  let hi = 0;
  let lo = 0;
  for (const h of entryHashes) {
    // _shuffle_bits: ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL
    split(h);
    const xhi = (U.hi ^ ((U.hi << 16) | (U.lo >>> 16))) >>> 0;
    const xlo = (U.lo ^ 89869747 ^ (U.lo << 16)) >>> 0;
    u64mul(xhi, xlo, 0, 3644798167);
    hi = (hi ^ U.hi) >>> 0;
    lo = (lo ^ U.lo) >>> 0;
  }
  u64mul(0, entryHashes.length + 1, 0, 1927868237);
  hi = (hi ^ U.hi) >>> 0;
  lo = (lo ^ U.lo) >>> 0;
  // hash ^= (hash >> 11) ^ (hash >> 25)
  const lo2 = (lo ^ ((lo >>> 11) | (hi << 21)) ^ ((lo >>> 25) | (hi << 7))) >>> 0;
  const hi2 = (hi ^ (hi >>> 11) ^ (hi >>> 25)) >>> 0;
  u64mul(hi2, lo2, 0, 69069);
  u64add(U.hi, U.lo, 0, 907133923);
  return U.hi === 0xffffffff && U.lo === 0xffffffff ? 590923713 : join(U.hi, U.lo);
}

/** dec_hash (Modules/_decimal/_decimal.c): the value as a rational modulo 2**61-1. */
function hashDecimal(o: PyObj & { t: "Decimal" }): PyHash {
  if (o.special === "sNaN") throw typeError("Cannot hash a signaling NaN value.");
  if (o.special === "NaN") return identityHash(o);
  if (o.special === "Infinity") return o.sign === 1 ? -HASH_INF : HASH_INF;
  const expHash = o.exp >= 0 ? modPow(10n, BigInt(o.exp), MODULUS) : modPow(HASH_10INV, BigInt(-o.exp), MODULUS);
  const h = (o.coeff * expHash) % MODULUS;
  const ans = o.sign === 1 ? -h : h;
  return ans === -1n ? -2 : canonHash(ans);
}

/** b**e mod m. */
export function modPow(b: bigint, e: bigint, m: bigint): bigint {
  let r = 1n;
  b %= m;
  while (e > 0n) {
    if (e & 1n) r = (r * b) % m;
    b = (b * b) % m;
    e >>= 1n;
  }
  return r;
}

const ids = new WeakMap<object, number>();
let nextId = 1;

/** _Py_HashPointer stands in: any fixed value is "a" CPython hash; marked unstable. */
export function identityHash(o: object): PyHash {
  unstable++;
  addressed++;
  let id = ids.get(o);
  if (id === undefined) {
    id = nextId++;
    ids.set(o, id);
  }
  return id * 0x9e3779b1; // spread like id >> 4 rotated, never -1
}

/**
 * _Py_HashPointer of None, Ellipsis or NotImplemented: the address rotated
 * right by 4. Its low 16 bits are the build's (layout data), the rest a
 * typical mmap base: the hash's low 12 bits, all a set of up to 4096 slots
 * looks at first, are CPython's; the rest is "a" CPython hash.
 */
function staticHash(o: PyObj): PyHash {
  const noneHash = ctx().layout.noneHash;
  if (o.t === "NoneType" && noneHash !== null) return noneHash;
  const low = ctx().layout.staticAddressLow16[o.t];
  if (low === undefined) return identityHash(o);
  const address = 0x7f0000380000 + low;
  return address / 16;
}

/** Whether `o` hashes by a static address (see staticHash): knowable only in its low bits. */
export function isStaticSingleton(o: PyObj): boolean {
  if (o.t === "NoneType") return ctx().layout.noneHash === null;
  return o.t === "ellipsis" || o.t === "NotImplementedType";
}

/** The hash of an item inside a tuple or frozenset: a static singleton's high bits matter there, so it is unstable. */
function itemHash(o: PyObj): PyHash {
  if (isStaticSingleton(o)) {
    unstable++;
    addressed++;
  }
  return pyHash(o, true);
}

/**
 * The randomized siphash of str and bytes as PYTHONHASHSEED=0 makes it, marked
 * unstable: its low 52 bits (all a set table reads, siphash.ts), or `full`, the
 * whole hash, inside a tuple's or frozenset's hash.
 */
function seededHash(o: PyObj & { t: "str" | "bytes" }, full = false): PyHash {
  // _Py_HashBytes: an empty str or bytes hashes to 0 whatever the seed.
  if (o.length === 0) return 0;
  unstable++;
  return textHash(o, full);
}

/**
 * _Py_HashBytes of a str's data (its 1/2/4-byte code units) or a bytes' with the zero secret:
 * the low 52 bits a set table keeps, or with `full` the whole hash. Counts nothing (seededHash
 * does): setTable.ts asks it again for the bits past 52 that a long probe reads.
 */
export function textHash(o: PyObj & { t: "str" | "bytes" }, full: boolean): PyHash {
  const rounds = ctx().layout.rules.sipRounds;
  const hash = full ? zeroSeedHash : zeroSeedSlotHash;
  if (o.t === "bytes") {
    const data = bytesData(o);
    return hash(data, data.length, rounds);
  }
  const n = unicodeData(strText(o), o.maxChar); // before unicodeBytes(): it may grow the buffer
  return hash(unicodeBytes(), n, rounds);
}

/** frozenset_hash of a set's or frozenset's keys (a str's whole hash, not the table's 52 bits). */
export function setContentHash(o: PyObj & { t: "set" | "frozenset" }): PyHash {
  return hashFrozenset(o.table.entries().map(([k, h]) => (plainText(k) ? seededHash(k, true) : h)));
}

/** A str or bytes with the builtin's hash (no subclass), whose set-table hash is cut to 52 bits. */
function plainText(o: PyObj): o is PyObj & { t: "str" | "bytes" } {
  return (o.t === "str" || o.t === "bytes") && subOf(o) === undefined;
}

/**
 * Whether a frozenset item's hash depends on the hash secret: a non-empty str
 * or bytes, or a tuple or frozenset holding one; an object whose class computes
 * its hash is counted as depending (its __hash__ is not run twice to find out).
 */
function seedDependent(o: PyObj): boolean {
  if (subOf(o) !== undefined || o.t === "instance") return true;
  if (o.t === "str" || o.t === "bytes") return o.length > 0;
  if (o.t === "tuple") return materialize(o.items).some(seedDependent);
  if (o.t === "frozenset") return keysSeedDependent(o);
  return false;
}

/** Whether some key of a frozenset is seedDependent (cached on its table: a frozenset never changes). */
function keysSeedDependent(o: PySetObj): boolean {
  return (o.table.cachedSeeded ??= o.table.keyList().some(seedDependent));
}

/** An instance's hash: its class's __hash__, a dataclass's fields, or its address (installed by instanceHash.ts). */
let instanceHash: (o: PyObj & { t: "instance" }) => PyHash = (o) => identityHash(o);
/** A builtin subclass's object: its class's own hash, or null for the builtin's. */
let subclassHash: (o: PyObj, inst: PyInstanceObj) => PyHash | null = () => null;

export function setInstanceHash(f: (o: PyObj & { t: "instance" }) => PyHash, sub: (o: PyObj, inst: PyInstanceObj) => PyHash | null): void {
  instanceHash = f;
  subclassHash = sub;
}

/** PyObject_HashNotImplemented's TypeError for the mutable builtins, named as type(o).__name__ shows them. */
export function unhashable(o: PyObj): Error {
  const name = o.t === "dictview" ? o.typeName : o.t === "array" ? "array.array" : o.t === "deque" ? "collections.deque" : typeName(o);
  return typeError(`unhashable type: '${name}'`);
}

/**
 * PyObject_Hash. Raises TypeError for unhashable objects, as CPython does. A
 * str's or bytes's is its set-table hash (52 bits), or with `full` its whole hash.
 */
export function pyHash(o: PyObj, full = false): PyHash {
  const sub = subOf(o);
  if (sub !== undefined) {
    const own = subclassHash(o, sub);
    if (own !== null) return own;
  }
  switch (o.t) {
    case "int":
      return hashInt(o.v);
    case "bool":
      return o.v ? 1 : 0;
    case "float":
      return hashDouble(o.v, o);
    case "complex":
      return hashComplex(o.re, o.im, o);
    case "str":
    case "bytes":
      return seededHash(o, full);
    case "tuple":
      return hashTuple(materialize(o.items).map(itemHash));
    case "frozenset": {
      // so->hash caches it; an unstable one must still count as unstable.
      if (o.table.unstable > 0 || o.table.keyList().some(isStaticSingleton)) {
        unstable++;
        addressed++;
      } else if (keysSeedDependent(o)) unstable++;
      return (o.table.cachedHash ??= setContentHash(o));
    }
    case "range":
      return hashRange(o);
    case "Decimal":
      return hashDecimal(o);
    case "instance":
      return instanceHash(o);
    case "list":
    case "dict":
    case "set":
    case "bytearray":
    case "dictview":
    case "array":
    case "deque":
      throw unhashable(o);
    case "slice":
      if (!ctx().layout.rules.sliceHashable) throw unhashable(o);
      throw new PymemError("UNSUPPORTED", "hash() of a slice (slice_hash, 3.12+)");
    case "NoneType":
    case "ellipsis":
    case "NotImplementedType":
      return staticHash(o);
    case "builtin":
      // meth_hash / wrapper_hash: from the receiver's address and the function's, so a.append hashes as a.append.
      return o.self === null ? identityHash(o) : boundHash(o.self, `${o.kind ?? ""}.${o.objclass ?? ""}.${o.name}`);
    default: {
      const unhashableAs = nativeSlots(o)?.unhashableAs;
      if (unhashableAs !== undefined) throw typeError(`unhashable type: '${unhashableAs}'`);
      const typing = o.t === "type" && o.typingForm === true ? typingHooks()?.hash(o, pyHash) : null;
      return typing ?? identityHash(o);
    }
  }
}

/** A bound C function's stand-in hash: its receiver's identity hash mixed with its function's name (FNV-1a). */
function boundHash(self: PyObj, fn: string): PyHash {
  let x = 0x811c9dc5;
  for (let i = 0; i < fn.length; i++) x = Math.imul(x ^ fn.charCodeAt(i), 0x01000193);
  return (identityHash(self) as number) + (x >>> 0);
}

/** range_hash (Objects/rangeobject.c): hash((len, start, step)) with None for what len makes irrelevant. */
function hashRange(r: PyObj & { t: "range" }): PyHash {
  // hash(None) is address-based in 3.10, so only ranges of two or more items hash knowably.
  if (r.len === 0n) return hashTuple([hashInt(0), identityHash(NONE_KEY), identityHash(NONE_KEY)]);
  if (r.len === 1n) return hashTuple([hashInt(1), hashInt(small(r.start)), identityHash(NONE_KEY)]);
  return hashTuple([hashInt(small(r.len)), hashInt(small(r.start)), hashInt(small(r.step))]);
}

const NONE_KEY = {};

function small(v: bigint): number | bigint {
  return v >= -0x1fffffffffffffn && v <= 0x1fffffffffffffn ? Number(v) : v;
}
