// Binding call arguments to a def's or lambda's parameters, with CPython's
// TypeError messages.
import type { Block } from "../compiler/symtable.js";
import type { Arguments } from "../python/ast.js";
import { dictSet, newDict } from "./dicts.js";
import { ctx } from "./ctx.js";
import { typeError } from "./errors.js";
import type { Kwargs, PyObj, PyStrObj } from "./objects.js";
import { pyStr } from "./objects.js";
import { newTuple } from "./tuples.js";

export interface ParamSpec {
  readonly name: string;
  /** The function's __qualname__, which call errors name from 3.10 (co_name before). */
  readonly qualname?: string;
  readonly positional: readonly string[];
  readonly posOnly: ReadonlySet<string>;
  readonly kwonly: readonly string[];
  readonly vararg: string | null;
  readonly kwarg: string | null;
}

export function paramSpec(name: string, a: Arguments, qualname?: string): ParamSpec {
  return {
    name,
    ...(qualname === undefined ? {} : { qualname }),
    positional: [...a.posonlyargs, ...a.args].map((x) => x.arg),
    posOnly: new Set(a.posonlyargs.map((x) => x.arg)),
    kwonly: a.kwonlyargs.map((x) => x.arg),
    vararg: a.vararg?.arg ?? null,
    kwarg: a.kwarg?.arg ?? null,
  };
}

/** Where a def's or lambda's parameters sit in a frame of its locals (symtable.ts Block.localIndex). */
export interface FrameLayout {
  readonly size: number;
  /** Each positional parameter's index, in order. */
  readonly positional: readonly number[];
  readonly index: ReadonlyMap<string, number>;
}

export function frameLayout(p: ParamSpec, block: Block): FrameLayout {
  const names = [...p.positional, ...p.kwonly, ...(p.vararg === null ? [] : [p.vararg]), ...(p.kwarg === null ? [] : [p.kwarg])];
  const index = new Map(names.map((n) => [n, block.localIndex(n)]));
  return { size: block.frameSize, positional: p.positional.map((n) => index.get(n) as number), index };
}

/** The frame of a call: its locals, the parameters bound (positional, defaults, *args, keyword-only, **kwargs), the rest unbound. */
export function bindArguments(
  p: ParamSpec,
  layout: FrameLayout,
  defaults: readonly PyObj[],
  kwDefaults: readonly (PyObj | null)[],
  args: readonly PyObj[],
  kw: Kwargs,
): (PyObj | undefined)[] {
  const frame = new Array<PyObj | undefined>(layout.size).fill(undefined);
  // The common call: positional arguments only, to plain parameters, defaults filling the rest.
  if (kw.values.size === 0 && p.vararg === null && p.kwarg === null && p.kwonly.length === 0) {
    const n = p.positional.length;
    const firstDefault = n - defaults.length;
    if (args.length <= n && args.length >= firstDefault) {
      const at = layout.positional;
      for (let i = 0; i < n; i++) frame[at[i] as number] = i < args.length ? args[i] : defaults[i - firstDefault];
      return frame;
    }
  }
  const set = (n: string, v: PyObj): void => void (frame[layout.index.get(n) as number] = v);
  const isSet = (n: string): boolean => frame[layout.index.get(n) as number] !== undefined;
  // _PyEval_MakeFrameVector's order (3.8-3.10; initialize_locals from 3.11): positional
  // arguments, *args, keywords, then too many positional, missing positional, keyword-only.
  const fname = `${ctx().layout.rules.callErrorsNameQualname ? p.qualname ?? p.name : p.name}()`;
  const n = p.positional.length;
  for (let i = 0; i < Math.min(args.length, n); i++) set(p.positional[i] as string, args[i] as PyObj);
  if (p.vararg !== null) set(p.vararg, newTuple(args.slice(n)));
  // The **kwargs dict is filled key by key, in the call's order.
  const kwdict = p.kwarg === null ? null : newDict();
  for (const [k, v] of kw.values) {
    const known = (p.positional.includes(k) && !p.posOnly.has(k)) || p.kwonly.includes(k);
    if (!known) {
      if (kwdict !== null) {
        dictSet(kwdict, kw.keys.get(k) ?? (pyStr(k) as PyStrObj), v);
        continue;
      }
      const posOnly = [...kw.values.keys()].filter((x) => p.posOnly.has(x));
      if (posOnly.length > 0) throw typeError(`${fname} got some positional-only arguments passed as keyword arguments: '${posOnly.join(", ")}'`);
      throw typeError(`${fname} got an unexpected keyword argument '${k}'`);
    }
    if (isSet(k)) throw typeError(`${fname} got multiple values for argument '${k}'`);
    set(k, v);
  }
  if (kwdict !== null) set(p.kwarg as string, kwdict);
  if (args.length > n && p.vararg === null) throw typeError(tooManyPositional(fname, p, defaults.length, args.length, isSet));
  const firstDefault = n - defaults.length;
  const missing = p.positional.slice(args.length, Math.max(args.length, firstDefault)).filter((x) => !isSet(x));
  if (missing.length > 0) throw typeError(missingArguments(fname, "positional", missing));
  for (let i = Math.max(args.length, firstDefault); i < n; i++) if (!isSet(p.positional[i] as string)) set(p.positional[i] as string, defaults[i - firstDefault] as PyObj);
  const missingKw: string[] = [];
  p.kwonly.forEach((x, i) => {
    if (isSet(x)) return;
    const d = kwDefaults[i] ?? null;
    if (d === null) missingKw.push(x);
    else set(x, d);
  });
  if (missingKw.length > 0) throw typeError(missingArguments(fname, "keyword-only", missingKw));
  return frame;
}

/** format_missing: "f() missing 3 required positional arguments: 'a', 'b', and 'c'". */
function missingArguments(fname: string, kind: string, names: readonly string[]): string {
  const q = names.map((x) => `'${x}'`);
  const list = q.length === 1 ? q[0] : q.length === 2 ? `${q[0]} and ${q[1]}` : `${q.slice(0, -1).join(", ")}, and ${q[q.length - 1]}`;
  return `${fname} missing ${names.length} required ${kind} argument${names.length === 1 ? "" : "s"}: ${list}`;
}

/** too_many_positional: the range the defaults allow, and the keyword-only arguments already bound. */
function tooManyPositional(fname: string, p: ParamSpec, defcount: number, given: number, isSet: (n: string) => boolean): string {
  const n = p.positional.length;
  const kwonlyGiven = p.kwonly.filter(isSet).length;
  const sig = defcount > 0 ? `from ${n - defcount} to ${n}` : `${n}`;
  const plural = defcount > 0 || n !== 1;
  const kwonlySig = kwonlyGiven > 0 ? ` positional argument${given !== 1 ? "s" : ""} (and ${kwonlyGiven} keyword-only argument${kwonlyGiven !== 1 ? "s" : ""})` : "";
  return `${fname} takes ${sig} positional argument${plural ? "s" : ""} but ${given}${kwonlySig} ${given === 1 && kwonlyGiven === 0 ? "was" : "were"} given`;
}
