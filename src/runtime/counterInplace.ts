// Counter's in-place operators (+=, -=, |=, &=): Lib/collections' __iadd__,
// __isub__, __ior__ and __iand__ (the same from 3.8 to 3.13), which update the
// Counter itself key by key through its __getitem__/__missing__ (a missing count
// reads 0 and is not stored) and then _keep_positive(): every count not > 0 is
// deleted, leaving its dummy slot in the table. None of them checks the type of
// the right operand (unlike __add__ …): any mapping with items() will do.
import { countArith, countLess } from "./dictFlavors.js";
import { dictDelete, dictGet, dictSet } from "./dicts.js";
import { keyError, PyException, unsupported } from "./errors.js";
import { pyInt, typeName, type PyDictObj, type PyObj } from "./objects.js";
import { repr } from "./repr.js";

const ZERO = pyInt(0);
export type CounterInplaceOp = "Add" | "Sub" | "BitOr" | "BitAnd";

/** self[elem] for a Counter: the stored count, or __missing__'s 0 (nothing inserted). */
function countOf(c: PyDictObj, key: PyObj): PyObj {
  return dictGet(c, key) ?? ZERO;
}

/** `counter op= other`, in place; returns the Counter (what __iadd__ … return). */
export function counterInplace(op: CounterInplaceOp, self: PyDictObj, other: PyObj): PyDictObj {
  if (other.t !== "dict") {
    if (other.t === "instance" || "sub" in other) throw unsupported(`Counter ${op === "BitAnd" ? "&=" : "an in-place operator"} with a '${typeName(other)}' operand`);
    throw new PyException("AttributeError", `'${typeName(other)}' object has no attribute 'items'`);
  }
  if (other.sub !== undefined || other.flavor?.name === "defaultdict") {
    // other.items() / other[elem] of a subclass (or defaultdict's __missing__ inserting) would run its own code.
    throw unsupported(`Counter in-place operators with a '${typeName(other)}' operand`);
  }
  if (op === "BitAnd") {
    // for elem, count in self.items(): other_count = other[elem]; if other_count < count: self[elem] = other_count
    for (const e of [...self.table.map.values()]) {
      const count = e.value;
      let otherCount = dictGet(other, e.key);
      if (otherCount === undefined) {
        if (other.flavor?.name !== "Counter") throw keyError(e.key, repr(e.key));
        otherCount = ZERO;
      }
      if (countLess(otherCount, count)) dictSet(self, e.key, otherCount);
    }
  } else {
    for (const e of [...other.table.map.values()]) {
      const count = countOf(self, e.key);
      if (op === "Add") dictSet(self, e.key, countArith(count, e.value));
      else if (op === "Sub") dictSet(self, e.key, countArith(count, e.value, true));
      else if (countLess(count, e.value)) dictSet(self, e.key, e.value);
    }
  }
  // _keep_positive: [elem for elem, count in self.items() if not count > 0], then del self[elem] for each.
  const nonpositive = [...self.table.map.values()].filter((e) => !countLess(ZERO, e.value)).map((e) => e.key);
  for (const k of nonpositive) dictDelete(self, k);
  return self;
}
