// collections.deque(iterable, maxlen), its methods, and deque + deque and
// deque * n, with the allocation paths of _collectionsmodule.c.
import { pyEq } from "./compare.js";
import { ctx } from "./ctx.js";
import { PyException, typeError, valueError } from "./errors.js";
import { toArray } from "./iteration.js";
import { indexIn } from "./indexIn.js";
import { intValue, toIndex } from "./numbers.js";
import { None, pyInt, typeName, type Kwargs, type NativeFn, type PyDequeObj, type PyObj } from "./objects.js";
import { repr } from "./repr.js";
import { dequeAppend, dequeAppendleft, dequeDelItem, dequePop, dequePopleft, dequeRotate, recenter } from "./dequeObject.js";

/** deque_extend: an empty deque starts filling from the left end of its block (extendleft: the right end),
 * the heuristic applying once the iterable is known, whether or not it yields anything. */
export function dequeExtend(d: PyDequeObj, src: PyObj, left: boolean): void {
  const items = src === d ? d.items.slice() : toArray(src);
  if (d.items.length === 0 && d.maxlen !== 0) d.leftindex = left ? ctx().layout.deque.blocklen - 1 : 1;
  for (const x of items) {
    if (left) dequeAppendleft(d, x);
    else dequeAppend(d, x);
  }
}

export function dequeCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  const ml = args[1] ?? kw.values.get("maxlen");
  // PyLong_AsSsize_t: an int exactly (no __index__), else TypeError.
  if (ml !== undefined && ml.t !== "NoneType" && intValue(ml) === null) throw typeError(`an integer is required (got type ${typeName(ml)})`);
  const maxlen = ml === undefined || ml.t === "NoneType" ? null : Number(intValue(ml));
  if (maxlen !== null && maxlen < 0) throw valueError("maxlen must be non-negative");
  const d: PyDequeObj = { t: "deque", items: [], leftindex: ctx().layout.deque.center + 1, maxlen };
  const src = args[0] ?? kw.values.get("iterable");
  if (src !== undefined) dequeExtend(d, src, false);
  return d;
}

export function dequeMethod(d: PyDequeObj, name: string): NativeFn | PyObj | null {
  switch (name) {
    case "maxlen":
      return d.maxlen === null ? None : pyInt(d.maxlen);
    case "append":
      return ([x]) => (dequeAppend(d, x as PyObj), None);
    case "appendleft":
      return ([x]) => (dequeAppendleft(d, x as PyObj), None);
    case "pop":
      return () => dequePop(d);
    case "popleft":
      return () => dequePopleft(d);
    case "extend":
      return ([x]) => (dequeExtend(d, x as PyObj, false), None);
    case "extendleft":
      return ([x]) => (dequeExtend(d, x as PyObj, true), None);
    case "clear":
      return () => {
        d.items = [];
        recenter(d);
        return None;
      };
    case "rotate":
      return ([n]) => (dequeRotate(d, n === undefined ? 1 : toIndex(n)), None);
    case "insert":
      return ([i, x]) => {
        const n = d.items.length;
        let index = toIndex(i as PyObj);
        if (d.maxlen !== null && n >= d.maxlen) throw new PyException("IndexError", "deque already at its maximum size");
        if (index >= n) return dequeAppend(d, x as PyObj), None;
        if (index <= -n || index === 0) return dequeAppendleft(d, x as PyObj), None;
        dequeRotate(d, -index);
        if (index < 0) dequeAppend(d, x as PyObj);
        else dequeAppendleft(d, x as PyObj);
        dequeRotate(d, index);
        return None;
      };
    case "copy":
      return () => dequeCopy(d);
    case "count":
      return ([x]) => pyInt(d.items.filter((y) => y === x || pyEq(y, x as PyObj)).length);
    case "index":
      return ([x, start, stop]) => {
        const i = indexIn(d.items, x as PyObj, start, stop);
        if (i < 0) throw valueError(`${repr(x as PyObj)} is not in deque`);
        return pyInt(i);
      };
    case "remove":
      return ([x]) => {
        if (ctx().layout.rules.dequeRemoveFindsIndex) {
          // deque_remove (3.10+): the first equal item's index, then deque_del_item (rotate, popleft, rotate back).
          const i = d.items.findIndex((item) => item === x || pyEq(item, x as PyObj));
          if (i < 0) throw valueError(`${repr(x as PyObj)} is not in deque`);
          dequeDelItem(d, i);
          return None;
        }
        // deque_remove (3.8/3.9): rotate past each non-matching item, pop the match, rotate back.
        const n = d.items.length;
        for (let i = 0; i < n; i++) {
          const item = d.items[0] as PyObj;
          if (item === x || pyEq(item, x as PyObj)) {
            dequePopleft(d);
            dequeRotate(d, i);
            return None;
          }
          dequeRotate(d, -1);
        }
        throw valueError("deque.remove(x): x not in deque");
      };
    case "reverse":
      return () => (d.items.reverse(), None);
    default:
      return null;
  }
}

/** deque_copy: a new deque of the same maxlen; one item is appended (no extend heuristic), more are extended. */
export function dequeCopy(a: PyDequeObj): PyDequeObj {
  const c: PyDequeObj = { t: "deque", items: [], leftindex: ctx().layout.deque.center + 1, maxlen: a.maxlen };
  if (a.items.length === 1) dequeAppend(c, a.items[0] as PyObj);
  else dequeExtend(c, a, false);
  return c;
}

/** deque + deque (deque_concat): deque_copy of the left, extended by the right. */
export function dequeConcat(a: PyDequeObj, b: PyDequeObj): PyDequeObj {
  const c = dequeCopy(a);
  dequeExtend(c, b, false);
  return c;
}

/** deque_inplace_repeat: one item is repeated into the right block(s) up to maxlen; more items are re-extended
 * from a list copy, the count cut to what maxlen can take; n <= 0 clears. */
export function dequeInplaceRepeat(d: PyDequeObj, n: number): PyDequeObj {
  const size = d.items.length;
  if (size === 0 || n === 1) return d;
  if (n <= 0) {
    d.items = [];
    recenter(d);
    return d;
  }
  if (size === 1) {
    const item = d.items[0] as PyObj;
    const m = d.maxlen !== null && n > d.maxlen ? d.maxlen : n;
    for (let i = 1; i < m; i++) d.items.push(item);
    return d;
  }
  const seq = d.items.slice();
  let times = n;
  if (d.maxlen !== null && times * size > d.maxlen) times = Math.floor((d.maxlen + size - 1) / size);
  for (let i = 1; i < times; i++) for (const x of seq) dequeAppend(d, x);
  return d;
}

/** deque * n (deque_repeat): deque_copy, then deque_inplace_repeat on the copy. */
export function dequeRepeat(a: PyDequeObj, n: number): PyDequeObj {
  return dequeInplaceRepeat(dequeCopy(a), n);
}
