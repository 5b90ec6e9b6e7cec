/**
 * Counter's rich comparisons (Lib/collections/__init__.py, 3.10+): == and the
 * multiset orders look at every key of either side, a missing count being 0
 * (Counter.__missing__), and compare the counts with the operator itself:
 *
 *     __eq__: all(self[e] == other[e] for c in (self, other) for e in c)
 *     __le__: the same with <=;  __lt__: self <= other and self != other
 *
 * Only a Counter against a Counter: any other operand gets NotImplemented, so
 * a plain dict's == (or no order at all) answers. Before 3.10 a Counter
 * compares as a dict.
 */
import { ctx } from "./ctx.js";
import { pyBool, pyInt, type PyDictObj, type PyObj } from "./objects.js";
import type { CmpOp } from "./richCompare.js";

const ZERO = pyInt(0);

function isCounter(o: PyObj): o is PyDictObj {
  return o.t === "dict" && o.flavor?.name === "Counter";
}

/** The comparison's result when both operands are Counters of a version that defines them, else null. */
export function counterCompare(op: CmpOp, a: PyObj, b: PyObj, holds: (op: CmpOp, x: PyObj, y: PyObj) => boolean): PyObj | null {
  if (!isCounter(a) || !isCounter(b) || !ctx().layout.rules.counterRichCompare) return null;
  const all = (each: CmpOp): boolean => {
    for (const c of [a, b]) {
      for (const k of [...c.table.map.keys()]) {
        if (!holds(each, a.table.map.get(k)?.value ?? ZERO, b.table.map.get(k)?.value ?? ZERO)) return false;
      }
    }
    return true;
  };
  switch (op) {
    case "Eq": return pyBool(all("Eq"));
    case "NotEq": return pyBool(!all("Eq"));
    case "LtE": return pyBool(all("LtE"));
    case "GtE": return pyBool(all("GtE"));
    case "Lt": return pyBool(all("LtE") && !all("Eq"));
    default: return pyBool(all("GtE") && !all("Eq"));
  }
}
