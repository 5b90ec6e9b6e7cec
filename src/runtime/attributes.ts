// getattr/setattr/delattr over every modelled object: class instances go
// through classes.ts, builtin objects through their method tables.
import { delInstanceAttr, getInstanceAttr, getTupleSubclassAttr, lookupClassAttr, setInstanceAttrValue } from "./classes.js";
import { PyException } from "./errors.js";
import { getBuiltinAttr } from "./methods.js";
import { pyStr, typeName, type PyObj } from "./objects.js";

export function getAttr(o: PyObj, name: string): PyObj {
  switch (o.t) {
    case "instance": {
      const v = getInstanceAttr(o, name);
      if (v !== undefined) return v;
      throw new PyException("AttributeError", `'${o.cls.name}' object has no attribute '${name}'`);
    }
    case "class": {
      if (name === "__name__" || name === "__qualname__") return pyStr(o.name);
      if (name === "__mro__") return { t: "tuple", items: [...o.mro] };
      const v = lookupClassAttr(o, name);
      if (v !== undefined) return v;
      throw new PyException("AttributeError", `type object '${o.name}' has no attribute '${name}'`);
    }
    case "method":
      if (name === "__self__") return o.self;
      if (name === "__func__") return o.func;
      break;
    case "tuple":
      if (o.cls !== undefined) {
        const v = getTupleSubclassAttr(o, name);
        if (v !== undefined) return v;
      }
      break;
    default:
      break;
  }
  return getBuiltinAttr(o, name);
}

export function setAttr(o: PyObj, name: string, value: PyObj): void {
  if (o.t === "instance") {
    setInstanceAttrValue(o, name, value);
    return;
  }
  if (o.t === "class") {
    o.attrs.set(name, value);
    return;
  }
  if (o.t === "tuple" && o.cls !== undefined) throw new PyException("AttributeError", "can't set attribute");
  throw new PyException("AttributeError", `'${typeName(o)}' object has no attribute '${name}'`);
}

export function delAttr(o: PyObj, name: string): void {
  if (o.t === "instance") {
    delInstanceAttr(o, name);
    return;
  }
  if (o.t === "class" && o.attrs.delete(name)) return;
  throw new PyException("AttributeError", `'${typeName(o)}' object has no attribute '${name}'`);
}
