// How Python/compile.c builds list, tuple, set and dict displays — which
// opcodes, hence which allocator paths: constant displays of 3+ items extend
// from a folded tuple/frozenset; from 3.10, more than STACK_USE_GUIDELINE
// (the layout's rules) items are appended one by one and dict displays are
// built 16 pairs at a time (before, 0xFFFF pairs at a time).
import { updateFrom } from "./methods.js";
import { isUserObj, lookupDunder } from "./userDunders.js";
import { nativeSlots } from "./nativeObjects.js";
import { ctx } from "./ctx.js";
import { dictMerge, dictSet, newDict, newDictPresized } from "./dicts.js";
import { typeError } from "./errors.js";
import { listAppend, listExtend, newEmptyList, newListExact } from "./lists.js";
import { typeName, type PyDictObj, type PyObj, type Scope } from "./objects.js";
import { newSet, setAdd, setUpdate } from "./sets.js";
import { newTuple } from "./tuples.js";

/** compiler_dict before 3.10: a BUILD_MAP of at most this many pairs. */
const MAX_DICT_PAIRS_BEFORE_3_10 = 0xffff;

export type Run = (sc: Scope) => PyObj;

/** One element of a display: a value, or `*iterable`. */
export interface Elt {
  readonly star: boolean;
  readonly run: Run;
}

type SeqKind = "list" | "tuple" | "set";

/** starunpack_helper for non-constant displays (constant ones are folded by the caller). */
export function buildSeqDisplay(kind: SeqKind, elts: readonly Elt[]): Run {
  if (ctx().layout.rules.unpackOpcodes && elts.some((e) => e.star)) return buildSeqUnpack(kind, elts);
  const n = elts.length;
  const guideline = ctx().layout.rules.stackUseGuideline;
  const big = guideline !== null && n > guideline;
  const seenStar = elts.some((e) => e.star);
  if (!seenStar && !big) {
    const runs = elts.map((e) => e.run);
    if (kind === "list") return (sc) => newListExact(runs.map((r) => r(sc)));
    if (kind === "tuple") return (sc) => newTuple(runs.map((r) => r(sc)));
    return (sc) => {
      // BUILD_SET n: every item is evaluated onto the stack first, then PySet_New(NULL) and PySet_Add of each in order.
      const items = runs.map((r) => r(sc));
      ctx().tick(items.length);
      const s = newSet();
      for (const x of items) setAdd(s, x);
      return s;
    };
  }
  return (sc) => {
    // BUILD_LIST/BUILD_SET of the items before the first star (or 0 when big), then extend/append.
    let built: PyObj | null = null;
    const pending: PyObj[] = [];
    const start = (): PyObj => {
      if (kind === "set") {
        const s = newSet();
        for (const x of pending) setAdd(s, x);
        return s;
      }
      return newListExact(pending.splice(0));
    };
    if (big) built = start();
    for (const e of elts) {
      const v = e.run(sc);
      if (e.star) {
        if (built === null) built = start();
        if (built.t === "list") listExtend(built, v);
        else if (built.t === "set") setUpdate(built, v);
      } else if (built === null) {
        pending.push(v);
      } else if (built.t === "list") {
        listAppend(built, v);
      } else if (built.t === "set") {
        setAdd(built, v);
      }
    }
    const result = built ?? start();
    if (kind === "tuple" && result.t === "list") return newTuple(result.items); // LIST_TO_TUPLE: exact
    return result;
  };
}

/**
 * starunpack_helper before 3.9: each run of plain items becomes a BUILD_TUPLE (BUILD_SET for a set
 * display), then BUILD_LIST_UNPACK / BUILD_TUPLE_UNPACK / BUILD_SET_UNPACK extends (updates) a new
 * empty list (set) with every part in order, all parts having been evaluated first.
 */
function buildSeqUnpack(kind: SeqKind, elts: readonly Elt[]): Run {
  return (sc) => {
    const parts: PyObj[] = [];
    let seen: PyObj[] = [];
    const flush = (): void => {
      if (seen.length === 0) return;
      if (kind === "set") {
        const inner = newSet();
        for (const x of seen) setAdd(inner, x);
        parts.push(inner);
      } else parts.push(newTuple(seen));
      seen = [];
    };
    for (const e of elts) {
      const v = e.run(sc);
      if (e.star) {
        flush();
        parts.push(v);
      } else seen.push(v);
    }
    flush();
    ctx().tick(parts.length);
    if (kind === "set") {
      const sum = newSet();
      for (const p of parts) setUpdate(sum, p);
      return sum;
    }
    const sum = newEmptyList();
    for (const p of parts) listExtend(sum, p);
    return kind === "tuple" ? newTuple(sum.items) : sum; // PyList_AsTuple: exact
  };
}

/** BUILD_LIST 0 + LIST_EXTEND const-tuple, or BUILD_SET 0 + SET_UPDATE const-frozenset. */
export function buildConstSeqDisplay(kind: "list" | "set", folded: PyObj): Run {
  if (kind === "list") {
    return () => {
      const l = newEmptyList();
      listExtend(l, folded);
      return l;
    };
  }
  return () => {
    const s = newSet();
    setUpdate(s, folded);
    return s;
  };
}

export interface DictItem {
  readonly key: Run | null; // null: `**mapping`
  readonly value: Run;
  readonly constKey: boolean;
}

/** DICT_UPDATE: PyDict_Update, with CPython's message for a non-mapping. */
export function dictUpdate(d: PyDictObj, other: PyObj): void {
  // dict_merge takes anything with a keys() method (PyMapping_Keys): a setup class's, or a native
  // mapping's such as ChainMap or mappingproxy; only the AttributeError of a missing keys becomes this message.
  if (other.t === "dict" || (isUserObj(other) && lookupDunder(other, "keys") !== undefined) || (!isUserObj(other) && nativeSlots(other)?.attr?.("keys") !== undefined)) {
    updateFrom(d, other);
    return;
  }
  throw typeError(`'${typeName(other)}' object is not a mapping`);
}

type DictStep = { kind: "sub"; begin: number; end: number } | { kind: "unpack"; index: number };

/** compiler_dict: runs of pairs become presized BUILD_MAP/BUILD_CONST_KEY_MAP dicts merged by DICT_UPDATE. */
export function buildDictDisplay(items: readonly DictItem[]): Run {
  const guideline = ctx().layout.rules.stackUseGuideline;
  const steps: DictStep[] = [];
  let elements = 0;
  items.forEach((it, i) => {
    if (it.key === null) {
      if (elements) steps.push({ kind: "sub", begin: i - elements, end: i });
      elements = 0;
      steps.push({ kind: "unpack", index: i });
    } else if (guideline !== null && elements * 2 > guideline) {
      steps.push({ kind: "sub", begin: i - elements, end: i + 1 });
      elements = 0;
    } else if (guideline === null && elements === MAX_DICT_PAIRS_BEFORE_3_10) {
      // Before 3.10, compiler_dict cuts a run at 0xFFFF pairs, the current pair starting the next run.
      steps.push({ kind: "sub", begin: i - elements, end: i });
      elements = 1;
    } else elements++;
  });
  if (elements) steps.push({ kind: "sub", begin: items.length - elements, end: items.length });
  const sub = (sc: Scope, begin: number, end: number): PyDictObj => {
    // compiler_subdict evaluates every key and value first, then builds a presized dict.
    const pairs: PyObj[] = [];
    for (let i = begin; i < end; i++) {
      const it = items[i] as DictItem;
      pairs.push((it.key as Run)(sc), it.value(sc));
    }
    // 3.11+ _PyDict_FromItems: a table of the unicode kind when every key is an exact str.
    let unicode = true;
    for (let i = 0; i < pairs.length; i += 2) if ((pairs[i] as PyObj).t !== "str") unicode = false;
    const d = newDictPresized(end - begin, unicode);
    for (let i = 0; i < pairs.length; i += 2) dictSet(d, pairs[i] as PyObj, pairs[i + 1] as PyObj);
    return d;
  };
  if (ctx().layout.rules.unpackOpcodes) return buildDictUnpack(items, steps, sub);
  return (sc) => {
    let d: PyDictObj | null = null;
    for (const s of steps) {
      if (s.kind === "sub") {
        const part = sub(sc, s.begin, s.end);
        if (d === null) d = part;
        else dictMerge(d, part, true);
      } else {
        if (d === null) d = newDict();
        dictUpdate(d, (items[s.index] as DictItem).value(sc));
      }
      ctx().tick();
    }
    return d ?? newDict();
  };
}

/**
 * compiler_dict before 3.9: the subdicts and `**` mappings are evaluated in order; when there is more
 * than one, or the last item is a `**`, BUILD_MAP_UNPACK merges them all into a new empty dict
 * (PyDict_Update each); a single subdict is the result itself.
 */
function buildDictUnpack(items: readonly DictItem[], steps: readonly DictStep[], sub: (sc: Scope, begin: number, end: number) => PyDictObj): Run {
  const last = items[items.length - 1];
  const merged = steps.length > 1 || (last !== undefined && last.key === null);
  return (sc) => {
    const parts: PyObj[] = [];
    for (const s of steps) {
      parts.push(s.kind === "sub" ? sub(sc, s.begin, s.end) : (items[s.index] as DictItem).value(sc));
      ctx().tick();
    }
    if (!merged) return (parts[0] as PyDictObj | undefined) ?? newDict();
    const d = newDict();
    for (const p of parts) dictUpdate(d, p);
    return d;
  };
}
