// The enum module's Enum: a class statement over Enum (EnumMeta / EnumType)
// makes each member as enum.py does — object.__new__(cls), then _value_,
// _name_ and __objclass__ set in that order, the class's own __init__ with
// the value's items, and from 3.11 _sort_order_ — so a member is an instance
// of the setup's class whose __dict__ holds those attributes (split with the
// class's keys, or managed from 3.11). Equal values make aliases; auto()
// takes the next int as each version's _generate_next_value_ does. The class
// itself answers Color(value), Color['NAME'], iteration, len() and `in`
// (classHooks.ts). IntEnum, StrEnum (3.11+) and the mixed-in forms
// `class X(int, Enum)` / `class X(str, Enum)` make members that are the
// builtin's own objects (int.__new__(cls, value) / str.__new__) whose instance
// part (builtinSubclass.ts) holds the same attributes; their str() and
// format() follow each version's enum.py (ReprEnum from 3.11). Flag, IntFlag,
// other mixed-in types and a member type's own __new__ are refused.
import { enumMembersProxy } from "./enumMembers.js";
import { makeProperty } from "./opaqueObjects.js";
import { setClassHooks, type ClassHooks } from "./classHooks.js";
import { registerSelfCopying } from "./copyModule.js";
import { callObject, emptyKwargs } from "./calls.js";
import { isInstanceOf, lookupClassAttr, makeClass, newInstance } from "./classes.js";
import { compareObj, truthy } from "./compare.js";
import { intern } from "./constPool.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError, keyError, typeError, valueError } from "./errors.js";
import { setInstanceAttrValue, getInstanceAttr } from "./instanceAttrs.js";
import { formatObj, formatValue, reprObject, strObj } from "./format.js";
import { nativeFunction as fn, pyInt, pyStr, pyStrFresh, subOf, typeName, type BuiltinBase, type PyClassObj, type PyInstanceObj, type PyObj, type PyStrObj, type Kwargs, None } from "./objects.js";
import { SETUP_MODULE } from "./typeNew.js";
import { internInPlace } from "./sysIntern.js";
import { markIdentityUncertain } from "./uncertainIdentity.js";
import { internedStateUnfixed } from "../layouts/internedTexts.js";
import { builtinBaseShape } from "./builtinBases.js";
import { asBuiltin, exactResult } from "./builtinSubclass.js";
import { builtinNew } from "./subclassConstruct.js";
import { typeObject } from "./typeObjects.js";
import type { NativeFn } from "./objects.js";
import { materialize } from "./seq.js";
import { strText } from "./text.js";
import { binaryOp } from "./ops.js";
import { sortInPlace } from "./methods.js";
import type { Layout } from "../layouts/layout.js";

export interface EnumInfo {
  /** The members iteration yields, in definition order (instances, or int/str objects carrying their instance part). */
  readonly members: PyObj[];
  /** Every member that is no alias (3.11+ Flag: multi-bit members too, which iteration skips). */
  readonly canonical: PyObj[];
  /** Every name (aliases too) to its member. */
  readonly byName: Map<string, PyObj>;
}

const infos = new WeakMap<PyClassObj, EnumInfo>();
const bases = new WeakMap<Layout, PyClassObj>();

/** What a kind of enum (Flag) changes in EnumType.__new__: auto(), which members iterate, the finished class's hooks. */
export interface EnumFlavor {
  /** _generate_next_value_(name, start, count, last_values). */
  readonly next: (last: readonly PyObj[]) => PyObj;
  /** Whether a canonical member of this value joins _member_names_ (what iteration yields). */
  readonly listed: (value: PyObj) => boolean;
  /** The class made, its members in place: the flavor's hooks over the plain enum's (`kw`: the class keywords). */
  readonly finish: (cls: PyClassObj, hooks: ClassHooks, kw: Kwargs) => ClassHooks;
}

const flavors = new WeakMap<PyClassObj, EnumFlavor>();

/** Makes a stdlib enum base (Flag, IntFlag) and its subclasses follow `f`. */
export function setEnumFlavor(cls: PyClassObj, f: EnumFlavor): void {
  flavors.set(cls, f);
}

export function enumInfo(cls: PyClassObj): EnumInfo | undefined {
  return infos.get(cls);
}


/** A member's instance part: the instance itself, or the part an int/str member carries. */
export function part(self: PyObj | undefined): PyInstanceObj | undefined {
  return self === undefined ? undefined : self.t === "instance" ? self : subOf(self);
}

export function attr(self: PyObj | undefined, name: string): PyObj {
  const p = part(self);
  const v = p !== undefined ? getInstanceAttr(p, name) : undefined;
  if (v === undefined) throw new PyException("AttributeError", name);
  return v;
}

export function memberLabel(self: PyObj): string {
  return `${(part(self) as PyInstanceObj).cls.name}.${strText(attr(self, "_name_") as never)}`;
}

/** enum.Enum for a version: a Python class (EnumMeta's instance) with the members' behaviour. */
export function enumBase(layout: Layout): PyClassObj {
  let base = bases.get(layout);
  if (base !== undefined) return base;
  const attrs = new Map<string, PyObj>([
    ["__module__", pyStr("enum")],
    ["name", makeProperty(fn("name", ([self]) => attr(self, "_name_")), None, None)],
    ["value", makeProperty(fn("value", ([self]) => attr(self, "_value_")), None, None)],
    ["__repr__", fn("__repr__", ([self]) => pyStrFresh(`<${memberLabel(self as PyObj)}: ${strText(reprObject(attr(self, "_value_")))}>`))],
    ["__str__", fn("__str__", ([self]) => pyStrFresh(memberLabel(self as PyObj)))],
    ["__format__", fn("__format__", ([self, spec]) => formatMember(self as PyObj, spec))],
  ]);
  const shape = layout.heapType.shape(layout.heapType.object, 0, true, true, false);
  base = {
    t: "class", name: "Enum", bases: [], mro: [], attrs, slots: [], hasDict: true, hasWeakref: true, shape,
    builtinBase: "object", cachedKeys: null, frozen: false, tupleFields: null, decorated: null, stdlib: true,
    metaclass: metaclassName(layout),
    // enum.py's class statement: type_new caches a keys table for its instances' dicts from the start.
    freshKeys: true,
  };
  (base as { mro: readonly PyClassObj[] }).mro = [base];
  setClassHooks(base, { subclass: makeEnum, missing: refuseMeta, iter: () => [], len: () => 0, repr: enumClassRepr, call: enumBaseCall });
  bases.set(layout, base);
  return base;
}

function specText(spec: PyObj | undefined): string {
  if (spec === undefined) return "";
  if (spec.t !== "str") throw typeError(`format() argument 2 must be str, not ${typeName(spec)}`);
  return strText(spec);
}

/**
 * Enum.__format__: before 3.11 a mixed-in member (its __str__ Enum's) formats its value as the
 * member type does, any other str(self); from 3.11 always str.__format__(str(self), spec).
 */
/** type(Color): EnumMeta, renamed EnumType in 3.11 (the old name stays an alias). */
function metaclassName(layout: Layout): string {
  return (layout.attributeNames()["module enum"] ?? "").split(" ").includes("EnumType") ? "EnumType" : "EnumMeta";
}

function formatMember(self: PyObj, spec: PyObj | undefined): PyObj {
  const sp = specText(spec);
  const cls = (part(self) as PyInstanceObj).cls;
  if (!ctx().layout.rules.enumReprEnum && cls.builtinBase !== "object" && lookupClassAttr(cls, "__str__") === enumBase(ctx().layout).attrs.get("__str__")) {
    return formatObj(attr(self, "_value_"), sp);
  }
  return formatObj(strObj(self), sp);
}

/** int.__format__ / str.__format__ on the member itself (ReprEnum's, 3.11+): an empty spec is str(self). */
function builtinFormat(self: PyObj, spec: PyObj | undefined): PyObj {
  const sp = specText(spec);
  if (sp === "") return strObj(self);
  return pyStr(asBuiltin(self, () => formatValue(self, sp)));
}

/** EnumMeta.__repr__ of a class that is not a Flag. */
/** Calling Enum itself: the functional API (Enum('Color', 'RED GREEN')); a lookup by value finds no member. */
function enumBaseCall(c: PyClassObj, args: readonly PyObj[], kw: Kwargs): PyObj {
  if (args.length >= 2) return functionalEnum(c, args, kw);
  throw new PymemError("UNSUPPORTED", `the functional Enum API (${c.name}('Name', ...))`);
}

const FUNCTIONAL_KEYWORDS: ReadonlySet<string> = new Set(["module", "qualname", "start"]);

/**
 * EnumType._create_ (Enum('Color', names, module=, qualname=, start=)): a str of names split on
 * commas and whitespace (new strs), or a list/tuple of names, numbered by
 * _generate_next_value_ from start; or (name, value) pairs, or a mapping. The class is made as a
 * class statement would make it, its __module__ the caller's; setattr(enum_class, name, member)
 * interns each name, while the member's _name_ keeps the str it was given.
 */
function functionalEnum(c: PyClassObj, args: readonly PyObj[], kw: Kwargs): PyObj {
  if (args.length > 2) throw new PymemError("UNSUPPORTED", "the functional Enum API with more than a name and the names");
  for (const k of kw.values.keys()) if (!FUNCTIONAL_KEYWORDS.has(k)) throw new PymemError("UNSUPPORTED", `the functional Enum API with ${k}=`);
  const [className, names] = args as [PyObj, PyObj];
  if (className.t !== "str") throw new PymemError("UNSUPPORTED", `the functional Enum API with a '${typeName(className)}' class name`);
  if (lookupClassAttr(c, "_generate_next_value_") !== undefined && c.stdlib !== true) throw new PymemError("UNSUPPORTED", `the functional API over ${c.name}'s own _generate_next_value_`);
  const start = kw.values.get("start") ?? pyInt(1);
  const pairs: [PyObj, PyObj][] = [];
  const numbered = (items: readonly PyObj[]): void => {
    const last: PyObj[] = [];
    for (const n of items) {
      const v = last.length === 0 ? start : nextValue(last);
      last.push(v);
      pairs.push([n, v]);
    }
  };
  if (names.t === "str") {
    numbered(strText(names).replace(/,/g, " ").split(/[ \t\n\r\f\v]+/).filter((w) => w !== "").map((w) => pyStrFresh(w)));
  } else if ((names.t === "list" || (names.t === "tuple" && names.cls === undefined)) && subOf(names) === undefined) {
    const items = materialize(names.items);
    if (items.length > 0 && items[0]!.t === "str") numbered(items);
    else for (const it of items) {
      const pair = it.t === "tuple" || it.t === "list" ? materialize(it.items) : null;
      if (pair === null || pair.length !== 2) throw new PymemError("UNSUPPORTED", "the functional Enum API with names that are not (name, value) pairs");
      pairs.push([pair[0]!, pair[1]!]);
    }
  } else if (names.t === "dict" && names.flavor === undefined && subOf(names) === undefined) {
    for (const e of names.table.map.values()) pairs.push([e.key, e.value]);
  } else {
    throw new PymemError("UNSUPPORTED", `the functional Enum API over a '${typeName(names)}' of names`);
  }
  const ns = new Map<string, PyObj>();
  const nameObjects = new Map<string, PyObj>();
  const module = kw.values.get("module");
  ns.set("__module__", module !== undefined && module.t !== "NoneType" ? module : pyStr(SETUP_MODULE));
  const qualname = kw.values.get("qualname");
  ns.set("__qualname__", qualname !== undefined && qualname.t !== "NoneType" ? qualname : className);
  for (const [n, v] of pairs) {
    if (n.t !== "str" || subOf(n) !== undefined) throw new PymemError("UNSUPPORTED", `the functional Enum API with a '${typeName(n)}' member name`);
    const text = strText(n);
    if (!isMemberCandidate(text, v) || ns.has(text)) throw new PymemError("UNSUPPORTED", `the functional Enum API with the name ${JSON.stringify(text)}`);
    ns.set(text, v);
    nameObjects.set(text, n);
  }
  const cls = makeEnum(strText(className), [c], ns, undefined, emptyKwargs, nameObjects);
  // setattr(enum_class, member_name, member): PyUnicode_InternInPlace on each name, in order.
  for (const n of nameObjects.values()) {
    // A text already interned (an identifier the setup compiled) leaves the name as it is; one a
    // module may have interned leaves its identity with the interned str unknown.
    internInPlace(n as PyStrObj, "the functional Enum API's member name", (text) => {
      if (internedStateUnfixed(text)) markIdentityUncertain(n, `the identity of the functional Enum's member name ${JSON.stringify(text)} with another str of that text (whether setattr interned the name depends on the modules the program imported)`);
      return n as PyStrObj;
    });
  }
  return cls;
}

export function enumClassRepr(cls: PyClassObj): string {
  return `<enum '${cls.name}'>`;
}

export function refuseMeta(cls: PyClassObj, name: string): PyObj {
  throw new PymemError("UNSUPPORTED", `the enum attribute ${cls.name}.${name} (EnumType's own)`);
}

/** Names of the class body that are not members: dunders, _sunders_, descriptors and functions. */
export function isMemberCandidate(name: string, v: PyObj): boolean {
  if (name.startsWith("__") && name.endsWith("__")) return false;
  if (name.length > 2 && name.startsWith("_") && name.endsWith("_")) return false;
  if (name.startsWith("_")) return false; // a private name (_Color__x) is not a member either
  if (v.t === "function" || v.t === "class" || v.t === "builtin") return false;
  if (v.t === "opaque" && (v.typeName === "property" || v.typeName === "staticmethod" || v.typeName === "classmethod")) return false;
  return true;
}

export const AUTO = "enum.auto";

/** An auto() object, resolved by EnumType.__new__ (makeEnum). */
export function makeAuto(): PyObj {
  return { t: "opaque", typeName: AUTO, data: null };
}

/** v + 1, or null where that raises TypeError (what _generate_next_value_'s `except TypeError` catches). */
function plusOne(v: PyObj): PyObj | null {
  try {
    return binaryOp("Add", v, pyInt(1));
  } catch (e) {
    if (e instanceof PyException && e.pyType === "TypeError") return null;
    throw e;
  }
}

/** sorted(values) (list.sort: `<` only), or null where a comparison raises TypeError. */
function sortedValues(values: readonly PyObj[]): PyObj[] | null {
  const copy = values.slice();
  try {
    sortInPlace(copy, None, false);
    return copy;
  } catch (e) {
    if (e instanceof PyException && e.pyType === "TypeError") return null;
    throw e;
  }
}

/** The first value from the end that takes + 1, plus one; else start (1). */
function lastIncremented(values: readonly PyObj[]): PyObj {
  for (let i = values.length - 1; i >= 0; i--) {
    const r = plusOne(values[i] as PyObj);
    if (r !== null) return r;
  }
  return pyInt(1);
}

/** Enum._generate_next_value_(name, 1, count, last_values), as the layout's enumAutoNext says the version writes it. */
function nextValue(last: readonly PyObj[]): PyObj {
  if (last.length === 0) return pyInt(1);
  const rule = ctx().layout.rules.enumAutoNext;
  if (rule === "lastIncrementable") return lastIncremented(last);
  const sorted = sortedValues(last);
  if (rule === "largest") {
    if (sorted === null) throw typeError("unable to sort non-numeric values");
    const top = sorted[sorted.length - 1] as PyObj;
    const r = plusOne(top);
    if (r === null) throw typeError(`unable to increment ${strText(reprObject(top))}`);
    return r;
  }
  // largestIfLast: last_values.sort() in place, then the last value + 1 if it is the largest; any TypeError (or another
  // largest) falls back to the old loop over the list as sort() left it. A failed sort of 3+ values leaves it partly sorted.
  if (sorted === null) {
    if (last.length > 2) throw new PymemError("UNSUPPORTED", "auto() after values that do not sort (3.11/3.12 then fall back over the partly sorted list)");
    return lastIncremented(last);
  }
  const lastValue = last[last.length - 1] as PyObj;
  if (truthy(compareObj("Eq", lastValue, sorted[sorted.length - 1] as PyObj))) {
    const r = plusOne(lastValue);
    if (r !== null) return r;
  }
  return lastIncremented(sorted);
}

/** The members' type of a class statement over Enum classes: the builtin first among the bases, else the enum bases' (IntEnum's int). */
function memberType(name: string, baseClasses: readonly PyClassObj[], builtin: BuiltinBase | undefined): BuiltinBase {
  const t = builtin ?? baseClasses.find((b) => b.builtinBase !== "object")?.builtinBase ?? "object";
  if (t !== "object" && t !== "int" && t !== "str") throw new PymemError("UNSUPPORTED", `an Enum whose members are '${t}' objects (${name})`);
  return t;
}

/** EnumMeta.__new__ for `class name(Enum)`: the class, then its members in definition order. */
export function makeEnum(name: string, baseClasses: readonly PyClassObj[], ns: Map<string, PyObj>, builtin?: BuiltinBase, kw: Kwargs = emptyKwargs, nameObjects?: ReadonlyMap<string, PyObj>): PyObj {
  const flavor = baseClasses.map((b) => flavors.get(b)).find((f) => f !== undefined);
  if (flavor === undefined && kw.values.size > 0) throw new PymemError("UNSUPPORTED", "class keywords over an Enum base");
  for (const b of baseClasses) {
    const info = infos.get(b);
    if (info !== undefined && info.members.length > 0) throw typeError(`${name}: cannot extend enumeration '${b.name}'`);
  }
  const mtype = memberType(name, baseClasses, builtin);
  const strEnum = baseClasses.some((b) => b.mro.some((c) => c.stdlib === true && c.name === "StrEnum"));
  // What the class (or a setup base) defines for EnumType to call: its own __new__ (__new_member__), _generate_next_value_.
  const own = (k: string): boolean => ns.has(k) || baseClasses.some((b) => b.mro.some((c) => c.stdlib !== true && c.attrs.has(k)));
  if (own("__new__")) throw new PymemError("UNSUPPORTED", `an Enum with its own __new__ (${name})`);
  const ownNext = own("_generate_next_value_");
  // _EnumDict: auto() values are made as the body assigns them, from the values assigned so far.
  const last: PyObj[] = [];
  const candidates: [string, PyObj][] = [];
  for (const [k, v] of ns) {
    if (!isMemberCandidate(k, v)) continue;
    let value = v;
    if (v.t === "opaque" && v.typeName === AUTO) {
      if (ownNext) throw new PymemError("UNSUPPORTED", `auto() with the class's own _generate_next_value_ (${name})`);
      // StrEnum._generate_next_value_: the name lower-cased; a str mixin's auto() (an int made a str) is refused.
      if (strEnum) value = pyStrFresh(k.toLowerCase());
      else if (mtype === "str") throw new PymemError("UNSUPPORTED", "auto() in a str-mixin Enum");
      else value = flavor !== undefined ? flavor.next(last) : nextValue(last);
    }
    last.push(value);
    candidates.push([k, value]);
  }
  for (const [k] of candidates) ns.delete(k);
  const made = makeClass(name, baseClasses, ns, builtin === undefined ? {} : { builtinBase: builtin });
  // type(Color) is the metaclass: EnumMeta, renamed EnumType in 3.11 (the old name stays an alias).
  const cls: PyClassObj = Object.assign(made, { metaclass: metaclassName(ctx().layout) });
  const info: EnumInfo = { members: [], canonical: [], byName: new Map() };
  if (flavor !== undefined) flavors.set(cls, flavor);
  infos.set(cls, info);
  registerSelfCopying(cls, true);
  const ownInit = lookupClassAttr(cls, "__init__");
  const userInit = ownInit !== undefined && ownInit.t === "function" && cls.mro.some((c) => c.stdlib !== true && c.attrs.get("__init__") === ownInit) ? ownInit : null;
  const sortOrder = ctx().layout.rules.enumSortOrder;
  for (const [k, value] of candidates) {
    const args = value.t === "tuple" && value.cls === undefined ? materialize(value.items) : [value];
    // Every candidate is made a member first (its object, its attributes, __init__) ...
    const [m, memberValue] = newMember(cls, mtype, strEnum, value, args);
    const p = part(m) as PyInstanceObj;
    setInstanceAttrValue(p, "_value_", memberValue);
    setInstanceAttrValue(p, "_name_", nameObjects?.get(k) ?? intern(pyStr(k)));
    setInstanceAttrValue(p, "__objclass__", cls);
    if (userInit !== null) callObject(userInit, [m, ...args], emptyKwargs);
    if (sortOrder) setInstanceAttrValue(p, "_sort_order_", pyInt(info.members.length));
    
    // ... then dropped for the earlier member of an equal value, whose alias the name becomes.
    const same = info.canonical.find((x) => truthy(compareObj("Eq", attr(x, "_value_"), memberValue)));
    if (same !== undefined) {
      info.byName.set(k, same);
      cls.attrs.set(k, same);
      continue;
    }
    info.canonical.push(m);
    if (flavor === undefined || flavor.listed(memberValue)) info.members.push(m);
    info.byName.set(k, m);
    cls.attrs.set(k, m);
  }
  const hooks: ClassHooks = {
    call: (c, args, kw) => {
      if (infos.get(c)?.members.length === 0 && flavor === undefined && args.length >= 2) return functionalEnum(c, args, kw);
      if (args.length !== 1 || kw.values.size > 0) throw new PymemError("UNSUPPORTED", "the functional Enum API (Enum('Name', ...))");
      const v = args[0] as PyObj;
      const found = infos.get(c)?.members.find((m) => m === v || truthy(compareObj("Eq", attr(m, "_value_"), v)));
      if (found !== undefined) return found;
      const invalid = (): PyException => valueError(`${strText(reprObject(v))} is not a valid ${c.attrs.get("__qualname__")?.t === "str" ? strText(c.attrs.get("__qualname__") as never) : c.name}`);
      if (c.mro.some((x) => x.stdlib !== true && x.attrs.has("_missing_"))) return userMissing(c, v, invalid);
      throw invalid();
    },
    iter: (c) => infos.get(c)?.members ?? [],
    len: (c) => infos.get(c)?.members.length ?? 0,
    getitem: (c, key) => {
      const m = key.t === "str" ? infos.get(c)?.byName.get(strText(key)) : undefined;
      if (m === undefined) throw keyError(key, strText(reprObject(key)));
      return m;
    },
    contains: (c, x) => {
      if (x.t === "instance" ? x.cls === c : subOf(x)?.cls === c) return true;
      throw new PymemError("UNSUPPORTED", `\`in\` of a '${typeName(x)}' (not a member) in an Enum class`);
    },
    // EnumType.__members__ over _member_map_: the named members, aliases too (a Flag's pseudo-members join only _value2member_map_).
    missing: (c, name) => (name === "__members__" && infos.get(c) === info ? enumMembersProxy(c, info.byName) : refuseMeta(c, name)),
    subclass: makeEnum,
    repr: enumClassRepr,
  };
  setClassHooks(cls, flavor === undefined ? hooks : flavor.finish(cls, hooks, kw));
  return cls;
}

/**
 * Enum.__new__ past the value lookups: result = cls._missing_(value); a member of cls is the
 * answer, None the ValueError, anything else the TypeError naming it (an exception _missing_
 * raises propagates, with the ValueError as its context).
 */
function userMissing(c: PyClassObj, v: PyObj, invalid: () => PyException): PyObj {
  const hook = lookupClassAttr(c, "_missing_");
  if (hook === undefined || hook.t !== "opaque" || hook.typeName !== "classmethod") throw new PymemError("UNSUPPORTED", `${c.name}(value) with a _missing_ that is not a classmethod`);
  const result = callObject(hook.data as PyObj, [c, v], emptyKwargs);
  if (isInstanceOf(result, c)) return result;
  if (result.t === "NoneType") throw invalid();
  throw typeError(`error in ${c.name}._missing_: returned ${strText(reprObject(result))} instead of None or a valid member`);
}

/**
 * A member's object and its _value_: object.__new__(cls) and the value itself; for a mixed-in
 * type its __new__(cls, *args) and member_type(*args) (the value itself when already of that type);
 * StrEnum.__new__ checks the value is a str and keeps it.
 */
function newMember(cls: PyClassObj, mtype: BuiltinBase, strEnum: boolean, value: PyObj, args: readonly PyObj[]): [PyObj, PyObj] {
  if (mtype === "object") return [newInstance(cls), value];
  if (strEnum) {
    if (args.length > 3) throw typeError(`too many arguments for str(): ${strText(reprObject(value))}`);
    if (args.length !== 1) throw new PymemError("UNSUPPORTED", "a StrEnum member of str(value, encoding, errors)");
    const v = args[0] as PyObj;
    if (v.t !== "str") throw typeError(`${strText(reprObject(v))} is not a string`);
    if (subOf(v) !== undefined) throw new PymemError("UNSUPPORTED", "a StrEnum member whose value is a str subclass's object");
    return [builtinNew(cls, "str", [v], emptyKwargs), v];
  }
  const m = builtinNew(cls, mtype as "int" | "str", args, emptyKwargs);
  const v = args[0] as PyObj;
  const exact = args.length === 1 && v.t === mtype && subOf(v) === undefined;
  return [m, exact ? v : (typeObject(mtype as "int" | "str").call as NativeFn)(args, emptyKwargs)];
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

/** IntEnum, StrEnum and ReprEnum: enum.py's classes over int / str (ReprEnum's str() and format() are the builtin's, 3.11+). */
export function mixedBase(layout: Layout, name: string, builtin: "int" | "str" | null, parents: readonly PyClassObj[]): PyClassObj {
  const key = `${name}`;
  const cache = mixedBases.get(layout) ?? new Map<string, PyClassObj>();
  mixedBases.set(layout, cache);
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const attrs = new Map<string, PyObj>([["__module__", pyStr("enum")]]);
  const repr = parents.some((p) => p.name === "ReprEnum") || name === "ReprEnum";
  if (repr && builtin !== null) {
    // ReprEnum in the bases: __str__ is the builtin's (int's repr, str's str), __format__ the builtin's.
    attrs.set("__str__", fn("__str__", ([self]) => (builtin === "int" ? pyStrFresh(strText(asBuiltin(self as PyObj, () => reprObject(self as PyObj)))) : exactResult(asBuiltin(self as PyObj, () => strObj(self as PyObj)), self as PyObj))));
    attrs.set("__format__", fn("__format__", ([self, spec]) => builtinFormat(self as PyObj, spec)));
  }
  const b = builtin === null ? null : builtinBaseShape(builtin, layout);
  const shape = b === null ? enumBase(layout).shape : layout.heapType.shape(b.shape, 0, true, !b.weakref && !b.varSized, b.varSized);
  const cls: PyClassObj = {
    ...enumBase(layout), name, attrs, mro: [], bases: parents, shape, builtinBase: builtin ?? "object",
    hasWeakref: b === null ? true : b.weakref || !b.varSized,
    freshKeys: b === null || !b.varSized || layout.heapType.varSizedDictShared,
  };
  (cls as { mro: readonly PyClassObj[] }).mro = [cls, ...parents.flatMap((p) => p.mro).filter((c, i, all) => all.indexOf(c) === i)];
  setClassHooks(cls, { subclass: makeEnum, missing: refuseMeta, iter: () => [], len: () => 0, repr: enumClassRepr, call: enumBaseCall });
  cache.set(key, cls);
  return cls;
}

const mixedBases = new WeakMap<Layout, Map<string, PyClassObj>>();

/** The enum module's attributes for a version. */
export function enumModuleAttrs(layout: Layout): [string, PyObj][] {
  const names = new Set((layout.attributeNames()["module enum"] ?? "").split(" "));
  const attrs: [string, PyObj][] = [
    ["Enum", enumBase(layout)],
    ["auto", { t: "builtin", name: "auto", self: null, fn: makeAuto }],
    ["unique", { t: "builtin", name: "unique", self: null, fn: unique }],
    ...enumClasses(layout, names),
    // The metaclass (a Python class over type): type(Color) itself; EnumMeta is EnumType's alias from 3.11.
    ["EnumMeta", typeObject(metaclassName(layout))],
    ["EnumType", typeObject(metaclassName(layout))],
  ];
  return attrs.filter(([n]) => names.has(n));
}

/** IntEnum (3.11+ over ReprEnum), ReprEnum and StrEnum as each version defines them. */
export function enumClasses(layout: Layout, names: ReadonlySet<string>): [string, PyObj][] {
  const e = enumBase(layout);
  if (!names.has("ReprEnum")) return [["IntEnum", mixedBase(layout, "IntEnum", "int", [e])]];
  const repr = mixedBase(layout, "ReprEnum", null, [e]);
  return [["ReprEnum", repr], ["IntEnum", mixedBase(layout, "IntEnum", "int", [repr])], ["StrEnum", mixedBase(layout, "StrEnum", "str", [repr])]];
}
