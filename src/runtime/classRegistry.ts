// What type_new records about a class beyond the class object pymem keeps:
// the bases it was given (tp_bases) and the classes made over it
// (tp_subclasses), read by classTypeAttrs.ts. A leaf module, so that
// classes.ts and typeNew.ts can write it without importing the readers.
import type { PyClassObj, PyObj, PyTupleObj } from "./objects.js";
import { ctx } from "./ctx.js";

/** A class's bases as type_new received them: the objects (the tuple made when first asked for), or the very tuple. */
export const basesOf = new WeakMap<PyClassObj, readonly PyObj[] | PyTupleObj>();
/**
 * The classes made over each class, in the order they were made (tp_subclasses): kept by the
 * evaluation, so a long-lived base (object, a builtin) does not keep every class ever made.
 */
export function subclassesOf(cls: PyClassObj): readonly PyClassObj[] {
  return ctx().subclasses.get(cls) ?? [];
}

/** Record the bases type_new gave `cls` (typeNew.ts, namedTuples.ts); a tuple object is kept as the very __bases__. */
export function noteBases(cls: PyClassObj, bases: readonly PyObj[] | PyTupleObj): void {
  basesOf.set(cls, bases);
}

/** Record a new class in its bases' subclass lists (classes.ts makeClass). */
export function noteSubclass(cls: PyClassObj): void {
  for (const b of cls.bases) {
    const subs = ctx().subclasses;
    let list = subs.get(b);
    if (list === undefined) subs.set(b, (list = []));
    list.push(cls);
  }
}
