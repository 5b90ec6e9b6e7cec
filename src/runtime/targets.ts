// Assignment targets: names, unpacking (with one starred), subscripts.
import type { Expr } from "../python/ast.js";
import { PyException } from "./errors.js";
import { toArray } from "./iteration.js";
import { listExtend, newEmptyList } from "./lists.js";
import { objectLen } from "./iteration.js";
import { makeIter } from "./iterObject.js";
import type { PyListObj, PyObj, Scope } from "./objects.js";
import { makeSlice, setItem } from "./subscript.js";
import { None } from "./objects.js";
import { setAttr } from "./attributes.js";
import type { Compiler } from "./compile.js";

export type Target = (sc: Scope, value: PyObj) => void;

/**
 * UNPACK_EX's starred list: PySequence_List of the rest of the iterator
 * (sized by its length hint when it has one), then cut by the `after` items
 * that follow the star without reallocating.
 */
export function unpackStarList(rest: readonly PyObj[], hinted: boolean, after: number): PyListObj {
  let k = 0;
  const star = newEmptyList();
  listExtend(star, makeIter("iterator", () => rest[k++], () => (hinted ? rest.length - k : null)));
  (star.items as PyObj[]).length -= after;
  return star;
}

export function assignTarget(t: Expr, c: Compiler): Target {
  switch (t.kind) {
    case "Name": {
      return c.storeName(t.id);
    }
    case "Tuple":
    case "List": {
      const starAt = t.elts.findIndex((x) => x.kind === "Starred");
      const parts = t.elts.map((x) => assignTarget(x.kind === "Starred" ? x.value : x, c));
      const n = parts.length;
      return (sc, v) => {
        const hint0 = v.t === "iterator" ? v.lengthHint() : objectLen(v);
        const items = toArray(v);
        if (starAt < 0) {
          if (items.length !== n) {
            throw new PyException(
              "ValueError",
              items.length > n ? `too many values to unpack (expected ${n})` : `not enough values to unpack (expected ${n}, got ${items.length})`,
            );
          }
          parts.forEach((p, i) => p(sc, items[i] as PyObj));
          return;
        }
        const after = n - starAt - 1;
        if (items.length < n - 1) {
          throw new PyException("ValueError", `not enough values to unpack (expected at least ${n - 1}, got ${items.length})`);
        }
        for (let i = 0; i < starAt; i++) (parts[i] as Target)(sc, items[i] as PyObj);
        const star = unpackStarList(items.slice(starAt), hint0 !== null, after);
        (parts[starAt] as Target)(sc, star);
        for (let i = 0; i < after; i++) (parts[starAt + 1 + i] as Target)(sc, items[items.length - after + i] as PyObj);
      };
    }
    case "Subscript": {
      const obj = c.expr(t.value).run;
      if (t.slice.kind === "Slice") {
        const s = t.slice;
        const parts = [s.lower, s.upper, s.step].map((x) => (x === null ? null : c.expr(x).run));
        return (sc, v) => {
          const o = obj(sc);
          const [lo, hi, st] = parts.map((p) => (p === null ? None : p(sc))) as [PyObj, PyObj, PyObj];
          setItem(o, makeSlice(lo, hi, st), v);
        };
      }
      const key = c.expr(t.slice).run;
      return (sc, v) => setItem(obj(sc), key(sc), v);
    }
    case "Attribute": {
      const obj = c.expr(t.value).run;
      const name = c.mangled(t.attr);
      return (sc, v) => setAttr(obj(sc), name, v);
    }
    default:
      throw new PyException("SyntaxError", `cannot assign to ${t.kind.toLowerCase()}`, t.span);
  }
}
