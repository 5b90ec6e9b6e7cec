// Objects pymem uses but whose size it does not model, though their JS model
// is that of a sized type (re.I is a RegexFlag, an int subclass instance,
// modelled as an int for arithmetic): getsizeof refuses them by name.
import { cloneObject, type PyObj } from "./objects.js";

const reasons = new WeakMap<object, string>();

export function markUnsized<T extends PyObj>(o: T, what: string): T {
  reasons.set(o, what);
  return o;
}

/** What to name in the refusal, or undefined for an object sized as usual. */
export function unsizedReason(o: PyObj): string | undefined {
  return reasons.get(o);
}

/** A bitwise result of an unsized operand (re.I | re.M is a RegexFlag too): a copy, refused alike. */
export function carryUnsized(a: PyObj, b: PyObj, r: PyObj): PyObj {
  const why = reasons.get(a) ?? reasons.get(b);
  return why === undefined || r.t !== "int" ? r : markUnsized(cloneObject(r), why);
}
