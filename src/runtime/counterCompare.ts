// Counter's own comparisons (Lib/collections/__init__.py, 3.10+): missing
// counts are zero, and <=/>= are multiset inclusion. Each is Python code over
// the two Counters: `all(self[e] OP other[e] for c in (self, other) for e in c)`,
// the strict orders `self <= other and self != other`. The comparison of two
// counts is the caller's (the full rich-compare protocol).
import { dictGet } from "./dicts.js";
import { pyInt, type PyDictObj, type PyObj } from "./objects.js";
import type { CmpOp } from "./richCompare.js";

/** Whether `x op y` is true for two counts (PyObject_RichCompare, then truth). */
export type CountHolds = (op: "Eq" | "LtE" | "GtE", x: PyObj, y: PyObj) => boolean;

/** self[e] on a Counter: the stored count, or __missing__'s 0. */
function count(c: PyDictObj, e: PyObj): PyObj {
  return dictGet(c, e) ?? pyInt(0);
}

/** all(self[e] op other[e] for c in (self, other) for e in c): stops at the first false one. */
function allCounts(op: "Eq" | "LtE" | "GtE", self: PyDictObj, other: PyDictObj, holds: CountHolds): boolean {
  for (const c of [self, other]) {
    for (const entry of [...c.table.map.values()]) {
      if (!holds(op, count(self, entry.key), count(other, entry.key))) return false;
    }
  }
  return true;
}

/** Counter.__eq__ … __gt__ of two Counters (both operands are Counters: otherwise each returns NotImplemented). */
export function counterRichCompare(op: CmpOp, self: PyDictObj, other: PyDictObj, holds: CountHolds): boolean {
  switch (op) {
    case "Eq":
      return allCounts("Eq", self, other, holds);
    case "NotEq":
      return !allCounts("Eq", self, other, holds);
    case "LtE":
      return allCounts("LtE", self, other, holds);
    case "GtE":
      return allCounts("GtE", self, other, holds);
    case "Lt":
      return allCounts("LtE", self, other, holds) && !allCounts("Eq", self, other, holds);
    case "Gt":
      return allCounts("GtE", self, other, holds) && !allCounts("Eq", self, other, holds);
  }
}
