// Attributes of the builtin type objects: __name__, their class and static
// methods, and the sample instances through which attributes.ts finds the
// methods reached through the type (str.upper, int.__add__).
import { emptyTuple } from "./tuples.js";
import { typeError } from "./errors.js";
import {
  PyListObj, emptyBytes, emptyStr, pyComplex, pyFloat, pyInt, pyStr, typeName, type NativeFn, type PyObj, type PyTypeObj,
} from "./objects.js";
import { truthy } from "./compare.js";
import { toArray } from "./iteration.js";
import { signatureCounts } from "./argumentBinding.js";
import { toIndex } from "./numbers.js";
import { checkCall } from "./signatures.js";
import { PyException } from "./errors.js";
import { floatFromHex } from "./floatFromHex.js";
import { bytesMaketrans } from "./bytesTranslate.js";
import { dictSet, newDict } from "./dicts.js";
import { None } from "./objects.js";
import { bytesData, strText } from "./text.js";
import { newInstance } from "./classes.js";
import { delInstanceAttr, delTupleSubclassAttr, getInstanceAttr, setInstanceAttrValue, setTupleSubclassAttr } from "./instanceAttrs.js";
import type { DictOwner, PyInstanceObj } from "./objects.js";

/** An empty object of a builtin type, to find which attributes its instances have. */
export function typeSample(name: string): PyObj | null {
  switch (name) {
    case "int": return pyInt(0);
    case "float": return pyFloat(0);
    case "complex": return pyComplex(0, 0);
    case "str": return emptyStr;
    case "bytes": return emptyBytes;
    case "bytearray": return { t: "bytearray", data: new Uint8Array(0), rep: null, length: 0, alloc: 0 };
    case "list": return new PyListObj([], 0);
    case "tuple": return emptyTuple;
    case "range": return { t: "range", start: 0n, stop: 0n, step: 1n, len: 0n };
    default: return null;
  }
}

/** PyBytes_FromObject: a bytes-like object, or an iterable of ints in range(256). */
function asBytes(o: PyObj): Uint8Array {
  if (o.t === "bytes" || o.t === "bytearray") return bytesData(o);
  if (o.t === "str" || o.t === "int" || o.t === "bool" || o.t === "float" || o.t === "NoneType" || o.t === "complex") {
    throw typeError(`cannot convert '${typeName(o)}' object to bytes`);
  }
  return Uint8Array.from(toArray(o), (x) => {
    const v = toIndex(x);
    if (v < 0 || v > 255) throw new PyException("ValueError", "bytes must be in range(0, 256)");
    return v;
  });
}

/** object.__setattr__ / __delattr__ / __getattribute__: the generic attribute paths, bypassing a class's own hooks. */
function objectAttrArgs(args: readonly PyObj[], n: number, what: string): [PyInstanceObj, string] {
  const [self, name] = objectAttrArgsAny(args, n, what);
  if (self.t !== "instance") throw typeError(`descriptor '${what}' requires a 'object' object`);
  return [self, name];
}

/** Like objectAttrArgs, also taking an instance of a tuple subclass (whose __dict__, if any, follows its items). */
function objectAttrArgsAny(args: readonly PyObj[], n: number, what: string): [DictOwner, string] {
  const [self, name] = args;
  if (args.length !== n) throw typeError(`expected ${n} arguments, got ${args.length}`);
  if (self === undefined || !(self.t === "instance" || (self.t === "tuple" && self.cls !== undefined))) throw typeError(`descriptor '${what}' requires a 'object' object`);
  if (name === undefined || name.t !== "str") throw typeError(`attribute name must be string, not '${name === undefined ? "NoneType" : typeName(name)}'`);
  return [self as DictOwner, strText(name)];
}

const STATIC: Readonly<Record<string, Record<string, NativeFn>>> = {
  object: {
    __new__: (args) => {
      const c = args[0];
      if (c === undefined || c.t !== "class") throw typeError("object.__new__(X): X is not a type object");
      return newInstance(c);
    },
    // A frozen dataclass's own assignments go through object.__setattr__, past the frozen check.
    __setattr__: (args) => {
      const [self, name] = objectAttrArgsAny(args, 3, "__setattr__");
      if (self.t === "tuple") setTupleSubclassAttr(self, name, args[2] as PyObj);
      else setInstanceAttrValue(self, name, args[2] as PyObj, true);
      return None;
    },
    __delattr__: (args) => {
      const [self, name] = objectAttrArgsAny(args, 2, "__delattr__");
      if (self.t === "tuple") delTupleSubclassAttr(self, name);
      else delInstanceAttr(self, name);
      return None;
    },
    __getattribute__: (args) => {
      const [self, name] = objectAttrArgs(args, 2, "__getattribute__");
      const v = getInstanceAttr(self, name);
      if (v === undefined) throw new PyException("AttributeError", `'${self.cls.name}' object has no attribute '${name}'`);
      return v;
    },
  },
  bytes: { maketrans: bytesMaketrans },
  bytearray: { maketrans: bytesMaketrans },
  str: {
    maketrans: ([a, b, c]) => {
      const d = newDict();
      if (a !== undefined && a.t === "dict") {
        for (const e of a.table.map.values()) dictSet(d, e.key.t === "str" ? pyInt(strText(e.key).codePointAt(0) as number) : e.key, e.value);
        return d;
      }
      const x = [...strText(a as never)];
      const y = [...strText(b as never)];
      if (x.length !== y.length) throw new PyException("ValueError", "the first two maketrans arguments must have equal length");
      x.forEach((ch, i) => dictSet(d, pyInt(ch.codePointAt(0) as number), pyInt((y[i] as string).codePointAt(0) as number)));
      if (c !== undefined) for (const ch of strText(c as never)) dictSet(d, pyInt(ch.codePointAt(0) as number), None);
      return d;
    },
  },
  int: {
    from_bytes: (args, kw) => {
      const b = (args[0] ?? kw.values.get("bytes")) as PyObj;
      // byteorder is optional from 3.11 (the version's signature decides): big.
      const order = args[1] ?? kw.values.get("byteorder") ?? pyStr("big");
      if (order.t !== "str") throw typeError(`from_bytes() argument 'byteorder' must be str, not ${typeName(order)}`);
      const ord = strText(order);
      if (ord !== "little" && ord !== "big") throw new PyException("ValueError", "byteorder must be either 'little' or 'big'");
      let data = [...asBytes(b)];
      if (ord === "little") data = data.reverse();
      let v = 0n;
      for (const x of data) v = (v << 8n) | BigInt(x);
      const signed = kw.values.get("signed");
      if (signed !== undefined && truthy(signed) && data.length > 0 && (data[0] as number) >= 0x80) v -= 1n << BigInt(8 * data.length);
      return pyInt(v);
    },
  },
  float: {
    fromhex: ([s]) => {
      if (s === undefined || s.t !== "str") throw typeError(`must be str, not ${s === undefined ? "NoneType" : typeName(s)}`);
      return pyFloat(floatFromHex(strText(s)));
    },
  },
};

/** The attributes a builtin type has of its own: its name, and its class and static methods (str.maketrans). */
export function staticTypeAttr(t: PyTypeObj, name: string): PyObj | null {
  if (name === "__name__" || name === "__qualname__") return pyStr(t.name);
  const st = STATIC[t.name]?.[name];
  if (st !== undefined) {
    const sig = signatureCounts(t.name, name);
    return {
      t: "builtin",
      name: `${t.name}.${name}`,
      self: null,
      fn: (args, kw) => {
        if (sig !== undefined) checkCall(name, sig, args, kw);
        return st(args, kw);
      },
    };
  }
  return null;
}
