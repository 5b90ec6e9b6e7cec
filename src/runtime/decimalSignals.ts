// decimal's exceptions as _decimal makes them (Modules/_decimal/_decimal.c,
// PyInit__decimal): DecimalException over ArithmeticError, one class per
// signal (signal_map, with FloatOperation also a TypeError, DivisionByZero a
// ZeroDivisionError, Overflow and Underflow over Inexact/Rounded/Subnormal) and
// per condition of InvalidOperation (cond_map; DivisionUndefined also a
// ZeroDivisionError), each PyErr_NewException's heap class in module decimal.
// A trapped signal raises its class with one argument, the list of the
// conditions that occurred (dec_addstatus: PyErr_SetObject(ex, flags_as_list)),
// so `except ValueError` misses Decimal('abc')'s InvalidOperation while
// `except ArithmeticError` and `except Exception` catch it.
import { c3, heapTypeNames } from "./classes.js";
import { ctx } from "./ctx.js";
import type { PyException } from "./errors.js";
import { exceptionClasses, registerExceptionMaker } from "./exceptions.js";
import { newClassKeys } from "./instanceDict.js";
import { listAppend, newEmptyList } from "./lists.js";
import { pyStr, type PyClassObj, type PyObj } from "./objects.js";

/** [name, bases]: decimal's own classes by name, builtin exceptions otherwise; in the order _decimal makes them. */
const HIERARCHY: readonly (readonly [string, readonly string[]])[] = [
  ["DecimalException", ["ArithmeticError"]],
  ["Clamped", ["DecimalException"]],
  ["Rounded", ["DecimalException"]],
  ["Inexact", ["DecimalException"]],
  ["Subnormal", ["DecimalException"]],
  ["Underflow", ["Inexact", "Rounded", "Subnormal"]],
  ["Overflow", ["Inexact", "Rounded"]],
  ["DivisionByZero", ["DecimalException", "ZeroDivisionError"]],
  ["FloatOperation", ["DecimalException", "TypeError"]],
  ["InvalidOperation", ["DecimalException"]],
  ["ConversionSyntax", ["InvalidOperation"]],
  ["DivisionImpossible", ["InvalidOperation"]],
  ["DivisionUndefined", ["InvalidOperation", "ZeroDivisionError"]],
  ["InvalidContext", ["InvalidOperation"]],
];

/**
 * decimal's exception classes of an evaluation (the module's first import in a fresh interpreter):
 * type_new caches keys for their instances' dicts before 3.11 (ht_cached_keys, in the class's
 * getsizeof), so they are made per evaluation, their keys fresh.
 */
export function decimalExceptionClasses(): ReadonlyMap<string, PyClassObj> {
  const state = ctx().moduleState;
  let made = state.get("decimal.exceptions") as Map<string, PyClassObj> | undefined;
  if (made !== undefined) return made;
  made = new Map();
  const layout = ctx().layout;
  const builtins = exceptionClasses(layout);
  for (const [name, baseNames] of HIERARCHY) {
    const bases = baseNames.map((b) => (made as Map<string, PyClassObj>).get(b) ?? (builtins.get(b) as PyClassObj));
    const base = bases[0] as PyClassObj;
    // type_new over the exception base: BaseException's dict pointer, a __weakref__ of its own.
    const cls: PyClassObj = {
      t: "class", name, bases, mro: [], attrs: new Map<string, PyObj>([["__module__", pyStr("decimal")]]), slots: [], hasDict: true, hasWeakref: true,
      shape: layout.heapType.shape(base.shape, 0, false, !base.hasWeakref, false), builtinBase: "BaseException", cachedKeys: layout.heapType.managedMembers.dict ? null : newClassKeys(), frozen: false,
      tupleFields: null, decorated: null, stdlib: true,
    };
    (cls as { mro: readonly PyClassObj[] }).mro = c3(cls, bases);
    heapTypeNames.set(cls, pyStr(name));
    made.set(name, cls);
  }
  state.set("decimal.exceptions", made);
  return made;
}

/** The exception a trapped signal raises: its class, with the list of conditions (its text pymem's error carries). */
function signalException(e: PyException): { cls: PyClassObj; args: PyObj[] } | undefined {
  const classes = decimalExceptionClasses();
  const cls = classes.get(e.pyType);
  if (cls === undefined) return undefined;
  const list = newEmptyList();
  for (const m of e.pyMessage.matchAll(/<class 'decimal\.(\w+)'>/g)) {
    const c = classes.get(m[1] as string);
    if (c === undefined) return undefined;
    listAppend(list, c);
  }
  return { cls, args: [list] };
}

for (const name of ["InvalidOperation", "DivisionByZero", "FloatOperation", "Overflow", "Underflow", "Inexact", "Rounded", "Clamped", "Subnormal"]) {
  registerExceptionMaker(name, signalException);
}
