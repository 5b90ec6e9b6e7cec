// Objects pymem keeps opaque (a type name and what they wrap): memoryview,
// property, staticmethod and classmethod as builtins, and the constructor
// the modules use for theirs (ChainMap, decimal's Context).
import { newMemoryView } from "./memoryviewObject.js";
import { builtinFunction as fn, None, type PyObj } from "./objects.js";


/** A property's setter and deleter (its `data` is the getter, as every reader of a property expects). */
const accessors = new WeakMap<object, { readonly fset: PyObj; readonly fdel: PyObj }>();

/** property(fget, fset, fdel). */
export function makeProperty(fget: PyObj, fset: PyObj, fdel: PyObj): PyObj {
  const p = opaque("property", fget);
  accessors.set(p, { fset, fdel });
  return p;
}

/** The setter or deleter of a property, or None. */
export function propertyAccessor(p: PyObj, which: "fset" | "fdel"): PyObj {
  return accessors.get(p)?.[which] ?? None;
}

/** property.getter/setter/deleter and its fget/fset/fdel: a new property with one accessor replaced, or an accessor. */
export function propertyAttr(p: PyObj & { t: "opaque" }, name: string): PyObj | undefined {
  const fget = p.data as PyObj;
  const fset = propertyAccessor(p, "fset");
  const fdel = propertyAccessor(p, "fdel");
  switch (name) {
    case "fget":
      return fget;
    case "fset":
      return fset;
    case "fdel":
      return fdel;
    case "getter":
      return fn("getter", ([f]) => makeProperty(f ?? None, fset, fdel));
    case "setter":
      return fn("setter", ([f]) => makeProperty(fget, f ?? None, fdel));
    case "deleter":
      return fn("deleter", ([f]) => makeProperty(fget, fset, f ?? None));
    default:
      return undefined;
  }
}

export function opaque(typeName: string, data: unknown = null): PyObj {
  return { t: "opaque", typeName, data };
}

export function builtinLeaves(): [string, PyObj][] {
  return [
    ["memoryview", fn("memoryview", ([x]) => newMemoryView(x))],
    ["property", fn("property", (args, kw) => {
      const [fget, fset, fdel] = [args[0] ?? kw.values.get("fget"), args[1] ?? kw.values.get("fset"), args[2] ?? kw.values.get("fdel")];
      return makeProperty(fget ?? None, fset ?? None, fdel ?? None);
    })],
    ["staticmethod", fn("staticmethod", ([f]) => opaque("staticmethod", f ?? None))],
    ["classmethod", fn("classmethod", ([f]) => opaque("classmethod", f ?? None))],
  ];
}
