// Rich comparison when a setup class takes part: do_richcompare
// (Objects/object.c) over the types' tp_richcompare slots. A class's slot
// (slot_tp_richcompare) calls its own __eq__/__lt__/…; what it inherits is
// object's (identity for ==, __ne__ inverting __eq__) or tuple's comparison.
import { typeError } from "./errors.js";
import { NotImplemented, pyBool, typeName, type PyObj } from "./objects.js";
import { callBound, lookupDunder, userClass } from "./userDunders.js";

export type CmpOp = "Eq" | "NotEq" | "Lt" | "LtE" | "Gt" | "GtE";

const DUNDER: Readonly<Record<CmpOp, string>> = {
  Eq: "__eq__", NotEq: "__ne__", Lt: "__lt__", LtE: "__le__", Gt: "__gt__", GtE: "__ge__",
};
/** _Py_SwappedOp: the reflection of each comparison. */
const SWAPPED: Readonly<Record<CmpOp, CmpOp>> = { Eq: "Eq", NotEq: "NotEq", Lt: "Gt", LtE: "GtE", Gt: "Lt", GtE: "LtE" };
export const CMP_SYMBOL: Readonly<Record<CmpOp, string>> = { Eq: "==", NotEq: "!=", Lt: "<", LtE: "<=", Gt: ">", GtE: ">=" };

/** What the generic code knows how to do for the builtin side of a comparison. */
export interface CompareBase {
  /** The comparison a type inherits from object or tuple (or a dataclass generates); NotImplemented when it does not apply. */
  readonly inherited: (op: CmpOp, a: PyObj, b: PyObj) => PyObj;
  readonly truthy: (o: PyObj) => boolean;
}

/** tp_richcompare of type(o). */
function slot(op: CmpOp, o: PyObj, other: PyObj, base: CompareBase): PyObj {
  const f = lookupDunder(o, DUNDER[op]);
  if (f !== undefined) return callBound(f, o, [other]);
  if (op === "NotEq" && o.t === "instance") {
    // object.__ne__: the type's own == inverted, unless that is NotImplemented.
    const r = slot("Eq", o, other, base);
    return r === NotImplemented ? r : pyBool(!base.truthy(r));
  }
  return base.inherited(op, o, other);
}

/** Whether type(w) is a proper subtype of type(v) (the reflected method is then tried first). */
function rightIsSubtype(v: PyObj, w: PyObj): boolean {
  const cw = userClass(w);
  if (cw === null) return false;
  const cv = userClass(v);
  if (cv === null) return v.t === "tuple" && cw.builtinBase === "tuple";
  return cv !== cw && cw.mro.includes(cv);
}

/** PyObject_RichCompare(v, w, op) when either operand is an instance of a setup class. */
export function userRichCompare(op: CmpOp, v: PyObj, w: PyObj, base: CompareBase): PyObj {
  let checkedReverse = false;
  if (rightIsSubtype(v, w)) {
    checkedReverse = true;
    const r = slot(SWAPPED[op], w, v, base);
    if (r !== NotImplemented) return r;
  }
  const r = slot(op, v, w, base);
  if (r !== NotImplemented) return r;
  if (!checkedReverse) {
    const rr = slot(SWAPPED[op], w, v, base);
    if (rr !== NotImplemented) return rr;
  }
  if (op === "Eq") return pyBool(v === w);
  if (op === "NotEq") return pyBool(v !== w);
  throw typeError(`'${CMP_SYMBOL[op]}' not supported between instances of '${typeName(v)}' and '${typeName(w)}'`);
}
