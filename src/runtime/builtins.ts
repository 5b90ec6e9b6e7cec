// The builtin functions and types the sandbox offers, with the identity and
// allocation behaviour of CPython 3.10's implementations.
import type { Layout } from "../layouts/layout.js";
import { rangeIter } from "./iteration.js";
import { reversedRangeIsFast } from "./rangeIterKind.js";
import { refuseModelledSlot } from "./missingAttribute.js";
import { typingHooks } from "./typingHooks.js";
import { classDictProxy } from "./classDict.js";
import { isCollectionSubObject } from "./collectionCtors.js";
import { missingAttribute } from "./missingAttribute.js";
import { argCount, callObject, noKwargs } from "./calls.js";
import { typeNew } from "./typeNew.js";
import { pyEq, richCompare, truthy } from "./compare.js";
import { complexAbs } from "./complexes.js";
import { ALLOCATION_STEPS, chargeSteps, ctx } from "./ctx.js";
import { dictInsertRunLazily, dictSet, newDictFromType, dictResize } from "./dicts.js";
import { PyException, PymemError, typeError, valueError } from "./errors.js";
import { formatObj, reprObject, strObj } from "./format.js";
import { forEach, getIter, lengthHint, objectLen, oneCharStr, toArray } from "./iteration.js";
import { makeIter } from "./iterObject.js";
import { nativeSlots } from "./nativeObjects.js";
import { listArray, listFrom, sequenceList } from "./lists.js";
import { byteArrayAppend, sortInPlace, sortReverse, sortRun, updateFrom } from "./methods.js";
import { delAttr, getAttr, setAttr } from "./attributes.js";
import { isInstanceOf, makeClass } from "./classes.js";
import { instanceDict } from "./instanceValues.js";
import { callDunder, isUserObj, lookupDunder, userIndexOf, userOwns } from "./userDunders.js";
import { asBuiltin, exactResult } from "./builtinSubclass.js";
import { userAbs, userBytes, userComplex, userFloat, userInt, userReversed, userRound } from "./userConversions.js";
import { userIterator, userIterObject } from "./userIter.js";
import { userBinarySlots } from "./binaryProtocol.js";
import type { DictOwner, PyClassObj, PyStrObj } from "./objects.js";
import { PyListObj, PyInstanceObj, subOf } from "./objects.js";
import { big, divRoundHalfEven, floatToInt, intAdd, intFromDouble, intPowMod, intValue, toFloat, toIndex, type IntV } from "./numbers.js";
import { builtinFunction as fn, Ellipsis, False, None, NotImplemented, True, emptyBytes, emptyStr, pyBool, pyBytes, pyBytesFresh, pyBytesRepeat, pyComplex, pyFloat, pyInt, pyStr, isSmallInt,
  pyStrFresh, typeName, type Kwargs, type NativeFn, type PyObj } from "./objects.js";
import { binaryOp, newByteArrayExact } from "./ops.js";
import { decimalToString, repr } from "./repr.js";
import { INT_MAX_STR_DIGITS, intParseLimitMessage } from "../layouts/intDigitLimit.js";
import { isLazy, isRun, makeIntRun, materialize, runView, seqItem, type IntRunSeq } from "./seq.js";
import { intRunOf, runExtremeIndex, runSum } from "./intRuns.js";
import { hashOf, setFrom } from "./sets.js";
import { isStaticSingleton, userHashRunning } from "./hashing.js";
import { bytesData, CLOSED_FROM, strText } from "./text.js";
import { asciiLower, decimalsAndSpacesToAscii, stripAsciiSpace } from "./unicodeChars.js";
import { emptyTuple, newTuple, tuple2, tupleFromCollected } from "./tuples.js";
import { getItem, makeSlice } from "./subscript.js";
import { fromHex } from "./strMethods.js";
import { bufferBytes } from "./arrayObject.js";
import { builtinLeaves } from "./opaqueObjects.js";
import { makeSuper } from "./superObjects.js";
import { decimalCopyRounded, decimalFromFloat, decimalToInt } from "./decimals.js";
import { decimalRound } from "./decimalRound.js";
import { withSignature } from "./signatures.js";
import { builtinDerives, classOfValue, newBuiltinType } from "./typeObjects.js";
import { classHooks } from "./classHooks.js";
import { isCallableObj } from "./callable.js";
import { printBuiltin } from "./printBuiltin.js";
import { idBuiltin } from "./objectIds.js";
import { internAttrName } from "./attrNameIntern.js";
import { decimalIntDiv } from "./decimalIntDiv.js";


/** PyObject_GetAttr & co. take only str names. */
function attrName(o: PyObj): string {
  if (o.t !== "str") throw typeError(`attribute name must be string, not '${typeName(o)}'`);
  return strText(o);
}

const isCallable = isCallableObj;

function kwOnly(kw: Kwargs, allowed: readonly string[], fname: string): void {
  for (const k of kw.values.keys()) {
    if (!allowed.includes(k)) throw typeError(`${fname}() got an unexpected keyword argument '${k}'`);
  }
}

const DIGITS = "0123456789abcdefghijklmnopqrstuvwxyz";
const DIGIT_PATTERNS = new Map<number, RegExp>();

/** One or more lowercase digits of base b. */
function digitsPattern(b: number): RegExp {
  let re = DIGIT_PATTERNS.get(b);
  if (re === undefined) {
    re = new RegExp(`^[${b <= 10 ? `0-${b - 1}` : `0-9a-${DIGITS[b - 1] as string}`}]+$`);
    DIGIT_PATTERNS.set(b, re);
  }
  return re;
}
const PREFIX_BASE = { x: 16, o: 8, b: 2 } as const;

/**
 * int(x, base): PyLong_FromUnicodeObject's accepted spellings; `bytes`: text is bytes as
 * Latin-1, which _PyLong_FromBytes parses as they are (no other spaces or digits to ASCII).
 */
export function parseIntLiteral(text: string, base: number, bytes = false): PyObj {
  const orig = text;
  // Py_ISSPACE: only ASCII whitespace is stripped, once a str's other spaces are ' '.
  let s = stripAsciiSpace(bytes ? text : decimalsAndSpacesToAscii(text));
  if (s.includes("_")) s = s.replace(/_(?=[0-9a-zA-Z])/g, (m, off: number, all: string) => (off > 0 && /[0-9a-zA-Z]/.test(all[off - 1] as string) ? "" : m));
  let neg = false;
  if (s.startsWith("-") || s.startsWith("+")) {
    neg = s.startsWith("-");
    s = s.slice(1);
  }
  let b = base;
  const prefix = /^0([xob])/i.exec(s);
  const prefixBase = prefix === null ? undefined : PREFIX_BASE[(prefix[1] as string).toLowerCase() as "x" | "o" | "b"];
  if (prefixBase !== undefined && (b === 0 || b === prefixBase)) {
    b = prefixBase;
    s = s.slice(2).replace(/^_/, "");
  } else if (b === 0) {
    if (/^0+$/.test(s)) b = 10;
    else if (/^0/.test(s)) [s, b] = ["!", 10];
    else b = 10;
  }
  s = asciiLower(s);
  if (!digitsPattern(b).test(s)) {
    throw valueError(`invalid literal for int() with base ${base}: ${repr(pyStr(orig))}`);
  }
  if (b === 10 && s.length > INT_MAX_STR_DIGITS) {
    throw valueError(intParseLimitMessage(ctx().layout.rules.intLimitSaysDigits, s.length));
  }
  const v = digitsValue(s, b);
  return pyInt(neg ? -v : v);
}

/** The value of validated lowercase digits in base b: V8's own parser where it has one. */
function digitsValue(s: string, b: number): bigint {
  if (b === 10) return BigInt(s);
  const jsPrefix = { 16: "0x", 8: "0o", 2: "0b" }[b];
  if (jsPrefix !== undefined) return BigInt(jsPrefix + s);
  // Other bases: a chunk of digits at a time, each chunk exact in a double.
  const chunk = Math.floor(Math.log(2 ** 52) / Math.log(b));
  const B = BigInt(b) ** BigInt(chunk);
  let v = 0n;
  let i = s.length % chunk || chunk;
  v = BigInt(parseInt(s.slice(0, i), b));
  for (; i < s.length; i += chunk) v = v * B + BigInt(parseInt(s.slice(i, i + chunk), b));
  return v;
}

function intCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  kwOnly(kw, ["base"], "int");
  const x = args[0];
  const baseArg = args[1] ?? kw.values.get("base");
  if (x === undefined) {
    if (baseArg !== undefined) throw typeError("int() missing string argument");
    return pyInt(0);
  }
  if (baseArg !== undefined) {
    // long_new_impl: the base is an index and in range before the value's type is looked at.
    const base = toIndex(baseArg);
    if ((base !== 0 && base < 2) || base > 36) throw valueError("int() base must be >= 2 and <= 36, or 0");
    if (x.t !== "str" && x.t !== "bytes" && x.t !== "bytearray") throw typeError("int() can't convert non-string with explicit base");
    return x.t === "str" ? parseIntLiteral(strText(x), base) : parseIntLiteral(Buffer.from(bytesData(x)).toString("latin1"), base, true);
  }
  const u = isUserObj(x) ? userInt(x) : null;
  if (u !== null) return u;
  switch (x.t) {
    case "int":
      return x;
    case "bool":
      return pyInt(x.v ? 1 : 0);
    case "float":
      return floatToInt(x.v);
    case "str":
      return parseIntLiteral(strText(x), 10);
    case "bytes":
    case "bytearray":
      return parseIntLiteral(Buffer.from(bytesData(x)).toString("latin1"), 10, true);
    case "Decimal":
      return decimalToInt(x);
    default:
      throw typeError(`int() argument must be a string, a bytes-like object or ${numberWord()}, not '${typeName(x)}'`);
  }
}

/** long_new_impl / PyNumber_Float's word for what they take besides text (reworded in 3.10). */
function numberWord(): string {
  return ctx().layout.rules.numberArgsSayReal ? "a real number" : "a number";
}

/** float(text): Python's spelling of a float, with only ASCII whitespace stripped (Py_ISSPACE). */
export function parseFloat(text: string): number {
  const s = asciiLower(stripAsciiSpace(text).replace(/(\d)_(?=\d)/g, "$1"));
  if (/^[+-]?(inf|infinity)$/.test(s)) return s.startsWith("-") ? -Infinity : Infinity;
  if (/^[+-]?nan$/.test(s)) return NaN;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(s)) {
    throw valueError(`could not convert string to float: ${repr(pyStr(text))}`);
  }
  return Number(s);
}

function floatCall(args: readonly PyObj[], kw?: Kwargs): PyObj {
  if (kw !== undefined) noKwargs("float", kw);
  argCount("float", args, 0, 1);
  const x = args[0];
  if (x === undefined) return pyFloat(0);
  // PyNumber_Float: an exact float as it is; a subclass's own __float__ (nb_float) before float's.
  if (x.t === "float" && subOf(x) !== undefined) {
    const own = userFloat(x);
    if (own !== null) return own;
  }
  if (x.t === "float") return x;
  if (x.t === "str") {
    // PyFloat_FromString: other spaces and decimal digits to ASCII first (str only, not bytes).
    const text = strText(x);
    const ascii = decimalsAndSpacesToAscii(text);
    if (ascii === text) return pyFloat(parseFloat(text));
    try {
      return pyFloat(parseFloat(ascii));
    } catch (e) {
      if (e instanceof PyException && e.pyType === "ValueError") throw valueError(`could not convert string to float: ${repr(x)}`);
      throw e;
    }
  }
  const u = isUserObj(x) ? userFloat(x) : null;
  if (u !== null) return u;
  if (x.t === "bytes" || x.t === "bytearray") return pyFloat(parseFloat(Buffer.from(bytesData(x)).toString("latin1")));
  if (x.t === "Decimal") {
    // Decimal.__float__: float(str(self)), refusing a signalling NaN.
    if (x.special === "sNaN") throw valueError("Cannot convert signaling NaN to float");
    return pyFloat(x.special === "NaN" ? NaN : parseFloat(decimalToString(x)));
  }
  const f = toFloat(x);
  if (f === null) throw typeError(`float() argument must be a string or ${numberWord()}, not '${typeName(x)}'`);
  return pyFloat(f);
}

function strCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  const x = args[0] ?? kw.values.get("object");
  if (x === undefined) return emptyStr;
  const enc = args[1] ?? kw.values.get("encoding");
  const errors = args[2] ?? kw.values.get("errors");
  if (enc !== undefined && enc.t !== "str") throw typeError(`str() argument 'encoding' must be str, not ${typeName(enc)}`);
  if (errors !== undefined && errors.t !== "str") throw typeError(`str() argument 'errors' must be str, not ${typeName(errors)}`);
  if (enc !== undefined || errors !== undefined) {
    if (x.t === "str") throw typeError("decoding str is not supported");
    if (x.t !== "bytes" && x.t !== "bytearray") throw typeError(`decoding to str: need a bytes-like object, ${typeName(x)} found`);
    // PyUnicode_FromEncodedObject: utf-8 and strict where not given
    return callObject(getAttr(x, "decode"), [enc ?? pyStr("utf-8"), ...(errors === undefined ? [] : [errors])]);
  }
  return strObj(x);
}

function checkByte(v: PyObj): number {
  const n = intValue(v) ?? userIndexOf(v);
  if (n === null) throw typeError(`'${typeName(v)}' object cannot be interpreted as an integer`);
  if (n < 0 || n > 255) throw valueError("bytes must be in range(0, 256)");
  return Number(n);
}

/** bytes_new / bytearray___init__: encoding and errors are str and need a str source. */
function checkEncodingArgs(fname: string, args: readonly PyObj[], kw: Kwargs): void {
  const x = args[0] ?? kw.values.get("source");
  const enc = args[1] ?? kw.values.get("encoding");
  const errors = args[2] ?? kw.values.get("errors");
  if (enc !== undefined && enc.t !== "str") throw typeError(`${fname}() argument 'encoding' must be str, not ${typeName(enc)}`);
  if (errors !== undefined && errors.t !== "str") throw typeError(`${fname}() argument 'errors' must be str, not ${typeName(errors)}`);
  if (x !== undefined && x.t === "str") return;
  if (enc !== undefined) throw typeError("encoding without a string argument");
  if (errors !== undefined) throw typeError("errors without a string argument");
}

/** A bytes object filled from a buffer: the empty singleton, else always a new object. */
function fromBuffer(data: Uint8Array): PyObj {
  return data.length === 0 ? emptyBytes : pyBytesFresh(data);
}

function bytesCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  checkEncodingArgs("bytes", args, kw);
  const x = args[0] ?? kw.values.get("source");
  if (x === undefined) return emptyBytes;
  const enc = args[1] ?? kw.values.get("encoding");
  if (x.t === "str") {
    if (enc === undefined) throw typeError("string argument without an encoding");
    return callObject(getAttr(x, "encode"), [enc]);
  }
  if (x.t === "bytes") return x;
  const own = isUserObj(x) ? userBytes(x) : null;
  if (own !== null) return own;
  // _PyBytes_FromBuffer: PyBytes_FromStringAndSize(NULL, len), a new object even for one byte.
  if (x.t === "bytearray") return fromBuffer(bytesData(x).slice());
  const buf = bufferBytes(x);
  if (buf !== null) return fromBuffer(buf.slice());
  const n = intValue(x) ?? userIndexOf(x);
  if (n !== null) {
    if (n < 0) throw valueError("negative count");
    if (n > 2n ** 63n - 1n) throw new PyException("OverflowError", "cannot fit 'int' into an index-sized integer");
    const len = Number(n);
    if (len === 0) return emptyBytes;
    if (len >= CLOSED_FROM) return pyBytesRepeat(new Uint8Array(1), len);
    return pyBytesFresh(new Uint8Array(len)); // _PyBytes_FromSize(n, 1): a new object even for one byte
  }
  const items = toArray(x).map(checkByte);
  return pyBytes(Uint8Array.from(items));
}

function byteArrayCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  checkEncodingArgs("bytearray", args, kw);
  chargeSteps(ALLOCATION_STEPS.buffer);
  const x = args[0] ?? kw.values.get("source");
  const layout = ctx().layout.bytearray;
  if (x === undefined) return { t: "bytearray", data: new Uint8Array(0), rep: null, length: 0, alloc: 0 };
  if (x.t === "str") {
    const enc = args[1] ?? kw.values.get("encoding");
    if (enc === undefined) throw typeError("string argument without an encoding");
    const b = callObject(getAttr(x, "encode"), [enc]);
    return newByteArrayExact(bytesData(b as never).slice());
  }
  if (x.t === "bytes" || x.t === "bytearray") return newByteArrayExact(bytesData(x).slice());
  const buf = bufferBytes(x);
  if (buf !== null) return newByteArrayExact(buf.slice());
  const n = intValue(x) ?? userIndexOf(x);
  if (n !== null) {
    if (n < 0) throw valueError("negative count");
    if (n > 2n ** 63n - 1n) throw new PyException("OverflowError", "cannot fit 'int' into an index-sized integer");
    const len = Number(n);
    const alloc = layout.resize(0, 0, len);
    if (len >= CLOSED_FROM) return { t: "bytearray", data: null, rep: { unit: new Uint8Array(1), count: len }, length: len, alloc };
    return { t: "bytearray", data: new Uint8Array(len), rep: null, length: len, alloc };
  }
  if (ctx().layout.rules.byteArrayFromListResizesOnce && ((x.t === "list" && x.sub === undefined) || (x.t === "tuple" && x.cls === undefined))) {
    // 3.11+ bytearray___init__: an exact list or tuple is sized by one PyByteArray_Resize, then filled.
    const items = materialize(x.items);
    const data = Uint8Array.from(items, (v) => checkByte(v));
    return { t: "bytearray", data, rep: null, length: data.length, alloc: layout.resize(0, 0, data.length) };
  }
  const b = { t: "bytearray" as const, data: new Uint8Array(0) as Uint8Array | null, rep: null, length: 0, alloc: 0 };
  forEach(x, (v) => byteArrayAppend(b, checkByte(v)));
  return b;
}

function rangeCall(args: readonly PyObj[]): PyObj {
  argCount("range", args, 1, 3);
  const vals = args.map((a) => {
    const v = intValue(a) ?? userIndexOf(a);
    if (v === null) throw typeError(`'${typeName(a)}' object cannot be interpreted as an integer`);
    return BigInt(v);
  });
  const [start, stop, step] = vals.length === 1 ? [0n, vals[0] as bigint, 1n] : [vals[0] as bigint, vals[1] as bigint, vals[2] ?? 1n];
  if (step === 0n) throw valueError("range() arg 3 must not be zero");
  let len = 0n;
  if (step > 0n && start < stop) len = (stop - start - 1n) / step + 1n;
  else if (step < 0n && start > stop) len = (start - stop - 1n) / -step + 1n;
  chargeSteps(ALLOCATION_STEPS.range);
  return { t: "range", start, stop, step, len };
}

function listCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  noKwargs("list", kw);
  argCount("list", args, 0, 1);
  const x = args[0];
  if (x === undefined) return new PyListObj([], 0);
  if (x.t === "range" && x.len > 64n && x.start > -(2n ** 52n) && x.stop < 2n ** 52n && x.stop > -(2n ** 52n)) {
    // list(range(n)): list_preallocate_exact(len) then the range's fresh ints — kept closed-form.
    const len = Number(x.len);
    if (len > 2 ** 50) throw new PyException("MemoryError", "");
    return new PyListObj(makeIntRun(Number(x.start), Number(x.step), len), ctx().layout.list.preallocateExact(len));
  }
  return listFrom(x);
}

function tupleCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  noKwargs("tuple", kw);
  argCount("tuple", args, 0, 1);
  const x = args[0];
  if (x === undefined) return newTuple([]);
  if (x.t === "tuple" && x.cls === undefined) return x;
  if (x.t === "tuple" && lookupDunder(x, "__iter__") === undefined) return newTuple(materialize(x.items).slice());
  // PyList_AsTuple (PyList_CheckExact: a subclass's object goes by its iterator): an exact copy; a closed form stays shared.
  if (x.t === "list" && x.sub === undefined) return newTuple(isLazy(x.items) ? x.items : x.items.slice());
  if (x.t === "range" && x.len > 64n && x.start > -(2n ** 52n) && x.stop < 2n ** 52n && x.stop > -(2n ** 52n)) {
    return newTuple(makeIntRun(Number(x.start), Number(x.step), Number(x.len)));
  }
  // PySequence_Tuple's generic path: PyTuple_New(PyObject_LengthHint(v, 10)), filled, then resized.
  const hint = lengthHint(x, 10);
  return tupleFromCollected(toArray(x), hint);
}

function dictCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  argCount("dict", args, 0, 1);
  const d = newDictFromType();
  if (args[0] !== undefined) updateFrom(d, args[0]);
  // dict_vectorcall inserts keyword arguments one by one, keys being the kwnames strs.
  for (const [k, v] of kw.values) dictSet(d, kw.keys.get(k) as PyObj, v);
  return d;
}

function fromKeys(args: readonly PyObj[]): PyObj {
  argCount("fromkeys", args, 1, 2);
  const src = args[0] as PyObj;
  const value = args[1] ?? None;
  const d = newDictFromType();
  if (((src.t === "dict" && src.flavor === undefined) || src.t === "set" || src.t === "frozenset") && src.sub === undefined) {
    // _PyDict_FromKeys resizes once for an exact dict or set source (PyDict_CheckExact, PyAnySet_CheckExact);
    // a subclass's (defaultdict, Counter, OrderedDict, a user class) is iterated and stored key by key.
    dictResize(d, ctx().layout.dict.estimateSize(src.table.used), src.t === "dict" && !src.table.general);
    const keys = src.t === "dict" ? [...src.table.map.values()].map((e) => e.key) : src.table.keyList();
    for (const k of keys) dictSet(d, k, value);
    return d;
  }
  const keys = intRunOf(src);
  if (keys !== null && dictInsertRunLazily(d, { keys, values: { each: value } })) return d;
  forEach(src, (k) => dictSet(d, k, value));
  return d;
}

function minMax(name: "min" | "max", args: readonly PyObj[], kw: Kwargs): PyObj {
  kwOnly(kw, ["key", "default"], name);
  const key = kw.values.get("key") ?? None;
  const only = args[0];
  if (args.length === 1 && key.t === "NoneType" && only !== undefined && (only.t === "list" || (only.t === "tuple" && only.cls === undefined)) && isRun(only.items)) {
    return seqItem(only.items, runExtremeIndex(only.items, name));
  }
  if (args.length === 0) throw typeError(`${name} expected at least 1 argument, got 0`);
  if (args.length > 1 && kw.values.has("default")) throw typeError(`Cannot specify a default for ${name}() with multiple positional arguments`);
  // min_max: each item's key as the item comes, then one comparison, item < best (min) or item > best (max).
  const op = name === "min" ? "Lt" : "Gt";
  let best: PyObj | undefined;
  let bestKey: PyObj | undefined;
  const consider = (x: PyObj): void => {
    const k = key.t === "NoneType" ? x : callObject(key, [x]);
    if (bestKey === undefined || richCompare(op, k, bestKey)) {
      best = x;
      bestKey = k;
    }
  };
  if (args.length === 1) forEach(args[0] as PyObj, consider);
  else for (const x of args) consider(x);
  if (best === undefined) {
    const d = kw.values.get("default");
    if (d !== undefined) return d;
    throw valueError(`${name}() arg is an empty sequence`);
  }
  return best;
}

function sum(args: readonly PyObj[], kw: Kwargs): PyObj {
  argCount("sum", args, 1, 2);
  let acc: PyObj = args[1] ?? kw.values.get("start") ?? pyInt(0);
  if (acc.t === "str") throw typeError("sum() can't sum strings [use ''.join(seq) instead]");
  const x = args[0] as PyObj;
  // The closed forms: an exact list or tuple run or a range, summed from an exact int or bool start.
  const exactStart = (acc.t === "int" && acc.sub === undefined) || acc.t === "bool";
  if (((x.t === "list" && x.sub === undefined) || (x.t === "tuple" && x.cls === undefined)) && isRun(x.items) && exactStart) {
    return intAdd(intValue(acc) as number | bigint, runSum(x.items));
  }
  if (x.t === "range" && exactStart && x.len > 0n) {
    const n = x.len;
    const total = n * x.start + (x.step * n * (n - 1n)) / 2n;
    const start = big(intValue(acc) as IntV);
    const last = x.start + (n - 1n) * x.step;
    const absMax = (a: bigint, b: bigint): bigint => (a < 0n ? -a : a) > (b < 0n ? -b : b) ? (a < 0n ? -a : a) : (b < 0n ? -b : b);
    // Every partial sum within a C long: the fast path's PyLong_FromLong(i_result), a cached small int.
    if (acc.t === "int" && (start < 0n ? -start : start) + n * absMax(x.start, last) <= C_LONG_MAX) return pyInt(start + total);
    if (!isSmallInt(Number(start + total))) return intAdd(intValue(acc) as IntV, total);
  }
  // builtin_sum: exact ints are summed in a C long while it does not overflow (PyLong_CheckExact: an int
  // subclass's object goes through nb_add, its own __add__/__radd__), an exact float result in a C double
  // (FloatSum), then the rest through nb_add.
  let iResult: bigint | null = acc.t === "int" && acc.sub === undefined && fitsCLong(big(acc.v)) ? big(acc.v) : null;
  const compensated = ctx().layout.rules.sumCompensated;
  let fSum: FloatSum | null = isExactFloat(acc) ? new FloatSum(acc.v, compensated) : null;
  forEach(x, (v) => {
    if (iResult !== null) {
      if (v.t === "int" && v.sub === undefined && fitsCLong(big(v.v)) && fitsCLong(iResult + big(v.v))) {
        iResult += big(v.v);
        return;
      }
      acc = pyInt(iResult);
      iResult = null;
      acc = binaryOp("Add", acc, v);
      if (isExactFloat(acc)) fSum = new FloatSum(acc.v, compensated);
      return;
    }
    if (fSum !== null) {
      if (fSum.add(v)) return;
      // The first item neither float nor C long: the compensated total, then nb_add from here on.
      acc = pyFloat(fSum.total());
      fSum = null;
    }
    acc = binaryOp("Add", acc, v);
  });
  if (iResult !== null) return pyInt(iResult);
  return fSum !== null ? pyFloat(fSum.total()) : acc;
}

function isExactFloat(o: PyObj): o is PyObj & { t: "float"; v: number } {
  return o.t === "float" && o.sub === undefined;
}

/**
 * builtin_sum's float loop: a C double that ends as a new float object (never the start
 * value itself); from 3.12 exact floats are added with Neumaier's improved Kahan-Babuska
 * compensation.
 */
class FloatSum {
  private c = 0;
  constructor(
    private f: number,
    private readonly compensated: boolean,
  ) {}

  /** Adds an exact float (compensated from 3.12) or an int that fits a C long (as a double); false for any other item. */
  add(v: PyObj): boolean {
    if (isExactFloat(v)) {
      const x = v.v;
      const t = this.f + x;
      if (this.compensated) this.c += Math.abs(this.f) >= Math.abs(x) ? this.f - t + x : x - t + this.f;
      this.f = t;
      return true;
    }
    const n = v.t === "int" || v.t === "bool" ? big(intValue(v) as IntV) : null;
    if (n !== null && fitsCLong(n)) {
      this.f += Number(n);
      return true;
    }
    return false;
  }

  /** The sum: the compensation is added only when non-zero and finite (a negative zero and an infinite sum stay). */
  total(): number {
    return this.c !== 0 && Number.isFinite(this.c) ? this.f + this.c : this.f;
  }
}

const C_LONG_MAX = 2n ** 63n - 1n;

function fitsCLong(v: bigint): boolean {
  return v >= -C_LONG_MAX - 1n && v <= C_LONG_MAX;
}

function roundCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  const x = args[0] ?? kw.values.get("number");
  const nd = args[1] ?? kw.values.get("ndigits");
  if (x === undefined) throw typeError("round() missing required argument 'number' (pos 1)");
  if (userOwns(x, "__round__")) return userRound(x, nd);
  return exactResult(roundBuiltin(x, nd), x);
}

/** The builtin number types' nb_absolute. */
function absBuiltin(x: PyObj): PyObj {
  const iv = intValue(x);
  if (iv !== null) return iv < 0 ? binaryOp("Sub", pyInt(0), x) : x.t === "bool" ? pyInt(iv) : x;
  if (x.t === "float") return pyFloat(Math.abs(x.v));
  if (x.t === "complex") return pyFloat(complexAbs(x));
  if (x.t === "Decimal") return decimalCopyRounded(x, 0);
  throw typeError(`bad operand type for abs(): '${typeName(x)}'`);
}

function roundBuiltin(x: PyObj, nd: PyObj | undefined): PyObj {
  const iv = intValue(x);
  if (iv !== null) {
    if (nd === undefined || nd.t === "NoneType") return x.t === "bool" ? pyInt(iv) : x;
    const ndv = intValue(nd) ?? userIndexOf(nd);
    if (ndv === null) throw typeError(`'${typeName(nd)}' object cannot be interpreted as an integer`);
    if (ndv >= 0) return x.t === "bool" ? pyInt(iv) : x;
    const n = Number(ndv);
    const p = 10n ** BigInt(-n);
    return pyInt(divRoundHalfEven(BigInt(iv), p) * p);
  }
  if (x.t === "Decimal") return decimalRound(x, nd);
  if (x.t !== "float") throw typeError(`type ${typeName(x)} doesn't define __round__ method`);
  if (nd === undefined || nd.t === "NoneType") {
    if (!Number.isFinite(x.v)) throw new PyException(Number.isNaN(x.v) ? "ValueError" : "OverflowError", Number.isNaN(x.v) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
    const f = Math.floor(x.v);
    const diff = x.v - f;
    const r = diff > 0.5 || (diff === 0.5 && f % 2 !== 0) ? f + 1 : f;
    return intFromDouble(r); // float___round___impl: PyLong_FromDouble(rounded)
  }
  const ndv = intValue(nd) ?? userIndexOf(nd);
  if (ndv === null) throw typeError(`'${typeName(nd)}' object cannot be interpreted as an integer`);
  const n = Number(ndv);
  if (!Number.isFinite(x.v) || x.v === 0) return pyFloat(x.v);
  // double_round: the float's exact decimal value rounded half-even at 10**-n,
  // then the double nearest that decimal (JS parsing rounds correctly too).
  const d = decimalFromFloat(x.v);
  if (d.exp >= -n) return pyFloat(x.v);
  const q = divRoundHalfEven(d.coeff, 10n ** BigInt(-n - d.exp));
  const out = Number(`${d.sign === 1 ? "-" : ""}${q}e${-n}`);
  if (!Number.isFinite(out)) throw new PyException("OverflowError", "rounded value too large to represent");
  return pyFloat(out === 0 && d.sign === 1 ? -0 : out);
}

function isinstanceCall(args: readonly PyObj[]): PyObj {
  argCount("isinstance", args, 2, 2);
  const x = args[0] as PyObj;
  const t = args[1] as PyObj;
  const types = t.t === "tuple" ? materialize(t.items) : [t];
  // A class of a setup metaclass is a type like any other (its metaclass derives from type).
  const name = x.t === "tuple" || subOf(x) !== undefined ? x.t : x.t === "class" && x.meta !== undefined ? "type" : typeName(x);
  return pyBool(types.some((ty) => {
    const typing = ty.t === "type" && ty.typingForm === true ? typingHooks()?.instanceCheck(ty, x, (x2, t2) => truthy(isinstanceCall([x2, t2])), false) : null;
    if (typing !== undefined && typing !== null) return typing;
    // PyObject_IsInstance: type(x) is ty, else the metaclass's __instancecheck__ (ABCMeta: through __subclasscheck__).
    const own = ty.t === "class" && ty.meta !== undefined ? lookupDunder(ty, "__instancecheck__") : undefined;
    if (own !== undefined) return classOfValue(x) === ty || truthy(callDunder(ty, "__instancecheck__", [x]) as PyObj);
    const instCheck = classHooks(ty)?.instancecheck;
    if (ty.t === "class" && instCheck !== undefined) return classOfValue(x) === ty || instCheck(ty, x);
    const check = classHooks(ty)?.subclasscheck;
    if (ty.t === "class" && check !== undefined) return classOfValue(x) === ty || check(ty, classOfValue(x));
    if (ty.t === "class") return isInstanceOf(x, ty);
    if (ty.t !== "type") throw typeError("isinstance() arg 2 must be a type or tuple of types");
    return builtinDerives(name, ty.name);
  }));
}

function issubclassCall(args: readonly PyObj[]): PyObj {
  argCount("issubclass", args, 2, 2);
  const [a, b] = args as [PyObj, PyObj];
  if (a.t !== "class" && a.t !== "type") throw typeError("issubclass() arg 1 must be a class");
  const targets = b.t === "tuple" ? materialize(b.items) : [b];
  for (const t of targets) {
    if (t.t !== "class" && t.t !== "type" && t.t !== "tuple") throw typeError("issubclass() arg 2 must be a class, a tuple of classes, or a union");
  }
  return pyBool(targets.some((t) => {
    const typing = t.t === "type" && t.typingForm === true ? typingHooks()?.instanceCheck(t, a, (a2, t2) => truthy(issubclassCall([a2, t2])), true) : null;
    if (typing !== undefined && typing !== null) return typing;
    // PyObject_IsSubclass: the metaclass's __subclasscheck__ when it has one.
    if (t.t === "class" && t.meta !== undefined && lookupDunder(t, "__subclasscheck__") !== undefined) return truthy(callDunder(t, "__subclasscheck__", [a]) as PyObj);
    const check = classHooks(t)?.subclasscheck;
    if (t.t === "class" && check !== undefined) return check(t, a);
    if (a.t === "class") return t.t === "class" ? a.mro.includes(t) : t.t === "type" && (t.name === "object" || t.name === a.builtinBase || (t.name === "type" && a.isMeta === true));
    if (a.t === "type" && t.t === "type") return builtinDerives(a.name, t.name);
    return false;
  }));
}

/** hash(x): PyObject_Hash, when the value does not depend on the process (hashing.ts). */
function hashCall(args: readonly PyObj[]): PyObj {
  argCount("hash", args, 1, 1);
  const x = args[0] as PyObj;
  const [h, unstable] = hashOf(x);
  // None, Ellipsis and NotImplemented place keys by their known low bits, but their full hash is an address.
  if (isStaticSingleton(x) && !userHashRunning()) throw new PymemError("UNSUPPORTED", `hash() of ${typeName(x)} depends on its address`);
  // Inside a class's __hash__ the value only places a key: a stand-in is "a" CPython hash there (a str's
  // is its 52 set-table bits, the hash the str itself is placed by, so an object equal to it hashes equal).
  if (!unstable || userHashRunning()) return pyInt(h);
  if (x.t === "str" || x.t === "bytes") throw new PymemError("UNSUPPORTED", `hash() of ${x.t} is randomized per process (PYTHONHASHSEED), so pymem cannot know it`);
  throw new PymemError("UNSUPPORTED", `hash() of this ${typeName(x)} depends on its address or on PYTHONHASHSEED`);
}

function toBase(x: PyObj | undefined, base: 2 | 8 | 16, prefix: string): PyObj {
  const v = x === undefined ? null : intValue(x) ?? userIndexOf(x);
  if (v === null) throw typeError(`'${x === undefined ? "NoneType" : typeName(x)}' object cannot be interpreted as an integer`);
  const b = BigInt(v);
  return pyStrFresh((b < 0n ? "-" : "") + prefix + (b < 0n ? -b : b).toString(base));
}

function zipCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  kwOnly(kw, ["strict"], "zip");
  if (kw.values.size > 0 && !ctx().layout.rules.zipStrict) throw typeError("zip() takes no keyword arguments");
  const strict = truthy(kw.values.get("strict") ?? False);
  const its = args.map(getIter);
  return makeIter("zip", () => {
    if (its.length === 0) return undefined;
    const row: PyObj[] = [];
    for (const [i, it] of its.entries()) {
      const v = it.next();
      if (v === undefined) {
        if (strict && i > 0) throw valueError(`zip() argument ${i + 1} is shorter than argument${i === 1 ? "" : "s 1-" + i} ${i === 1 ? "1" : ""}`.trim());
        if (strict && i === 0 && its.slice(1).some((o) => o.next() !== undefined)) {
          throw valueError(`zip() argument 2 is longer than argument 1`);
        }
        return undefined;
      }
      row.push(v);
    }
    return newTuple(row);
  }, () => null);
}

function enumerateCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  const it = getIter(args[0] ?? (kw.values.get("iterable") as PyObj));
  const start = args[1] ?? kw.values.get("start") ?? pyInt(0);
  const sv = intValue(start) ?? userIndexOf(start);
  if (sv === null) throw typeError(`'${typeName(start)}' object cannot be interpreted as an integer`);
  let i = BigInt(sv);
  return makeIter("enumerate", () => {
    const v = it.next();
    return v === undefined ? undefined : tuple2(pyInt(i++), v);
  }, () => null);
}

function mapCall(args: readonly PyObj[]): PyObj {
  if (args.length < 2) throw typeError("map() must have at least two arguments.");
  const f = args[0] as PyObj;
  const its = args.slice(1).map(getIter);
  return makeIter("map", () => {
    // One step per item, as filter counts: each is a call made on the caller's behalf.
    ctx().tick();
    const row: PyObj[] = [];
    for (const it of its) {
      const v = it.next();
      if (v === undefined) return undefined;
      row.push(v);
    }
    return callObject(f, row);
  }, () => null);
}

function filterCall(args: readonly PyObj[]): PyObj {
  argCount("filter", args, 2, 2);
  const f = args[0] as PyObj;
  const it = getIter(args[1] as PyObj);
  return makeIter("filter", () => {
    for (let v = it.next(); v !== undefined; v = it.next()) {
      ctx().tick();
      if (truthy(f.t === "NoneType" ? v : callObject(f, [v]))) return v;
    }
    return undefined;
  }, () => null);
}

function reversedCall(args: readonly PyObj[]): PyObj {
  argCount("reversed", args, 1, 1);
  const x = args[0] as PyObj;
  if (isCollectionSubObject(x)) {
    // deque, OrderedDict and dict define __reversed__, which reads their blocks, nodes or entries directly.
    if (lookupDunder(x, "__reversed__") !== undefined) return userReversed(x) as PyObj;
  } else if (isUserObj(x) && (subOf(x) !== undefined || (x.t === "tuple" && x.cls !== undefined))) {
    // reversed_new: the type's __reversed__ (list's own reads the items, whatever __iter__ says), else the
    // sequence protocol, where a subclass's __len__ and __getitem__ answer.
    if (lookupDunder(x, "__reversed__") !== undefined) return userReversed(x) as PyObj;
    if (x.t !== "list" && lookupDunder(x, "__getitem__") !== undefined) {
      // PySequence_Size (the class's __len__ or the builtin's), then seq[i] from the end through the class.
      let i = (objectLen(x) as number) - 1;
      return makeIter("reversed", () => (i >= 0 ? getItem(x, pyInt(i--)) : undefined), () => Math.max(i + 1, 0));
    }
    if (x.t !== "list" && (lookupDunder(x, "__len__") !== undefined || (x.t !== "tuple" && lookupDunder(x, "__iter__") !== undefined))) {
      throw new PymemError("UNSUPPORTED", `reversed() of a ${typeName(x)} whose class defines __len__ or __iter__ but not __getitem__`);
    }
  }
  if (x.t === "range") {
    const last = x.start + (x.len - 1n) * x.step;
    return rangeIter({ t: "range", start: last, stop: x.start - x.step, step: -x.step, len: x.len }, reversedRangeIsFast(x.start, x.stop, x.step, x.len));
  }
  if (x.t === "dict" || x.t === "dictview") {
    const d = x.t === "dict" ? x : x.dict;
    const kind = x.t === "dict" ? "dict_keys" : x.typeName;
    const odict = x.t === "dict" && x.flavor?.name === "OrderedDict";
    const entries = [...d.table.map.values()].reverse();
    const pick = (e: { key: PyObj; value: PyObj }): PyObj => (kind === "dict_keys" ? e.key : kind === "dict_values" ? e.value : tuple2(e.key, e.value));
    let i = 0;
    const name = odict ? "odict_iterator" : kind === "dict_keys" ? "dict_reversekeyiterator" : kind === "dict_values" ? "dict_reversevalueiterator" : "dict_reverseitemiterator";
    return makeIter(name, () => (i < entries.length ? pick(entries[i++] as { key: PyObj; value: PyObj }) : undefined), () => (odict ? null : entries.length - i));
  }
  if (x.t === "deque" || x.t === "array") {
    // deque_reviter reads the blocks, whatever a subclass's __iter__ says.
    const items = (x.t === "deque" ? x.items.slice() : toArray(x)).reverse();
    let i = 0;
    // An exhausted iterator stays at the end: its length hint is 0, never negative.
    return makeIter(x.t === "deque" ? "_deque_reverse_iterator" : "reversed", () => (i < items.length ? items[i++] : undefined), () => items.length - i);
  }
  if ((x.t === "list" || (x.t === "tuple" && x.cls === undefined)) && isRun(x.items)) {
    // A run is never mutated in place: walking it backwards needs no copy.
    const items = x.items;
    let i = items.len;
    const it = makeIter(x.t === "list" ? "list_reverseiterator" : "reversed", () => (i > 0 ? seqItem(items, --i) : undefined), () => i);
    const rest = (): IntRunSeq | null => {
      if (i <= 0) return null;
      const v = runView(items, i - 1, -1, i);
      i = 0;
      return v;
    };
    return { ...it, rest };
  }
  if (x.t === "list" || x.t === "tuple" || x.t === "str" || x.t === "bytes" || x.t === "bytearray") {
    const items = x.t === "list" || x.t === "tuple" ? materialize(x.items).slice().reverse() : toArray(x).reverse();
    let i = 0;
    return makeIter(x.t === "list" ? "list_reverseiterator" : "reversed", () => (i < items.length ? items[i++] : undefined), () => items.length - i);
  }
  if (isUserObj(x)) {
    const r = userReversed(x);
    if (r !== null) return r;
  }
  throw typeError(`'${typeName(x)}' object is not reversible`);
}

function divmodCall(args: readonly PyObj[]): PyObj {
  argCount("divmod", args, 2, 2);
  const [a, b] = args as [PyObj, PyObj];
  if (userOwns(a, "__divmod__", "__rdivmod__") || userOwns(b, "__divmod__", "__rdivmod__")) {
    // PyNumber_Divmod: nb_divmod slots, __divmod__ then __rdivmod__ as for any binary operator.
    const r = userBinarySlots("__divmod__", "__rdivmod__", a, b, () => NotImplemented);
    if (r !== NotImplemented) return r;
    throw typeError(`unsupported operand type(s) for divmod(): '${typeName(a)}' and '${typeName(b)}'`);
  }
  // dec_mpd_qdivmod: one mpd_qdivmod, whose errors are its own.
  const dec = decimalIntDiv("divmod", a, b);
  if (dec !== null) return dec;
  return tuple2(binaryOp("FloorDiv", a, b), binaryOp("Mod", a, b));
}

function powCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  const base = args[0] ?? kw.values.get("base");
  const exp = args[1] ?? kw.values.get("exp");
  const mod = args[2] ?? kw.values.get("mod");
  if (args.length > 3) throw typeError(`pow() takes at most 3 arguments (${args.length} given)`);
  for (const k of kw.values.keys()) {
    if (k !== "base" && k !== "exp" && k !== "mod") throw typeError(`'${k}' is an invalid keyword argument for pow()`);
  }
  if (base === undefined) throw typeError("pow() missing required argument 'base' (pos 1)");
  if (exp === undefined) throw typeError("pow() missing required argument 'exp' (pos 2)");
  if (mod === undefined || mod.t === "NoneType") return binaryOp("Pow", base, exp);
  if (isUserObj(base)) {
    // ternary_op: the base's own __pow__(exp, mod); __rpow__ is never tried for three arguments.
    const r = callDunder(base, "__pow__", [exp, mod]);
    if (r !== undefined && r.t !== "NotImplementedType") return r;
    throw typeError(`unsupported operand type(s) for pow(): '${typeName(base)}', '${typeName(exp)}', '${typeName(mod)}'`);
  }
  // ternary_op: each distinct operand type's nb_power in turn. long_pow declines unless all three
  // are ints; float_pow and complex_pow refuse any modulus.
  for (const o of [base, exp, mod]) {
    if (o.t === "float") throw typeError("pow() 3rd argument not allowed unless all arguments are integers");
    if (o.t === "complex") throw valueError("complex modulo");
    if (o.t === "int" || o.t === "bool") {
      const [a, b, m] = [intValue(base), intValue(exp), intValue(mod)];
      if (a !== null && b !== null && m !== null) return intPowMod(a, b, m);
    }
  }
  throw typeError(`unsupported operand type(s) for ** or pow(): '${typeName(base)}', '${typeName(exp)}', '${typeName(mod)}'`);
}

function chrCall(args: readonly PyObj[]): PyObj {
  argCount("chr", args, 1, 1);
  const v = intValue(args[0] as PyObj) ?? userIndexOf(args[0] as PyObj);
  if (v === null) throw typeError(`an integer is required (got type ${typeName(args[0] as PyObj)})`);
  if ((typeof v === "bigint" || v > 2 ** 31 - 1 || v < -(2 ** 31)) && !ctx().layout.rules.chrRangeValueError) throw new PyException("OverflowError", "signed integer is greater than maximum");
  if (v < 0 || v > 0x10ffff) throw valueError("chr() arg not in range(0x110000)");
  return oneCharStr(Number(v));
}

function ordCall(args: readonly PyObj[]): PyObj {
  argCount("ord", args, 1, 1);
  const x = args[0] as PyObj;
  if (x.t === "str") {
    if (x.length !== 1) throw typeError(`ord() expected a character, but string of length ${x.length} found`);
    return pyInt(strText(x).codePointAt(0) as number);
  }
  if (x.t === "bytes" || x.t === "bytearray") {
    if (x.length !== 1) throw typeError(`ord() expected a character, but string of length ${x.length} found`);
    return pyInt(bytesData(x)[0] as number);
  }
  throw typeError(`ord() expected string of length 1, but ${typeName(x)} found`);
}

/** complex_new_impl (Objects/complexobject.c). */
function complexCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  argCount("complex", args, 0, 2);
  for (const k of kw.values.keys()) {
    if (k !== "real" && k !== "imag") throw typeError(`'${k}' is an invalid keyword argument for complex()`);
  }
  if (args.length >= 1 && kw.values.has("real")) throw typeError("argument for complex() given by name ('real') and position (1)");
  if (args.length >= 2 && kw.values.has("imag")) throw typeError("argument for complex() given by name ('imag') and position (2)");
  const re = args[0] ?? kw.values.get("real");
  const im = args[1] ?? kw.values.get("imag");
  if (re === undefined && im === undefined) return pyComplex(0, 0);
  if (re !== undefined && re.t === "complex" && im === undefined) return re;
  if (re !== undefined && re.t === "str") {
    if (im !== undefined) throw typeError("complex() can't take second arg if first is a string");
    // complex_subtype_from_string: other spaces and decimal digits to ASCII, then Py_ISSPACE stripped.
    const t = stripAsciiSpace(decimalsAndSpacesToAscii(strText(re))).replace(/^\((.*)\)$/, "$1").replace(/_/g, "");
    const num = "(?:\\d+\\.?\\d*|\\.\\d+)(?:[eE][+-]?\\d+)?|inf|nan";
    const m = new RegExp(`^([+-]?(?:${num}))?(?:([+-](?:${num})?)[jJ])?$|^([+-]?(?:${num})?)[jJ]$`, "i").exec(t);
    if (t === "" || m === null || (m[1] === undefined && m[2] === undefined && m[3] === undefined)) {
      throw valueError("complex() arg is a malformed string");
    }
    const part = (p: string | undefined): number => (p === undefined || p === "" || p === "+" ? 1 : p === "-" ? -1 : parseFloat(p));
    if (m[3] !== undefined) return pyComplex(0, part(m[3]));
    return pyComplex(m[1] !== undefined ? parseFloat(m[1]) : 0, m[2] !== undefined ? part(m[2]) : 0);
  }
  if (im !== undefined && im.t === "str") throw typeError("complex() second arg can't be a string");
  const asNumber = (x: PyObj, which: string): { re: number; im: number; isComplex: boolean } => {
    let o = x;
    if (isUserObj(o)) {
      // try_complex_special_method, then PyFloat_AsDouble (__float__, __index__).
      const c = userComplex(o) ?? userFloat(o);
      if (c === null) throw typeError(`complex() ${which} must be ${which === "first argument" ? "a string or a number" : "a number"}, not '${typeName(o)}'`);
      o = c;
    }
    if (o.t === "complex") return { re: o.re, im: o.im, isComplex: true };
    const f = o.t === "Decimal" ? toFloat(floatCall([o])) : toFloat(o);
    if (f === null) throw typeError(`complex() ${which} must be ${which === "first argument" ? "a string or a number" : "a number"}, not '${typeName(o)}'`);
    return { re: f, im: 0, isComplex: false };
  };
  const cr = asNumber(re ?? pyInt(0), "first argument");
  const ci = im === undefined ? null : asNumber(im, "second argument");
  // Only a complex part contributes its imaginary half: complex(-8.0, -0.0) keeps the -0.0.
  let real = cr.re;
  let imag = ci === null ? cr.im : ci.re;
  if (ci !== null && ci.isComplex) real -= ci.im;
  if (ci !== null && cr.isComplex) imag += cr.im;
  return pyComplex(real, imag);
}

/** The class of object()'s instances, per layout (its shape is the layout's). */
const objectClasses = new WeakMap<Layout, PyClassObj>();

/** object() instances: a class with neither __dict__ nor slots. */
function objectClass(): PyClassObj {
  const layout = ctx().layout;
  let c = objectClasses.get(layout);
  if (c === undefined) {
    const made = makeClass("object", [], new Map<string, PyObj>([["__slots__", emptyTuple], ["__module__", pyStr("builtins")]]));
    c = { ...made, shape: layout.heapType.object, objectInstances: true };
    objectClasses.set(layout, c);
  }
  return c;
}

export function makeBuiltins(): Map<string, PyObj> {
  const b = new Map<string, PyObj>();
  const addType = (name: string, call: NativeFn, attrs: [string, PyObj][] = []): void => {
    b.set(name, newBuiltinType(name, withSignature(name, call), attrs));
  };
  addType("int", intCall);
  addType("float", floatCall);
  addType("complex", complexCall);
  addType("bool", (args) => (args[0] === undefined ? False : pyBool(truthy(args[0]))));
  addType("str", strCall);
  addType("bytes", bytesCall, [["fromhex", fn("fromhex", ([s]) => fromHex(s as PyObj, "bytes"))]]);
  addType("bytearray", byteArrayCall, [["fromhex", fn("fromhex", ([s]) => fromHex(s as PyObj, "bytearray"))]]);
  addType("list", listCall);
  addType("tuple", tupleCall);
  addType("set", (args, kw) => {
    noKwargs("set", kw);
    argCount("set", args, 0, 1);
    return setFrom("set", args[0] ?? null);
  });
  addType("frozenset", (args, kw) => {
    noKwargs("frozenset", kw);
    argCount("frozenset", args, 0, 1);
    const x = args[0];
    if (x !== undefined && x.t === "frozenset") return x;
    const s = setFrom("frozenset", x ?? null);
    // Before 3.10, frozenset() returns one empty frozenset whenever the result is empty.
    const c = ctx();
    if (s.table.used === 0 && c.layout.rules.emptyFrozensetSingleton) return (c.emptyFrozenset ??= s);
    return s;
  });
  addType("dict", dictCall, [["fromkeys", fn("fromkeys", fromKeys)]]);
  addType("range", rangeCall);
  // zip, map, filter, enumerate and reversed are types in CPython, not functions.
  addType("zip", zipCall);
  addType("enumerate", enumerateCall);
  addType("map", mapCall);
  addType("filter", filterCall);
  addType("reversed", reversedCall);
  addType("slice", (args) => {
    argCount("slice", args, 1, 3);
    if (args.length === 1) return makeSlice(None, args[0] as PyObj, None);
    return makeSlice(args[0] as PyObj, args[1] as PyObj, args[2] ?? None);
  });
  addType("type", (args, kw) => {
    argCount("type", args, 1, 3);
    // type(name, bases, dict): the class a class statement would make.
    if (args.length === 3) return typeNew(null, args, kw);
    if (args.length !== 1) throw typeError("type() takes 1 or 3 arguments");
    return classOfValue(args[0] as PyObj);
  });
  addType("super", (args) => {
    // Zero-argument super() is compiled in the method (its class cell and first argument); called any other way it has neither.
    if (args.length === 0) throw new PyException("RuntimeError", "super(): no arguments");
    if (args.length === 1) throw new PymemError("UNSUPPORTED", "super() with one argument (an unbound super object)");
    argCount("super", args, 1, 2);
    return makeSuper(args[0] as PyObj, args[1] as PyObj);
  });
  addType("object", (args) => {
    argCount("object", args, 0, 0);
    return new PyInstanceObj(objectClass());
  });
  const fns: [string, NativeFn][] = [
    ["len", (args) => {
      argCount("len", args, 1, 1);
      const x = args[0] as PyObj;
      if (x.t === "range" && x.len > 2n ** 63n - 1n) throw new PyException("OverflowError", "Python int too large to convert to C ssize_t");
      const n = objectLen(x);
      if (n === null) refuseModelledSlot(x, "__len__");
      if (n === null) throw typeError(`object of type '${typeName(args[0] as PyObj)}' has no len()`);
      return pyInt(n);
    }],
    ["sum", sum],
    ["min", (a, k) => minMax("min", a, k)],
    ["max", (a, k) => minMax("max", a, k)],
    ["abs", (args) => {
      argCount("abs", args, 1, 1);
      const x = args[0] as PyObj;
      if (userOwns(x, "__abs__")) return userAbs(x);
      return exactResult(asBuiltin(x, () => absBuiltin(x)), x);
    }],
    ["round", roundCall],
    ["divmod", divmodCall],
    ["pow", powCall],
    ["sorted", (args, kw) => {
      argCount("sorted", args, 1, 1);
      kwOnly(kw, ["key", "reverse"], "sorted");
      const l = sequenceList(args[0] as PyObj);
      const key = kw.values.get("key") ?? None;
      const reverse = sortReverse(kw.values.get("reverse"));
      if (!sortRun(l, key, reverse)) sortInPlace(listArray(l), key, reverse);
      return l;
    }],


    ["any", (args) => {
      let r = false;
      const it = getIter(args[0] as PyObj);
      for (let v = it.next(); v !== undefined && !r; v = it.next()) r = truthy(v);
      return pyBool(r);
    }],
    ["all", (args) => {
      let r = true;
      const it = getIter(args[0] as PyObj);
      for (let v = it.next(); v !== undefined && r; v = it.next()) r = truthy(v);
      return pyBool(r);
    }],
    ["chr", chrCall],
    ["ord", ordCall],
    ["repr", (args) => {
      argCount("repr", args, 1, 1);
      const x = args[0] as PyObj;
      if (userOwns(x, "__repr__")) return reprObject(x);
      return (x.t === "int" || x.t === "bool") && subOf(x) === undefined ? strObj(x) : pyStr(repr(x));
    }],
    ["ascii", (args) => pyStr(repr(args[0] as PyObj).replace(/[^\x00-\x7f]/gu, (c) => {
      const cp = c.codePointAt(0) as number;
      return cp < 0x100 ? "\\x" + cp.toString(16).padStart(2, "0") : cp < 0x10000 ? "\\u" + cp.toString(16).padStart(4, "0") : "\\U" + cp.toString(16).padStart(8, "0");
    }))],
    ["hex", (args) => toBase(args[0], 16, "0x")],
    ["oct", (args) => toBase(args[0], 8, "0o")],
    ["bin", (args) => toBase(args[0], 2, "0b")],
    ["isinstance", isinstanceCall],
    ["issubclass", issubclassCall],
    ["getattr", (args) => {
      argCount("getattr", args, 2, 3);
      const name = args[1] as PyObj;
      if (name.t !== "str") throw typeError("getattr(): attribute name must be string");
      try {
        return getAttr(args[0] as PyObj, strText(name));
      } catch (e) {
        if (args[2] !== undefined && e instanceof PyException && e.pyType === "AttributeError") return args[2];
        throw e;
      }
    }],
    ["hasattr", (args) => {
      argCount("hasattr", args, 2, 2);
      if ((args[1] as PyObj).t !== "str") throw typeError("hasattr(): attribute name must be string");
      const name = attrName(args[1] as PyObj);
      try {
        getAttr(args[0] as PyObj, name);
        return True;
      } catch (e) {
        if (e instanceof PyException && e.pyType === "AttributeError") return False;
        throw e;
      }
    }],
    ["setattr", (args) => {
      argCount("setattr", args, 3, 3);
      const name = args[1] as PyObj;
      if (name.t !== "str") throw typeError(`attribute name must be string, not '${typeName(name)}'`);
      setAttr(args[0] as PyObj, strText(internAttrName(name, "setattr")), args[2] as PyObj);
      return None;
    }],
    ["delattr", (args) => {
      argCount("delattr", args, 2, 2);
      attrName(args[1] as PyObj);
      delAttr(args[0] as PyObj, strText(internAttrName(args[1] as PyStrObj, "delattr")));
      return None;
    }],
    ["vars", (args) => {
      // vars() without an argument is locals(): the sandbox never hands out a namespace.
      if (args.length === 0) throw new PymemError("FORBIDDEN", "'vars()' without an argument is locals(): pymem evaluates in a sandbox without access to its namespaces");
      argCount("vars", args, 0, 1);
      const x = args[0] as PyObj;
      if (x.t === "instance" && x.cls.hasDict) return instanceDict(x);
      if (x.t === "class" && x.meta === undefined) return classDictProxy(x);
      if (x.t === "function") return getAttr(x, "__dict__");
      if (x.t === "tuple" && x.cls !== undefined && x.cls.hasDict) return instanceDict(x as DictOwner);
      // A builtin subclass's object (an int/str enum member …): its instance part's __dict__.
      if (subOf(x)?.cls.hasDict === true) return getAttr(x, "__dict__");
      if (x.t !== "instance" && !(x.t === "tuple" && x.cls !== undefined)) {
        // Only objects whose real type has no __dict__ raise; the others (classes, modules, functions) are not modelled yet.
        const err = missingAttribute([x.t === "type" ? "type" : typeName(x)], "__dict__", typeName(x), "vars() argument must have __dict__ attribute");
        if (err instanceof PymemError) throw new PymemError("UNSUPPORTED", `vars() of a ${typeName(x)} object is not supported by pymem yet`);
      }
      throw typeError("vars() argument must have __dict__ attribute");
    }],
    ["hash", hashCall],
    ["iter", (args) => {
      argCount("iter", args, 1, 2);
      if (args.length === 2) {
        // iter(callable, sentinel): a callable_iterator.
        const [f, sentinel] = args as [PyObj, PyObj];
        if (!isCallable(f)) throw typeError("iter(v, w): v must be callable");
        let done = false;
        return makeIter("callable_iterator", () => {
          if (done) return undefined;
          const v = callObject(f, []);
          if (pyEq(v, sentinel)) {
            done = true;
            return undefined;
          }
          return v;
        }, () => null);
      }
      const x = args[0] as PyObj;
      if (isUserObj(x)) {
        const r = userIterObject(x);
        if (r !== null) return r;
      }
      // PyObject_SelfIter: a stream or csv reader is its own iterator.
      if (nativeSlots(x)?.next !== undefined) return x;
      return getIter(x);
    }],
    ["next", (args) => {
      const it = args[0] as PyObj;
      if (isUserObj(it) && lookupDunder(it, "__next__") !== undefined) {
        if (args[1] === undefined) return callDunder(it, "__next__") as PyObj;
        const v = userIterator(it).next();
        return v ?? args[1];
      }
      const own = nativeSlots(it)?.next;
      if (it.t !== "iterator" && own === undefined) throw typeError(`'${typeName(it)}' object is not an iterator`);
      const v = it.t === "iterator" ? it.next() : (own as () => PyObj | undefined)();
      if (v !== undefined) return v;
      if (args[1] !== undefined) return args[1];
      throw new PyException("StopIteration", "");
    }],
    ["format", (args, kw) => {
      noKwargs("format", kw);
      argCount("format", args, 1, 2);
      const spec = args[1];
      if (spec !== undefined && spec.t !== "str") throw typeError(`format() argument 2 must be str, not ${typeName(spec)}`);
      return formatObj(args[0] as PyObj, spec === undefined ? "" : strText(spec));
    }],
    ["callable", (args) => pyBool(isCallable(args[0] as PyObj))],
    ["print", printBuiltin],
    ["id", idBuiltin],
  ];
  for (const [name, f] of fns) b.set(name, fn(name, withSignature(name, f)));
  b.set("True", True);
  b.set("False", False);
  b.set("None", None);
  b.set("Ellipsis", Ellipsis);
  for (const [name, leaf] of builtinLeaves()) b.set(name, leaf);
  b.set("NotImplemented", NotImplemented);
  return b;
}
