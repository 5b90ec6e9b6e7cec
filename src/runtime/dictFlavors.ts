// The dict subclasses of collections (OrderedDict, defaultdict, Counter): a
// dict with a flavor, and the methods, operators and constructors each adds,
// filling the table the way their C or Python code does.
import { callObject } from "./calls.js";
import { odictUpdate } from "./collectionCtors.js";
import { pyCompare, truthy } from "./compare.js";
import { dictClear, dictDelete, dictGet, dictMerge, dictSet, newDict, newDictFromType } from "./dicts.js";
import { typeError, unsupported, valueError, keyError } from "./errors.js";
import { forEach, toArray } from "./iteration.js";
import { makeIter } from "./iterObject.js";
import { listAppend, listExtendedBy, newEmptyList, newListExact } from "./lists.js";
import { intAdd, intSub, intValue, toFloat, type IntV } from "./numbers.js";
import { None, pyFloat, pyInt, pyStr, typeName, type DictFlavor, type Kwargs, type NativeFn, type PyDictObj, type PyObj } from "./objects.js";
import { repr } from "./repr.js";
import { tuple2 } from "./tuples.js";

/** A dict subclass instance: made by calling its type (Lib/collections' own code included). */
function flavoredDict(flavor: DictFlavor): PyDictObj {
  const d = newDictFromType();
  d.flavor = flavor;
  return d;
}

/** MutableMapping.update / odict's: key by key (no dict_merge fast paths). */
function updateKeyByKey(d: PyDictObj, src: PyObj | undefined, kw: Kwargs): void {
  if (src !== undefined) {
    if (src.t === "dict") for (const e of [...src.table.map.values()]) dictSet(d, e.key, e.value);
    else forEach(src, (pair) => {
      const kv = toArray(pair);
      if (kv.length !== 2) throw valueError("need a sequence of pairs");
      dictSet(d, kv[0] as PyObj, kv[1] as PyObj);
    });
  }
  for (const [k, v] of kw.values) dictSet(d, kw.keys.get(k) as PyObj, v);
}

/**
 * A count's arithmetic and comparisons, as the Python code of Counter does
 * them, for counts that are ints, bools or floats (the rest is refused, not
 * guessed): a sum or difference is a new object as int and float arithmetic
 * make it (small ints cached).
 */
function countNumber(o: PyObj): PyObj & { t: "int" | "bool" | "float" } {
  if (o.t === "int" || o.t === "bool" || o.t === "float") return o;
  throw unsupported(`Counter arithmetic on a '${typeName(o)}' count`);
}

/** a + b (or a - b with `minus`) for counts: int arithmetic unless a float is involved. */
export function countArith(a: PyObj, b: PyObj, minus = false): PyObj {
  const x = countNumber(a);
  const y = countNumber(b);
  if (x.t !== "float" && y.t !== "float") return (minus ? intSub : intAdd)(intValue(x) as IntV, intValue(y) as IntV);
  const fx = toFloat(x) as number;
  const fy = toFloat(y) as number;
  return pyFloat(minus ? fx - fy : fx + fy);
}

/** a < b for counts (exact for ints of any size and floats). */
export function countLess(a: PyObj, b: PyObj): boolean {
  return pyCompare(countNumber(a), countNumber(b), "<") < 0;
}

const ZERO = pyInt(0);

export function counterCount(d: PyDictObj, src: PyObj): void {
  // _count_elements: mapping[elem] = the int 1 when absent, else PyNumber_Add(oldval, 1).
  forEach(src, (x) => {
    const cur = dictGet(d, x);
    dictSet(d, x, cur === undefined ? pyInt(1) : countArith(cur, pyInt(1)));
  });
}

function counterUpdate(d: PyDictObj, src: PyObj | undefined, kw: Kwargs): void {
  if (src !== undefined && src.t !== "NoneType") {
    if (src.t === "dict") {
      if (d.table.used === 0) {
        // Counter.update's fast path for an empty counter: dict.update, i.e. dict_merge.
        dictMerge(d, src, true);
      } else {
        // self[elem] = count + self_get(elem, 0): a new object even where the count was absent.
        for (const e of [...src.table.map.values()]) dictSet(d, e.key, countArith(e.value, dictGet(d, e.key) ?? ZERO));
      }
    } else counterCount(d, src);
  }
  if (kw.values.size > 0) {
    const k = newDict();
    for (const [name, v] of kw.values) dictSet(k, kw.keys.get(name) as PyObj, v);
    counterUpdate(d, k, { values: new Map(), keys: new Map() });
  }
}

/** Counter + - & |: a new Counter filled key by key, keeping positive counts. */
export function counterOp(op: "Add" | "Sub" | "BitAnd" | "BitOr", a: PyDictObj, b: PyDictObj): PyDictObj {
  // Counter.__add__/__sub__/__and__/__or__: other[elem] is 0 when missing; & and | keep the very count objects.
  const r = flavoredDict({ name: "Counter" });
  for (const e of [...a.table.map.values()]) {
    const count = e.value;
    const other = dictGet(b, e.key) ?? ZERO;
    const v =
      op === "Add" ? countArith(count, other)
        : op === "Sub" ? countArith(count, other, true)
          : op === "BitAnd" ? (countLess(count, other) ? count : other)
            : countLess(count, other) ? other : count;
    if (countLess(ZERO, v)) dictSet(r, e.key, v);
  }
  if (op === "Add" || op === "BitOr") {
    for (const e of [...b.table.map.values()]) {
      if (dictGet(a, e.key) === undefined && countLess(ZERO, e.value)) dictSet(r, e.key, e.value);
    }
  }
  if (op === "Sub") {
    // for elem, count in other.items(): if elem not in self and count < 0: result[elem] = 0 - count
    for (const e of [...b.table.map.values()]) {
      if (dictGet(a, e.key) === undefined && countLess(e.value, ZERO)) dictSet(r, e.key, countArith(ZERO, e.value, true));
    }
  }
  return r;
}

/** +counter / -counter: a new Counter of the positive (negated) counts. */
export function counterUnary(op: "UAdd" | "USub", a: PyDictObj): PyDictObj {
  const r = flavoredDict({ name: "Counter" });
  for (const e of [...a.table.map.values()]) {
    // __pos__: result[elem] = count when count > 0; __neg__: 0 - count when count < 0.
    if (op === "UAdd" && countLess(ZERO, e.value)) dictSet(r, e.key, e.value);
    if (op === "USub" && countLess(e.value, ZERO)) dictSet(r, e.key, countArith(ZERO, e.value, true));
  }
  return r;
}

/**
 * The key whose node _odict_popkey_hash has unlinked while it reads and deletes the key through a
 * subclass's own dunders (before 3.11): the dict still holds it, the order no longer does.
 */
let unlinked: { readonly d: PyDictObj; readonly key: PyObj } | null = null;

/** OrderedDict methods that read or change its order (move_to_end is modelled in the window). */
const ORDER_READERS: ReadonlySet<string> = new Set(["popitem", "copy", "clear", "keys", "values", "items", "__iter__", "__reversed__", "__repr__", "__reduce__", "__eq__", "__ne__"]);

/** Run `body` with `key`'s node unlinked from `d`'s order (odictSubclass.ts: pop and popitem before 3.11). */
export function withNodeUnlinked<T>(d: PyDictObj, key: PyObj, body: () => T): T {
  const outer = unlinked;
  unlinked = { d, key };
  try {
    return body();
  } finally {
    unlinked = outer;
  }
}

/** OrderedDict.popitem's node: the last one (`last` absent or true) or the first; KeyError when empty. */
export function odictEnd(d: PyDictObj, last: PyObj | undefined): { readonly key: PyObj; readonly value: PyObj } {
  const entries = [...d.table.map.values()];
  if (entries.length === 0) throw keyError(pyStr("dictionary is empty"), "'dictionary is empty'");
  return (last === undefined || truthy(last) ? entries[entries.length - 1] : entries[0]) as { key: PyObj; value: PyObj };
}

export function flavorMethod(d: PyDictObj, name: string): NativeFn | PyObj | null {
  if (unlinked !== null && unlinked.d === d && ORDER_READERS.has(name)) {
    throw unsupported(`OrderedDict.${name} while pop() has unlinked a key's node and runs the subclass's own dunders`);
  }
  const f = d.flavor as DictFlavor;
  if (f.name === "defaultdict" && name === "default_factory") return f.factory ?? None;
  if (name === "copy" && f.name !== "OrderedDict") {
    // defaultdict.copy / Counter.copy: a new one of the same kind, dict-merged.
    return () => {
      const c = flavoredDict({ ...f });
      dictMerge(c, d, true);
      return c;
    };
  }
  if (f.name === "OrderedDict") {
    if (name === "update") return (args, kw) => (odictUpdate(d, args, kw), None);
    if (name === "clear") return () => (dictClear(d), None);
    if (name === "move_to_end") {
      return ([k, lastArg], kw) => {
        const last = lastArg ?? kw.values.get("last");
        const e = d.table.map.get(d.table.keyFor(k as PyObj));
        if (e === undefined) throw keyError(k as PyObj, repr(k as PyObj));
        // A node pop() unlinked is not found (_odict_find_node), though the dict still holds the key.
        if (unlinked !== null && unlinked.d === d && unlinked.key === e.key) throw keyError(k as PyObj, repr(k as PyObj));
        const atEnd = last === undefined || truthy(last);
        const entries = [...d.table.map.entries()].filter(([, x]) => x !== e);
        const key = [...d.table.map.entries()].find(([, x]) => x === e)?.[0] as string | number;
        d.table.map.clear();
        if (!atEnd) d.table.map.set(key, e);
        for (const [hk, x] of entries) d.table.map.set(hk, x);
        if (atEnd) d.table.map.set(key, e);
        return None;
      };
    }
    if (name === "popitem") {
      return ([lastArg], kw) => {
        const e = odictEnd(d, lastArg ?? kw.values.get("last"));
        dictDelete(d, e.key);
        return tuple2(e.key, e.value);
      };
    }
    if (name === "copy") {
      return () => {
        const c = flavoredDict({ name: "OrderedDict" });
        for (const e of [...d.table.map.values()]) dictSet(c, e.key, e.value);
        return c;
      };
    }
  }
  if (f.name === "Counter") {
    if (name === "most_common") {
      return ([n]) => {
        const entries = [...d.table.map.values()];
        const order = entries.map((_e, i) => i).sort((a, b) => -pyCompare((entries[a] as { value: PyObj }).value, (entries[b] as { value: PyObj }).value, "<") || a - b);
        const pairs = order.map((i) => tuple2((entries[i] as { key: PyObj }).key, (entries[i] as { value: PyObj }).value));
        if (n === undefined || n.t === "NoneType") {
          // sorted(self.items(), …): PySequence_List of the items view.
          return listExtendedBy(pairs);
        }
        const k = intValue(n);
        if (k === null) throw unsupported(`Counter.most_common(n) with a ${typeName(n)} n`);
        const count = Number(k);
        // heapq.nlargest: n == 1 is max() into a one-item list display; n >= len a slice of sorted(), an exact list;
        // otherwise a list comprehension, grown append by append.
        if (count === 1) return pairs.length === 0 ? newEmptyList() : newListExact([pairs[0] as PyObj]);
        if (count >= pairs.length) return newListExact(pairs.slice(0, count));
        const l = newEmptyList();
        for (const p of pairs.slice(0, Math.max(count, 0))) listAppend(l, p);
        return l;
      };
    }
    if (name === "update") return ([src], kw) => (counterUpdate(d, src, kw), None);
    if (name === "subtract") {
      return ([src]) => {
        if (src !== undefined) {
          const sub = (k: PyObj, n: number): void => dictSet(d, k, pyInt(Number(intValue(dictGet(d, k) ?? pyInt(0))) - n));
          if (src.t === "dict") for (const e of [...src.table.map.values()]) sub(e.key, Number(intValue(e.value) ?? 0));
          else forEach(src, (k) => sub(k, 1));
        }
        return None;
      };
    }
    if (name === "elements") {
      return () => {
        const out: PyObj[] = [];
        for (const e of d.table.map.values()) for (let i = 0; i < Number(intValue(e.value) ?? 0); i++) out.push(e.key);
        let i = 0;
        return makeIter("chain", () => out[i++], () => null);
      };
    }
    if (name === "total") return () => pyInt([...d.table.map.values()].reduce((s, e) => s + Number(intValue(e.value) ?? 0), 0));
  }
  return null;
}

/**
 * defaultdict.__missing__ (defdict_missing): the factory's value, stored with PyObject_SetItem
 * (`store`: a subclass's own __setitem__ runs); Counter.__missing__: 0.
 */
export function defaultdictMissing(d: PyDictObj, key: PyObj, store: (k: PyObj, v: PyObj) => void): PyObj | undefined {
  const f = d.flavor;
  if (f?.name === "Counter") return pyInt(0);
  if (f?.name !== "defaultdict" || f.factory === undefined || f.factory.t === "NoneType") return undefined;
  const v = callObject(f.factory, []);
  store(key, v);
  return v;
}

/**
 * `a | b` where an OrderedDict or defaultdict is an operand (3.9+): the
 * subclass's nb_or runs first even on the right (odict_or, defdict_or). An
 * OrderedDict is OrderedDict(left) updated key by key with right; a
 * defaultdict is defaultdict(factory, left) dict-merged with right. Null when
 * neither applies (plain dicts, Counters: dict_or).
 */
export function flavoredDictOr(a: PyDictObj, b: PyDictObj): PyDictObj | null {
  const noKw: Kwargs = { values: new Map(), keys: new Map() };
  const od = a.flavor?.name === "OrderedDict" ? a : b.flavor?.name === "OrderedDict" && a.flavor?.name !== "defaultdict" ? b : null;
  if (od !== null) {
    const r = orderedDictCall([a], noKw) as PyDictObj;
    odictUpdate(r, [b], noKw);
    return r;
  }
  const dd = a.flavor?.name === "defaultdict" ? a : b.flavor?.name === "defaultdict" ? b : null;
  if (dd !== null) {
    const factory = (dd.flavor as DictFlavor).factory;
    const r = defaultdictCall(factory === undefined ? [None, a] : [factory, a], noKw) as PyDictObj;
    dictMerge(r, b, true);
    return r;
  }
  return null;
}

export function orderedDictCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  const d = flavoredDict({ name: "OrderedDict" });
  odictUpdate(d, args, kw, true);
  return d;
}

export function orderedDictFromkeys([it, v]: readonly PyObj[]): PyObj {
  const d = flavoredDict({ name: "OrderedDict" });
  forEach(it as PyObj, (k) => dictSet(d, k, v ?? None));
  return d;
}

export function defaultdictCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  const factory = args[0];
  if (factory !== undefined && factory.t !== "NoneType" && !["builtin", "function", "type", "class", "method"].includes(factory.t)) {
    throw typeError("first argument must be callable or None");
  }
  const d = flavoredDict({ name: "defaultdict", ...(factory !== undefined ? { factory } : {}) });
  if (args[1] !== undefined && args[1].t === "dict") dictMerge(d, args[1], true);
  else if (args[1] !== undefined) updateKeyByKey(d, args[1], { values: new Map(), keys: new Map() });
  for (const [k, v] of kw.values) dictSet(d, kw.keys.get(k) as PyObj, v);
  return d;
}

export function counterCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  const d = flavoredDict({ name: "Counter" });
  counterUpdate(d, args[0], kw);
  return d;
}
