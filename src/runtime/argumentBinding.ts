// Argument Clinic's rules for builtin functions and methods, as data: before a
// modelled builtin runs, its arguments are bound against the real signature
// (src/layouts/*/signatures.ts), so a call CPython refuses raises its TypeError
// here too, whatever the model's own implementation would have accepted.
import { ctx } from "./ctx.js";
import { typeError } from "./errors.js";
import { typeName, type Kwargs, type PyBuiltinObj, type PyObj } from "./objects.js";

interface Param {
  readonly name: string;
  readonly kind: "P" | "A" | "V" | "K" | "W";
  readonly optional: boolean;
}

interface Signature {
  readonly params: readonly Param[];
  /** How many arguments may be passed by position (Infinity with *args). */
  readonly maxPositional: number;
  readonly varKeywords: boolean;
}

const parsed = new Map<string, Signature | null>();

function parse(text: string): Signature {
  const params: Param[] = text === "" ? [] : text.split(" ").map((p) => {
    const [name, spec] = p.split(":") as [string, string];
    return { name, kind: spec[0] as Param["kind"], optional: spec.endsWith("?") };
  });
  const positional = params.filter((p) => p.kind === "P" || p.kind === "A").length;
  return {
    params,
    maxPositional: params.some((p) => p.kind === "V") ? Infinity : positional,
    varKeywords: params.some((p) => p.kind === "W"),
  };
}

function signature(key: string): Signature | null {
  let s = parsed.get(key);
  if (s === undefined) {
    const text = ctx().layout.signatures[key];
    s = text === undefined ? null : parse(text);
    parsed.set(key, s);
  }
  return s;
}

/**
 * The same signature as counts: the fewest and most positional arguments and
 * the keywords accepted ("any" with **kwargs), for callers that check a call
 * by counts (src/runtime/signatures.ts checkCall).
 */
export function signatureCounts(key: string): { min: number; max: number; kw: readonly string[] | "any" } | undefined {
  const sig = signature(key);
  if (sig === null) return undefined;
  const positional = sig.params.filter((p) => p.kind === "P" || p.kind === "A");
  const min = positional.filter((p) => !p.optional).length;
  const kw = sig.varKeywords ? "any" : sig.params.filter((p) => p.kind === "A" || p.kind === "K").map((p) => p.name);
  return { min, max: sig.maxPositional, kw };
}

/** The real function's name for a builtin object: a bound method of a builtin type's value, or a builtins function. */
function keyOf(f: PyBuiltinObj, isBuiltinFunction: (f: PyBuiltinObj) => boolean): string | null {
  const self = f.self;
  if (self === null) return isBuiltinFunction(f) ? f.name : null;
  if (self.t === "instance" || self.t === "class" || self.t === "type" || self.t === "module") return null;
  return `${typeName(self)}.${f.name}`;
}

export interface BoundCall {
  readonly args: readonly PyObj[];
  readonly kwargs: Kwargs;
}

/**
 * Raise the TypeError CPython's argument parsing raises for this call, if any;
 * otherwise the call with every keyword that names a positional-or-keyword
 * parameter moved to its position (a gap before it is a hole: absent), so the
 * model's implementations, which read positions, see `sep=':'` as the real one does.
 */
export function bindBuiltinCall(f: PyBuiltinObj, args: readonly PyObj[], kwargs: Kwargs, isBuiltinFunction: (f: PyBuiltinObj) => boolean): BoundCall {
  const call = { args, kwargs };
  const key = keyOf(f, isBuiltinFunction);
  if (key === null) return call;
  const sig = signature(key);
  if (sig === null) return call;
  check(sig, `${f.name}()`, args, kwargs);
  if (kwargs.values.size === 0) return call;
  const positional = sig.params.filter((p) => p.kind === "P" || p.kind === "A");
  const moved: PyObj[] = [...args];
  const values = new Map(kwargs.values);
  const keys = new Map(kwargs.keys);
  positional.forEach((p, i) => {
    const v = p.kind === "A" ? values.get(p.name) : undefined;
    if (v === undefined) return;
    moved[i] = v;
    values.delete(p.name);
    keys.delete(p.name);
  });
  return { args: moved, kwargs: { values, keys } };
}

function check(sig: Signature, name: string, args: readonly PyObj[], kwargs: Kwargs): void {
  if (args.length > sig.maxPositional) {
    const n = sig.maxPositional;
    throw typeError(n === 0 ? `${name} takes no arguments (${args.length} given)` : `${name} takes at most ${n} argument${n === 1 ? "" : "s"} (${args.length} given)`);
  }
  const filled = new Set<string>();
  let i = 0;
  for (const p of sig.params) {
    if (p.kind !== "P" && p.kind !== "A") continue;
    if (i < args.length) filled.add(p.name);
    i++;
  }
  for (const k of kwargs.values.keys()) {
    const p = sig.params.find((x) => x.name === k && (x.kind === "A" || x.kind === "K"));
    if (p === undefined) {
      if (sig.varKeywords) continue;
      const takesKeywords = sig.params.some((x) => x.kind === "A" || x.kind === "K");
      throw typeError(takesKeywords ? `${name} got an unexpected keyword argument '${k}'` : `${name} takes no keyword arguments`);
    }
    if (filled.has(k)) throw typeError(`argument for ${name} given by name ('${k}') and position`);
    filled.add(k);
  }
  for (const p of sig.params) {
    if (p.optional || p.kind === "V" || p.kind === "W" || filled.has(p.name)) continue;
    throw typeError(`${name} missing required argument '${p.name}'`);
  }
}
