// The entries of a dict, plus the allocator state CPython keeps for them (sets
// keep a real slot table: setTable.ts). Which keys are equal follows Python
// (1 == 1.0 == True); the table's size is moved only by the layout's growth
// rules (src/layouts/*/PyDictObject), exactly where CPython resizes.
import { typingHooks } from "./typingHooks.js";
import { pyHash, unhashable } from "./hashing.js";
import { nativeSlots } from "./nativeObjects.js";
import { PymemError, typeError } from "./errors.js";
import { ctx } from "./ctx.js";
import type { DictFlavor, PyDictObj, PyObj, PyStrObj, SharedKeys } from "./objects.js";
import { materialize, type IntRunSeq } from "./seq.js";
import { strText, bytesData } from "./text.js";

export type HKey = number | string;

export interface Entry {
  readonly key: PyObj;
  value: PyObj;
}

/** Distinct int keys inserted in order into an empty dict, each with its value: the same object throughout, or item k of a run. */
export interface PendingEntries {
  readonly keys: IntRunSeq;
  readonly values: IntRunSeq | { readonly each: PyObj };
}

interface UserKeyIndex {
  /** Map keys of entries whose key compares through user code, by CPython hash. */
  readonly custom: Map<string, HKey[]>;
  /** The other Map keys by CPython hash (may hold stale ones). */
  readonly plain: Map<string, HKey[]>;
  seq: number;
}

/** The most entries a combined table keeps flat before it takes a Map. */
const SMALL_MAX = 8;

/** The empty flat table every new dict starts with: never written (an append to a full array makes a new one). */
const NO_ENTRIES: readonly unknown[] = [];

/**
 * A split instance dict's values, in its shared keys' order (PEP 412's
 * ma_values), kept as an array until some operation needs entries: an
 * instance dict then costs one array, not a Map and an object per attribute.
 */
class PackedValues {
  constructor(
    readonly keys: readonly PyStrObj[],
    readonly values: PyObj[],
    public len: number,
  ) {}
}

/** What few tables need: entries counted but not yet made, and the index of keys compared by user __eq__. */
interface TableExtra {
  /** Entries whose sizes are already counted (size, usable, fill) but not yet in the Map. */
  pending: PendingEntries | null;
  /** Set once a key that compares through user __eq__ is involved. */
  user: UserKeyIndex | null;
}

/**
 * A dict: the object and its keys table in one JS object (one header, not
 * two; `table` is the object itself). Its entries are held one of three ways:
 * - flat, while a combined table has at most SMALL_MAX: Map key, key and
 *   value of each in insertion order, `undefined` past the last (one array,
 *   not a Map and an object per entry);
 * - packed values of a split instance dict (PackedValues);
 * - a Map by Map key, for the rest (a flat or packed table becomes one when
 *   it outgrows its form or a rare operation asks for `map`).
 */
export class HashTable implements PyDictObj {
  declare readonly t: "dict";
  w = 0;
  /** The shared keys while this is a key-sharing instance dict. */
  split: SharedKeys | null = null;
  flavor: DictFlavor | undefined = undefined;
  private store: unknown[] | Map<HKey, Entry> | PackedValues = NO_ENTRIES as unknown[];
  private extra: TableExtra | null = null;
  /** dk_size, 0 for the shared empty keys. */
  size = 0;
  /** dk_nentries. */
  fill = 0;
  /** dk_usable. */
  usable = 0;
  /** dk_kind is DICT_KEYS_GENERAL (3.11+; the shared empty keys are DICT_KEYS_UNICODE): a key other than an exact str is or was in the table. Sizes before 3.11 ignore it. */
  general = false;

  get table(): HashTable {
    return this;
  }

  /** A split dict taking over values already packed in `keys`' order (the first `count` filled). */
  static packedWith(keys: readonly PyStrObj[], values: PyObj[], count: number, split: SharedKeys): HashTable {
    const t = new HashTable();
    t.store = new PackedValues(keys, values, count);
    t.split = split;
    return t;
  }

  /** The entries by Map key; a flat or packed table becomes a Map here, for good. */
  get map(): Map<HKey, Entry> {
    const st = this.store;
    if (st instanceof Map) {
      if (this.extra?.pending != null) this.ensure(st);
      return st;
    }
    const m = new Map<HKey, Entry>();
    if (Array.isArray(st)) {
      for (let i = 0; i < st.length && st[i] !== undefined; i += 3) m.set(st[i] as HKey, { key: st[i + 1] as PyObj, value: st[i + 2] as PyObj });
    } else {
      for (let i = 0; i < st.len; i++) {
        const key = st.keys[i] as PyStrObj;
        m.set(hashKey(key), { key, value: st.values[i] as PyObj });
      }
    }
    this.store = m;
    return m;
  }

  /** Where entry `hk` starts in the flat table `s`, or -1. */
  private static smallFind(s: unknown[], hk: HKey): number {
    for (let i = 0; i < s.length; i += 3) {
      const k = s[i];
      if (k === hk) return i;
      if (k === undefined) return -1;
    }
    return -1;
  }

  /** Where the next entry of the flat table `s` would go (s.length when full). */
  private static smallEnd(s: unknown[]): number {
    let i = 0;
    while (i < s.length && s[i] !== undefined) i += 3;
    return i;
  }

  /** Room for `n` entries in an empty flat table, so that many appends allocate nothing more. */
  reserve(n: number): void {
    const st = this.store;
    if (Array.isArray(st) && st.length === 0 && n > 0 && n <= SMALL_MAX) this.store = new Array<unknown>(3 * n).fill(undefined);
  }

  /** The value under Map key `hk`, if any. */
  valueAt(hk: HKey): PyObj | undefined {
    const st = this.store;
    if (Array.isArray(st)) {
      const i = HashTable.smallFind(st, hk);
      return i < 0 ? undefined : (st[i + 2] as PyObj);
    }
    return this.map.get(hk)?.value;
  }

  hasKey(hk: HKey): boolean {
    const st = this.store;
    return Array.isArray(st) ? HashTable.smallFind(st, hk) >= 0 : this.map.has(hk);
  }

  /** Give an existing entry a new value (its key object stays); false when there is none. */
  replaceValue(hk: HKey, value: PyObj): boolean {
    const st = this.store;
    if (Array.isArray(st)) {
      const i = HashTable.smallFind(st, hk);
      if (i < 0) return false;
      st[i + 2] = value;
      return true;
    }
    const e = this.map.get(hk);
    if (e === undefined) return false;
    e.value = value;
    return true;
  }

  /** Add an entry the table does not hold, last in insertion order. */
  append(hk: HKey, key: PyObj, value: PyObj): void {
    const st = this.store;
    if (Array.isArray(st)) {
      const end = HashTable.smallEnd(st);
      if (end < st.length) {
        st[end] = hk;
        st[end + 1] = key;
        st[end + 2] = value;
        return;
      }
      const n = end / 3;
      if (n < SMALL_MAX) {
        const grown = new Array<unknown>(3 * Math.min(SMALL_MAX, Math.max(1, n * 2))).fill(undefined);
        for (let i = 0; i < end; i++) grown[i] = st[i];
        grown[end] = hk;
        grown[end + 1] = key;
        grown[end + 2] = value;
        this.store = grown;
        return;
      }
    }
    this.map.set(hk, { key, value });
  }

  /** Remove entry `hk`, giving its value (undefined when there is none); the rest keep their order. */
  remove(hk: HKey): PyObj | undefined {
    const st = this.store;
    if (Array.isArray(st)) {
      const i = HashTable.smallFind(st, hk);
      if (i < 0) return undefined;
      const value = st[i + 2] as PyObj;
      const end = HashTable.smallEnd(st);
      for (let j = i; j + 3 < end; j++) st[j] = st[j + 3];
      st[end - 3] = st[end - 2] = st[end - 1] = undefined;
      return value;
    }
    const m = this.map;
    const e = m.get(hk);
    if (e === undefined) return undefined;
    m.delete(hk);
    return e.value;
  }

  /** No entries left (the allocator counters are the caller's). */
  clearEntries(): void {
    this.store = NO_ENTRIES as unknown[];
    this.extra = null;
  }

  get pendingEntries(): PendingEntries | null {
    return this.extra?.pending ?? null;
  }

  /** Hold `p` as inserted into this empty table; the caller has set size, usable and fill to what the insertions leave. */
  setPending(p: PendingEntries): void {
    this.store = new Map();
    (this.extra ??= { pending: null, user: null }).pending = p;
  }

  private ensure(entries: Map<HKey, Entry>): void {
    const extra = this.extra as TableExtra;
    const p = extra.pending as PendingEntries;
    const keys = materialize(p.keys);
    const values = "each" in p.values ? null : materialize(p.values);
    const each = "each" in p.values ? p.values.each : null;
    extra.pending = null;
    for (let k = 0; k < keys.length; k++) {
      const key = keys[k] as PyObj;
      entries.set((key as { v: number }).v, { key, value: each ?? (values?.[k] as PyObj) });
    }
  }

  /** Whether the values are still packed (index i belongs to shared key i). */
  get isPacked(): boolean {
    return this.store instanceof PackedValues;
  }

  /** The packed value of shared key `ix`, if this table holds one. */
  packedAt(ix: number): PyObj | undefined {
    const st = this.store as PackedValues;
    return ix < st.len ? st.values[ix] : undefined;
  }

  /** Store the value of shared key `ix`: an existing one, or the next (ix === used). */
  packedPut(ix: number, value: PyObj): void {
    const st = this.store as PackedValues;
    st.values[ix] = value;
    if (ix === st.len) st.len++;
  }

  get used(): number {
    const st = this.store;
    if (Array.isArray(st)) return HashTable.smallEnd(st) / 3;
    if (st instanceof PackedValues) return st.len;
    const pending = this.extra?.pending;
    return pending != null ? pending.keys.len : st.size;
  }

  /** Every key and value, in insertion order, without making a flat or packed table a Map. */
  forEachEntry(f: (key: PyObj, value: PyObj) => void): void {
    const st = this.store;
    if (Array.isArray(st)) {
      for (let i = 0; i < st.length && st[i] !== undefined; i += 3) f(st[i + 1] as PyObj, st[i + 2] as PyObj);
    } else if (st instanceof PackedValues) {
      for (let i = 0; i < st.len; i++) f(st.keys[i] as PyStrObj, st.values[i] as PyObj);
    } else {
      for (const e of this.map.values()) f(e.key, e.value);
    }
  }

  /**
   * The Map key for `key`. Keys with structural equality are their own
   * encoding (hashKey); a key whose == runs a class's __eq__ is matched as
   * CPython matches it: same hash, then identity or ==, against every key.
   */
  keyFor(key: PyObj): HKey {
    const user = this.extra?.user ?? null;
    if (!userKeys.needs(key)) {
      const hk = hashKey(key);
      if (user === null || this.map.has(hk)) return hk;
      const hs = hashString(key);
      user.plain.get(hs)?.push(hk) ?? user.plain.set(hs, [hk]);
      return this.match(user.custom.get(hs), key) ?? hk;
    }
    const hs = hashString(key);
    const u = user ?? ((this.extra ??= { pending: null, user: null }).user = this.newUserKeyIndex());
    let bucket = u.custom.get(hs);
    if (bucket === undefined) u.custom.set(hs, (bucket = []));
    const found = this.match(bucket, key) ?? this.match(u.plain.get(hs), key);
    if (found !== null) return found;
    const fresh = `${hs}#${u.seq++}`;
    bucket.push(fresh);
    return fresh;
  }

  /** The other Map keys by CPython hash, from the entries held when the first user-compared key came. */
  private newUserKeyIndex(): UserKeyIndex {
    const plain = new Map<string, HKey[]>();
    for (const [hk, e] of this.map) if (!userKeys.needs(e.key)) plain.get(hashString(e.key))?.push(hk) ?? plain.set(hashString(e.key), [hk]);
    return { custom: new Map(), plain, seq: 0 };
  }

  /** The Map key among candidates whose key equals `key` (identity, then ==). */
  private match(candidates: readonly HKey[] | undefined, key: PyObj): HKey | null {
    for (const hk of candidates ?? []) {
      const e = this.map.get(hk);
      if (e !== undefined && (e.key === key || userKeys.eq(e.key, key))) return hk;
    }
    return null;
  }
}
// The type tag on the prototype, as objects.ts gives its numerous kinds theirs: one field less per dict.
Object.defineProperty(HashTable.prototype, "t", { value: "dict" });

function hashString(key: PyObj): string {
  return `${TAG}u${String(pyHash(key))}`;
}

/** Which keys compare through user __eq__, and that comparison (installed by instanceHash.ts). */
let userKeys: { needs(o: PyObj): boolean; eq(a: PyObj, b: PyObj): boolean } = { needs: () => false, eq: (a, b) => a === b };

export function setUserKeys(k: { needs(o: PyObj): boolean; eq(a: PyObj, b: PyObj): boolean }): void {
  userKeys = k;
}


const identityIds = new WeakMap<object, number>();
let nextIdentity = 1;

function identityKey(o: PyObj): string {
  let id = identityIds.get(o);
  if (id === undefined) {
    id = nextIdentity++;
    identityIds.set(o, id);
  }
  return `#${id}`;
}

/** Starts every string key that is not a str's own text (a str starting with it is escaped as TAG + "s"). */
const TAG = "\u0000";

/**
 * A JS key equal for exactly the Python objects that are equal as dict keys.
 * Numbers compare by value across int, bool, float and complex, as in Python.
 * A str is its own text (no new string per lookup, and the Map shares the
 * str's text); every other string key starts with TAG and a type letter.
 */
export function hashKey(o: PyObj): HKey {
  if (o.t === "str") {
    const text = strText(o);
    return text.charCodeAt(0) === 0 ? TAG + "s" + text : text;
  }
  const k = otherKey(o);
  return typeof k === "number" ? k : TAG + k;
}

function otherKey(o: PyObj): HKey {
  switch (o.t) {
    case "int":
      if (typeof o.v === "number") return o.v;
      return bigKey(o.v);
    case "bool":
      return o.v ? 1 : 0;
    case "float":
      return Number.isNaN(o.v) ? identityKey(o) : o.v;
    case "complex":
      if (o.im === 0) return Number.isNaN(o.re) ? identityKey(o) : o.re;
      return `c${o.re},${o.im}`;
    case "bytes":
      return "b" + latin1(bytesData(o));
    case "tuple": {
      const items = o.items;
      if (!Array.isArray(items)) return identityKey(o); // big lazy tuples: equal only to themselves here
      return "t(" + items.map((x) => keyString(hashKey(x))).join(",") + ")";
    }
    case "frozenset": {
      const keys = o.table.keyList().map((k) => keyString(hashKey(k))).sort();
      return "f{" + keys.join(",") + "}";
    }
    case "list":
    case "dict":
    case "set":
    case "bytearray":
    case "dictview":
      throw unhashable(o);
    case "slice":
      // slice.__hash__ is None before 3.12; from 3.12 slice_hash mixes the three hashes (not modelled).
      if (!ctx().layout.rules.sliceHashable) throw unhashable(o);
      throw new PymemError("UNSUPPORTED", "a slice as a dict key or set item (slice_hash, 3.12+)");
    case "NoneType":
      return "None";
    case "ellipsis":
      return "Ellipsis";
    case "Decimal": {
      if (o.special !== null) return o.special === "NaN" ? identityKey(o) : o.sign === 1 ? -Infinity : Infinity;
      if (o.exp >= 0) {
        const v = o.coeff * 10n ** BigInt(o.exp) * (o.sign === 1 ? -1n : 1n);
        return bigKey(v);
      }
      let c = o.coeff;
      let e = o.exp;
      while (e < 0 && c % 10n === 0n) {
        c /= 10n;
        e++;
      }
      if (e >= 0) return bigKey(c * 10n ** BigInt(e) * (o.sign === 1 ? -1n : 1n));
      return dyadicKey(o.sign === 1 ? -c : c, -e);
    }
    case "array":
    case "deque":
      throw unhashable(o);
    case "instance": {
      // Frozen, eq dataclasses hash and compare by their fields.
      const fields = o.cls.decorated?.hashFields(o) ?? null;
      return fields === null ? identityKey(o) : `d${identityKey(o.cls)}(${fields.map((x) => keyString(hashKey(x))).join(",")})`;
    }
    case "range":
      return `r${o.len === 0n ? "" : `${o.start},${o.len === 1n ? "" : o.step},${o.len}`}`;
    case "builtin":
      // meth_hash / wrapper_hash: the receiver's address and the function's; == as cCallables.ts's builtinEq.
      return o.self === null ? identityKey(o) : `m${identityKey(o.self)}.${o.kind ?? ""}.${o.objclass ?? ""}.${o.name}`;
    case "method":
      // method_hash: the receiver's address mixed with hash(im_func); == as compare.ts's method_richcompare.
      return `M${identityKey(o.self)}.${keyString(hashKey(o.func))}`;
    case "type": {
      // typing's aliases compare by origin and arguments (a union's as a set).
      const typing = o.typingForm === true ? typingHooks()?.key(o, (x) => keyString(hashKey(x))) : null;
      return typing ?? identityKey(o);
    }
    default: {
      // A native type whose __hash__ is None (a mappingproxy, a ChainMap, a KeysView): PyObject_HashNotImplemented.
      const unhashableAs = nativeSlots(o)?.unhashableAs;
      if (unhashableAs !== undefined) throw typeError(`unhashable type: '${unhashableAs}'`);
      return identityKey(o);
    }
  }
}

/**
 * c / 10**n (c not a multiple of 10): equal to a float exactly when it is a
 * dyadic rational a double holds, then keyed as that float (Decimal('0.5') == 0.5).
 */
function dyadicKey(c: bigint, n: number): HKey {
  const p5 = 5n ** BigInt(n);
  if (c % p5 === 0n && n <= 1023) {
    const num = Number(c / p5);
    const f = num / 2 ** n;
    if (Number.isSafeInteger(num) && f * 2 ** n === num) return f;
  }
  return `D${c}e-${n}`;
}

function bigKey(v: bigint): HKey {
  const n = Number(v);
  return Number.isFinite(n) && BigInt(n) === v ? n : "i" + v.toString();
}

/**
 * An item's key inside a container's key: length-prefixed rather than escaped,
 * so a key nested d levels deep grows by a few characters per level (escaping
 * doubled the backslashes at every level: 2**d characters).
 */
function keyString(k: HKey): string {
  if (typeof k === "number") return "n" + (Object.is(k, -0) ? 0 : k);
  return `${k.length}:${k}`;
}

function latin1(data: Uint8Array): string {
  let s = "";
  for (let i = 0; i < data.length; i += 8192) s += String.fromCharCode(...data.subarray(i, i + 8192));
  return s;
}
