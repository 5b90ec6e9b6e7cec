// What enum.py keeps on a Flag class for its members' arithmetic: the
// _value2member_map_ (members and the pseudo-members made since, in insertion
// order: they are real objects, cached for good), and from 3.11 the masks
// EnumType computes as members are made (_flag_mask_, _singles_mask_,
// _all_bits_) and the class's FlagBoundary. Shared by the 3.8-3.10 model
// (flagLegacy.ts) and the 3.11+ one (flagBoundary.ts).
import { attr, enumInfo, part } from "./enumModule.js";
import { PymemError } from "./errors.js";
import { setInstanceAttrValue } from "./instanceAttrs.js";
import { newInstance } from "./classes.js";
import { emptyKwargs } from "./calls.js";
import { intValue } from "./numbers.js";
import { builtinNew } from "./subclassConstruct.js";
import { typeName, type PyClassObj, type PyInstanceObj, type PyObj } from "./objects.js";

export type Boundary = "strict" | "conform" | "eject" | "keep";

export interface FlagState {
  /** IntFlag: members are int objects (int.__new__(cls, value)). */
  readonly int: boolean;
  /** _value2member_map_ keyed by the int value. */
  readonly v2m: Map<bigint, PyObj>;
  flagMask: bigint;
  singlesMask: bigint;
  allBits: bigint;
  boundary: Boundary;
  /** _iter_member_ is _iter_member_by_def_ (the listed members' values are not increasing). */
  byDef: boolean;
}

const states = new WeakMap<PyClassObj, FlagState>();

export function flagState(cls: PyClassObj): FlagState | undefined {
  return states.get(cls);
}

export function setFlagState(cls: PyClassObj, s: FlagState): void {
  states.set(cls, s);
}

/** The class of a member (or pseudo-member). */
export function classOf(self: PyObj): PyClassObj {
  return (part(self) as PyInstanceObj).cls;
}

export function stateOf(cls: PyClassObj): FlagState {
  const s = states.get(cls);
  if (s === undefined) throw new PymemError("UNSUPPORTED", `enum.Flag without members' state (${cls.name})`);
  return s;
}

/** An int PyObj's value as a bigint (bool too), or null. */
export function big(o: PyObj): bigint | null {
  const v = intValue(o);
  return v === null ? null : BigInt(v);
}

/** A member's _value_ as a bigint (Flag values pymem models are ints). */
export function valueOf(m: PyObj): bigint {
  const v = big(attr(m, "_value_"));
  if (v === null) throw new PymemError("UNSUPPORTED", `a Flag member whose value is a '${typeName(attr(m, "_value_"))}'`);
  return v;
}

/** int.bit_length(). */
export function bitLength(v: bigint): number {
  return (v < 0n ? -v : v).toString(2).length - (v === 0n ? 1 : 0);
}

export function isSingleBit(v: bigint): boolean {
  return v !== 0n && (v & (v - 1n)) === 0n;
}

/** The listed members in definition order (`for m in cls`). */
export function listed(cls: PyClassObj): readonly PyObj[] {
  return enumInfo(cls)?.members ?? [];
}

/** object.__new__(cls) for a Flag, int.__new__(cls, value) for an IntFlag: a pseudo-member's object, no attributes yet. */
export function newPseudo(cls: PyClassObj, st: FlagState, value: PyObj): [PyObj, PyInstanceObj] {
  const m: PyObj = st.int ? builtinNew(cls, "int", [value], emptyKwargs) : newInstance(cls);
  return [m, part(m) as PyInstanceObj];
}

export function setAttr(p: PyInstanceObj, name: string, v: PyObj): void {
  setInstanceAttrValue(p, name, v);
}

/** The value lookup EnumType.__call__ starts with: `_value2member_map_[value]` (int, bool and integral floats hash alike). */
export function lookup(st: FlagState, value: PyObj): PyObj | undefined {
  let k = big(value);
  if (k === null && value.t === "float" && Number.isInteger(value.v)) k = BigInt(value.v);
  return k === null ? undefined : st.v2m.get(k);
}
