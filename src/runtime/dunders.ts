// Dunder methods called explicitly (d.__setitem__(k, v), (5).__neg__()):
// the same operations the syntax reaches.
import type { BinOpName } from "../python/ast.js";
import { pyEq, richCompare } from "./compare.js";
import { objectLen } from "./iteration.js";
import { None, NotImplemented, pyBool, pyInt, pyStr, typeName, type NativeFn, type PyObj } from "./objects.js";
import { binaryOp, contains, unaryOp } from "./ops.js";
import { repr, str } from "./repr.js";
import { delItem, getItem, setItem } from "./subscript.js";
import { PymemError, typeError } from "./errors.js";
import { builtinObject } from "./scope.js";

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

/** The reflected binary dunders (wrap_binaryfunc_r: the slot called as slot(other, self)). */
const REFLECTED: Readonly<Record<string, string>> = Object.fromEntries(Object.keys(BINARY).map((k) => [`__r${k.slice(2)}`, k]));

const COMPARE_NAMES: readonly string[] = ["__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];

export function dunder(o: PyObj, name: string): NativeFn | null {
  const fn = dunderOf(o, name);
  if (fn === null) return null;
  // wrap_ternaryfunc (__pow__ with a modulus) and round's optional ndigits take one argument more.
  const optional = OPTIONAL_ARG[name];
  if (optional !== undefined) {
    return (args, kw) => {
      if (args.length < optional[0] || args.length > optional[1]) throw typeError(`expected ${optional[0] === optional[1] - 1 ? `${optional[0]} or ${optional[1]}` : `at most ${optional[1]}`} argument${optional[1] === 1 ? "" : "s"}, got ${args.length}`);
      return fn(args, kw);
    };
  }
  const n = name in BINARY || name in REFLECTED || ["__divmod__", "__rdivmod__", "__getitem__", "__delitem__", "__contains__", ...COMPARE_NAMES].includes(name) ? 1 : name === "__setitem__" ? 2 : 0;
  return arity(n, fn);
}

/**
 * What a builtin type's own slot function takes as its other operand (CPython's CHECK_BINOP,
 * CONVERT_TO_DOUBLE, PyList_Check … at the top of long_add, float_richcompare, list_richcompare):
 * called through its wrapper with anything else, the slot returns NotImplemented. null: a type
 * this table does not describe (its operations decide).
 */
type SlotKind = "int" | "float" | "complex" | "str" | "bytes" | "bytearray" | "list" | "tuple" | "dict" | "set" | "none" | "other";

function slotKind(x: PyObj): SlotKind {
  switch (x.t) {
    case "int":
    case "bool":
      return "int";
    case "float":
    case "complex":
    case "str":
    case "bytes":
    case "bytearray":
    case "list":
    case "tuple":
    case "dict":
      return x.t;
    case "set":
    case "frozenset":
      return "set";
    case "NoneType":
      return "none";
    default:
      return "other";
  }
}

const NUMERIC_TAKES: Readonly<Partial<Record<SlotKind, readonly SlotKind[]>>> = { int: ["int"], float: ["int", "float"], complex: ["int", "float", "complex"] };

/** Whether the arithmetic slot of `self`'s type, called as slot(a, b), computes (true) or returns NotImplemented (false); null: not described. */
function arithmeticTakes(selfKind: SlotKind, name: string, a: PyObj, b: PyObj): boolean | null {
  const ka = slotKind(a);
  const kb = slotKind(b);
  const numeric = NUMERIC_TAKES[selfKind];
  if (numeric !== undefined) return numeric.includes(ka) && numeric.includes(kb);
  // set_or, set_and, set_sub, set_xor: both operands sets; dict_or (3.9+): both dicts.
  if (selfKind === "set") return ka === "set" && kb === "set";
  if (selfKind === "dict") return ka === "dict" && kb === "dict";
  // unicode_mod / bytes_mod: the left operand must be the type's own.
  if (name === "__mod__" && (selfKind === "str" || selfKind === "bytes" || selfKind === "bytearray")) return ka === selfKind;
  return null;
}

/** Whether the type's tp_richcompare takes `x` for `op` (false: NotImplemented); null: not described. */
function compareTakes(selfKind: SlotKind, name: string, o: PyObj, x: PyObj): boolean | null {
  const kx = slotKind(x);
  const ordering = name !== "__eq__" && name !== "__ne__";
  switch (selfKind) {
    case "int":
    case "float":
      return (NUMERIC_TAKES[selfKind] ?? []).includes(kx);
    case "complex":
      return !ordering && (NUMERIC_TAKES.complex ?? []).includes(kx);
    case "dict":
      return !ordering && kx === "dict";
    case "str":
    case "bytes":
    case "list":
    case "tuple":
    case "set":
      return kx === selfKind;
    case "bytearray":
      // bytearray_richcompare takes any buffer: memoryview, array … are not described here.
      return kx === "bytes" || kx === "bytearray" ? true : kx === "other" ? null : false;
    case "none":
      // object_richcompare: == is identity, != its negation; NotImplemented otherwise.
      return !ordering && o === x;
    default:
      return null;
  }
}

/** complex's // and % before 3.10 (complex_int_div, complex_remainder): a TypeError whatever the operand. */
const COMPLEX_REFUSES: Readonly<Record<string, string>> = {
  __floordiv__: "can't take floor of complex number.", __rfloordiv__: "can't take floor of complex number.",
  __mod__: "can't mod complex numbers.", __rmod__: "can't mod complex numbers.",
  __divmod__: "can't take floor or mod of complex number.", __rdivmod__: "can't take floor or mod of complex number.",
};

/** NoneType's own dunders among those modelled here (it has no number or sequence slots but nb_bool). */
const NONE_HAS: ReadonlySet<string> = new Set(["__bool__", "__hash__", "__repr__", "__str__", ...COMPARE_NAMES]);

/** Dunders taking a range of arguments: [fewest, most]. */
const OPTIONAL_ARG: Readonly<Record<string, readonly [number, number]>> = { __pow__: [1, 2], __rpow__: [1, 2], __round__: [0, 1] };

/** divmod's and pow's number slots, reached through their builtins once the slot takes the operands. */
function viaNumberBuiltin(o: PyObj, name: string, kind: SlotKind): NativeFn | null {
  const direct = name === "__divmod__" || name === "__pow__";
  const reflected = name === "__rdivmod__" || name === "__rpow__";
  if (!direct && !reflected) return null;
  const f = builtinObject(name.includes("divmod") ? "divmod" : "pow");
  if (f === undefined || f.t !== "builtin") return null;
  return (args, kw) => {
    const x = args[0] as PyObj;
    const [a, b] = direct ? [o, x] : [x, o];
    const takes = arithmeticTakes(kind, direct ? name : `__${name.slice(3)}`, a, b);
    if (takes === null) throw new PymemError("UNSUPPORTED", `${typeName(o)}.${name} called explicitly`);
    // wrap_ternaryfunc(_r) passes the modulus on: pow(a, b, m).
    return takes ? f.fn(args.length === 2 ? [a, b, args[1] as PyObj] : [a, b], kw) : NotImplemented;
  };
}

function dunderOf(o: PyObj, name: string): NativeFn | null {
  const kind = slotKind(o);
  // NoneType lacks the rest: its AttributeError comes from the lookup.
  if (kind === "none" && !NONE_HAS.has(name)) return null;
  const refusal = kind === "complex" ? COMPLEX_REFUSES[name] : undefined;
  if (refusal !== undefined) return () => {
    throw typeError(refusal);
  };
  const number = viaNumberBuiltin(o, name, kind);
  if (number !== null) return number;
  const reflected = REFLECTED[name];
  if (reflected !== undefined) {
    const op = BINARY[reflected] as BinOpName;
    // sq_repeat answers __rmul__ of a sequence as its __mul__ (wrap_indexargfunc: self * n).
    if (op === "Mult" && SEQUENCE_SLOTS.has(o.t)) return ([x]) => binaryOp(op, o, x as PyObj);
    return ([x]) => {
      const takes = arithmeticTakes(kind, reflected, x as PyObj, o);
      if (takes === null) throw new PymemError("UNSUPPORTED", `${typeName(o)}.${name} called explicitly`);
      return takes ? binaryOp(op, x as PyObj, o) : NotImplemented;
    };
  }
  if (COMPARE_NAMES.includes(name)) {
    const inner = compareOf(o, name);
    return (args, kw) => {
      const takes = compareTakes(kind, name, o, args[0] as PyObj);
      if (takes === false) return NotImplemented;
      if (takes === null && kind !== "other") throw new PymemError("UNSUPPORTED", `${typeName(o)}.${name} called explicitly with a '${typeName(args[0] as PyObj)}'`);
      if (kind === "none") return pyBool(name === "__eq__");
      return inner(args, kw);
    };
  }
  const bin = BINARY[name];
  if (bin !== undefined) {
    const takesOf = (x: PyObj): boolean | null => (SEQUENCE_SLOTS.has(o.t) && name !== "__mod__" ? true : arithmeticTakes(kind, name, o, x));
    const plain = plainBinary(o, name, bin);
    return (args, kw) => (takesOf(args[0] as PyObj) === false ? NotImplemented : plain(args, kw));
  }
  return otherDunder(o, name);
}

function compareOf(o: PyObj, name: string): NativeFn {
  switch (name) {
    // The type's own tp_richcompare: no identity test, so a NaN is unequal to itself.
    case "__eq__":
      return ([x]) => pyBool(!isNaNFloat(o) && pyEq(o, x as PyObj));
    case "__ne__":
      return ([x]) => pyBool(isNaNFloat(o) || !pyEq(o, x as PyObj));
    default: {
      const op = ({ __lt__: "Lt", __le__: "LtE", __gt__: "Gt", __ge__: "GtE" } as const)[name as "__lt__"];
      return ([x]) => pyBool(richCompare(op, o, x as PyObj));
    }
  }
}

function plainBinary(o: PyObj, name: string, bin: BinOpName): NativeFn {
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

/** Unary dunders whose slot is what the builtin of the same name calls (abs → nb_absolute, hash → tp_hash …); the lookup has checked the type has it. */
const VIA_BUILTIN: Readonly<Record<string, string>> = {
  __abs__: "abs", __hash__: "hash", __iter__: "iter", __bool__: "bool", __int__: "int", __float__: "float", __index__: "int",
  __round__: "round", __reversed__: "reversed",
};

function viaBuiltin(o: PyObj, name: string): NativeFn | null {
  const builtin = VIA_BUILTIN[name];
  const f = builtin === undefined ? undefined : builtinObject(builtin);
  const call = f === undefined ? null : f.t === "builtin" ? f.fn : f.t === "type" ? f.call : null;
  return call === null ? null : (args, kw) => call([o, ...args], kw);
}

function otherDunder(o: PyObj, name: string): NativeFn | null {
  const via = viaBuiltin(o, name);
  if (via !== null) return via;
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
    case "__next__": {
      // tp_iternext of a builtin iterator (wrap_next): next() without a default, StopIteration at the end.
      if (o.t !== "iterator" || o.typeName === "_tuplegetter") return null;
      const next = builtinObject("next");
      return next !== undefined && next.t === "builtin" ? (_args, kw) => next.fn([o], kw) : null;
    }
    case "__len__":
      return () => {
        const n = objectLen(o);
        if (n === null) throw typeError("object has no len()");
        return pyInt(n);
      };
    case "__contains__":
      return ([x]) => pyBool(contains(o, x as PyObj));
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
