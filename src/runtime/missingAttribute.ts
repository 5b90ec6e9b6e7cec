// A lookup that misses in pymem's model: an AttributeError only when the real
// type (or module) has no such attribute either; otherwise an honest refusal,
// since a wrong exception is as wrong as a wrong size.
import { ctx } from "./ctx.js";
import { PyException, PymemError } from "./errors.js";
import type { PyObj } from "./objects.js";

/** The names of each type, per layout's table (each version has its own). */
const cacheByTable = new WeakMap<object, Map<string, ReadonlySet<string> | null>>();

/** The attribute names of `key` in this version (null: no table for it). */
function namesOf(key: string): ReadonlySet<string> | null {
  const table = ctx().layout.attributeNames();
  let cache = cacheByTable.get(table);
  if (cache === undefined) cacheByTable.set(table, (cache = new Map()));
  let s = cache.get(key);
  if (s === undefined) {
    const text = table[key];
    s = text === undefined ? null : new Set(text.split(" "));
    cache.set(key, s);
  }
  return s;
}

/**
 * Whether the real type `key` has attribute `name` in this version (its own
 * table or object's); true when there is no table for it, so only a version
 * known to lack the name refuses it.
 */
export function typeHasAttribute(key: string, name: string): boolean {
  const own = namesOf(key);
  return own === null || own.has(name) || (namesOf("object")?.has(name) ?? false);
}

/** Whether the version's table lists `name` among the real type `key`'s own names. */
export function typeListsOwn(key: string, name: string): boolean {
  return namesOf(key)?.has(name) === true;
}


/** The first of `keys` the version's table does not list (null: all listed). */
export function unlistedOwner(keys: readonly string[]): string | null {
  return keys.find((k) => namesOf(k) === null) ?? null;
}

/**
 * The error for `name` missing on an object whose real type is described by
 * `keys` (type names, "type" for type objects, "module NAME"): `object`'s
 * names count for every type but modules.
 */
export function missingAttribute(keys: readonly string[], name: string, label: string, attributeError: string): PyException | PymemError {
  const withObject = keys.some((k) => !k.startsWith("module ")) ? [...keys, "object"] : keys;
  if (withObject.some((k) => namesOf(k)?.has(name) === true)) {
    return new PymemError("UNSUPPORTED", `${label}.${name} is not supported by pymem yet`);
  }
  return new PyException("AttributeError", attributeError);
}

/** `from m import *` ran in this evaluation: a name it would have bound that pymem's m lacks is refused, not a NameError. */
export function noteStarImport(moduleName: string): void {
  const state = ctx().moduleState;
  let modules = state.get("star imports") as Set<string> | undefined;
  if (modules === undefined) state.set("star imports", (modules = new Set()));
  modules.add(moduleName);
}

/** The refusal for an undefined `name` that a star import of a real module would have bound (null: none did). */
export function starImportedName(name: string): PymemError | null {
  // SETUP_ANNOTATIONS makes the module's __annotations__ dict when the code annotates a name: not modelled.
  if (name === "__annotations__") return new PymemError("UNSUPPORTED", "the module-level __annotations__ dict");
  const modules = ctx().moduleState.get("star imports") as Set<string> | undefined;
  for (const m of modules ?? []) {
    if (!name.startsWith("_") && namesOf(`module ${m}`)?.has(name) === true) return new PymemError("UNSUPPORTED", `${m}.${name} (bound by from ${m} import *) is not supported by pymem yet`);
  }
  return null;
}

/**
 * An opaque object (a type pymem keeps whole, ChainMap's, a mappingproxy's) lacking a slot
 * pymem models: refused when the real type defines the special method, so the TypeError
 * CPython would not raise is never answered.
 */
export function refuseModelledSlot(o: PyObj, dunder: string): void {
  if (o.t === "opaque" && typeListsOwn(o.typeName, dunder)) throw new PymemError("UNSUPPORTED", `${o.typeName}.${dunder} is not supported by pymem yet`);
}
