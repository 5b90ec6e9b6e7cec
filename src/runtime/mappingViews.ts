// _collections_abc's KeysView, ItemsView and ValuesView over a mapping pymem
// models as a Python class (ChainMap): Mapping.keys()/items()/values() return
// `KeysView(self)` …, an instance of a slotted class holding `_mapping`. Their
// __iter__ is a generator (`yield from self._mapping`, `yield (key,
// self._mapping[key])` — a new 2-tuple each time — and `yield
// self._mapping[key]`); pymem runs the same steps but does not size that
// generator, so an iterator of a view is refused by name when measured.
import { pyEq } from "./compare.js";
import { PymemError } from "./errors.js";
import { getIter } from "./iteration.js";
import { nativeObject } from "./nativeObjects.js";
import { PyListObj, type PyObj } from "./objects.js";
import { materialize } from "./seq.js";
import { newTuple } from "./tuples.js";
import { markUnsized } from "./unsizedValues.js";

export type MappingViewKind = "KeysView" | "ItemsView" | "ValuesView";

/** What a view reads of its mapping: iteration over the keys, lookup, length, membership, repr. */
export interface ViewedMapping {
  readonly keys: () => readonly PyObj[];
  readonly getitem: (key: PyObj) => PyObj;
  readonly has: (key: PyObj) => boolean;
  readonly len: () => number;
  readonly repr: () => string;
}

/** `KeysView(m)` / `ItemsView(m)` / `ValuesView(m)` of _collections_abc. */
export function mappingView(kind: MappingViewKind, m: ViewedMapping): PyObj {
  const items = (): PyObj[] => {
    const ks = m.keys();
    if (kind === "KeysView") return [...ks];
    return ks.map((k) => (kind === "ItemsView" ? newTuple([k, m.getitem(k)]) : m.getitem(k)));
  };
  const contains = (x: PyObj): boolean => {
    if (kind === "KeysView") return m.has(x);
    if (kind === "ValuesView") return m.keys().some((k) => {
      const v = m.getitem(k);
      return v === x || pyEq(v, x);
    });
    // ItemsView.__contains__: key, value = item; v = self._mapping[key] (KeyError: False); v is value or v == value.
    const pair = x.t === "tuple" && x.cls === undefined ? materialize(x.items) : [];
    if (pair.length !== 2) throw new PymemError("UNSUPPORTED", "ItemsView.__contains__ of anything but a pair (its `key, value = item` unpacking)");
    const [k, value] = pair as [PyObj, PyObj];
    if (!m.has(k)) return false;
    const v = m.getitem(k);
    return v === value || pyEq(v, value);
  };
  return nativeObject(kind, {
    len: m.len,
    iter: () => markUnsized(getIter(new PyListObj(items(), 0)), `an iterator of ${kind} (a generator of _collections_abc)`),
    contains,
    repr: () => `${kind}(${m.repr()})`,
    unhashableAs: kind,
    operatorsRefused: `a ${kind} (_collections_abc.Set's operators)`,
    compare: () => {
      throw new PymemError("UNSUPPORTED", `comparing a ${kind} (_collections_abc.Set's comparisons)`);
    },
  });
}
