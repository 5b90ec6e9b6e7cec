// x.__sizeof__() called by name: the type's own tp_methods entry (list___sizeof__,
// object___sizeof__ …), whose figure the sizing stage supplies (ctx().sizes).
import { ctx } from "./ctx.js";
import { PymemError, typeError } from "./errors.js";
import { pyInt, typeName, type NativeFn, type PyObj } from "./objects.js";

/** The bound __sizeof__ of `o`, or null for a type object (its __sizeof__ is an unbound method). */
export function sizeofDunder(o: PyObj): NativeFn | null {
  if (o.t === "type" || o.t === "class") return null;
  return (args, kw) => {
    if (args.length > 0) throw typeError(`${typeName(o)}.__sizeof__() takes no arguments (${args.length} given)`);
    if (kw !== undefined && kw.values.size > 0) throw typeError(`${typeName(o)}.__sizeof__() takes no keyword arguments`);
    const sizes = ctx().sizes;
    if (sizes === null) throw new PymemError("UNSUPPORTED", "__sizeof__() here");
    return pyInt(sizes.sizeofMethod(o));
  };
}
