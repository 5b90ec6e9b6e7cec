// tuple.__new__(cls, iterable=()) for a tuple subclass, as its own __new__ reaches it
// (tuple.__new__(cls, ...) or super().__new__(cls, ...)).
import { typeError } from "./errors.js";
import { typeName, type Kwargs, type PyObj } from "./objects.js";
import { toArray } from "./iteration.js";
import { newTupleOfClass } from "./tuples.js";

/** tuple_subtype_new: a new object of cls holding the iterable's items (never a shared tuple, even when empty). */
export function tupleSubtypeNew(c: PyObj | undefined, rest: readonly PyObj[], kw: Kwargs): PyObj {
  if (c === undefined) throw typeError("tuple.__new__(): not enough arguments");
  if (c.t !== "class") throw typeError(`tuple.__new__(X): X is not a type object (${typeName(c)})`);
  if (c.builtinBase !== "tuple") throw typeError(`tuple.__new__(${c.name}): ${c.name} is not a subtype of tuple`);
  if (kw.values.size > 0) throw typeError("tuple() takes no keyword arguments");
  if (rest.length > 1) throw typeError(`tuple expected at most 1 argument, got ${rest.length}`);
  return newTupleOfClass(rest[0] === undefined ? [] : toArray(rest[0]), c);
}
