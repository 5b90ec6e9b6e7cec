// Decimal.as_tuple (dec_as_tuple in Modules/_decimal/_decimal.c): a
// DecimalTuple(sign, digits, exponent), the namedtuple class _decimal makes
// once at import (module 'decimal'). The sign and digits are small ints, the
// digits a new tuple from the coefficient's decimal string (an infinity's is
// (0,), a NaN's its payload or ()), the exponent an int or the one-character
// str 'F' (infinity), 'n' (NaN) or 'N' (sNaN).
import { ctx } from "./ctx.js";
import { namedTupleClass } from "./namedTuples.js";
import { pyInt, pyStr, type PyClassObj, type PyDecimalObj, type PyObj } from "./objects.js";
import { newTuple, newTupleOfClass } from "./tuples.js";

function decimalTupleClass(): PyClassObj {
  const state = ctx().moduleState;
  let cls = state.get("decimal.DecimalTuple") as PyClassObj | undefined;
  if (cls === undefined) {
    cls = namedTupleClass("DecimalTuple", ["sign", "digits", "exponent"], []);
    cls.attrs.set("__module__", pyStr("decimal"));
    state.set("decimal.DecimalTuple", cls);
  }
  return cls;
}

export function decimalAsTuple(d: PyDecimalObj): PyObj {
  let digits: PyObj;
  let exponent: PyObj;
  if (d.special === "Infinity") {
    digits = newTuple([pyInt(0)]);
    exponent = pyStr("F");
  } else {
    exponent = d.special === "NaN" ? pyStr("n") : d.special === "sNaN" ? pyStr("N") : pyInt(d.exp);
    const text = d.special !== null && d.coeff === 0n ? "" : d.coeff.toString();
    digits = newTuple([...text].map((c) => pyInt(c.charCodeAt(0) - 48)));
  }
  return newTupleOfClass([pyInt(d.sign), digits, exponent], decimalTupleClass());
}
