// Truth values, equality and ordering with Python's rules.
import { builtinEq } from "./cCallables.js";
import { typingHooks } from "./typingHooks.js";
import { isCollectionSubObject } from "./collectionCtors.js";
import { tuple2 } from "./tuples.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { hashKey } from "./hashTable.js";
import { intValue, toFloat } from "./numbers.js";
import { NotImplemented, pyBool, subOf, typeName, type PyDictObj, type PyObj } from "./objects.js";
import { CMP_SYMBOL, userRichCompare, type CmpOp, type CompareBase } from "./richCompare.js";
import { callBound, isUserObj, lookupDunder, userTruthy } from "./userDunders.js";
import { materialize, seqLen } from "./seq.js";
import { bytesData, strText } from "./text.js";
import { decimalCompare } from "./decimals.js";
import { decimalToString } from "./repr.js";
import { nativeCompare, nativeSlots } from "./nativeObjects.js";
import { ctx } from "./ctx.js";
import { counterRichCompare } from "./counterCompare.js";
import { arrayItem } from "./arrayObject.js";

export function truthy(o: PyObj): boolean {
  if (subOf(o) !== undefined) {
    // A builtin subclass's __bool__ or __len__ when its class defines one.
    const own = userTruthy(o);
    if (own !== null) return own;
  }
  switch (o.t) {
    case "bool":
      return o.v;
    case "int":
      return o.v !== 0 && o.v !== 0n;
    case "float":
      return o.v !== 0;
    case "complex":
      return o.re !== 0 || o.im !== 0;
    case "NoneType":
      return false;
    case "array":
      return o.values.length > 0;
    case "deque":
      return o.items.length > 0;
    case "Decimal":
      return o.special !== null || o.coeff !== 0n;
    case "str":
    case "bytes":
    case "bytearray":
      return o.length > 0;
    case "tuple":
      if (o.cls !== undefined) return userTruthy(o) ?? seqLen(o.items) > 0;
      return seqLen(o.items) > 0;
    case "list":
      return seqLen(o.items) > 0;
    case "set":
    case "frozenset":
    case "dict":
      return o.table.used > 0;
    case "dictview":
      return o.dict.table.used > 0;
    case "range":
      return o.len > 0n;
    case "instance":
      return userTruthy(o) ?? true;
    case "opaque": {
      // PyObject_IsTrue without nb_bool: mp_length / sq_length when the type has one (a ChainMap's __bool__, any(self.maps), agrees).
      const len = nativeSlots(o)?.len;
      return len === undefined || len() > 0;
    }
    default:
      return true;
  }
}

function isNumber(o: PyObj): boolean {
  return o.t === "int" || o.t === "bool" || o.t === "float" || o.t === "complex";
}

function numCompare(a: PyObj, b: PyObj): number {
  const ia = intValue(a);
  const ib = intValue(b);
  if (ia !== null && ib !== null) return ia < ib ? -1 : ia > ib ? 1 : 0;
  const fa = ia !== null && typeof ia === "bigint" ? Number(ia) : (toFloat(a) as number);
  const fb = ib !== null && typeof ib === "bigint" ? Number(ib) : (toFloat(b) as number);
  if (Number.isNaN(fa) || Number.isNaN(fb)) return NaN;
  return fa < fb ? -1 : fa > fb ? 1 : 0;
}

/** A keys or items view compares as the set of its keys or items. */
function viewKeys(o: PyObj): Set<unknown> | null {
  if (o.t === "dictview" && o.typeName !== "dict_values") {
    const out = new Set<unknown>();
    for (const e of o.dict.table.map.values()) out.add(o.typeName === "dict_keys" ? hashKey(e.key) : hashKey(tuple2(e.key, e.value)));
    return out;
  }
  if (o.t === "set" || o.t === "frozenset") return new Set(o.table.keyList().map(hashKey));
  return null;
}

function setLike(a: PyObj, b: PyObj): [Set<unknown>, Set<unknown>] | null {
  if (a.t !== "dictview" && b.t !== "dictview") return null;
  const x = viewKeys(a);
  const y = viewKeys(b);
  return x !== null && y !== null ? [x, y] : null;
}

/**
 * The comparison a setup class inherits from object (identity for ==) or
 * tuple, or a builtin operand's own: each NotImplemented where CPython's
 * returns it. (A dataclass's generated methods are class attributes: userDunders finds them.)
 */
function inheritedCompare(op: CmpOp, a: PyObj, b: PyObj): PyObj {
  if (a.t === "instance") return op === "Eq" && a === b ? pyBool(true) : NotImplemented;
  // A builtin subclass's object: the builtin's tp_richcompare, which takes the kinds it compares with.
  for (const o of [a, b]) {
    const through = comparedThrough(o);
    if (through !== undefined) throw new PymemError("UNSUPPORTED", `comparing an object of ${typeName(o)}, whose ${through} the collections type's comparison calls`);
  }
  if (subOf(a) !== undefined || (subOf(b) !== undefined && b.t !== "tuple")) return comparesWith(a, b) ? builtinCompare(op, a, b) : NotImplemented;
  if (a.t === "tuple" && b.t === "tuple") return builtinCompare(op, a, b);
  return NotImplemented;
}

/** Two Counters where Counter has its own comparisons (3.10+). */
function bothCounters(a: PyObj, b: PyObj): boolean {
  return a.t === "dict" && b.t === "dict" && a.flavor?.name === "Counter" && b.flavor?.name === "Counter" && ctx().layout.rules.counterRichCompare === true;
}

const countHolds = (op: CmpOp, x: PyObj, y: PyObj): boolean => truthy(compareObj(op, x, y));

/** The items of a slice as slice_richcompare's tuple compares them: (start, stop, step). */
function sliceItems(o: PyObj & { t: "slice" }): PyObj[] {
  return [o.start, o.stop, o.step];
}

/** The items of an array as getarrayitem makes them (a new object each). */
function arrayItems(o: PyObj & { t: "array" }): PyObj[] {
  return o.values.map((v) => arrayItem(o, v));
}

/**
 * The items a sequence type's tp_richcompare walks when both operands are of
 * its kind (list, tuple, deque, slice as a 3-tuple, array of any typecodes), or null.
 */
function sequenceItems(a: PyObj, b: PyObj): [PyObj[], PyObj[]] | null {
  if ((a.t === "list" || a.t === "tuple") && b.t === a.t) return [materialize(a.items), materialize(b.items)];
  if (a.t === "deque" && b.t === "deque") return [a.items, b.items];
  if (a.t === "slice" && b.t === "slice") return [sliceItems(a), sliceItems(b)];
  if (a.t === "array" && b.t === "array") return [arrayItems(a), arrayItems(b)];
  return null;
}

/**
 * The method of a collections subclass's object that its type's comparison
 * would call through the class (deque_richcompare iterates with
 * PyObject_GetIter; Counter's comparisons are Python code over self[e], `for e
 * in c` and each other), when the class overrides one; dict_richcompare and
 * odict_richcompare read the tables directly.
 */
function comparedThrough(o: PyObj): string | undefined {
  if (!isCollectionSubObject(o)) return undefined;
  const names = o.t === "deque" ? ["__iter__"] : bothCounters(o, o) ? COUNTER_COMPARE_CALLS : [];
  const cls = subOf(o)?.cls;
  return names.find((n) => cls?.mro.some((c) => c.attrs.has(n)) === true);
}

const COUNTER_COMPARE_CALLS = ["__getitem__", "__missing__", "__iter__", "__eq__", "__ne__", "__lt__", "__le__", "__gt__", "__ge__"];

/** The builtin types' own comparisons (items inside still go through the full protocol). */
function builtinCompare(op: CmpOp, a: PyObj, b: PyObj): PyObj {
  if (bothCounters(a, b)) return pyBool(counterRichCompare(op, a as PyDictObj, b as PyDictObj, countHolds));
  if (op === "Eq") return pyBool(a === b ? !(a.t === "float" && Number.isNaN(a.v)) : plainEq(a, b));
  if (op === "NotEq") return pyBool(!(a === b ? !(a.t === "float" && Number.isNaN(a.v)) : plainEq(a, b)));
  return pyBool(orderHolds(op, plainCompare(a, b, CMP_SYMBOL[op])));
}

const NUMBERS: ReadonlySet<string> = new Set(["int", "bool", "float"]);

/** Whether a builtin's tp_richcompare answers for this other operand (the same kind, numbers with numbers, sets with sets). */
function comparesWith(a: PyObj, b: PyObj): boolean {
  if (a.t === b.t) return true;
  if (NUMBERS.has(a.t)) return NUMBERS.has(b.t) && (a.t === "float" || b.t !== "float");
  return (a.t === "set" || a.t === "frozenset") && (b.t === "set" || b.t === "frozenset");
}

const compareBase: CompareBase = { inherited: inheritedCompare, truthy };

/** object.__eq__/__ne__/__lt__ … called as methods: the inherited comparison, __ne__ inverting the type's ==. */
export function compareInherited(op: CmpOp, a: PyObj, b: PyObj): PyObj {
  if (op === "NotEq" && a.t === "instance") {
    const r = compareSlotEq(a, b);
    return r === NotImplemented ? r : pyBool(!truthy(r));
  }
  return inheritedCompare(op, a, b);
}

function compareSlotEq(a: PyObj, b: PyObj): PyObj {
  const f = lookupDunder(a, "__eq__");
  return f !== undefined ? callBound(f, a, [b]) : inheritedCompare("Eq", a, b);
}

/** PyObject_RichCompare: the object `a op b` gives (a setup class's method may return anything). */
export function compareObj(op: CmpOp, a: PyObj, b: PyObj): PyObj {
  const native = nativeCompare(a, b);
  if (native !== null) return native(op, a, b);
  if (isUserObj(a) || isUserObj(b)) return userRichCompare(op, a, b, compareBase);
  return builtinCompare(op, a, b);
}

/**
 * PyObject_RichCompareBool(a, b, Py_EQ): identity first, then ==. The same
 * NaN object is equal to itself here ([x] == [x], (x, 1) < (x, 2), x in [x]),
 * though x == x is False: only the operator itself skips the identity test.
 */
export function pyEq(a: PyObj, b: PyObj): boolean {
  if (a === b) return true;
  const native = nativeCompare(a, b);
  if (native !== null) return truthy(native("Eq", a, b));
  if (isUserObj(a) || isUserObj(b)) return truthy(userRichCompare("Eq", a, b, compareBase));
  return plainEq(a, b);
}

function plainEq(a: PyObj, b: PyObj): boolean {
  if ((a.t === "type" && a.typingForm === true) || (b.t === "type" && b.typingForm === true)) {
    const typing = typingHooks()?.eq(a, b);
    if (typing !== undefined && typing !== null) return typing;
  }
  const sl = setLike(a, b);
  if (sl !== null) return sl[0].size === sl[1].size && [...sl[0]].every((k) => sl[1].has(k));
  if ((a.t === "Decimal" && (isNumber(b) || b.t === "Decimal")) || (b.t === "Decimal" && isNumber(a))) {
    if (a.t === "float" || b.t === "float") {
      // A finite float is compared exactly (Decimal's _convert_for_comparison); NaNs and infinities by value.
      const c = decimalCompare(a, b);
      if (c !== null) return c === 0;
      const x = a.t === "float" ? a.v : Number(decimalToString(a as never));
      const y = b.t === "float" ? b.v : Number(decimalToString(b as never));
      return x === y;
    }
    return decimalCompare(a, b) === 0;
  }
  if (isNumber(a) && isNumber(b)) {
    if (a.t === "complex" || b.t === "complex") {
      const ar = a.t === "complex" ? a.re : (toFloat(a) as number);
      const ai = a.t === "complex" ? a.im : 0;
      const br = b.t === "complex" ? b.re : (toFloat(b) as number);
      const bi = b.t === "complex" ? b.im : 0;
      return ar === br && ai === bi;
    }
    return numCompare(a, b) === 0;
  }
  switch (a.t) {
    case "str":
      return b.t === "str" && a.length === b.length && strText(a) === strText(b);
    case "bytes":
    case "bytearray":
      return (b.t === "bytes" || b.t === "bytearray") && a.length === b.length && equalBytes(bytesData(a), bytesData(b));
    case "list":
    case "tuple":
    case "deque":
    case "slice":
    case "array": {
      if ((a.t === "list" || a.t === "tuple") && b.t === a.t && seqLen(a.items) !== seqLen(b.items)) return false;
      const items = sequenceItems(a, b);
      if (items === null) return false;
      const [x, y] = items;
      if (x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) if (!pyEq(x[i] as PyObj, y[i] as PyObj)) return false;
      return true;
    }
    case "set":
    case "frozenset":
      // set_richcompare: equal sizes, then set_issubset by each entry's stored hash.
      if ((b.t !== "set" && b.t !== "frozenset") || a.table.used !== b.table.used) return false;
      for (const [k, h] of a.table.entries()) if (!b.table.has(k, h)) return false;
      return true;
    case "dict": {
      if (bothCounters(a, b)) return counterRichCompare("Eq", a, b as PyDictObj, countHolds);
      if (b.t !== "dict" || a.table.used !== b.table.used) return false;
      for (const [k, e] of a.table.map) {
        const other = b.table.map.get(k);
        if (other === undefined || !pyEq(e.value, other.value)) return false;
      }
      // odict_richcompare: two OrderedDicts are equal only with their keys in the same order (_odict_keys_equal, by identity then ==).
      if (a.flavor?.name === "OrderedDict" && b.flavor?.name === "OrderedDict") {
        const x = [...a.table.map.values()];
        const y = [...b.table.map.values()];
        return x.every((e, i) => pyEq(e.key, (y[i] as { key: PyObj }).key));
      }
      return true;
    }
    case "range":
      return b.t === "range" && hashKey(a) === hashKey(b);
    case "builtin":
      return builtinEq(a, b);
    case "method":
      // method_richcompare (3.8+): the functions by ==, then the receivers by identity.
      return b.t === "method" && pyEq(a.func, b.func) && a.self === b.self;
    default:
      return false;
  }
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** -1, 0, 1 for a < b, ==, >; NaN when unordered; throws TypeError when Python would. */
export function pyCompare(a: PyObj, b: PyObj, op: string): number {
  if (isUserObj(a) || isUserObj(b) || nativeCompare(a, b) !== null) return userOrder(a, b, op);
  return plainCompare(a, b, op);
}

function plainCompare(a: PyObj, b: PyObj, op: string): number {
  if ((a.t === "Decimal" || b.t === "Decimal") && (a.t === "Decimal" || isNumber(a)) && (b.t === "Decimal" || isNumber(b))) {
    const c = decimalCompare(a, b);
    if (c !== null) return c;
  }
  if (isNumber(a) && isNumber(b) && a.t !== "complex" && b.t !== "complex") return numCompare(a, b);
  if (a.t === "str" && b.t === "str") {
    const x = strText(a);
    const y = strText(b);
    return x === y ? 0 : codePointLess(x, y) ? -1 : 1;
  }
  if ((a.t === "bytes" || a.t === "bytearray") && (b.t === "bytes" || b.t === "bytearray")) {
    const x = bytesData(a);
    const y = bytesData(b);
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i++) if (x[i] !== y[i]) return (x[i] as number) < (y[i] as number) ? -1 : 1;
    return x.length - y.length === 0 ? 0 : x.length < y.length ? -1 : 1;
  }
  if (bothCounters(a, b)) {
    // A partial order: the number says only whether `op` holds.
    const o = (Object.keys(CMP_SYMBOL) as CmpOp[]).find((k) => CMP_SYMBOL[k] === op) as CmpOp;
    if (!counterRichCompare(o, a as PyDictObj, b as PyDictObj, countHolds)) return NaN;
    return o === "Lt" || o === "LtE" ? -1 : 1;
  }
  const items = sequenceItems(a, b);
  if (items !== null) {
    const [x, y] = items;
    const n = Math.min(x.length, y.length);
    for (let i = 0; i < n; i++) {
      if (!pyEq(x[i] as PyObj, y[i] as PyObj)) return pyCompare(x[i] as PyObj, y[i] as PyObj, op);
    }
    return x.length === y.length ? 0 : x.length < y.length ? -1 : 1;
  }
  if ((a.t === "set" || a.t === "frozenset") && (b.t === "set" || b.t === "frozenset")) {
    // set_issubset both ways, by each entry's stored hash and Python ==.
    const sub = a.table.used <= b.table.used && a.table.entries().every(([k, h]) => b.table.has(k, h));
    const sup = b.table.used <= a.table.used && b.table.entries().every(([k, h]) => a.table.has(k, h));
    if (sub && sup) return 0;
    if (sub) return -1;
    if (sup) return 1;
    return NaN;
  }
  const sl = setLike(a, b);
  if (sl !== null) {
    const [x, y] = sl;
    const sub = [...x].every((k) => y.has(k));
    const sup = [...y].every((k) => x.has(k));
    if (sub && sup) return 0;
    if (sub) return -1;
    if (sup) return 1;
    return NaN;
  }
  throw typeError(`'${op}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
}

/**
 * An ordering of setup-class operands from the one comparison `op` names
 * (sorted/min use <, max uses >): the other direction is asked only to tell
 * "greater" from "equal".
 */
function userOrder(a: PyObj, b: PyObj, op: string): number {
  const rel = (o: CmpOp, x: PyObj, y: PyObj): boolean => truthy(compareObj(o, x, y));
  switch (op) {
    case "<":
      return rel("Lt", a, b) ? -1 : rel("Lt", b, a) ? 1 : 0;
    case "<=":
      return !rel("LtE", a, b) ? 1 : rel("LtE", b, a) ? 0 : -1;
    case ">":
      return rel("Gt", a, b) ? 1 : rel("Gt", b, a) ? -1 : 0;
    default:
      return !rel("GtE", a, b) ? -1 : rel("GtE", b, a) ? 0 : 1;
  }
}

function codePointLess(x: string, y: string): boolean {
  // JS compares UTF-16 units; Python compares code points. They differ only around surrogates.
  const n = Math.min(x.length, y.length);
  for (let i = 0; i < n; i++) {
    const a = x.codePointAt(i) as number;
    const b = y.codePointAt(i) as number;
    if (a !== b) return a < b;
    if (a > 0xffff) i++;
  }
  return x.length < y.length;
}

export function richCompare(op: "Lt" | "LtE" | "Gt" | "GtE", a: PyObj, b: PyObj): boolean {
  if (isUserObj(a) || isUserObj(b) || nativeCompare(a, b) !== null) return truthy(compareObj(op, a, b));
  return orderHolds(op, pyCompare(a, b, CMP_SYMBOL[op]));
}

function orderHolds(op: CmpOp, c: number): boolean {
  if (Number.isNaN(c)) return false;
  switch (op) {
    case "Lt":
      return c < 0;
    case "LtE":
      return c <= 0;
    case "Gt":
      return c > 0;
    default:
      return c >= 0;
  }
}

export function notSupported(op: string, a: PyObj, b: PyObj): PyException {
  return typeError(`unsupported operand type(s) for ${op}: '${typeName(a)}' and '${typeName(b)}'`);
}
