// Binding call arguments to a def's or lambda's parameters, with CPython's
// TypeError messages.
import type { Block } from "../compiler/symtable.js";
import type { Arguments } from "../python/ast.js";
import { dictSet, newDict } from "./dicts.js";
import { typeError } from "./errors.js";
import type { Kwargs, PyObj, PyStrObj } from "./objects.js";
import { pyStr } from "./objects.js";
import { newTuple } from "./tuples.js";

export interface ParamSpec {
  readonly name: string;
  readonly positional: readonly string[];
  readonly posOnly: ReadonlySet<string>;
  readonly kwonly: readonly string[];
  readonly vararg: string | null;
  readonly kwarg: string | null;
}

export function paramSpec(name: string, a: Arguments): ParamSpec {
  return {
    name,
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
  const vars = { set: (n: string, v: PyObj): void => void (frame[layout.index.get(n) as number] = v) };
  const fname = `${p.name}()`;
  if (args.length > p.positional.length && p.vararg === null) {
    throw typeError(`${fname} takes ${p.positional.length} positional argument${p.positional.length === 1 ? "" : "s"} but ${args.length} ${args.length === 1 ? "was" : "were"} given`);
  }
  const firstDefault = p.positional.length - defaults.length;
  const missing: string[] = [];
  p.positional.forEach((n, i) => {
    const fromKw = p.posOnly.has(n) ? undefined : kw.values.get(n);
    if (i < args.length && fromKw !== undefined) throw typeError(`${fname} got multiple values for argument '${n}'`);
    const v = i < args.length ? args[i] : fromKw ?? (i >= firstDefault ? defaults[i - firstDefault] : undefined);
    if (v === undefined) missing.push(n);
    else vars.set(n, v);
  });
  if (missing.length > 0) {
    const names = missing.map((m) => `'${m}'`);
    const list = names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
    throw typeError(`${fname} missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${list}`);
  }
  p.kwonly.forEach((n, i) => {
    const v = kw.values.get(n) ?? kwDefaults[i] ?? null;
    if (v === null) throw typeError(`${fname} missing 1 required keyword-only argument: '${n}'`);
    vars.set(n, v);
  });
  if (p.vararg !== null) vars.set(p.vararg, newTuple(args.slice(p.positional.length)));
  const extra = [...kw.values.keys()].filter((k) => !(p.positional.includes(k) && !p.posOnly.has(k)) && !p.kwonly.includes(k));
  if (p.kwarg !== null) {
    // The **kwargs dict is filled key by key.
    const d = newDict();
    for (const k of extra) dictSet(d, kw.keys.get(k) ?? (pyStr(k) as PyStrObj), kw.values.get(k) as PyObj);
    vars.set(p.kwarg, d);
  } else if (extra.length > 0) throw typeError(`${fname} got an unexpected keyword argument '${extra[0]}'`);
  return frame;
}
