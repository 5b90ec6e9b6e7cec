// The conversion dunders of int, bool and float called by name ((5).__index__(),
// (2.5).__trunc__(), x.conjugate()): Objects/longobject.c and floatobject.c.
// An exact int or float hands back itself (long_long, float_float); a bool or a
// subclass's object a plain copy (_PyLong_Copy: the cached small int).
import { PyException, typeError } from "./errors.js";
import { typeHasAttribute } from "./missingAttribute.js";
import { binaryOp } from "./ops.js";
import { floatToInt, intFromDouble, intValue, toFloat } from "./numbers.js";
import { tuple2 } from "./tuples.js";
import { pyFloat, pyInt, subOf, typeName, type NativeFn, type PyObj } from "./objects.js";

/** Slot wrappers (check_num_args) and METH_NOARGS methods: no argument at all. */
const SLOT_WRAPPERS = new Set(["__int__", "__index__", "__float__", "__abs__"]);

function noArgs(owner: string, name: string, fn: () => PyObj): NativeFn {
  return (args, kw) => {
    if (SLOT_WRAPPERS.has(name)) {
      if (kw.values.size > 0) throw typeError(`wrapper ${name}() takes no keyword arguments`);
      if (args.length > 0) throw typeError(`expected 0 arguments, got ${args.length}`);
    } else {
      if (kw.values.size > 0) throw typeError(`${owner}.${name}() takes no keyword arguments`);
      if (args.length > 0) throw typeError(`${owner}.${name}() takes no arguments (${args.length} given)`);
    }
    return fn();
  };
}

/** long_long: the object itself when it is an exact int, else an int of its value. */
function asExactInt(o: PyObj): PyObj {
  return o.t === "int" && subOf(o) === undefined ? o : pyInt(intValue(o) as number | bigint);
}

/** float_float: the object itself when it is an exact float, else a new float of its value. */
function asExactFloat(o: PyObj & { t: "float" }): PyObj {
  return subOf(o) === undefined ? o : pyFloat(o.v);
}

function intMethod(o: PyObj, name: string): (() => PyObj) | null {
  switch (name) {
    case "__int__": case "__index__": case "__trunc__": case "__floor__": case "__ceil__": case "conjugate":
      return () => asExactInt(o);
    case "bit_count": {
      // int_bit_count_impl: the ones of |x| (3.10+; the version's attribute table says whether it exists).
      let v = BigInt(intValue(o) as number | bigint);
      if (v < 0n) v = -v;
      return () => pyInt(v.toString(2).replace(/0/g, "").length);
    }
    case "as_integer_ratio":
      // int_as_integer_ratio_impl: PyTuple_Pack(2, long_long(self), the cached 1).
      return () => tuple2(asExactInt(o), pyInt(1));
    case "__float__":
      return () => pyFloat(toFloat(o) as number); // long_float: PyFloat_FromDouble, OverflowError past DBL_MAX
    case "__abs__": {
      // long_abs: long_neg of a negative value, else long_long.
      const v = intValue(o) as number | bigint;
      return () => (v < 0 ? binaryOp("Sub", pyInt(0), o) : asExactInt(o));
    }
    default:
      return null;
  }
}

function floatMethod(o: PyObj & { t: "float" }, name: string): (() => PyObj) | null {
  const v = o.v;
  switch (name) {
    case "__int__": case "__trunc__":
      return () => floatToInt(v); // float___trunc___impl: PyLong_FromLong when it fits, as int(x)
    case "__floor__": case "__ceil__":
      return () => {
        if (Number.isNaN(v)) throw new PyException("ValueError", "cannot convert float NaN to integer");
        if (!Number.isFinite(v)) throw new PyException("OverflowError", "cannot convert float infinity to integer");
        return intFromDouble(name === "__floor__" ? Math.floor(v) : Math.ceil(v)); // PyLong_FromDouble(floor(x))
      };
    case "__float__": case "conjugate":
      return () => asExactFloat(o);
    case "__abs__":
      return () => pyFloat(Math.abs(v));
    default:
      return null;
  }
}

/** The method `name` of a number object, when the version's type has it and it is one of these; else null. */
export function numberDunder(o: PyObj, name: string): NativeFn | null {
  const owner = typeName(o);
  const f = o.t === "float" ? floatMethod(o, name) : o.t === "int" || o.t === "bool" ? intMethod(o, name) : null;
  if (f === null || !typeHasAttribute(subOf(o) === undefined ? owner : o.t, name)) return null;
  return noArgs(o.t === "bool" ? "bool" : o.t, name, f);
}
