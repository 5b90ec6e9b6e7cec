// A function's __defaults__ and __kwdefaults__ (func_get_defaults, func_get_kwdefaults): the
// tuple and dict MAKE_FUNCTION was given, the same objects at every read (None when there are
// none). The defaults tuple is BUILD_TUPLE's, which the optimizer folds into one constant
// when every default is a constant: from 3.10 that constant is merged with the equal
// constants of the compilation (add_const through the const cache), before it the peephole
// optimizer appended a constant of its own (still one object per def site). The
// keyword-only defaults are a presized dict (BUILD_CONST_KEY_MAP; BUILD_MAP from 3.12) keyed
// by the parameters' names, identifiers every version interns.
import type { Arguments, Expr, Span } from "../python/ast.js";
import type { Compiled } from "./compile.js";
import { intern } from "./constPool.js";
import { ctx } from "./ctx.js";
import { dictSet, newDictPresized } from "./dicts.js";
import { None, pyStr, type PyDictObj, type PyObj, type PyTupleObj, type Scope } from "./objects.js";
import { newTuple } from "./tuples.js";

/** What a def (or lambda) evaluates for its defaults when it runs. */
export interface Defaults {
  readonly defs: readonly PyObj[];
  readonly kwDefs: readonly (PyObj | null)[];
  readonly tuple: PyTupleObj | null;
  readonly kwdict: PyDictObj | null;
}

/** Compiles the defaults of `args` (positional, then keyword-only, in CPython's order); `expr` compiles one expression. */
export function compileDefaults(args: Arguments, span: Span, expr: (e: Expr) => Compiled): (sc: Scope) => Defaults {
  const parts = args.defaults.map((d) => expr(d));
  const kwParts = args.kwDefaults.map((d) => (d === null ? null : expr(d).run));
  const kwNames = args.kwonlyargs.map((a) => a.arg);
  let constTuple: PyTupleObj | null = null;
  if (parts.length > 0 && parts.every((p) => p.konst !== null)) {
    const items = parts.map((p) => p.konst as PyObj);
    // From 3.10 the folded tuple is the compilation's constant: compiled as the equal tuple display is.
    const merged = ctx().layout.rules.defaultsTupleUnmerged !== true ? expr({ kind: "Tuple", elts: args.defaults, span }).konst : null;
    constTuple = merged !== null && merged.t === "tuple" ? merged : newTuple(items);
  }
  return (sc) => {
    let tuple: PyTupleObj | null = constTuple;
    let defs: readonly PyObj[];
    if (tuple !== null) defs = parts.map((p) => p.konst as PyObj);
    else {
      defs = parts.map((p) => p.run(sc));
      tuple = defs.length === 0 ? null : newTuple([...defs]);
    }
    const kwDefs = kwParts.map((d) => (d === null ? null : d(sc)));
    const given = kwDefs.filter((v) => v !== null).length;
    let kwdict: PyDictObj | null = null;
    if (given > 0) {
      kwdict = newDictPresized(given, true);
      kwDefs.forEach((v, i) => {
        if (v !== null) dictSet(kwdict as PyDictObj, intern(pyStr(kwNames[i] as string)), v);
      });
    }
    return { defs, kwDefs, tuple, kwdict };
  };
}

const recorded = new WeakMap<object, Defaults>();

/** Records what `f`'s def gave it. */
export function setFunctionDefaults(f: PyObj, d: Defaults): void {
  recorded.set(f, d);
}

/** f.__defaults__ / f.__kwdefaults__ of a def or lambda pymem made (undefined: another name, or a function it did not record). */
export function functionDefaultsAttr(f: PyObj, name: string): PyObj | undefined {
  if (name !== "__defaults__" && name !== "__kwdefaults__") return undefined;
  const d = recorded.get(f);
  if (d === undefined) return undefined;
  return (name === "__defaults__" ? d.tuple : d.kwdict) ?? None;
}
