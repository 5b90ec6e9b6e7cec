// enum.Flag and enum.IntFlag of 3.8-3.10 (Lib/enum.py before the 3.11
// rewrite), ported step by step: _decompose, Flag._missing_ and
// _create_pseudo_member_ (a nameless pseudo-member: _name_ None set before
// _value_, so its dict leaves the class's shared keys), IntFlag's version that
// also makes a pseudo-member for each bit no member has, ~ by decomposition
// (Flag) or ~value (IntFlag), and repr/str naming the decomposed members.
import { attr } from "./enumModule.js";
import { compareObj, truthy } from "./compare.js";
import { PymemError, typeError, valueError } from "./errors.js";
import { reprObject } from "./format.js";
import { None, pyInt, subOf, typeName, type PyClassObj, type PyObj } from "./objects.js";
import { strText } from "./text.js";
import { big, bitLength, classOf, listed, newPseudo, setAttr, stateOf, valueOf, type FlagState } from "./flagState.js";

export function qualname(cls: PyClassObj): string {
  const q = cls.attrs.get("__qualname__");
  return q !== undefined && q.t === "str" ? strText(q) : cls.name;
}

/** _decompose(flag, value): the members covering value, largest value first, and the bits none covers. */
export function decompose(cls: PyClassObj, value: bigint): [PyObj[], bigint] {
  const st = stateOf(cls);
  let notCovered = value;
  const members: PyObj[] = [];
  for (const m of listed(cls)) {
    const mv = valueOf(m);
    if (mv !== 0n && (mv & value) === mv) {
      members.push(m);
      notCovered &= ~mv;
    }
  }
  if (value >= 0n) {
    let tmp = notCovered;
    while (tmp !== 0n) {
      const fv = 1n << BigInt(bitLength(tmp) - 1);
      const hit = st.v2m.get(fv);
      if (hit !== undefined) {
        members.push(hit);
        notCovered &= ~fv;
      }
      tmp &= ~fv;
    }
  }
  const own = st.v2m.get(value);
  if (members.length === 0 && own !== undefined) members.push(own);
  members.sort((a, b) => (valueOf(b) > valueOf(a) ? 1 : valueOf(b) < valueOf(a) ? -1 : 0));
  if (members.length > 1 && valueOf(members[0] as PyObj) === value) members.shift();
  return [members, notCovered];
}

function pseudo(cls: PyClassObj, st: FlagState, value: bigint, valueObj: PyObj): PyObj {
  const [m, p] = newPseudo(cls, st, valueObj);
  setAttr(p, "_name_", None);
  setAttr(p, "_value_", valueObj);
  // _value2member_map_.setdefault(value, pseudo_member)
  const had = st.v2m.get(value);
  if (had !== undefined) return had;
  st.v2m.set(value, m);
  return m;
}

/** Flag._create_pseudo_member_: a nameless member iff the value is made of members' bits. */
function createFlagPseudo(cls: PyClassObj, value: bigint, valueObj: PyObj): PyObj {
  const st = stateOf(cls);
  const hit = st.v2m.get(value);
  if (hit !== undefined) return hit;
  const [, extra] = decompose(cls, value);
  if (extra !== 0n) throw valueError(`${strText(reprObject(valueObj))} is not a valid ${qualname(cls)}`);
  return pseudo(cls, st, value, valueObj);
}

/** IntFlag._create_pseudo_member_: the value's pseudo-member and one for each bit no member covers, highest bits first. */
function createIntPseudo(cls: PyClassObj, value: bigint, valueObj: PyObj): PyObj {
  const st = stateOf(cls);
  const hit = st.v2m.get(value);
  if (hit !== undefined) return hit;
  const need: [bigint, PyObj][] = [[value, valueObj]];
  let [, extra] = decompose(cls, value);
  while (extra !== 0n) {
    const fv = 1n << BigInt(bitLength(extra) - 1);
    if (!st.v2m.has(fv) && !need.some(([v]) => v === fv)) need.push([fv, pyInt(fv)]);
    extra = extra === -fv ? 0n : extra ^ fv;
  }
  let made: PyObj = None;
  for (const [v, o] of need.reverse()) made = pseudo(cls, st, v, o);
  return made;
}

/** Flag._missing_ / IntFlag._missing_ (what EnumMeta.__call__ falls back to for a value without a member). */
export function legacyMissing(cls: PyClassObj, value: PyObj): PyObj {
  const st = stateOf(cls);
  if (st.int) {
    const v = big(value);
    if (v === null) throw valueError(`${strText(reprObject(value))} is not a valid ${qualname(cls)}`);
    return createIntPseudo(cls, v, value);
  }
  // `value < 0` first: a str raises its TypeError here.
  const negative = truthy(compareObj("Lt", value, pyInt(0)));
  const v = big(value);
  if (v === null) throw new PymemError("UNSUPPORTED", `${cls.name}(value) of a value that is not an int`);
  if (!negative) return createFlagPseudo(cls, v, value);
  return legacyInvert(createFlagPseudo(cls, ~v, pyInt(~v)));
}

/** Flag.__invert__ (the members sharing no bit, or'ed onto cls(0)) and IntFlag.__invert__ (cls(~value)). */
export function legacyInvert(self: PyObj): PyObj {
  const cls = classOf(self);
  const st = stateOf(cls);
  const value = valueOf(self);
  if (st.int) return legacyCall(cls, pyInt(~value));
  const [members] = decompose(cls, value);
  let inverted = legacyCall(cls, pyInt(0));
  for (const m of listed(cls)) {
    if (!members.includes(m) && (valueOf(m) & value) === 0n) inverted = legacyCall(cls, pyInt(valueOf(inverted) | valueOf(m)));
  }
  return inverted;
}

/** EnumMeta.__call__(cls, value) -> Enum.__new__: the member itself, the value's member, else _missing_ (its exception raised as it is). */
export function legacyCall(cls: PyClassObj, value: PyObj): PyObj {
  if ((value.t === "instance" ? value : subOf(value))?.cls === cls) return value;
  const k = big(value) ?? (value.t === "float" && Number.isInteger(value.v) ? BigInt(value.v) : null);
  const hit = k === null ? undefined : stateOf(cls).v2m.get(k);
  if (hit !== undefined) return hit;
  return legacyMissing(cls, value);
}

/** The `|`-joined names of the decomposed members (a nameless one by its value). */
function joined(cls: PyClassObj, value: bigint): [string, PyObj[]] {
  const [members] = decompose(cls, value);
  return [members.map((m) => {
    const n = attr(m, "_name_");
    return n.t === "str" && strText(n) !== "" ? strText(n) : strText(reprObject(attr(m, "_value_")));
  }).join("|"), members];
}

export function legacyRepr(self: PyObj): string {
  const cls = classOf(self);
  const n = attr(self, "_name_");
  const v = strText(reprObject(attr(self, "_value_")));
  if (n.t === "str") return `<${cls.name}.${strText(n)}: ${v}>`;
  return `<${cls.name}.${joined(cls, valueOf(self))[0]}: ${v}>`;
}

export function legacyStr(self: PyObj): string {
  const cls = classOf(self);
  const n = attr(self, "_name_");
  if (n.t === "str") return `${cls.name}.${strText(n)}`;
  const [text, members] = joined(cls, valueOf(self));
  const only = members[0];
  if (members.length === 1 && only !== undefined && attr(only, "_name_").t !== "str") return `${cls.name}.${strText(reprObject(attr(only, "_value_")))}`;
  return `${cls.name}.${text}`;
}

/** Flag.__or__ & c. before 3.11: Flag takes its own class's members; IntFlag also ints (cls(other) made first). */
export function legacyBinary(self: PyObj, other: PyObj, op: (a: bigint, b: bigint) => bigint): PyObj | null {
  const cls = classOf(self);
  const st = stateOf(cls);
  const isMember = sameFamily(other, cls);
  if (!isMember && !(st.int && big(other) !== null)) return null;
  const o = isMember ? other : legacyCall(cls, other);
  return legacyCall(cls, pyInt(op(valueOf(self), valueOf(o))));
}

/** isinstance(other, cls) for a member or pseudo-member. */
export function sameFamily(other: PyObj, cls: PyClassObj): boolean {
  const p = other.t === "instance" ? other : subOf(other);
  return p !== undefined && p.cls.mro.includes(cls);
}

export function notAFlag(op: string, a: PyObj, b: PyClassObj): never {
  throw typeError(`unsupported operand type(s) for '${op}': '${typeName(a)}' and '${b.name}'`);
}
