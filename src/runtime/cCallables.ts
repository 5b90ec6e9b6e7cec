// Comparison and repr of the C callables (builtinDescriptors.ts makes them): kept apart,
// importing only the object model, since repr and comparison reach every type.
import { typeName, type PyBuiltinObj, type PyObj } from "./objects.js";

/** meth_richcompare / wrapper_richcompare: the same function bound to the same object. */
export function builtinEq(a: PyBuiltinObj, b: PyObj): boolean {
  if (b.t !== "builtin") return false;
  if (a.self === null || b.self === null) return a === b;
  return a.self === b.self && a.name === b.name && a.kind === b.kind && a.objclass === b.objclass;
}

/** The repr of a C callable (meth_repr, wrapper_repr, descr_repr). */
export function cCallableRepr(o: PyBuiltinObj, at: string): string {
  switch (o.kind) {
    case "wrapper_descriptor":
      return `<slot wrapper '${o.name}' of '${o.objclass ?? ""}' objects>`;
    case "method_descriptor":
      return `<method '${o.name}' of '${o.objclass ?? ""}' objects>`;
    case "classmethod_descriptor":
      return `<method '${o.name}' of '${o.objclass ?? ""}' objects>`;
    case "method-wrapper":
      return `<method-wrapper '${o.name}' of ${o.self === null ? "NoneType" : typeName(o.self)} object${at}>`;
    default:
      if (o.self === null) return `<built-in function ${o.name}>`;
      return `<built-in method ${o.name} of ${typeName(o.self)} object${at}>`;
  }
}
