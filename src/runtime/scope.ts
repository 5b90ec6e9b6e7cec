// Name resolution: the scope chain, then the builtins the sandbox offers.
// Names that would reach the host are refused by name, not merely missing.
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

export function lookupName(sc: Scope, name: string): PyObj {
  for (let s: Scope | null = sc; s !== null; s = s.parent) {
    const v = s.vars.get(name);
    if (v !== undefined) return v;
  }
  const b = builtinTable.get(name);
  if (b !== undefined) return b;
  if (FORBIDDEN_NAMES.has(name)) {
    throw new PymemError("FORBIDDEN", `'${name}' is not available: pymem evaluates in a sandbox without host access`);
  }
  if (UNSUPPORTED_BUILTINS.has(name)) {
    throw new PymemError("UNSUPPORTED", `the builtin '${name}' is not supported by pymem yet`);
  }
  throw new PyException("NameError", `name '${name}' is not defined`);
}
