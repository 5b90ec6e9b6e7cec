// Attribute access on modelled objects: bound methods of the builtin types,
// module members, and the few data attributes of numbers and ranges.
import { classOfValue } from "./typeObjects.js";
import { decimalNormalize } from "./decimalNormalize.js";
import { nativeSlots } from "./nativeObjects.js";
import { decimalExp, decimalLn, decimalLog10 } from "./decimalTranscendental.js";
import { missingAttribute, typeHasAttribute, unlistedOwner } from "./missingAttribute.js";
import { argCount, callObject } from "./calls.js";
import { truthy, pyCompare, pyEq, richCompare } from "./compare.js";
import { ctx } from "./ctx.js";
import { dictClear, dictCopy, dictDelete, dictGet, dictMerge, dictSet, newDictPresized } from "./dicts.js";
import { PyException, PymemError, typeError, valueError, keyError } from "./errors.js";
import { generatorMethod, isGeneratorObject } from "./generatorObject.js";
import { forEach, toArray } from "./iteration.js";
import { listArray, listAssSliceResize, listExtend, listResizeTo, newListExact, listAppend } from "./lists.js";
import { intFromDouble, intValue, popIndex, toIndex } from "./numbers.js";
import {
  None, pyBool, pyFloat, pyInt, typeName, type NativeFn, type PyDictObj, PyListObj, type PyObj, type PySetObj,
} from "./objects.js";
import { repr } from "./repr.js";
import { pyBytes, pyBytesFresh, pyComplex, pyStr } from "./objects.js";
import { bytesData, strText } from "./text.js";
import { isLazy, isRun, materialize, type IntRunSeq } from "./seq.js";
import { runFind, runReversed } from "./intRuns.js";
import { setAdd, setClear, setCopy, setDiscard, setPop, setUpdate } from "./sets.js";
import {
  setDifferenceMulti, setDifferenceUpdate, setIntersectionMulti, setIntersectionUpdate, setIsDisjoint, setIsSubset, setIsSuperset,
  setSymmetricDifference, setSymmetricDifferenceUpdate, setUnion,
} from "./setAlgebra.js";
import { bytesMethod, strMethod } from "./strMethods.js";
import { contains } from "./ops.js";
import { callBound, isUserObj, lookupDunder, userIndexOf } from "./userDunders.js";
import { getItem } from "./subscript.js";
import { newTuple, tuple2 } from "./tuples.js";
import { randomObjectMethod } from "./randomModule.js";
import { propertyAttr } from "./opaqueObjects.js";
import type { PyRandom } from "./randomState.js";
import { arrayMethod } from "./arrayMethods.js";
import { dequeMethod } from "./dequeMethods.js";
import { flavorMethod } from "./dictFlavors.js";
import { formatDunder } from "./formatDunder.js";
import { sizeofDunder } from "./sizeofDunder.js";
import { makeDecimal, roundToContext } from "./decimals.js";
import { decimalAsTuple } from "./decimalTuple.js";
import { byteArrayExtend, byteArrayResize, byteValue } from "./byteArrays.js";
import { indexBounds, indexIn } from "./indexIn.js";
import { dunder } from "./dunders.js";
import { numberDunder } from "./numberDunders.js";
import { signatureCounts } from "./argumentBinding.js";
import { longSliceIndices } from "./longSlices.js";
import { checkCall } from "./signatures.js";
import { moduleAttr } from "./moduleAttrs.js";
import { boundKind } from "./builtinDescriptors.js";

/** slice.indices(length): _PySlice_GetLongIndices, in exact integers. */
function sliceIndicesTuple(s: import("./objects.js").PySliceObj, lengthObj: PyObj): PyObj {
  const lv = intValue(lengthObj) ?? userIndexOf(lengthObj);
  if (lv === null) throw typeError(`'${typeName(lengthObj)}' object cannot be interpreted as an integer`);
  const length = BigInt(lv);
  if (length < 0n) throw valueError("length should not be negative");
  const [start, stop, step] = longSliceIndices(s, length);
  return newTuple([pyInt(start), pyInt(stop), pyInt(step)]);
}

/** list.sort's reverse is a C int (_PyLong_AsInt): bools and ints only. */
export function sortReverse(o: PyObj | undefined): boolean {
  if (o === undefined) return false;
  if (ctx().layout.rules.boolArgsTruthy) return truthy(o);
  if (o.t === "float") throw typeError("integer argument expected, got float");
  const v = intValue(o) ?? userIndexOf(o);
  if (v === null) throw typeError(`'${typeName(o)}' object cannot be interpreted as an integer`);
  return v !== 0 && v !== 0n;
}

const SIGNED_TYPES = new Set(["int", "float", "complex", "str", "bytes", "bytearray", "list", "tuple", "dict", "set", "frozenset", "range", "deque", "array"]);

/** The type whose method table applies (collections' dict flavours have their own signatures). */
function methodOwner(self: PyObj): string | null {
  if (self.t === "bool") return "int";
  if (self.t === "dict" && self.flavor !== undefined) return self.flavor.name;
  return SIGNED_TYPES.has(self.t) ? self.t : null;
}

function bound(self: PyObj, name: string, fn: NativeFn): PyObj {
  const owner = methodOwner(self);
  const sig = owner === null ? undefined : signatureCounts(owner, name);
  // A slot wrapper binds to a method-wrapper, a METH_METHOD function to a builtin_method.
  const kind = boundKind(self, name);
  if (sig !== undefined) {
    const checked: NativeFn = (args, kwargs) => {
      checkCall(name, sig, args, kwargs);
      return fn(args, kwargs);
    };
    return { t: "builtin", name, self, fn: checked, ...kind };
  }
  return { t: "builtin", name, self, fn, ...kind };
}

function listMethod(l: PyListObj, name: string): NativeFn | null {
  switch (name) {
    case "append":
      return ([x]) => {
        listAppend(l, x as PyObj);
        return None;
      };
    case "extend":
      return ([x]) => {
        listExtend(l, x as PyObj);
        return None;
      };
    case "insert":
      return ([i, x]) => {
        const items = listArray(l);
        let at = toIndex(i as PyObj);
        if (at < 0) at = Math.max(at + items.length, 0);
        listResizeTo(l, items.length + 1);
        items.splice(Math.min(at, items.length), 0, x as PyObj);
        return None;
      };
    case "pop":
      return ([i]) => {
        const items = listArray(l);
        const at = popIndex(i, items.length, "list");
        const v = items[at] as PyObj;
        // 3.12+ list_pop_impl: the last item popped is list_clear (the item array freed), else list_resize.
        if (items.length === 1 && ctx().layout.rules.popToEmptyClears) listAssSliceResize(l, 0);
        else listResizeTo(l, items.length - 1);
        items.splice(at, 1);
        return v;
      };
    case "remove":
      return ([x]) => {
        const items = listArray(l);
        const at = items.findIndex((y) => y === x || pyEq(y, x as PyObj));
        if (at < 0) throw valueError("list.remove(x): x not in list");
        listAssSliceResize(l, items.length - 1);
        items.splice(at, 1);
        return None;
      };
    case "clear":
      return () => {
        // list_clear frees ob_item; with none (allocated -1: the list is sorting) it changes nothing.
        if (l.allocated === -1) return None;
        l.items = [];
        l.allocated = 0;
        delete l.zeroBlock;
        return None;
      };
    case "copy":
      // list_slice(self, 0, len): exact, and a closed form stays shared.
      return () => newListExact(isLazy(l.items) ? l.items : l.items.slice());
    case "index":
      return ([x, start, stop]) => {
        const at = isRun(l.items) && isPlainInt(x as PyObj) ? runIndexIn(l.items, x as PyObj, start, stop) : indexIn(materialize(l.items), x as PyObj, start, stop);
        if (at < 0) throw valueError(`${repr(x as PyObj)} is not in list`);
        return pyInt(at);
      };
    case "count":
      return ([x]) =>
        isRun(l.items) && isPlainInt(x as PyObj)
          ? pyInt(runFind(l.items, BigInt(intValue(x as PyObj) as number | bigint)) >= 0 ? 1 : 0)
          : pyInt(materialize(l.items).filter((y) => y === x || pyEq(y, x as PyObj)).length);
    case "reverse":
      return () => {
        if (isRun(l.items)) l.items = runReversed(l.items);
        else listArray(l).reverse();
        return None;
      };
    case "sort":
      return (_args, kw) => {
        if (sortRun(l, kw.values.get("key") ?? None, sortReverse(kw.values.get("reverse")))) return None;
        listSort(l, kw.values.get("key") ?? None, sortReverse(kw.values.get("reverse")));
        return None;
      };
    default:
      return null;
  }
}

/** Sorting a run without a key: its distinct values are in order or in reverse order already. */
export function sortRun(l: PyListObj, key: PyObj, reverse: boolean): boolean {
  if (!isRun(l.items) || key.t !== "NoneType") return false;
  if (l.items.step > 0 === reverse) l.items = runReversed(l.items);
  ctx().tick(1);
  return true;
}

/** An exact int or bool: compares with a run's ints by value alone. */
function isPlainInt(x: PyObj): boolean {
  return (x.t === "int" && x.sub === undefined) || x.t === "bool";
}

/** list.index of an int in a run, with indexIn's bounds. */
function runIndexIn(r: IntRunSeq, x: PyObj, start: PyObj | undefined, stop: PyObj | undefined): number {
  const k = runFind(r, BigInt(intValue(x) as number | bigint));
  if (k < 0) return -1;
  const [a, b] = indexBounds(r.len, start, stop);
  return k >= a && k < b ? k : -1;
}

/**
 * A sort key as a double, when it is an exact int a double holds or an exact float that is not NaN
 * (they compare as doubles); a subclass's object compares through its class (unsafe_object_compare).
 */
function numericKey(k: PyObj): number | null {
  if (k.t !== "int" && k.t !== "float") return null;
  if (k.sub !== undefined) return null;
  return (k.t === "int" && typeof k.v === "number") || (k.t === "float" && !Number.isNaN(k.v)) ? (k.v as number) : null;
}

/** The keys as doubles when every one is numericKey's kind. */
function numericKeys(keys: readonly PyObj[]): Float64Array | null {
  const out = new Float64Array(keys.length);
  for (let i = 0; i < keys.length; i++) {
    const v = numericKey(keys[i] as PyObj);
    if (v === null) return null;
    out[i] = v;
  }
  return out;
}

/**
 * Whole-number keys as one sortable double each: key * m + index (m a power
 * of two above every index), negated key for a reverse sort. A native numeric
 * sort of these is the stable sort by key, ties in index order. Null when some
 * key is not a whole number or the product would not be exact.
 */
function packedKeys(nums: Float64Array, reverse: boolean): Float64Array | null {
  const n = nums.length;
  const m = 2 ** Math.max(1, Math.ceil(Math.log2(n + 1)));
  const limit = 2 ** 53 / m - 1;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const v = nums[i] as number;
    if (!Number.isInteger(v) || Math.abs(v) >= limit) return null;
    out[i] = (reverse ? -v : v) * m + i;
  }
  out.sort();
  for (let i = 0; i < n; i++) {
    const c = out[i] as number;
    out[i] = c - Math.floor(c / m) * m;
  }
  return out;
}

/**
 * The key of each item. While every key is an int a double holds or a float
 * (not NaN), only its value is kept (the key objects are dropped as they come,
 * as nothing else holds them); the first other key turns them back into
 * objects of the same values, which compare the same.
 */
function sortKeys(items: readonly PyObj[], key: PyObj): { keys: PyObj[]; nums: null } | { keys: null; nums: Float64Array } {
  if (key.t === "NoneType") {
    const nums = numericKeys(items);
    return nums === null ? { keys: items as PyObj[], nums } : { keys: null, nums };
  }
  const n = items.length;
  const nums = new Float64Array(n);
  const isFloat = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const k = callObject(key, [items[i] as PyObj]);
    const v = numericKey(k);
    if (v !== null) {
      nums[i] = v;
      isFloat[i] = k.t === "float" ? 1 : 0;
      continue;
    }
    const keys = new Array<PyObj>(n);
    for (let j = 0; j < i; j++) keys[j] = isFloat[j] === 1 ? pyFloat(nums[j] as number) : pyInt(nums[j] as number);
    keys[i] = k;
    for (let j = i + 1; j < n; j++) keys[j] = callObject(key, [items[j] as PyObj]);
    return { keys, nums: null };
  }
  return { keys: null, nums };
}

/**
 * list_sort_impl: the list is made empty while it sorts (keys are computed and compared over
 * the saved items, so the list itself then reads as [] — in a key, a comparison, or as an item
 * of itself), and comes back sorted; any change made to it meanwhile is thrown away with
 * ValueError("list modified during sort").
 */
export function listSort(l: PyListObj, key: PyObj, reverse: boolean): void {
  const saved = listArray(l);
  const savedAllocated = l.allocated;
  const during: PyObj[] = [];
  l.items = during;
  l.allocated = -1;
  let done = false;
  try {
    sortInPlace(saved, key, reverse);
    done = true;
  } finally {
    const modified = l.items !== during || during.length > 0 || l.allocated !== -1;
    l.items = saved;
    l.allocated = savedAllocated;
    if (done && modified) throw valueError("list modified during sort");
  }
}

/** listobject.c's MIN_MERGE: a list shorter than this is one run, sorted by count_run and binarysort. */
const MIN_MERGE = 64;

/**
 * list_sort_impl on fewer than MIN_MERGE keys (minrun is their count): count_run finds the leading
 * run (reversed when strictly descending; from 3.13 a descending run also takes equal keys, each
 * group of them reversed in place so that the sort stays stable, and then the ascending keys that
 * follow), then binarysort inserts the rest, binary-searching with `lt(pivot, a[mid])`.
 */
function shortTimsort(a: number[], lt: (x: number, y: number) => boolean, equalDescending: boolean): void {
  const n = a.length;
  if (n < 2) return;
  const rev = (from: number, to: number): void => {
    for (let i = from, j = to - 1; i < j; i++, j--) [a[i], a[j]] = [a[j] as number, a[i] as number];
  };
  let run: number;
  if (!equalDescending) {
    run = 2;
    if (lt(a[1] as number, a[0] as number)) {
      while (run < n && lt(a[run] as number, a[run - 1] as number)) run++;
      rev(0, run);
    } else {
      while (run < n && !lt(a[run] as number, a[run - 1] as number)) run++;
    }
  } else {
    run = countRun313(a, lt, rev);
  }
  for (let start = run; start < n; start++) {
    const pivot = a[start] as number;
    let l = 0;
    let r = start;
    do {
      const p = (l + r) >> 1;
      if (lt(pivot, a[p] as number)) r = p;
      else l = p + 1;
    } while (l < r);
    for (let p = start; p > l; p--) a[p] = a[p - 1] as number;
    a[l] = pivot;
  }
}

/** count_run as 3.13 has it (gh-116554): see shortTimsort. */
function countRun313(a: number[], lt: (x: number, y: number) => boolean, rev: (from: number, to: number) => void): number {
  const n = a.length;
  let k = 1;
  for (; k < n; k++) if (lt(a[k] as number, a[k - 1] as number)) break;
  if (k === n) return k;
  if (k > 1) {
    if (lt(a[0] as number, a[k - 1] as number)) return k;
    rev(0, k);
  }
  k++;
  let neq = 0;
  const reverseLastNeq = (): void => {
    if (neq) {
      neq++;
      rev(k - neq, k);
      neq = 0;
    }
  };
  for (; k < n; k++) {
    if (lt(a[k] as number, a[k - 1] as number)) reverseLastNeq();
    else if (lt(a[k - 1] as number, a[k] as number)) break;
    else neq++;
  }
  reverseLastNeq();
  rev(0, k);
  for (; k < n; k++) if (lt(a[k] as number, a[k - 1] as number)) break;
  return k;
}

export function sortInPlace(items: PyObj[], key: PyObj, reverse: boolean): void {
  const { keys, nums } = sortKeys(items, key);
  const order = nums === null ? null : packedKeys(nums, reverse);
  if (order !== null) {
    const sorted = Array.from(order, (i) => items[i] as PyObj);
    ctx().tick(items.length);
    for (let i = 0; i < items.length; i++) items[i] = sorted[i] as PyObj;
    return;
  }
  const idx = items.map((_x, i) => i);
  if (nums !== null) {
    // Ints and floats that a double holds compare exactly as doubles; equal keys keep their order.
    idx.sort(reverse ? (a, b) => (nums[b] as number) - (nums[a] as number) || a - b : (a, b) => (nums[a] as number) - (nums[b] as number) || a - b);
  } else if (items.length < MIN_MERGE) {
    // A short list: timsort's own comparisons (a class's __lt__ sees each one CPython makes).
    const ks = keys as PyObj[];
    // reverse=True: list_sort_impl reverses, sorts ascending, and reverses back (stable for equal keys).
    if (reverse) idx.reverse();
    shortTimsort(idx, (a, b) => richCompare("Lt", ks[a] as PyObj, ks[b] as PyObj), ctx().layout.rules.sortRunKeepsEqualDescending === true);
    if (reverse) idx.reverse();
  } else {
    const ks = keys as PyObj[];
    idx.sort((a, b) => {
      const c = pyCompare(ks[a] as PyObj, ks[b] as PyObj, "<");
      return (reverse ? -c : c) || a - b;
    });
  }
  const sorted = idx.map((i) => items[i] as PyObj);
  ctx().tick(items.length);
  for (let i = 0; i < items.length; i++) items[i] = sorted[i] as PyObj;
}

function dictMethod(d: PyDictObj, name: string): NativeFn | null {
  switch (name) {
    case "keys":
    case "values":
    case "items":
      return () => ({ t: "dictview", typeName: `dict_${name}` as "dict_keys", dict: d });
    case "get":
      return ([k, dflt]) => dictGet(d, k as PyObj) ?? dflt ?? None;
    case "pop":
      return ([k, dflt]) => {
        if (dictGet(d, k as PyObj) === undefined) {
          if (dflt !== undefined) return dflt;
          throw keyError(k as PyObj, repr(k as PyObj));
        }
        return dictDelete(d, k as PyObj);
      };
    case "popitem":
      return () => {
        const last = [...d.table.map.values()].pop();
        if (last === undefined) throw keyError(pyStr("popitem(): dictionary is empty"), "'popitem(): dictionary is empty'");
        dictDelete(d, last.key);
        d.table.fill--; // popitem takes the last entry back (dk_nentries--), usable stays
        return tuple2(last.key, last.value);
      };
    case "setdefault":
      return ([k, dflt]) => {
        const v = dictGet(d, k as PyObj);
        if (v !== undefined) return v;
        dictSet(d, k as PyObj, dflt ?? None);
        return dflt ?? None;
      };
    case "update":
      return ([other], kw) => {
        if (other !== undefined) updateFrom(d, other);
        if (kw.values.size === 0) return None;
        // dict_update_common: PyDict_Merge(self, kwds, 1), kwds built by _PyStack_AsDict (presized), so an empty
        // target (an instance's fresh split __dict__ too) takes dict_merge's clone path.
        const kwds = newDictPresized(kw.values.size, true);
        for (const [k, v] of kw.values) dictSet(kwds, kw.keys.get(k) as PyObj, v);
        dictMerge(d, kwds, true);
        return None;
      };
    case "clear":
      return () => {
        dictClear(d);
        return None;
      };
    case "copy":
      return () => dictCopy(d);
    default:
      return null;
  }
}

/** dict_update_arg: a dict merges, a mapping with keys() is read key by key, else pairs. */
export function updateFrom(d: PyDictObj, other: PyObj): void {
  // dict_merge's fast path is for a dict whose tp_iter is dict_iter: an OrderedDict (odict_iter) or a
  // subclass with its own __iter__ is merged the generic way, key by key in its keys() order, so the
  // target grows entry by entry instead of cloning or presizing from the source's table.
  const keys = isUserObj(other) ? lookupDunder(other, "keys") : undefined;
  if (other.t === "dict" && other.flavor?.name !== "OrderedDict" && !(isUserObj(other) && lookupDunder(other, "__iter__") !== undefined)) {
    dictMerge(d, other, true);
    return;
  }
  if (other.t === "dict" && keys === undefined) {
    forEach(materializeKeys(other), (k) => dictSet(d, k, getItem(other, k)));
    return;
  }
  // An object with a keys() method of its class is a mapping: PyDict_Merge reads it key by key (keys(), then other[key]).
  if (keys !== undefined) {
    forEach(callBound(keys, other, []), (k) => dictSet(d, k, getItem(other, k)));
    return;
  }
  // A mappingproxy (nativeObjects.ts): PyMapping_Keys, then other[key].
  if (nativeSlots(other)?.attr?.("keys") !== undefined) {
    forEach(other, (k) => dictSet(d, k, getItem(other, k)));
    return;
  }
  let i = 0;
  forEach(other, (pair) => {
    const kv = toArray(pair);
    if (kv.length !== 2) {
      throw valueError(`dictionary update sequence element #${i} has length ${kv.length}; 2 is required`);
    }
    dictSet(d, kv[0] as PyObj, kv[1] as PyObj);
    i++;
  });
}

/** PyMapping_Keys of a dict without a keys() of a setup class: its keys in order, as a list. */
function materializeKeys(d: PyDictObj): PyObj {
  return newListExact([...d.table.map.values()].map((e) => e.key));
}

/** The METH_O methods of set and frozenset: exactly one argument. */
const SET_ONE_ARG = new Set(["symmetric_difference", "issubset", "issuperset", "isdisjoint", "add", "discard", "remove", "symmetric_difference_update"]);

function setMethod(s: PySetObj, name: string): NativeFn | null {
  const fn = setMethodBody(s, name);
  if (fn === null || !SET_ONE_ARG.has(name)) return fn;
  return (args, kw) => {
    argCount(`${s.t}.${name}`, args, 1, 1);
    return fn(args, kw);
  };
}

function setMethodBody(s: PySetObj, name: string): NativeFn | null {
  const frozen = s.t === "frozenset";
  switch (name) {
    case "copy":
      return () => (frozen ? s : setCopy(s));
    case "union":
      return (args) => setUnion(s, args);
    case "intersection":
      return (args) => setIntersectionMulti(s, args);
    case "difference":
      return (args) => setDifferenceMulti(s, args);
    case "symmetric_difference":
      return ([a]) => setSymmetricDifference(s, a as PyObj);
    case "issubset":
      return ([a]) => pyBool(setIsSubset(s, a as PyObj));
    case "issuperset":
      return ([a]) => pyBool(setIsSuperset(s, a as PyObj));
    case "isdisjoint":
      return ([a]) => pyBool(setIsDisjoint(s, a as PyObj));
    default:
      break;
  }
  if (frozen) return null;
  switch (name) {
    case "add":
      return ([x]) => {
        setAdd(s, x as PyObj);
        return None;
      };
    case "discard":
      return ([x]) => {
        setDiscard(s, x as PyObj);
        return None;
      };
    case "remove":
      return ([x]) => {
        if (!setDiscard(s, x as PyObj)) throw keyError(x as PyObj, repr(x as PyObj));
        return None;
      };
    case "pop":
      return () => {
        const key = setPop(s);
        if (key === null) throw keyError(pyStr("pop from an empty set"), "'pop from an empty set'");
        return key;
      };
    case "clear":
      return () => {
        setClear(s);
        return None;
      };
    case "update":
      return (args) => {
        for (const a of args) setUpdate(s, a);
        return None;
      };
    case "intersection_update":
      return (args) => {
        setIntersectionUpdate(s, args);
        return None;
      };
    case "difference_update":
      return (args) => {
        for (const a of args) setDifferenceUpdate(s, a);
        return None;
      };
    case "symmetric_difference_update":
      return ([a]) => {
        setSymmetricDifferenceUpdate(s, a as PyObj);
        return None;
      };
    default:
      return null;
  }
}


/** Attributes of builtin objects (class instances are handled in attributes.ts). */
export function getBuiltinAttr(o: PyObj, name: string): PyObj {
  // A method this version's type lacks (str.removeprefix before 3.9…) is an AttributeError whatever pymem models.
  const owner = methodOwner(o);
  if (owner !== null && !typeHasAttribute(owner, name)) throw new PyException("AttributeError", `'${typeName(o)}' object has no attribute '${name}'`);
  let fn: NativeFn | null = name === "__format__" ? formatDunder(o) : name === "__sizeof__" ? sizeofDunder(o) : null;
  if (fn !== null) return { t: "builtin", name, fn, self: o } as PyObj;
  switch (o.t) {
    case "str":
      fn = strMethod(o, name);
      break;
    case "bytes":
    case "bytearray":
      fn = bytesMethod(o, name);
      if (fn === null && o.t === "bytearray") {
        if (name === "append") {
          fn = ([x]) => {
            byteArrayAppend(o, byteValue(x as PyObj));
            return None;
          };
        } else if (name === "extend") {
          fn = ([x]) => {
            byteArrayExtend(o, x as PyObj);
            return None;
          };
        } else if (name === "clear") {
          fn = () => {
            byteArrayResize(o, 0);
            return None;
          };
        } else if (name === "pop") {
          fn = ([i]) => {
            const data = bytesData(o);
            const at = popIndex(i, data.length, "bytearray");
            const v = data[at] as number;
            const rest = Uint8Array.from([...data.subarray(0, at), ...data.subarray(at + 1)]);
            byteArrayResize(o, data.length - 1);
            (o.data as Uint8Array).set(rest);
            return pyInt(v);
          };
        } else if (name === "remove") {
          fn = ([x]) => {
            const data = bytesData(o);
            const at = data.indexOf(byteValue(x as PyObj));
            if (at < 0) throw valueError("value not found in bytearray");
            const rest = Uint8Array.from([...data.subarray(0, at), ...data.subarray(at + 1)]);
            byteArrayResize(o, data.length - 1);
            (o.data as Uint8Array).set(rest);
            return None;
          };
        } else if (name === "insert") {
          fn = ([i, x]) => {
            const data = bytesData(o).slice();
            let at = toIndex(i as PyObj);
            const byte = byteValue(x as PyObj);
            if (at < 0) at = Math.max(at + data.length, 0);
            at = Math.min(at, data.length);
            byteArrayResize(o, data.length + 1);
            const d = o.data as Uint8Array;
            d.set(data.subarray(0, at));
            d[at] = byte;
            d.set(data.subarray(at), at + 1);
            return None;
          };
        } else if (name === "reverse") {
          fn = () => {
            bytesData(o).reverse();
            return None;
          };
        }
      }
      break;
    case "list":
      fn = listMethod(o, name);
      break;
    case "tuple":
      if (name === "count") fn = ([x]) => pyInt(materialize(o.items).filter((y) => y === x || pyEq(y, x as PyObj)).length);
      if (name === "index") {
        fn = ([x, start, stop]) => {
          const at = indexIn(materialize(o.items), x as PyObj, start, stop);
          if (at < 0) throw valueError("tuple.index(x): x not in tuple");
          return pyInt(at);
        };
      }
      break;
    case "dict": {
      if (o.flavor !== undefined) {
        const f = flavorMethod(o, name);
        if (f !== null) {
          if (typeof f !== "function") return f;
          fn = f;
          break;
        }
      }
      fn = dictMethod(o, name);
      break;
    }
    case "array":
    case "deque": {
      const f = o.t === "array" ? arrayMethod(o, name) : dequeMethod(o, name);
      if (f !== null && typeof f !== "function") return f;
      fn = f;
      break;
    }
    case "Decimal":
      if (name === "quantize") {
        fn = ([q], kw) => {
          const exp = q ?? kw.values.get("exp");
          if (exp === undefined) throw typeError("quantize() missing required argument 'exp' (pos 1)");
          return quantizeChecked(o, exp, kw.values.get("rounding"));
        };
      }
      if (name === "sqrt") fn = () => decimalSqrt(o);
      if (name === "normalize") fn = () => decimalNormalize(o);
      if (name === "exp") fn = () => decimalExp(o);
      if (name === "ln") fn = () => decimalLn(o);
      if (name === "log10") fn = () => decimalLog10(o);
      if (name === "as_tuple") fn = () => decimalAsTuple(o);
      if (name === "is_nan") fn = () => pyBool(o.special === "NaN" || o.special === "sNaN");
      break;
    case "opaque":
      if (o.typeName === "Context" && name === "prec") return pyInt(ctx().decimalPrec);
      if (o.typeName === "Random") fn = randomObjectMethod(o.data as PyRandom, name);
      if (o.typeName === "property") {
        const a = propertyAttr(o, name);
        if (a !== undefined) return a;
      }
      break;
    case "set":
    case "frozenset":
      fn = setMethod(o, name);
      break;
    case "int":
    case "bool":
      if (name === "bit_length") fn = () => pyInt(BigInt(intValue(o) as number).toString(2).replace("-", "").replace(/^0$/, "").length);
      if (name === "real" || name === "numerator") return o.t === "bool" ? pyInt(o.v ? 1 : 0) : o;
      if (name === "imag") return pyInt(0);
      if (name === "denominator") return pyInt(1);
      if (name === "to_bytes") {
        fn = (args, kw) => {
          const len = toIndex(args[0] ?? kw.values.get("length") ?? pyInt(1));
          const order = args[1] ?? kw.values.get("byteorder") ?? pyStr("big");
          if (order.t !== "str") throw typeError(`to_bytes() argument 'byteorder' must be str, not ${typeName(order)}`);
          if (strText(order) !== "little" && strText(order) !== "big") throw valueError("byteorder must be either 'little' or 'big'");
          const signed = truthy(kw.values.get("signed") ?? None);
          let v = BigInt(intValue(o) as number);
          if (v < 0n) {
            if (!signed) throw new PyException("OverflowError", "can't convert negative int to unsigned");
            v += 1n << BigInt(8 * len);
          }
          const out = new Uint8Array(len);
          for (let i = len - 1; i >= 0; i--) {
            out[i] = Number(v & 255n);
            v >>= 8n;
          }
          if (v !== 0n) throw new PyException("OverflowError", "int too big to convert");
          if (strOfObj(order) === "little") out.reverse();
          // PyBytes_FromStringAndSize(NULL, length) filled in place: a new object even for one byte.
          return len === 0 ? pyBytes(out) : pyBytesFresh(out);
        };
      }
      fn ??= numberDunder(o, name);
      break;
    case "float":
      if (name === "is_integer") fn = () => pyBool(Number.isInteger(o.v));
      if (name === "as_integer_ratio") fn = () => floatRatio(o.v);
      if (name === "hex") fn = () => pyStr(floatHex(o.v));
      if (name === "real") return o;
      if (name === "imag") return pyFloat(0);
      fn ??= numberDunder(o, name);
      break;
    case "complex":
      if (name === "real") return pyFloat(o.re);
      if (name === "imag") return pyFloat(o.im);
      if (name === "conjugate") fn = () => pyComplex(o.re, -o.im);
      break;
    case "slice":
      if (name === "start") return o.start;
      if (name === "stop") return o.stop;
      if (name === "step") return o.step;
      if (name === "indices") {
        fn = (args) => {
          if (args.length !== 1) throw typeError(`slice.indices() takes exactly one argument (${args.length} given)`);
          return sliceIndicesTuple(o, args[0] as PyObj);
        };
      }
      break;
    case "range":
      if (name === "start") return pyInt(o.start);
      if (name === "stop") return pyInt(o.stop);
      if (name === "step") return pyInt(o.step);
      if (name === "count" || name === "index") {
        fn = ([x]) => {
          const v = intValue(x as PyObj);
          const inside = v !== null && contains(o, x as PyObj);
          if (name === "count") return pyInt(inside ? 1 : 0);
          if (!inside) throw valueError(`${repr(x as PyObj)} is not in range`);
          return pyInt((BigInt(v as number) - o.start) / o.step);
        };
      }
      break;
    case "iterator":
      if (isGeneratorObject(o)) fn = generatorMethod(o, name);
      break;
    case "module": {
      const v = moduleAttr(o, name);
      if (v !== undefined) return v;
      break;
    }
    default:
      break;
  }
  if (fn === null && name.startsWith("__") && name.endsWith("__")) fn = dunder(o, name);
  if (fn !== null) return bound(o, name, fn);
  // object.__class__ (object_get_class): type(x), for every object whose type does not override it.
  if (name === "__class__") return classOfValue(o);
  const what = o.t === "module" ? `module '${o.name}'` : o.t === "type" ? `type object '${o.name}'` : `'${typeName(o)}' object`;
  const keys = o.t === "module" ? [`module ${o.name}`] : o.t === "type" ? [o.name, "type"] : [typeName(o)];
  // An object of a type the version's table does not list: its real names are unknown, so nothing is known missing.
  if (o.t !== "module" && o.t !== "type" && unlistedOwner(keys) !== null) throw new PymemError("UNSUPPORTED", `${typeName(o)}.${name} (the ${typeName(o)} type's attribute names are not listed for this version)`);
  throw missingAttribute(keys, name, o.t === "module" || o.t === "type" ? o.name : typeName(o), `${what} has no attribute '${name}'`);
}

/** float.as_integer_ratio(): a tuple of the int objects CPython makes. */
export function floatRatio(v: number): PyObj {
  if (!Number.isFinite(v)) throw new PyException(Number.isNaN(v) ? "ValueError" : "OverflowError", Number.isNaN(v) ? "cannot convert NaN to integer ratio" : "cannot convert Infinity to integer ratio");
  let num = v;
  let den = 1n;
  while (!Number.isInteger(num)) {
    num *= 2;
    den *= 2n;
  }
  let n = BigInt(num);
  while (den > 1n && n % 2n === 0n) {
    n /= 2n;
    den /= 2n;
  }
  // float_as_integer_ratio: the odd numerator comes from PyLong_FromDouble, then an even integer's through long_lshift.
  const viaLshift = v === 0 || (Number.isInteger(v) && v % 2 === 0);
  return tuple2(viaLshift ? pyInt(n) : intFromDouble(Number(n)), pyInt(den));
}

/** float.hex(): the exact binary value as 0x1.<13 hex digits>p<exp>. */
export function floatHex(v: number): string {
  if (Number.isNaN(v)) return "nan";
  if (!Number.isFinite(v)) return v > 0 ? "inf" : "-inf";
  if (v === 0) return Object.is(v, -0) ? "-0x0.0p+0" : "0x0.0p+0";
  const sign = v < 0 ? "-" : "";
  const buf = new DataView(new ArrayBuffer(8));
  buf.setFloat64(0, Math.abs(v));
  const bits = buf.getBigUint64(0);
  let exp = Number((bits >> 52n) & 0x7ffn);
  const mant = bits & ((1n << 52n) - 1n);
  const lead = exp === 0 ? 0 : 1;
  exp = exp === 0 ? -1022 : exp - 1023;
  // float_hex: all 13 hex digits of the 52-bit mantissa, trailing zeros kept.
  const digits = mant.toString(16).padStart(13, "0");
  return `${sign}0x${lead}.${digits}p${exp >= 0 ? "+" : ""}${exp}`;
}

function strOfObj(o: PyObj): string {
  return o.t === "str" ? strText(o) : "";
}

/** Decimal.quantize with ROUND_HALF_EVEN. */
function quantize(d: PyObj & { t: "Decimal" }, q: PyObj, rounding: PyObj | undefined): PyObj {
  if (q.t !== "Decimal" || d.special !== null) return d;
  if (q.exp === d.exp) return makeDecimal(d.sign, d.coeff, d.exp, null, d.dynamic);
  if (q.exp < d.exp) return makeDecimal(d.sign, d.coeff * 10n ** BigInt(d.exp - q.exp), q.exp, null, d.dynamic);
  const p = 10n ** BigInt(q.exp - d.exp);
  let c = d.coeff / p;
  const r = d.coeff % p;
  const mode = rounding !== undefined && rounding.t === "str" ? strText(rounding) : "ROUND_HALF_EVEN";
  const up =
    mode === "ROUND_DOWN" ? false
      : mode === "ROUND_UP" ? r > 0n
        : mode === "ROUND_HALF_UP" ? r * 2n >= p
          : mode === "ROUND_HALF_DOWN" ? r * 2n > p
            : mode === "ROUND_CEILING" ? r > 0n && d.sign === 0
              : mode === "ROUND_FLOOR" ? r > 0n && d.sign === 1
                : r * 2n > p || (r * 2n === p && c % 2n === 1n);
  if (up) c += 1n;
  return makeDecimal(d.sign, c, q.exp, null, d.dynamic);
}

/** quantize refuses a result with more digits than the context precision. */
export function quantizeChecked(d: PyObj & { t: "Decimal" }, q: PyObj, rounding: PyObj | undefined): PyObj {
  const r = quantize(d, q, rounding);
  if (r.t === "Decimal" && r.special === null && r.coeff.toString().length > ctx().decimalPrec) {
    throw new PyException("InvalidOperation", "[<class 'decimal.InvalidOperation'>]");
  }
  return r;
}

/** Decimal.sqrt to the context precision (correctly rounded, half even). */
function decimalSqrt(d: PyObj & { t: "Decimal" }): PyObj {
  // mpd_qsqrt: a NaN stays one, sqrt(-0) is -0, a negative operand (-Infinity too) or an sNaN is invalid (trapped).
  if (d.special === "NaN") return makeDecimal(d.sign, d.coeff, 0, "NaN");
  if (d.special === "Infinity" && d.sign === 0) return d;
  if (d.special === null && d.coeff === 0n) return makeDecimal(d.sign, 0n, Math.floor(d.exp / 2));
  if (d.special !== null || d.sign === 1) throw new PyException("InvalidOperation", "[<class 'decimal.InvalidOperation'>]");
  const prec = ctx().decimalPrec;
  // Scale so the integer square root has prec + 1 digits, then round.
  let c = d.coeff;
  let e = d.exp;
  if (e % 2 !== 0) {
    c *= 10n;
    e -= 1;
  }
  const want = 2 * (prec + 2);
  const shift = Math.max(0, want - c.toString().length);
  const evenShift = shift % 2 === 0 ? shift : shift + 1;
  c *= 10n ** BigInt(evenShift);
  e -= evenShift;
  // Newton's method from above converges to floor(sqrt(c)).
  let x = 1n << BigInt(Math.ceil(c.toString(2).length / 2) + 1);
  for (;;) {
    const y = (x + c / x) / 2n;
    if (y >= x) break;
    x = y;
  }
  const exact = x * x === c;
  let r = makeDecimal(0, exact ? x : x * 10n + 1n, exact ? e / 2 : e / 2 - 1);
  r = roundToContext(r);
  // Past three words of precision, whether the root's words stay static depends on the state
  // _mpd_qsqrt's Newton steps leave (the same call gives 104 or 136 bytes in one process),
  // except for a root of five words or more, which is always dynamic.
  const minalloc = ctx().layout.decimal.minalloc;
  if (ctx().layout.decimal.words(prec) > 3 && (exact || ctx().layout.decimal.words(r.coeff.toString().length) <= minalloc)) {
    throw new PymemError("UNSUPPORTED", `the size of Decimal.sqrt() at a precision of ${prec} digits (its static or dynamic words depend on earlier computations)`);
  }
  if (exact) {
    // An exact root is reduced towards the ideal exponent.
    let cc = r.coeff;
    let ee = r.exp;
    const ideal = Math.floor(d.exp / 2);
    while (ee < ideal && cc % 10n === 0n) {
      cc /= 10n;
      ee++;
    }
    r = makeDecimal(0, cc, ee);
  }
  return r;
}

/** bytearray.append: PyByteArray_Resize(self, n + 1). */
export function byteArrayAppend(b: import("./objects.js").PyByteArrayObj, v: number): void {
  if (v < 0 || v > 255) throw valueError("byte must be in range(0, 256)");
  const n = b.length;
  byteArrayResize(b, n + 1);
  (b.data as Uint8Array)[n] = v;
}

