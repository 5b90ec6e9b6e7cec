// Binding call arguments to a def's or lambda's parameters, with CPython's
// TypeError messages.
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

/** The local variables of a call: positional, defaults, *args, keyword-only, **kwargs. */
export function bindArguments(
  p: ParamSpec,
  defaults: readonly PyObj[],
  kwDefaults: readonly (PyObj | null)[],
  args: readonly PyObj[],
  kw: Kwargs,
): Map<string, PyObj> {
  // The common call: positional arguments only, to plain parameters, defaults filling the rest.
  if (kw.values.size === 0 && p.vararg === null && p.kwarg === null && p.kwonly.length === 0) {
    const n = p.positional.length;
    const firstDefault = n - defaults.length;
    if (args.length <= n && args.length >= firstDefault) {
      const vars = new Map<string, PyObj>();
      for (let i = 0; i < n; i++) vars.set(p.positional[i] as string, (i < args.length ? args[i] : defaults[i - firstDefault]) as PyObj);
      return vars;
    }
  }
  const vars = new Map<string, PyObj>();
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
  return vars;
}
