// A C type's __dict__ (`dict.__dict__['fromkeys']`, `str.__dict__['join']`): a new
// mappingproxy (a leaf) on each access, whose items are the very objects the type's
// attributes come from (builtinDescriptors.ts): the slot wrappers and method
// descriptors, the classmethod descriptors (dict.__dict__['fromkeys'] is not the bound
// dict.fromkeys), a static method's staticmethod object, the getset and member
// descriptors, tp_new's __new__. The order of the real dict is not in the version's
// data, so iterating it, and entries pymem does not model (__doc__ …), are refused.
import { ownDictEntry, type UnboundCall } from "./builtinDescriptors.js";
import { PyException, PymemError } from "./errors.js";
import { nativeObject } from "./nativeObjects.js";
import type { PyObj, PyTypeObj } from "./objects.js";
import { repr } from "./repr.js";
import { strText } from "./text.js";

function refuse(t: PyTypeObj, what: string): PymemError {
  return new PymemError("UNSUPPORTED", `${t.name}.__dict__'s ${what}`);
}

/** T.__dict__ for a C type T the version's table lists; `existing(t)` is what pymem models for a name on the type t. */
export function builtinTypeDict(t: PyTypeObj, names: readonly string[], call: UnboundCall, existing: (t: PyTypeObj, name: string) => PyObj | null): PyObj {
  const entry = (key: PyObj): PyObj => {
    if (key.t !== "str" || !names.includes(strText(key))) throw new PyException("KeyError", repr(key));
    const name = strText(key);
    const v = ownDictEntry(t, name, call, (tt) => existing(tt, name));
    if (v === undefined) throw refuse(t, `entry '${name}' (not modelled)`);
    return v;
  };
  return nativeObject("mappingproxy", {
    getitem: entry,
    len: () => names.length,
    contains: (item) => item.t === "str" && names.includes(strText(item)),
    iter: () => {
      throw refuse(t, "order (the real dict's order is not in pymem's data)");
    },
    repr: () => {
      throw refuse(t, "repr");
    },
    compare: () => {
      throw refuse(t, "comparison");
    },
    unhashableAs: "mappingproxy",
    attr: (name) => {
      if (name === "__setitem__" || name === "__delitem__") throw new PyException("AttributeError", `'mappingproxy' object has no attribute '${name}'`);
      if (["get", "keys", "values", "items", "copy"].includes(name)) throw refuse(t, `${name}()`);
      return undefined;
    },
  });
}
