// Argument Clinic's rules for builtin functions and methods, as data: before a
// modelled builtin runs, its arguments are bound against the real signature
// (src/layouts/*/signatures.ts), so a call CPython refuses raises its TypeError
// here too, whatever the model's own implementation would have accepted.
import { ctx } from "./ctx.js";
import { typeError } from "./errors.js";
import { typeName, type Kwargs, type PyBuiltinObj, type PyObj } from "./objects.js";
import { isBuiltinFunction } from "./scope.js";

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
  /** With no keywords, this many positional arguments or more fill every required parameter. */
  readonly enoughPositional: number;
  /** The same as counts, for callers that check by counts. */
  readonly counts: SignatureCounts;
}

export interface SignatureCounts {
  readonly min: number;
  readonly max: number;
  readonly kw: readonly string[] | "any";
}

/** Parsed signatures per layout's table (each version has its own), by owner then name: no key is built per call. */
const parsedByTable = new WeakMap<object, Map<string, Map<string, Signature | null>>>();

function parse(text: string): Signature {
  const params: Param[] = text === "" ? [] : text.split(" ").map((p) => {
    const [name, spec] = p.split(":") as [string, string];
    return { name, kind: spec[0] as Param["kind"], optional: spec.endsWith("?") };
  });
  const positional = params.filter((p) => p.kind === "P" || p.kind === "A");
  const requiredKeywordOnly = params.some((p) => p.kind === "K" && !p.optional);
  const lastRequired = positional.reduce((last, p, i) => (p.optional ? last : i), -1);
  const maxPositional = params.some((p) => p.kind === "V") ? Infinity : positional.length;
  const varKeywords = params.some((p) => p.kind === "W");
  return {
    params,
    maxPositional,
    varKeywords,
    enoughPositional: requiredKeywordOnly ? Infinity : lastRequired + 1,
    counts: {
      min: positional.filter((p) => !p.optional).length,
      max: maxPositional,
      kw: varKeywords ? "any" : params.filter((p) => p.kind === "A" || p.kind === "K").map((p) => p.name),
    },
  };
}

/** The signature of `owner.name` ("" as owner: a builtins function), or null when the layout has none. */
function signatureOf(owner: string, name: string): Signature | null {
  const table = ctx().layout.signatures();
  let byOwner = parsedByTable.get(table);
  if (byOwner === undefined) parsedByTable.set(table, (byOwner = new Map()));
  let byName = byOwner.get(owner);
  if (byName === undefined) byOwner.set(owner, (byName = new Map()));
  let s = byName.get(name);
  if (s === undefined) {
    const text = table[owner === "" ? name : `${owner}.${name}`];
    s = text === undefined ? null : parse(text);
    byName.set(name, s);
  }
  return s;
}


/**
 * The signature of the builtin type `owner`'s attribute `name` as counts: the
 * fewest and most positional arguments and the keywords accepted ("any" with
 * **kwargs), for callers that check a call by counts (src/runtime/signatures.ts checkCall).
 */
export function signatureCounts(owner: string, name: string): SignatureCounts | undefined {
  return signatureOf(owner, name)?.counts;
}

/** The real function's owner for a builtin object: a builtin type's name for a bound method of its value, "" for a builtins function. */
function ownerOf(f: PyBuiltinObj): string | null {
  if (f.module !== undefined) return `module ${f.module}`;
  const self = f.self;
  if (self === null) return isBuiltinFunction(f) ? "" : null;
  if (self.t === "instance" || self.t === "class" || self.t === "type" || self.t === "module") return null;
  return typeName(self);
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
export function bindBuiltinCall(f: PyBuiltinObj, args: readonly PyObj[], kwargs: Kwargs): BoundCall {
  const call = { args, kwargs };
  const owner = ownerOf(f);
  if (owner === null) return call;
  const sig = signatureOf(owner, f.name);
  if (sig === null) return call;
  if (kwargs.values.size === 0 && args.length <= sig.maxPositional && args.length >= sig.enoughPositional) return call;
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
