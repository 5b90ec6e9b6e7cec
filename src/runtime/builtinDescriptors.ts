// The entries of a C type's __dict__ as CPython hands them out (Objects/descrobject.c):
// `int.__add__` is the slot wrapper stored in int's dict (wrapper_descriptor), `str.join`
// the method descriptor (method_descriptor), both the same object on every access;
// `[1].__len__` binds the slot wrapper to its object (a new method-wrapper each time),
// `'x'.join` the method (a new builtin_function_or_method, or builtin_method for a
// METH_METHOD function), `dict.fromkeys` a classmethod descriptor bound to the class.
// Which entry is which is the version's data (descriptorKinds.ts, from fixtures/attribute_names.py).
import type { Layout } from "../layouts/layout.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { nativeObject } from "./nativeObjects.js";
import { None, pyStr, subOf, typeName, type DescrKind, type Kwargs, type PyBuiltinObj, type PyObj, type PyTypeObj } from "./objects.js";
import { typeObject } from "./typeObjects.js";

/** One C type's row: its MRO by name, its own entries' kind letters (W M N C S B G D F O), the names its metatype shadows. */
interface TypeRow {
  readonly mro: readonly string[];
  readonly kinds: ReadonlyMap<string, string>;
  readonly shadowed: ReadonlySet<string>;
}

/** Where a name is found through a type's MRO: the entry's kind letter and the type whose dict holds it. */
export interface DescrEntry {
  readonly kind: string;
  readonly owner: string;
}

const parsed = new WeakMap<object, Map<string, TypeRow | null>>();

function typeRow(layout: Layout, name: string): TypeRow | null {
  const table = layout.descriptorKinds();
  let rows = parsed.get(table);
  if (rows === undefined) parsed.set(table, (rows = new Map()));
  let row = rows.get(name);
  if (row === undefined) {
    const raw = table[name];
    if (raw === undefined) row = null;
    else {
      const kinds = new Map<string, string>();
      for (const [k, names] of Object.entries(raw)) if (k.length === 1 && k !== "X") for (const n of names.split(" ")) kinds.set(n, k);
      row = { mro: (raw["mro"] ?? name).split(" "), kinds, shadowed: new Set((raw["X"] ?? "").split(" ")) };
    }
    rows.set(name, row);
  }
  return row;
}

/** The entry `name` of C type `typeName` through its MRO, or undefined (not a C type pymem lists, or not found there). */
export function descrEntry(tname: string, name: string, forType = false): DescrEntry | undefined {
  const layout = ctx().layout;
  const row = typeRow(layout, tname);
  if (row === null || (forType && row.shadowed.has(name))) return undefined;
  for (const owner of row.mro) {
    const kind = typeRow(layout, owner)?.kinds.get(name);
    if (kind !== undefined) return { kind, owner };
  }
  return undefined;
}

/** The C type whose dict an object's attributes come from (the builtin base of a subclass's object), or null. */
export function cTypeOf(o: PyObj): string | null {
  switch (o.t) {
    case "instance":
    case "class":
    case "function":
    case "method":
    case "module":
      return null;
    case "type":
      return o.typingForm === true ? null : "type";
    case "dict":
      return o.flavor?.name ?? "dict";
    case "tuple":
      return "tuple";
    default:
      return subOf(o) !== undefined ? o.t : typeName(o);
  }
}

/** Whether `o` is an instance of the C type `owner` (its C type has it in its MRO). */
function isCInstance(o: PyObj, owner: string): boolean {
  if (owner === "object") return true;
  const c = cTypeOf(o);
  if (c === null) return false;
  return (typeRow(ctx().layout, c)?.mro ?? [c]).includes(owner);
}

/** What binding `name` to the object `o` makes, beyond a builtin_function_or_method: {kind, objclass} to spread into it. */
export function boundKind(o: PyObj, name: string): { kind?: DescrKind; objclass?: string } {
  const c = cTypeOf(o);
  if (c === null) return {};
  const e = descrEntry(c, name);
  if (e?.kind === "W") return { kind: "method-wrapper", objclass: e.owner };
  if (e?.kind === "N") return { kind: "builtin_method", objclass: e.owner };
  return {};
}

/** The call of the C type `owner`'s method on its object, past the object's class's own overrides (attributes.ts supplies it). */
export type UnboundCall = (self: PyObj, name: string, args: readonly PyObj[], kw: Kwargs, owner: string) => PyObj;

/**
 * Whether `owner`'s entry is the one the object's own C type uses (int.__add__ on a bool), so
 * that running the object's method runs it; not where the object's type overrides it
 * (dict.__repr__ of an OrderedDict, object.__repr__ of an int): that call is not modelled.
 */
export function ownerEntryApplies(self: PyObj, name: string, owner: string): boolean {
  const c = cTypeOf(self);
  return c !== null && descrEntry(c, name)?.owner === owner;
}

const cached = new WeakMap<object, Map<string, PyObj>>();

/** One object per (version, owner, name): what lives in the type's dict is the same object on every access. */
function once(owner: string, name: string, make: () => PyObj | null): PyObj | null {
  const table = ctx().layout.descriptorKinds();
  let m = cached.get(table);
  if (m === undefined) cached.set(table, (m = new Map()));
  const key = `${owner}.${name}`;
  const have = m.get(key);
  if (have !== undefined) return have;
  const made = make();
  if (made !== null) m.set(key, made);
  return made;
}

/** A slot wrapper or method descriptor: calling it checks its first argument is an `owner`, then runs the method on it. */
function descriptor(owner: string, name: string, slot: boolean, call: UnboundCall): PyBuiltinObj {
  return {
    t: "builtin",
    name,
    self: null,
    kind: slot ? "wrapper_descriptor" : "method_descriptor",
    objclass: owner,
    fn: (args, kw) => {
      const self = args[0];
      if (self === undefined) {
        const old = slot || ctx().layout.rules.descriptorMessages38 === true;
        throw typeError(old ? `descriptor '${name}' of '${owner}' object needs an argument` : `unbound method ${owner}.${name}() needs an argument`);
      }
      if (!isCInstance(self, owner)) {
        throw typeError(slot ? `descriptor '${name}' requires a '${owner}' object but received a '${typeName(self)}'` : `descriptor '${name}' for '${owner}' objects doesn't apply to a '${typeName(self)}' object`);
      }
      return call(self, name, args.slice(1), kw, owner);
    },
  };
}

/** getset_descriptor / member_descriptor of a C type (int.real, slice.start): a leaf, not callable. */
function dataDescriptor(owner: string, name: string, getset: boolean): PyObj {
  const attrs: Record<string, () => PyObj> = {
    __name__: () => pyStr(name),
    __qualname__: () => pyStr(`${owner}.${name}`),
    __objclass__: () => typeObject(owner),
  };
  return nativeObject(getset ? "getset_descriptor" : "member_descriptor", {
    repr: () => `<${getset ? "attribute" : "member"} '${name}' of '${owner}' objects>`,
    attr: (n) => attrs[n]?.(),
  });
}

/**
 * `T.name` for a C type T, from its MRO's dicts: the descriptor itself (one object), a classmethod
 * bound to T (a new one each time), a static method's function. `existing(t)` is what pymem models
 * for that name on the type t (its class and static methods, tp_new); null when it models none.
 * Undefined: not answered from the table (the caller goes on as before).
 */
export function typeDescrAttr(t: PyTypeObj, name: string, call: UnboundCall, existing: (t: PyTypeObj) => PyObj | null): PyObj | null | undefined {
  const e = descrEntry(t.name, name, true);
  if (e === undefined) return undefined;
  switch (e.kind) {
    case "W":
    case "M":
    case "N":
      return once(e.owner, name, () => descriptor(e.owner, name, e.kind === "W", call));
    case "G":
    case "D":
      return once(e.owner, name, () => dataDescriptor(e.owner, name, e.kind === "G"));
    case "C": {
      // classmethod_descriptor.__get__: a new builtin bound to the class the name was looked up on.
      const v = existing(t);
      return v !== null && v.t === "builtin" ? { ...v, name, self: t } : v === null ? null : undefined;
    }
    case "S":
    case "B":
      return ownedFunction(e.owner, name, existing);
    default:
      return undefined;
  }
}

/** A METH_STATIC function or tp_new's __new__: one builtin in the owner's dict, made with the type as its self. */
function ownedFunction(ownerName: string, name: string, existing: (t: PyTypeObj) => PyObj | null): PyObj | null {
  return once(ownerName, name, () => {
    const owner = typeObject(ownerName);
    const v = existing(owner);
    return v !== null && v.t === "builtin" ? { ...v, name, self: owner } : null;
  });
}

/** The names of a C type's own __dict__, or null for a type the version's table does not list. */
export function ownDictNames(tname: string): readonly string[] | null {
  const row = typeRow(ctx().layout, tname);
  return row === null ? null : [...row.kinds.keys()];
}

/**
 * T.__dict__[name], the entry itself: what T.name gives for a slot wrapper, method or data
 * descriptor and tp_new; the classmethod_descriptor (not bound) for a class method; the
 * staticmethod object around a static method. Undefined: an entry pymem does not model.
 */
export function ownDictEntry(t: PyTypeObj, name: string, call: UnboundCall, existing: (t: PyTypeObj) => PyObj | null): PyObj | undefined {
  const kind = typeRow(ctx().layout, t.name)?.kinds.get(name);
  let v: PyObj | null = null;
  switch (kind) {
    case "W":
    case "M":
    case "N":
      v = once(t.name, name, () => descriptor(t.name, name, kind === "W", call));
      break;
    case "G":
    case "D":
      v = once(t.name, name, () => dataDescriptor(t.name, name, kind === "G"));
      break;
    case "B":
      v = ownedFunction(t.name, name, existing);
      break;
    case "S": {
      const f = ownedFunction(t.name, name, existing);
      v = f === null ? null : once(t.name, `${name} staticmethod`, () => ({ t: "opaque", typeName: "staticmethod", data: f }));
      break;
    }
    case "C":
      v = once(t.name, `${name} classmethod_descriptor`, () => classmethodDescriptor(t, name, existing(t)));
      break;
    default:
      break;
  }
  return v ?? undefined;
}

/** dict.__dict__['fromkeys']: called with the class first (classmethoddescr_call), it runs the class method. */
function classmethodDescriptor(t: PyTypeObj, name: string, impl: PyObj | null): PyObj | null {
  if (impl === null || impl.t !== "builtin") return null;
  const fn = impl.fn;
  return {
    t: "builtin", name, self: null, kind: "classmethod_descriptor", objclass: t.name, fn: (args, kw) => {
      const c = args[0];
      if (c === undefined) throw typeError(`descriptor '${name}' of '${t.name}' object needs an argument`);
      if (c.t !== "type" && c.t !== "class") {
        throw typeError(ctx().layout.rules.descriptorMessages38 === true ? `descriptor '${name}' requires a type but received a '${typeName(c)}' instance` : `descriptor '${name}' for type '${t.name}' needs a type, not a '${typeName(c)}' as arg 2`);
      }
      if (c !== t) throw new PymemError("UNSUPPORTED", `${t.name}.__dict__['${name}'] called with another class than ${t.name}`);
      return fn(args.slice(1), kw);
    },
  };
}

/** The attributes of a C callable pymem answers: __name__, __qualname__, __objclass__, __self__. Undefined: not answered. */
export function builtinObjAttr(o: PyBuiltinObj, name: string): PyObj | undefined {
  const descr = o.kind === "wrapper_descriptor" || o.kind === "method_descriptor" || o.kind === "classmethod_descriptor";
  const self = o.self;
  switch (name) {
    case "__name__":
      return o.name.includes(".") ? undefined : pyStr(o.name);
    case "__qualname__":
      if (o.objclass !== undefined) return pyStr(`${o.objclass}.${o.name}`);
      if (self === null) return o.name.includes(".") || o.module !== undefined ? undefined : pyStr(o.name);
      if (self.t === "type") return pyStr(`${self.name}.${o.name}`);
      return subOf(self) === undefined && cTypeOf(self) !== null && self.t !== "tuple" ? pyStr(`${typeName(self)}.${o.name}`) : undefined;
    case "__objclass__":
      if (o.objclass !== undefined) return typeObject(o.objclass);
      throw new PyException("AttributeError", `'${typeName(o)}' object has no attribute '__objclass__'`);
    case "__self__":
      if (descr) throw new PyException("AttributeError", `'${typeName(o)}' object has no attribute '__self__'`);
      if (self === null) return undefined; // a module's function: its module object
      // A METH_STATIC function keeps its type as self, but __self__ says None.
      if (self.t === "type" && descrEntry(self.name, o.name)?.kind === "S") return None;
      return self;
    default:
      return undefined;
  }
}
