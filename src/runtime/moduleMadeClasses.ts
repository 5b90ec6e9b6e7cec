// Which classes of an MRO a module made (datetime's, dataclasses', the stdlib's Python classes)
// rather than the setup: their real attribute names are the version's table, and a name
// missing from pymem's model is refused unless the table says CPython lacks it too.
import { strText } from "./text.js";
import { SETUP_MODULE } from "./typeNew.js";
import type { PyClassObj } from "./objects.js";

/** Whether `cls` was made by a module rather than by the setup's own class statement. */
export function madeByModule(cls: PyClassObj): boolean {
  if (cls.stdlib === true) return true;
  const mod = cls.attrs.get("__module__");
  return mod !== undefined && mod.t === "str" && strText(mod) !== SETUP_MODULE;
}

/** The attribute-table keys of an instance of `cls`: its builtin base, and each module-made class of its MRO. */
export function instanceOwners(cls: PyClassObj): string[] {
  return [cls.builtinBase, ...cls.mro.filter(madeByModule).map((c) => c.name)];
}
