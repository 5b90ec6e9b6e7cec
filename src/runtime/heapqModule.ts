// The heapq module: its C functions (Modules/_heapqmodule.c: heappush,
// heappop, heapify, heapreplace, heappushpop, each sifting as siftdown/siftup
// do, so the list holds CPython's order after every operation, and resizing
// the list as PyList_Append and PyList_SetSlice do) and its Python ones
// (Lib/heapq.py: nlargest/nsmallest with their n == 1 and n >= len shortcuts,
// which decide how the result list is built, and merge, a generator).
import { callObject } from "./calls.js";
import { pyEq, richCompare, truthy } from "./compare.js";
import { ctx } from "./ctx.js";
import { PyException, typeError } from "./errors.js";
import { makeGenerator } from "./generators.js";
import { getIter, objectLen, toArray } from "./iteration.js";
import { listAppend, listArray, listAssSliceResize, newEmptyList, newListExact } from "./lists.js";
import { sortInPlace } from "./methods.js";
import { builtinFunction, nativeFunction, None, pyBool, typeName, type Kwargs, type PyListObj, type PyObj } from "./objects.js";
import { bindDef, pyDef } from "./pyParams.js";
import type { Layout } from "../layouts/layout.js";

type Lt = (a: PyObj, b: PyObj) => boolean;

const lessThan: Lt = (a, b) => richCompare("Lt", a, b);

/** siftdown(heap, startpos, pos): the item at pos moved up past every parent it is less than. */
function siftdown<T>(arr: T[], startpos: number, pos: number, lt: (a: T, b: T) => boolean): void {
  const newitem = arr[pos] as T;
  while (pos > startpos) {
    const parentpos = (pos - 1) >> 1;
    const parent = arr[parentpos] as T;
    if (!lt(newitem, parent)) break;
    arr[parentpos] = newitem;
    arr[pos] = parent;
    pos = parentpos;
  }
}

/** siftup(heap, pos): the smaller child moved up until a leaf, then the item sifted down into place. */
function siftup<T>(arr: T[], pos: number, lt: (a: T, b: T) => boolean): void {
  const endpos = arr.length;
  const startpos = pos;
  const limit = endpos >> 1;
  const c = ctx();
  while (pos < limit) {
    let childpos = 2 * pos + 1;
    if (childpos + 1 < endpos && !lt(arr[childpos] as T, arr[childpos + 1] as T)) childpos++;
    const tmp = arr[childpos] as T;
    arr[childpos] = arr[pos] as T;
    arr[pos] = tmp;
    pos = childpos;
    c.tick();
  }
  siftdown(arr, startpos, pos, lt);
}

/** heapify_internal: siftup from the last parent down to the root (the cache-friendly order past 2500 items gives the same heap). */
function heapify<T>(arr: T[], lt: (a: T, b: T) => boolean): void {
  for (let i = (arr.length >> 1) - 1; i >= 0; i--) siftup(arr, i, lt);
}

function heapList(heap: PyObj | undefined): PyListObj {
  if (heap === undefined || heap.t !== "list") throw typeError("heap argument must be a list");
  return heap;
}

function indexError(): PyException {
  return new PyException("IndexError", "index out of range");
}

function heappush(heap: PyListObj, item: PyObj): void {
  listAppend(heap, item);
  const arr = listArray(heap);
  siftdown(arr, 0, arr.length - 1, lessThan);
}

/** heappop_internal: the last item taken off by PyList_SetSlice (list_ass_slice: cleared when it empties the list). */
function heappop(heap: PyListObj): PyObj {
  const arr = listArray(heap);
  const n = arr.length;
  if (n === 0) throw indexError();
  listAssSliceResize(heap, n - 1);
  const lastelt = arr.pop() as PyObj;
  if (n - 1 === 0) return lastelt;
  const returnitem = arr[0] as PyObj;
  arr[0] = lastelt;
  siftup(arr, 0, lessThan);
  return returnitem;
}

function heapreplace(heap: PyListObj, item: PyObj): PyObj {
  const arr = listArray(heap);
  if (arr.length === 0) throw indexError();
  const returnitem = arr[0] as PyObj;
  arr[0] = item;
  siftup(arr, 0, lessThan);
  return returnitem;
}

function heappushpop(heap: PyListObj, item: PyObj): PyObj {
  const arr = listArray(heap);
  if (arr.length === 0 || !lessThan(arr[0] as PyObj, item)) return item;
  const returnitem = arr[0] as PyObj;
  arr[0] = item;
  siftup(arr, 0, lessThan);
  return returnitem;
}

/** n compared with 1 and with len(iterable), as the Python code compares it. */
function countArg(n: PyObj): number | null {
  if (n.t === "int") return Number(n.v);
  if (n.t === "bool") return n.v ? 1 : 0;
  return null;
}

/**
 * nlargest/nsmallest (Lib/heapq.py). n == 1: max()/min() into a one-item
 * list display; n >= len(iterable): a slice of sorted(), an exact list;
 * otherwise the decorated heap's elements collected by a list comprehension
 * (append growth). The heap keeps the first n of a stable sort: the same
 * elements, in the same order, as that sort gives.
 */
function nBest(name: "nlargest" | "nsmallest", largest: boolean, args: readonly PyObj[], kw: Kwargs): PyObj {
  const [nObj, iterable, key] = bindDef(NBEST[name], args, kw) as [PyObj, PyObj, PyObj];
  const n = countArg(nObj);
  if (n === 1 || (nObj.t === "float" && nObj.v === 1)) {
    const it = getIter(iterable);
    let best: PyObj | undefined;
    let bestKey: PyObj | undefined;
    for (let x = it.next(); x !== undefined; x = it.next()) {
      const k = key.t === "NoneType" ? x : callObject(key, [x]);
      if (best === undefined || richCompare(largest ? "Gt" : "Lt", k, bestKey as PyObj)) {
        best = x;
        bestKey = k;
      }
      ctx().tick();
    }
    return best === undefined ? newEmptyList() : newListExact([best]);
  }
  const size = sizedOrNull(iterable);
  if (size !== null) {
    if (n === null) throw typeError(`'>=' not supported between instances of '${typeName(nObj)}' and 'int'`);
    if (n >= size) {
      const items = toArray(iterable);
      sortInPlace(items, key, largest);
      return newListExact(items.slice(0, n));
    }
  }
  if (n === null) throw typeError(`'${typeName(nObj)}' object cannot be interpreted as an integer`);
  const items = toArray(iterable);
  const out = newEmptyList();
  if (n <= 0 || items.length === 0) return out;
  sortInPlace(items, key, largest);
  for (const x of items.slice(0, n)) listAppend(out, x);
  return out;
}

/** len(iterable), or null where len() raises TypeError (the code goes on without it). */
function sizedOrNull(o: PyObj): number | null {
  return o.t === "iterator" ? null : objectLen(o);
}

const NBEST = {
  nlargest: pyDef("nlargest", ["n", "iterable", "key"], [None]),
  nsmallest: pyDef("nsmallest", ["n", "iterable", "key"], [None]),
};

const MERGE = pyDef("merge", [], [], { vararg: "iterables", kwonly: ["key", "reverse"], kwDefaults: [None, pyBool(false)] });

/** merge's frame in 3.11+: co_nlocalsplus (15) + co_stacksize (7) of Lib/heapq.py's merge. */
const MERGE_FRAME_SLOTS = 22;

/** One input of merge: [key, order, value, next] of the Python code (value is the key without key=). */
interface Entry {
  key: PyObj;
  readonly order: number;
  value: PyObj;
  readonly it: { next(): PyObj | undefined };
}

/** The entries as lists compare: key by ==, then < on the first that differs (the order ints never tie). */
function entryLt(a: Entry, b: Entry): boolean {
  if (a.key === b.key || pyEq(a.key, b.key)) return a.order < b.order;
  return lessThan(a.key, b.key);
}

/** merge(*iterables, key=None, reverse=False): the generator Lib/heapq.py's merge makes. */
function merge(args: readonly PyObj[], kw: Kwargs): PyObj {
  const [key, reverse, iterables] = bindDef(MERGE, args, kw) as [PyObj, PyObj, PyObj];
  const sources = toArray(iterables);
  function* run(): Generator<PyObj, void, undefined> {
    const rev = truthy(reverse);
    const direction = rev ? -1 : 1;
    const lt = rev ? (a: Entry, b: Entry): boolean => entryLt(b, a) : entryLt;
    const keyOf = (v: PyObj): PyObj => (key.t === "NoneType" ? v : callObject(key, [v]));
    const h: Entry[] = [];
    sources.forEach((src, order) => {
      const it = getIter(src);
      const value = it.next();
      if (value !== undefined) h.push({ key: keyOf(value), order: order * direction, value, it });
    });
    heapify(h, lt);
    while (h.length > 1) {
      for (;;) {
        const s = h[0] as Entry;
        yield s.value;
        const v = s.it.next();
        if (v === undefined) break;
        s.key = keyOf(v);
        s.value = v;
        siftup(h, 0, lt);
      }
      // The exhausted input leaves the heap as _heappop(h) removes it.
      const last = h.pop() as Entry;
      if (h.length > 0) {
        h[0] = last;
        siftup(h, 0, lt);
      }
    }
    const only = h[0];
    if (only !== undefined) {
      yield only.value;
      for (let v = only.it.next(); v !== undefined; v = only.it.next()) yield v;
    }
  }
  return makeGenerator(run, "merge", MERGE_FRAME_SLOTS);
}

/** The heapq module's names pymem models (the private _siftdown/_heapify_max … are the module's, refused). */
export function heapqModuleAttrs(_layout: Layout): [string, PyObj][] {
  const c = (name: string, f: (args: readonly PyObj[]) => PyObj): PyObj => builtinFunction(name, (args) => f(args), "heapq");
  return [
    ["heappush", c("heappush", ([heap, item]) => (heappush(heapList(heap), item as PyObj), None))],
    ["heappop", c("heappop", ([heap]) => heappop(heapList(heap)))],
    ["heapify", c("heapify", ([heap]) => (heapify(listArray(heapList(heap)), lessThan), None))],
    ["heapreplace", c("heapreplace", ([heap, item]) => heapreplace(heapList(heap), item as PyObj))],
    ["heappushpop", c("heappushpop", ([heap, item]) => heappushpop(heapList(heap), item as PyObj))],
    ["nlargest", nativeFunction("nlargest", (args, kw) => nBest("nlargest", true, args, kw))],
    ["nsmallest", nativeFunction("nsmallest", (args, kw) => nBest("nsmallest", false, args, kw))],
    ["merge", nativeFunction("merge", merge)],
  ];
}
