// The dict subclasses of collections (OrderedDict, defaultdict, Counter): a
// dict with a flavor, and the methods, operators and constructors each adds,
// filling the table the way their C or Python code does.
import { callObject } from "./calls.js";
import { pyCompare, truthy } from "./compare.js";
import { dictClear, dictDelete, dictGet, dictMerge, dictSet, newDict, newDictFromType } from "./dicts.js";
import { PyException, typeError, valueError } from "./errors.js";
import { forEach, toArray } from "./iteration.js";
import { makeIter } from "./iterObject.js";
import { listAppend, listExtendedBy, newEmptyList } from "./lists.js";
import { intValue } from "./numbers.js";
import { None, pyInt, type DictFlavor, type Kwargs, type NativeFn, type PyDictObj, type PyObj } from "./objects.js";
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

function counterCount(d: PyDictObj, src: PyObj): void {
  // _count_elements: mapping[elem] = mapping.get(elem, 0) + 1
  forEach(src, (x) => {
    const cur = dictGet(d, x);
    dictSet(d, x, pyInt(Number(intValue(cur ?? pyInt(0))) + 1));
  });
}

function counterUpdate(d: PyDictObj, src: PyObj | undefined, kw: Kwargs): void {
  if (src !== undefined && src.t !== "NoneType") {
    if (src.t === "dict") {
      if (d.table.used === 0) {
        // Counter.update's fast path for an empty counter: dict.update, i.e. dict_merge.
        dictMerge(d, src, true);
      } else {
        for (const e of [...src.table.map.values()]) {
          const cur = dictGet(d, e.key);
          dictSet(d, e.key, cur === undefined ? e.value : pyInt(Number(intValue(e.value)) + Number(intValue(cur))));
        }
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
  const r = flavoredDict({ name: "Counter" });
  const num = (o: PyObj | undefined): number => Number(intValue(o ?? pyInt(0)) ?? 0);
  for (const e of [...a.table.map.values()]) {
    const other = num(dictGet(b, e.key));
    const mine = num(e.value);
    const v = op === "Add" ? mine + other : op === "Sub" ? mine - other : op === "BitAnd" ? Math.min(mine, other) : Math.max(mine, other);
    if (v > 0) dictSet(r, e.key, pyInt(v));
  }
  if (op === "Add" || op === "BitOr") {
    for (const e of [...b.table.map.values()]) {
      if (dictGet(a, e.key) === undefined && num(e.value) > 0) dictSet(r, e.key, e.value);
    }
  }
  return r;
}

/** +counter / -counter: a new Counter of the positive (negated) counts. */
export function counterUnary(op: "UAdd" | "USub", a: PyDictObj): PyDictObj {
  const r = flavoredDict({ name: "Counter" });
  for (const e of [...a.table.map.values()]) {
    const v = Number(intValue(e.value) ?? 0);
    if (op === "UAdd" && v > 0) dictSet(r, e.key, e.value);
    if (op === "USub" && v < 0) dictSet(r, e.key, pyInt(-v));
  }
  return r;
}

export function flavorMethod(d: PyDictObj, name: string): NativeFn | PyObj | null {
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
    if (name === "clear") return () => (dictClear(d), None);
    if (name === "move_to_end") {
      return ([k, lastArg], kw) => {
        const last = lastArg ?? kw.values.get("last");
        const e = d.table.map.get(d.table.keyFor(k as PyObj));
        if (e === undefined) throw new PyException("KeyError", repr(k as PyObj));
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
        const last = lastArg ?? kw.values.get("last");
        const entries = [...d.table.map.values()];
        if (entries.length === 0) throw new PyException("KeyError", "'dictionary is empty'");
        const e = (last === undefined || truthy(last) ? entries[entries.length - 1] : entries[0]) as { key: PyObj; value: PyObj };
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
        // heapq.nlargest: a list comprehension, grown append by append.
        const l = newEmptyList();
        for (const p of pairs.slice(0, Number(intValue(n)))) listAppend(l, p);
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

/** defaultdict.__missing__: the factory's value, inserted. */
export function defaultdictMissing(d: PyDictObj, key: PyObj): PyObj | undefined {
  const f = d.flavor;
  if (f?.name === "Counter") return pyInt(0);
  if (f?.name !== "defaultdict" || f.factory === undefined || f.factory.t === "NoneType") return undefined;
  const v = callObject(f.factory, []);
  dictSet(d, key, v);
  return v;
}

export function orderedDictCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  const d = flavoredDict({ name: "OrderedDict" });
  updateKeyByKey(d, args[0], kw);
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
