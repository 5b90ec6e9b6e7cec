// The numbers module (Lib/numbers.py): the tower Number > Complex > Real >
// Rational > Integral, ABCMeta classes with empty __slots__. The module
// registers complex with Complex, float with Real and int with Integral;
// _decimal registers Decimal with Number; Fraction derives Rational. pymem
// keeps one set of these classes per version (Fraction's MRO holds them), so
// what would change them for later code — register(), a subclass, an
// instance — is refused.
import type { Layout } from "../layouts/layout.js";
import { setClassHooks } from "./classHooks.js";
import { PymemError } from "./errors.js";
import { pyStr, type PyClassObj, type PyObj } from "./objects.js";
import { builtinTypeBase } from "./typeObjects.js";

export interface NumbersAbcs {
  readonly Number: PyClassObj;
  readonly Complex: PyClassObj;
  readonly Real: PyClassObj;
  readonly Rational: PyClassObj;
  readonly Integral: PyClassObj;
}

/** The builtin types each ABC has registered (isinstance of a subclass of them follows). */
const REGISTERED: Readonly<Record<keyof NumbersAbcs, readonly string[]>> = {
  Number: ["Decimal"],
  Complex: ["complex"],
  Real: ["float"],
  Rational: [],
  Integral: ["int"],
};

const byLayout = new WeakMap<Layout, NumbersAbcs>();

/** _abc_subclasscheck over the module's registrations: sub's MRO, else a registered builtin of this ABC or of one below it. */
function subclassCheck(below: readonly (keyof NumbersAbcs)[]): (cls: PyClassObj, sub: PyObj) => boolean {
  return (cls, sub) => {
    if (sub.t === "class" && sub.mro.includes(cls)) return true;
    let name: string | undefined = sub.t === "type" ? sub.name : sub.t === "class" ? sub.builtinBase : undefined;
    for (; name !== undefined; name = builtinTypeBase(name)) {
      const n = name;
      if (below.some((k) => REGISTERED[k].includes(n))) return true;
    }
    return false;
  };
}

/** The numbers ABCs of a version: made once, shared by the module and Fraction's bases. */
export function numbersAbcs(layout: Layout): NumbersAbcs {
  const have = byLayout.get(layout);
  if (have !== undefined) return have;
  const order: (keyof NumbersAbcs)[] = ["Number", "Complex", "Real", "Rational", "Integral"];
  const made = new Map<keyof NumbersAbcs, PyClassObj>();
  order.forEach((name, i) => {
    const base = i === 0 ? undefined : made.get(order[i - 1] as keyof NumbersAbcs);
    const cls: PyClassObj = {
      t: "class", name, bases: base === undefined ? [] : [base], mro: [], attrs: new Map<string, PyObj>([["__module__", pyStr("numbers")]]), slots: [], hasDict: false,
      hasWeakref: false, shape: layout.heapType.object, builtinBase: "object", cachedKeys: null, frozen: false, tupleFields: null, decorated: null, stdlib: true,
      metaclass: "ABCMeta",
    };
    (cls as { mro: readonly PyClassObj[] }).mro = [cls, ...(base?.mro ?? [])];
    const refuse = (what: string) => (): never => {
      throw new PymemError("UNSUPPORTED", `${what} numbers.${name} (pymem keeps the numeric tower as the numbers module leaves it)`);
    };
    setClassHooks(cls, {
      subclasscheck: subclassCheck(order.slice(i)),
      call: refuse("instantiating"),
      subclass: refuse("a subclass of"),
      missing: (_c, attr) => refuse(`ABCMeta's ${attr} on`)(),
    });
    made.set(name, cls);
  });
  const abcs = Object.fromEntries(made) as unknown as NumbersAbcs;
  byLayout.set(layout, abcs);
  return abcs;
}

/** The numbers module's attributes for a version. */
export function numbersModuleAttrs(layout: Layout): [string, PyObj][] {
  const abcs = numbersAbcs(layout);
  return [["Number", abcs.Number], ["Complex", abcs.Complex], ["Real", abcs.Real], ["Rational", abcs.Rational], ["Integral", abcs.Integral]];
}
