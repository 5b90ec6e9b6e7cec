// enum.Flag and enum.IntFlag from 3.11 (Lib/enum.py's rewrite), ported step
// by step: Flag._missing_ with the class's FlagBoundary (STRICT raises,
// CONFORM drops unknown bits, EJECT hands back the int, KEEP keeps them), the
// pseudo-member it makes (_value_ then _name_, the members' names joined by
// '|' — one name is that name's own object — or None), EnumType.__call__ around
// it, iteration by value or definition order, and ~ cached on the member as
// _inverted_ (an attribute its dict gains).
import { attr, part } from "./enumModule.js";
import { getInstanceAttr } from "./instanceAttrs.js";
import { PymemError, typeError, valueError } from "./errors.js";
import { reprObject } from "./format.js";
import { None, pyInt, pyStrFresh, subOf, type PyClassObj, type PyInstanceObj, type PyObj } from "./objects.js";
import { strText } from "./text.js";
import { enumInfo } from "./enumModule.js";
import { big, bitLength, classOf, lookup, newPseudo, setAttr, stateOf, valueOf } from "./flagState.js";
import { qualname } from "./flagLegacy.js";

/** enum.bin(num, max_bits): two's complement with a sign bit, e.g. '0b0 1010'. */
function enumBin(num: bigint, maxBits: number): string {
  const ceiling = 1n << BigInt(bitLength(num));
  const s = num >= 0n ? "0b" + (num + ceiling).toString(2).replace("1", "0") : "0b" + (~num ^ (ceiling - 1n) + ceiling).toString(2);
  const sign = s.slice(0, 3);
  let digits = s.slice(3);
  if (digits.length < maxBits) digits = (sign.slice(-1).repeat(maxBits) + digits).slice(-maxBits);
  return `${sign} ${digits}`;
}

/** The members of `value` (bits of singles), in value order or by _sort_order_. */
export function iterMembers(cls: PyClassObj, value: bigint): PyObj[] {
  const st = stateOf(cls);
  if (value < 0n) throw new PymemError("UNSUPPORTED", "iterating a negative Flag value");
  const out: PyObj[] = [];
  for (let v = value & st.flagMask; v !== 0n; ) {
    const b = v & -v;
    const m = st.v2m.get(b);
    if (m === undefined) throw new PymemError("UNSUPPORTED", `a Flag bit (${b}) that no single member has`);
    out.push(m);
    v ^= b;
  }
  const order = (m: PyObj): bigint => big(attr(m, "_sort_order_")) ?? 0n;
  if (st.byDef) out.sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : 0));
  return out;
}

/** Flag._missing_: a pseudo-member for `value` as the class's boundary allows (EJECT: the int itself). */
function missing(cls: PyClassObj, valueObj: PyObj): PyObj {
  const st = stateOf(cls);
  let value = big(valueObj);
  if (value === null || valueObj.t === "float") throw valueError(`${strText(reprObject(valueObj))} is not a valid ${qualname(cls)}`);
  let obj = valueObj;
  const { flagMask, singlesMask, allBits } = st;
  let negValue: bigint | null = null;
  if (!(~allBits <= value && value <= allBits) || (value & (allBits ^ flagMask)) !== 0n) {
    if (st.boundary === "strict") {
      const maxBits = Math.max(bitLength(value), bitLength(flagMask));
      throw valueError(`<flag '${cls.name}'> invalid value ${value}\n    given ${enumBin(value, maxBits)}\n  allowed ${enumBin(flagMask, maxBits)}`);
    } else if (st.boundary === "conform") {
      value &= flagMask;
      obj = pyInt(value);
    } else if (st.boundary === "eject") {
      return valueObj;
    } else if (value < 0n) {
      const ceil = 1n << BigInt(bitLength(value));
      value = (allBits + 1n > ceil ? allBits + 1n : ceil) + value;
      obj = pyInt(value);
    }
  }
  if (value < 0n) {
    negValue = value;
    value = allBits + 1n + value;
    obj = pyInt(value);
  }
  let unknown = value & ~flagMask;
  const aliases = value & ~singlesMask;
  const memberValue = value & singlesMask;
  if (unknown !== 0n && st.boundary !== "keep") throw valueError(`${cls.name}(${value}) -->  unknown values ${unknown} [0b${unknown.toString(2)}]`);
  const [pm, p] = newPseudo(cls, st, obj);
  setAttr(p, "_value_", obj);
  if (memberValue !== 0n || aliases !== 0n) {
    const members = iterMembers(cls, memberValue);
    let combined = members.reduce((acc, m) => acc | valueOf(m), 0n);
    if (aliases !== 0n) {
      const v = memberValue | aliases;
      for (const m of enumInfo(cls)?.byName.values() ?? []) {
        const mv = valueOf(m);
        if (!members.includes(m) && mv !== 0n && (mv & v) === mv) {
          members.push(m);
          combined |= mv;
        }
      }
      unknown = v ^ combined;
    } else unknown = value ^ combined;
    // '|'.join(names): a single name is returned as it is.
    const names = members.map((m) => attr(m, "_name_"));
    let name: PyObj = names.length === 1 ? (names[0] as PyObj) : pyStrFresh(names.map((n) => strText(n as never)).join("|"));
    if (combined === 0n) name = None;
    else if (unknown !== 0n && st.boundary === "strict") throw valueError(`<flag '${cls.name}'>: no members with value ${unknown}`);
    else if (unknown !== 0n) name = pyStrFresh(`${strText(name as never)}|${unknown}`);
    setAttr(p, "_name_", name);
  } else setAttr(p, "_name_", None);
  const had = st.v2m.get(value);
  const result = had ?? pm;
  if (had === undefined) st.v2m.set(value, pm);
  if (negValue !== null) st.v2m.set(negValue, result);
  return result;
}

/** EnumType.__call__(cls, value) -> Enum.__new__ and its _missing_ fallback. */
export function boundaryCall(cls: PyClassObj, value: PyObj): PyObj {
  if ((value.t === "instance" ? value : subOf(value))?.cls === cls) return value;
  const st = stateOf(cls);
  const hit = lookup(st, value);
  if (hit !== undefined) return hit;
  if ((enumInfo(cls)?.byName.size ?? 0) === 0) throw typeError(`<flag '${cls.name}'> has no members defined`);
  // Enum.__new__ raises what _missing_ raised (a ValueError as it is).
  return missing(cls, value);
}

/** Flag.__invert__: cls(~value) under EJECT/KEEP, else the single bits not set; cached as the member's _inverted_. */
export function boundaryInvert(self: PyObj): PyObj {
  const p = part(self) as PyInstanceObj;
  const cached = getInstanceAttr(p, "_inverted_");
  if (cached !== undefined && cached.t !== "NoneType") return cached;
  const cls = classOf(self);
  const st = stateOf(cls);
  const v = valueOf(self);
  const inv = boundaryCall(cls, pyInt(st.boundary === "eject" || st.boundary === "keep" ? ~v : st.singlesMask & ~v));
  setAttr(p, "_inverted_", inv);
  return inv;
}

export function boundaryRepr(self: PyObj): string {
  const cls = classOf(self);
  const n = attr(self, "_name_");
  const v = strText(reprObject(attr(self, "_value_")));
  return n.t === "str" ? `<${cls.name}.${strText(n)}: ${v}>` : `<${cls.name}: ${v}>`;
}

export function boundaryStr(self: PyObj): string {
  const cls = classOf(self);
  const n = attr(self, "_name_");
  return n.t === "str" ? `${cls.name}.${strText(n)}` : `${cls.name}(${strText(reprObject(attr(self, "_value_")))})`;
}
