// A class's __dict__ and vars(cls): a new mappingproxy (a leaf of the deep
// walk) over the type's dict in CPython's order: the class body's names
// (__qualname__ and __classcell__ taken out), the slots' member descriptors
// (sorted), the __dict__ and __weakref__ getset descriptors type_new gives a
// class that adds them, then __doc__ when the body had none, then whatever
// was set on the class afterwards.
import { classBody } from "./classBodies.js";
import { addsPointer, memberDescriptor, typeDictDescriptor } from "./classDescriptors.js";
import { classmethods } from "./classes.js";
import { intern } from "./constPool.js";
import { classHooks } from "./classHooks.js";
import { dictSet, newDict } from "./dicts.js";
import { PyException, PymemError } from "./errors.js";
import { getIter } from "./iteration.js";
import { nativeObject } from "./nativeObjects.js";
import { contains } from "./ops.js";
import { opaque } from "./opaqueObjects.js";
import { pyStr, type PyClassObj, type PyDictObj, type PyObj } from "./objects.js";
import { getItem } from "./subscript.js";
import { getBuiltinAttr } from "./methods.js";

function refuse(cls: PyClassObj, why: string): PymemError {
  return new PymemError("UNSUPPORTED", `${cls.name}.__dict__ (${why}) is not supported by pymem yet`);
}

/** The entries of the type dict of `cls`, in order, or a refusal naming what pymem does not know of it. */
function typeDictEntries(cls: PyClassObj): [string, PyObj][] {
  if (cls.static === true || cls.stdlib === true) throw refuse(cls, "a builtin or standard-library class");
  if (cls.metaclass !== undefined || cls.isMeta === true || classHooks(cls) !== undefined) throw refuse(cls, "a class made by a metaclass");
  if (cls.decorated !== null || cls.tupleFields !== null) throw refuse(cls, "a dataclass or namedtuple, whose generated methods are in its dict");
  if (cls.builtinBase !== "object") throw refuse(cls, `a subclass of ${cls.builtinBase}`);
  const body = classBody(cls.attrs);
  if (body === undefined) throw refuse(cls, "a class made without a class statement");
  // type_ready_set_hash: __eq__ without __hash__ puts __hash__ = None after __doc__.
  if (body.keys.has("__eq__") && !body.keys.has("__hash__")) throw refuse(cls, "__hash__ set to None for its __eq__");
  if (body.keys.has("__annotations__")) throw refuse(cls, "class annotations");
  // type_setattro put a class attribute in a slot's place in the dict: the entry order is not modelled.
  if (cls.slots.some((s) => cls.attrs.has(s))) throw refuse(cls, "a slot whose member descriptor a class attribute replaced");
  const added: [string, PyObj][] = [];
  // The very descriptors C.x and C.__weakref__ give (classDescriptors.ts).
  for (const s of cls.slots) added.push([s, memberDescriptor(cls, s)]);
  if (addsPointer(cls, "__dict__")) added.push(["__dict__", typeDictDescriptor(cls, "__dict__", "getset_descriptor")]);
  if (addsPointer(cls, "__weakref__")) added.push(["__weakref__", typeDictDescriptor(cls, "__weakref__", "getset_descriptor")]);
  const keys = [...cls.attrs.keys()].filter((k) => k !== "__qualname__");
  let at = 0;
  keys.forEach((k, i) => { if (body.keys.has(k)) at = i + 1; });
  const out: [string, PyObj][] = [];
  keys.forEach((k, i) => {
    if (i === at) out.push(...added);
    const v = cls.attrs.get(k) as PyObj;
    // type_new wraps these plain functions: __init_subclass__, __class_getitem__ as classmethods, __new__ as a staticmethod.
    if (classmethods.has(v) && v.t === "function") out.push([k, opaque("classmethod", v)]);
    else if (k === "__new__" && v.t === "function") out.push([k, opaque("staticmethod", v)]);
    else out.push([k, v]);
  });
  if (at === keys.length) out.push(...added);
  return out;
}

/** C.__dict__ / vars(C): a mappingproxy over a snapshot of the type dict. */
export function classDictProxy(cls: PyClassObj): PyObj {
  const d: PyDictObj = newDict();
  for (const [k, v] of typeDictEntries(cls)) dictSet(d, intern(pyStr(k)), v);
  return nativeObject("mappingproxy", {
    getitem: (key) => getItem(d, key),
    len: () => d.table.map.size,
    iter: () => getIter(d),
    contains: (item) => contains(d, item),
    // mappingproxy_richcompare compares the dicts: not modelled.
    compare: () => { throw refuse(cls, "a comparison of mappingproxies"); },
    attr: (name) => {
      if (name === "copy") throw refuse(cls, "its copy(), PyDict_Copy of the type dict");
      if (name === "__setitem__" || name === "__delitem__") throw new PyException("AttributeError", `'mappingproxy' object has no attribute '${name}'`);
      return ["get", "keys", "values", "items"].includes(name) ? getBuiltinAttr(d, name) : undefined;
    },
  });
}
