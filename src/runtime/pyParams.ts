// The parameters of a standard-library function written in Python (Lib/*.py),
// bound as a call of that def binds them: CPython's TypeErrors for a missing,
// repeated or unexpected argument, defaults filled in.
import { bindArguments, type FrameLayout, type ParamSpec } from "./params.js";
import type { Kwargs, PyObj } from "./objects.js";

export interface PyDef {
  readonly spec: ParamSpec;
  readonly layout: FrameLayout;
  readonly defaults: readonly PyObj[];
  readonly kwDefaults: readonly (PyObj | null)[];
}

/**
 * `def name(positional..., *vararg, kwonly..., **kwarg)`: `defaults` are the
 * last positional parameters' defaults, `kwDefaults` one per keyword-only
 * parameter (null: required). Bound values come back in that order.
 */
export function pyDef(
  name: string,
  positional: readonly string[],
  defaults: readonly PyObj[],
  opts: { readonly qualname?: string; readonly posOnly?: number; readonly vararg?: string; readonly kwonly?: readonly string[]; readonly kwDefaults?: readonly (PyObj | null)[]; readonly kwarg?: string } = {},
): PyDef {
  const kwonly = opts.kwonly ?? [];
  const spec: ParamSpec = {
    name,
    ...(opts.qualname === undefined ? {} : { qualname: opts.qualname }),
    positional,
    posOnly: new Set(positional.slice(0, opts.posOnly ?? 0)),
    kwonly,
    vararg: opts.vararg ?? null,
    kwarg: opts.kwarg ?? null,
  };
  const names = [...positional, ...kwonly, ...(opts.vararg === undefined ? [] : [opts.vararg]), ...(opts.kwarg === undefined ? [] : [opts.kwarg])];
  const layout: FrameLayout = { size: names.length, positional: positional.map((_n, i) => i), index: new Map(names.map((n, i) => [n, i])) };
  return { spec, layout, defaults, kwDefaults: opts.kwDefaults ?? kwonly.map(() => null) };
}

/** The call's arguments bound to `d`'s parameters, in declaration order. */
export function bindDef(d: PyDef, args: readonly PyObj[], kw: Kwargs): PyObj[] {
  return bindArguments(d.spec, d.layout, d.defaults, d.kwDefaults, args, kw) as PyObj[];
}
