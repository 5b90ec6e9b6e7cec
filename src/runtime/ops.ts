// Binary and unary operators over the modelled types, with the identity and
// allocation results of CPython 3.10's implementations.
import { typingHooks } from "./typingHooks.js";
import { nativeSlots, refusedOperands } from "./nativeObjects.js";
import { carryUnsized } from "./unsizedValues.js";
import { counterSubOperands, isCollectionSubObject } from "./collectionCtors.js";
import { classHooks } from "./classHooks.js";
import { typeHasAttribute } from "./missingAttribute.js";
import type { BinOpName, UnaryOpName } from "../python/ast.js";
import { complexDiv, complexPow, cProd, type Cx } from "./complexes.js";
import { chargeText, ctx } from "./ctx.js";
import { notSupported, pyEq, truthy } from "./compare.js";
import { dictCopy, dictMerge } from "./dicts.js";
import { PyException, PymemError, limitError, typeError, valueError } from "./errors.js";
import { newListExact } from "./lists.js";
import {
  checkFloat, floatFloorDiv, floatMod, floatPow, intAdd, intBitOp, intFloorDiv, intLShift, intMod, intMul, intPow,
  intRShift, intSub, intValue, toFloat,
} from "./numbers.js";
import {
  NotImplemented, emptyBytes, emptyStr, pyBool, pyBytes, pyBytesFresh, pyBytesRepeat, pyComplex, pyFloat, pyInt, pyStrFresh, pyStrRepeat, pyStrRuns, subOf, typeName,
  type PyByteArrayObj, type PyObj, type PySetObj,
  type PyClassObj,
} from "./objects.js";
import { asBuiltin, exactResult } from "./builtinSubclass.js";
import { bytesPercentFormat, percentFormat } from "./format.js";
import { isRun, makeRepeat, materialize, seqLen } from "./seq.js";
import { runFind } from "./intRuns.js";
import { newSet, setAdd, setContains, setFrom, setUpdate } from "./sets.js";
import {
  setDifference, setDifferenceUpdate, setIntersection, setIntersectionUpdate, setOr, setSymmetricDifference, setSymmetricDifferenceUpdate,
} from "./setAlgebra.js";
import { bytesData, CLOSED_FROM, concatRuns, MAX_TEXT, needleSplitsPairs, strText } from "./text.js";
import { emptyTuple, newTuple } from "./tuples.js";
import { forEach } from "./iteration.js";
import { dictGet } from "./dicts.js";
import { decimalBinary } from "./decimals.js";
import { decimalIntDiv } from "./decimalIntDiv.js";
import { arrayConcat, arrayItem, arrayRepeat, bufferBytes } from "./arrayObject.js";
import { dequeConcat, dequeRepeat } from "./dequeMethods.js";
import { counterOp, counterUnary, flavoredDictOr } from "./dictFlavors.js";
import { decimalCopyRounded } from "./decimals.js";
import { userBinaryOp1, userUnary } from "./binaryProtocol.js";
import { callDunder, isUserObj, lookupDunder, userIndexOf } from "./userDunders.js";

const SYMBOL: Record<BinOpName, string> = {
  Add: "+", Sub: "-", Mult: "*", MatMult: "@", Div: "/", Mod: "%", Pow: "** or pow()",
  LShift: "<<", RShift: ">>", BitOr: "|", BitXor: "^", BitAnd: "&", FloorDiv: "//",
};

export function binaryOp(op: BinOpName, a: PyObj, b: PyObj): PyObj {
  if (isUserObj(a) || isUserObj(b)) return userBinaryOp(op, a, b);
  if (a.t === "Decimal" || b.t === "Decimal") {
    const d = op === "FloorDiv" || op === "Mod" ? decimalIntDiv(op, a, b) : decimalBinary(op, a, b);
    if (d !== null) return d;
  }
  if (a.t === "array" && op === "Add") return arrayConcat(a, b);
  if (a.t === "deque" && op === "Add" && b.t === "deque") return dequeConcat(a, b);
  if (a.t === "deque" && op === "Mult" && repeatCount(b) !== null) return dequeRepeat(a, repeatCount(b) as number);
  if (b.t === "deque" && op === "Mult" && repeatCount(a) !== null) return dequeRepeat(b, repeatCount(a) as number);
  if (a.t === "array" && op === "Mult" && repeatCount(b) !== null) return arrayRepeat(a, repeatCount(b) as number);
  if (b.t === "array" && op === "Mult" && repeatCount(a) !== null) return arrayRepeat(b, repeatCount(a) as number);
  const r = numericOp(op, a, b);
  if (r !== null) return op === "BitOr" || op === "BitAnd" || op === "BitXor" ? carryUnsized(a, b, r) : r;
  const s = sequenceOp(op, a, b);
  if (s !== null) return s;
  const union = op === "BitOr" ? typingHooks()?.or(a, b) : null;
  if (union !== undefined && union !== null) return union;
  throw unsupportedOperands(op, a, b);
}

/** The number slot of a builtin operand facing a setup class: only str/bytes % format anything. */
function builtinSlot(op: BinOpName, a: PyObj, b: PyObj): PyObj {
  // Beside a builtin subclass's object (int, float, set, dict …): the builtins' own number slots.
  if ((op === "Add" || op === "Sub" || op === "BitAnd" || op === "BitOr") && a.t === "dict" && b.t === "dict" && counterSubOperands(a, b)) return counterOp(op, a, b);
  if (isCollectionSubObject(a) || isCollectionSubObject(b)) throw new PymemError("UNSUPPORTED", `the operator ${SYMBOL[op]} on an object of ${typeName(isCollectionSubObject(a) ? a : b)} (a collections subclass: the result is built through the class)`);
  if (subOf(a) !== undefined || subOf(b) !== undefined) {
    const r = numericOp(op, a, b) ?? (op === "Add" || op === "Mult" ? null : sequenceOp(op, a, b));
    if (r !== null) return r;
  }
  if (op === "Mod" && (a.t === "str" || a.t === "bytes" || a.t === "bytearray")) return sequenceOp(op, a, b) ?? NotImplemented;
  // dictviews_and/or/sub/xor take any iterable on either side (and raise TypeError for the rest).
  const view = (o: PyObj): boolean => o.t === "dictview" && o.typeName !== "dict_values";
  if ((view(a) || view(b)) && (op === "BitAnd" || op === "BitOr" || op === "Sub" || op === "BitXor")) return viewSetOp(op, a, b);
  return NotImplemented;
}

/** binary_op1 with a setup class on either side: NotImplemented when no number slot answered. */
export function userNumberSlots(op: BinOpName, a: PyObj, b: PyObj): PyObj {
  return userBinaryOp1(op, a, b, builtinSlot);
}

/** PyNumber_Add/Multiply/…: the number slots, then concatenation and repetition of a sequence operand. */
function userBinaryOp(op: BinOpName, a: PyObj, b: PyObj): PyObj {
  const r = userBinaryOp1(op, a, b, builtinSlot);
  if (r !== NotImplemented) return r;
  return userBinaryTail(op, a, b);
}

/** After the number slots declined: a sequence operand's concatenation or repetition, else TypeError. */
export function userBinaryTail(op: BinOpName, a: PyObj, b: PyObj): PyObj {
  const s = sequenceFallback(op, a, b);
  if (s !== null) return s;
  throw unsupportedOperands(op, a, b);
}

/** The TypeError of operands no slot took, or the refusal of a native operand whose slots pymem does not model. */
function unsupportedOperands(op: BinOpName, a: PyObj, b: PyObj): Error {
  const refused = refusedOperands(a, b);
  if (refused !== undefined) return new PymemError("UNSUPPORTED", `the operator ${SYMBOL[op]} on ${refused}`);
  return notSupported(SYMBOL[op], a, b);
}

/** sq_concat of the left operand, sq_repeat of whichever side is a sequence (the count through __index__). */
function sequenceFallback(op: BinOpName, a: PyObj, b: PyObj): PyObj | null {
  if (op === "Add" && isRepeatable(a)) return concat(a, b);
  if (op === "Mult") {
    if (isRepeatable(a) && indexCount(b) !== null) return repeat(a, indexCount(b) as number);
    if (isRepeatable(b) && indexCount(a) !== null) return repeat(b, indexCount(a) as number);
  }
  return null;
}

function indexCount(o: PyObj): number | null {
  const v = intValue(o) ?? userIndexOf(o);
  return v === null ? null : repeatCount(pyInt(v));
}

function numericOp(op: BinOpName, a: PyObj, b: PyObj): PyObj | null {
  const ia = intValue(a);
  const ib = intValue(b);
  if (ia !== null && ib !== null) {
    switch (op) {
      case "Add": return intAdd(ia, ib);
      case "Sub": return intSub(ia, ib);
      case "Mult": return intMul(ia, ib);
      case "FloorDiv": return intFloorDiv(ia, ib);
      case "Mod": return intMod(ia, ib, a);
      case "Pow": return intPow(ia, ib);
      case "LShift": return intLShift(ia, ib);
      case "RShift": return intRShift(ia, ib);
      case "BitAnd":
      case "BitOr":
      case "BitXor":
        if (a.t === "bool" && b.t === "bool") {
          const x = a.v, y = b.v;
          return pyBool(op === "BitAnd" ? x && y : op === "BitOr" ? x || y : x !== y);
        }
        return intBitOp(op === "BitAnd" ? "&" : op === "BitOr" ? "|" : "^", ia, ib);
      case "Div": {
        if (ib === 0 || ib === 0n) throw new PyException("ZeroDivisionError", "division by zero");
        if (typeof ia === "number" && typeof ib === "number") return pyFloat(ia / ib);
        return pyFloat(checkFloat(bigDiv(BigInt(ia), BigInt(ib)), "integer division result too large for a float"));
      }
      default: return null;
    }
  }
  const isNum = (o: PyObj): boolean => o.t === "int" || o.t === "bool" || o.t === "float";
  if (isNum(a) && isNum(b)) {
    const x = toFloat(a) as number;
    const y = toFloat(b) as number;
    switch (op) {
      case "Add": return pyFloat(x + y);
      case "Sub": return pyFloat(x - y);
      case "Mult": return pyFloat(x * y);
      case "Div":
        if (y === 0) throw new PyException("ZeroDivisionError", "float division by zero");
        return pyFloat(x / y);
      case "FloorDiv": return pyFloat(floatFloorDiv(x, y));
      case "Mod": return pyFloat(floatMod(x, y));
      case "Pow": return floatPow(x, y);
      default: return null;
    }
  }
  if ((isNum(a) || a.t === "complex") && (isNum(b) || b.t === "complex")) {
    const [ar, ai] = a.t === "complex" ? [a.re, a.im] : [toFloat(a) as number, 0];
    const [br, bi] = b.t === "complex" ? [b.re, b.im] : [toFloat(b) as number, 0];
    switch (op) {
      case "Add": return pyComplex(ar + br, ai + bi);
      case "Sub": return pyComplex(ar - br, ai - bi);
      case "Mult": return complexObj(cProd({ re: ar, im: ai }, { re: br, im: bi }));
      case "Div": return complexObj(complexDiv({ re: ar, im: ai }, { re: br, im: bi }));
      case "Pow": return complexObj(complexPow({ re: ar, im: ai }, { re: br, im: bi }));
      case "FloorDiv":
      case "Mod":
        throw typeError(`unsupported operand type(s) for ${SYMBOL[op]}: '${typeName(a)}' and '${typeName(b)}'`);
      default: return null;
    }
  }
  return null;
}

/**
 * long_true_divide: a / b correctly rounded to a double (round half to even),
 * as CPython computes it for ints of any size; Infinity when it overflows
 * (the caller raises OverflowError), subnormal results rounded once.
 */
export function bigDiv(a: bigint, b: bigint): number {
  const negative = a < 0n !== b < 0n;
  const x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  if (x === 0n) return negative ? -0 : 0;
  const signed = (v: number): number => (negative ? -v : v);
  // Both exact as doubles: IEEE division is correctly rounded (CPython's fast path).
  if (x <= 2n ** 53n && y <= 2n ** 53n) return signed(Number(x) / Number(y));
  const e = x.toString(2).length - y.toString(2).length; // x / y lies in [2**(e-1), 2**(e+1))
  if (e > 1025) return signed(Infinity);
  if (e >= -1020) {
    // A quotient of 56 or 57 bits plus a sticky bit for the remainder: Number() rounds it once, half to even.
    const s = 56 - e;
    const [n, d] = s >= 0 ? [x << BigInt(s), y] : [x, y << BigInt(-s)];
    let q = n / d;
    if (n % d !== 0n) q |= 1n;
    const v = scale2(Number(q), -s);
    if (v >= 2 ** -1022) return signed(v);
  }
  // A subnormal (or zero) result: round at the 2**-1074 grid directly.
  const n = x << 1074n;
  let q = n / y;
  const r2 = (n % y) * 2n;
  if (r2 > y || (r2 === y && (q & 1n) === 1n)) q += 1n;
  return signed(Number(q) * 2 ** -1074);
}

/** v * 2**k, exact while the result is a normal double (in two steps, so 2**k itself never overflows). */
function scale2(v: number, k: number): number {
  const h = Math.trunc(k / 2);
  return v * 2 ** h * 2 ** (k - h);
}

function complexObj(z: Cx): PyObj {
  return pyComplex(z.re, z.im);
}

export function repeatCount(n: PyObj): number | null {
  const v = intValue(n);
  if (v === null) return null;
  if (typeof v === "bigint") {
    // PyNumber_AsSsize_t(n, PyExc_OverflowError): a count outside Py_ssize_t overflows, negative ones too.
    if (v >= 2n ** 63n || v < -(2n ** 63n)) throw new PyException("OverflowError", "cannot fit 'int' into an index-sized integer");
    if (v <= 0n) return 0;
    throw limitError("a repeat count this large gives sizes beyond exact integer arithmetic");
  }
  return Math.max(v, 0);
}

/** Sizes stay exact only below 2**53 bytes; a bigger value is refused, not rounded. */
function checkTotal(total: number, what: string): void {
  if (total * 8 + 64 > Number.MAX_SAFE_INTEGER) {
    throw limitError(`${what} of ${total} items has a size beyond exact integer arithmetic`);
  }
}

function sequenceOp(op: BinOpName, a: PyObj, b: PyObj): PyObj | null {
  if (a.t === "dict" && b.t === "dict" && a.flavor?.name === "Counter" && b.flavor?.name === "Counter" && (op === "Add" || op === "Sub" || op === "BitAnd" || op === "BitOr")) {
    return counterOp(op, a, b);
  }
  if (op === "Add") return concat(a, b);
  if (op === "Mult") {
    // sq_repeat is only tried on a sequence: 2**70 * None is a TypeError, not an overflow.
    const na = isRepeatable(a) ? repeatCount(b) : null;
    if (na !== null) return repeat(a, na);
    const nb = isRepeatable(b) ? repeatCount(a) : null;
    if (nb !== null) return repeat(b, nb);
    return null;
  }
  if (op === "Mod") {
    if (a.t === "str") return percentFormat(a, b);
    if (a.t === "bytes") return pyBytes(bytesPercentFormat(bytesData(a), b));
    if (a.t === "bytearray") return newByteArrayExact(bytesPercentFormat(bytesData(a), b));
    return null;
  }
  if ((a.t === "set" || a.t === "frozenset") && (b.t === "set" || b.t === "frozenset")) {
    switch (op) {
      case "BitOr": return setOr(a, b);
      case "BitAnd": return setIntersection(a, b);
      case "Sub": return setDifference(a, b);
      case "BitXor": return setSymmetricDifference(a, b);
      default: return null;
    }
  }
  if ((a.t === "dictview" && a.typeName !== "dict_values") || (b.t === "dictview" && b.typeName !== "dict_values")) {
    if (op === "BitAnd" || op === "BitOr" || op === "Sub" || op === "BitXor") return viewSetOp(op, a, b);
  }
  if (op === "BitOr" && a.t === "dict" && b.t === "dict" && typeHasAttribute("dict", "__or__")) {
    const flavored = flavoredDictOr(a, b);
    if (flavored !== null) return flavored;
    // dict_or: PyDict_Copy(self) then dict_update_arg.
    const d = dictCopy(a);
    dictMerge(d, b, true);
    return d;
  }
  return null;
}

function isRepeatable(o: PyObj): boolean {
  return o.t === "str" || o.t === "bytes" || o.t === "bytearray" || o.t === "list" || o.t === "tuple";
}

/** sq_concat: an operand handed back unchanged is a new object of the exact type when a subclass's (PyUnicode_FromObject, tupleconcat's exact check). */
function concat(a: PyObj, b: PyObj): PyObj | null {
  const r = concatObjects(a, b);
  return r === null ? null : exactResult(exactResult(r, a), b);
}

const isHighSurrogate = (u: number): boolean => u >= 0xd800 && u <= 0xdbff;
const isLowSurrogate = (u: number): boolean => u >= 0xdc00 && u <= 0xdfff;

function concatObjects(a: PyObj, b: PyObj): PyObj | null {
  if (a.t === "str" && b.t === "str") {
    // PyUnicode_Concat returns an operand unchanged when the other is empty.
    if (a.length === 0) return b;
    if (b.length === 0) return a;
    const runs = concatRuns(a, b);
    if (runs !== null) {
      checkTotal(a.length + b.length, "a string");
      return pyStrRuns(runs, a.length + b.length, Math.max(a.maxChar, b.maxChar));
    }
    checkText(a.length + b.length);
    const [ta, tb] = [strText(a), strText(b)];
    // Two lone surrogates meeting at the seam stay two code points in CPython; a JS string would read one astral character.
    if (isHighSurrogate(ta.charCodeAt(ta.length - 1)) && isLowSurrogate(tb.charCodeAt(0))) throw new PymemError("UNSUPPORTED", "a str joining a lone high surrogate to a lone low one");
    return pyStrFresh(ta + tb);
  }
  // bytes_concat / bytearray_concat: the right operand is any buffer (memoryview, array too).
  const right = (a.t === "bytes" || a.t === "bytearray") && b.t !== "bytes" && b.t !== "bytearray" ? bufferBytes(b) : null;
  if (a.t === "bytes" && (b.t === "bytes" || b.t === "bytearray" || right !== null)) {
    if (a.length === 0 && b.t === "bytes") return b;
    const rb = right ?? bytesData(b as PyObj & { t: "bytes" | "bytearray" });
    if (rb.length === 0) return a;
    return pyBytesFresh(joinBytes(bytesData(a), rb));
  }
  if (a.t === "bytearray" && (b.t === "bytes" || b.t === "bytearray" || right !== null)) {
    const data = joinBytes(bytesData(a), right ?? bytesData(b as PyObj & { t: "bytes" | "bytearray" }));
    return newByteArrayExact(data);
  }
  if (a.t === "list" && b.t === "list") {
    const n = seqLen(a.items) + seqLen(b.items);
    checkTotal(n, "a list");
    ctx().tick(n);
    return newListExact([...materialize(a.items), ...materialize(b.items)]);
  }
  if (a.t === "tuple" && b.t === "tuple") {
    if (seqLen(b.items) === 0) return a;
    if (seqLen(a.items) === 0) return b;
    ctx().tick(seqLen(a.items) + seqLen(b.items));
    return newTuple([...materialize(a.items), ...materialize(b.items)]);
  }
  if (a.t === "list" || a.t === "tuple") {
    if (b.t === "list" || b.t === "tuple") {
      throw typeError(`can only concatenate ${a.t} (not "${typeName(b)}") to ${a.t}`);
    }
  }
  if (a.t === "str") throw typeError(`can only concatenate str (not "${typeName(b)}") to str`);
  return null;
}

function checkText(n: number): void {
  if (n > MAX_TEXT) throw limitError(`a string of ${n} characters built piece by piece is beyond pymem's limit (${MAX_TEXT})`);
}

export function joinBytes(a: Uint8Array, b: Uint8Array): Uint8Array {
  if (a.length + b.length > MAX_TEXT) throw limitError(`this operation would spell out ${a.length + b.length} bytes; pymem's limit is ${MAX_TEXT}`);
  chargeText(a.length + b.length);
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

export function newByteArrayExact(data: Uint8Array): PyByteArrayObj {
  return { t: "bytearray", data, rep: null, length: data.length, alloc: ctx().layout.bytearray.exactAlloc(data.length) };
}

/** sq_repeat: a count of 1 hands back the object itself only when of the exact type. */
function repeat(a: PyObj, n: number): PyObj {
  return exactResult(repeatObject(a, n), a);
}

function repeatObject(a: PyObj, n: number): PyObj {
  switch (a.t) {
    case "str": {
      if (a.length === 0 || n === 0) return emptyStr;
      if (n === 1) return a;
      const total = a.length * n;
      checkTotal(total, "a string");
      if (total >= CLOSED_FROM && typeof a.text === "string") return pyStrRepeat(a.text, n, a.length, a.maxChar);
      // A repeat of one run is one longer run.
      const run = typeof a.text === "string" ? null : a.text;
      if (total >= CLOSED_FROM && run !== null && run.next === undefined) return pyStrRepeat(run.unit, run.count * n, a.length / run.count, a.maxChar);
      if (total > 1 << 24) return pyStrRepeat(strText(a), n, a.length, a.maxChar);
      return pyStrFresh(strText(a).repeat(n));
    }
    case "bytes": {
      if (n === 1) return a;
      const total = a.length * n;
      if (total === 0) return emptyBytes;
      checkTotal(total, "a bytes object");
      if (total > 1 << 24) return pyBytesRepeat(bytesData(a), n);
      return pyBytesFresh(repeatBytes(bytesData(a), n));
    }
    case "bytearray": {
      const total = a.length * n;
      checkTotal(total, "a bytearray");
      const alloc = ctx().layout.bytearray.exactAlloc(total);
      if (total > 1 << 24) return { t: "bytearray", data: null, rep: { unit: bytesData(a).slice(), count: n }, length: total, alloc };
      return { t: "bytearray", data: repeatBytes(bytesData(a), n), rep: null, length: total, alloc };
    }
    case "list": {
      const total = seqLen(a.items) * n;
      checkTotal(total, "a list");
      if (total === 0) return newListExact([]);
      return newListExact(makeRepeat(materialize(a.items), n));
    }
    case "tuple": {
      const len = seqLen(a.items);
      if (len === 0 || n === 0) return emptyTuple;
      if (n === 1) return a;
      checkTotal(len * n, "a tuple");
      return newTuple(makeRepeat(materialize(a.items), n));
    }
    default:
      throw new Error("unreachable");
  }
}

export function repeatBytes(unit: Uint8Array, n: number): Uint8Array {
  chargeText(unit.length * n);
  const out = new Uint8Array(unit.length * n);
  if (unit.length === 1) out.fill(unit[0] as number);
  else for (let i = 0; i < n; i++) out.set(unit, i * unit.length);
  return out;
}

/** dictviews_to_set: a keys view of an exact dict goes through PySet_New(dict)'s presized path. */
function viewToSet(v: PyObj): PySetObj {
  if (v.t === "dictview" && v.typeName === "dict_keys" && ctx().layout.rules.keysViewSetFromDict) return setFrom("set", v.dict);
  return setFrom("set", v);
}

/** dictviews_and/or/sub/xor (Objects/dictobject.c): results are new sets. */
function viewSetOp(op: BinOpName, a: PyObj, b: PyObj): PySetObj {
  if (op === "BitAnd" && ctx().layout.rules.dictViewAndCopiesSelf === true) {
    // 3.8's dictviews_and: set(left operand), then its intersection_update(right operand).
    const r = viewToSet(a);
    setIntersectionUpdate(r, [b]);
    return r;
  }
  if (op === "BitAnd") {
    // _PyDictView_Intersect: the view is `self` whichever side it is on.
    let [self, other] = a.t === "dictview" ? [a, b] : [b, a];
    const selfLen = self.t === "dictview" ? self.dict.table.used : 0;
    // An exact set at least as large answers with its own intersection method.
    if (other.t === "set" && selfLen <= other.table.used) return setIntersection(other, self);
    // Of two views, the smaller is iterated.
    if (other.t === "dictview" && other.dict.table.used > selfLen) [self, other] = [other, self];
    const r = newSet();
    const view = self;
    forEach(other, (k) => {
      if (contains(view, k)) setAdd(r, k);
    });
    return r;
  }
  const r = viewToSet(a);
  if (op === "BitOr") setUpdate(r, b);
  else if (op === "Sub") setDifferenceUpdate(r, b);
  else setSymmetricDifferenceUpdate(r, b);
  return r;
}

export function unaryOp(op: UnaryOpName, a: PyObj): PyObj {
  if (op === "Not") return pyBool(!truthy(a));
  if (isUserObj(a)) {
    if (subOf(a) !== undefined) return userUnary(op, a, () => exactResult(asBuiltin(a, () => unaryOp(op, a)), a));
    return userUnary(op, a, () => unaryOp(op, newTuple((a as PyObj & { t: "tuple" }).items)));
  }
  if (a.t === "Decimal" && (op === "UAdd" || op === "USub")) {
    // Both copy the operand and apply the context (mpd_qminus, mpd_qplus).
    return decimalCopyRounded(a, op === "USub" && (a.coeff !== 0n || a.special !== null) ? (a.sign === 1 ? 0 : 1) : a.sign);
  }
  if (a.t === "dict" && a.flavor?.name === "Counter" && (op === "UAdd" || op === "USub")) return counterUnary(op, a);
  const iv = intValue(a);
  if (iv !== null) {
    switch (op) {
      case "USub": return intSub(0, iv);
      case "UAdd": return a.t === "bool" ? pyInt(iv) : a;
      case "Invert": return intSub(-1, iv);
    }
  }
  if (a.t === "float") {
    if (op === "USub") return pyFloat(-a.v);
    if (op === "UAdd") return a;
  }
  if (a.t === "complex") {
    if (op === "USub") return pyComplex(-a.re, -a.im);
    if (op === "UAdd") return a;
  }
  const sym = op === "USub" ? "-" : op === "UAdd" ? "+" : "~";
  throw typeError(`bad operand type for unary ${sym}: '${typeName(a)}'`);
}

/** The `in` operator. */
export function contains(container: PyObj, item: PyObj): boolean {
  const meta = classHooks(container)?.contains;
  if (meta !== undefined) return meta(container as PyClassObj, item);
  if (isUserObj(container)) {
    // PySequence_Contains: __contains__, else a search by iteration (__iter__, then __getitem__).
    const r = callDunder(container, "__contains__", [item]);
    if (r !== undefined) return truthy(r);
    if (container.t === "instance" && lookupDunder(container, "__iter__") === undefined && lookupDunder(container, "__getitem__") === undefined) {
      throw typeError(`argument of type '${typeName(container)}' is not iterable`);
    }
  }
  const nativeContains = nativeSlots(container)?.contains;
  if (nativeContains !== undefined) return nativeContains(item);
  switch (container.t) {
    case "str":
      if (item.t !== "str") throw typeError(`'in <string>' requires string as left operand, not ${typeName(item)}`);
      if (needleSplitsPairs(container.maxChar, strText(item))) throw new PymemError("UNSUPPORTED", "'in' searching a str that holds astral characters for a lone surrogate (JS would match half of a pair)");
      return strText(container).includes(strText(item));
    case "bytes":
    case "bytearray": {
      const hay = bytesData(container);
      const iv = intValue(item);
      if (iv !== null) {
        if (iv < 0 || iv > 255) throw valueError("byte must be in range(0, 256)");
        return hay.includes(Number(iv));
      }
      if (item.t !== "bytes" && item.t !== "bytearray") throw typeError(`a bytes-like object is required, not '${typeName(item)}'`);
      return Buffer.from(hay).includes(Buffer.from(bytesData(item)));
    }
    case "set":
    case "frozenset":
      return setContains(container, item);
    case "dict":
      return dictGet(container, item) !== undefined;
    case "dictview":
      if (container.typeName === "dict_keys") return dictGet(container.dict, item) !== undefined;
      break;
    case "array":
      return container.values.some((v) => pyEq(arrayItem(container, v), item));
    case "deque":
      return container.items.some((x) => x === item || pyEq(x, item));
    case "range": {
      const v = intValue(item);
      if (v === null) break;
      const x = BigInt(v);
      const { start, stop, step } = container;
      const inside = step > 0n ? x >= start && x < stop : x <= start && x > stop;
      return inside && (x - start) % step === 0n;
    }
    default:
      break;
  }
  let found = false;
  const c = container;
  if (c.t === "list" || (c.t === "tuple" && (c.cls === undefined || lookupDunder(c, "__iter__") === undefined))) {
    if (isRun(c.items) && (item.t === "int" || item.t === "bool")) return runFind(c.items, BigInt(intValue(item) as number | bigint)) >= 0;
    for (const x of materialize(c.items)) if (x === item || pyEq(x, item)) return true;
    return false;
  }
  forEach(container, (x) => {
    if (!found && (x === item || pyEq(x, item))) found = true;
  });
  return found;
}

