// enum.verify and enum.EnumCheck (3.11+): verify(*checks) is a decorator
// that hands the class back or raises ValueError as Lib/enum.py's verify
// checks UNIQUE (no aliases), CONTINUOUS (no skipped values; for a Flag, no
// skipped powers of two) and NAMED_FLAGS (a multi-bit alias made only of
// named bits).
import { attr, enumInfo, makeEnum } from "./enumModule.js";
import { typeError, valueError } from "./errors.js";
import { nativeObject } from "./nativeObjects.js";
import { pyStr, type PyClassObj, type PyObj } from "./objects.js";
import { strText } from "./text.js";
import { big, bitLength, flagState, isSingleBit } from "./flagState.js";

function names(info: ReturnType<typeof enumInfo>): [string, PyObj][] {
  return [...(info?.byName ?? new Map<string, PyObj>())];
}

function checkUnique(cls: PyClassObj): void {
  const dups = names(enumInfo(cls)).filter(([k, m]) => strText(attr(m, "_name_") as never) !== k).map(([k, m]) => `${k} -> ${strText(attr(m, "_name_") as never)}`);
  if (dups.length > 0) throw valueError(`aliases found in ${flagState(cls) !== undefined ? "<flag" : "<enum"} '${cls.name}'>: ${dups.join(", ")}`);
}

function checkContinuous(cls: PyClassObj, isFlag: boolean): void {
  const values = [...new Set((enumInfo(cls)?.members ?? []).map((m) => big(attr(m, "_value_"))))];
  if (values.length < 2) return;
  if (values.some((v) => v === null)) throw typeError("verify(CONTINUOUS) of values that are not ints");
  const vs = values as bigint[];
  const low = vs.reduce((a, b) => (b < a ? b : a)), high = vs.reduce((a, b) => (b > a ? b : a));
  const missing: bigint[] = [];
  if (isFlag) {
    for (let i = bitLength(low); i < bitLength(high) - 1; i++) if (!vs.includes(1n << BigInt(i))) missing.push(1n << BigInt(i));
  } else {
    for (let i = low + 1n; i < high; i++) if (!vs.includes(i)) missing.push(i);
  }
  if (missing.length > 0) throw valueError(`invalid ${isFlag ? "flag" : "enum"} '${cls.name}': missing values ${missing.join(", ")}`.slice(0, 256));
}

function checkNamedFlags(cls: PyClassObj): void {
  const info = enumInfo(cls);
  const listed = new Set(info?.members ?? []);
  const memberValues = (info?.members ?? []).map((m) => big(attr(m, "_value_")));
  const missingNames: string[] = [];
  let missingValue = 0n;
  for (const [k, m] of names(info)) {
    if (listed.has(m) && strText(attr(m, "_name_") as never) === k) continue;
    const v = big(attr(m, "_value_")) ?? 0n;
    if (v < 0n) continue;
    for (let x = v; x !== 0n; x ^= x & -x) {
      const b = x & -x;
      if (!memberValues.includes(b)) {
        if (!missingNames.includes(k)) missingNames.push(k);
        missingValue |= b;
      }
    }
  }
  if (missingNames.length === 0) return;
  const alias = missingNames.length === 1 ? `alias ${missingNames[0]} is missing` : `aliases ${missingNames.slice(0, -1).join(", ")} and ${missingNames[missingNames.length - 1]} are missing`;
  const value = isSingleBit(missingValue) ? `value 0x${missingValue.toString(16)}` : `combined values of 0x${missingValue.toString(16)}`;
  throw valueError(`invalid Flag '${cls.name}': ${alias} ${value} [use enum.show_flag_values(value) for details]`);
}

/** EnumCheck (a StrEnum of the module) and verify for a version that has them. */
export function verifyAttrs(strEnum: PyClassObj): [string, PyObj][] {
  const ns = new Map<string, PyObj>([["__module__", pyStr("enum")], ["__qualname__", pyStr("EnumCheck")],
    ["CONTINUOUS", pyStr("no skipped integer values")], ["NAMED_FLAGS", pyStr("multi-flag aliases may not contain unnamed flags")],
    ["UNIQUE", pyStr("one name per value")]]);
  const checkCls = makeEnum("EnumCheck", [strEnum], ns) as PyClassObj;
  (checkCls as { stdlib?: boolean }).stdlib = true;
  const members = enumInfo(checkCls)?.members ?? [];
  const [continuous, named, unique] = members;
  const verify = (checks: readonly PyObj[]): PyObj => nativeObject("verify", {
    call: ([cls]) => {
      if (cls === undefined || cls.t !== "class" || enumInfo(cls) === undefined) throw typeError("the 'verify' decorator only works with Enum and Flag");
      const isFlag = flagState(cls) !== undefined;
      for (const c of checks) {
        if (c === unique) checkUnique(cls);
        else if (c === continuous) checkContinuous(cls, isFlag);
        else if (c === named) checkNamedFlags(cls);
      }
      return cls;
    },
  });
  return [
    ["EnumCheck", checkCls],
    ...members.map((m): [string, PyObj] => [strText(attr(m, "_name_") as never), m]),
    ["verify", { t: "builtin", name: "verify", self: null, fn: (args) => verify(args) }],
  ];
}
