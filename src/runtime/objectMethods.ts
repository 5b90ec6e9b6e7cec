// The special methods every instance inherits from `object` when its class
// does not define them, as bound methods: x.__eq__(y), x.__ne__(y),
// x.__lt__(y) …, x.__repr__(), x.__str__(), x.__format__(spec).
import { compareInherited } from "./compare.js";
import { typeError } from "./errors.js";
import { formatObj, reprObject, strObj } from "./format.js";
import { type NativeFn, type PyInstanceObj, type PyObj } from "./objects.js";
import type { CmpOp } from "./richCompare.js";
import { sizeofDunder } from "./sizeofDunder.js";
import { strText } from "./text.js";

const CMP: Readonly<Record<string, CmpOp>> = {
  __eq__: "Eq", __ne__: "NotEq", __lt__: "Lt", __le__: "LtE", __gt__: "Gt", __ge__: "GtE",
};

function one(args: readonly PyObj[]): PyObj {
  if (args.length !== 1) throw typeError(`expected 1 argument, got ${args.length}`);
  return args[0] as PyObj;
}

function method(inst: PyInstanceObj, name: string): NativeFn | null {
  const op = CMP[name];
  if (op !== undefined) return (args) => compareInherited(op, inst, one(args));
  switch (name) {
    case "__repr__":
      return () => reprObject(inst);
    case "__str__":
      return () => strObj(inst);
    case "__format__":
      return (args) => {
        const spec = one(args);
        if (spec.t !== "str") throw typeError(`__format__() argument must be str, not ${spec.t}`);
        return formatObj(inst, strText(spec));
      };
    case "__sizeof__":
      return sizeofDunder(inst);
    default:
      return null;
  }
}

/** object's method `name` bound to an instance whose class does not define it, or undefined. */
export function objectMethod(inst: PyInstanceObj, name: string): PyObj | undefined {
  const fn = method(inst, name);
  return fn === null ? undefined : { t: "builtin", name, self: inst, fn };
}
