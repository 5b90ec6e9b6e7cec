// The hash table of a set or frozenset, slot for slot as Objects/setobject.c
// (3.10) keeps it: an array of (hash, key) entries of mask + 1 slots, probed
// LINEAR_PROBES neighbours at a time and then by `i = i*5 + 1 + perturb`,
// with dummies left by deletions. Iteration walks the slots, so the order of
// keys with deterministic hashes is CPython's own.
//
// A str or bytes key is placed by the hash a PYTHONHASHSEED=0 process gives it
// (hashing.ts), so the order is that process's. Keys hashed by address (plain
// instances, NaN, functions…) get stand-in hashes; any order is "a" CPython
// order for them, so a table holding one iterates in insertion order instead.
import type { Layout } from "../layouts/layout.js";
import { textHash, type PyHash } from "./hashing.js";
import { runFind } from "./intRuns.js";
import { keysEqual } from "./keyEquality.js";
import type { PyObj } from "./objects.js";
import { materialize, type IntRunSeq } from "./seq.js";

/** Hash of an unused slot (key NULL) and of a dummy (key dummy) in CPython. */
const UNUSED = 0;
/** Tables of at least this many slots keep hashes and stamps in typed arrays (cheaper to make; dearer for small ones). */
const TYPED_FROM = 1024;

/** A slot array of numbers: a big table's is typed, 4 bytes a slot until a value needs 8 (widened). */
type NumberSlots = number[] | Int32Array | Uint32Array | Float64Array;

/**
 * `size` zeros (UNUSED hashes, or stamps) for a table replacing one whose array was `like`:
 * a big table's are typed, as narrow as `like` was (Int32Array for hashes, Uint32Array for
 * stamps: a set of 10^6 str keys spends 16 MB less than in Float64Arrays).
 */
function zeros(size: number, kind: "hash" | "stamp", like: NumberSlots | PyHash[] | null = null): NumberSlots {
  if (size < TYPED_FROM) return new Array<number>(size).fill(0);
  if (like !== null && !(like instanceof Int32Array) && !(like instanceof Uint32Array) && like.length >= TYPED_FROM) return new Float64Array(size);
  return kind === "hash" ? new Int32Array(size) : new Uint32Array(size);
}

/** `slots`, or a Float64Array copy of it when `v` does not fit its narrow type. */
function widened<T extends NumberSlots | PyHash[]>(slots: T, v: number): T | Float64Array {
  if (slots instanceof Int32Array ? (v | 0) !== v : slots instanceof Uint32Array && v >>> 0 !== v) return Float64Array.from(slots as ArrayLike<number>);
  return slots;
}
const DUMMY = -1;

function lowWord(h: PyHash): number {
  return typeof h === "number" ? h >>> 0 : Number(BigInt.asUintN(32, h));
}

function highWord(h: PyHash): number {
  return typeof h === "number" ? Math.floor(h / 4294967296) >>> 0 : Number(BigInt.asUintN(32, h >> 32n));
}

/** The bits of a str's or bytes' hash a table holds (siphash.ts zeroSeedSlotHash): perturbs past them need the rest. */
const SLOT_HASH_BITS = 52;

export class SetTable {
  /** so->table: key per slot, null when unused or dummy (told apart by the hash). */
  private keys: (PyObj | null)[];
  /** A big table's hashes sit in a typed array while every one is a number (a safe integer). */
  private hashes: PyHash[] | Exclude<NumberSlots, number[]>;
  /**
   * Insertion stamp per slot: seq * 2, plus 1 when the key's hash is a
   * stand-in. Kept only once such a key arrives (null until then).
   */
  private stamps: NumberSlots | null = null;
  /** so->hash: a frozenset's hash once computed (frozensets never change after construction). */
  cachedHash: PyHash | null = null;
  /** Whether a frozenset's hash depends on the hash secret (str or bytes among its keys), once known. */
  cachedSeeded: boolean | null = null;
  /** The slots in iteration order while nothing changes (sorting by insertion is not free). */
  private orderCache: number[] | null = null;
  /** How many leading entries of orderCache set.pop() has already taken. */
  private orderSkip = 0;
  /** The next insertion sequence number. */
  private nextSeq = 0;
  /** so->mask. */
  mask: number;
  /** so->fill: active plus dummy slots. */
  fill = 0;
  /** so->used. */
  used = 0;
  /** so->finger: where set.pop() starts looking. */
  finger = 0;
  /** Keys whose hash is an address stand-in; while any is present, iteration is by insertion. */
  unstable = 0;
  /**
   * A run of distinct ints added, in order, to the empty table, not yet put
   * in slots: mask, fill and used already say what the additions leave
   * (addRunLazily); the slots are filled by the same additions when needed.
   */
  private pending: IntRunSeq | null = null;

  constructor(private readonly layout: Layout["set"]) {
    this.mask = layout.minsize - 1;
    this.keys = new Array<PyObj | null>(layout.minsize).fill(null);
    this.hashes = new Array<PyHash>(layout.minsize).fill(UNUSED);
  }

  /** The ints this table holds but has not put in slots yet (deep sizes count them without slots). */
  get pendingRun(): IntRunSeq | null {
    return this.pending;
  }

  /**
   * set_add_entry of each int of `run` into this empty table, in closed form.
   * The keys are distinct, so each addition takes a new slot (fill and used
   * grow together) and the table grows exactly where set_add_entry's
   * fill-versus-mask test says, to set_table_resize(growthTarget(used)):
   * where the ints land does not change the sizes, only the iteration order,
   * which the real additions give when a slot is read (ensure).
   */
  addRunLazily(run: IntRunSeq): boolean {
    const { layout } = this;
    if (this.used !== 0 || this.fill !== 0 || this.mask + 1 !== layout.minsize || this.pending !== null || this.stamps !== null) return false;
    const n = run.len;
    let size = layout.minsize;
    let fill = 0;
    for (;;) {
      // The first fill past this one at which set_add_entry resizes (it does at the latest when full).
      let lo = fill + 1;
      let hi = size;
      while (lo < hi) {
        const mid = Math.floor((lo + hi) / 2);
        if (layout.addNeedsResize(mid, size)) hi = mid;
        else lo = mid + 1;
      }
      if (lo > n) break;
      fill = lo;
      size = layout.tableResize(layout.growthTarget(fill));
    }
    this.touched();
    this.mask = size - 1;
    this.fill = n;
    this.used = n;
    this.pending = run;
    return true;
  }

  /** Put a pending run in slots: the additions themselves, from the empty table. */
  private ensure(): void {
    const run = this.pending;
    if (run === null) return;
    const items = materialize(run);
    this.pending = null;
    this.reset(this.layout.minsize);
    this.fill = 0;
    this.used = 0;
    for (const k of items) {
      const v = (k as { v: number }).v;
      this.add(k, v === -1 ? -2 : v, false);
    }
  }

  /** Forget what was derived from the slots. */
  private touched(): void {
    this.cachedHash = null;
    this.orderCache = null;
    this.orderSkip = 0;
  }

  /** mask + 1: what set_sizeof reads. */
  get size(): number {
    return this.mask + 1;
  }

  /** set_do_lookup: the slot holding an equal key, or -1. */
  lookup(key: PyObj, hash: PyHash): number {
    this.ensure();
    const { keys, hashes, mask } = this;
    const probesMax = this.layout.linearProbes;
    let i = lowWord(hash) & mask;
    let plo = -1;
    let phi = 0;
    let shifts = 0;
    for (;;) {
      let j = i;
      let probes = i + probesMax <= mask ? probesMax : 0;
      do {
        const k = keys[j] as PyObj | null;
        const h = hashes[j] as PyHash;
        if (k === null) {
          if (h === UNUSED) return -1;
        } else if (h === hash && (k === key || keysEqual(k, key))) return j;
        j++;
      } while (probes-- > 0);
      if (plo < 0) [plo, phi] = [lowWord(hash), highWord(hash)];
      [plo, phi] = this.nextPerturb(key, hash, plo, phi, ++shifts);
      i = (i * 5 + 1 + plo) & mask;
    }
  }

  /**
   * The next perturb after `shifts` shifts; once the bits a probe reads (`mask` wide) pass the
   * 52 a str or bytes hash keeps in the table, taken from the key's whole hash.
   */
  private nextPerturb(key: PyObj, hash: PyHash, lo: number, hi: number, shifts: number): [number, number] {
    const bits = shifts * this.layout.perturbShift;
    if (typeof hash === "number" && hash >= 0 && bits + 32 - Math.clz32(this.mask) > SLOT_HASH_BITS && (key.t === "str" || key.t === "bytes")) {
      const whole = BigInt.asUintN(64, BigInt(textHash(key, true)));
      // Only when the table's hash is that str's low 52 bits (not a subclass's own __hash__).
      if (Number(BigInt.asUintN(SLOT_HASH_BITS, whole)) === hash) {
        const p = whole >> BigInt(bits);
        return [Number(p & 0xffffffffn), Number(p >> 32n)];
      }
    }
    return this.shift(lo, hi);
  }

  /** perturb >>= PERTURB_SHIFT on the 64-bit unsigned perturb held as two words. */
  private shift(lo: number, hi: number): [number, number] {
    const s = this.layout.perturbShift;
    return [((lo >>> s) | (hi << (32 - s))) >>> 0, hi >>> s];
  }

  has(key: PyObj, hash: PyHash): boolean {
    const run = this.pending;
    if (run !== null && key.t === "int") {
      // A run's ints are distinct and equal only to themselves by value.
      return runFind(run, BigInt(key.v)) >= 0;
    }
    return this.lookup(key, hash) >= 0;
  }

  /** set_add_entry: false when an equal key was already there. */
  add(key: PyObj, hash: PyHash, unstable: boolean): boolean {
    this.ensure();
    const { keys, hashes, mask } = this;
    const probesMax = this.layout.linearProbes;
    let i = lowWord(hash) & mask;
    let freeslot = -1;
    let plo = -1;
    let phi = 0;
    let shifts = 0;
    let slot: number;
    outer: for (;;) {
      let j = i;
      let probes = i + probesMax <= mask ? probesMax : 0;
      do {
        const k = keys[j] as PyObj | null;
        const h = hashes[j] as PyHash;
        if (k === null) {
          if (h === UNUSED) {
            slot = j;
            break outer;
          }
          freeslot = j; // a dummy: the last one seen is reused
        } else if (h === hash && (k === key || keysEqual(k, key))) return false;
        j++;
      } while (probes-- > 0);
      if (plo < 0) [plo, phi] = [lowWord(hash), highWord(hash)];
      [plo, phi] = this.nextPerturb(key, hash, plo, phi, ++shifts);
      i = (i * 5 + 1 + plo) & mask;
    }
    this.used++;
    if (unstable) this.unstable++;
    if (unstable && this.stamps === null) this.startStamps();
    const stamp = this.nextSeq++ * 2 + (unstable ? 1 : 0);
    if (freeslot >= 0 && this.layout.addReusesDummy) {
      this.put(freeslot, key, hash, stamp);
      return true;
    }
    this.fill++;
    this.put(slot, key, hash, stamp);
    if (this.layout.addNeedsResize(this.fill, this.mask + 1)) this.resize(this.layout.growthTarget(this.used));
    return true;
  }

  private isUnstable(slot: number): boolean {
    return this.stamps !== null && ((this.stamps[slot] as number) & 1) === 1;
  }

  /** The first stand-in hash arrives: the keys already present keep their (slot) order ahead of it. */
  private startStamps(): void {
    let stamps = zeros(this.keys.length, "stamp");
    for (let j = 0; j < this.keys.length; j++) {
      if (this.keys[j] === null) continue;
      stamps = widened(stamps, this.nextSeq * 2);
      stamps[j] = this.nextSeq++ * 2;
    }
    this.stamps = stamps;
  }

  private put(slot: number, key: PyObj, hash: PyHash, stamp: number): void {
    this.touched();
    this.keys[slot] = key;
    if (typeof hash === "bigint") {
      if (!Array.isArray(this.hashes)) this.hashes = Array.from(this.hashes);
    } else {
      this.hashes = widened(this.hashes, hash);
    }
    this.hashes[slot] = hash;
    if (this.stamps !== null) {
      this.stamps = widened(this.stamps, stamp);
      this.stamps[slot] = stamp;
    }
  }

  /** set_discard_entry: the slot becomes a dummy; fill is unchanged. */
  discard(key: PyObj, hash: PyHash): boolean {
    const slot = this.lookup(key, hash);
    if (slot < 0) return false;
    this.kill(slot);
    return true;
  }

  private kill(slot: number): void {
    if (this.isUnstable(slot)) this.unstable--;
    this.touched();
    this.keys[slot] = null;
    this.hashes[slot] = DUMMY;
    this.used--;
  }

  /** set_insert_clean: into a table known to hold neither this key nor dummies. */
  private insertClean(key: PyObj, hash: PyHash, stamp: number): void {
    const { keys, mask } = this;
    const probesMax = this.layout.linearProbes;
    let i = lowWord(hash) & mask;
    let plo = -1;
    let phi = 0;
    let shifts = 0;
    for (;;) {
      if (keys[i] === null) break;
      if (i + probesMax <= mask) {
        let j = 1;
        for (; j <= probesMax; j++) if (keys[i + j] === null) break;
        if (j <= probesMax) {
          i += j;
          break;
        }
      }
      if (plo < 0) [plo, phi] = [lowWord(hash), highWord(hash)];
      [plo, phi] = this.nextPerturb(key, hash, plo, phi, ++shifts);
      i = (i * 5 + 1 + plo) & mask;
    }
    this.put(i, key, hash, stamp);
  }

  private reset(size: number): void {
    this.touched();
    this.mask = size - 1;
    this.keys = new Array<PyObj | null>(size).fill(null);
    this.hashes = zeros(size, "hash", this.hashes) as typeof this.hashes;
    this.stamps = this.stamps === null ? null : zeros(size, "stamp", this.stamps);
  }

  /** set_table_resize(so, minused): rehash the active entries, in slot order, into a fresh table. */
  resize(minused: number): void {
    this.ensure();
    const newsize = this.layout.tableResize(minused);
    if (newsize === this.layout.minsize && this.mask + 1 === newsize && this.fill === this.used) return;
    const { keys, hashes, stamps } = this;
    this.reset(newsize);
    this.fill = this.used;
    for (let j = 0; j < keys.length; j++) {
      const k = keys[j] as PyObj | null;
      if (k !== null) this.insertClean(k, hashes[j] as PyHash, stamps === null ? 0 : (stamps[j] as number));
    }
  }

  /** set_merge's fast paths into an empty table (fill == 0), after its presize. */
  copyFrom(other: SetTable): void {
    this.ensure();
    other.ensure();
    this.touched();
    if (this.mask === other.mask && other.fill === other.used) {
      // Same size and no dummies: the entries are copied slot for slot.
      this.keys = other.keys.slice();
      this.hashes = other.hashes.slice();
      this.stamps = other.stamps === null ? null : other.stamps.slice();
    } else {
      if (other.stamps !== null) this.stamps ??= zeros(this.keys.length, "stamp");
      for (const j of other.slotOrder(false)) {
        this.insertClean(other.keys[j] as PyObj, other.hashes[j] as PyHash, other.stamps === null ? 0 : (other.stamps[j] as number));
      }
    }
    this.fill = other.used;
    this.used = other.used;
    this.unstable = other.unstable;
    this.nextSeq = other.nextSeq;
  }

  /** set_pop: the first active slot from the finger on, wrapping around. */
  pop(): PyObj | null {
    this.ensure();
    if (this.used === 0) return null;
    if (this.unstable > 0) {
      // By insertion: the first remaining entry; the rest of the order stays cached for the next pop.
      if (this.orderCache === null) this.slotOrder(true);
      const order = this.orderCache as number[];
      const skip = this.orderSkip;
      const slot = order[skip] as number;
      const key = this.keys[slot] as PyObj;
      this.kill(slot);
      this.finger = slot + 1;
      if (this.unstable > 0) {
        this.orderCache = order;
        this.orderSkip = skip + 1;
      }
      return key;
    }
    let slot = this.finger & this.mask;
    while (this.keys[slot] === null) slot = slot === this.mask ? 0 : slot + 1;
    const key = this.keys[slot] as PyObj;
    this.kill(slot);
    this.finger = slot + 1;
    return key;
  }

  /** set_clear_internal: back to the empty smalltable (the finger stays). */
  clear(): void {
    this.pending = null;
    this.touched();
    this.reset(this.layout.minsize);
    this.fill = 0;
    this.used = 0;
    this.unstable = 0;
  }

  /** set_swap_bodies: exchange tables (not fingers) with another set. */
  swap(other: SetTable): void {
    this.ensure();
    other.ensure();
    this.touched();
    other.touched();
    const mine = [this.keys, this.hashes, this.stamps, this.mask, this.fill, this.used, this.unstable, this.nextSeq] as const;
    [this.keys, this.hashes, this.stamps, this.mask, this.fill, this.used, this.unstable, this.nextSeq] =
      [other.keys, other.hashes, other.stamps, other.mask, other.fill, other.used, other.unstable, other.nextSeq];
    [other.keys, other.hashes, other.stamps, other.mask, other.fill, other.used, other.unstable, other.nextSeq] = mine;
  }

  /**
   * Active slots in iteration order: set_next's slot order, or insertion
   * order while a stand-in hash is present (`byInsertion` false forces slot order).
   */
  private slotOrder(byInsertion = true): number[] {
    this.ensure();
    if (byInsertion && this.orderCache !== null) return this.orderSkip === 0 ? this.orderCache : this.orderCache.slice(this.orderSkip);
    const out: number[] = [];
    const keys = this.keys;
    for (let j = 0; j < keys.length; j++) if (keys[j] !== null) out.push(j);
    const stamps = this.stamps;
    if (byInsertion && this.unstable > 0 && stamps !== null) sortByStamp(out, stamps, this.nextSeq);
    if (byInsertion) this.orderCache = out;
    return out;
  }

  /** Each key, in slot order: for callers the order does not matter to (no sorting by insertion). */
  /** The slot table's keys (null or undefined where a slot holds none), not to be changed. */
  slotKeys(): readonly (PyObj | null | undefined)[] {
    this.ensure();
    return this.keys;
  }

  /** The keys in iteration order. */
  keyList(): PyObj[] {
    return this.slotOrder().map((j) => this.keys[j] as PyObj);
  }

  /** The entries (key, hash, stand-in?) in iteration order, as set_next hands them out. */
  entries(): [PyObj, PyHash, boolean][] {
    return this.slotOrder().map((j) => [this.keys[j] as PyObj, this.hashes[j] as PyHash, this.isUnstable(j)]);
  }
}

/**
 * Sort active slots by their insertion stamps. Stamps are distinct (seq * 2
 * + flag, seq < nextSeq), so while they are dense enough one pass placing
 * each slot at its seq does it in linear time; otherwise a comparison sort.
 */
function sortByStamp(slots: number[], stamps: ArrayLike<number>, nextSeq: number): void {
  if (nextSeq > 4 * slots.length + 64) {
    slots.sort((a, b) => (stamps[a] as number) - (stamps[b] as number));
    return;
  }
  const bySeq = new Int32Array(nextSeq).fill(-1);
  for (const j of slots) bySeq[Math.floor((stamps[j] as number) / 2)] = j;
  let n = 0;
  for (let q = 0; q < nextSeq; q++) {
    const j = bySeq[q] as number;
    if (j >= 0) slots[n++] = j;
  }
}
