// The datetime module: date, time, datetime, timedelta and timezone as the C
// types of Modules/_datetimemodule.c — static types (`static` classes in
// pymem's class model) whose objects are leaves of fixed tp_basicsize (layout
// leaves), and whose behaviour is their own special methods (arithmetic,
// comparisons, str/repr, hashing), so the generic operations reach them as
// they reach any class's. Values follow Lib/datetime.py's algorithms
// (proleptic Gregorian ordinals, timedelta normalisation). now(), today() and
// utcnow() make objects whose value the run decides: their size is known,
// anything that reads their value is refused.
import { newTuple, newTupleOfClass, tuple2 } from "./tuples.js";
import { materialize } from "./seq.js";
import { repr } from "./repr.js";
import { ctx } from "./ctx.js";
import { callDunder } from "./userDunders.js";
import { makeProperty } from "./opaqueObjects.js";
import { classmethods, c3 } from "./classes.js";
import { PyException, PymemError, typeError, valueError } from "./errors.js";
import { intValue } from "./numbers.js";
import { bigDiv } from "./ops.js";
import { floatRatio } from "./fractionsModule.js";
import { nativeFunction as fn, False, None, NotImplemented, True, pyBool, pyFloat, pyInt, pyStr, pyStrFresh, typeName, type Kwargs, type PyClassObj, PyInstanceObj, type PyObj } from "./objects.js";
import { strText } from "./text.js";
import { hashInt } from "./hashing.js";
import { strptimeFields } from "./datetimeStrptime.js";
import { newStructTime } from "./structTime.js";
import { registerReduceCopier } from "./copyModule.js";
import type { Layout } from "../layouts/layout.js";
import type { LeafType } from "../layouts/cpython310/leaves.js";

interface TD { readonly days: number; readonly seconds: number; readonly us: number }
interface DateV { readonly y: number; readonly m: number; readonly d: number }
interface TimeV { readonly H: number; readonly M: number; readonly S: number; readonly us: number; readonly tz: PyObj }
type Value =
  | { readonly k: "date"; readonly date: DateV }
  | { readonly k: "datetime"; readonly date: DateV; readonly time: TimeV }
  | { readonly k: "time"; readonly time: TimeV }
  | { readonly k: "timedelta"; readonly td: TD }
  | { readonly k: "timezone"; readonly offset: TD; readonly name: PyObj | null }
  | { readonly k: "unknown"; readonly what: string };

const values = new WeakMap<PyInstanceObj, Value>();
/** The timedelta object a timezone holds (self->offset), once asked for or given. */
const tzOffsetObjects = new WeakMap<PyObj, PyObj>();

function valueOf(o: PyObj | undefined): Value | undefined {
  return o !== undefined && o.t === "instance" ? values.get(o) : undefined;
}

function known(o: PyObj | undefined): Value | undefined {
  const v = valueOf(o);
  if (v !== undefined && v.k === "unknown") throw new PymemError("UNSUPPORTED", `the value of ${v.what} (the clock decides it on each run)`);
  return v;
}

const DAYS_IN_MONTH = [-1, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const DAYS_BEFORE_MONTH = [-1, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];

function isLeap(y: number): boolean {
  return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
}

function daysInMonth(y: number, m: number): number {
  return m === 2 && isLeap(y) ? 29 : (DAYS_IN_MONTH[m] as number);
}

function ymd2ord(y: number, m: number, d: number): number {
  const y1 = y - 1;
  return y1 * 365 + Math.floor(y1 / 4) - Math.floor(y1 / 100) + Math.floor(y1 / 400) + (DAYS_BEFORE_MONTH[m] as number) + (m > 2 && isLeap(y) ? 1 : 0) + d;
}

/** _ord2ymd of Lib/datetime.py. */
function ord2ymd(n0: number): DateV {
  let n = n0 - 1;
  const n400 = Math.floor(n / 146097);
  n %= 146097;
  let year = n400 * 400 + 1;
  const n100 = Math.floor(n / 36524);
  n %= 36524;
  const n4 = Math.floor(n / 1461);
  n %= 1461;
  const n1 = Math.floor(n / 365);
  n %= 365;
  year += n100 * 100 + n4 * 4 + n1;
  if (n1 === 4 || n100 === 4) return { y: year - 1, m: 12, d: 31 };
  const leap = n1 === 3 && (n4 !== 24 || n100 === 3);
  let month = (n + 50) >> 5;
  let preceding = (DAYS_BEFORE_MONTH[month] as number) + (month > 2 && leap ? 1 : 0);
  if (preceding > n) {
    month -= 1;
    preceding -= (DAYS_IN_MONTH[month] as number) + (month === 2 && leap ? 1 : 0);
  }
  return { y: year, m: month, d: n - preceding + 1 };
}

function checkDate(y: number, m: number, d: number): DateV {
  if (y < 1 || y > 9999) throw valueError(`year ${y} is out of range`);
  if (m < 1 || m > 12) throw valueError("month must be in 1..12");
  if (d < 1 || d > daysInMonth(y, m)) throw valueError("day is out of range for month");
  return { y, m, d };
}

function checkTime(H: number, M: number, S: number, us: number, tz: PyObj): TimeV {
  if (H < 0 || H > 23) throw valueError("hour must be in 0..23");
  if (M < 0 || M > 59) throw valueError("minute must be in 0..59");
  if (S < 0 || S > 59) throw valueError("second must be in 0..59");
  if (us < 0 || us > 999999) throw valueError("microsecond must be in 0..999999");
  if (tz.t !== "NoneType" && valueOf(tz)?.k !== "timezone") throw new PymemError("UNSUPPORTED", `a tzinfo of type '${typeName(tz)}' (only datetime.timezone is modelled)`);
  return { H, M, S, us, tz };
}

/** timedelta's normalisation: 0 <= seconds < 86400, 0 <= microseconds < 10**6, |days| <= 999999999. */
function td(days: number, seconds: number, us: number): TD {
  let s = seconds + Math.floor(us / 1e6);
  const u = ((us % 1e6) + 1e6) % 1e6;
  const d = days + Math.floor(s / 86400);
  s = ((s % 86400) + 86400) % 86400;
  if (Math.abs(d) > 999999999) throw new PyException("OverflowError", `days=${d}; must have magnitude <= 999999999`);
  return { days: d, seconds: s, us: u };
}

function tdMicros(t: TD): bigint {
  return (BigInt(t.days) * 86400n + BigInt(t.seconds)) * 1000000n + BigInt(t.us);
}

function tdFromMicros(u: bigint): TD {
  const day = 86400n * 1000000n;
  let d = u / day;
  let r = u % day;
  if (r < 0n) {
    r += day;
    d -= 1n;
  }
  return td(Number(d), Number(r / 1000000n), Number(r % 1000000n));
}

/** C's round(): to nearest, halves away from zero. */
function cRound(x: number): number {
  const r = Math.round(Math.abs(x));
  // Math.round rounds halves up; for |x| an exact half that is away from zero already.
  return Math.sign(x) * (Math.abs(x) - Math.floor(Math.abs(x)) === 0.5 ? Math.floor(Math.abs(x)) + 1 : r);
}

/** PyLong_FromDouble of a float's integral part: OverflowError / ValueError for inf and nan. */
function longFromDouble(d: number): bigint {
  if (Number.isNaN(d)) throw valueError("cannot convert float NaN to integer");
  if (!Number.isFinite(d)) throw new PyException("OverflowError", "cannot convert float infinity to integer");
  return BigInt(d);
}

/** delta_new's accum(): an int adds num*factor exactly; a float its integral part exactly, then factor*fraction split again. */
function accum(acc: { x: bigint; leftover: number }, num: PyObj, factor: bigint): void {
  if (num.t !== "float") {
    acc.x += BigInt(intValue(num) as number | bigint) * factor;
    return;
  }
  const dnum = num.v;
  const intpart = Math.trunc(dnum);
  let fracpart = dnum - intpart;
  acc.x += longFromDouble(intpart) * factor;
  if (fracpart === 0) return;
  const scaled = Number(factor) * fracpart;
  const intpart2 = Math.trunc(scaled);
  fracpart = scaled - intpart2;
  acc.x += longFromDouble(intpart2);
  acc.leftover += fracpart;
}

/** divide_nearest: m / n rounded half to even (_PyLong_DivmodNear), exact for any ints. */
function divideNearest(m: bigint, n: bigint): bigint {
  if (n === 0n) throw new PyException("ZeroDivisionError", "integer division or modulo by zero");
  if (n < 0n) {
    m = -m;
    n = -n;
  }
  let q = m / n;
  let r = m % n;
  if (r < 0n) {
    q -= 1n;
    r += n;
  }
  const twice = 2n * r;
  if (twice > n || (twice === n && (q & 1n) === 1n)) q += 1n;
  return q;
}

const pad = (n: number, w = 2): string => String(n).padStart(w, "0");

function tzOffset(tz: PyObj): TD | null {
  const v = valueOf(tz);
  return v !== undefined && v.k === "timezone" ? v.offset : null;
}

function offsetText(t: TD, sep = ":"): string {
  let u = tdMicros(t);
  const sign = u < 0n ? "-" : "+";
  if (u < 0n) u = -u;
  const total = Number(u / 1000000n);
  const us = Number(u % 1000000n);
  const hh = Math.floor(total / 3600);
  const mm = Math.floor((total % 3600) / 60);
  const ss = total % 60;
  let out = `${sign}${pad(hh)}${sep}${pad(mm)}`;
  if (ss !== 0 || us !== 0) out += `${sep}${pad(ss)}`;
  if (us !== 0) out += `.${pad(us, 6)}`;
  return out;
}

function timeText(t: TimeV): string {
  let s = `${pad(t.H)}:${pad(t.M)}:${pad(t.S)}`;
  if (t.us !== 0) s += `.${pad(t.us, 6)}`;
  const off = t.tz.t === "NoneType" ? null : tzOffset(t.tz);
  if (off !== null) s += offsetText(off);
  return s;
}

function dateText(d: DateV): string {
  return `${pad(d.y, 4)}-${pad(d.m)}-${pad(d.d)}`;
}

function tdText(t: TD): string {
  const mm = Math.floor(t.seconds / 60);
  const hh = Math.floor(mm / 60);
  let s = `${hh}:${pad(mm % 60)}:${pad(t.seconds % 60)}`;
  if (t.days !== 0) s = `${t.days} day${Math.abs(t.days) !== 1 ? "s" : ""}, ${s}`;
  if (t.us !== 0) s += `.${pad(t.us, 6)}`;
  return s;
}

function tdRepr(t: TD): string {
  const parts: string[] = [];
  if (t.days !== 0) parts.push(`days=${t.days}`);
  if (t.seconds !== 0) parts.push(`seconds=${t.seconds}`);
  if (t.us !== 0) parts.push(`microseconds=${t.us}`);
  return `datetime.timedelta(${parts.length === 0 ? "0" : parts.join(", ")})`;
}

function tzRepr(v: Extract<Value, { k: "timezone" }>, utc: boolean): string {
  if (utc) return "datetime.timezone.utc";
  return `datetime.timezone(${tdRepr(v.offset)}${v.name !== null ? `, ${JSON.stringify(strText(v.name as never))}`.replace(/^, "(.*)"$/, ", '$1'") : ""})`;
}

function num(x: PyObj | undefined, what: string): number {
  if (x === undefined) return 0;
  const v = intValue(x);
  if (v === null || x.t === "bool") throw typeError(`'${typeName(x)}' object cannot be interpreted as an integer`);
  if (typeof v === "bigint") throw new PyException("OverflowError", `${what} is out of range`);
  return v;
}

interface Classes {
  readonly date: PyClassObj;
  readonly datetime: PyClassObj;
  readonly time: PyClassObj;
  readonly timedelta: PyClassObj;
  readonly timezone: PyClassObj;
  readonly utc: PyInstanceObj;
}

const byLayout = new WeakMap<Layout, Classes>();

function make(cls: PyClassObj, v: Value): PyInstanceObj {
  const inst: PyInstanceObj = new PyInstanceObj(cls);
  values.set(inst, v);
  return inst;
}


function prop(name: string, get: (v: Value) => PyObj): [string, PyObj] {
  return [name, makeProperty(fn(name, ([self]) => get(known(self) as Value)), None, None)];
}

function classMethod(name: string, call: (args: readonly PyObj[], kw: Kwargs) => PyObj): [string, PyObj] {
  const f = fn(name, call);
  classmethods.add(f);
  return [name, f];
}

function staticClass(layout: Layout, name: string, bases: readonly PyClassObj[], attrs: [string, PyObj][]): PyClassObj {
  const size = (layout.leafTypes[name] as LeafType).struct.size;
  const cls: PyClassObj = {
    t: "class", name, bases, mro: [], attrs: new Map<string, PyObj>([["__module__", pyStr("datetime")], ...attrs]), slots: [], hasDict: false, hasWeakref: false,
    shape: { basicsize: size, gc: false }, builtinBase: "object", cachedKeys: null, frozen: false, tupleFields: null, decorated: null, static: true,
  };
  (cls as { mro: readonly PyClassObj[] }).mro = c3(cls, bases);
  return cls;
}

function kwNum(args: readonly PyObj[], kw: Kwargs, i: number, name: string): number {
  return num(args[i] ?? kw.values.get(name), name);
}

/** Floor quotient and remainder (in microseconds) of timedelta a by timedelta b; null when b is not one. */
function tdDivmod(a: PyObj, b: PyObj | undefined): [bigint, bigint] | null {
  const va = known(a);
  const vb = b === undefined ? undefined : known(b);
  if (va?.k !== "timedelta" || vb?.k !== "timedelta") return null;
  const x = tdMicros(va.td);
  const y = tdMicros(vb.td);
  if (y === 0n) throw new PyException("ZeroDivisionError", "integer division or modulo by zero");
  let q = x / y;
  let r = x % y;
  if (r !== 0n && (r < 0n) !== (y < 0n)) {
    q -= 1n;
    r += y;
  }
  return [q, r];
}

function classesFor(layout: Layout): Classes {
  const have = byLayout.get(layout);
  if (have !== undefined) return have;
  const C = {} as { -readonly [K in keyof Classes]: Classes[K] };
  const tdObj = (t: TD): PyObj => make(C.timedelta, { k: "timedelta", td: t });
  const dateObj = (d: DateV): PyObj => make(C.date, { k: "date", date: d });
  const dtObj = (d: DateV, t: TimeV): PyObj => make(C.datetime, { k: "datetime", date: d, time: t });
  const cmp = (a: number | bigint, b: number | bigint): number => (a < b ? -1 : a > b ? 1 : 0);
  const compareKey = (v: Value): [number | bigint, string] | null => {
    switch (v.k) {
      case "date":
        return [ymd2ord(v.date.y, v.date.m, v.date.d), "date"];
      case "timedelta":
        return [tdMicros(v.td), "timedelta"];
      case "datetime": {
        const off = v.time.tz.t === "NoneType" ? null : tzOffset(v.time.tz);
        const micros = (BigInt(ymd2ord(v.date.y, v.date.m, v.date.d)) * 86400n + BigInt(v.time.H * 3600 + v.time.M * 60 + v.time.S)) * 1000000n + BigInt(v.time.us) - (off === null ? 0n : tdMicros(off));
        return [micros, off === null ? "naive" : "aware"];
      }
      case "time":
        if (v.time.tz.t !== "NoneType") return null;
        return [((v.time.H * 60 + v.time.M) * 60 + v.time.S) * 1e6 + v.time.us, "time"];
      default:
        return null;
    }
  };
  const richCompare = (op: "==" | "!=" | "<" | "<=" | ">" | ">="): PyObj =>
    fn(`__${op}__`, ([a, b]) => {
      const va = known(a);
      const vb = known(b);
      if (va === undefined || vb === undefined || va.k !== vb.k) return op === "==" ? (va !== undefined && vb !== undefined && va.k !== vb.k ? False : NotImplemented) : op === "!=" ? NotImplemented : NotImplemented;
      const ka = compareKey(va);
      const kb = compareKey(vb);
      if (ka === null || kb === null) throw new PymemError("UNSUPPORTED", `comparing ${va.k} objects with a tzinfo`);
      if (ka[1] !== kb[1]) {
        if (op === "==") return False;
        if (op === "!=") return True;
        throw typeError("can't compare offset-naive and offset-aware datetimes");
      }
      const c = cmp(ka[0], kb[0]);
      return pyBool(op === "==" ? c === 0 : op === "!=" ? c !== 0 : op === "<" ? c < 0 : op === "<=" ? c <= 0 : op === ">" ? c > 0 : c >= 0);
    });
  const comparisons: [string, PyObj][] = [
    ["__eq__", richCompare("==")], ["__ne__", richCompare("!=")], ["__lt__", richCompare("<")], ["__le__", richCompare("<=")], ["__gt__", richCompare(">")], ["__ge__", richCompare(">=")],
    ["__hash__", fn("__hash__", ([self]) => {
      const v = known(self) as Value;
      const k = compareKey(v);
      // A stand-in: CPython hashes a date's bytes with the per-process key (README: set order).
      return pyInt(hashInt(k === null ? 0 : k[0]) as never);
    })],
  ];
  const text = (f: (v: Value) => string): PyObj => fn("text", ([self]) => pyStrFresh(f(known(self) as Value)));
  const dateOf = (v: Value): DateV => (v.k === "date" || v.k === "datetime" ? v.date : (undefined as never));
  const timeOf = (v: Value): TimeV => (v.k === "time" || v.k === "datetime" ? v.time : (undefined as never));

  C.timedelta = staticClass(layout, "timedelta", [], [
    ["__new__", fn("__new__", (args, kw) => {
      const names = ["days", "seconds", "microseconds", "milliseconds", "minutes", "hours", "weeks"];
      const vals = names.map((n, i) => args[i + 1] ?? kw.values.get(n));
      if (vals.some((x) => x !== undefined && x.t !== "int" && x.t !== "bool" && x.t !== "float")) throw new PymemError("UNSUPPORTED", "timedelta() of arguments neither int nor float");
      // delta_new: accum() each component in this order into an exact int, float fractions into leftover_us.
      const order: readonly [number, bigint][] = [[2, 1n], [3, 1000n], [1, 1000000n], [4, 60000000n], [5, 3600000000n], [0, 86400000000n], [6, 604800000000n]];
      const acc = { x: 0n, leftover: 0 };
      for (const [i, factor] of order) {
        const v = vals[i];
        if (v !== undefined) accum(acc, v, factor);
      }
      if (acc.leftover !== 0) {
        // Round to nearest whole # of us (C round(): half away from zero), half-even against x's parity.
        let whole = cRound(acc.leftover);
        if (Math.abs(whole - acc.leftover) === 0.5) {
          const odd = acc.x & 1n ? 1 : 0;
          whole = 2.0 * cRound((acc.leftover + odd) * 0.5) - odd;
        }
        acc.x += BigInt(whole);
      }
      return tdObj(tdFromMicros(acc.x));
    })],
    prop("days", (v) => pyInt((v as { td: TD }).td.days)),
    prop("seconds", (v) => pyInt((v as { td: TD }).td.seconds)),
    prop("microseconds", (v) => pyInt((v as { td: TD }).td.us)),
    // delta_total_seconds: the microseconds over 10**6, an int true division (correctly rounded however big).
    ["total_seconds", fn("total_seconds", ([self]) => pyFloat(bigDiv(tdMicros((known(self) as { td: TD }).td), 1000000n)))],
    ["__str__", text((v) => tdText((v as { td: TD }).td))],
    ["__repr__", text((v) => tdRepr((v as { td: TD }).td))],
    ["__bool__", fn("__bool__", ([self]) => pyBool(tdMicros((known(self) as { td: TD }).td) !== 0n))],
    ["__neg__", fn("__neg__", ([self]) => tdObj(tdFromMicros(-tdMicros((known(self) as { td: TD }).td))))],
    ["__pos__", fn("__pos__", ([self]) => self as PyObj)],
    ["__abs__", fn("__abs__", ([self]) => {
      const u = tdMicros((known(self) as { td: TD }).td);
      return u < 0n ? tdObj(tdFromMicros(-u)) : (self as PyObj);
    })],
    ["__add__", fn("__add__", ([a, b]) => {
      const vb = known(b);
      if (vb?.k !== "timedelta") return NotImplemented;
      return tdObj(tdFromMicros(tdMicros((known(a) as { td: TD }).td) + tdMicros(vb.td)));
    })],
    ["__sub__", fn("__sub__", ([a, b]) => {
      const vb = known(b);
      if (vb?.k !== "timedelta") return NotImplemented;
      return tdObj(tdFromMicros(tdMicros((known(a) as { td: TD }).td) - tdMicros(vb.td)));
    })],
    ["__mul__", fn("__mul__", ([a, b]) => {
      const u = tdMicros((known(a) as { td: TD }).td);
      if (b !== undefined && (b.t === "int" || b.t === "bool")) return tdObj(tdFromMicros(u * BigInt(intValue(b) as number | bigint)));
      if (b !== undefined && b.t === "float") {
        // multiply_truedivide_timedelta_float: pyus * n / d by divide_nearest, exact.
        const [n, d] = floatRatio(b.v);
        return tdObj(tdFromMicros(divideNearest(u * n, d)));
      }
      return NotImplemented;
    })],
    ["__truediv__", fn("__truediv__", ([a, b]) => {
      const u = tdMicros((known(a) as { td: TD }).td);
      const vb = known(b);
      if (vb?.k === "timedelta") {
        const d = tdMicros(vb.td);
        if (d === 0n) throw new PyException("ZeroDivisionError", "division by zero");
        // truediv_timedelta_timedelta: an int true division, correctly rounded.
        return pyFloat(bigDiv(u, d));
      }
      if (b !== undefined && (b.t === "int" || b.t === "bool" || b.t === "float")) {
        // divide_timedelta_int: divide_nearest(pyus, i); multiply_truedivide_timedelta_float: pyus * d / n.
        const [n, d] = b.t === "float" ? floatRatio(b.v) : [BigInt(intValue(b) as number | bigint), 1n];
        return tdObj(tdFromMicros(divideNearest(u * d, n)));
      }
      return NotImplemented;
    })],
    ["__floordiv__", fn("__floordiv__", ([a, b]) => {
      const u = tdMicros((known(a) as { td: TD }).td);
      const vb = known(b);
      const floor = (x: bigint, y: bigint): bigint => (x / y) - ((x % y !== 0n) && ((x < 0n) !== (y < 0n)) ? 1n : 0n);
      if (vb?.k === "timedelta") {
        const d = tdMicros(vb.td);
        if (d === 0n) throw new PyException("ZeroDivisionError", "integer division or modulo by zero");
        const q = floor(u, d);
        return pyInt(q);
      }
      if (b !== undefined && b.t === "int") {
        if (intValue(b) === 0) throw new PyException("ZeroDivisionError", "integer division or modulo by zero");
        return tdObj(tdFromMicros(floor(u, BigInt(b.v))));
      }
      return NotImplemented;
    })],
    // delta_remainder / delta_divmod: timedelta by timedelta only, the remainder with the divisor's sign.
    ["__mod__", fn("__mod__", ([a, b]) => {
      const qr = tdDivmod(a as PyObj, b);
      return qr === null ? NotImplemented : tdObj(tdFromMicros(qr[1]));
    })],
    ["__divmod__", fn("__divmod__", ([a, b]) => {
      const qr = tdDivmod(a as PyObj, b);
      return qr === null ? NotImplemented : tuple2(pyInt(qr[0]), tdObj(tdFromMicros(qr[1])));
    })],
    ...comparisons,
  ]);
  /** timezone.tzname(): the name it was given (that object), else a new "UTC±HH:MM". */
  const tzNameOf = (tz: PyObj): PyObj => {
    const v = known(tz) as Extract<Value, { k: "timezone" }>;
    return v.name ?? pyStrFresh(tdMicros(v.offset) === 0n ? "UTC" : `UTC${offsetText(v.offset)}`);
  };
  /** new_timezone of _datetimemodule.c: the utc singleton for a zero offset without a name. */
  const newTimezone = (offset: TD, name: PyObj | null): PyObj => {
    if (name === null && tdMicros(offset) === 0n) return C.utc;
    if (Math.abs(Number(tdMicros(offset))) >= 86400e6) throw valueError(`offset must be a timedelta strictly between -timedelta(hours=24) and timedelta(hours=24), not ${tdRepr(offset)}.`);
    return make(C.timezone, { k: "timezone", offset, name });
  };
  C.timezone = staticClass(layout, "timezone", [], [
    ["__new__", fn("__new__", ([, offset, name]) => {
      const v = known(offset);
      if (v?.k !== "timedelta") throw typeError(`timezone() argument 1 must be datetime.timedelta, not ${offset === undefined ? "None" : typeName(offset)}`);
      if (name !== undefined && name.t !== "str") throw typeError(`timezone() argument 2 must be str, not ${typeName(name)}`);
      const tz = newTimezone(v.td, name ?? null);
      // new_timezone keeps the timedelta it was given (utcoffset() returns that very object).
      if (tz !== C.utc && offset !== undefined) tzOffsetObjects.set(tz, offset);
      return tz;
    })],
    ["utcoffset", fn("utcoffset", ([self]) => tzOffsetObject(self as PyObj))],
    ["tzname", fn("tzname", ([self]) => tzNameOf(self as PyObj))],
    ["__str__", fn("__str__", ([self]) => tzNameOf(self as PyObj))],
    ["__repr__", fn("__repr__", ([self]) => pyStrFresh(tzRepr(known(self) as Extract<Value, { k: "timezone" }>, self === C.utc)))],
    ["__eq__", fn("__eq__", ([a, b]) => {
      const vb = known(b);
      if (vb?.k !== "timezone") return NotImplemented;
      return pyBool(tdMicros((known(a) as { offset: TD }).offset) === tdMicros(vb.offset));
    })],
    ["__hash__", fn("__hash__", ([self]) => pyInt(hashInt(tdMicros((known(self) as { offset: TD }).offset)) as never))],
  ]);
  /** self->offset of a timezone: the timedelta it was made with (made here, once, for one pymem built). */
  const tzOffsetObject = (tz: PyObj): PyObj => {
    let o = tzOffsetObjects.get(tz);
    if (o === undefined) tzOffsetObjects.set(tz, (o = tdObj((known(tz) as { offset: TD }).offset)));
    return o;
  };
  const isTimezone = (tz: PyObj): boolean => valueOf(tz)?.k === "timezone";
  const tzCall = (self: PyObj, name: "utcoffset" | "tzname" | "dst"): PyObj => {
    const tz = timeOf(known(self) as Value).tz;
    if (tz.t === "NoneType") return None;
    if (name === "utcoffset") return tzOffsetObject(tz);
    return name === "dst" ? None : tzNameOf(tz);
  };
  C.utc = make(C.timezone, { k: "timezone", offset: td(0, 0, 0), name: null });
  C.timezone.attrs.set("utc", C.utc);

  const dateAttrs: [string, PyObj][] = [
    prop("year", (v) => pyInt(dateOf(v).y)),
    prop("month", (v) => pyInt(dateOf(v).m)),
    prop("day", (v) => pyInt(dateOf(v).d)),
    ["toordinal", fn("toordinal", ([self]) => pyInt(ymd2ord(dateOf(known(self) as Value).y, dateOf(known(self) as Value).m, dateOf(known(self) as Value).d)))],
    ["weekday", fn("weekday", ([self]) => {
      const d = dateOf(known(self) as Value);
      return pyInt((ymd2ord(d.y, d.m, d.d) + 6) % 7);
    })],
    ["isoweekday", fn("isoweekday", ([self]) => {
      const d = dateOf(known(self) as Value);
      return pyInt(((ymd2ord(d.y, d.m, d.d) + 6) % 7) + 1);
    })],
    // format_ctime: "%s %s %2d %02d:%02d:%02d %04d" (a date's time is midnight).
    ["ctime", fn("ctime", ([self]) => {
      const v = known(self) as Value;
      const d = dateOf(v);
      const t = v.k === "datetime" ? v.time : { H: 0, M: 0, S: 0 };
      const wd = (ymd2ord(d.y, d.m, d.d) + 6) % 7;
      return pyStrFresh(`${(DAY_NAMES[wd] as string).slice(0, 3)} ${(MONTH_NAMES[d.m - 1] as string).slice(0, 3)} ${String(d.d).padStart(2, " ")} ${pad(t.H)}:${pad(t.M)}:${pad(t.S)} ${pad(d.y, 4)}`);
    })],
    ["timetuple", fn("timetuple", ([self]) => structTimeOf(dateOf(known(self) as Value), 0, 0, 0, -1))],
    ["isocalendar", fn("isocalendar", ([self]) => {
      const d = dateOf(known(self) as Value);
      const { year, week, day } = isoCalendar(d);
      const items = [pyInt(year), pyInt(week), pyInt(day)];
      // date_isocalendar: new_iso_calendar_date (3.9+), before Py_BuildValue("iii").
      return layout.rules.isoCalendarDate ? newTupleOfClass(items, isoCalendarDateClass()) : newTuple(items);
    })],
    classMethod("today", () => make(C.date, { k: "unknown", what: "date.today()" })),
    // date_fromordinal: cls(y, m, d), so a datetime's is that day's midnight.
    classMethod("fromordinal", ([cls, n]) => {
      // PyArg_ParseTuple "i": a C int; then ordinal >= 1, and new_date's year range.
      const v = n === undefined ? null : intValue(n);
      if (v === null) throw typeError(`'${typeName(n ?? None)}' object cannot be interpreted as an integer`);
      if (BigInt(v) > 2n ** 63n - 1n || BigInt(v) < -(2n ** 63n)) throw new PyException("OverflowError", "Python int too large to convert to C long");
      if (v > 2 ** 31 - 1) throw new PyException("OverflowError", "signed integer is greater than maximum");
      if (v < -(2 ** 31)) throw new PyException("OverflowError", "signed integer is less than minimum");
      if (v < 1) throw valueError("ordinal must be >= 1");
      const o = ord2ymd(Number(v));
      const d = checkDate(o.y, o.m, o.d);
      if (cls === C.date) return dateObj(d);
      if (cls === C.datetime) return dtObj(d, { H: 0, M: 0, S: 0, us: 0, tz: None });
      throw new PymemError("UNSUPPORTED", "fromordinal on a subclass of date or datetime");
    }),
    classMethod("fromisoformat", ([cls, s]) => {
      if (s === undefined || s.t !== "str") throw typeError(`fromisoformat: argument must be str`);
      if (cls !== C.date && cls !== C.datetime) throw new PymemError("UNSUPPORTED", "fromisoformat on a subclass of date or datetime");
      // What isoformat() writes, which every version reads alike (3.11 reads more: refused).
      const m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{3}|\d{6}))?)?(?:([+-])(\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{6}))?)?)?)?$/.exec(strText(s));
      if (m === null) throw new PymemError("UNSUPPORTED", `fromisoformat of ${JSON.stringify(strText(s))} (only what isoformat() writes, YYYY-MM-DD[THH:MM[:SS[.ffffff]][+HH:MM[:SS[.ffffff]]]], is modelled)`);
      const d = checkDate(Number(m[1]), Number(m[2]), Number(m[3]));
      if (cls === C.date) {
        if (m[4] !== undefined) throw valueError(`Invalid isoformat string: '${strText(s)}'`);
        return dateObj(d);
      }
      const frac = m[7] === undefined ? 0 : Number(m[7].padEnd(6, "0"));
      let tz: PyObj = None;
      if (m[8] !== undefined) {
        // tzinfo_from_isoformat_results: the utc singleton when the offset's seconds are 0.
        const sign = m[8] === "-" ? -1 : 1;
        const secs = sign * (Number(m[9]) * 3600 + Number(m[10]) * 60 + Number(m[11] ?? 0));
        tz = secs === 0 ? C.utc : newTimezone(td(0, secs, sign * Number(m[12] ?? 0)), null);
      }
      return dtObj(d, checkTime(Number(m[4] ?? 0), Number(m[5] ?? 0), Number(m[6] ?? 0), frac, tz));
    }),
  ];
  C.date = staticClass(layout, "date", [], [
    ["__new__", fn("__new__", (args, kw) => dateObj(checkDate(kwNum(args, kw, 1, "year"), kwNum(args, kw, 2, "month"), kwNum(args, kw, 3, "day"))))],
    ...dateAttrs,
    ["isoformat", text((v) => dateText(dateOf(v)))],
    ["__str__", text((v) => dateText(dateOf(v)))],
    ["__repr__", text((v) => `datetime.date(${dateOf(v).y}, ${dateOf(v).m}, ${dateOf(v).d})`)],
    ["replace", fn("replace", ([self, ...rest], kw) => {
      const d = dateOf(known(self) as Value);
      return dateObj(checkDate(num(rest[0] ?? kw.values.get("year") ?? pyInt(d.y), "year"), num(rest[1] ?? kw.values.get("month") ?? pyInt(d.m), "month"), num(rest[2] ?? kw.values.get("day") ?? pyInt(d.d), "day")));
    })],
    ["__add__", fn("__add__", ([a, b]) => {
      const vb = known(b);
      if (vb?.k !== "timedelta" || (known(a) as Value).k !== "date") return NotImplemented;
      const d = dateOf(known(a) as Value);
      const n = ymd2ord(d.y, d.m, d.d) + vb.td.days;
      if (n < 1 || n > 3652059) throw new PyException("OverflowError", "date value out of range");
      return dateObj(ord2ymd(n));
    })],
    ["__sub__", fn("__sub__", ([a, b]) => {
      const va = known(a) as Value;
      const vb = known(b);
      if (va.k !== "date") return NotImplemented;
      if (vb?.k === "timedelta") {
        const n = ymd2ord(va.date.y, va.date.m, va.date.d) - vb.td.days;
        if (n < 1 || n > 3652059) throw new PyException("OverflowError", "date value out of range");
        return dateObj(ord2ymd(n));
      }
      if (vb?.k === "date") return tdObj(td(ymd2ord(va.date.y, va.date.m, va.date.d) - ymd2ord(vb.date.y, vb.date.m, vb.date.d), 0, 0));
      return NotImplemented;
    })],
    ...comparisons,
  ]);
  C.date.attrs.set("__radd__", C.date.attrs.get("__add__") as PyObj);
  // delta_multiply is the nb_multiply slot: either operand may be the timedelta.
  C.timedelta.attrs.set("__rmul__", C.timedelta.attrs.get("__mul__") as PyObj);

  const dtNew = (args: readonly PyObj[], kw: Kwargs): PyObj => {
    const d = checkDate(kwNum(args, kw, 1, "year"), kwNum(args, kw, 2, "month"), kwNum(args, kw, 3, "day"));
    if (kw.values.has("fold") && num(kw.values.get("fold"), "fold") !== 0) throw new PymemError("UNSUPPORTED", "datetime(fold=1)");
    return dtObj(d, checkTime(kwNum(args, kw, 4, "hour"), kwNum(args, kw, 5, "minute"), kwNum(args, kw, 6, "second"), kwNum(args, kw, 7, "microsecond"), args[8] ?? kw.values.get("tzinfo") ?? None));
  };
  const dtMicros = (v: Extract<Value, { k: "datetime" }>): bigint => (BigInt(ymd2ord(v.date.y, v.date.m, v.date.d)) * 86400n + BigInt(v.time.H * 3600 + v.time.M * 60 + v.time.S)) * 1000000n + BigInt(v.time.us);
  const dtFromMicros = (u: bigint, tz: PyObj): PyObj => {
    const t = tdFromMicros(u);
    if (t.days < 1 || t.days > 3652059) throw new PyException("OverflowError", "date value out of range");
    return dtObj(ord2ymd(t.days), { H: Math.floor(t.seconds / 3600), M: Math.floor((t.seconds % 3600) / 60), S: t.seconds % 60, us: t.us, tz });
  };
  const isoDt = (v: Value, sep: string): string => `${dateText(dateOf(v))}${sep}${timeText(timeOf(v))}`;
  C.datetime = staticClass(layout, "datetime", [C.date], [
    ["__new__", fn("__new__", dtNew)],
    prop("hour", (v) => pyInt(timeOf(v).H)),
    prop("minute", (v) => pyInt(timeOf(v).M)),
    prop("second", (v) => pyInt(timeOf(v).S)),
    prop("microsecond", (v) => pyInt(timeOf(v).us)),
    prop("tzinfo", (v) => timeOf(v).tz),
    classMethod("now", ([, tz]) => make(C.datetime, { k: "unknown", what: `datetime.now(${tz === undefined || tz.t === "NoneType" ? "" : "tz"})` })),
    classMethod("utcnow", () => make(C.datetime, { k: "unknown", what: "datetime.utcnow()" })),
    classMethod("today", () => make(C.datetime, { k: "unknown", what: "datetime.today()" })),
    classMethod("combine", ([, d, t]) => {
      const vd = known(d);
      const vt = known(t);
      if ((vd?.k !== "date" && vd?.k !== "datetime") || vt?.k !== "time") throw typeError("combine() argument types must be (date, time)");
      return dtObj(vd.date, vt.time);
    }),
    classMethod("strptime", (args, kw) => {
      const [cls, data, format] = args;
      if (kw.values.size > 0) throw typeError("strptime() takes no keyword arguments");
      if (args.length !== 3) throw typeError(`strptime() takes exactly 2 arguments (${args.length - 1} given)`);
      if (data?.t !== "str" || format?.t !== "str") {
        const [i, bad] = data?.t !== "str" ? [1, data] : [2, format];
        throw typeError(`strptime() argument ${i} must be str, not ${typeName(bad as PyObj)}`);
      }
      if (cls !== C.datetime) throw new PymemError("UNSUPPORTED", "strptime on a subclass of datetime (cls(*args) runs its own constructor)");
      const f = strptimeFields(strText(data), strText(format), layout);
      const tz = f.gmtoff === null ? None : newTimezone(td(0, f.gmtoff.seconds, f.gmtoff.us), f.tzname !== null && f.tzname !== "" ? pyStrFresh(f.tzname) : null);
      return dtObj(checkDate(f.y, f.m, f.d), checkTime(f.H, f.M, f.S, f.us, tz));
    }),
    ["date", fn("date", ([self]) => dateObj(dateOf(known(self) as Value)))],
    ["time", fn("time", ([self]) => make(C.time, { k: "time", time: { ...timeOf(known(self) as Value), tz: None } }))],
    ["isoformat", fn("isoformat", ([self, sep]) => pyStrFresh(isoDt(known(self) as Value, sep !== undefined && sep.t === "str" ? strText(sep) : "T")))],
    ["__str__", text((v) => isoDt(v, " "))],
    ["__repr__", text((v) => {
      const d = dateOf(v);
      const t = timeOf(v);
      let r = `datetime.datetime(${d.y}, ${d.m}, ${d.d}, ${t.H}, ${t.M}`;
      if (t.S !== 0 || t.us !== 0) r += `, ${t.S}`;
      if (t.us !== 0) r += `, ${t.us}`;
      if (t.tz.t !== "NoneType") r += `, tzinfo=${tzRepr(valueOf(t.tz) as Extract<Value, { k: "timezone" }>, t.tz === C.utc)}`;
      return `${r})`;
    })],
    ["replace", fn("replace", ([self], kw) => {
      const v = known(self) as Extract<Value, { k: "datetime" }>;
      const g = (n: string, dflt: number): number => (kw.values.has(n) ? num(kw.values.get(n), n) : dflt);
      return dtObj(checkDate(g("year", v.date.y), g("month", v.date.m), g("day", v.date.d)), checkTime(g("hour", v.time.H), g("minute", v.time.M), g("second", v.time.S), g("microsecond", v.time.us), kw.values.get("tzinfo") ?? v.time.tz));
    })],
    ["__add__", fn("__add__", ([a, b]) => {
      const vb = known(b);
      if (vb?.k !== "timedelta") return NotImplemented;
      const va = known(a) as Extract<Value, { k: "datetime" }>;
      return dtFromMicros(dtMicros(va) + tdMicros(vb.td), va.time.tz);
    })],
    ["__sub__", fn("__sub__", ([a, b]) => {
      const va = known(a) as Extract<Value, { k: "datetime" }>;
      const vb = known(b);
      if (vb?.k === "timedelta") return dtFromMicros(dtMicros(va) - tdMicros(vb.td), va.time.tz);
      if (vb?.k === "datetime") {
        const oa = va.time.tz.t === "NoneType" ? null : tzOffset(va.time.tz);
        const ob = vb.time.tz.t === "NoneType" ? null : tzOffset(vb.time.tz);
        if ((oa === null) !== (ob === null)) throw typeError("can't subtract offset-naive and offset-aware datetimes");
        return tdObj(tdFromMicros(dtMicros(va) - (oa === null ? 0n : tdMicros(oa)) - (dtMicros(vb) - (ob === null ? 0n : tdMicros(ob)))));
      }
      return NotImplemented;
    })],
    ["strftime", fn("strftime", ([self, f]) => pyStrFresh(strftime(known(self) as Value, f)))],
    // call_utcoffset / call_tzname / call_dst: the tzinfo's own method on self (None when naive).
    ["utcoffset", fn("utcoffset", ([self]) => tzCall(self as PyObj, "utcoffset"))],
    ["tzname", fn("tzname", ([self]) => tzCall(self as PyObj, "tzname"))],
    ["dst", fn("dst", ([self]) => tzCall(self as PyObj, "dst"))],
    ["astimezone", fn("astimezone", (args, kw) => {
      const [self] = args;
      const tz = args[1] ?? kw.values.get("tz") ?? None;
      const v = known(self as PyObj) as Extract<Value, { k: "datetime" }>;
      if (tz.t !== "NoneType" && !isTimezone(tz)) {
        if (tz.t !== "instance") throw typeError(`astimezone() argument 1 must be datetime.tzinfo, not ${typeName(tz)}`);
        throw new PymemError("UNSUPPORTED", "datetime.astimezone() to a tzinfo other than a datetime.timezone");
      }
      if (v.time.tz.t === "NoneType" || tz.t === "NoneType") throw new PymemError("UNSUPPORTED", "datetime.astimezone() from or to local time (it follows the machine's time zone)");
      if (!isTimezone(v.time.tz)) throw new PymemError("UNSUPPORTED", "datetime.astimezone() from a tzinfo other than a datetime.timezone");
      // Conversion to self's own time zone is a NOP; else self - offset in UTC, then tz.fromutc adds tz's offset.
      if (v.time.tz === tz) return self as PyObj;
      const from = tzOffset(v.time.tz) as TD;
      const to = tzOffset(tz) as TD;
      dtFromMicros(dtMicros(v) - tdMicros(from), C.utc); // the UTC intermediate's OverflowError
      return dtFromMicros(dtMicros(v) - tdMicros(from) + tdMicros(to), tz);
    })],
    // datetime_timetuple: the tzinfo's dst() decides tm_isdst (-1 when naive or None, as timezone's is).
    ["timetuple", fn("timetuple", ([self]) => {
      const v = known(self as PyObj) as Extract<Value, { k: "datetime" }>;
      if (v.time.tz.t !== "NoneType" && !isTimezone(v.time.tz)) throw new PymemError("UNSUPPORTED", "datetime.timetuple() with a tzinfo other than a datetime.timezone");
      return structTimeOf(v.date, v.time.H, v.time.M, v.time.S, -1);
    })],
    // datetime_utctimetuple: self - utcoffset() when aware, tm_isdst 0.
    ["utctimetuple", fn("utctimetuple", ([self]) => {
      const v = known(self as PyObj) as Extract<Value, { k: "datetime" }>;
      if (v.time.tz.t !== "NoneType" && !isTimezone(v.time.tz)) throw new PymemError("UNSUPPORTED", "datetime.utctimetuple() with a tzinfo other than a datetime.timezone");
      const off = v.time.tz.t === "NoneType" ? null : tzOffset(v.time.tz);
      const u = off === null ? v : (known(dtFromMicros(dtMicros(v) - tdMicros(off), v.time.tz)) as Extract<Value, { k: "datetime" }>);
      return structTimeOf(u.date, u.time.H, u.time.M, u.time.S, 0);
    })],
    // datetime_timestamp: an aware datetime's is (self - the UTC epoch).total_seconds(); a naive one's goes through local time.
    ["timestamp", fn("timestamp", ([self]) => {
      const v = known(self as PyObj) as Extract<Value, { k: "datetime" }>;
      if (v.time.tz.t === "NoneType") throw new PymemError("UNSUPPORTED", "datetime.timestamp() (a naive datetime's follows the machine's time zone)");
      const off = tzOffset(v.time.tz);
      if (off === null) throw new PymemError("UNSUPPORTED", "datetime.timestamp() with a tzinfo other than a datetime.timezone");
      const epoch = BigInt(ymd2ord(1970, 1, 1)) * 86400n * 1000000n;
      return pyFloat(bigDiv(dtMicros(v) - tdMicros(off) - epoch, 1000000n));
    })],
    ...comparisons,
  ]);
  C.datetime.attrs.set("__radd__", C.datetime.attrs.get("__add__") as PyObj);
  C.date.attrs.set("strftime", fn("strftime", ([self, f]) => pyStrFresh(strftime(known(self) as Value, f))));
  // date_format (date's, datetime's and time's __format__): str(self) for an empty spec, else self.strftime(spec).
  const dateFormat = fn("__format__", ([self, spec]) => {
    if (spec === undefined || spec.t !== "str") throw typeError(`__format__() argument must be str, not ${spec === undefined ? "nothing" : typeName(spec)}`);
    return callDunder(self as PyObj, strText(spec) === "" ? "__str__" : "strftime", strText(spec) === "" ? [] : [spec]) as PyObj;
  });
  C.date.attrs.set("__format__", dateFormat);
  C.time = staticClass(layout, "time", [], [
    ["__new__", fn("__new__", (args, kw) => make(C.time, { k: "time", time: checkTime(kwNum(args, kw, 1, "hour"), kwNum(args, kw, 2, "minute"), kwNum(args, kw, 3, "second"), kwNum(args, kw, 4, "microsecond"), args[5] ?? kw.values.get("tzinfo") ?? None) }))],
    prop("hour", (v) => pyInt(timeOf(v).H)),
    prop("minute", (v) => pyInt(timeOf(v).M)),
    prop("second", (v) => pyInt(timeOf(v).S)),
    prop("microsecond", (v) => pyInt(timeOf(v).us)),
    prop("tzinfo", (v) => timeOf(v).tz),
    ["isoformat", text((v) => timeText(timeOf(v)))],
    ["__str__", text((v) => timeText(timeOf(v)))],
    ["__repr__", text((v) => {
      const t = timeOf(v);
      let r = `datetime.time(${t.H}, ${t.M}`;
      if (t.S !== 0 || t.us !== 0) r += `, ${t.S}`;
      if (t.us !== 0) r += `, ${t.us}`;
      if (t.tz.t !== "NoneType") r += `, tzinfo=${tzRepr(valueOf(t.tz) as Extract<Value, { k: "timezone" }>, t.tz === C.utc)}`;
      return `${r})`;
    })],
    ["strftime", fn("strftime", ([self, f]) => pyStrFresh(strftime(known(self) as Value, f)))],
    ["__format__", dateFormat],
    ...comparisons,
  ]);
  // The class attributes PyInit__datetime puts in each type's dict: min, max, resolution, one object each.
  const usec = tdObj({ days: 0, seconds: 0, us: 1 });
  const midnight: TimeV = { H: 0, M: 0, S: 0, us: 0, tz: None };
  const last: TimeV = { H: 23, M: 59, S: 59, us: 999999, tz: None };
  C.timedelta.attrs.set("min", tdObj({ days: -999999999, seconds: 0, us: 0 })).set("max", tdObj({ days: 999999999, seconds: 86399, us: 999999 })).set("resolution", usec);
  C.date.attrs.set("min", dateObj({ y: 1, m: 1, d: 1 })).set("max", dateObj({ y: 9999, m: 12, d: 31 })).set("resolution", tdObj({ days: 1, seconds: 0, us: 0 }));
  C.datetime.attrs.set("min", dtObj({ y: 1, m: 1, d: 1 }, midnight)).set("max", dtObj({ y: 9999, m: 12, d: 31 }, last)).set("resolution", tdObj({ days: 0, seconds: 0, us: 1 }));
  C.time.attrs.set("min", make(C.time, { k: "time", time: midnight })).set("max", make(C.time, { k: "time", time: last })).set("resolution", tdObj({ days: 0, seconds: 0, us: 1 }));
  // __reduce_ex__(4) of date, datetime, time: (cls, (state bytes[, tzinfo])); of timedelta: (cls, (days, seconds, us)).
  // _reconstruct calls the class back: a new object of the same value. Its tzinfo is the same object
  // after copy() and after deepcopy() of timezone.utc (timezone's reduction, (timezone, (timedelta(0),)),
  // comes back through new_timezone's utc singleton); another deep-copied tzinfo is not modelled.
  for (const cls of [C.date, C.datetime, C.time, C.timedelta]) {
    registerReduceCopier(cls, (x) => {
      const v = values.get(x) as Value;
      if ((v.k === "datetime" || v.k === "time") && v.time.tz.t !== "NoneType" && v.time.tz !== C.utc) throw new PymemError("UNSUPPORTED", `copying an aware ${cls.name} (its tzinfo's reduction)`);
      return make(cls, v);
    });
  }
  byLayout.set(layout, C);
  return C;
}

/** _isoweek1monday of Lib/datetime.py: the ordinal of the Monday starting ISO week 1 of `year`. */
function isoWeek1Monday(year: number): number {
  const firstday = ymd2ord(year, 1, 1);
  const firstweekday = (firstday + 6) % 7;
  return firstday - firstweekday + (firstweekday > 3 ? 7 : 0);
}

/** date.isocalendar() of Lib/datetime.py: ISO year, week (1-based) and weekday (Monday 1). */
function isoCalendar(d: DateV): { year: number; week: number; day: number } {
  let year = d.y;
  const today = ymd2ord(d.y, d.m, d.d);
  let monday = isoWeek1Monday(year);
  let week = Math.floor((today - monday) / 7);
  let day = (today - monday) - week * 7;
  if (week < 0) {
    year -= 1;
    monday = isoWeek1Monday(year);
    week = Math.floor((today - monday) / 7);
    day = (today - monday) - week * 7;
  } else if (week >= 52 && today >= isoWeek1Monday(year + 1)) {
    year += 1;
    week = 0;
  }
  return { year, week: week + 1, day: day + 1 };
}

/**
 * datetime.IsoCalendarDate: a static tuple subclass of _datetimemodule.c (tp_basicsize that of a
 * tuple, no __dict__), its items named year, week, weekday. One per evaluation.
 */
function isoCalendarDateClass(): PyClassObj {
  const state = ctx().moduleState;
  const tupleLayout = ctx().layout.tuple;
  const have = state.get("datetime IsoCalendarDate") as PyClassObj | undefined;
  if (have !== undefined) return have;
  const names = ["year", "week", "weekday"];
  const cls: PyClassObj = {
    t: "class", name: "IsoCalendarDate", bases: [], mro: [], attrs: new Map<string, PyObj>([["__module__", pyStr("datetime")],
      ["__repr__", fn("__repr__", ([self]) => {
        const items = self !== undefined && self.t === "tuple" ? materialize(self.items) : [];
        return pyStrFresh(`datetime.IsoCalendarDate(${names.map((n, i) => `${n}=${repr(items[i] as PyObj)}`).join(", ")})`);
      })]]),
    // tp_basicsize sizeof(PyDateTime_IsoCalendarDate): a whole PyTupleObject, its ob_item[1] included.
    slots: [], hasDict: false, hasWeakref: false, shape: { basicsize: tupleLayout.struct.size + tupleLayout.item.size, gc: true }, builtinBase: "tuple", cachedKeys: null, frozen: false,
    tupleFields: names, decorated: null, static: true,
  };
  (cls as { mro: readonly PyClassObj[] }).mro = c3(cls, []);
  state.set("datetime IsoCalendarDate", cls);
  return cls;
}

/** build_struct_time: the weekday and the day of the year from the date, then time.struct_time over the nine ints. */
function structTimeOf(d: DateV, H: number, M: number, S: number, dst: number): PyObj {
  const ord = ymd2ord(d.y, d.m, d.d);
  const yday = ord - ymd2ord(d.y, 1, 1) + 1;
  return newStructTime([d.y, d.m, d.d, H, M, S, (ord + 6) % 7, yday, dst]);
}

const DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/** strftime with the C locale's directives that do not depend on the platform's time zone. */
function strftime(v: Value, f: PyObj | undefined): string {
  if (f === undefined || f.t !== "str") throw typeError("strftime() argument 1 must be str");
  const d = v.k === "date" || v.k === "datetime" ? v.date : { y: 1900, m: 1, d: 1 };
  const t = v.k === "time" || v.k === "datetime" ? v.time : { H: 0, M: 0, S: 0, us: 0, tz: None as PyObj };
  const ord = ymd2ord(d.y, d.m, d.d);
  const wd = (ord + 6) % 7;
  const yday = ord - ymd2ord(d.y, 1, 1) + 1;
  // glibc's C locale: %c is "%a %b %e %H:%M:%S %Y", %x "%m/%d/%y", %X "%H:%M:%S"; %D %T %R %r %F %h are spelled-out
  // combinations too (the year unpadded, as %Y writes it).
  const COMBINED: Readonly<Record<string, string>> = { c: "%a %b %e %H:%M:%S %Y", x: "%m/%d/%y", X: "%H:%M:%S", D: "%m/%d/%y", T: "%H:%M:%S", R: "%H:%M", r: "%I:%M:%S %p", F: "%Y-%m-%d", h: "%b" };
  const expanded = strText(f).replace(/%([%cxXDTRrFh])/g, (all, c: string) => COMBINED[c] ?? all);
  // struct tm's tm_wday counts from Sunday, tm_yday from 0 (glibc's %U and %W weeks are built on them).
  const tmWday = (wd + 1) % 7;
  const tmYday = yday - 1;
  return expanded.replace(/%(.)/g, (all, c: string) => {
    switch (c) {
      case "e": return String(d.d).padStart(2, " ");
      case "Y": return String(d.y);
      case "C": return String(Math.floor(d.y / 100));
      case "G": return String(isoCalendar(d).year);
      case "g": return pad(isoCalendar(d).year % 100);
      case "V": return pad(isoCalendar(d).week);
      case "u": return String(wd + 1);
      case "U": return pad(Math.floor((tmYday - tmWday + 7) / 7));
      case "W": return pad(Math.floor((tmYday - ((tmWday - 1 + 7) % 7) + 7) / 7));
      case "k": return String(t.H).padStart(2, " ");
      case "l": return String(t.H % 12 === 0 ? 12 : t.H % 12).padStart(2, " ");
      case "P": return t.H < 12 ? "am" : "pm";
      case "n": return "\n";
      case "t": return "\t";
      case "Z": {
        // wrap_strftime: %Z is the tzinfo's tzname(), "" when naive.
        if (t.tz.t === "NoneType") return "";
        const tzv = valueOf(t.tz);
        if (tzv === undefined || tzv.k !== "timezone") throw new PymemError("UNSUPPORTED", "strftime %Z of a tzinfo other than datetime.timezone");
        if (tzv.name !== null) return tzv.name.t === "str" ? strText(tzv.name) : "";
        return tdMicros(tzv.offset) === 0n ? "UTC" : `UTC${offsetText(tzv.offset)}`;
      }
      case "m": return pad(d.m);
      case "d": return pad(d.d);
      case "H": return pad(t.H);
      case "M": return pad(t.M);
      case "S": return pad(t.S);
      case "f": return pad(t.us, 6);
      case "y": return pad(d.y % 100);
      case "j": return pad(yday, 3);
      case "I": return pad(t.H % 12 === 0 ? 12 : t.H % 12);
      case "p": return t.H < 12 ? "AM" : "PM";
      case "a": return (DAY_NAMES[wd] as string).slice(0, 3);
      case "A": return DAY_NAMES[wd] as string;
      case "b": return (MONTH_NAMES[d.m - 1] as string).slice(0, 3);
      case "B": return MONTH_NAMES[d.m - 1] as string;
      case "w": return String((wd + 1) % 7);
      case "z": {
        const off = t.tz.t === "NoneType" ? null : tzOffset(t.tz);
        if (off === null && t.tz.t !== "NoneType") throw new PymemError("UNSUPPORTED", "strftime %z of a tzinfo other than datetime.timezone");
        return off === null ? "" : offsetText(off, "");
      }
      case "%": return "%";
      default:
        throw new PymemError("UNSUPPORTED", `the strftime directive ${all}`);
    }
  });
}

/** The datetime module's attributes for a version. */
export function datetimeModuleAttrs(layout: Layout): [string, PyObj][] {
  const C = classesFor(layout);
  const names = new Set((layout.attributeNames()["module datetime"] ?? "").split(" "));
  const attrs: [string, PyObj][] = [
    ["date", C.date], ["datetime", C.datetime], ["time", C.time], ["timedelta", C.timedelta], ["timezone", C.timezone],
    ["MINYEAR", pyInt(1)], ["MAXYEAR", pyInt(9999)], ["UTC", C.utc],
  ];
  return attrs.filter(([n]) => names.has(n));
}
