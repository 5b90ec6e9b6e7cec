// obj[key], obj[key] = v, del obj[key], with the objects CPython's subscript
// implementations return (the operand itself for a full slice of an immutable
// exact type, cached one-character results, exact-size copies).
import { refuseModelledSlot } from "./missingAttribute.js";
import { typeSubscript } from "./typingSubscript.js";
import { classHooks } from "./classHooks.js";
import { nativeSlots } from "./nativeObjects.js";
import { chargeChars, ctx } from "./ctx.js";
import { dictDelete, dictGet, dictSet } from "./dicts.js";
import { noteReleasedItem, releasesNoted } from "./liveSharers.js";
import { PyException, typeError, keyError } from "./errors.js";
import { listArray, listAssSliceResize, listResizeTo, newListExact } from "./lists.js";
import { longSliceIndices, longSliceLength } from "./longSlices.js";
import { intValue } from "./numbers.js";
import {
  emptyBytes, emptyStr, pyBytes, pyBytesFresh, pyInt, pyStr, pyStrFresh, pyStrRuns, subOf, typeName, type PyObj, type PySliceObj,
  type PyClassObj,
} from "./objects.js";
import { asBuiltin, exactResult } from "./builtinSubclass.js";
import { newByteArrayExact } from "./ops.js";
import { repr } from "./repr.js";
import { isLazy, isRun, materialize, runView, seqItem, seqLen } from "./seq.js";
import { codePoints, bytesData, sliceRuns, strText } from "./text.js";
import { emptyTuple, newTuple } from "./tuples.js";
import { toArray } from "./iteration.js";
import { arrayGetItem, arraySetItem } from "./arrayObject.js";
import { sliceIndices } from "./sliceIndices.js";
import { dequeDelItem } from "./dequeObject.js";
import { defaultdictMissing } from "./dictFlavors.js";
import { byteArrayAssSubscript } from "./byteArraySubscript.js";
import { callClassDunder, callDunder, classDunder, isUserObj, userIndexOf } from "./userDunders.js";

export function makeSlice(start: PyObj, stop: PyObj, step: PyObj): PySliceObj {
  return { t: "slice", start, stop, step };
}

function normIndex(i: PyObj, length: number, what: string): number {
  const v = intValue(i) ?? userIndexOf(i);
  if (v === null) throw typeError(`${what} indices must be integers or slices, not ${typeName(i)}`);
  let n = typeof v === "bigint" ? Number(v) : v;
  if (n < 0) n += length;
  if (n < 0 || n >= length) throw new PyException("IndexError", `${what} index out of range`);
  return n;
}

function pick<T>(items: readonly T[], start: number, step: number, n: number): T[] {
  if (step === 1) return items.slice(start, start + n);
  const out: T[] = new Array<T>(n);
  for (let i = 0, j = start; i < n; i++, j += step) out[i] = items[j] as T;
  return out;
}

export function getItem(o: PyObj, key: PyObj): PyObj {
  const meta = classHooks(o)?.getitem;
  if (meta !== undefined) return meta(o as PyClassObj, key);
  if (o.t === "class") {
    // A setup metaclass's __getitem__ (its mp_subscript) comes before PEP 560.
    const own = o.meta === undefined ? undefined : callDunder(o, "__getitem__", [key]);
    if (own !== undefined) return own;
    // type_getitem / PEP 560: K[x] calls the class's __class_getitem__, an implicit classmethod.
    const f = classDunder(o, "__class_getitem__");
    if (f === undefined) throw typeError(`'type' object is not subscriptable`);
    return callClassDunder(f, o, [key]);
  }
  if (isUserObj(o)) {
    const r = callDunder(o, "__getitem__", [key]);
    if (r !== undefined) return r;
  }
  // The builtin's own subscript on a subclass's object: a slice of the whole is a new object of the exact type.
  if (subOf(o) !== undefined && o.t !== "dict") return exactResult(asBuiltin(o, () => getItem(o, key)), o);
  switch (o.t) {
    case "list":
    case "tuple": {
      const len = seqLen(o.items);
      if (key.t === "slice") {
        const [start, step, n] = sliceIndices(key, len);
        if (o.t === "tuple") {
          if (n <= 0) return emptyTuple;
          if (start === 0 && step === 1 && n === len) return o.cls === undefined ? o : newTuple(o.items);
          if (isRun(o.items) && n > 64) return newTuple(runView(o.items, start, step, n));
          return newTuple(pick(materialize(o.items), start, step, n));
        }
        if (n <= 0) return newListExact([]);
        if (start === 0 && step === 1 && n === len && isLazy(o.items)) return newListExact(o.items);
        // A slice of a run holds the same objects: a view of its cell.
        if (isRun(o.items)) return newListExact(runView(o.items, start, step, n));
        ctx().tick(n);
        return newListExact(pick(listArray(o), start, step, n));
      }
      const i = normIndex(key, len, o.t);
      return seqItem(o.items, i);
    }
    case "str": {
      if (key.t === "slice" && typeof o.text !== "string" && o.maxChar < 0xd800) {
        // A step-1 slice of a closed string stays closed; its characters are read from the runs.
        const [start, step, n] = sliceIndices(key, o.length);
        if (n <= 0) return emptyStr;
        if (start === 0 && step === 1 && n === o.length) return o;
        const part = step === 1 ? sliceRuns(o.text, start, n) : null;
        if (part !== null) return "text" in part ? pyStr(part.text) : pyStrRuns(part.rep, n, part.maxChar);
      }
      const text = strText(o);
      const ascii = o.maxChar < 128;
      if (key.t === "slice") {
        const [start, step, n] = sliceIndices(key, o.length);
        if (n <= 0) return emptyStr;
        if (start === 0 && step === 1 && n === o.length) return o;
        if (step !== 1) chargeChars(o.length);
        if (step === 1) return pyStr(ascii ? text.slice(start, start + n) : pick(codePoints(text), start, 1, n).map((c) => String.fromCodePoint(c)).join(""));
        // unicode_subscript's general case: PyUnicode_New, so a 1-character result is not the cached one.
        return pyStrFresh(ascii ? pick([...text], start, step, n).join("") : pick(codePoints(text), start, step, n).map((c) => String.fromCodePoint(c)).join(""));
      }
      const i = normIndex(key, o.length, "string");
      return pyStr(ascii ? (text[i] as string) : String.fromCodePoint(codePoints(text)[i] as number));
    }
    case "bytes":
    case "bytearray": {
      const data = bytesData(o);
      if (key.t === "slice") {
        const [start, step, n] = sliceIndices(key, data.length);
        if (step !== 1) chargeChars(data.length);
        const part = step === 1 ? data.slice(start, start + n) : Uint8Array.from(pick([...data], start, step, n));
        if (o.t === "bytearray") return newByteArrayExact(part);
        if (n <= 0) return emptyBytes;
        if (start === 0 && step === 1 && n === data.length) return o;
        // bytes_subscript with a step: PyBytes_FromStringAndSize(NULL, n), never the cached 1-byte object.
        return step === 1 ? pyBytes(part) : pyBytesFresh(part);
      }
      const i = normIndex(key, data.length, o.t === "bytes" ? "index" : "bytearray");
      return pyInt(data[i] as number);
    }
    case "range": {
      if (key.t === "slice") {
        // range_subscript → compute_slice: the slice's indices in exact integers, then a new range.
        const [start, stop, step] = longSliceIndices(key, o.len);
        const n = longSliceLength(start, stop, step);
        const first = o.start + start * o.step;
        const st = o.step * step;
        return { t: "range", start: first, stop: o.start + stop * o.step, step: st, len: n };
      }
      const v = intValue(key) ?? userIndexOf(key);
      if (v === null) throw typeError(`range indices must be integers or slices, not ${typeName(key)}`);
      let i = BigInt(v);
      if (i < 0n) i += o.len;
      if (i < 0n || i >= o.len) throw new PyException("IndexError", "range object index out of range");
      return pyInt(o.start + i * o.step);
    }
    case "dict": {
      const found = dictGet(o, key);
      if (found !== undefined) return found;
      // dict_subscript: a subclass's __missing__ answers for a missing key (before Counter's or defaultdict's own).
      const own = subOf(o) === undefined ? undefined : callDunder(o, "__missing__", [key]);
      if (own !== undefined) return own;
      const v = defaultdictMissing(o, key, (k, x) => setItem(o, k, x));
      if (v !== undefined) return v;
      throw keyError(key, repr(key));
    }
    case "array":
      return arrayGetItem(o, key);
    case "deque": {
      let i = Number(intValue(key) ?? NaN);
      if (Number.isNaN(i)) throw typeError(`sequence index must be integer, not '${typeName(key)}'`);
      if (i < 0) i += o.items.length;
      if (i < 0 || i >= o.items.length) throw new PyException("IndexError", "deque index out of range");
      return o.items[i] as PyObj;
    }
    case "opaque":
      {
        const getitem = nativeSlots(o)?.getitem;
        if (getitem !== undefined) return getitem(key);
      }
      refuseModelledSlot(o, "__getitem__");
      throw typeError(`'${o.typeName}' object is not subscriptable`);
    case "type":
      // typing's forms and aliases, list[int] (typingSubscript.ts).
      return typeSubscript(o, key);
    default:
      throw typeError(`'${typeName(o)}' object is not subscriptable`);
  }
}

export function setItem(o: PyObj, key: PyObj, value: PyObj): void {
  if (isUserObj(o) && callDunder(o, "__setitem__", [key, value]) !== undefined) return;
  if (o.t === "array") {
    arraySetItem(o, key, value);
    return;
  }
  if (o.t === "dict") {
    if (releasesNoted()) noteReleasedItem(dictGet(o, key));
    dictSet(o, key, value);
    return;
  }
  if (o.t === "list") {
    const items = listArray(o);
    if (key.t === "slice") {
      const [start, step, n] = sliceIndices(key, items.length);
      const repl = toArray(value);
      if (releasesNoted()) for (let i = 0, j = start; i < n; i++, j += step) noteReleasedItem(items[j]);
      if (step !== 1) {
        if (repl.length !== n) throw new PyException("ValueError", `attempt to assign sequence of size ${repl.length} to extended slice of size ${n}`);
        for (let i = 0, j = start; i < n; i++, j += step) items[j] = repl[i] as PyObj;
        return;
      }
      // list_ass_slice: list_resize to the new length when it grows or shrinks; a list left empty is cleared
      // (Py_SIZE(a) + d == 0: _list_clear), even when it was empty already.
      const newLen = items.length - n + repl.length;
      if (newLen !== items.length || newLen === 0) listAssSliceResize(o, newLen);
      items.splice(start, n, ...repl);
      return;
    }
    const i = normIndex(key, items.length, "list assignment");
    if (releasesNoted()) noteReleasedItem(items[i]);
    items[i] = value;
    return;
  }
  if (o.t === "bytearray") {
    byteArrayAssSubscript(o, key, value);
    return;
  }
  refuseModelledSlot(o, "__setitem__");
  throw typeError(`'${typeName(o)}' object does not support item assignment`);
}

export function delItem(o: PyObj, key: PyObj): void {
  if (isUserObj(o) && callDunder(o, "__delitem__", [key]) !== undefined) return;
  if (o.t === "dict") {
    // Counter.__delitem__: `if elem in self: super().__delitem__(elem)`, no KeyError.
    if (o.flavor?.name === "Counter" && dictGet(o, key) === undefined) return;
    try {
      noteReleasedItem(dictDelete(o, key));
    } catch (e) {
      if (e instanceof PyException && e.pyType === "KeyError") throw keyError(key, repr(key));
      throw e;
    }
    return;
  }
  if (o.t === "list") {
    const items = listArray(o);
    if (key.t === "slice") {
      const [start, step, n] = sliceIndices(key, items.length);
      // A step-1 slice goes to list_ass_slice even when empty: an empty list is cleared there (_list_clear).
      if (n === 0 && (step !== 1 || items.length > 0)) return;
      if (releasesNoted()) for (let i = 0, j = start; i < n; i++, j += step) noteReleasedItem(items[j]);
      if (step === 1) {
        listAssSliceResize(o, items.length - n);
        items.splice(start, n);
      } else {
        const drop = new Set<number>();
        for (let i = 0, j = start; i < n; i++, j += step) drop.add(j);
        const kept = items.filter((_x, i) => !drop.has(i));
        // list_ass_subscript with a step: items move down, then list_resize.
        listResizeTo(o, kept.length);
        items.length = 0;
        items.push(...kept);
      }
      return;
    }
    const i = normIndex(key, items.length, "list assignment");
    noteReleasedItem(items[i]);
    // 3.13+ list_ass_item: the items move down; the allocation stays.
    if (!ctx().layout.rules.delItemKeepsAllocation) listAssSliceResize(o, items.length - 1);
    items.splice(i, 1);
    return;
  }
  if (o.t === "array") {
    const n = o.values.length;
    if (key.t === "slice") {
      const [start, step, len] = sliceIndices(key, n);
      if (len === 0) return;
      const drop = new Set<number>();
      for (let i = 0, j = start; i < len; i++, j += step) drop.add(j);
      const kept = o.values.filter((_v, i) => !drop.has(i));
      // array_del_slice: items move down, then array_resize to the new length.
      o.allocated = ctx().layout.array.resize(o.allocated, n, kept.length);
      o.values = kept;
      return;
    }
    let i = Number(intValue(key) ?? NaN);
    if (Number.isNaN(i)) throw typeError("array indices must be integers");
    if (i < 0) i += n;
    if (!(i >= 0 && i < n)) throw new PyException("IndexError", "array assignment index out of range");
    o.allocated = ctx().layout.array.resize(o.allocated, n, n - 1);
    o.values.splice(i, 1);
    return;
  }
  if (o.t === "deque") {
    let i = Number(intValue(key) ?? NaN);
    if (Number.isNaN(i)) throw typeError("sequence index must be integer");
    if (i < 0) i += o.items.length;
    if (i < 0 || i >= o.items.length) throw new PyException("IndexError", "deque index out of range");
    dequeDelItem(o, i);
    return;
  }
  if (o.t === "bytearray") {
    byteArrayAssSubscript(o, key, null);
    return;
  }
  refuseModelledSlot(o, "__delitem__");
  throw typeError(`'${typeName(o)}' object does not support item deletion`);
}

