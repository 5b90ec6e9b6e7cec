// The enum module's Enum: a class statement over Enum (EnumMeta / EnumType)
// makes each member as enum.py does — object.__new__(cls), then _value_,
// _name_ and __objclass__ set in that order, the class's own __init__ with
// the value's items, and from 3.11 _sort_order_ — so a member is an instance
// of the setup's class whose __dict__ holds those attributes (split with the
// class's keys, or managed from 3.11). Equal values make aliases; auto()
// takes the next int as each version's _generate_next_value_ does. The class
// itself answers Color(value), Color['NAME'], iteration, len() and `in`
// (classHooks.ts). IntEnum, StrEnum, Flag, IntFlag and mixed-in member types
// are refused: their members are ints or strs with a __dict__.
import { makeProperty } from "./opaqueObjects.js";
import { setClassHooks } from "./classHooks.js";
import { callObject, emptyKwargs } from "./calls.js";
import { lookupClassAttr, makeClass, newInstance } from "./classes.js";
import { compareObj, truthy } from "./compare.js";
import { intern } from "./constPool.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError, keyError, typeError, valueError } from "./errors.js";
import { setInstanceAttrValue, getInstanceAttr } from "./instanceAttrs.js";
import { reprObject, strObj } from "./format.js";
import { intValue } from "./numbers.js";
import { nativeFunction as fn, pyInt, pyStr, pyStrFresh, typeName, type PyClassObj, type PyInstanceObj, type PyObj, None } from "./objects.js";
import { materialize } from "./seq.js";
import { strText } from "./text.js";
import { binaryOp } from "./ops.js";
import type { Layout } from "../layouts/layout.js";

interface EnumInfo {
  /** Canonical members in definition order. */
  readonly members: PyInstanceObj[];
  /** Every name (aliases too) to its member. */
  readonly byName: Map<string, PyInstanceObj>;
}

const infos = new WeakMap<PyClassObj, EnumInfo>();
const bases = new WeakMap<Layout, PyClassObj>();


function attr(self: PyObj | undefined, name: string): PyObj {
  const v = self !== undefined && self.t === "instance" ? getInstanceAttr(self, name) : undefined;
  if (v === undefined) throw new PyException("AttributeError", name);
  return v;
}

function memberLabel(self: PyInstanceObj): string {
  return `${self.cls.name}.${strText(attr(self, "_name_") as never)}`;
}

/** enum.Enum for a version: a Python class (EnumMeta's instance) with the members' behaviour. */
function enumBase(layout: Layout): PyClassObj {
  let base = bases.get(layout);
  if (base !== undefined) return base;
  const attrs = new Map<string, PyObj>([
    ["__module__", pyStr("enum")],
    ["name", makeProperty(fn("name", ([self]) => attr(self, "_name_")), None, None)],
    ["value", makeProperty(fn("value", ([self]) => attr(self, "_value_")), None, None)],
    ["__repr__", fn("__repr__", ([self]) => pyStrFresh(`<${memberLabel(self as PyInstanceObj)}: ${strText(reprObject(attr(self, "_value_")))}>`))],
    ["__str__", fn("__str__", ([self]) => pyStrFresh(memberLabel(self as PyInstanceObj)))],
    ["__format__", fn("__format__", ([self, spec]) => formatMember(self as PyInstanceObj, spec))],
  ]);
  const shape = layout.heapType.shape(layout.heapType.object, 0, true, true, false);
  base = {
    t: "class", name: "Enum", bases: [], mro: [], attrs, slots: [], hasDict: true, hasWeakref: true, shape,
    builtinBase: "object", cachedKeys: null, frozen: false, tupleFields: null, decorated: null, stdlib: true,
  };
  (base as { mro: readonly PyClassObj[] }).mro = [base];
  setClassHooks(base, { subclass: makeEnum, missing: refuseMeta, iter: () => [], len: () => 0 });
  bases.set(layout, base);
  return base;
}

function formatMember(self: PyInstanceObj, spec: PyObj | undefined): PyObj {
  const s = strObj(self);
  if (spec === undefined || (spec.t === "str" && strText(spec) === "")) return s;
  throw new PymemError("UNSUPPORTED", "format() of an enum member with a format spec");
}

function refuseMeta(cls: PyClassObj, name: string): PyObj {
  throw new PymemError("UNSUPPORTED", `the enum attribute ${cls.name}.${name} (EnumType's own)`);
}

/** Names of the class body that are not members: dunders, _sunders_, descriptors and functions. */
function isMemberCandidate(name: string, v: PyObj): boolean {
  if (name.startsWith("__") && name.endsWith("__")) return false;
  if (name.length > 2 && name.startsWith("_") && name.endsWith("_")) return false;
  if (name.startsWith("_")) return false; // a private name (_Color__x) is not a member either
  if (v.t === "function" || v.t === "class" || v.t === "builtin") return false;
  if (v.t === "opaque" && (v.typeName === "property" || v.typeName === "staticmethod" || v.typeName === "classmethod")) return false;
  return true;
}

const AUTO = "enum.auto";

/** _generate_next_value_ for an int sequence: the last int + 1 (3.13: the largest + 1), or 1. */
function nextValue(last: readonly PyObj[]): PyObj {
  if (last.length === 0) return pyInt(1);
  if (ctx().layout.rules.enumAutoFromMax) {
    if (!last.every((v) => intValue(v) !== null)) throw new PymemError("UNSUPPORTED", "auto() after values that are not ints");
    return binaryOp("Add", last.reduce((m, v) => (truthy(compareObj("Gt", v, m)) ? v : m)), pyInt(1));
  }
  for (let i = last.length - 1; i >= 0; i--) {
    const v = last[i] as PyObj;
    if (intValue(v) !== null) return binaryOp("Add", v, pyInt(1));
  }
  throw new PymemError("UNSUPPORTED", "auto() after values that are not ints");
}

/** EnumMeta.__new__ for `class name(Enum)`: the class, then its members in definition order. */
function makeEnum(name: string, baseClasses: readonly PyClassObj[], ns: Map<string, PyObj>): PyObj {
  for (const b of baseClasses) {
    const info = infos.get(b);
    if (info !== undefined && info.members.length > 0) throw typeError(`${name}: cannot extend enumeration '${b.name}'`);
  }
  // _EnumDict: auto() values are made as the body assigns them, from the values assigned so far.
  const last: PyObj[] = [];
  const candidates: [string, PyObj][] = [];
  for (const [k, v] of ns) {
    if (!isMemberCandidate(k, v)) continue;
    const value = v.t === "opaque" && v.typeName === AUTO ? nextValue(last) : v;
    last.push(value);
    candidates.push([k, value]);
  }
  for (const [k] of candidates) ns.delete(k);
  const made = makeClass(name, baseClasses, ns);
  // type(Color) is the metaclass: EnumMeta, renamed EnumType in 3.11 (the old name stays an alias).
  const cls: PyClassObj = Object.assign(made, { metaclass: ctx().layout.attributeNames["module enum"]?.split(" ").includes("EnumType") ? "EnumType" : "EnumMeta" });
  const info: EnumInfo = { members: [], byName: new Map() };
  infos.set(cls, info);
  const ownInit = lookupClassAttr(cls, "__init__");
  const userInit = ownInit !== undefined && ownInit.t === "function" && cls.mro.some((c) => c.stdlib !== true && c.attrs.get("__init__") === ownInit) ? ownInit : null;
  const sortOrder = ctx().layout.rules.enumSortOrder;
  for (const [k, value] of candidates) {
    // Every candidate is made a member first (its instance, its attributes, __init__) ...
    const m = newInstance(cls);
    setInstanceAttrValue(m, "_value_", value);
    setInstanceAttrValue(m, "_name_", intern(pyStr(k)));
    setInstanceAttrValue(m, "__objclass__", cls);
    if (userInit !== null) {
      const args = value.t === "tuple" && value.cls === undefined ? materialize(value.items) : [value];
      callObject(userInit, [m, ...args], emptyKwargs);
    }
    if (sortOrder) setInstanceAttrValue(m, "_sort_order_", pyInt(info.members.length));
    // ... then dropped for the earlier member of an equal value, whose alias the name becomes.
    const same = info.members.find((x) => truthy(compareObj("Eq", attr(x, "_value_"), value)));
    if (same !== undefined) {
      info.byName.set(k, same);
      cls.attrs.set(k, same);
      continue;
    }
    info.members.push(m);
    info.byName.set(k, m);
    cls.attrs.set(k, m);
  }
  setClassHooks(cls, {
    call: (c, args, kw) => {
      if (args.length !== 1 || kw.values.size > 0) throw new PymemError("UNSUPPORTED", "the functional Enum API (Enum('Name', ...))");
      const v = args[0] as PyObj;
      const found = infos.get(c)?.members.find((m) => m === v || truthy(compareObj("Eq", attr(m, "_value_"), v)));
      if (found === undefined) throw valueError(`${strText(reprObject(v))} is not a valid ${c.attrs.get("__qualname__")?.t === "str" ? strText(c.attrs.get("__qualname__") as never) : c.name}`);
      return found;
    },
    iter: (c) => infos.get(c)?.members ?? [],
    len: (c) => infos.get(c)?.members.length ?? 0,
    getitem: (c, key) => {
      const m = key.t === "str" ? infos.get(c)?.byName.get(strText(key)) : undefined;
      if (m === undefined) throw keyError(key, strText(reprObject(key)));
      return m;
    },
    contains: (c, x) => {
      if (x.t === "instance" && x.cls === c) return true;
      throw new PymemError("UNSUPPORTED", `\`in\` of a '${typeName(x)}' (not a member) in an Enum class`);
    },
    missing: refuseMeta,
    subclass: makeEnum,
  });
  return cls;
}

/** enum.unique: ValueError naming each alias and its member. */
function unique(args: readonly PyObj[]): PyObj {
  const cls = args[0];
  const info = cls !== undefined && cls.t === "class" ? infos.get(cls) : undefined;
  if (cls === undefined || info === undefined) throw typeError("unique() takes an Enum class");
  const dups: string[] = [];
  for (const [k, m] of info.byName) {
    const own = strText(attr(m, "_name_") as never);
    if (own !== k) dups.push(`${k} -> ${own}`);
  }
  if (dups.length > 0) throw valueError(`duplicate values found in ${strText(reprObject(cls))}: ${dups.join(", ")}`);
  return cls;
}

/** IntEnum, StrEnum, Flag …: classes whose subclasses pymem refuses (their members are ints or strs with a __dict__, or combine as flags). */
function refused(layout: Layout, name: string): PyObj {
  const cls: PyClassObj = { ...enumBase(layout), name, attrs: new Map([["__module__", pyStr("enum")]]), mro: [] };
  (cls as { mro: readonly PyClassObj[] }).mro = [cls, enumBase(layout)];
  const no = (): never => {
    throw new PymemError("UNSUPPORTED", `enum.${name} (its members are ints or strs with a __dict__, or combine as flags)`);
  };
  setClassHooks(cls, { subclass: no, call: no, missing: no });
  return cls;
}

/** The enum module's attributes for a version. */
export function enumModuleAttrs(layout: Layout): [string, PyObj][] {
  const names = new Set((layout.attributeNames["module enum"] ?? "").split(" "));
  const attrs: [string, PyObj][] = [
    ["Enum", enumBase(layout)],
    ["auto", { t: "builtin", name: "auto", self: null, fn: () => ({ t: "opaque", typeName: AUTO, data: null }) }],
    ["unique", { t: "builtin", name: "unique", self: null, fn: unique }],
    ...["IntEnum", "StrEnum", "Flag", "IntFlag", "ReprEnum", "EnumMeta", "EnumType"].map((n): [string, PyObj] => [n, refused(layout, n)]),
  ];
  return attrs.filter(([n]) => names.has(n));
}
