// array.array, collections (deque, OrderedDict, defaultdict, Counter,
// ChainMap), decimal.Decimal, memoryview, property/staticmethod/classmethod:
// constructors and methods with the allocation paths of their C code.
import { callObject } from "./calls.js";
import { pyCompare, pyEq, truthy } from "./compare.js";
import { ctx } from "./ctx.js";
import { decimalFromObject } from "./decimals.js";
import { dictClear, dictDelete, dictGet, dictSet, newDict, newDictFromType } from "./dicts.js";
import { PyException, typeError, valueError } from "./errors.js";
import { forEach, makeIter, toArray } from "./iteration.js";
import { listExtendedBy, newEmptyList, newListExact } from "./lists.js";
import { intValue, popIndex, toFloat } from "./numbers.js";
import {
  None, pyBytes, pyFloat, pyInt, pyStr, typeName, type DictFlavor, type Kwargs, type NativeFn, type PyArrayObj,
  type PyDequeObj, type PyDictObj, type PyObj,
} from "./objects.js";
import { repr } from "./repr.js";
import { bytesData, strText } from "./text.js";
import { tuple2 } from "./tuples.js";
import { userIndexOf } from "./userDunders.js";

function fn(name: string, f: NativeFn): PyObj {
  return { t: "builtin", name, self: null, fn: f };
}

// ---- array.array ------------------------------------------------------------

const INT_RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  b: [-128n, 127n], B: [0n, 255n], h: [-32768n, 32767n], H: [0n, 65535n], i: [-(2n ** 31n), 2n ** 31n - 1n], I: [0n, 2n ** 32n - 1n],
  l: [-(2n ** 63n), 2n ** 63n - 1n], L: [0n, 2n ** 64n - 1n], q: [-(2n ** 63n), 2n ** 63n - 1n], Q: [0n, 2n ** 64n - 1n],
};

function arrayValue(typecode: string, o: PyObj): number | bigint | string {
  if (typecode === "u") {
    if (o.t !== "str" || o.length !== 1) throw typeError(`array item must be unicode character, not ${typeName(o)}`);
    return strText(o);
  }
  if (typecode === "f" || typecode === "d") {
    const f = toFloat(o);
    if (f === null) throw typeError(`must be real number, not ${typeName(o)}`);
    return typecode === "f" ? Math.fround(f) : f;
  }
  const v = intValue(o) ?? userIndexOf(o);
  if (v === null) throw typeError(`an integer is required (got type ${typeName(o)})`);
  const [lo, hi] = INT_RANGES[typecode] as readonly [bigint, bigint];
  const b = BigInt(v);
  if (b < lo || b > hi) throw new PyException("OverflowError", `signed integer is ${b < lo ? "less than minimum" : "greater than maximum"}`);
  return v;
}

export function arrayItem(a: PyArrayObj, v: number | bigint | string): PyObj {
  if (typeof v === "string") return pyStr(v);
  if (a.typecode === "f" || a.typecode === "d") return pyFloat(Number(v));
  return pyInt(v);
}

/** array_resize(self, newsize). */
function arrayResizeTo(a: PyArrayObj, newsize: number): void {
  a.allocated = ctx().layout.array.resize(a.allocated, a.values.length, newsize);
}

function arrayAppend(a: PyArrayObj, v: number | bigint | string): void {
  arrayResizeTo(a, a.values.length + 1);
  a.values.push(v);
}

function newArray(typecode: string, values: (number | bigint | string)[]): PyArrayObj {
  // newarrayobject(type, n, descr): exactly n items.
  return { t: "array", typecode, values, allocated: values.length };
}

function arrayFromBytes(a: PyArrayObj, data: Uint8Array): void {
  const size = ctx().layout.array.itemsize[a.typecode] ?? 1;
  if (data.length % size !== 0) throw valueError("bytes length not a multiple of item size");
  const n = data.length / size;
  if (n === 0) return;
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: (number | bigint | string)[] = [];
  for (let i = 0; i < n; i++) {
    const off = i * size;
    switch (a.typecode) {
      case "b": out.push(view.getInt8(off)); break;
      case "B": out.push(view.getUint8(off)); break;
      case "h": out.push(view.getInt16(off, true)); break;
      case "H": out.push(view.getUint16(off, true)); break;
      case "i": out.push(view.getInt32(off, true)); break;
      case "I": out.push(view.getUint32(off, true)); break;
      case "f": out.push(view.getFloat32(off, true)); break;
      case "d": out.push(view.getFloat64(off, true)); break;
      case "u": out.push(String.fromCodePoint(view.getUint32(off, true))); break;
      default: {
        const big = a.typecode === "q" || a.typecode === "l" ? view.getBigInt64(off, true) : view.getBigUint64(off, true);
        out.push(big >= -9007199254740991n && big <= 9007199254740991n ? Number(big) : big);
      }
    }
  }
  arrayPushAll(a, out);
}

/** Items added by one array_resize (frombytes, fromlist, fromunicode, extend/+= with an array). */
function arrayPushAll(a: PyArrayObj, vals: readonly (number | bigint | string)[]): void {
  if (vals.length === 0) return;
  arrayResizeTo(a, a.values.length + vals.length);
  a.values.push(...vals);
}

/** array *= n: one array_resize to n × len, then the copies. */
export function arrayInplaceRepeat(a: PyArrayObj, n: number): void {
  const unit = a.values.slice();
  if (unit.length === 0) return;
  const count = Math.max(n, 0);
  arrayResizeTo(a, unit.length * count);
  a.values = [];
  for (let i = 0; i < count; i++) a.values.push(...unit);
}

export function arrayExtendArray(a: PyArrayObj, src: PyArrayObj): void {
  arrayPushAll(a, src.values.slice());
}

function arrayExtend(a: PyArrayObj, src: PyObj): void {
  if (src.t === "array" && src.typecode === a.typecode) {
    arrayExtendArray(a, src);
    return;
  }
  forEach(src, (x) => arrayAppend(a, arrayValue(a.typecode, x)));
}

function arrayCall(args: readonly PyObj[]): PyObj {
  const tc = args[0];
  if (tc === undefined || tc.t !== "str" || tc.length !== 1 || !(strText(tc) in INT_RANGES || "fdu".includes(strText(tc)))) {
    throw valueError("bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)");
  }
  const typecode = strText(tc);
  const init = args[1];
  if (init === undefined) return newArray(typecode, []);
  if (init.t === "list" || init.t === "tuple") return newArray(typecode, toArray(init).map((x) => arrayValue(typecode, x)));
  if (init.t === "array" && init.typecode === typecode) return newArray(typecode, init.values.slice());
  const a = newArray(typecode, []);
  if (init.t === "bytes" || init.t === "bytearray") arrayFromBytes(a, bytesData(init));
  else if (init.t === "str") {
    if (typecode !== "u") throw typeError(`cannot use a str to initialize an array with typecode '${typecode}'`);
    // The wide-character buffer of the str becomes the array's: exactly n items.
    const chars = [...strText(init)];
    a.values.push(...chars);
    a.allocated = chars.length;
  } else arrayExtend(a, init);
  return a;
}

export function arrayMethod(a: PyArrayObj, name: string): NativeFn | PyObj | null {
  switch (name) {
    case "typecode":
      return pyStr(a.typecode);
    case "itemsize":
      return pyInt(ctx().layout.array.itemsize[a.typecode] ?? 1);
    case "append":
      return ([x]) => {
        arrayAppend(a, arrayValue(a.typecode, x as PyObj));
        return None;
      };
    case "extend":
      return ([x]) => {
        arrayExtend(a, x as PyObj);
        return None;
      };
    case "fromlist":
      return ([x]) => {
        if (x === undefined || x.t !== "list") throw typeError("arg must be list");
        arrayPushAll(a, toArray(x).map((v) => arrayValue(a.typecode, v)));
        return None;
      };
    case "fromunicode":
      return ([x]) => {
        if (a.typecode !== "u") throw valueError("fromunicode() may only be called on unicode type arrays");
        arrayPushAll(a, [...strText(x as never)]);
        return None;
      };
    case "frombytes":
      return ([x]) => {
        const buf = x === undefined ? null : x.t === "bytes" || x.t === "bytearray" ? bytesData(x) : bufferBytes(x);
        if (buf === null) throw typeError(`a bytes-like object is required, not '${x === undefined ? "NoneType" : typeName(x)}'`);
        arrayFromBytes(a, buf);
        return None;
      };
    case "insert":
      return ([i, x]) => {
        let at = Number(intValue(i as PyObj));
        if (at < 0) at = Math.max(at + a.values.length, 0);
        const v = arrayValue(a.typecode, x as PyObj);
        arrayResizeTo(a, a.values.length + 1);
        a.values.splice(Math.min(at, a.values.length), 0, v);
        return None;
      };
    case "pop":
      return ([i]) => {
        const at = popIndex(i, a.values.length, "array");
        const v = a.values[at] as number;
        arrayResizeTo(a, a.values.length - 1);
        a.values.splice(at, 1);
        return arrayItem(a, v);
      };
    case "remove":
      return ([x]) => {
        const at = a.values.findIndex((v) => pyEq(arrayItem(a, v), x as PyObj));
        if (at < 0) throw valueError("array.remove(x): x not in array");
        arrayResizeTo(a, a.values.length - 1);
        a.values.splice(at, 1);
        return None;
      };
    case "tolist":
      return () => newListExact(a.values.map((v) => arrayItem(a, v)));
    case "tounicode":
      return () => {
        if (a.typecode !== "u") throw valueError("tounicode() may only be called on unicode type arrays");
        return pyStr((a.values as string[]).join(""));
      };
    case "__copy__":
    case "__deepcopy__":
      return () => newArray(a.typecode, a.values.slice());
    case "byteswap":
      return () => None;
    case "tobytes":
      return () => pyBytes(arrayBytes(a));
    case "count":
      return ([x]) => pyInt(a.values.filter((v) => pyEq(arrayItem(a, v), x as PyObj)).length);
    case "index":
      return ([x]) => {
        const at = a.values.findIndex((v) => pyEq(arrayItem(a, v), x as PyObj));
        if (at < 0) throw valueError("array.index(x): x not in array");
        return pyInt(at);
      };
    case "reverse":
      return () => {
        a.values.reverse();
        return None;
      };
    case "buffer_info":
      return () => tuple2(pyInt(0), pyInt(a.values.length));
    default:
      return null;
  }
}

export function arrayGetItem(a: PyArrayObj, key: PyObj, sliceIndices: (s: PyObj & { t: "slice" }, n: number) => [number, number, number]): PyObj {
  if (key.t === "slice") {
    const [start, step, n] = sliceIndices(key, a.values.length);
    const out: (number | bigint | string)[] = [];
    for (let i = 0, j = start; i < n; i++, j += step) out.push(a.values[j] as number);
    return newArray(a.typecode, out);
  }
  let i = Number(intValue(key) ?? NaN);
  if (Number.isNaN(i)) throw typeError("array indices must be integers");
  if (i < 0) i += a.values.length;
  if (i < 0 || i >= a.values.length) throw new PyException("IndexError", "array index out of range");
  return arrayItem(a, a.values[i] as number);
}

/** array_ass_subscr: slices take an array of the same typecode; a length change resizes once. */
export function arraySetItem(a: PyArrayObj, key: PyObj, value: PyObj, sliceIndices: (s: PyObj & { t: "slice" }, n: number) => [number, number, number]): void {
  const n = a.values.length;
  if (key.t !== "slice") {
    let i = Number(intValue(key) ?? NaN);
    if (Number.isNaN(i)) throw typeError("array indices must be integers");
    if (i < 0) i += n;
    if (i < 0 || i >= n) throw new PyException("IndexError", "array assignment index out of range");
    a.values[i] = arrayValue(a.typecode, value);
    return;
  }
  if (value.t !== "array") throw typeError(`can only assign array (not "${typeName(value)}") to array slice`);
  if (value.typecode !== a.typecode) throw typeError("bad argument type for built-in operation");
  const [start, step, len] = sliceIndices(key, n);
  const repl = value.values.slice();
  if (step === 1) {
    if (repl.length !== len) arrayResizeTo(a, n - len + repl.length);
    a.values.splice(start, len, ...repl);
    return;
  }
  if (repl.length !== len) throw valueError(`attempt to assign array of size ${repl.length} to extended slice of size ${len}`);
  for (let i = 0, j = start; i < len; i++, j += step) a.values[j] = repl[i] as number;
}

export function arrayIter(a: PyArrayObj): PyObj & { t: "iterator" } {
  let i = 0;
  return makeIter("arrayiterator", () => (i < a.values.length ? arrayItem(a, a.values[i++] as number) : undefined), () => a.values.length - i);
}

export function arrayConcat(a: PyArrayObj, b: PyObj): PyObj {
  if (b.t !== "array" || b.typecode !== a.typecode) throw typeError(`can only append array (not "${typeName(b)}") to array`);
  return newArray(a.typecode, [...a.values, ...b.values]);
}

export function arrayRepeat(a: PyArrayObj, n: number): PyObj {
  const out: (number | bigint | string)[] = [];
  for (let i = 0; i < n; i++) out.push(...a.values);
  return newArray(a.typecode, out);
}

/** The raw machine bytes of an array (little-endian), for bytes(a), bytearray(a), memoryview. */
export function arrayBytes(a: PyArrayObj): Uint8Array {
  const size = ctx().layout.array.itemsize[a.typecode] ?? 1;
  const out = new Uint8Array(a.values.length * size);
  const view = new DataView(out.buffer);
  a.values.forEach((v, i) => {
    const off = i * size;
    switch (a.typecode) {
      case "b": view.setInt8(off, Number(v)); break;
      case "B": view.setUint8(off, Number(v)); break;
      case "h": view.setInt16(off, Number(v), true); break;
      case "H": view.setUint16(off, Number(v), true); break;
      case "i": view.setInt32(off, Number(v), true); break;
      case "I": view.setUint32(off, Number(v), true); break;
      case "f": view.setFloat32(off, Number(v), true); break;
      case "d": view.setFloat64(off, Number(v), true); break;
      case "u": view.setUint32(off, String(v).codePointAt(0) as number, true); break;
      default: view.setBigUint64(off, BigInt.asUintN(64, BigInt(v as number)), true);
    }
  });
  return out;
}

/** The bytes a buffer-protocol object exposes: bytes, bytearray, array, memoryview. */
export function bufferBytes(o: PyObj): Uint8Array | null {
  if (o.t === "bytes" || o.t === "bytearray") return bytesData(o);
  if (o.t === "array") return arrayBytes(o);
  if (o.t === "opaque" && o.typeName === "memoryview") return bufferBytes(o.data as PyObj);
  return null;
}

// ---- collections.deque ------------------------------------------------------

function dequeAppend(d: PyDequeObj, x: PyObj): void {
  if (d.maxlen === 0) return;
  d.items.push(x);
  if (d.maxlen !== null && d.items.length > d.maxlen) dequePopleft(d);
}

function dequeAppendleft(d: PyDequeObj, x: PyObj): void {
  if (d.maxlen === 0) return;
  const L = ctx().layout.deque;
  d.items.unshift(x);
  d.leftindex = d.leftindex === 0 ? L.blocklen - 1 : d.leftindex - 1;
  if (d.maxlen !== null && d.items.length > d.maxlen) dequePop(d);
}

function recenter(d: PyDequeObj): void {
  d.leftindex = ctx().layout.deque.center + 1;
}

function dequePopleft(d: PyDequeObj): PyObj {
  if (d.items.length === 0) throw new PyException("IndexError", "pop from an empty deque");
  const x = d.items.shift() as PyObj;
  const L = ctx().layout.deque;
  d.leftindex++;
  if (d.items.length === 0) recenter(d);
  else if (d.leftindex === L.blocklen) d.leftindex = 0;
  return x;
}

function dequePop(d: PyDequeObj): PyObj {
  if (d.items.length === 0) throw new PyException("IndexError", "pop from an empty deque");
  const x = d.items.pop() as PyObj;
  if (d.items.length === 0) recenter(d);
  return x;
}

/** deque_extend: an empty deque starts filling from the left end of its block. */
function dequeExtend(d: PyDequeObj, src: PyObj, left: boolean): void {
  const items = src === d ? d.items.slice() : toArray(src);
  if (d.items.length === 0 && items.length > 0 && d.maxlen !== 0) d.leftindex = left ? ctx().layout.deque.blocklen - 1 : 1;
  for (const x of items) {
    if (left) dequeAppendleft(d, x);
    else dequeAppend(d, x);
  }
}

function dequeCall(args: readonly PyObj[], kw: Kwargs): PyObj {
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
      return ([n]) => (dequeRotate(d, n === undefined ? 1 : Number(intValue(n))), None);
    case "insert":
      return ([i, x]) => {
        const n = d.items.length;
        let index = Number(intValue(i as PyObj));
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
      return () => {
        const c: PyDequeObj = { t: "deque", items: [], leftindex: ctx().layout.deque.center + 1, maxlen: d.maxlen };
        dequeExtend(c, d, false);
        return c;
      };
    case "count":
      return ([x]) => pyInt(d.items.filter((y) => y === x || pyEq(y, x as PyObj)).length);
    case "index":
      return ([x]) => {
        const i = d.items.findIndex((y) => y === x || pyEq(y, x as PyObj));
        if (i < 0) throw valueError(`${repr(x as PyObj)} is not in deque`);
        return pyInt(i);
      };
    case "remove":
      return ([x]) => {
        // deque_remove: rotate past each non-matching item, pop the match, rotate back.
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

/** deque + deque: a copy of the left extended by the right. */
export function dequeConcat(a: PyDequeObj, b: PyDequeObj): PyDequeObj {
  const c: PyDequeObj = { t: "deque", items: [], leftindex: ctx().layout.deque.center + 1, maxlen: a.maxlen };
  dequeExtend(c, a, false);
  dequeExtend(c, b, false);
  return c;
}

/** deque * n: a copy, then deque_inplace_repeat's appends. */
export function dequeRepeat(a: PyDequeObj, n: number): PyDequeObj {
  const c: PyDequeObj = { t: "deque", items: [], leftindex: ctx().layout.deque.center + 1, maxlen: a.maxlen };
  dequeExtend(c, a, false);
  const unit = c.items.slice();
  if (n <= 0) {
    c.items = [];
    c.leftindex = ctx().layout.deque.center + 1;
    return c;
  }
  for (let i = 1; i < n; i++) for (const x of unit) dequeAppend(c, x);
  return c;
}

/** +counter / -counter: a new Counter of the positive (negated) counts. */
export function counterUnary(op: "UAdd" | "USub", a: PyDictObj): PyDictObj {
  const r = flavoredDict({ name: "Counter" });
  for (const e of [...a.table.map.values()]) {
    const v = Number(intValue(e.value) ?? 0);
    if (op === "UAdd" && v > 0) dictSet(r, e.key, e.value);
    if (op === "USub" && v < 0) dictSet(r, e.key, pyInt(-v));
  }
  return r;
}

/** del d[i]: rotate the item to the left end, pop it, rotate back. */
export function dequeDelItem(d: PyDequeObj, i: number): void {
  dequeRotate(d, -i);
  dequePopleft(d);
  dequeRotate(d, i);
}

export function dequeIter(d: PyDequeObj): PyObj & { t: "iterator" } {
  let i = 0;
  return makeIter("_deque_iterator", () => d.items[i++], () => d.items.length - i);
}

// ---- OrderedDict, defaultdict, Counter, ChainMap ------------------------------

/** A dict subclass instance: made by calling its type (Lib/collections' own code included). */
function flavoredDict(flavor: DictFlavor): PyDictObj {
  const d = newDictFromType();
  d.flavor = flavor;
  return d;
}

/** MutableMapping.update / odict's: key by key (no dict_merge fast paths). */
function updateKeyByKey(d: PyDictObj, src: PyObj | undefined, kw: Kwargs): void {
  if (src !== undefined) {
    if (src.t === "dict") for (const e of [...src.table.map.values()]) dictSet(d, e.key, e.value);
    else forEach(src, (pair) => {
      const kv = toArray(pair);
      if (kv.length !== 2) throw valueError("need a sequence of pairs");
      dictSet(d, kv[0] as PyObj, kv[1] as PyObj);
    });
  }
  for (const [k, v] of kw.values) dictSet(d, kw.keys.get(k) as PyObj, v);
}

function counterCount(d: PyDictObj, src: PyObj): void {
  // _count_elements: mapping[elem] = mapping.get(elem, 0) + 1
  forEach(src, (x) => {
    const cur = dictGet(d, x);
    dictSet(d, x, pyInt(Number(intValue(cur ?? pyInt(0))) + 1));
  });
}

function counterUpdate(d: PyDictObj, src: PyObj | undefined, kw: Kwargs): void {
  if (src !== undefined && src.t !== "NoneType") {
    if (src.t === "dict") {
      if (d.table.used === 0) {
        // Counter.update's fast path for an empty counter: dict.update, i.e. dict_merge.
        mergeHook(d, src);
      } else {
        for (const e of [...src.table.map.values()]) {
          const cur = dictGet(d, e.key);
          dictSet(d, e.key, cur === undefined ? e.value : pyInt(Number(intValue(e.value)) + Number(intValue(cur))));
        }
      }
    } else counterCount(d, src);
  }
  if (kw.values.size > 0) {
    const k = newDict();
    for (const [name, v] of kw.values) dictSet(k, kw.keys.get(name) as PyObj, v);
    counterUpdate(d, k, { values: new Map(), keys: new Map() });
  }
}

let mergeHook: (d: PyDictObj, src: PyDictObj) => void = () => undefined;
export function setDictMergeHook(f: (d: PyDictObj, src: PyDictObj) => void): void {
  mergeHook = f;
}

/** Counter + - & |: a new Counter filled key by key, keeping positive counts. */
export function counterOp(op: "Add" | "Sub" | "BitAnd" | "BitOr", a: PyDictObj, b: PyDictObj): PyDictObj {
  const r = flavoredDict({ name: "Counter" });
  const num = (o: PyObj | undefined): number => Number(intValue(o ?? pyInt(0)) ?? 0);
  for (const e of [...a.table.map.values()]) {
    const other = num(dictGet(b, e.key));
    const mine = num(e.value);
    const v = op === "Add" ? mine + other : op === "Sub" ? mine - other : op === "BitAnd" ? Math.min(mine, other) : Math.max(mine, other);
    if (v > 0) dictSet(r, e.key, pyInt(v));
  }
  if (op === "Add" || op === "BitOr") {
    for (const e of [...b.table.map.values()]) {
      if (dictGet(a, e.key) === undefined && num(e.value) > 0) dictSet(r, e.key, e.value);
    }
  }
  return r;
}

export function flavorMethod(d: PyDictObj, name: string): NativeFn | PyObj | null {
  const f = d.flavor as DictFlavor;
  if (f.name === "defaultdict" && name === "default_factory") return f.factory ?? None;
  if (name === "copy" && f.name !== "OrderedDict") {
    // defaultdict.copy / Counter.copy: a new one of the same kind, dict-merged.
    return () => {
      const c = flavoredDict({ ...f });
      mergeHook(c, d);
      return c;
    };
  }
  if (f.name === "OrderedDict") {
    if (name === "clear") return () => (dictClear(d), None);
    if (name === "move_to_end") {
      return ([k, lastArg], kw) => {
        const last = lastArg ?? kw.values.get("last");
        const e = d.table.map.get(d.table.keyFor(k as PyObj));
        if (e === undefined) throw new PyException("KeyError", repr(k as PyObj));
        const atEnd = last === undefined || truthy(last);
        const entries = [...d.table.map.entries()].filter(([, x]) => x !== e);
        const key = [...d.table.map.entries()].find(([, x]) => x === e)?.[0] as string | number;
        d.table.map.clear();
        if (!atEnd) d.table.map.set(key, e);
        for (const [hk, x] of entries) d.table.map.set(hk, x);
        if (atEnd) d.table.map.set(key, e);
        return None;
      };
    }
    if (name === "popitem") {
      return ([lastArg], kw) => {
        const last = lastArg ?? kw.values.get("last");
        const entries = [...d.table.map.values()];
        if (entries.length === 0) throw new PyException("KeyError", "'dictionary is empty'");
        const e = (last === undefined || truthy(last) ? entries[entries.length - 1] : entries[0]) as { key: PyObj; value: PyObj };
        dictDelete(d, e.key);
        return tuple2(e.key, e.value);
      };
    }
    if (name === "copy") {
      return () => {
        const c = flavoredDict({ name: "OrderedDict" });
        for (const e of [...d.table.map.values()]) dictSet(c, e.key, e.value);
        return c;
      };
    }
  }
  if (f.name === "Counter") {
    if (name === "most_common") {
      return ([n]) => {
        const entries = [...d.table.map.values()];
        const order = entries.map((_e, i) => i).sort((a, b) => -pyCompare((entries[a] as { value: PyObj }).value, (entries[b] as { value: PyObj }).value, "<") || a - b);
        const pairs = order.map((i) => tuple2((entries[i] as { key: PyObj }).key, (entries[i] as { value: PyObj }).value));
        if (n === undefined || n.t === "NoneType") {
          // sorted(self.items(), …): PySequence_List of the items view.
          return listExtendedBy(pairs);
        }
        // heapq.nlargest: a list comprehension, grown append by append.
        const l = newEmptyList();
        for (const p of pairs.slice(0, Number(intValue(n)))) listAppendHook(l, p);
        return l;
      };
    }
    if (name === "update") return ([src], kw) => (counterUpdate(d, src, kw), None);
    if (name === "subtract") {
      return ([src]) => {
        if (src !== undefined) {
          const sub = (k: PyObj, n: number): void => dictSet(d, k, pyInt(Number(intValue(dictGet(d, k) ?? pyInt(0))) - n));
          if (src.t === "dict") for (const e of [...src.table.map.values()]) sub(e.key, Number(intValue(e.value) ?? 0));
          else forEach(src, (k) => sub(k, 1));
        }
        return None;
      };
    }
    if (name === "elements") {
      return () => {
        const out: PyObj[] = [];
        for (const e of d.table.map.values()) for (let i = 0; i < Number(intValue(e.value) ?? 0); i++) out.push(e.key);
        let i = 0;
        return makeIter("chain", () => out[i++], () => null);
      };
    }
    if (name === "total") return () => pyInt([...d.table.map.values()].reduce((s, e) => s + Number(intValue(e.value) ?? 0), 0));
  }
  return null;
}

let listAppendHook: (l: PyObj & { t: "list" }, x: PyObj) => void = () => undefined;
export function setListAppendHook(f: (l: PyObj & { t: "list" }, x: PyObj) => void): void {
  listAppendHook = f;
}

/** defaultdict.__missing__: the factory's value, inserted. */
export function defaultdictMissing(d: PyDictObj, key: PyObj): PyObj | undefined {
  const f = d.flavor;
  if (f?.name === "Counter") return pyInt(0);
  if (f?.name !== "defaultdict" || f.factory === undefined || f.factory.t === "NoneType") return undefined;
  const v = callObject(f.factory, []);
  dictSet(d, key, v);
  return v;
}

// ---- decimal, memoryview, descriptors ----------------------------------------

function decimalCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  const v = args[0] ?? kw.values.get("value");
  if (v === undefined) return decimalFromObject(pyInt(0));
  if (v.t === "tuple") {
    // (sign, digits, exponent)
    const [s, ds, e] = toArray(v);
    const digits = toArray(ds as PyObj).map((x) => String(intValue(x))).join("") || "0";
    const d = decimalFromObject(pyStr(`${Number(intValue(s as PyObj)) === 1 ? "-" : ""}${digits}E${intValue(e as PyObj)}`));
    return d;
  }
  return decimalFromObject(v);
}

export function opaque(typeName: string, data: unknown = null): PyObj {
  return { t: "opaque", typeName, data };
}

export function collectionsAttrs(): [string, PyObj][] {
  return [
    ["deque", { t: "type", name: "deque", call: dequeCall, attrs: new Map() }],
    ["OrderedDict", { t: "type", name: "OrderedDict", call: (args, kw) => {
      const d = flavoredDict({ name: "OrderedDict" });
      updateKeyByKey(d, args[0], kw);
      return d;
    }, attrs: new Map([["fromkeys", fn("fromkeys", ([it, v]) => {
      const d = flavoredDict({ name: "OrderedDict" });
      forEach(it as PyObj, (k) => dictSet(d, k, v ?? None));
      return d;
    })]]) }],
    ["defaultdict", typeOf("defaultdict", (args, kw) => {
      const factory = args[0];
      if (factory !== undefined && factory.t !== "NoneType" && !["builtin", "function", "type", "class", "method"].includes(factory.t)) {
        throw typeError("first argument must be callable or None");
      }
      const d = flavoredDict({ name: "defaultdict", ...(factory !== undefined ? { factory } : {}) });
      if (args[1] !== undefined && args[1].t === "dict") mergeHook(d, args[1]);
      else if (args[1] !== undefined) updateKeyByKey(d, args[1], { values: new Map(), keys: new Map() });
      for (const [k, v] of kw.values) dictSet(d, kw.keys.get(k) as PyObj, v);
      return d;
    })],
    ["Counter", typeOf("Counter", (args, kw) => {
      const d = flavoredDict({ name: "Counter" });
      counterUpdate(d, args[0], kw);
      return d;
    })],
    ["ChainMap", { t: "type", name: "ChainMap", call: (args) => opaque("ChainMap", args.length === 0 ? [newDict()] : [...args]), attrs: new Map(), heap: "class", metaclass: "ABCMeta" }],
  ];
}

export function decimalAttrs(): [string, PyObj][] {
  const context = opaque("Context");
  const Decimal: PyObj = { t: "type", name: "Decimal", call: decimalCall, attrs: new Map([["from_float", fn("from_float", ([f]) => decimalFromObject(f as PyObj))]]) };
  return [
    ["Decimal", Decimal],
    ["getcontext", fn("getcontext", () => context)],
    ...["ROUND_DOWN", "ROUND_HALF_UP", "ROUND_HALF_EVEN", "ROUND_CEILING", "ROUND_FLOOR", "ROUND_UP", "ROUND_HALF_DOWN", "ROUND_05UP"].map((n): [string, PyObj] => [n, pyStr(n)]),
  ];
}

export function arrayAttrs(): [string, PyObj][] {
  return [["array", { t: "type", name: "array", call: arrayCall, attrs: new Map(), heap: "extension" }], ["typecodes", pyStr("bBuhHiIlLqQfd")]];
}

/** A stdlib class object: a static type, or Counter, a Python class. */
function typeOf(name: string, call: NativeFn): PyObj {
  return { t: "type", name, call, attrs: new Map(), ...(name === "Counter" ? { heap: "class" as const } : {}) };
}

export function builtinLeaves(): [string, PyObj][] {
  return [
    ["memoryview", fn("memoryview", ([x]) => {
      if (x === undefined || !["bytes", "bytearray", "array", "opaque"].includes(x.t)) throw typeError(`memoryview: a bytes-like object is required, not '${x === undefined ? "NoneType" : typeName(x)}'`);
      return opaque("memoryview", x);
    })],
    ["property", fn("property", ([fget]) => opaque("property", fget ?? None))],
    ["staticmethod", fn("staticmethod", ([f]) => opaque("staticmethod", f ?? None))],
    ["classmethod", fn("classmethod", ([f]) => opaque("classmethod", f ?? None))],
  ];
}

