// Dunder methods called explicitly (d.__setitem__(k, v), (5).__neg__()):
// the same operations the syntax reaches.
import type { BinOpName } from "../python/ast.js";
import { pyEq, richCompare } from "./compare.js";
import { objectLen } from "./iteration.js";
import { None, NotImplemented, pyBool, pyInt, pyStr, type NativeFn, type PyObj } from "./objects.js";
import { binaryOp, contains, unaryOp } from "./ops.js";
import { repr, str } from "./repr.js";
import { delItem, getItem, setItem } from "./subscript.js";
import { typeError } from "./errors.js";

const BINARY: Readonly<Record<string, BinOpName>> = {
  __add__: "Add", __sub__: "Sub", __mul__: "Mult", __truediv__: "Div", __floordiv__: "FloorDiv", __mod__: "Mod",
  __pow__: "Pow", __lshift__: "LShift", __rshift__: "RShift", __and__: "BitAnd", __or__: "BitOr", __xor__: "BitXor",
  __matmul__: "MatMult",
};

/** The argument count a slot wrapper checks (check_num_args): "expected 1 argument, got 0". */
function arity(n: number, fn: NativeFn): NativeFn {
  return (args, kw) => {
    if (args.length !== n) throw typeError(`expected ${n} argument${n === 1 ? "" : "s"}, got ${args.length}`);
    return fn(args, kw);
  };
}

/** Types whose __add__ / __mul__ wrap sq_concat / sq_repeat, which raise rather than return NotImplemented. */
const SEQUENCE_SLOTS = new Set(["list", "tuple", "str", "bytes", "bytearray", "deque", "array"]);

export function dunder(o: PyObj, name: string): NativeFn | null {
  const fn = dunderOf(o, name);
  if (fn === null) return null;
  const n = name in BINARY || ["__getitem__", "__delitem__", "__contains__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"].includes(name) ? 1 : name === "__setitem__" ? 2 : 0;
  return arity(n, fn);
}

function dunderOf(o: PyObj, name: string): NativeFn | null {
  const bin = BINARY[name];
  if (bin !== undefined) {
    return ([x]) => {
      if (SEQUENCE_SLOTS.has(o.t) && (name === "__add__" || name === "__mul__")) return binaryOp(bin, o, x as PyObj);
      try {
        return binaryOp(bin, o, x as PyObj);
      } catch (e) {
        if (e instanceof Error && e.name === "Error" && /unsupported operand/.test(e.message)) return NotImplemented;
        throw e;
      }
    };
  }
  switch (name) {
    case "__neg__":
      return () => unaryOp("USub", o);
    case "__pos__":
      return () => unaryOp("UAdd", o);
    case "__invert__":
      return () => unaryOp("Invert", o);
    case "__getitem__":
      return ([k]) => getItem(o, k as PyObj);
    case "__setitem__":
      return ([k, v]) => {
        setItem(o, k as PyObj, v as PyObj);
        return None;
      };
    case "__delitem__":
      return ([k]) => {
        delItem(o, k as PyObj);
        return None;
      };
    case "__len__":
      return () => {
        const n = objectLen(o);
        if (n === null) throw typeError("object has no len()");
        return pyInt(n);
      };
    case "__contains__":
      return ([x]) => pyBool(contains(o, x as PyObj));
    // The type's own tp_richcompare: no identity test, so a NaN is unequal to itself.
    case "__eq__":
      return ([x]) => pyBool(!isNaNFloat(o) && pyEq(o, x as PyObj));
    case "__ne__":
      return ([x]) => pyBool(isNaNFloat(o) || !pyEq(o, x as PyObj));
    case "__lt__":
    case "__le__":
    case "__gt__":
    case "__ge__": {
      const op = ({ __lt__: "Lt", __le__: "LtE", __gt__: "Gt", __ge__: "GtE" } as const)[name];
      return ([x]) => pyBool(richCompare(op, o, x as PyObj));
    }
    case "__repr__":
      return () => pyStr(repr(o));
    case "__str__":
      return () => (o.t === "str" ? o : pyStr(str(o)));
    default:
      return null;
  }
}

function isNaNFloat(o: PyObj): boolean {
  return o.t === "float" && Number.isNaN(o.v);
}
