// dataclasses.dataclass / field, typing.NamedTuple and collections.namedtuple:
// the classes they make, with the attribute-setting order and defaults of the
// code CPython 3.10's dataclasses module generates.
import { callObject } from "./calls.js";
import { makeClass } from "./classes.js";
import { truthy } from "./compare.js";
import { dictGet, dictSet, newDict } from "./dicts.js";
import { PyException, PymemError, typeError, valueError } from "./errors.js";
import { toArray } from "./iteration.js";
import { setInstanceAttrValue } from "./classes.js";
import {
  None, pyStr, type Kwargs, type NativeFn, type PyClassObj, type PyObj, type PyTypeObj,
} from "./objects.js";
import { materialize } from "./seq.js";
import { strText } from "./text.js";
import { newTuple } from "./tuples.js";
import { repr, setInstanceRepr } from "./repr.js";
import { instantiate } from "./classes.js";

interface FieldSpec {
  readonly name: string;
  readonly default: PyObj | null;
  readonly factory: PyObj | null;
  readonly init: boolean;
  readonly repr: boolean;
}

/** field(...) results: what they asked for, by object identity. */
const fieldObjects = new WeakMap<object, Omit<FieldSpec, "name">>();
const dataclassFields = new WeakMap<PyClassObj, readonly FieldSpec[]>();

let fieldClass: PyClassObj | null = null;

function fn(name: string, f: NativeFn): PyObj {
  return { t: "builtin", name, self: null, fn: f };
}

function fieldCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  if (args.length > 0) throw typeError("field() takes 0 positional arguments");
  fieldClass ??= makeClass("Field", [], new Map([["__slots__", newTuple([])]]));
  const f: PyObj = { t: "instance", cls: fieldClass, dict: null, slotValues: new Map() };
  const dflt = kw.values.get("default") ?? null;
  const factory = kw.values.get("default_factory") ?? null;
  if (dflt !== null && factory !== null) throw valueError("cannot specify both default and default_factory");
  fieldObjects.set(f, {
    default: dflt,
    factory,
    init: truthy(kw.values.get("init") ?? { t: "bool", v: true }),
    repr: truthy(kw.values.get("repr") ?? { t: "bool", v: true }),
  });
  return f;
}

function isClassVar(annotation: PyObj): boolean {
  return (annotation.t === "type" && annotation.name === "ClassVar") || (annotation.t === "str" && /^(typing\.)?ClassVar\b/.test(strText(annotation)));
}

function ownFields(cls: PyClassObj): FieldSpec[] {
  const ann = cls.attrs.get("__annotations__");
  if (ann === undefined || ann.t !== "dict") return [];
  const out: FieldSpec[] = [];
  for (const e of ann.table.map.values()) {
    if (isClassVar(e.value)) continue;
    const name = strText(e.key as never);
    const dv = cls.attrs.get(name);
    const spec = dv !== undefined ? fieldObjects.get(dv) : undefined;
    if (spec !== undefined) {
      // A field() default becomes the class attribute; a factory leaves none.
      if (spec.default !== null) cls.attrs.set(name, spec.default);
      else cls.attrs.delete(name);
      out.push({ name, ...spec });
      continue;
    }
    if (dv !== undefined && (dv.t === "list" || dv.t === "dict" || dv.t === "set")) {
      throw valueError(`mutable default <class '${dv.t}'> for field ${name} is not allowed: use default_factory`);
    }
    out.push({ name, default: dv ?? null, factory: null, init: true, repr: true });
  }
  return out;
}

function allFields(cls: PyClassObj): FieldSpec[] {
  const byName = new Map<string, FieldSpec>();
  for (const base of [...cls.mro].reverse().slice(0, -1)) for (const f of dataclassFields.get(base) ?? []) byName.set(f.name, f);
  for (const f of ownFields(cls)) byName.set(f.name, f);
  return [...byName.values()];
}

/** The generated __init__: parameters in field order, then one attribute assignment per field. */
function makeInit(cls: () => PyClassObj, fields: readonly FieldSpec[]): PyObj {
  const params = fields.filter((f) => f.init);
  let sawDefault = false;
  for (const p of params) {
    if (p.default !== null || p.factory !== null) sawDefault = true;
    else if (sawDefault) throw typeError(`non-default argument '${p.name}' follows default argument`);
  }
  return {
    t: "function",
    name: "__init__",
    call: (args, kw) => {
      const self = args[0];
      if (self === undefined || self.t !== "instance") throw typeError("__init__() needs self");
      const given = new Map<string, PyObj>();
      const pos = args.slice(1);
      if (pos.length > params.length) throw typeError(`__init__() takes ${params.length + 1} positional arguments but ${pos.length + 1} were given`);
      params.forEach((p, i) => {
        if (i < pos.length) given.set(p.name, pos[i] as PyObj);
      });
      for (const [k, v] of kw.values) {
        if (!params.some((p) => p.name === k)) throw typeError(`__init__() got an unexpected keyword argument '${k}'`);
        if (given.has(k)) throw typeError(`__init__() got multiple values for argument '${k}'`);
        given.set(k, v);
      }
      const missing = params.filter((p) => !given.has(p.name) && p.default === null && p.factory === null).map((p) => `'${p.name}'`);
      if (missing.length > 0) {
        throw typeError(`__init__() missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${missing.join(" and ")}`);
      }
      for (const f of fields) {
        let v: PyObj | undefined = f.init ? given.get(f.name) : undefined;
        if (v === undefined) {
          if (f.factory !== null) v = callObject(f.factory, []);
          else if (f.init && f.default !== null) v = f.default;
          else continue; // no initialisation: the class attribute serves
        }
        setInstanceAttrValue(self, f.name, v, true);
      }
      const post = cls().attrs.get("__post_init__");
      if (post !== undefined) callObject(post, [self]);
      return None;
    },
  };
}

function applyDataclass(cls: PyClassObj, opts: Kwargs): PyObj {
  const frozen = truthy(opts.values.get("frozen") ?? { t: "bool", v: false });
  const slots = truthy(opts.values.get("slots") ?? { t: "bool", v: false });
  const fields = allFields(cls);
  let target = cls;
  if (slots) {
    // _add_slots: a new class with __slots__ = field names and no __dict__/__weakref__.
    const attrs = new Map(cls.attrs);
    for (const f of fields) attrs.delete(f.name);
    attrs.delete("__dict__");
    attrs.delete("__weakref__");
    attrs.set("__slots__", newTuple(fields.filter((f) => !cls.bases.some((b) => (dataclassFields.get(b) ?? []).some((g) => g.name === f.name))).map((f) => pyStr(f.name))));
    target = makeClass(cls.name, cls.bases, attrs);
  }
  if (!target.attrs.has("__init__") || target.attrs.get("__init__") === cls.attrs.get("__init__")) {
    if (truthy(opts.values.get("init") ?? { t: "bool", v: true }) && !cls.attrs.has("__init__")) {
      const t = target;
      target.attrs.set("__init__", makeInit(() => t, fields));
    }
  }
  target.frozen = frozen || target.bases.some((b) => b.frozen);
  dataclassFields.set(target, fields);
  return target;
}

function dataclassCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  const first = args[0];
  if (first !== undefined) {
    if (first.t !== "class") throw typeError("dataclass() should be called on a class");
    return applyDataclass(first, kw);
  }
  return fn("dataclass", ([c]) => {
    if (c === undefined || c.t !== "class") throw typeError("dataclass() should be called on a class");
    return applyDataclass(c, kw);
  });
}

/** The repr a dataclass generates: Name(field=value, …). */
function dataclassRepr(o: PyObj & { t: "instance" }, active: Set<PyObj>): string | null {
  const fields = dataclassFields.get(o.cls);
  if (fields === undefined) return null;
  const parts = fields.filter((f) => f.repr).map((f) => {
    const v = o.slotValues.get(f.name) ?? (o.dict !== null ? dictGet(o.dict, pyStr(f.name)) : undefined) ?? o.cls.attrs.get(f.name);
    return `${f.name}=${v === undefined ? "?" : repr(v, active)}`;
  });
  return `${o.cls.name}(${parts.join(", ")})`;
}

setInstanceRepr((o, active) => {
  const r = dataclassRepr(o, active);
  if (r !== null) return r;
  const userRepr = o.cls.mro.map((c) => c.attrs.get("__repr__")).find((x) => x !== undefined);
  if (userRepr !== undefined) {
    const s = callObject(userRepr, [o]);
    if (s.t === "str") return strText(s);
  }
  return `<__pymem_setup__.${o.cls.name} object>`;
});

/** A namedtuple class: a tuple subclass with __slots__ = () and named fields. */
export function namedTupleClass(name: string, fields: readonly string[], defaults: readonly PyObj[], ns: Map<string, PyObj> = new Map()): PyClassObj {
  for (const f of fields) {
    if (!/^[A-Za-z_]\w*$/.test(f) || f.startsWith("_")) throw valueError(`Field names cannot start with an underscore: '${f}'`);
  }
  const fd = newDict();
  const first = fields.length - defaults.length;
  defaults.forEach((d, i) => dictSet(fd, pyStr(fields[first + i] as string), d));
  const attrs = new Map(ns);
  attrs.set("__slots__", newTuple([]));
  attrs.set("_fields", newTuple(fields.map((f) => pyStr(f))));
  attrs.set("_field_defaults", fd);
  const cls = makeClass(name, [], attrs, { builtinBase: "tuple", tupleFields: fields });
  attrs.set("_make", fn("_make", ([it]) => instantiate(cls, toArray(it as PyObj), { values: new Map(), keys: new Map() })));
  attrs.set("_replace", {
    t: "function",
    name: "_replace",
    call: (args, kw) => {
      const self = args[0];
      if (self === undefined || self.t !== "tuple") throw typeError("_replace() needs self");
      const items = materialize(self.items).slice();
      for (const [k, v] of kw.values) {
        const i = fields.indexOf(k);
        if (i < 0) throw valueError(`Got unexpected field names: ['${k}']`);
        items[i] = v;
      }
      return { t: "tuple", items, cls };
    },
  });
  attrs.set("_asdict", {
    t: "function",
    name: "_asdict",
    call: (args) => {
      const self = args[0] as PyObj & { t: "tuple" };
      const d = newDict();
      materialize(self.items).forEach((v, i) => dictSet(d, pyStr(fields[i] as string), v));
      return d;
    },
  });
  return cls;
}

function namedtupleCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  const [name, names] = [args[0] ?? kw.values.get("typename"), args[1] ?? kw.values.get("field_names")];
  if (name === undefined || name.t !== "str" || names === undefined) throw typeError("namedtuple() missing required arguments");
  const fields = names.t === "str" ? strText(names).replace(/,/g, " ").split(/\s+/).filter((x) => x !== "") : toArray(names).map((x) => strText(x as never));
  const d = kw.values.get("defaults");
  return namedTupleClass(strText(name), fields, d === undefined || d.t === "NoneType" ? [] : toArray(d));
}

/** class P(NamedTuple): fields from the annotations, defaults from class attributes. */
export function namedTupleFromClassBody(name: string, ns: Map<string, PyObj>): PyObj {
  const ann = ns.get("__annotations__");
  const fields = ann !== undefined && ann.t === "dict" ? [...ann.table.map.values()].map((e) => strText(e.key as never)) : [];
  const defaults: PyObj[] = [];
  for (const f of fields) {
    const v = ns.get(f);
    if (v !== undefined) {
      defaults.push(v);
      ns.delete(f);
    } else if (defaults.length > 0) throw typeError(`Non-default namedtuple field ${f} cannot follow default field${defaults.length === 1 ? "" : "s"}`);
  }
  return namedTupleClass(name, fields, defaults, ns);
}

function typingObject(name: string): PyTypeObj {
  return { t: "type", name, call: null, attrs: new Map() };
}

export function dataclassesModuleAttrs(): [string, PyObj][] {
  return [
    ["dataclass", fn("dataclass", dataclassCall)],
    ["field", fn("field", fieldCall)],
    ["FrozenInstanceError", typingObject("FrozenInstanceError")],
  ];
}

export function typingModuleAttrs(): [string, PyObj][] {
  const names = ["Any", "List", "Dict", "Set", "FrozenSet", "Tuple", "Optional", "Union", "ClassVar", "Callable", "Iterable",
    "Iterator", "Sequence", "Mapping", "MutableMapping", "Type", "Final", "Literal", "Deque", "DefaultDict"];
  const out: [string, PyObj][] = names.map((n) => [n, typingObject(n)]);
  out.push(["NamedTuple", fn("NamedTuple", () => {
    throw new PymemError("UNSUPPORTED", "the functional NamedTuple('P', [...]) form; use the class syntax or collections.namedtuple");
  })]);
  return out;
}

export function namedtupleFunction(): PyObj {
  return fn("namedtuple", namedtupleCall);
}

export { PyException };
