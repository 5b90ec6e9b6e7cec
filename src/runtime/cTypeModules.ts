// The name object.__repr__ shows for the C types (and a few Python classes) of
// the standard library that pymem models as iterators or native objects:
// '<module.qualname object at %p>', where type_module reads the module off
// tp_name ('_io.StringIO') and builtins' types print without one. Which types
// carry a module changed between versions: the layout's cTypeModules says.
import { ctx } from "./ctx.js";

/** The name object.__repr__ shows for a modelled standard-library object of type `typeName`. */
export function qualifiedTypeName(typeName: string): string {
  const module = ctx().layout.rules.cTypeModules?.[typeName];
  return module === undefined || module === "" ? typeName : `${module}.${typeName}`;
}
