// types.MappingProxyType(d) as a C type hands one out (PyDictProxy_New): a live,
// read-only view of a dict, a leaf of the deep walk. Reading goes to the dict;
// copy() and comparisons are refused (PyDict_Copy's and the dict's own rules).
import { PymemError, PyException } from "./errors.js";
import { getIter } from "./iteration.js";
import { getBuiltinAttr } from "./methods.js";
import { nativeObject } from "./nativeObjects.js";
import type { PyObj } from "./objects.js";
import { contains } from "./ops.js";
import { getItem } from "./subscript.js";

/** A mappingproxy over `d`; `what` names it in refusals. */
export function mappingProxy(d: PyObj, what: string): PyObj {
  return nativeObject("mappingproxy", {
    getitem: (key) => getItem(d, key),
    len: () => (d.t === "dict" ? d.table.map.size : 0),
    iter: () => getIter(d),
    contains: (item) => contains(d, item),
    compare: () => { throw new PymemError("UNSUPPORTED", `a comparison of ${what}`); },
    attr: (name) => {
      if (name === "copy") throw new PymemError("UNSUPPORTED", `${what}.copy()`);
      if (name === "__setitem__" || name === "__delitem__") throw new PyException("AttributeError", `'mappingproxy' object has no attribute '${name}'`);
      return ["get", "keys", "values", "items"].includes(name) ? getBuiltinAttr(d, name) : undefined;
    },
  });
}
