// Name resolution at run time, as the compiler decided it (src/compiler/symtable.ts):
// a function's locals, an enclosing function's cells, the module's globals, then
// the builtins the sandbox offers. Names that would reach the host are refused
// by name, not merely missing.
import type { NameRef } from "../compiler/symtable.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError } from "./errors.js";
import type { PyObj, Scope } from "./objects.js";

let builtinTable: ReadonlyMap<string, PyObj> = new Map();

export function installBuiltins(table: ReadonlyMap<string, PyObj>): void {
  builtinTable = table;
}

/** Builtins that touch files, processes, code or interpreter internals: never available. */
export const FORBIDDEN_NAMES: ReadonlySet<string> = new Set([
  "open", "__import__", "exec", "eval", "compile", "globals", "locals", "input", "breakpoint",
  "exit", "quit", "help", "__builtins__", "__loader__", "__spec__",
  "print", "dir", "copyright", "credits", "license", "__build_class__",
]);

/** Real builtins pymem does not model yet. */
const UNSUPPORTED_BUILTINS: ReadonlySet<string> = new Set([
  "id", "super",
  "aiter", "anext", "__name__", "__doc__", "__package__",
]);

/** Whether `f` is the builtins module's own function of that name. */
export function isBuiltinFunction(f: PyObj & { readonly name: string }): boolean {
  return builtinTable.get(f.name) === f;
}

/** The builtins module, after the globals: NameError when absent. */
function lookupBuiltin(name: string): PyObj {
  const b = builtinTable.get(name);
  if (b !== undefined) return b;
  if (FORBIDDEN_NAMES.has(name)) {
    throw new PymemError("FORBIDDEN", `'${name}' is not available: pymem evaluates in a sandbox without host access`);
  }
  if (UNSUPPORTED_BUILTINS.has(name) || realBuiltins().has(name)) {
    throw new PymemError("UNSUPPORTED", `the builtin '${name}' is not supported by pymem yet`);
  }
  throw new PyException("NameError", `name '${name}' is not defined`);
}

let realBuiltinNames: ReadonlySet<string> | null = null;

/** Every name CPython's builtins module has: one pymem lacks is refused, not a NameError. */
function realBuiltins(): ReadonlySet<string> {
  realBuiltinNames ??= new Set((ctx().layout.attributeNames["module builtins"] ?? "").split(" "));
  return realBuiltinNames;
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

/** LOAD_FAST / LOAD_DEREF / LOAD_GLOBAL / LOAD_NAME / LOAD_CLASSDEREF. */
export function nameLoader(ref: NameRef, name: string): (sc: Scope) => PyObj {
  switch (ref.kind) {
    case "fast":
      return (sc) => sc.vars.get(name) ?? throwIt(unboundLocal(name));
    case "free": {
      const hops = ref.hops;
      return (sc) => outward(sc, hops).vars.get(name) ?? throwIt(unboundFree(name));
    }
    case "global":
      return (sc) => moduleScope(sc).vars.get(name) ?? lookupBuiltin(name);
    case "name":
      return (sc) => sc.vars.get(name) ?? moduleScope(sc).vars.get(name) ?? lookupBuiltin(name);
    case "classFree": {
      const hops = ref.hops;
      return (sc) => sc.vars.get(name) ?? outward(sc, hops).vars.get(name) ?? throwIt(unboundFree(name));
    }
  }
}

/** STORE_FAST / STORE_DEREF / STORE_GLOBAL / STORE_NAME. */
export function nameStorer(ref: NameRef, name: string): (sc: Scope, v: PyObj) => void {
  switch (ref.kind) {
    case "fast":
    case "name":
      return (sc, v) => void sc.vars.set(name, v);
    case "free":
    case "classFree": {
      const hops = ref.hops;
      return (sc, v) => void outward(sc, hops).vars.set(name, v);
    }
    case "global":
      return (sc, v) => void moduleScope(sc).vars.set(name, v);
  }
}

/** DELETE_FAST / DELETE_DEREF / DELETE_GLOBAL / DELETE_NAME. */
export function nameDeleter(ref: NameRef, name: string): (sc: Scope) => void {
  switch (ref.kind) {
    case "fast":
      return (sc) => {
        if (!sc.vars.delete(name)) throw unboundLocal(name);
      };
    case "free":
    case "classFree": {
      const hops = ref.hops;
      return (sc) => {
        if (!outward(sc, hops).vars.delete(name)) throw unboundFree(name);
      };
    }
    case "global":
      return (sc) => {
        if (!moduleScope(sc).vars.delete(name)) throw new PyException("NameError", `name '${name}' is not defined`);
      };
    case "name":
      return (sc) => {
        if (!sc.vars.delete(name)) throw new PyException("NameError", `name '${name}' is not defined`);
      };
  }
}

function throwIt(e: Error): never {
  throw e;
}
