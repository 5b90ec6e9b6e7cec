// The deep size of SEMANTICS.md: getsizeof summed over every distinct object
// reachable through container items and dict keys/values, each counted once.
// Closed-form runs of fresh ints are summed arithmetically, not one by one.
import type { Layout } from "../layouts/layout.js";
import { SMALL_INT_MAX, SMALL_INT_MIN } from "../layouts/smallInts.js";
import { pyInt, subOf, typeName, type PyInstanceObj, type PyObj } from "../runtime/objects.js";
import { instanceDict } from "../runtime/instanceValues.js";
import { forEachManagedValue } from "../runtime/managedValues.js";
import type { ProgressClock } from "../runtime/progress.js";
import { materialize, type IntRunSeq, type RunCell, type Seq } from "../runtime/seq.js";
import { runUnion, type RunPart } from "./runUnion.js";
import { getsizeof, sizeofSplitDict } from "./getsizeof.js";
import { anyIdentityUncertain, identityUncertainty } from "../runtime/uncertainIdentity.js";
import { strText } from "../runtime/text.js";
import { unsupported } from "../runtime/errors.js";

export interface TypeTotal {
  count: number;
  bytes: number;
}

export interface DeepSize {
  readonly size: number;
  readonly deep: number;
  readonly objects: number;
  /** Per type name, sorted by name. */
  readonly breakdown: ReadonlyMap<string, TypeTotal>;
  /** The first object of each type the walk reached (for explanations). */
  readonly firstOfType: ReadonlyMap<string, PyObj>;
}

let walks = 0;

export function deepSize(root: PyObj, layout: Layout, progress: ProgressClock | null = null): DeepSize {
  const walk = ++walks;
  const seen = new Set<object>();
  /** Whether the walk reached `o` already: the numerous kinds carry a mark, the rest go in a Set. */
  const wasReached = (o: PyObj): boolean => ("w" in o ? o.w === walk : seen.has(o));
  /** Whether the walk reached `o` before, marking it reached. */
  const reached = (o: PyObj): boolean => {
    if (wasReached(o)) return true;
    if ("w" in o) o.w = walk;
    else seen.add(o);
    return false;
  };
  const firstOfType = new Map<string, PyObj>();
  const totals = new Map<string, TypeTotal>();
  let deep = 0;
  let objects = 0;
  const add = (name: string, count: number, bytes: number): void => {
    const t = totals.get(name);
    if (t === undefined) totals.set(name, { count, bytes });
    else {
      t.count += count;
      t.bytes += bytes;
    }
    deep += bytes;
    objects += count;
  };
  const stack: PyObj[] = [root];
  // An array of items is walked in place, not copied onto the stack (10^6 items were
  // 8 MB of stack and its growth): a frame is taken from when the stack is back at
  // the height it was pushed at, so the order is the one pushing every item gave.
  const frames = new WalkFrames();
  let dictExample = false;
  let visited = 0;
  const pushSeq = (s: Seq): void => {
    if (Array.isArray(s)) {
      frames.push(s, stack.length, false);
    } else if (s.kind === "repeat") {
      for (const x of s.unit) stack.push(x);
    } else if (s.cell.items !== null) {
      frames.push(materialize(s), stack.length, false);
    } else {
      // The fresh ints are summed once per cell when the walk ends (views of one cell share them);
      // the cached small ones are the shared objects anyone else may hold too.
      const views = runViews.get(s.cell);
      if (views === undefined) runViews.set(s.cell, [s]);
      else views.push(s);
      for (const v of intRunSmallValues(s)) stack.push(pyInt(v));
    }
  };
  const pushValue = (v: PyObj): void => {
    stack.push(v);
  };
  const managed = layout.rules.managedDicts;
  const pushPair = (k: PyObj, v: PyObj): void => {
    stack.push(k, v);
  };
  const runViews = new Map<RunCell, IntRunSeq[]>();
  // Two strs of one text where one may or may not be the other (uncertainIdentity.ts): refused.
  const texts = anyIdentityUncertain() ? new Map<string, PyObj>() : null;
  // The running total of the type met last (runs of one type are the common case: one Map lookup saved per object).
  let lastName = "";
  let lastTotal: TypeTotal = { count: 0, bytes: 0 };
  for (;;) {
    const o = frames.take(stack.length) ?? stack.pop();
    if (o === undefined) break;
    if (reached(o)) continue;
    if ((++visited & 0xffff) === 0) progress?.report("sizing", visited, null);
    const name = typeName(o);
    if (name !== lastName) {
      let t = totals.get(name);
      if (t === undefined) {
        t = { count: 0, bytes: 0 };
        totals.set(name, t);
      }
      if (!firstOfType.has(name)) firstOfType.set(name, o);
      lastName = name;
      lastTotal = t;
    }
    if (texts !== null && o.t === "str") {
      const text = strText(o);
      const other = texts.get(text);
      if (other === undefined) texts.set(text, o);
      else {
        const why = identityUncertainty(o) ?? identityUncertainty(other);
        if (why !== undefined) throw unsupported(why);
      }
    }
    const bytes = getsizeof(o, layout);
    lastTotal.count++;
    lastTotal.bytes += bytes;
    deep += bytes;
    objects++;
    switch (o.t) {
      case "list":
        pushSeq(o.items);
        break;
      case "tuple":
        pushSeq(o.items);
        // An instance of a tuple subclass: its __dict__ when one is allocated.
        if (o.dict != null) stack.push(o.dict);
        break;
      case "set":
      case "frozenset": {
        const run = o.table.pendingRun;
        if (run !== null) pushSeq(run);
        else frames.push(o.table.slotKeys(), stack.length, true);
        break;
      }
      case "dict": {
        const p = o.table.pendingEntries;
        if (p === null) o.table.forEachEntry(pushPair);
        else {
          pushSeq(p.keys);
          if ("each" in p.values) stack.push(p.values.each);
          else pushSeq(p.values);
        }
        break;
      }
      case "deque":
        frames.push(o.items, stack.length, false);
        break;
      case "instance":
        // An instance of a builtin class (a builtin exception) is a leaf: only classes of the setup are walked.
        if (o.cls.static === true || o.cls.stdlib === true) break;
        walkInstancePart(o);
        break;
      default:
        break;
    }
    // An object of a builtin subclass: its __dict__ and slots besides the builtin's contents.
    const sub = subOf(o);
    if (sub !== undefined && sub.cls.static !== true && sub.cls.stdlib !== true) walkInstancePart(sub);
  }
  function walkInstancePart(o: PyInstanceObj): void {
    {
      {
        // The instance __dict__ when one is allocated, and every filled slot over the MRO.
        if (o.dict !== null) stack.push(o.dict);
        else if (o.attrKeys !== null && managed) {
          // 3.11+: the values it holds without a dict object (the values array is no object).
          forEachManagedValue(o, pushValue);
        } else if (o.attrKeys !== null) {
          if (!dictExample) {
            // One dict object for the breakdown's example (making it changes no figure).
            dictExample = true;
            stack.push(instanceDict(o));
          } else {
            const keys = o.attrKeys;
            add("dict", 1, sizeofSplitDict(keys, layout, o));
            const values = o.attrValues as PyObj[];
            for (let i = 0; i < o.attrCount; i++) stack.push(keys.order[i] as PyObj, values[i] as PyObj);
          }
        }
        if (o.slotValues !== null) for (const v of o.slotValues) if (v !== undefined) stack.push(v);
      }
    }
  }
  for (const [cell, views] of runViews) {
    for (const part of runUnion(cell, views)) {
      const fresh = intRunFreshSizes(part, layout);
      add("int", fresh.count, fresh.bytes);
    }
    // A fresh int made one at a time (l[-1]) and also reached by itself was counted already.
    for (const [i, o] of cell.sparse ?? []) {
      if (wasReached(o) && views.some((v) => inView(v, i))) add("int", -1, -getsizeof(o, layout));
    }
  }
  const breakdown = new Map([...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { size: getsizeof(root, layout), deep, objects, breakdown, firstOfType };
}

/**
 * Arrays being walked, each with the stack height it was pushed at: forward
 * (a list's items, as popping them pushed in reverse gave) or backward skipping
 * empty slots (a set's slot table, as popping them pushed in slot order gave).
 */
class WalkFrames {
  private readonly arrays: (readonly (PyObj | null | undefined)[])[] = [];
  private readonly next: number[] = [];
  private readonly height: number[] = [];
  private readonly backward: boolean[] = [];

  push(items: readonly (PyObj | null | undefined)[], height: number, backward: boolean): void {
    if (items.length === 0) return;
    this.arrays.push(items);
    this.next.push(backward ? items.length - 1 : 0);
    this.height.push(height);
    this.backward.push(backward);
  }

  /** The next item of the top frame when the stack is at its height, else undefined. */
  take(stackHeight: number): PyObj | undefined {
    for (let f = this.arrays.length - 1; f >= 0 && this.height[f] === stackHeight; f--) {
      const items = this.arrays[f] as (PyObj | null | undefined)[];
      let i = this.next[f] as number;
      if (this.backward[f] === true) {
        while (i >= 0 && (items[i] === null || items[i] === undefined)) i--;
        if (i >= 0) {
          this.next[f] = i - 1;
          return items[i] as PyObj;
        }
      } else if (i < items.length) {
        this.next[f] = i + 1;
        const item = items[i];
        // A hole would end the walk early (undefined is "no item"): a wrong total, never given silently.
        if (item === undefined || item === null) throw new Error(`a hole at item ${i} of a walked array`);
        return item;
      }
      this.arrays.pop();
      this.next.pop();
      this.height.pop();
      this.backward.pop();
    }
    return undefined;
  }
}

function inView(v: IntRunSeq, i: number): boolean {
  const d = i - v.off;
  if (v.stride === 0 || d % v.stride !== 0) return d === 0 && v.len > 0;
  const k = d / v.stride;
  return k >= 0 && k < v.len;
}

/** The k in [0, len) with lo <= start + k*step <= hi, as [kmin, kmax] (empty when kmin > kmax). */
function kRange(run: RunPart, lo: number, hi: number): [number, number] {
  const { start, step, len } = run;
  let kmin = step > 0 ? Math.ceil((lo - start) / step) : Math.ceil((hi - start) / step);
  let kmax = step > 0 ? Math.floor((hi - start) / step) : Math.floor((lo - start) / step);
  kmin = Math.max(kmin, 0);
  kmax = Math.min(kmax, len - 1);
  return [kmin, kmax];
}

function countBetween(run: RunPart, lo: number, hi: number): number {
  const [kmin, kmax] = kRange(run, lo, hi);
  return kmax >= kmin ? kmax - kmin + 1 : 0;
}

/** The run's ints outside the small-int cache: each a distinct object of 1 or 2 digits. */
function intRunFreshSizes(run: RunPart, layout: Layout): TypeTotal {
  // By digit count: |v| in [lo, hi] takes d digits of the layout's base (runs stay below 2**53).
  const base = layout.long.digitBase;
  const first = run.start;
  const last = run.start + (run.len - 1) * run.step;
  const most = Math.max(Math.abs(first), Math.abs(last));
  let count = 0;
  let bytes = 0;
  for (let d = 1, lo = 1, hi = base - 1; lo <= most; d++, lo = hi + 1, hi = Math.min(hi * base + (base - 1), Number.MAX_SAFE_INTEGER)) {
    const n = countBetween(run, lo, hi) + countBetween(run, -hi, -lo);
    count += n;
    bytes += n * layout.long.sizeof(lo);
  }
  // The small ints are the cached objects, counted where the walk reaches them.
  const small = countBetween(run, SMALL_INT_MIN, SMALL_INT_MAX) - countBetween(run, 0, 0);
  return { count: count - small, bytes: bytes - small * layout.long.sizeof(1) };
}

/** The run's values inside the small-int cache: those are CPython's shared objects. */
function intRunSmallValues(run: RunPart): number[] {
  const [kmin, kmax] = kRange(run, SMALL_INT_MIN, SMALL_INT_MAX);
  const out: number[] = [];
  for (let k = kmin; k <= kmax; k++) out.push(run.start + k * run.step);
  return out;
}
