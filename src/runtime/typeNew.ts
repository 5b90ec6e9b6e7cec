// type.__new__: the class object a class statement or type(name, bases, dict)
// makes from its bases and namespace (Objects/typeobject.c's type_new), for
// plain classes, builtin subclasses, the stdlib classes with a metaclass of
// their own (Enum, ABC: their hooks make the subclass) and the metaclasses the
// setup writes (class M(type)), whose classes record M as their type.
import { COLLECTION_BASES } from "./collectionCtors.js";
import { SUBCLASSABLE } from "./builtinBases.js";
import { classHooks } from "./classHooks.js";
import { makeClass } from "./classes.js";
import { noteBases } from "./classRegistry.js";
import { PymemError, typeError } from "./errors.js";
import { materialize } from "./seq.js";
import { strText } from "./text.js";
import { pyStr, typeName, type BuiltinBase, type Kwargs, type PyClassObj, type PyObj } from "./objects.js";

/** __name__ of the namespace the setup and the expression run in (SEMANTICS.md). */
export const SETUP_MODULE = "__pymem_setup__";

/** The error calculate_metaclass raises when no metaclass derives from all the others. */
export function metaclassConflict(): never {
  throw typeError("metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases");
}

/**
 * calculate_metaclass: the most derived of `meta` and the bases' metaclasses
 * (null: type itself). Only the setup's metaclasses take part; a stdlib
 * metaclass (ABCMeta, EnumType) under a setup metaclass is a conflict, as no
 * setup metaclass derives from one.
 */
export function winningMetaclass(meta: PyClassObj | null, bases: readonly PyObj[], strict: boolean): PyClassObj | null {
  let winner = meta;
  for (const b of bases) {
    if (b.t !== "class") {
      // type(b) is type (a builtin type) or not a subclass of type at all (type('X', (1,), {})); a class
      // statement leaves other bases (typing.NamedTuple's __mro_entries__) to buildClass.
      if (b.t !== "type" && (strict || winner !== null)) metaclassConflict();
      continue;
    }
    const m = b.meta;
    if (m === undefined) {
      if (b.metaclass !== undefined && winner !== null) metaclassConflict();
      continue;
    }
    if (winner === null || m.mro.includes(winner)) winner = m;
    else if (!winner.mro.includes(m)) metaclassConflict();
  }
  if (winner !== null && bases.some((b) => b.t === "class" && b.meta === undefined && b.metaclass !== undefined)) metaclassConflict();
  return winner;
}

/** What a setup metaclass may define that pymem does not honour: refused by name. */
const META_UNMODELLED = ["__prepare__", "__setattr__", "__delattr__", "__getattribute__", "__set_name__", "__mro_entries__", "mro"];

export function checkMetaclass(meta: PyClassObj): void {
  for (const n of META_UNMODELLED) {
    if (meta.mro.some((c) => c.attrs.has(n))) throw new PymemError("UNSUPPORTED", `a metaclass defining ${n} (${meta.name})`);
  }
  if (meta.meta !== undefined) throw new PymemError("UNSUPPORTED", `a metaclass with a metaclass of its own (${meta.name})`);
}

/** type.__new__(mcs, name, bases, dict, **kw): the argument checks, then the class. */
export function typeNew(mcs: PyClassObj | null, args: readonly PyObj[], kw: Kwargs): PyObj {
  if (args.length !== 3) throw typeError(`type.__new__() takes exactly 3 arguments (${args.length} given)`);
  const [n, b, d] = args as [PyObj, PyObj, PyObj];
  if (n.t !== "str") throw typeError(`type.__new__() argument 1 must be str, not ${typeName(n)}`);
  if (b.t !== "tuple") throw typeError(`type.__new__() argument 2 must be tuple, not ${typeName(b)}`);
  if (d.t !== "dict") throw typeError(`type.__new__() argument 3 must be dict, not ${typeName(d)}`);
  const bases = materialize(b.items);
  const winner = winningMetaclass(mcs, bases, true);
  // type_new defers to a more derived metaclass's own __new__ (not modelled here).
  if (winner !== null && winner !== mcs && winner.mro.some((c) => c.attrs.has("__new__"))) {
    throw new PymemError("UNSUPPORTED", `type() over a base whose metaclass ${winner.name} defines __new__`);
  }
  const ns = new Map<string, PyObj>();
  for (const e of d.table.map.values()) {
    if (e.key.t !== "str") throw new PymemError("UNSUPPORTED", "a class namespace with a key that is not a str");
    ns.set(strText(e.key), e.value);
  }
  // type_new_set_module: the calling frame's globals' __name__, the setup's and the expression's alike.
  if (!ns.has("__module__")) ns.set("__module__", pyStr(SETUP_MODULE));
  if (winner !== null) checkMetaclass(winner);
  const cls = buildClass(strText(n), bases, ns, kw, winner);
  // type_new keeps the tuple it was given as tp_bases (a new (object,) for none).
  if (cls.t === "class" && bases.length > 0) noteBases(cls, b);
  return cls;
}

/** The class statement's type(name, bases, ns) with the bases the sandbox knows, made by `meta` (null: type). */
export function buildClass(name: string, baseObjs: readonly PyObj[], ns: Map<string, PyObj>, kw: Kwargs, meta: PyClassObj | null): PyObj {
  const metaHooks = baseObjs.map((b) => classHooks(b)).find((h) => h?.subclass !== undefined);
  const stdlibMeta = metaHooks?.subclass;
  if (stdlibMeta !== undefined) {
    if (kw.values.size > 0 && metaHooks?.keywords !== true) throw new PymemError("UNSUPPORTED", "class keywords over an Enum or ABC base");
    // A builtin type first among the bases (class X(int, Enum)): the members' type, the solid base.
    const first = baseObjs[0];
    const builtin = first !== undefined && first.t === "type" && SUBCLASSABLE.has(first.name) && first.heap === undefined ? (first.name as BuiltinBase) : undefined;
    const rest = builtin === undefined ? baseObjs : baseObjs.slice(1);
    if (rest.some((b) => b.t !== "class")) throw new PymemError("UNSUPPORTED", `a class over ${baseObjs.map((b) => typeName(b)).join(", ")} with a metaclass (mixed bases)`);
    return withBases(stdlibMeta(name, rest as PyClassObj[], ns, builtin, kw), baseObjs);
  }
  const classes: PyClassObj[] = [];
  let builtinBase: BuiltinBase | undefined;
  let typeBase = false;
  for (const b of baseObjs) {
    if (b.t === "class") classes.push(b);
    else if (b.t === "type" && b.name === "object") continue;
    else if (b.t === "type" && b.name === "type" && b.heap === undefined) typeBase = true;
    else if (b.t === "type" && (b.name === "tuple" || (SUBCLASSABLE.has(b.name) && (b.heap === undefined || COLLECTION_BASES.has(b.name))))) {
      const other = builtinBase ?? classes.find((c) => c.builtinBase !== "object")?.builtinBase;
      if (other !== undefined && other !== b.name) throw typeError("multiple bases have instance lay-out conflict");
      builtinBase = b.name as BuiltinBase;
    }
    else if (b.t === "builtin" && b.name === "NamedTuple") {
      if (kw.values.size > 0) throw new PymemError("UNSUPPORTED", "class keywords over typing.NamedTuple");
      return namedTupleFactory(name, ns);
    }
    else if (b.t === "type") throw new PymemError("UNSUPPORTED", `subclassing the builtin '${b.name}'`);
    else throw typeError(`bases must be types, not '${b.t}'`);
  }
  // datetime's types build their results as the exact type (and __new__ ignores the subclass): not modelled for subclasses.
  const dtBase = classes.flatMap((c) => c.mro).find((c) => {
    const m = c.attrs.get("__module__");
    return c.static === true && m !== undefined && m.t === "str" && strText(m) === "datetime";
  });
  if (dtBase !== undefined) throw new PymemError("UNSUPPORTED", `a subclass of datetime.${dtBase.name}`);
  if (typeBase && (builtinBase !== undefined || classes.some((c) => c.isMeta !== true && c.builtinBase !== "object"))) throw typeError("multiple bases have instance lay-out conflict");
  return withBases(makeClass(name, classes, ns, {
    ...(builtinBase === undefined ? {} : { builtinBase }),
    ...(meta === null ? {} : { meta }),
    ...(typeBase ? { typeBase } : {}),
    kw,
  }), baseObjs);
}

function withBases(cls: PyObj, bases: readonly PyObj[]): PyObj {
  if (cls.t === "class") noteBases(cls, bases);
  return cls;
}

let namedTupleFactory: (name: string, ns: Map<string, PyObj>) => PyObj = () => {
  throw new PymemError("UNSUPPORTED", "typing.NamedTuple");
};

export function setNamedTupleFactory(f: (name: string, ns: Map<string, PyObj>) => PyObj): void {
  namedTupleFactory = f;
}
