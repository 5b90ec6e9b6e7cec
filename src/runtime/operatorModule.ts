// The operator module (Modules/_operator.c): each function the same runtime
// operation the expression it names runs (operator.add is a + b), taking
// exactly its positional arguments; and the itemgetter, attrgetter (dotted
// names) and methodcaller objects, leaves sized by their structs, whose calls
// look the items, attributes or method up on their argument.
import type { BinOpName, UnaryOpName } from "../python/ast.js";
import type { Layout } from "../layouts/layout.js";
import { getAttr } from "./attributes.js";
import { callObject } from "./calls.js";
import { compareObj, pyEq, truthy } from "./compare.js";
import { intern } from "./constPool.js";
import { PymemError, typeError, valueError } from "./errors.js";
import { inplaceOp } from "./inplace.js";
import { getIter } from "./iteration.js";
import { objectLen } from "./iteration.js";
import { nativeObject, type NativeCmpOp } from "./nativeObjects.js";
import { toIndex } from "./numbers.js";
import { builtinFunction, None, pyBool, pyInt, pyStr, typeName, type Kwargs, type NativeFn, type PyObj, type PyStrObj } from "./objects.js";
import { binaryOp, contains, unaryOp } from "./ops.js";
import { repr } from "./repr.js";
import { builtinObject } from "./scope.js";
import { delItem, getItem, setItem } from "./subscript.js";
import { strText } from "./text.js";
import { newTuple } from "./tuples.js";
import { newBuiltinType } from "./typeObjects.js";
import { isUserObj } from "./userDunders.js";

/** _PyArg_CheckPositional and _PyArg_NoKeywords, as the module's functions are declared. */
function fixed(name: string, n: number, f: (args: PyObj[]) => PyObj, min = n): NativeFn {
  return (args, kw) => {
    if (kw.values.size > 0) throw typeError(`${name}() takes no keyword arguments`);
    if (args.length < min || args.length > n) {
      const want = min === n ? `${n} argument${n === 1 ? "" : "s"}` : args.length < min ? `at least ${min} argument${min === 1 ? "" : "s"}` : `at most ${n} arguments`;
      throw typeError(`${name} expected ${want}, got ${args.length}`);
    }
    return f(args as PyObj[]);
  };
}

const BINARY: readonly (readonly [string, BinOpName])[] = [
  ["add", "Add"], ["sub", "Sub"], ["mul", "Mult"], ["truediv", "Div"], ["floordiv", "FloorDiv"], ["mod", "Mod"], ["pow", "Pow"],
  ["lshift", "LShift"], ["rshift", "RShift"], ["and_", "BitAnd"], ["or_", "BitOr"], ["xor", "BitXor"], ["matmul", "MatMult"],
];
const UNARY: readonly (readonly [string, UnaryOpName])[] = [["neg", "USub"], ["pos", "UAdd"], ["invert", "Invert"], ["inv", "Invert"]];
const COMPARE: readonly (readonly [string, NativeCmpOp])[] = [["lt", "Lt"], ["le", "LtE"], ["eq", "Eq"], ["ne", "NotEq"], ["ge", "GtE"], ["gt", "Gt"]];

/** The types whose sq_concat operator.concat accepts. */
const SEQUENCES = new Set(["str", "bytes", "bytearray", "list", "tuple", "array", "deque"]);

function concat(name: string, inplace: boolean): NativeFn {
  return fixed(name, 2, ([a, b]) => {
    const x = a as PyObj;
    if (isUserObj(x)) throw new PymemError("UNSUPPORTED", `operator.${name} on a setup-class object`);
    if (!SEQUENCES.has(x.t)) throw typeError(`'${typeName(x)}' object can't be concatenated`);
    return inplace ? inplaceOp("Add", x, b as PyObj) : binaryOp("Add", x, b as PyObj);
  });
}

/** PyObject_LengthHint: len() where there is one, else __length_hint__, else the default. */
function lengthHint(args: PyObj[]): PyObj {
  const [o, dflt] = args as [PyObj, PyObj | undefined];
  if (dflt !== undefined && dflt.t !== "int" && dflt.t !== "bool") {
    if (isUserObj(dflt)) throw new PymemError("UNSUPPORTED", "operator.length_hint with a setup-class default");
    throw typeError(`'${typeName(dflt)}' object cannot be interpreted as an integer`);
  }
  if (isUserObj(o)) throw new PymemError("UNSUPPORTED", "operator.length_hint of a setup-class object");
  const n = objectLen(o);
  if (n !== null) return pyInt(n);
  if (o.t === "iterator") {
    const h = o.lengthHint();
    if (h !== null) return pyInt(h);
  }
  return dflt ?? pyInt(0);
}

function functions(): [string, PyObj][] {
  const out: [string, NativeFn][] = [];
  for (const [n, op] of BINARY) {
    out.push([n, fixed(n, 2, ([a, b]) => binaryOp(op, a as PyObj, b as PyObj))]);
    out.push([`i${n.replace(/_$/, "")}`, fixed(`i${n.replace(/_$/, "")}`, 2, ([a, b]) => inplaceOp(op, a as PyObj, b as PyObj))]);
  }
  for (const [n, op] of UNARY) out.push([n, fixed(n, 1, ([a]) => unaryOp(op, a as PyObj))]);
  for (const [n, op] of COMPARE) out.push([n, fixed(n, 2, ([a, b]) => compareObj(op, a as PyObj, b as PyObj))]);
  out.push(
    ["not_", fixed("not_", 1, ([a]) => pyBool(!truthy(a as PyObj)))],
    ["truth", fixed("truth", 1, ([a]) => pyBool(truthy(a as PyObj)))],
    ["abs", fixed("abs", 1, ([a]) => callObject(builtinObject("abs") as PyObj, [a as PyObj]))],
    ["index", fixed("index", 1, ([a]) => {
      const x = a as PyObj;
      if (x.t === "int") return x;
      // PyNumber_Index hands a bool back as itself before 3.10 and as an exact int copy from 3.10: not laid out here.
      if (x.t === "bool") throw new PymemError("UNSUPPORTED", "operator.index of a bool");
      if (isUserObj(x)) throw new PymemError("UNSUPPORTED", "operator.index of a setup-class object");
      return pyInt(toIndex(x));
    })],
    ["is_", fixed("is_", 2, ([a, b]) => pyBool(a === b))],
    ["is_not", fixed("is_not", 2, ([a, b]) => pyBool(a !== b))],
    ["getitem", fixed("getitem", 2, ([a, b]) => getItem(a as PyObj, b as PyObj))],
    ["setitem", fixed("setitem", 3, ([a, b, c]) => {
      setItem(a as PyObj, b as PyObj, c as PyObj);
      return None;
    })],
    ["delitem", fixed("delitem", 2, ([a, b]) => {
      delItem(a as PyObj, b as PyObj);
      return None;
    })],
    ["contains", fixed("contains", 2, ([a, b]) => pyBool(contains(a as PyObj, b as PyObj)))],
    ["concat", concat("concat", false)],
    ["iconcat", concat("iconcat", true)],
    ["countOf", fixed("countOf", 2, ([a, b]) => {
      let n = 0;
      const it = getIter(a as PyObj);
      for (let x = it.next(); x !== undefined; x = it.next()) if (pyEq(x, b as PyObj)) n++;
      return pyInt(n);
    })],
    ["indexOf", fixed("indexOf", 2, ([a, b]) => {
      let i = 0;
      const it = getIter(a as PyObj);
      for (let x = it.next(); x !== undefined; x = it.next(), i++) if (pyEq(x, b as PyObj)) return pyInt(i);
      throw valueError("sequence.index(x): x not in sequence");
    })],
    ["length_hint", fixed("length_hint", 2, lengthHint, 1)],
  );
  // Lib/operator.py binds each dunder name to the very function of the plain name (operator.__add__ is operator.add).
  const made = out.map(([n, f]): [string, PyObj] => [n, builtinFunction(n, f, "operator")]);
  const dunders = made.filter(([n]) => !["not_", "truth", "is_", "is_not", "countOf", "indexOf", "length_hint"].includes(n)).map(([n, f]): [string, PyObj] => [`__${n.replace(/_$/, "")}__`, f]);
  return [...made, ...dunders, ["__not__", made.find(([n]) => n === "not_")?.[1] as PyObj]];
}

function noKwargs(name: string, kw: Kwargs): void {
  if (kw.values.size > 0) throw typeError(`${name}() takes no keyword arguments`);
}

/** The one argument an itemgetter, attrgetter or methodcaller is called with. */
function oneArg(name: string, args: readonly PyObj[], kw: Kwargs): PyObj {
  noKwargs(name, kw);
  if (args.length !== 1) throw typeError(`${name} expected 1 argument, got ${args.length}`);
  return args[0] as PyObj;
}

function itemgetterCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  noKwargs("itemgetter", kw);
  if (args.length < 1) throw typeError("itemgetter expected 1 argument, got 0");
  const items = args.slice();
  return nativeObject("itemgetter", {
    call: (a, k) => {
      const obj = oneArg("itemgetter", a, k);
      return items.length === 1 ? getItem(obj, items[0] as PyObj) : newTuple(items.map((i) => getItem(obj, i)));
    },
    repr: () => `operator.itemgetter(${items.map((i) => repr(i)).join(", ")})`,
  });
}

function attrgetterCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  noKwargs("attrgetter", kw);
  if (args.length < 1) throw typeError("attrgetter expected 1 argument, got 0");
  const chains = args.map((a) => {
    if (a.t !== "str") throw typeError("attribute name must be a string");
    return strText(a).split(".");
  });
  const fetch = (obj: PyObj, chain: readonly string[]): PyObj => chain.reduce((o, n) => getAttr(o, n), obj);
  return nativeObject("attrgetter", {
    call: (a, k) => {
      const obj = oneArg("attrgetter", a, k);
      return chains.length === 1 ? fetch(obj, chains[0] as string[]) : newTuple(chains.map((c) => fetch(obj, c)));
    },
    repr: () => `operator.attrgetter(${chains.map((c) => repr(pyStr(c.join(".")))).join(", ")})`,
  });
}

function methodcallerCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  if (args.length < 1) throw typeError("methodcaller needs at least one argument, the method name");
  const name = args[0] as PyObj;
  if (name.t !== "str") throw typeError("method name must be a string");
  const text = strText(name);
  const rest = args.slice(1);
  const kwargs: Kwargs = { values: new Map(kw.values), keys: new Map(kw.keys) };
  return nativeObject("methodcaller", {
    call: (a, k) => callObject(getAttr(oneArg("methodcaller", a, k), text), rest, kwargs),
    repr: () => {
      const parts = [repr(intern(name) as PyStrObj), ...rest.map((x) => repr(x)), ...[...kwargs.values].map(([n, v]) => `${n}=${repr(v)}`)];
      return `operator.methodcaller(${parts.join(", ")})`;
    },
  });
}

/** The module's attributes for a version: only the names its operator module has. */
export function operatorModuleAttrs(layout: Layout): [string, PyObj][] {
  const names = new Set((layout.attributeNames()["module operator"] ?? "").split(" "));
  const all: [string, PyObj][] = [
    ...functions(),
    ["itemgetter", newBuiltinType("itemgetter", itemgetterCall, [], "extension")],
    ["attrgetter", newBuiltinType("attrgetter", attrgetterCall, [], "extension")],
    ["methodcaller", newBuiltinType("methodcaller", methodcallerCall, [], "extension")],
  ];
  return all.filter(([n]) => names.has(n));
}
