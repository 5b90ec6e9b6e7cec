// Attributes of the builtin type objects: __name__, and methods reached
// through the type (str.upper, int.__add__) as unbound functions.
import { callObject } from "./calls.js";
import { typeError } from "./errors.js";
import { getAttr } from "./methods.js";
import {
  emptyBytes, emptyStr, pyComplex, pyFloat, pyInt, pyStr, typeName, type PyObj, type PyTypeObj,
} from "./objects.js";
import { PyException } from "./errors.js";

function sample(name: string): PyObj | null {
  switch (name) {
    case "int": return pyInt(0);
    case "float": return pyFloat(0);
    case "complex": return pyComplex(0, 0);
    case "str": return emptyStr;
    case "bytes": return emptyBytes;
    case "bytearray": return { t: "bytearray", data: new Uint8Array(0), rep: null, length: 0, alloc: 0 };
    case "list": return { t: "list", items: [], allocated: 0 };
    case "tuple": return { t: "tuple", items: [] };
    case "range": return { t: "range", start: 0n, stop: 0n, step: 1n, len: 0n };
    default: return null;
  }
}

export function typeAttr(t: PyTypeObj, name: string): PyObj | null {
  if (name === "__name__" || name === "__qualname__") return pyStr(t.name);
  const s = sample(t.name);
  if (s === null) return null;
  try {
    getAttr(s, name);
  } catch (e) {
    if (e instanceof PyException) return null;
    throw e;
  }
  return {
    t: "builtin",
    name: `${t.name}.${name}`,
    self: null,
    fn: (args, kw) => {
      const self = args[0];
      if (self === undefined) throw typeError(`unbound method ${t.name}.${name}() needs an argument`);
      if (typeName(self) !== t.name && !(t.name === "int" && self.t === "bool")) {
        throw typeError(`descriptor '${name}' for '${t.name}' objects doesn't apply to a '${typeName(self)}' object`);
      }
      return callObject(getAttr(self, name), args.slice(1), kw);
    },
  };
}
