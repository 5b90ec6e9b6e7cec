// Objects pymem keeps opaque (a type name and what they wrap): memoryview,
// property, staticmethod and classmethod as builtins, and the constructor
// the modules use for theirs (ChainMap, decimal's Context).
import { typeError } from "./errors.js";
import { None, typeName, type NativeFn, type PyObj } from "./objects.js";

function fn(name: string, f: NativeFn): PyObj {
  return { t: "builtin", name, self: null, fn: f };
}

export function opaque(typeName: string, data: unknown = null): PyObj {
  return { t: "opaque", typeName, data };
}

export function builtinLeaves(): [string, PyObj][] {
  return [
    ["memoryview", fn("memoryview", ([x]) => {
      if (x === undefined || !["bytes", "bytearray", "array", "opaque"].includes(x.t)) throw typeError(`memoryview: a bytes-like object is required, not '${x === undefined ? "NoneType" : typeName(x)}'`);
      return opaque("memoryview", x);
    })],
    ["property", fn("property", ([fget]) => opaque("property", fget ?? None))],
    ["staticmethod", fn("staticmethod", ([f]) => opaque("staticmethod", f ?? None))],
    ["classmethod", fn("classmethod", ([f]) => opaque("classmethod", f ?? None))],
  ];
}
