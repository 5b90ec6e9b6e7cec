// Binary and unary arithmetic when a setup class takes part: binary_op1 and
// binary_iop1 (Objects/abstract.c) over the types' number slots, where a
// class's slot is slot_nb_* (SLOT1BINFULL in Objects/typeobject.c): the left
// operand's __add__, then the right's __radd__ (first, when the right operand's
// type is a subclass that overrides it), NotImplemented passing the turn on.
import type { BinOpName, UnaryOpName } from "../python/ast.js";
import { typeError } from "./errors.js";
import { NotImplemented, subOf, typeName, type PyObj } from "./objects.js";
import { callDunder, callDunderOrNotImpl, inheritsBuiltinSlots, lookupDunder, userClass } from "./userDunders.js";

/** Each operator's method, reflected method and in-place method. */
const NAMES: Readonly<Record<BinOpName, readonly [string, string, string]>> = {
  Add: ["__add__", "__radd__", "__iadd__"],
  Sub: ["__sub__", "__rsub__", "__isub__"],
  Mult: ["__mul__", "__rmul__", "__imul__"],
  MatMult: ["__matmul__", "__rmatmul__", "__imatmul__"],
  Div: ["__truediv__", "__rtruediv__", "__itruediv__"],
  FloorDiv: ["__floordiv__", "__rfloordiv__", "__ifloordiv__"],
  Mod: ["__mod__", "__rmod__", "__imod__"],
  Pow: ["__pow__", "__rpow__", "__ipow__"],
  LShift: ["__lshift__", "__rlshift__", "__ilshift__"],
  RShift: ["__rshift__", "__rrshift__", "__irshift__"],
  BitAnd: ["__and__", "__rand__", "__iand__"],
  BitOr: ["__or__", "__ror__", "__ior__"],
  BitXor: ["__xor__", "__rxor__", "__ixor__"],
};

const UNARY: Readonly<Record<Exclude<UnaryOpName, "Not">, string>> = { USub: "__neg__", UAdd: "__pos__", Invert: "__invert__" };

/** The builtin side's own number slot; NotImplemented when it does not handle the other operand. */
export type BuiltinSlot = (op: BinOpName, a: PyObj, b: PyObj) => PyObj;

/** Whether a setup class fills this operator's number slot (it defines the method or its reflection). */
function hasUserSlot(o: PyObj, name: string, rname: string): boolean {
  return userClass(o) !== null && (lookupDunder(o, name) !== undefined || lookupDunder(o, rname) !== undefined);
}

function sameType(a: PyObj, b: PyObj): boolean {
  const ca = userClass(a);
  const cb = userClass(b);
  if (ca !== null || cb !== null) return ca === cb;
  return typeName(a) === typeName(b);
}

/** PyType_IsSubtype(type(w), type(v)) for different types. */
function isSubtype(w: PyObj, v: PyObj): boolean {
  const cw = userClass(w);
  if (cw === null) return false;
  const cv = userClass(v);
  // A builtin's object on the left: w's class derives from that builtin (int's IntFlag, tuple's namedtuple).
  if (cv === null) return cw.builtinBase !== "object" && cw.builtinBase === typeName(v);
  return cv !== cw && cw.mro.includes(cv);
}

/** method_is_overloaded: type(right) has `name` and it is not type(left)'s. */
function overloaded(left: PyObj, right: PyObj, name: string): boolean {
  const a = lookupDunder(right, name);
  if (a === undefined) return false;
  return a !== lookupDunder(left, name);
}

/** slot_nb_*(self, other) of SLOT1BINFULL. */
function userSlot(v: PyObj, w: PyObj, name: string, rname: string): PyObj {
  const same = sameType(v, w);
  let doOther = !same && hasUserSlot(w, name, rname);
  if (hasUserSlot(v, name, rname)) {
    if (doOther && isSubtype(w, v) && overloaded(v, w, rname)) {
      const r = callDunderOrNotImpl(w, rname, [v]);
      if (r !== NotImplemented) return r;
      doOther = false;
    }
    const r = callDunderOrNotImpl(v, name, [w]);
    if (r !== NotImplemented || same) return r;
  }
  if (doOther) return callDunderOrNotImpl(w, rname, [v]);
  return NotImplemented;
}

/** binary_op1(v, w): NotImplemented when no number slot answered (sequence fallbacks come next). */
export function userBinaryOp1(op: BinOpName, v: PyObj, w: PyObj, builtin: BuiltinSlot): PyObj {
  const [name, rname] = NAMES[op];
  return userBinarySlots(name, rname, v, w, (a, b) => builtin(op, a, b));
}

/** binary_op1 over the number slot whose methods are `name` and `rname` (divmod's too). */
export function userBinarySlots(name: string, rname: string, v: PyObj, w: PyObj, builtin: (a: PyObj, b: PyObj) => PyObj): PyObj {
  const slotOf = (o: PyObj): ((a: PyObj, b: PyObj) => PyObj) | null => {
    if (userClass(o) === null) return builtin;
    if (hasUserSlot(o, name, rname)) return (a, b) => userSlot(a, b, name, rname);
    // A builtin subclass's object without the method: the builtin's slot, inherited.
    return inheritsBuiltinSlots(o) ? builtin : null;
  };
  const slotv = slotOf(v);
  // Two setup classes share the one slot function, which tries both sides itself.
  const bothUser = slotv !== null && userClass(v) !== null && userClass(w) !== null;
  let slotw = !sameType(v, w) && !bothUser ? slotOf(w) : null;
  if (slotv !== null) {
    if (slotw !== null && isSubtype(w, v)) {
      const x = slotw(v, w);
      if (x !== NotImplemented) return x;
      slotw = null;
    }
    const x = slotv(v, w);
    if (x !== NotImplemented) return x;
  }
  if (slotw !== null) return slotw(v, w);
  return NotImplemented;
}

/** Whether a setup class takes part in this operator for `o`: any instance's, a builtin subclass's only when it defines one of the operator's methods. */
export function userTakesPart(op: BinOpName, o: PyObj): boolean {
  if (userClass(o) === null) return false;
  return !inheritsBuiltinSlots(o) || NAMES[op].some((n) => lookupDunder(o, n) !== undefined);
}

/** binary_iop1's first step: the left operand's in-place method (slot_nb_inplace_*) called with w; NotImplemented when the class has none or it declines. */
export function userInplaceCall(op: BinOpName, v: PyObj, w: PyObj): PyObj {
  if (userClass(v) === null) return NotImplemented;
  return callDunder(v, NAMES[op][2], [w]) ?? NotImplemented;
}

/** -x, +x, ~x on a setup class: its __neg__/__pos__/__invert__, else TypeError. */
export function userUnary(op: Exclude<UnaryOpName, "Not">, o: PyObj, builtin: () => PyObj): PyObj {
  const r = callDunder(o, UNARY[op]);
  if (r !== undefined) return r;
  if (o.t === "tuple" || subOf(o) !== undefined) return builtin();
  const sym = op === "USub" ? "-" : op === "UAdd" ? "+" : "~";
  throw typeError(`bad operand type for unary ${sym}: '${typeName(o)}'`);
}
