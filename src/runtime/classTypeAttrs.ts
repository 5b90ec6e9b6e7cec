// The getsets type itself gives every class (Objects/typeobject.c type_getsets
// and type_methods): __bases__, the tuple type_new stored as tp_bases (the
// tuple type() was given, or a new one: the class statement's bases after
// __mro_entries__, (object,) for none), one object for the life of the class;
// __base__, its tp_base (best_base); __class__; and __subclasses__(), a new
// list of the live subclasses in the order they were made.
import { PymemError, typeError } from "./errors.js";
import { listAppend, newEmptyList } from "./lists.js";
import { basesOf, subclassesOf } from "./classRegistry.js";
import { builtinFunction, type PyClassObj, type PyObj, type PyTupleObj } from "./objects.js";
import { materialize } from "./seq.js";
import { newTuple } from "./tuples.js";
import { typeObject } from "./typeObjects.js";

/** A builtin exception class: single inheritance, its base the class before it in the hierarchy. */
function staticBases(cls: PyClassObj): readonly PyObj[] | undefined {
  if (cls.static !== true || cls.bases.length > 1) return undefined;
  return cls.bases.length === 1 ? cls.bases : [typeObject("object")];
}

function basesTuple(cls: PyClassObj): PyTupleObj {
  const b = basesOf.get(cls) ?? staticBases(cls);
  if (b === undefined) throw new PymemError("UNSUPPORTED", `${cls.name}.__bases__ (a class pymem made without recording its bases)`);
  if (!Array.isArray(b)) return b as PyTupleObj;
  const objs = b as readonly PyObj[];
  // type_new: no bases is (object,).
  const t = newTuple(objs.length === 0 ? [typeObject("object")] : [...objs]);
  basesOf.set(cls, t);
  return t;
}

/** Fixed-size builtins a subclass of which adds only __dict__ / __weakref__, so extra_ivars keeps the builtin as its solid base. */
const FIXED_SOLID = new Set(["dict", "list", "set", "frozenset"]);

/** solid_base of a base, where pymem can tell it: "object", a fixed-size builtin's name, or null. */
function solidOf(o: PyObj): string | null {
  if (o.t === "type") return o.name === "object" || (FIXED_SOLID.has(o.name) && o.heap === undefined) ? o.name : null;
  if (o.t !== "class" || o.static === true || o.stdlib === true || o.mro.some((c) => c.slots.length > 0)) return null;
  return o.builtinBase === "object" || FIXED_SOLID.has(o.builtinBase) ? o.builtinBase : null;
}

/** tp_base: best_base, the first base whose solid base is the most derived (they agree, or type_new failed). */
function baseOf(cls: PyClassObj): PyObj {
  const list = materialize(basesTuple(cls).items);
  if (list.length === 1) return list[0] as PyObj;
  const solids = list.map(solidOf);
  if (solids.every((x) => x !== null)) return list[Math.max(0, solids.findIndex((x) => x !== "object"))] as PyObj;
  throw new PymemError("UNSUPPORTED", `${cls.name}.__base__ over several bases (best_base of their layouts)`);
}

function subclassesList(cls: PyClassObj): PyObj {
  const subs = subclassesOf(cls);
  // A class made again under its name (a decorator's copy, a factory's class) leaves the old one listed until the collector frees it.
  if (new Set(subs.map((c) => c.name)).size !== subs.length) throw new PymemError("UNSUPPORTED", `${cls.name}.__subclasses__() with a subclass made twice under one name (the garbage collector decides when the old one leaves)`);
  const l = newEmptyList();
  for (const c of subs) listAppend(l, c);
  return l;
}

/** type's own getsets and __subclasses__ for a class of the setup (undefined: not one of them). */
export function typeGetsetAttr(cls: PyClassObj, name: string): PyObj | undefined {
  switch (name) {
    case "__bases__":
      return basesTuple(cls);
    case "__base__":
      return baseOf(cls);
    case "__class__":
      return cls.metaclass === undefined ? typeObject("type") : undefined;
    case "__subclasses__":
      // A method of the metaclass: the class's own attribute of that name comes first.
      if (cls.mro.some((c) => c.attrs.has(name))) return undefined;
      if (cls.static === true || cls.stdlib === true) throw new PymemError("UNSUPPORTED", `${cls.name}.__subclasses__() (a builtin or standard-library class)`);
      return builtinFunction("__subclasses__", (args) => {
        if (args.length > 0) throw typeError(`type.__subclasses__() takes no arguments (${args.length} given)`);
        return subclassesList(cls);
      });
    default:
      return undefined;
  }
}

/** type_set_bases re-linearizes the class (its MRO, its subclasses'): not modelled. */
export function refuseTypeGetsetAssign(cls: PyClassObj, name: string): void {
  if (name === "__bases__" || name === "__mro__") throw new PymemError("UNSUPPORTED", `assigning ${cls.name}.${name} (type_set_bases re-linearizes the class)`);
}
