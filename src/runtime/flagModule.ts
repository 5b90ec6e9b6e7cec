// enum.Flag and enum.IntFlag: classes over Enum whose class statements run
// EnumType.__new__ (enumModule.ts makeEnum) with the Flag flavor — auto()
// as Flag._generate_next_value_ (the next power of two), the members' map
// and masks kept per class (flagState.ts) — and whose members combine with
// | & ^ ~ into pseudo-members, as each version's enum.py makes them:
// flagLegacy.ts for 3.8-3.10, flagBoundary.ts for 3.11+ (the layout's
// flagBoundary rule). From 3.11 the module also has FlagBoundary (a StrEnum
// made as enum.py makes it) and its members STRICT, CONFORM, EJECT, KEEP.
import { classHooks, setClassHooks, type ClassHooks } from "./classHooks.js";
import { lookupClassAttr } from "./classes.js";
import { ctx } from "./ctx.js";
import { AUTO, attr, enumBase, isMemberCandidate, enumClasses, enumInfo, makeAuto, makeEnum, mixedBase, refuseMeta, setEnumFlavor, type EnumFlavor } from "./enumModule.js";
import { PymemError, typeError } from "./errors.js";
import { formatObj, strObj } from "./format.js";
import { arrayBackedIter } from "./iterObject.js";
import { NotImplemented, nativeFunction as fn, pyBool, pyInt, pyStr, pyStrFresh, typeName, type Kwargs, type PyClassObj, type PyObj } from "./objects.js";
import { strText } from "./text.js";
import type { Layout } from "../layouts/layout.js";
import { big, bitLength, classOf, isSingleBit, setFlagState, stateOf, valueOf, flagState, type Boundary } from "./flagState.js";
import { legacyBinary, legacyCall, legacyInvert, legacyRepr, legacyStr, notAFlag, sameFamily } from "./flagLegacy.js";
import { verifyAttrs } from "./flagVerify.js";
import { boundaryCall, boundaryInvert, boundaryRepr, boundaryStr, iterMembers } from "./flagBoundary.js";

const rewritten = (): boolean => ctx().layout.rules.flagBoundary;

/** Flag._generate_next_value_: 1 first, then the power of two above the last value (3.11+: the largest). */
function nextFlag(last: readonly PyObj[]): PyObj {
  if (last.length === 0) return pyInt(1);
  const v = rewritten() ? last.reduce((m, x) => ((big(x) ?? 0n) > (big(m) ?? 0n) ? x : m)) : (last[last.length - 1] as PyObj);
  const b = big(v);
  if (rewritten() && last.some((x) => big(x) === null) && last.length > 1) throw new PymemError("UNSUPPORTED", "auto() after Flag values that are not ints");
  if (b === null) throw typeError(rewritten() ? `invalid flag value ${strText(strObj(v))}` : `Invalid Flag value: ${strText(strObj(v))}`);
  return pyInt(1n << BigInt(bitLength(b)));
}

/** EnumType.__call__ of a Flag class: a member by value (the functional API is refused). */
function callFlag(cls: PyClassObj, args: readonly PyObj[], kw: Kwargs): PyObj {
  if (args.length !== 1 || kw.values.size > 0) throw new PymemError("UNSUPPORTED", "the functional Flag API (Flag('Name', ...))");
  if ((enumInfo(cls)?.byName.size ?? 0) === 0) throw new PymemError("UNSUPPORTED", `calling ${cls.name}, a Flag class without members`);
  const v = args[0] as PyObj;
  return rewritten() ? boundaryCall(cls, v) : legacyCall(cls, v);
}

function boundaryOf(kw: Kwargs, bases: readonly PyClassObj[]): Boundary {
  for (const k of kw.values.keys()) if (k !== "boundary") throw new PymemError("UNSUPPORTED", `the class keyword ${k}= of a Flag`);
  const b = kw.values.get("boundary");
  if (b !== undefined) {
    const v = b.t === "NoneType" ? null : attr(b, "_value_");
    if (v !== null && v.t === "str" && ["strict", "conform", "eject", "keep"].includes(strText(v))) return strText(v) as Boundary;
    if (v !== null) throw new PymemError("UNSUPPORTED", `boundary=${typeName(b)}`);
  }
  for (const c of bases.flatMap((x) => x.mro)) {
    const s = flagState(c);
    if (s !== undefined) return s.boundary;
  }
  return "strict";
}

/** EnumType.__prepare__'s _EnumDict for a Flag body: auto() takes its value as the body assigns it, so later lines can combine members (ALL = R | W). */
class FlagDict extends Map<string, PyObj> {
  private readonly last: PyObj[] = [];

  override set(k: string, v: PyObj): this {
    let value = v;
    if (isMemberCandidate(k, v) && !this.has(k)) {
      if (v.t === "opaque" && v.typeName === AUTO) {
        if (this.has("_generate_next_value_")) throw new PymemError("UNSUPPORTED", "auto() with the class's own _generate_next_value_");
        value = nextFlag(this.last);
      }
      this.last.push(value);
    }
    return super.set(k, value);
  }
}

const prepare = (): Map<string, PyObj> => new FlagDict();

const flavor: EnumFlavor = {
  next: nextFlag,
  listed: (value) => {
    if (!rewritten()) return true;
    const v = big(value);
    if (v === null) throw new PymemError("UNSUPPORTED", `a Flag member whose value is a '${typeName(value)}'`);
    return isSingleBit(v);
  },
  finish: (cls, hooks, kw): ClassHooks => {
    if (cls.builtinBase !== "object" && cls.builtinBase !== "int") throw new PymemError("UNSUPPORTED", `a Flag whose members are '${cls.builtinBase}' objects`);
    // class X(int, Flag) without IntFlag: Flag's own methods over int members (object.__new__ pseudo-members before 3.11).
    if (cls.builtinBase === "int" && !cls.mro.some((c) => c !== cls && flagState(c)?.int === true)) throw new PymemError("UNSUPPORTED", `a Flag mixed with int that is not an IntFlag (${cls.name})`);
    const info = enumInfo(cls);
    const v2m = new Map<bigint, PyObj>();
    let flagMask = 0n, singlesMask = 0n;
    for (const m of info?.canonical ?? []) {
      const v = valueOf(m);
      v2m.set(v, m);
      flagMask |= v;
      if (isSingleBit(v)) singlesMask |= v;
    }
    const values = (info?.members ?? []).map(valueOf);
    setFlagState(cls, {
      int: cls.builtinBase === "int", v2m, flagMask, singlesMask, allBits: (1n << BigInt(bitLength(flagMask))) - 1n,
      boundary: boundaryOf(kw, cls.bases.filter((b): b is PyClassObj => b.t === "class")),
      byDef: values.some((v, i) => i > 0 && v < (values[i - 1] as bigint)),
    });
    return { ...hooks, call: callFlag, subclass: makeEnum, keywords: true, repr: flagClassRepr, prepare };
  },
};

function flagClassRepr(cls: PyClassObj): string {
  return `<${rewritten() ? "flag" : "enum"} '${cls.name}'>`;
}

/** The operand's value for Flag.__or__ & c.: a member's _value_, an int for an IntFlag (3.11+ as it is), else null (NotImplemented). */
function binary(op: (a: bigint, b: bigint) => bigint): (args: readonly PyObj[]) => PyObj {
  return ([self, other]) => {
    const s = self as PyObj, o = other as PyObj;
    const cls = classOf(s);
    if (!rewritten()) return legacyBinary(s, o, op) ?? NotImplemented;
    const st = stateOf(cls);
    let ov: bigint | null = null;
    if (sameFamily(o, cls)) ov = valueOf(o);
    else if (st.int) ov = big(o);
    if (ov === null) return NotImplemented;
    return boundaryCall(cls, pyInt(op(valueOf(s), ov)));
  };
}

function flagMethods(enumCls: PyClassObj): [string, PyObj][] {
  const or = fn("__or__", binary((a, b) => a | b));
  const and = fn("__and__", binary((a, b) => a & b));
  const xor = fn("__xor__", binary((a, b) => a ^ b));
  const methods: [string, PyObj][] = [
    ["__or__", or], ["__and__", and], ["__xor__", xor], ["__ror__", or], ["__rand__", and], ["__rxor__", xor],
    ["__invert__", fn("__invert__", ([self]) => (rewritten() ? boundaryInvert(self as PyObj) : legacyInvert(self as PyObj)))],
    ["__contains__", fn("__contains__", ([self, other]) => {
      const cls = classOf(self as PyObj);
      if (!sameFamily(other as PyObj, cls)) notAFlag("in", other as PyObj, cls);
      const ov = valueOf(other as PyObj);
      return pyBool((ov & valueOf(self as PyObj)) === ov);
    })],
    ["__bool__", fn("__bool__", ([self]) => pyBool(valueOf(self as PyObj) !== 0n))],
    ["__repr__", fn("__repr__", ([self]) => pyStrFresh(rewritten() ? boundaryRepr(self as PyObj) : legacyRepr(self as PyObj)))],
    ["__str__", fn("__str__", ([self]) => pyStrFresh(rewritten() ? boundaryStr(self as PyObj) : legacyStr(self as PyObj)))],
  ];
  const flagStr = methods.find(([n]) => n === "__str__")?.[1];
  // Enum.__format__: 3.11+ str(self) formatted; before, a mixed-in member whose __str__ is Enum's or Flag's formats its value.
  methods.push(["__format__", fn("__format__", ([self, spec]) => {
    const s = self as PyObj;
    const sp = spec === undefined || spec.t !== "str" ? "" : strText(spec);
    const own = lookupClassAttr(classOf(s), "__str__");
    const plain = own === flagStr || own === enumCls.attrs.get("__str__");
    if (rewritten() || classOf(s).builtinBase === "object" || !plain) return formatObj(strObj(s), sp);
    return formatObj(attr(s, "_value_"), sp);
  })]);
  if (rewritten()) {
    methods.push(["__iter__", fn("__iter__", ([self]) => {
      const items = iterMembers(classOf(self as PyObj), valueOf(self as PyObj));
      return arrayBackedIter("generator", () => items);
    })]);
    methods.push(["__len__", fn("__len__", ([self]) => pyInt(valueOf(self as PyObj).toString(2).split("").filter((c) => c === "1").length))]);
  }
  return methods;
}

const made = new WeakMap<Layout, [PyClassObj, PyClassObj]>();

/** enum.Flag and enum.IntFlag for a version (IntFlag over ReprEnum from 3.11). */
function flagClasses(layout: Layout, names: ReadonlySet<string>): [PyClassObj, PyClassObj] {
  const hit = made.get(layout);
  if (hit !== undefined) return hit;
  const e = enumBase(layout);
  const flag = mixedBase(layout, "Flag", null, [e]);
  for (const [k, v] of flagMethods(e)) flag.attrs.set(k, v);
  const repr = enumClasses(layout, names).find(([n]) => n === "ReprEnum")?.[1];
  const parents = repr !== undefined && repr.t === "class" ? [repr, flag] : [flag];
  const intFlag = mixedBase(layout, "IntFlag", "int", parents);
  (intFlag as { mro: readonly PyClassObj[] }).mro = [intFlag, ...parents, e];
  for (const [cls, boundary] of [[flag, "strict"], [intFlag, "keep"]] as const) {
    setEnumFlavor(cls, flavor);
    setFlagState(cls, { int: cls === intFlag, v2m: new Map(), flagMask: 0n, singlesMask: 0n, allBits: 0n, boundary, byDef: false });
    setClassHooks(cls, { ...classHooks(cls), call: callFlag, subclass: makeEnum, keywords: true, missing: refuseMeta, repr: flagClassRepr, prepare });
  }
  made.set(layout, [flag, intFlag]);
  return [flag, intFlag];
}

/** The enum module's Flag attributes for a version: Flag, IntFlag and (3.11+) FlagBoundary with its members. */
export function flagModuleAttrs(layout: Layout): [string, PyObj][] {
  const names = new Set((layout.attributeNames()["module enum"] ?? "").split(" "));
  const [flag, intFlag] = flagClasses(layout, names);
  const attrs: [string, PyObj][] = [["Flag", flag], ["IntFlag", intFlag]];
  const strEnum = enumClasses(layout, names).find(([n]) => n === "StrEnum")?.[1];
  if (names.has("FlagBoundary") && strEnum !== undefined && strEnum.t === "class") {
    const ns = new Map<string, PyObj>([["__module__", pyStr("enum")], ["__qualname__", pyStr("FlagBoundary")]]);
    for (const k of ["STRICT", "CONFORM", "EJECT", "KEEP"]) ns.set(k, makeAuto());
    const fb = makeEnum("FlagBoundary", [strEnum], ns) as PyClassObj;
    // enum's own class: the deep walk stops at its members, as at any stdlib class's instances.
    (fb as { stdlib?: boolean }).stdlib = true;
    attrs.push(["FlagBoundary", fb]);
    for (const m of enumInfo(fb)?.members ?? []) attrs.push([strText(attr(m, "_name_") as never), m]);
    if (names.has("verify")) attrs.push(...verifyAttrs(strEnum));
  }
  return attrs.filter(([n]) => names.has(n));
}

