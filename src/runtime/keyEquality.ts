// The equality a set or dict lookup applies once hashes match: identity first,
// then PyObject_RichCompareBool(startkey, key, Py_EQ) — a class's own __eq__
// included (installed by instanceHash.ts, which can call Python functions).
import { pyEq } from "./compare.js";
import { subOf, type PyObj } from "./objects.js";
import { materialize } from "./seq.js";

/** Rich == through user __eq__ methods; null when neither operand's class defines one. */
let userEq: (a: PyObj, b: PyObj) => boolean | null = () => null;

export function setUserEq(f: (a: PyObj, b: PyObj) => boolean | null): void {
  userEq = f;
}

export function keysEqual(a: PyObj, b: PyObj): boolean {
  if (a === b) return true;
  if (a.t === "int" && b.t === "int") return a.v === b.v;
  if (a.t === "instance" || b.t === "instance" || subOf(a) !== undefined || subOf(b) !== undefined) {
    const r = userEq(a, b);
    if (r !== null) return r;
  }
  if (a.t === "tuple" && b.t === "tuple") {
    // tuplerichcompare: item by item, each with identity first.
    const x = materialize(a.items);
    const y = materialize(b.items);
    return x.length === y.length && x.every((v, i) => keysEqual(v, y[i] as PyObj));
  }
  return pyEq(a, b);
}
