// The reprs of collections' dict subclasses, a setup subclass's included: each
// names the object's type (Counter.__repr__ takes self.__class__.__name__,
// odict_repr and defdict_repr _PyType_Name(Py_TYPE(self))).
import { ctx } from "./ctx.js";
import { unsupported } from "./errors.js";
import { subOf, typeName, type PyDictObj, type PyObj } from "./objects.js";
import { callDunder } from "./userDunders.js";

type Repr = (o: PyObj) => string;

export function flavoredRepr(o: PyDictObj, active: Set<PyObj>, repr: Repr, plain: () => string): string {
  const name = typeName(o);
  const flavor = o.flavor;
  switch (flavor?.name) {
    case "defaultdict": {
      const f = flavor.factory;
      const factory = f === undefined || f.t === "NoneType" ? "None" : repr(f);
      return `${name}(${factory}, ${plain()})`;
    }
    case "OrderedDict": {
      if (o.table.used === 0) return `${name}()`;
      if (active.has(o)) return "...";
      if (ctx().layout.rules.odictReprDictStyle === true) {
        // PyDict_Copy(self): a subclass's object is merged key by key through its own keys() and __getitem__.
        const cls = subOf(o)?.cls;
        if (cls !== undefined && cls.mro.some((c) => c.attrs.has("keys"))) {
          throw unsupported(`the repr of a ${name} (an OrderedDict subclass defining keys: PyDict_Copy reads through it)`);
        }
        if (cls === undefined || !cls.mro.some((c) => c.attrs.has("__getitem__"))) return `${name}(${plain()})`;
        // The keys listed first (PyMapping_Keys), then each value read through the class's __getitem__.
        active.add(o);
        try {
          const keys = [...o.table.map.values()].map((e) => e.key);
          const values = keys.map((k) => callDunder(o, "__getitem__", [k]) as PyObj);
          return `${name}({${keys.map((k, i) => `${repr(k)}: ${repr(values[i] as PyObj)}`).join(", ")}})`;
        } finally {
          active.delete(o);
        }
      }
      active.add(o);
      try {
        return `${name}([${[...o.table.map.values()].map((e) => `(${repr(e.key)}, ${repr(e.value)})`).join(", ")}])`;
      } finally {
        active.delete(o);
      }
    }
    case "Counter": {
      if (o.table.used === 0) return `${name}()`;
      // dict(self.most_common()): by count, highest first, ties in insertion order (sorted is stable).
      const entries = [...o.table.map.values()];
      const counts = entries.map((e) => countKey(e.value));
      const order = entries.map((_, i) => i).sort((a, b) => compareCounts(counts[b] as number | bigint, counts[a] as number | bigint));
      active.add(o);
      try {
        return `${name}({${order.map((i) => { const e = entries[i] as { key: PyObj; value: PyObj }; return `${repr(e.key)}: ${repr(e.value)}`; }).join(", ")}})`;
      } finally {
        active.delete(o);
      }
    }
    default:
      return plain();
  }
}

function countKey(v: PyObj): number | bigint {
  if (v.t === "int") return typeof v.v === "bigint" ? v.v : v.v;
  if (v.t === "bool") return v.v ? 1 : 0;
  if (v.t === "float" && Number.isFinite(v.v) && Math.abs(v.v) < 2 ** 53) return v.v;
  throw unsupported(`the repr of a Counter with a '${typeName(v)}' count`);
}

function compareCounts(a: number | bigint, b: number | bigint): number {
  if (typeof a === "bigint" || typeof b === "bigint") {
    if (typeof a === "number" && !Number.isInteger(a)) throw unsupported("the repr of a Counter mixing float and large int counts");
    if (typeof b === "number" && !Number.isInteger(b)) throw unsupported("the repr of a Counter mixing float and large int counts");
    const x = BigInt(a);
    const y = BigInt(b);
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return a - b;
}
