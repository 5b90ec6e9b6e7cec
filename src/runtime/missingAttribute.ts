// A lookup that misses in pymem's model: an AttributeError only when the real
// type (or module) has no such attribute either; otherwise an honest refusal,
// since a wrong exception is as wrong as a wrong size.
import { ctx } from "./ctx.js";
import { PyException, PymemError } from "./errors.js";

const cache = new Map<string, ReadonlySet<string>>();

function namesOf(key: string): ReadonlySet<string> {
  let s = cache.get(key);
  if (s === undefined) {
    const text = ctx().layout.attributeNames[key];
    s = new Set(text === undefined ? [] : text.split(" "));
    cache.set(key, s);
  }
  return s;
}

/**
 * The error for `name` missing on an object whose real type is described by
 * `keys` (type names, "type" for type objects, "module NAME"): `object`'s
 * names count for every type but modules.
 */
export function missingAttribute(keys: readonly string[], name: string, label: string, attributeError: string): PyException | PymemError {
  const withObject = keys.some((k) => !k.startsWith("module ")) ? [...keys, "object"] : keys;
  if (withObject.some((k) => namesOf(k).has(name))) {
    return new PymemError("UNSUPPORTED", `${label}.${name} is not supported by pymem yet`);
  }
  return new PyException("AttributeError", attributeError);
}
