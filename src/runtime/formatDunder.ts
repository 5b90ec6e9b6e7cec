// int/bool/float/complex/str .__format__(spec) called by name: the type's own
// tp_methods entry (long__format__, float___format__, complex___format__,
// unicode___format__), which formats as format(x, spec) does for the builtin's
// value: an empty spec gives str(x), and an exact str formatted unchanged is
// the object itself (the writer's readonly path), as formatObj makes them.
import { typeError } from "./errors.js";
import { formatObj } from "./format.js";
import { typeName, type NativeFn, type PyObj } from "./objects.js";
import { strText } from "./text.js";

const FORMATTED = new Set(["int", "bool", "float", "complex", "str"]);

/** The bound __format__ of a builtin number or str (a subclass's object too), or null for other objects. */
export function formatDunder(o: PyObj): NativeFn | null {
  if (!FORMATTED.has(o.t)) return null;
  // bool has no __format__ of its own: int's (its messages name the object's type, as METH_O's do).
  const owner = o.t === "bool" ? "int" : o.t;
  return (args, kw) => {
    if (kw.values.size > 0) throw typeError(`${owner}.__format__() takes no keyword arguments`);
    if (args.length !== 1) throw typeError(`${owner}.__format__() takes exactly one argument (${args.length} given)`);
    const spec = args[0] as PyObj;
    if (spec.t !== "str") throw typeError(`__format__() argument must be str, not ${typeName(spec)}`);
    return formatObj(o, strText(spec));
  };
}
