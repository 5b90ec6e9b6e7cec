// The bisect module as Modules/_bisectmodule.c runs it: the searches compare
// with < only (item < a[mid] for bisect_right, a[mid] < item for bisect_left),
// reading a[mid] through PySequence_GetItem, lo checked non-negative and hi
// None (or negative) meaning len(a); key= (3.10+, where the version's
// signature has it) applied to a[mid] and, for insort, to the item. insort
// puts the item in by PyList_Insert for an exact list (list_resize by one,
// as list.insert) and by the sequence's own insert() otherwise.
import { callObject } from "./calls.js";
import { richCompare } from "./compare.js";
import { ctx } from "./ctx.js";
import { typeError, valueError } from "./errors.js";
import { getAttr } from "./attributes.js";
import { objectLen } from "./iteration.js";
import { listArray, listResizeTo } from "./lists.js";
import { toIndex } from "./numbers.js";
import { builtinFunction, None, pyInt, typeName, type Kwargs, type PyObj } from "./objects.js";
import { getItem } from "./subscript.js";
import type { Layout } from "../layouts/layout.js";

const PARAMS = ["a", "x", "lo", "hi"] as const;

interface Call {
  readonly a: PyObj;
  readonly x: PyObj;
  readonly lo: number;
  readonly hi: PyObj;
  readonly key: PyObj;
}

/** The arguments as the module's argument parser takes them (a version without key= refuses it as an invalid keyword). */
function bind(name: string, args: readonly PyObj[], kw: Kwargs, hasKey: boolean, hiNone: boolean): Call {
  const v: (PyObj | undefined)[] = [...args];
  let key: PyObj = None;
  for (const [k, val] of kw.values) {
    const i = (PARAMS as readonly string[]).indexOf(k);
    if (i >= 0) {
      if (i < args.length) throw typeError(`argument for ${name}() given by name ('${k}') and position (${i + 1})`);
      v[i] = val;
    } else if (k === "key" && hasKey) key = val;
    else throw typeError(`'${k}' is an invalid keyword argument for ${name}()`);
  }
  if (args.length > 4) throw typeError(`${name}() takes at most 4 arguments (${args.length} given)`);
  const [a, x, lo, hi] = v;
  if (a === undefined || x === undefined) {
    const missing = a === undefined ? "a" : "x";
    throw typeError(`${name}() missing required argument '${missing}' (pos ${missing === "a" ? 1 : 2})`);
  }
  if (hi !== undefined && hi.t === "NoneType" && !hiNone) throw typeError("'NoneType' object cannot be interpreted as an integer");
  return { a, x, lo: lo === undefined ? 0 : toIndex(lo), hi: hi ?? None, key };
}

/** internal_bisect_right / internal_bisect_left. */
function search(c: Call, item: PyObj, right: boolean): number {
  let lo = c.lo;
  if (lo < 0) throw valueError("lo must be non-negative");
  let hi = c.hi.t === "NoneType" ? -1 : toIndex(c.hi);
  if (hi === -1) {
    const n = objectLen(c.a);
    if (n === null) throw typeError(`object of type '${typeName(c.a)}' has no len()`);
    hi = n;
  }
  const t = ctx();
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    let litem = getItem(c.a, pyInt(mid));
    if (c.key.t !== "NoneType") litem = callObject(c.key, [litem]);
    const goLeft = right ? richCompare("Lt", item, litem) : !richCompare("Lt", litem, item);
    if (goLeft) hi = mid;
    else lo = mid + 1;
    t.tick();
  }
  return lo;
}

function insort(c: Call, right: boolean): PyObj {
  const item = c.key.t === "NoneType" ? c.x : callObject(c.key, [c.x]);
  const index = search(c, item, right);
  if (c.a.t === "list") {
    // PyList_Insert: ins1, list_resize(n + 1) then the items moved up.
    const items = listArray(c.a);
    listResizeTo(c.a, items.length + 1);
    items.splice(Math.min(index, items.length), 0, c.x);
  } else {
    callObject(getAttr(c.a, "insert"), [pyInt(index), c.x]);
  }
  return None;
}

/** The bisect module's functions; key= where the version's bisect takes it. */
export function bisectModuleAttrs(layout: Layout): [string, PyObj][] {
  const hasKey = (layout.signatures()["module bisect.bisect_left"] ?? "").includes("key:");
  const f = (name: string, run: (c: Call) => PyObj): [string, PyObj] => [name, builtinFunction(name, (args, kw) => run(bind(name, args, kw, hasKey, layout.rules.bisectHiAcceptsNone)), "bisect")];
  return [
    f("bisect_right", (c) => pyInt(search(c, c.x, true))),
    f("bisect_left", (c) => pyInt(search(c, c.x, false))),
    f("bisect", (c) => pyInt(search(c, c.x, true))),
    f("insort_right", (c) => insort(c, true)),
    f("insort_left", (c) => insort(c, false)),
    f("insort", (c) => insort(c, true)),
  ];
}
