// A module's attributes: the values made once per version (functions, types)
// and those made once per evaluation, on first use (objects with identity
// or state of their own: the string module's interned constants, a Python
// class whose instances share its keys), so no evaluation sees another's.
import { ctx } from "./ctx.js";
import type { PyModuleObj, PyObj } from "./objects.js";

/** getattr(module, name): a value of the module's table, or its per-evaluation one; undefined when it has none. */
export function moduleAttr(m: PyModuleObj, name: string): PyObj | undefined {
  const v = m.attrs.get(name);
  if (v !== undefined) return v;
  const make = m.perEvaluation?.get(name);
  if (make === undefined) return undefined;
  const state = ctx().moduleState;
  const key = `module ${m.name}.${name}`;
  let made = state.get(key) as PyObj | undefined;
  if (made === undefined) state.set(key, (made = make()));
  return made;
}

/** Every name of the module with its value (`from m import *`), the per-evaluation ones made. */
export function moduleItems(m: PyModuleObj): [string, PyObj][] {
  const out: [string, PyObj][] = [...m.attrs];
  for (const name of m.perEvaluation?.keys() ?? []) out.push([name, moduleAttr(m, name) as PyObj]);
  return out;
}
