// The struct module (Modules/_struct.c): pack, unpack, unpack_from,
// iter_unpack and calcsize over Struct objects, whose getsizeof is
// PyStructObject plus its formatcode array (s_codes, one more than the
// codes for the sentinel: s__sizeof__); unpack_iterator objects; and
// struct.error, made by PyErr_NewException as a class over Exception.
// Packing follows each code's pack function (np_* / lp_* / bp_*: ints
// through __index__ with range checks, floats through PyFloat_AsDouble and
// PyFloat_Pack2/4/8, ? by truth, c/s/p from bytes); unpacking makes the
// objects CPython makes (small ints and one-byte bytes from their caches).
import type { Layout } from "../layouts/layout.js";
import { truthy } from "./compare.js";
import { callObject } from "./calls.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { exceptionClasses } from "./exceptions.js";
import { makeIter } from "./iterObject.js";
import { nativeObject } from "./nativeObjects.js";
import { intValue, toFloat } from "./numbers.js";
import { builtinFunction as fn, None, emptyBytes, pyBool, pyBytes, pyBytesFresh, pyFloat, pyInt, pyStr, typeName, type Kwargs, type PyClassObj, type PyObj } from "./objects.js";
import { bytesData, strText } from "./text.js";
import { newTuple } from "./tuples.js";
import { repr } from "./repr.js";
import { newBuiltinType } from "./typeObjects.js";
import { userIndexOf } from "./userDunders.js";
import { parseFormat, StructFormatError, type ParsedFormat } from "./structFormat.js";

const errorClasses = new WeakMap<Layout, PyClassObj>();

/** struct.error: PyErr_NewException("struct.error", NULL, NULL), a class over Exception. */
function structErrorClass(layout: Layout): PyClassObj {
  let cls = errorClasses.get(layout);
  if (cls === undefined) {
    const Exception = exceptionClasses(layout).get("Exception") as PyClassObj;
    cls = {
      t: "class", name: "error", bases: [Exception], mro: [], attrs: new Map<string, PyObj>([["__module__", pyStr("struct")]]), slots: [],
      hasDict: true, hasWeakref: true, shape: layout.heapType.shape(Exception.shape, 0, false, true, false), builtinBase: "BaseException",
      cachedKeys: null, frozen: false, tupleFields: null, decorated: null, stdlib: true,
      ...(layout.heapType.managedMembers.dict ? {} : { freshKeys: true }),
    };
    (cls as { mro: readonly PyClassObj[] }).mro = [cls, ...Exception.mro];
    errorClasses.set(layout, cls);
  }
  return cls;
}

function structError(message: string): PyException {
  const inst = callObject(structErrorClass(ctx().layout), [pyStr(message)]);
  const e = new PyException("error", message);
  e.obj = inst;
  return e;
}

function raised(e: StructFormatError): PyException {
  return e.pyType === "error" ? structError(e.message) : new PyException(e.pyType, e.message);
}

function refuse(what: string): PymemError {
  return new PymemError("UNSUPPORTED", what);
}

// ---------------------------------------------------------------------------
// Struct objects.

interface StructState {
  readonly fmt: ParsedFormat;
  /** s_format: the format as given, a str (bytes decoded as ASCII). */
  readonly format: PyObj;
}

const states = new WeakMap<PyObj, StructState>();

/** Struct.__init__'s format argument: str, or bytes decoded as ASCII. */
function formatText(o: PyObj | undefined): { text: string; obj: PyObj } {
  if (o !== undefined && o.t === "str") {
    const text = strText(o);
    // PyUnicode_AsASCIIString's UnicodeEncodeError, and prepare_s stopping at a NUL, are not modelled.
    if (/[^\x01-\x7f]/.test(text)) throw refuse("a struct format with a NUL or a non-ASCII character");
    return { text, obj: o };
  }
  if (o !== undefined && o.t === "bytes") {
    const data = bytesData(o);
    if (data.some((b) => b >= 0x80 || b === 0)) throw refuse("a struct format of bytes with a NUL or a non-ASCII byte");
    const text = String.fromCharCode(...data);
    return { text, obj: pyStr(text) };
  }
  throw typeError(`Struct() argument 1 must be a str or bytes object, not ${o === undefined ? "NoneType" : typeName(o)}`);
}

function parse(text: string): ParsedFormat {
  try {
    return parseFormat(text);
  } catch (e) {
    if (e instanceof StructFormatError) throw raised(e);
    throw e;
  }
}

function stateOf(o: PyObj): StructState {
  const st = states.get(o);
  if (st === undefined) throw typeError(`descriptor requires a '_struct.Struct' object but received '${typeName(o)}'`);
  return st;
}

function makeStruct(formatArg: PyObj | undefined): PyObj {
  const { text, obj } = formatText(formatArg);
  const fmt = parse(text);
  const st: StructState = { fmt, format: obj };
  // s__sizeof__: tp_basicsize plus a formatcode per code and the sentinel.
  // s_repr (3.13): Struct('fmt'), the format as a str; before, object's repr.
  const ownRepr = ctx().layout.rules.structRepr === true ? { repr: (): string => `Struct(${repr(pyStr(text))})` } : {};
  const s: PyObj = { ...nativeObject("Struct", { attr: (name: string): PyObj | undefined => structAttr(s, st, name), ...ownRepr }), indexWords: fmt.codes.length + 1 };
  states.set(s, st);
  return s;
}

function structAttr(self: PyObj, st: StructState, name: string): PyObj | undefined {
  switch (name) {
    case "size":
      return pyInt(st.fmt.size);
    case "format":
      return st.format;
    case "pack":
      return fn("pack", (args) => pack(st.fmt, args));
    case "unpack":
      return fn("unpack", ([b]) => unpack(st.fmt, b));
    case "unpack_from":
      return fn("unpack_from", (args, kw) => unpackFrom(st.fmt, args, kw));
    case "iter_unpack":
      return fn("iter_unpack", ([b]) => iterUnpack(st.fmt, self, b));
    case "pack_into":
      return fn("pack_into", (args) => {
        if (args.length < 2) throw typeError(`pack_into expected buffer argument`);
        return packInto(st.fmt, args[0] as PyObj, args[1] as PyObj, args.slice(2));
      });
    default:
      return undefined;
  }
}

/** The module functions' Struct (cache_struct_converter: the cache itself is out of sight). */
function structOf(f: PyObj | undefined): ParsedFormat {
  if (f !== undefined && states.has(f)) return stateOf(f).fmt;
  return parse(formatText(f).text);
}

// ---------------------------------------------------------------------------
// Packing.

const INT_BOUNDS: Readonly<Record<string, boolean>> = { b: true, B: false, h: true, H: false, i: true, I: false, l: true, L: false, q: true, Q: false, n: true, N: false, P: false };

/** get_pylong: an int, or an object with __index__; else struct.error. */
function intArg(v: PyObj): bigint {
  if (v.t === "int") return BigInt(v.v);
  if (v.t === "bool") return v.v ? 1n : 0n;
  if (v.t === "instance") {
    const i = userIndexOf(v);
    if (i !== null) return BigInt(i);
  }
  throw structError("required argument is not an integer");
}

/** PyFloat_AsDouble: floats and ints (objects with __float__ or __index__ are refused). */
function floatArg(v: PyObj): number {
  if (v.t === "instance") throw refuse("packing an object through its __float__ / __index__");
  let f: number | null;
  try {
    f = toFloat(v);
  } catch (e) {
    if (e instanceof PyException) throw structError("required argument is not a float");
    throw e;
  }
  if (f === null) throw structError("required argument is not a float");
  if (Number.isNaN(f)) throw refuse("packing a NaN (its sign and payload bits)");
  return f;
}

/** PyFloat_Pack2: round half to even into IEEE 754 binary16, OverflowError past its range. */
function packHalf(x: number): number {
  let sign = 0;
  let e: number;
  let bits: number;
  if (x === 0) {
    sign = Object.is(x, -0) ? 1 : 0;
    e = 0;
    bits = 0;
  } else if (!Number.isFinite(x)) {
    sign = x < 0 ? 1 : 0;
    e = 0x1f;
    bits = 0;
  } else {
    if (x < 0) {
      sign = 1;
      x = -x;
    }
    // frexp: x = f * 2**e with 0.5 <= f < 1; then normalised to [1, 2).
    e = Math.floor(Math.log2(x)) + 1;
    let f = x / 2 ** e;
    if (f >= 1) {
      f /= 2;
      e++;
    } else if (f < 0.5) {
      f *= 2;
      e--;
    }
    f *= 2;
    e--;
    if (e >= 16) throw new PyException("OverflowError", "float too large to pack with e format");
    if (e < -25) {
      f = 0;
      e = 0;
    } else if (e < -14) {
      f = f * 2 ** (14 + e);
      e = 0;
    } else {
      e += 15;
      f -= 1;
    }
    f *= 1024;
    bits = Math.trunc(f);
    if (f - bits > 0.5 || (f - bits === 0.5 && bits % 2 === 1)) {
      bits++;
      if (bits === 1024) {
        bits = 0;
        e++;
        if (e === 31) throw new PyException("OverflowError", "float too large to pack with e format");
      }
    }
  }
  return bits | (e << 10) | (sign << 15);
}

/** PyFloat_Unpack2. */
function unpackHalf(h: number): number {
  const sign = (h >> 15) & 1;
  const e = (h >> 10) & 0x1f;
  const f = h & 0x3ff;
  if (e === 0x1f) return f === 0 ? (sign ? -Infinity : Infinity) : NaN;
  let x = f / 1024;
  let ex = e;
  if (e === 0) ex = -14;
  else {
    x += 1;
    ex -= 15;
  }
  x *= 2 ** ex;
  return sign ? -x : x;
}

function bytesArg(v: PyObj): Uint8Array | null {
  return v.t === "bytes" || v.t === "bytearray" ? bytesData(v) : null;
}

function packItem(view: DataView, out: Uint8Array, code: string, off: number, size: number, v: PyObj, little: boolean): void {
  switch (code) {
    case "?":
      out[off] = truthy(v) ? 1 : 0;
      return;
    case "c": {
      const b = v.t === "bytes" ? bytesData(v) : null;
      if (b === null || b.length !== 1) throw structError("char format requires a bytes object of length 1");
      out[off] = b[0] as number;
      return;
    }
    case "s":
    case "p": {
      const b = bytesArg(v);
      if (b === null) throw structError(`argument for '${code}' must be a bytes object`);
      if (code === "s") {
        out.set(b.subarray(0, Math.min(b.length, size)), off);
        return;
      }
      if (size === 0) throw refuse("packing with a 0p code (CPython writes its length byte past the item)");
      const n = Math.min(b.length, size - 1);
      out.set(b.subarray(0, n), off + 1);
      out[off] = Math.min(n, 255);
      return;
    }
    case "e":
      view.setUint16(off, packHalf(floatArg(v)), little);
      return;
    case "f": {
      const x = floatArg(v);
      const y = Math.fround(x);
      if (!Number.isFinite(y) && Number.isFinite(x)) throw new PyException("OverflowError", "float too large to pack with f format");
      view.setFloat32(off, y, little);
      return;
    }
    case "d":
      view.setFloat64(off, floatArg(v), little);
      return;
    default: {
      const signed = INT_BOUNDS[code];
      if (signed === undefined) throw refuse(`the struct code '${code}'`);
      const x = intArg(v);
      const bits = BigInt(size * 8);
      const lo = signed ? -(1n << (bits - 1n)) : 0n;
      const hi = signed ? (1n << (bits - 1n)) - 1n : (1n << bits) - 1n;
      if (x < lo || x > hi) throw structError(`'${code}' format requires ${lo} <= number <= ${hi}`);
      let u = BigInt.asUintN(size * 8, x);
      for (let k = 0; k < size; k++) {
        out[little ? off + k : off + size - 1 - k] = Number(u & 0xffn);
        u >>= 8n;
      }
    }
  }
}

/** s_pack: a new bytes object of s_size bytes (zeroed padding). */
function pack(fmt: ParsedFormat, args: readonly PyObj[]): PyObj {
  if (args.length !== fmt.len) throw structError(`pack expected ${fmt.len} items for packing (got ${args.length})`);
  const out = new Uint8Array(fmt.size);
  const view = new DataView(out.buffer);
  let i = 0;
  for (const code of fmt.codes) {
    const reps = code.format === "s" || code.format === "p" ? 1 : code.repeat;
    for (let r = 0; r < reps; r++) packItem(view, out, code.format, code.offset + r * code.size, code.size, args[i++] as PyObj, fmt.littleEndian);
  }
  if (out.length === 0) return emptyBytes;
  // Which packs of one byte give the cached bytes object is the version's (3.9+: PyBytes_FromStringAndSize of the packed buffer).
  return out.length === 1 && ctx().layout.rules.structPackCachesOneByte ? pyBytes(out) : pyBytesFresh(out);
}

/**
 * s_pack_into: the packed bytes written over buffer[offset:offset+size] (a negative offset
 * counts from the end), the buffer's size unchanged. A bytearray is the writable buffer
 * modelled; bytes is the TypeError, other exporters are refused.
 */
function packInto(fmt: ParsedFormat, buffer: PyObj, offsetArg: PyObj, values: readonly PyObj[]): PyObj {
  if (values.length !== fmt.len) throw structError(`pack_into expected ${fmt.len} items for packing (got ${values.length})`);
  if (buffer.t === "bytes" || buffer.t === "str") throw typeError(`argument must be read-write bytes-like object, not ${typeName(buffer)}`);
  if (buffer.t !== "bytearray") throw refuse(`struct.pack_into into a '${typeName(buffer)}' (only a bytearray's in-place write is modelled)`);
  const raw = intValue(offsetArg) ?? userIndexOf(offsetArg);
  if (raw === null) throw typeError(`'${typeName(offsetArg)}' object cannot be interpreted as an integer`);
  let offset = Number(raw);
  const packed = bytesData(pack(fmt, values) as never);
  const size = buffer.length;
  if (offset < 0) {
    if (offset + fmt.size > 0) throw structError(`no space to pack ${fmt.size} bytes at offset ${offset}`);
    if (offset + size < 0) throw structError(`offset ${offset} out of range for ${size}-byte buffer`);
    offset += size;
  }
  if (size - offset < fmt.size) throw structError(`pack_into requires a buffer of at least ${fmt.size + offset} bytes for packing ${fmt.size} bytes at offset ${offset} (actual buffer size is ${size})`);
  bytesData(buffer).set(packed, offset);
  return None;
}

// ---------------------------------------------------------------------------
// Unpacking.

function unpackItem(view: DataView, data: Uint8Array, code: string, off: number, size: number, little: boolean): PyObj {
  switch (code) {
    case "?":
      return pyBool(data[off] !== 0);
    case "c":
      return pyBytes(data.slice(off, off + 1));
    case "s":
      return pyBytes(data.slice(off, off + size));
    case "p": {
      if (size === 0) throw refuse("unpacking with a 0p code");
      let n = data[off] as number;
      if (n >= size) n = size - 1;
      return pyBytes(data.slice(off + 1, off + 1 + n));
    }
    case "e":
      return pyFloat(unpackHalf(view.getUint16(off, little)));
    case "f":
      return pyFloat(view.getFloat32(off, little));
    case "d":
      return pyFloat(view.getFloat64(off, little));
    default: {
      const signed = INT_BOUNDS[code];
      if (signed === undefined) throw refuse(`the struct code '${code}'`);
      let u = 0n;
      for (let k = 0; k < size; k++) u = (u << 8n) | BigInt(data[little ? off + size - 1 - k : off + k] as number);
      return pyInt(signed ? BigInt.asIntN(size * 8, u) : u);
    }
  }
}

function unpackAt(fmt: ParsedFormat, data: Uint8Array, base: number): PyObj {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const out: PyObj[] = [];
  for (const code of fmt.codes) {
    const reps = code.format === "s" || code.format === "p" ? 1 : code.repeat;
    for (let r = 0; r < reps; r++) out.push(unpackItem(view, data, code.format, base + code.offset + r * code.size, code.size, fmt.littleEndian));
  }
  return newTuple(out);
}

/** A bytes-like buffer's bytes (bytes and bytearray; other buffers are refused). */
function bufferArg(b: PyObj | undefined): Uint8Array {
  if (b !== undefined && (b.t === "bytes" || b.t === "bytearray")) return bytesData(b);
  if (b !== undefined && (b.t === "array" || b.t === "opaque")) throw refuse(`unpacking from a '${typeName(b)}' buffer`);
  throw typeError(`a bytes-like object is required, not '${b === undefined ? "NoneType" : typeName(b)}'`);
}

function unpack(fmt: ParsedFormat, b: PyObj | undefined): PyObj {
  const data = bufferArg(b);
  if (data.length !== fmt.size) throw structError(`unpack requires a buffer of ${fmt.size} bytes`);
  return unpackAt(fmt, data, 0);
}

function unpackFrom(fmt: ParsedFormat, args: readonly PyObj[], kw: Kwargs): PyObj {
  const data = bufferArg(args[0] ?? kw.values.get("buffer"));
  const offArg = args[1] ?? kw.values.get("offset");
  let offset = 0;
  if (offArg !== undefined) {
    if (offArg.t !== "int" && offArg.t !== "bool") throw typeError(`'${typeName(offArg)}' object cannot be interpreted as an integer`);
    offset = Number(offArg.v);
  }
  const len = data.length;
  if (offset < 0) {
    if (offset + len < 0) throw structError(`offset ${offset} out of range for ${len}-byte buffer`);
    if (len + offset < fmt.size) throw structError(`not enough data to unpack ${fmt.size} bytes at offset ${offset}`);
    offset += len;
  }
  if (len - offset < fmt.size) {
    throw structError(`unpack_from requires a buffer of at least ${fmt.size + offset} bytes for unpacking ${fmt.size} bytes at offset ${offset} (actual buffer size is ${len})`);
  }
  return unpackAt(fmt, data, offset);
}

/** unpackiter: the buffer's records one by one; __length_hint__ the records left. */
function iterUnpack(fmt: ParsedFormat, _owner: PyObj | null, b: PyObj | undefined): PyObj {
  if (fmt.size === 0) throw structError("cannot iteratively unpack with a struct of length 0");
  const data = bufferArg(b).slice();
  if (data.length % fmt.size !== 0) throw structError(`iterative unpacking requires a buffer of a multiple of ${fmt.size} bytes`);
  let index = 0;
  return makeIter("unpack_iterator", () => {
    if (index >= data.length) return undefined;
    const t = unpackAt(fmt, data, index);
    index += fmt.size;
    return t;
  }, () => (data.length - index) / fmt.size);
}

// ---------------------------------------------------------------------------
// The module.

function moduleFn(name: string, needs: number, most: number, call: (fmt: ParsedFormat, rest: readonly PyObj[], kw: Kwargs) => PyObj): PyObj {
  return fn(name, (args, kw) => {
    const f = args[0] ?? kw.values.get("format");
    if (f === undefined) throw typeError(`${name}() missing required argument 'format' (pos 1)`);
    const fmt = structOf(f);
    if (args.length - 1 < needs || args.length - 1 > most) throw typeError(`${name} expected ${needs + 1} arguments, got ${args.length}`);
    return call(fmt, args.slice(1), kw);
  });
}

export function structModuleAttrs(layout: Layout): [string, PyObj][] {
  // Heap types from 3.9 (STRUCT_HEAP_TYPES in the layouts); type(x) of their objects is these very types.
  const StructType = newBuiltinType("Struct", ([f], kw) => makeStruct(f ?? kw.values.get("format")), [], "extension");
  newBuiltinType("unpack_iterator", null, [], "extension");
  return [
    ["Struct", StructType],
    ["error", structErrorClass(layout)],
    ["calcsize", moduleFn("calcsize", 0, 0, (fmt) => pyInt(fmt.size))],
    ["pack", moduleFn("pack", 0, Infinity, (fmt, rest) => pack(fmt, rest))],
    ["unpack", moduleFn("unpack", 1, 1, (fmt, [b]) => unpack(fmt, b))],
    ["unpack_from", moduleFn("unpack_from", 0, 2, (fmt, rest, kw) => unpackFrom(fmt, rest, kw))],
    ["iter_unpack", moduleFn("iter_unpack", 1, 1, (fmt, [b]) => iterUnpack(fmt, null, b))],
    ["pack_into", moduleFn("pack_into", 2, Infinity, (fmt, [buffer, offset, ...values]) => packInto(fmt, buffer as PyObj, offset as PyObj, values))],
  ];
}

