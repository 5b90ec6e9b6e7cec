// The iterator object every modelled iterator is (a type name, a next and a
// length hint), and the iterator over a JS array that list and tuple
// iterators are. It imports nothing that iterates, so a type's own file can
// build its iterator without importing iteration.ts.
import { ALLOCATION_STEPS, chargeSteps } from "./ctx.js";
import type { PyIterObj, PyObj } from "./objects.js";

export function makeIter(typeName: string, next: () => PyObj | undefined, lengthHint: () => number | null): PyIterObj {
  chargeSteps(ALLOCATION_STEPS.iterator);
  return { t: "iterator", typeName, next, lengthHint };
}

export function arrayBackedIter(typeName: string, get: () => readonly PyObj[]): PyIterObj {
  let i = 0;
  return makeIter(
    typeName,
    () => {
      const items = get();
      return i < items.length ? items[i++] : undefined;
    },
    // A generator has no __length_hint__: list() of one grows by appends.
    typeName === "generator" ? () => null : () => Math.max(get().length - i, 0),
  );
}
