// EnumType.__members__: MappingProxyType(cls._member_map_), a new proxy on each access over
// the one _member_map_ dict of the class (every name, aliases too, in definition order).
import { contains } from "./ops.js";
import { dictSet, newDict } from "./dicts.js";
import { PyException, PymemError } from "./errors.js";
import { getIter } from "./iteration.js";
import { getBuiltinAttr } from "./methods.js";
import { nativeObject } from "./nativeObjects.js";
import { pyStr, type PyClassObj, type PyDictObj, type PyObj } from "./objects.js";
import { intern } from "./constPool.js";
import { getItem } from "./subscript.js";


const memberMaps = new WeakMap<PyClassObj, PyDictObj>();

/** cls.__members__ for the names `byName` maps to members (the class's _member_map_). */
export function enumMembersProxy(cls: PyClassObj, byName: ReadonlyMap<string, PyObj>): PyObj {
  let d = memberMaps.get(cls);
  if (d === undefined) {
    d = newDict();
    for (const [k, m] of byName) dictSet(d, intern(pyStr(k)), m);
    memberMaps.set(cls, d);
  }
  const map = d;
  return nativeObject("mappingproxy", {
    getitem: (key) => getItem(map, key),
    len: () => map.table.map.size,
    iter: () => getIter(map),
    contains: (item) => contains(map, item),
    compare: () => { throw new PymemError("UNSUPPORTED", `a comparison of ${cls.name}.__members__`); },
    attr: (name) => {
      if (name === "copy") throw new PymemError("UNSUPPORTED", `${cls.name}.__members__.copy()`);
      if (name === "__setitem__" || name === "__delitem__") throw new PyException("AttributeError", `'mappingproxy' object has no attribute '${name}'`);
      return ["get", "keys", "values", "items"].includes(name) ? getBuiltinAttr(map, name) : undefined;
    },
  });
}
