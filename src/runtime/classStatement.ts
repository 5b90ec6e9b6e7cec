// __build_class__: what a class statement calls once its body has run. The
// metaclass is the explicit metaclass= or the most derived of the bases'
// (calculate_metaclass); type makes the class itself (typeNew.ts), a stdlib
// metaclass pymem models (ABCMeta) through its own maker, a metaclass the
// setup wrote is called as any class is: M(name, bases, namespace, **kw), its
// own __new__ / __init__ (or type's) running as type_call runs them.
import { callObject } from "./calls.js";
import { metaclassNew } from "./classHooks.js";
import { intern } from "./constPool.js";
import { dictSet, newDict } from "./dicts.js";
import { PymemError } from "./errors.js";
import { pyStr, typeName, type Kwargs, type PyObj, type PyTypeObj } from "./objects.js";
import { newTuple } from "./tuples.js";
import { buildClass, checkMetaclass, winningMetaclass } from "./typeNew.js";
import { aliasMroEntries, recordParameters } from "./typingGeneric.js";
import { typingMroEntries } from "./typingAliasOps.js";

/** The class `class name(*bases, metaclass=meta, **kw)` makes from its body's namespace `vars`. */
export function buildClassStatement(meta: PyObj | null, name: string, origBases: readonly PyObj[], vars: Map<string, PyObj>, kw: Kwargs): PyObj {
  // update_bases: a typing alias among the bases stands for what its __mro_entries__ gives; the class keeps the originals.
  const hasEntries = (b: PyObj): boolean => b.t === "type" && (b.origin !== undefined || b.typingForm === true) && b.typeVar !== true;
  const bases = origBases.some(hasEntries)
    ? origBases.flatMap((b) => (hasEntries(b) ? typingMroEntries(b, origBases) ?? otherEntries(b as PyTypeObj, origBases) : [b]))
    : origBases;
  if (bases !== origBases) vars.set("__orig_bases__", newTuple([...origBases]));
  const cls = makeFromBases(meta, name, bases, vars, kw);
  recordParameters(cls, origBases, bases);
  return cls;
}

function otherEntries(b: PyTypeObj, bases: readonly PyObj[]): readonly PyObj[] {
  if (b.origin === undefined) throw new PymemError("UNSUPPORTED", `a class over typing's ${b.name} (its __mro_entries__)`);
  return aliasMroEntries(b, bases);
}

function makeFromBases(meta: PyObj | null, name: string, bases: readonly PyObj[], vars: Map<string, PyObj>, kw: Kwargs): PyObj {
  const isType = meta !== null && meta.t === "type" && meta.name === "type" && meta.heap === undefined;
  if (meta !== null && !isType && !(meta.t === "class" && meta.isMeta === true)) {
    const make = metaclassNew(meta);
    if (make === undefined || kw.values.size > 0) {
      throw new PymemError("UNSUPPORTED", `a class with metaclass=${typeName(meta)}${meta.t === "type" || meta.t === "class" ? ` ${meta.name}` : ""}${make === undefined ? "" : " and class keywords"}`);
    }
    if (bases.some((b) => b.t === "class" && b.meta !== undefined)) throw new PymemError("UNSUPPORTED", `metaclass=${typeName(meta)} over a class of a setup metaclass`);
    return make(name, bases, vars);
  }
  const winner = winningMetaclass(meta !== null && meta.t === "class" ? meta : null, bases, false);
  if (winner === null) return buildClass(name, bases, vars, kw, null);
  checkMetaclass(winner);
  // The namespace the metaclass receives: a dict of the body's names in their order.
  const ns = newDict();
  // Its keys are the names the body stored: interned identifiers of its code.
  for (const [k, v] of vars) dictSet(ns, intern(pyStr(k)), v);
  return callObject(winner, [pyStr(name), newTuple([...bases]), ns], kw);
}
