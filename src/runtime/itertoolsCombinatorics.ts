// itertools.product, combinations, combinations_with_replacement and
// permutations (Modules/itertoolsmodule.c): the input is made a tuple (pool)
// at construction, and each result is a tuple of the pool's own objects. The
// C code updates its last tuple in place only while it holds the one
// reference; a result that is kept (in a list, a set …) is therefore never
// changed, and each kept result is a tuple of its own (the empty result is
// PyTuple_New(0), the () singleton). Their __sizeof__ counts the index arrays.
import { ctx } from "./ctx.js";
import { PyException, PymemError, typeError, valueError } from "./errors.js";
import { toArray } from "./iteration.js";
import { bindArgs, itertoolsIter, ssizeArg } from "./itertoolsArgs.js";
import type { Kwargs, PyIterObj, PyObj } from "./objects.js";
import { newTuple } from "./tuples.js";

/** The C code fills its index arrays (r of them) at construction: past this, pymem does not follow. */
const MAX_R = 1 << 24;

function checkR(what: string, r: number): void {
  if (r > MAX_R) throw new PymemError("UNSUPPORTED", `${what}() with r = ${r}: CPython allocates and fills ${r} indices up front`);
}

/** product(*iterables, repeat=1). */
export function productCall(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  let repeat = 1;
  for (const [k, v] of kw.values) {
    if (k !== "repeat") throw typeError(`product() got an unexpected keyword argument '${k}'`);
    repeat = ssizeArg(v);
    if (repeat < 0) throw valueError("repeat argument cannot be negative");
  }
  const nargs = repeat === 0 ? 0 : args.length;
  if (nargs > 0 && BigInt(nargs) > (2n ** 63n - 1n) / 8n / BigInt(repeat)) throw new PyException("OverflowError", "repeat argument too large");
  const npools = nargs * repeat;
  checkR("product", npools);
  const given = args.slice(0, nargs).map((a) => toArray(a));
  const pools: PyObj[][] = [];
  for (let i = 0; i < npools; i++) pools.push(given[i % nargs] as PyObj[]);
  ctx().tick(npools);
  const indices = pools.map(() => 0);
  let result: PyObj[] | null = null;
  let stopped = false;
  return itertoolsIter("product", () => {
    if (stopped) return undefined;
    if (result === null) {
      if (pools.some((p) => p.length === 0)) {
        stopped = true;
        return undefined;
      }
      result = pools.map((p) => p[0] as PyObj);
      return newTuple(result.slice());
    }
    // Right to left: roll each exhausted pool back to its first item, advance the next one.
    let i = npools - 1;
    for (; i >= 0; i--) {
      const pool = pools[i] as PyObj[];
      const ix = (indices[i] as number) + 1;
      if (ix === pool.length) {
        indices[i] = 0;
        result[i] = pool[0] as PyObj;
      } else {
        indices[i] = ix;
        result[i] = pool[ix] as PyObj;
        break;
      }
    }
    if (i < 0) {
      stopped = true;
      return undefined;
    }
    return newTuple(result.slice());
  }, { indexWords: npools });
}

/** The pool and r of combinations / combinations_with_replacement (clinic converts r before the pool is made). */
function poolAndR(name: string, args: readonly PyObj[], kw: Kwargs): [PyObj[], number] {
  const [iterable, rObj] = bindArgs(name, [{ name: "iterable", kind: "A", required: true }, { name: "r", kind: "A", required: true }], args, kw) as [PyObj, PyObj];
  const r = ssizeArg(rObj);
  const pool = toArray(iterable);
  if (r < 0) throw valueError("r must be non-negative");
  checkR(name, r);
  return [pool, r];
}

/** combinations(iterable, r): indices increasing, in lexicographic order. */
export function combinationsCall(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  const [pool, r] = poolAndR("combinations", args, kw);
  const n = pool.length;
  const indices = Array.from({ length: r }, (_, i) => i);
  let result: PyObj[] | null = null;
  let stopped = r > n;
  return itertoolsIter("combinations", () => {
    if (stopped) return undefined;
    if (result === null) {
      result = indices.map((ix) => pool[ix] as PyObj);
      return newTuple(result.slice());
    }
    let i = r - 1;
    while (i >= 0 && indices[i] === i + n - r) i--;
    if (i < 0) {
      stopped = true;
      return undefined;
    }
    indices[i] = (indices[i] as number) + 1;
    for (let j = i + 1; j < r; j++) indices[j] = (indices[j - 1] as number) + 1;
    for (; i < r; i++) result[i] = pool[indices[i] as number] as PyObj;
    return newTuple(result.slice());
  }, { indexWords: r });
}

/** combinations_with_replacement(iterable, r): indices non-decreasing. */
export function cwrCall(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  const [pool, r] = poolAndR("combinations_with_replacement", args, kw);
  const n = pool.length;
  const indices = Array.from({ length: r }, () => 0);
  let result: PyObj[] | null = null;
  let stopped = n === 0 && r > 0;
  return itertoolsIter("combinations_with_replacement", () => {
    if (stopped) return undefined;
    if (result === null) {
      result = n > 0 ? indices.map(() => pool[0] as PyObj) : [];
      return newTuple(result.slice());
    }
    let i = r - 1;
    while (i >= 0 && indices[i] === n - 1) i--;
    if (i < 0) {
      stopped = true;
      return undefined;
    }
    const index = (indices[i] as number) + 1;
    const elem = pool[index] as PyObj;
    for (; i < r; i++) {
      indices[i] = index;
      result[i] = elem;
    }
    return newTuple(result.slice());
  }, { indexWords: r });
}

/** permutations(iterable, r=None): permutations_next's cycles, as the C code (and the docs' Python) runs them. */
export function permutationsCall(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  const [iterable, rObj] = bindArgs("permutations", [{ name: "iterable", kind: "A", required: true }, { name: "r", kind: "A" }], args, kw) as [PyObj, PyObj | undefined];
  const pool = toArray(iterable);
  const n = pool.length;
  let r = n;
  if (rObj !== undefined && rObj.t !== "NoneType") {
    if (rObj.t !== "int" && rObj.t !== "bool") throw typeError("Expected int as r");
    const v = rObj.t === "bool" ? (rObj.v ? 1n : 0n) : BigInt(rObj.v);
    if (v > 2n ** 63n - 1n || v < -(2n ** 63n)) throw new PyException("OverflowError", "Python int too large to convert to C ssize_t");
    r = Number(v);
  }
  if (r < 0) throw valueError("r must be non-negative");
  checkR("permutations", r);
  const indices = Array.from({ length: n }, (_, i) => i);
  const cycles = Array.from({ length: r }, (_, i) => n - i);
  let result: PyObj[] | null = null;
  let stopped = r > n;
  return itertoolsIter("permutations", () => {
    if (stopped) return undefined;
    if (result === null) {
      result = indices.slice(0, r).map((ix) => pool[ix] as PyObj);
      return newTuple(result.slice());
    }
    if (n === 0) {
      stopped = true;
      return undefined;
    }
    let i = r - 1;
    for (; i >= 0; i--) {
      cycles[i] = (cycles[i] as number) - 1;
      if (cycles[i] === 0) {
        // Rotation: indices[i:] = indices[i+1:] + indices[i:i+1].
        const index = indices[i] as number;
        for (let j = i; j < n - 1; j++) indices[j] = indices[j + 1] as number;
        indices[n - 1] = index;
        cycles[i] = n - i;
      } else {
        const j = cycles[i] as number;
        const index = indices[i] as number;
        indices[i] = indices[n - j] as number;
        indices[n - j] = index;
        for (let k = i; k < r; k++) result[k] = pool[indices[k] as number] as PyObj;
        break;
      }
    }
    if (i < 0) {
      stopped = true;
      return undefined;
    }
    return newTuple(result.slice());
  }, { indexWords: n + r });
}
