// The builtin type objects, one per name: makeBuiltins makes those that have a
// constructor; a type reached only through an object (type(x), a class's
// __mro__) is made on first use, without one. Kept apart from builtins.ts so
// that attribute lookup can name a type without importing the builtins.
import { signatureCounts } from "./argumentBinding.js";
import { subOf, typeName, type NativeFn, type PyObj, type PyTypeObj } from "./objects.js";
import { checkCall } from "./signatures.js";
import { PymemError } from "./errors.js";
import { ctx } from "./ctx.js";
import type { Layout } from "../layouts/layout.js";

const typeObjects = new Map<string, PyTypeObj>();

/**
 * A builtin type, which becomes the type object of its name; its function attributes are
 * class or static methods (bytes.fromhex), checked against their real signatures. `heap`:
 * a stdlib C type that is a heap type in the versions whose layout lists it (itertools' from 3.12).
 */
export function newBuiltinType(name: string, call: NativeFn | null, attrs: [string, PyObj][] = [], heap?: "extension"): PyTypeObj {
  const checked = attrs.map(([k, v]): [string, PyObj] => {
    if (v.t !== "builtin") return [k, v];
    const f = v.fn;
    return [k, { ...v, fn: (args, kw) => {
      const sig = signatureCounts(name, k);
      if (sig !== undefined) checkCall(k, sig, args, kw);
      return f(args, kw);
    } }];
  });
  const t: PyTypeObj = { t: "type", name, call, attrs: new Map(checked), ...(heap === undefined ? {} : { heap }) };
  typeObjects.set(name, t);
  return t;
}

/** The metaclasses of the stdlib's Python classes: heap types defined in Python (abc.ABCMeta, enum.EnumMeta / EnumType). */
const METACLASSES: ReadonlySet<string> = new Set(["ABCMeta", "EnumMeta", "EnumType"]);

export function typeObject(name: string): PyTypeObj {
  const have = typeObjects.get(name);
  if (have !== undefined) return have;
  if (METACLASSES.has(name)) {
    // Calling the metaclass itself (ABCMeta('X', (), {})) makes a class the way pymem does not model.
    const t: PyTypeObj = { t: "type", name, call: () => {
      throw new PymemError("UNSUPPORTED", `calling the metaclass ${name}`);
    }, attrs: new Map(), heap: "metaclass" };
    typeObjects.set(name, t);
    return t;
  }
  // A C type of a stdlib module (arrayiterator, _deque_iterator …) is a heap type in the versions whose layout lists its name.
  return newBuiltinType(name, null, [], "extension");
}

/** The stdlib C types a module holds (array.array, collections.deque, decimal.Decimal …), per layout's module tables. */
const moduleTypes = new WeakMap<Layout, Map<string, PyTypeObj>>();

/** Make type(x) of an object of `t` be the module's own type object `t` under this layout (so `type(a) is array.array`). */
export function registerModuleType(layout: Layout, t: PyTypeObj): void {
  let m = moduleTypes.get(layout);
  if (m === undefined) moduleTypes.set(layout, (m = new Map()));
  m.set(t.name, t);
}

/** The class (or builtin type object) of a value, as type(x) gives it. */
export function classOfValue(x: PyObj): PyObj {
  // object()'s instances are modelled with a class of their own; their type is the builtin `object`.
  if (x.t === "instance") return x.cls.objectInstances === true ? typeObject("object") : x.cls;
  if (x.t === "class" && x.meta !== undefined) return x.meta;
  if (x.t === "tuple" && x.cls !== undefined) return x.cls;
  const sub = subOf(x);
  if (sub !== undefined) return sub.cls;
  const name = typeName(x);
  return moduleTypes.get(ctx().layout)?.get(name) ?? typeObject(name);
}

/** The tp_base of the builtin and stdlib types that derive from another than object (bool from int, Counter from dict, ABCMeta from type). */
const TYPE_BASES: Readonly<Record<string, string>> = {
  bool: "int", Counter: "dict", OrderedDict: "dict", defaultdict: "dict", ABCMeta: "type", EnumMeta: "type", EnumType: "type",
  odict_keys: "dict_keys", odict_values: "dict_values", odict_items: "dict_items",
};

export function builtinTypeBase(name: string): string | undefined {
  return TYPE_BASES[name];
}

/** Whether the builtin type `name` is `base` or derives from it. */
export function builtinDerives(name: string, base: string): boolean {
  if (base === "object") return true;
  for (let n: string | undefined = name; n !== undefined; n = TYPE_BASES[n]) if (n === base) return true;
  return false;
}
