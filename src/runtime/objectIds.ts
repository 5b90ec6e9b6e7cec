// id(): a number per object, stable for the object's life and distinct between
// live objects, as CPython's address is. pymem has no addresses: it hands out
// numbers in the range a 64-bit Linux CPython's heap addresses fall in
// (0x7f.. — 47 bits, so the int is as big as a real id, 2 digits), 16 apart
// like allocations; the values differ from any real run, as real runs differ.
import { argCount } from "./calls.js";
import { ctx } from "./ctx.js";
import { pyInt, type NativeFn, type PyObj } from "./objects.js";

const HEAP_BASE = 0x7f3a_8000_0000;

interface IdTable {
  readonly ids: WeakMap<PyObj, number>;
  next: number;
}

export const idBuiltin: NativeFn = (args) => {
  argCount("id", args, 1, 1);
  const state = ctx().moduleState;
  let table = state.get("builtins.id") as IdTable | undefined;
  if (table === undefined) state.set("builtins.id", (table = { ids: new WeakMap(), next: HEAP_BASE }));
  const o = args[0] as PyObj;
  let id = table.ids.get(o);
  if (id === undefined) {
    table.ids.set(o, (id = table.next));
    table.next += 16;
  }
  return pyInt(id);
};
