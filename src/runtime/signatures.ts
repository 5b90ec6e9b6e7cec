// The calling conventions of the builtins (bltinmodule.c and the type
// constructors, as Argument Clinic and METH_O declare them in 3.10): how many
// positional arguments each takes and which keywords it accepts. Checked once
// at the call boundary so that a wrong call is CPython's TypeError rather than
// a guess from a missing argument.
import { typeError } from "./errors.js";
import type { Kwargs, NativeFn, PyObj } from "./objects.js";

export interface Signature {
  readonly min: number;
  /** Most positional arguments; Infinity for *args. */
  readonly max: number;
  /** Keywords accepted; "any" for **kwargs (dict). */
  readonly kw: readonly string[] | "any";
  /** Names of the positional-or-keyword parameters, in order (a keyword can stand for a positional). */
  readonly named?: readonly string[];
  /** METH_O / METH_NOARGS style message ("takes exactly one argument (N given)"). */
  readonly methO?: boolean;
  /** The message when too few arguments come, where CPython words it specially. */
  readonly tooFew?: string;
}

const O: Signature = { min: 1, max: 1, kw: [], methO: true };
const sig = (min: number, max: number, kw: readonly string[] | "any" = [], named?: readonly string[]): Signature =>
  named === undefined ? { min, max, kw } : { min, max, kw, named };

export const BUILTIN_SIGNATURES: ReadonlyMap<string, Signature> = new Map<string, Signature>([
  ["abs", O], ["all", O], ["any", O], ["ascii", O], ["bin", O], ["callable", O], ["chr", O], ["hex", O], ["oct", O],
  ["ord", O], ["len", O], ["repr", O], ["hash", O], ["id", O],
  ["delattr", sig(2, 2)], ["getattr", sig(2, 3)], ["hasattr", sig(2, 2)], ["setattr", sig(3, 3)],
  ["isinstance", sig(2, 2)], ["issubclass", sig(2, 2)], ["divmod", sig(2, 2)], ["format", sig(1, 2)],
  ["iter", sig(1, 2)], ["next", sig(1, 2)], ["vars", sig(0, 1)],
  ["min", { min: 1, max: Infinity, kw: ["key", "default"], tooFew: "min expected at least 1 argument, got 0" }],
  ["max", { min: 1, max: Infinity, kw: ["key", "default"], tooFew: "max expected at least 1 argument, got 0" }],
  ["pow", sig(0, 3, ["base", "exp", "mod"], ["base", "exp", "mod"])],
  ["round", sig(0, 2, ["number", "ndigits"], ["number", "ndigits"])],
  ["sorted", { min: 1, max: 1, kw: ["key", "reverse"], tooFew: "sorted expected 1 argument, got 0" }],
  ["sum", sig(1, 2, ["start"])],
  ["zip", sig(0, Infinity, ["strict"])],
  ["map", { min: 2, max: Infinity, kw: [], tooFew: "map() must have at least two arguments." }],
  ["filter", sig(2, 2)],
  ["enumerate", { min: 1, max: 2, kw: ["iterable", "start"], named: ["iterable", "start"], tooFew: "enumerate() missing required argument 'iterable' (pos 1)" }],
  ["reversed", sig(1, 1)],
  ["range", { min: 1, max: 3, kw: [], tooFew: "range expected at least 1 argument, got 0" }],
  ["slice", { min: 1, max: 3, kw: [], tooFew: "slice expected at least 1 argument, got 0" }],
  ["bool", sig(0, 1)], ["float", sig(0, 1)], ["list", sig(0, 1)], ["tuple", sig(0, 1)], ["set", sig(0, 1)],
  ["frozenset", sig(0, 1)],
  ["int", sig(0, 2, ["base"])],
  ["str", sig(0, 3, ["object", "encoding", "errors"], ["object", "encoding", "errors"])],
  ["bytes", sig(0, 3, ["source", "encoding", "errors"], ["source", "encoding", "errors"])],
  ["bytearray", sig(0, 3, ["source", "encoding", "errors"], ["source", "encoding", "errors"])],
  ["dict", sig(0, 1, "any")],
  ["complex", sig(0, 2, ["real", "imag"], ["real", "imag"])],
  ["object", sig(0, 0)],
]);

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** Raises CPython's TypeError for a call that does not fit `name`'s signature. */
export function checkCall(name: string, s: Signature, args: readonly PyObj[], kw: Kwargs): void {
  // Positional arguments only, within the counts: nothing to check by name.
  if (kw.values.size === 0 && args.length >= s.min && args.length <= s.max && (s.methO !== true || args.length === 1)) return;
  if (s.kw !== "any") {
    for (const k of kw.values.keys()) {
      if (s.kw.includes(k)) continue;
      if (s.kw.length === 0) throw typeError(`${name}() takes no keyword arguments`);
      throw typeError(`'${k}' is an invalid keyword argument for ${name}()`);
    }
  }
  if (s.named !== undefined) {
    s.named.forEach((p, i) => {
      if (i < args.length && kw.values.has(p)) {
        throw typeError(`argument for ${name}() given by name ('${p}') and position (${i + 1})`);
      }
    });
  }
  // Positional-or-keyword parameters may come by name; without their order, count every accepted keyword.
  const byName = s.named !== undefined ? s.named.filter((p, i) => i >= args.length && kw.values.has(p)).length
    : s.kw === "any" ? 0 : s.kw.filter((k) => kw.values.has(k)).length;
  const n = args.length + byName;
  if (s.methO === true && args.length !== 1) throw typeError(`${name}() takes exactly one argument (${args.length} given)`);
  if (n < s.min) {
    if (s.tooFew !== undefined) throw typeError(s.tooFew);
    throw typeError(s.min === s.max ? `${name} expected ${plural(s.min, "argument")}, got ${n}` : `${name} expected at least ${plural(s.min, "argument")}, got ${n}`);
  }
  if (args.length > s.max) {
    throw typeError(s.min === s.max ? `${name} expected ${plural(s.max, "argument")}, got ${args.length}` : `${name} expected at most ${plural(s.max, "argument")}, got ${args.length}`);
  }
}

/** `f` behind `name`'s signature check, when the table has one. */
export function withSignature(name: string, f: NativeFn): NativeFn {
  const s = BUILTIN_SIGNATURES.get(name);
  if (s === undefined) return f;
  return (args, kw) => {
    checkCall(name, s, args, kw);
    return f(args, kw);
  };
}
