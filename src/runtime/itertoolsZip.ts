// itertools.zip_longest, pairwise (3.10+) and batched (3.12+): iterators of
// tuples. Each tuple handed out is a new one: CPython reuses its last tuple in
// place only while nothing else holds it, so a tuple anyone keeps is never
// reused, and the objects it holds are the input's own (or the fill value).
import { ctx } from "./ctx.js";
import { PymemError, typeError, valueError } from "./errors.js";
import { getIter } from "./iteration.js";
import { bindArgs, exactArgs, itertoolsIter, ssizeArg, type Param } from "./itertoolsArgs.js";
import { None, type Kwargs, type PyIterObj, type PyObj } from "./objects.js";
import { newTuple, tuple2 } from "./tuples.js";
import { truthy } from "./compare.js";

/** zip_longest(*iterables, fillvalue=None): an exhausted input is dropped and never asked again. */
export function zipLongestCall(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  let fillvalue: PyObj = None;
  if (kw.values.size > 0) {
    const f = kw.values.get("fillvalue");
    if (f === undefined || kw.values.size > 1) throw typeError("zip_longest() got an unexpected keyword argument");
    fillvalue = f;
  }
  const its: (PyIterObj | null)[] = args.map(getIter);
  let numactive = its.length;
  return itertoolsIter("zip_longest", () => {
    if (its.length === 0 || numactive === 0) return undefined;
    const row: PyObj[] = [];
    for (let i = 0; i < its.length; i++) {
      const it = its[i] as PyIterObj | null;
      if (it === null) {
        row.push(fillvalue);
        continue;
      }
      const item = it.next();
      if (item !== undefined) {
        row.push(item);
        continue;
      }
      numactive--;
      if (numactive === 0) return undefined;
      row.push(fillvalue);
      its[i] = null;
    }
    return newTuple(row);
  });
}

/** pairwise(iterable): (previous, current), the input taken one item ahead. */
export function pairwiseCall(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  exactArgs("pairwise", 1, args, kw);
  let it: PyIterObj | null = getIter(args[0] as PyObj);
  let old: PyObj | null = null;
  return itertoolsIter("pairwise", () => {
    if (it === null) return undefined;
    if (old === null) {
      old = it.next() ?? null;
      if (old === null) {
        it = null;
        return undefined;
      }
    }
    const nw = it.next();
    if (nw === undefined) {
      it = null;
      old = null;
      return undefined;
    }
    const result = tuple2(old, nw);
    old = nw;
    return result;
  });
}

/** batched() allocates its n slots up front (PyTuple_New(n)): past this, pymem does not follow it. */
const MAX_BATCH = 1 << 24;

/** batched(iterable, n[, *, strict]): tuples of n items, the last one shorter (or, strict, a ValueError). */
export function batchedCall(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  // strict= is a member of the version's batchedobject (3.13+): the struct says whether the call takes it.
  const hasStrict = ctx().layout.leafTypes["batched"]?.struct.fields.some((f) => f.name === "strict") === true;
  const params: Param[] = [{ name: "iterable", kind: "A", required: true }, { name: "n", kind: "A", required: true }];
  if (hasStrict) params.push({ name: "strict", kind: "K" });
  const [iterable, nObj, strictObj] = bindArgs("batched", params, args, kw) as [PyObj, PyObj, PyObj | undefined];
  const n = ssizeArg(nObj);
  const strict = strictObj !== undefined && truthy(strictObj);
  if (n < 1) throw valueError("n must be at least one");
  if (n > MAX_BATCH) throw new PymemError("UNSUPPORTED", `batched() with n = ${n}: CPython allocates all n slots of each batch up front`);
  let it: PyIterObj | null = getIter(iterable);
  return itertoolsIter("batched", () => {
    if (it === null) return undefined;
    const items: PyObj[] = [];
    try {
      while (items.length < n) {
        const item = it.next();
        if (item === undefined) break;
        items.push(item);
      }
    } catch (e) {
      it = null;
      throw e;
    }
    if (items.length === 0) {
      it = null;
      return undefined;
    }
    if (items.length < n && strict) {
      it = null;
      throw valueError("batched(): incomplete batch");
    }
    return newTuple(items);
  });
}
