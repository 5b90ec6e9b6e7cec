// Name resolution at run time, as the compiler decided it (src/compiler/symtable.ts):
// a function's locals, an enclosing function's cells, the module's globals, then
// the builtins the sandbox offers. Names that would reach the host are refused
// by name, not merely missing.
import { starImportedName } from "./missingAttribute.js";
import type { NameRef } from "../compiler/symtable.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError } from "./errors.js";
import { exceptionClasses } from "./exceptions.js";
import { forbiddenBuiltin, forbiddenCall } from "./forbiddenBuiltins.js";
import type { PyObj, Scope } from "./objects.js";

let builtinTable: ReadonlyMap<string, PyObj> = new Map();

export function installBuiltins(table: ReadonlyMap<string, PyObj>): void {
  builtinTable = table;
}

/** Builtins that touch files, processes, code or interpreter internals: never available. */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set([
  "open", "__import__", "exec", "eval", "compile", "globals", "locals", "input", "breakpoint",
  "exit", "quit", "help", "__builtins__", "__loader__", "__spec__",
  "dir", "copyright", "credits", "license", "__build_class__",
]);


/** Whether `f` is the builtins module's own function of that name. */
export function isBuiltinFunction(f: PyObj & { readonly name: string }): boolean {
  return builtinTable.get(f.name) === f;
}

/** The builtins module, after the globals: NameError when absent. */
function lookupBuiltin(name: string): PyObj {
  const b = builtinTable.get(name) ?? exceptionClasses(ctx().layout).get(name);
  if (b !== undefined) return b;
  if (FORBIDDEN_NAMES.has(name)) {
    // open, exec, globals …: the function object, which refuses to run; exit, help …: the site module's objects.
    const named = forbiddenBuiltin(name);
    if (named !== undefined) return named;
    throw forbiddenCall(name);
  }
  // A real builtin of this version that pymem lacks (aiter, anext from 3.10; __doc__ …) is refused; another name is a NameError.
  if (realBuiltins().has(name)) {
    throw new PymemError("UNSUPPORTED", `the builtin '${name}' is not supported by pymem yet`);
  }
  throw starImportedName(name) ?? new PyException("NameError", `name '${name}' is not defined`);
}

/** Per version's attribute table: `--python all` evaluates several versions in one process. */
const realBuiltinNames = new WeakMap<object, ReadonlySet<string>>();

/** Every name CPython's builtins module has: one pymem lacks is refused, not a NameError. */
function realBuiltins(): ReadonlySet<string> {
  const table = ctx().layout.attributeNames();
  let names = realBuiltinNames.get(table);
  if (names === undefined) realBuiltinNames.set(table, (names = new Set((table["module builtins"] ?? "").split(" "))));
  return names;
}

function moduleScope(sc: Scope): Scope {
  let s = sc;
  while (s.parent !== null) s = s.parent;
  return s;
}

function outward(sc: Scope, hops: number): Scope {
  let s = sc;
  for (let i = 0; i < hops && s.parent !== null; i++) s = s.parent;
  return s;
}

function unboundLocal(name: string): PyException {
  return new PyException("UnboundLocalError", `local variable '${name}' referenced before assignment`);
}

function unboundFree(name: string): PyException {
  return new PyException("NameError", `free variable '${name}' referenced before assignment in enclosing scope`);
}

/** A module's or class body's names (never a function frame's). */
function names(sc: Scope): Map<string, PyObj> {
  return sc.vars as Map<string, PyObj>;
}

/** A function's or comprehension's frame of locals. */
function frame(sc: Scope): (PyObj | undefined)[] {
  return sc.fast as (PyObj | undefined)[];
}

/** LOAD_FAST / LOAD_DEREF / LOAD_GLOBAL / LOAD_NAME / LOAD_CLASSDEREF. */
export function nameLoader(ref: NameRef, name: string): (sc: Scope) => PyObj {
  switch (ref.kind) {
    case "fast": {
      const i = ref.index;
      return (sc) => frame(sc)[i] ?? throwIt(unboundLocal(name));
    }
    case "free": {
      const { hops, index } = ref;
      return (sc) => frame(outward(sc, hops))[index] ?? throwIt(unboundFree(name));
    }
    case "global":
      return (sc) => names(moduleScope(sc)).get(name) ?? lookupBuiltin(name);
    case "name":
      return (sc) => names(sc).get(name) ?? names(moduleScope(sc)).get(name) ?? lookupBuiltin(name);
    case "classFree": {
      const { hops, index } = ref;
      return (sc) => names(sc).get(name) ?? frame(outward(sc, hops))[index] ?? throwIt(unboundFree(name));
    }
  }
}

/** STORE_FAST / STORE_DEREF / STORE_GLOBAL / STORE_NAME. */
export function nameStorer(ref: NameRef, name: string): (sc: Scope, v: PyObj) => void {
  switch (ref.kind) {
    case "fast": {
      const i = ref.index;
      return (sc, v) => {
        frame(sc)[i] = v;
      };
    }
    case "name":
      return (sc, v) => void names(sc).set(name, v);
    case "free":
    case "classFree": {
      const { hops, index } = ref;
      return (sc, v) => {
        frame(outward(sc, hops))[index] = v;
      };
    }
    case "global":
      return (sc, v) => void names(moduleScope(sc)).set(name, v);
  }
}

/** DELETE_FAST / DELETE_DEREF / DELETE_GLOBAL / DELETE_NAME. */
export function nameDeleter(ref: NameRef, name: string): (sc: Scope) => void {
  const unbind = (f: (PyObj | undefined)[], i: number, err: () => PyException): void => {
    if (f[i] === undefined) throw err();
    f[i] = undefined;
  };
  switch (ref.kind) {
    case "fast": {
      const i = ref.index;
      return (sc) => unbind(frame(sc), i, () => unboundLocal(name));
    }
    case "free":
    case "classFree": {
      const { hops, index } = ref;
      return (sc) => unbind(frame(outward(sc, hops)), index, () => unboundFree(name));
    }
    case "global":
      return (sc) => {
        if (!names(moduleScope(sc)).delete(name)) throw new PyException("NameError", `name '${name}' is not defined`);
      };
    case "name":
      return (sc) => {
        if (!names(sc).delete(name)) throw new PyException("NameError", `name '${name}' is not defined`);
      };
  }
}

function throwIt(e: Error): never {
  throw e;
}

/** The builtins function `name` the sandbox offers (operator.abs is PyNumber_Absolute, as abs() is). */
export function builtinObject(name: string): PyObj | undefined {
  return builtinTable.get(name);
}
