// tuple.__new__ as a tuple subclass's own __new__ reaches it (tuple.__new__(cls, ...) or super().__new__).
import { typeError } from "./errors.js";
import { toArray } from "./iteration.js";
import { typeName, type PyObj } from "./objects.js";
import { newTuple, newTupleOfClass } from "./tuples.js";

/**
 * tuple_new(type, iterable=()): for a subclass, tuple_subtype_new copies the items of a plain tuple made
 * from the iterable into an object of the subclass of exactly that length; for tuple itself, an exact
 * tuple argument comes back as it is.
 */
export const tupleNew: PyObj = {
  t: "builtin",
  name: "tuple.__new__",
  self: null,
  fn: (args, kw) => {
    const c = args[0];
    if (c === undefined) throw typeError("tuple.__new__(): not enough arguments");
    if (kw.values.size > 0) throw typeError("tuple() takes no keyword arguments");
    if (args.length > 2) throw typeError(`tuple expected at most 1 argument, got ${args.length - 1}`);
    const it = args[1];
    if (c.t === "type" && c.name === "tuple" && c.heap === undefined) {
      return it !== undefined && it.t === "tuple" && it.cls === undefined ? it : newTuple(it === undefined ? [] : toArray(it));
    }
    if (c.t !== "class") throw typeError(`tuple.__new__(X): X is not a type object (${typeName(c)})`);
    if (c.builtinBase !== "tuple") throw typeError(`tuple.__new__(${c.name}): ${c.name} is not a subtype of tuple`);
    return newTupleOfClass(it === undefined ? [] : toArray(it), c);
  },
};
