// collections.deque's blocks as _collectionsmodule.c moves them: appends and
// pops at either end with leftindex kept as the C code keeps it, rotation,
// deletion, and the deque iterator. The constructor and methods, which
// iterate arbitrary objects, are in dequeMethods.ts.
import { ctx } from "./ctx.js";
import { PyException } from "./errors.js";
import { makeIter } from "./iterObject.js";
import type { PyDequeObj, PyObj } from "./objects.js";

export function dequeAppend(d: PyDequeObj, x: PyObj): void {
  if (d.maxlen === 0) return;
  d.items.push(x);
  if (d.maxlen !== null && d.items.length > d.maxlen) dequePopleft(d);
}

export function dequeAppendleft(d: PyDequeObj, x: PyObj): void {
  if (d.maxlen === 0) return;
  const L = ctx().layout.deque;
  d.items.unshift(x);
  d.leftindex = d.leftindex === 0 ? L.blocklen - 1 : d.leftindex - 1;
  if (d.maxlen !== null && d.items.length > d.maxlen) dequePop(d);
}

export function recenter(d: PyDequeObj): void {
  d.leftindex = ctx().layout.deque.center + 1;
}

export function dequePopleft(d: PyDequeObj): PyObj {
  if (d.items.length === 0) throw new PyException("IndexError", "pop from an empty deque");
  const x = d.items.shift() as PyObj;
  const L = ctx().layout.deque;
  d.leftindex++;
  // deque_popleft re-centers an emptied deque only when leftindex ran off its block; otherwise it stays put.
  if (d.leftindex === L.blocklen) {
    if (d.items.length === 0) recenter(d);
    else d.leftindex = 0;
  }
  return x;
}

export function dequePop(d: PyDequeObj): PyObj {
  if (d.items.length === 0) throw new PyException("IndexError", "pop from an empty deque");
  const x = d.items.pop() as PyObj;
  // deque_pop re-centers only when rightindex fell below 0: the last item sat at index 0 of its block.
  if (d.items.length === 0 && d.leftindex === 0) recenter(d);
  return x;
}

/** _deque_rotate: items move between blocks; leftindex follows the C loop exactly. */
export function dequeRotate(d: PyDequeObj, n: number): void {
  const len = d.items.length;
  if (len <= 1) return;
  const half = len >> 1;
  if (n > half || n < -half) {
    n %= len;
    if (n > half) n -= len;
    else if (n < -half) n += len;
  }
  const B = ctx().layout.deque.blocklen;
  let left = d.leftindex;
  let right = (left + len - 1) % B;
  const k = n;
  while (n > 0) {
    if (left === 0) left = B;
    const m = Math.min(n, right + 1, left);
    right -= m;
    left -= m;
    n -= m;
    if (right < 0) right = B - 1;
  }
  while (n < 0) {
    if (right === B - 1) right = -1;
    const m = Math.min(-n, B - left, B - 1 - right);
    left += m;
    right += m;
    n += m;
    if (left === B) left = 0;
  }
  d.leftindex = left;
  if (k > 0) d.items = [...d.items.slice(len - k), ...d.items.slice(0, len - k)];
  else if (k < 0) d.items = [...d.items.slice(-k), ...d.items.slice(0, -k)];
}

/** del d[i]: rotate the item to the left end, pop it, rotate back. */
export function dequeDelItem(d: PyDequeObj, i: number): void {
  dequeRotate(d, -i);
  dequePopleft(d);
  dequeRotate(d, i);
}

export function dequeIter(d: PyDequeObj): PyObj & { t: "iterator" } {
  let i = 0;
  return makeIter("_deque_iterator", () => (i < d.items.length ? d.items[i++] : undefined), () => d.items.length - i);
}
