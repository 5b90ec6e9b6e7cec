// Builtins applied to instances of setup classes: int(), float(), abs(),
// round(), reversed(), next() call the class's own __int__, __float__,
// __abs__, __round__, __len__/__getitem__, __next__ with the result checks of
// Objects/abstract.c and Python/bltinmodule.c.
import { ctx } from "./ctx.js";
import { PyException, typeError } from "./errors.js";
import { floatToInt } from "./numbers.js";
import { pyFloat, pyInt, typeName, type PyObj } from "./objects.js";
import { callDunder, lookupDunder, userIndexOf, userLen } from "./userDunders.js";

/** PyNumber_Long: __int__ (an int), else __index__; null when the class has neither. */
export function userInt(o: PyObj): PyObj | null {
  const r = callDunder(o, "__int__");
  if (r !== undefined) {
    if (r.t === "int") return r;
    if (r.t === "bool") return pyInt(r.v ? 1 : 0);
    throw typeError(`__int__ returned non-int (type ${typeName(r)})`);
  }
  const i = userIndexOf(o);
  if (i !== null) return pyInt(i);
  // The last resort of int(x): __trunc__, whose result must be an int or have __index__ (3.10+), or __int__ too before.
  const t = callDunder(o, "__trunc__");
  if (t === undefined) return null;
  if (t.t === "int") return t;
  if (t.t === "bool") return pyInt(t.v ? 1 : 0);
  if (!ctx().layout.rules.truncResultNeedsIndex) {
    if (t.t === "float") return floatToInt(t.v);
    const viaInt = callDunder(t, "__int__");
    if (viaInt !== undefined) {
      if (viaInt.t === "int") return viaInt;
      throw typeError(`__int__ returned non-int (type ${typeName(viaInt)})`);
    }
  }
  const ti = userIndexOf(t);
  if (ti === null) throw typeError(`__trunc__ returned non-Integral (type ${typeName(t)})`);
  return pyInt(ti);
}

/** bytes(o): __bytes__, whose result must be bytes; null when the class has none. */
export function userBytes(o: PyObj): PyObj | null {
  const r = callDunder(o, "__bytes__");
  if (r === undefined) return null;
  if (r.t !== "bytes") throw typeError(`__bytes__ returned non-bytes (type ${typeName(r)})`);
  return r;
}

/** PyNumber_Float: __float__ (a float), else __index__ as a float; null when neither. */
export function userFloat(o: PyObj): PyObj | null {
  const r = callDunder(o, "__float__");
  if (r !== undefined) {
    if (r.t !== "float") throw typeError(`${typeName(o)}.__float__ returned non-float (type ${typeName(r)})`);
    return r;
  }
  const i = userIndexOf(o);
  if (i === null) return null;
  const f = Number(i);
  if (!Number.isFinite(f)) throw new PyException("OverflowError", "int too large to convert to float");
  return pyFloat(f);
}

/** complex(o): __complex__, whose result must be complex; null when the class has none. */
export function userComplex(o: PyObj): PyObj | null {
  const r = callDunder(o, "__complex__");
  if (r === undefined) return null;
  if (r.t !== "complex") throw typeError(`__complex__ returned non-complex (type ${typeName(r)})`);
  return r;
}

/** abs(o): __abs__, else TypeError. */
export function userAbs(o: PyObj): PyObj {
  const r = callDunder(o, "__abs__");
  if (r === undefined) throw typeError(`bad operand type for abs(): '${typeName(o)}'`);
  return r;
}

/** round(o[, n]): __round__ with the arguments given, else TypeError. */
export function userRound(o: PyObj, ndigits: PyObj | undefined): PyObj {
  const r = callDunder(o, "__round__", ndigits === undefined ? [] : [ndigits]);
  if (r === undefined) throw typeError(`type ${typeName(o)} doesn't define __round__ method`);
  return r;
}

/** reversed(o) over the sequence protocol (__len__ and __getitem__): a 'reversed' iterator; null without both. */
export function userReversed(o: PyObj): PyObj | null {
  const own = callDunder(o, "__reversed__");
  if (own !== undefined) return own;
  if (lookupDunder(o, "__getitem__") === undefined) return null;
  const len = userLen(o);
  if (len === null) throw typeError(`object of type '${typeName(o)}' has no len()`);
  let i = len - 1;
  return {
    t: "iterator",
    typeName: "reversed",
    next: () => {
      if (i < 0) return undefined;
      try {
        return callDunder(o, "__getitem__", [pyInt(i--)]);
      } catch (e) {
        if (e instanceof PyException && (e.pyType === "IndexError" || e.pyType === "StopIteration")) {
          i = -1;
          return undefined;
        }
        throw e;
      }
    },
    lengthHint: () => Math.max(i + 1, 0),
  };
}
