// array.array's storage as arraymodule.c keeps it: typecode checks, item
// conversion, array_resize's growth, slicing, concatenation, the raw buffer,
// and the array iterator. The array's constructor and methods, which iterate
// arbitrary objects, are in arrayMethods.ts.
import { ctx, noteSurrogate } from "./ctx.js";
import { PyException, typeError, valueError } from "./errors.js";
import { makeIter } from "./iterObject.js";
import { nativeSlots } from "./nativeObjects.js";
import { intValue, toFloat } from "./numbers.js";
import { pyFloat, pyInt, pyStr, typeName, type PyArrayObj, type PyObj } from "./objects.js";
import { sliceIndices } from "./sliceIndices.js";
import { bytesData, strText } from "./text.js";
import { userIndexOf } from "./userDunders.js";

export const INT_RANGES: Readonly<Record<string, readonly [bigint, bigint]>> = {
  b: [-128n, 127n], B: [0n, 255n], h: [-32768n, 32767n], H: [0n, 65535n], i: [-(2n ** 31n), 2n ** 31n - 1n], I: [0n, 2n ** 32n - 1n],
  l: [-(2n ** 63n), 2n ** 63n - 1n], L: [0n, 2n ** 64n - 1n], q: [-(2n ** 63n), 2n ** 63n - 1n], Q: [0n, 2n ** 64n - 1n],
};

export function arrayValue(typecode: string, o: PyObj): number | bigint | string {
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
export function arrayResizeTo(a: PyArrayObj, newsize: number): void {
  a.allocated = ctx().layout.array.resize(a.allocated, a.values.length, newsize);
}

export function arrayAppend(a: PyArrayObj, v: number | bigint | string): void {
  arrayResizeTo(a, a.values.length + 1);
  a.values.push(v);
}

export function newArray(typecode: string, values: (number | bigint | string)[]): PyArrayObj {
  // newarrayobject(type, n, descr): exactly n items.
  return { t: "array", typecode, values, allocated: values.length };
}

export function arrayFromBytes(a: PyArrayObj, data: Uint8Array): void {
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
      case "u": noteSurrogate(view.getUint32(off, true)); out.push(String.fromCodePoint(view.getUint32(off, true))); break;
      default: {
        const big = a.typecode === "q" || a.typecode === "l" ? view.getBigInt64(off, true) : view.getBigUint64(off, true);
        out.push(big >= -9007199254740991n && big <= 9007199254740991n ? Number(big) : big);
      }
    }
  }
  arrayPushAll(a, out);
}

/** Items added by one array_resize (frombytes, fromlist, fromunicode, extend/+= with an array). */
export function arrayPushAll(a: PyArrayObj, vals: readonly (number | bigint | string)[]): void {
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

export function arrayGetItem(a: PyArrayObj, key: PyObj): PyObj {
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
export function arraySetItem(a: PyArrayObj, key: PyObj, value: PyObj): void {
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
  return makeIter("arrayiterator", () => (i < a.values.length ? arrayItem(a, a.values[i++] as number) : undefined), () => null); // arrayiterator has no __length_hint__
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
  const exporter = nativeSlots(o)?.buffer;
  return exporter === undefined ? null : exporter();
}
