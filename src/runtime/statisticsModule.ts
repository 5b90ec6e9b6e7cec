// The statistics module: mean, fmean, geometric_mean, harmonic_mean, median,
// median_low, median_high, mode, multimode, quantiles, variance, pvariance,
// stdev and pstdev, each as its version of Lib/statistics.py runs it, step
// by step on Python objects: _sum's exact partials and its Fractions,
// _coerce's result type, _convert (an int mean when it is whole, a float
// otherwise; a Fraction or Decimal mean for such data), 3.8/3.9's _ss from
// the rounded mean ((x - c) ** 2 through libm's pow), 3.10's exact one,
// 3.11's single pass and _float_sqrt_of_frac for stdev, 3.13's
// geometric_mean with zeros and quantiles of one point. The arithmetic is
// pymem's own (ints, floats, Fractions, Decimals), the float functions
// glibc's (log, exp, pow) and math.fsum, so a float result is CPython's to
// the last bit; a median or mode is the very object of the data. What a
// version computes in a way pymem does not model (3.12's math.sumprod for a
// weighted fmean of floats, Decimal square roots from 3.11) is refused.
import { callObject } from "./calls.js";
import { compareObj, pyEq, richCompare, truthy } from "./compare.js";
import { ctx } from "./ctx.js";
import { counterCall } from "./dictFlavors.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { exceptionClasses } from "./exceptions.js";
import { decimalRatio, floatRatioObjects, fractionClassOf, fractionParts, isFraction } from "./fractionsModule.js";
import { getIter, objectLen } from "./iteration.js";
import { listAppend, listArray, listFrom, newEmptyList } from "./lists.js";
import { sortInPlace, sortRun } from "./methods.js";
import { big, intValue } from "./numbers.js";
import {
  None, nativeFunction, pyFloat, pyInt, pyStr, typeName, type Kwargs, type PyClassObj, type PyIterObj, type PyDecimalObj, type PyModuleObj, type PyObj,
} from "./objects.js";
import { binaryOp } from "./ops.js";
import { bindDef, pyDef } from "./pyParams.js";
import { reprObject } from "./format.js";
import { sequenceList } from "./lists.js";
import { strText } from "./text.js";
import { getAttr } from "./attributes.js";
import { userFloat, userInt } from "./userConversions.js";
import { isUserObj } from "./userDunders.js";
import { floatArg, fsum, isqrt, sumprod } from "./mathModule.js";
import { decimalFromObject, makeDecimal } from "./decimals.js";
import { getItem } from "./subscript.js";
import type { Layout, StatisticsRules } from "../layouts/layout.js";

/** Lib/statistics.py's behaviours in the version being modelled. */
function rules(): StatisticsRules {
  return ctx().layout.rules.statistics;
}

// ---------------------------------------------------------------------------
// Errors.

const errorClasses = new WeakMap<Layout, PyClassObj>();

/** statistics.StatisticsError: a Python class over ValueError (a leaf of the deep walk, like json's JSONDecodeError). */
function statisticsErrorClass(layout: Layout): PyClassObj {
  let cls = errorClasses.get(layout);
  if (cls === undefined) {
    const ValueError = exceptionClasses(layout).get("ValueError") as PyClassObj;
    cls = {
      t: "class", name: "StatisticsError", bases: [ValueError], mro: [], attrs: new Map<string, PyObj>([["__module__", pyStr("statistics")]]), slots: [],
      hasDict: true, hasWeakref: true, shape: layout.heapType.shape(ValueError.shape, 0, false, true, false), builtinBase: "BaseException",
      cachedKeys: null, frozen: false, tupleFields: null, decorated: null, stdlib: true,
      // type_new caches keys for its instances' dicts while exceptions keep theirs apart (before 3.11); none is ever grown.
      ...(layout.heapType.managedMembers.dict ? {} : { freshKeys: true }),
    };
    (cls as { mro: readonly PyClassObj[] }).mro = [cls, ...ValueError.mro];
    errorClasses.set(layout, cls);
  }
  return cls;
}

function statsError(message: string, ...more: PyObj[]): PyException {
  const inst = callObject(statisticsErrorClass(ctx().layout), [pyStr(message), ...more]);
  const text = more.length === 0 ? message : `(${[pyStr(message), ...more].map((o) => strText(reprObject(o))).join(", ")})`;
  const e = new PyException("StatisticsError", text);
  e.obj = inst;
  return e;
}

function refuse(what: string): PymemError {
  return new PymemError("UNSUPPORTED", what);
}

// ---------------------------------------------------------------------------
// Types: what _coerce and _convert see of type(x).

/** type(x) as _coerce compares types: the builtin's name, or a setup class. */
type TypeTok = string;

function typeTok(o: PyObj): TypeTok {
  if (isFraction(o)) return "Fraction";
  if (isUserObj(o)) throw refuse(`statistics over a '${typeName(o)}' (an instance of a class of the setup)`);
  return typeName(o);
}

function isSubInt(t: TypeTok): boolean {
  return t === "int" || t === "bool";
}

/** _coerce(T, S). */
function coerce(T: TypeTok, S: TypeTok): TypeTok {
  if (T === S) return T;
  if (S === "int" || S === "bool") return T;
  if (T === "int") return S;
  if (S === "bool" && isSubInt(T)) return T;
  if (isSubInt(T)) return S;
  if (isSubInt(S)) return T;
  if (T === "Fraction" && S === "float") return S;
  if (T === "float" && S === "Fraction") return T;
  throw typeError(`don't know how to coerce ${T} and ${S}`);
}

// ---------------------------------------------------------------------------
// Exact ratios and _sum.

/** _exact_ratio(x): (numerator, denominator) int objects, or (x, None) for an infinity or NaN. */
function exactRatio(x: PyObj): [PyObj, PyObj | null] {
  switch (x.t) {
    case "int":
      return [x, pyInt(1)];
    case "bool":
      return [pyInt(x.v ? 1 : 0), pyInt(1)];
    case "float":
      if (!Number.isFinite(x.v)) return [x, null];
      return floatRatioObjects(x.v);
    case "Decimal":
      // pymem's Decimal arithmetic does not carry infinities: a sum over one is refused.
      if (x.special === "sNaN" || x.special === "Infinity") throw refuse(`statistics over a Decimal ${x.special === "sNaN" ? "signaling NaN" : "infinity"}`);
      if (x.special !== null) return [x, null];
      return ratioObjects(decimalRatio(x));
    default:
      if (isFraction(x)) return fractionParts(x);
      if (isUserObj(x)) throw refuse(`statistics over a '${typeName(x)}' (an instance of a class of the setup)`);
      throw typeError(`can't convert type '${typeName(x)}' to numerator/denominator`);
  }
}

function ratioObjects([n, d]: [bigint, bigint]): [PyObj, PyObj] {
  return [pyInt(n), pyInt(d)];
}

/** A Python dict keyed by int denominators (or None), as _sum's partials: insertion order kept. */
class Partials {
  readonly map = new Map<string, { d: PyObj | null; n: PyObj }>();

  private key(d: PyObj | null): string {
    return d === null ? "None" : String(intValue(d));
  }

  /** partials[d] = partials.get(d, 0) + n (or += through a defaultdict(int)). */
  add(d: PyObj | null, n: PyObj): void {
    const k = this.key(d);
    const e = this.map.get(k);
    if (e === undefined) this.map.set(k, { d, n: binaryOp("Add", pyInt(0), n) });
    else e.n = binaryOp("Add", e.n, n);
  }

  get(d: PyObj | null): PyObj | undefined {
    return this.map.get(this.key(d))?.n;
  }

  hasNone(): boolean {
    return this.map.has("None");
  }

  entries(sorted: boolean): { d: PyObj | null; n: PyObj }[] {
    const out = [...this.map.values()];
    if (sorted) out.sort((a, b) => (big(intValue(a.d as PyObj) as number) < big(intValue(b.d as PyObj) as number) ? -1 : 1));
    return out;
  }
}

function fractionClass(): PyClassObj {
  return fractionClassOf(ctx().layout);
}

/** Fraction(n, d). */
function fraction(n: PyObj, d: PyObj): PyObj {
  return callObject(fractionClass(), [n, d]);
}

/** sum(Fraction(n, d) for d, n in items): 0 + each in turn. */
function sumFractions(items: readonly { d: PyObj | null; n: PyObj }[], denominator: (d: PyObj) => PyObj = (d) => d): PyObj {
  let total: PyObj = pyInt(0);
  for (const { d, n } of items) total = binaryOp("Add", total, fraction(n, denominator(d as PyObj)));
  return total;
}

/** Groups of equal type(x), as itertools.groupby(data, type) meets them, for _sum's type collection. */
function forEachItem(data: PyObj, f: (x: PyObj, t: TypeTok) => void): void {
  const it = getIter(data);
  for (let x = it.next(); x !== undefined; x = it.next()) {
    ctx().tick();
    f(x, typeTok(x));
  }
}

interface SumResult {
  readonly T: TypeTok;
  readonly total: PyObj;
  readonly count: number;
}

/** _sum(data): (type, exact total, count). */
function sum(data: PyObj): SumResult {
  const since = rules();
  const partials = new Partials();
  let T: TypeTok = "int";
  const types: TypeTok[] = [];
  let count = 0;
  if (!since.exactSs) partials.add(pyInt(1), pyInt(0)); // start=0: {1: 0}
  let last: TypeTok | null = null;
  forEachItem(data, (x, t) => {
    if (t !== last) {
      // A new group of groupby(data, type): 3.8-3.10 coerce as they go, 3.11+ collect the types.
      if (!since.onePass) T = coerce(T, t);
      else if (!types.includes(t)) types.push(t);
      last = t;
    }
    const [n, d] = exactRatio(x);
    count++;
    partials.add(d, n);
  });
  let total: PyObj;
  if (partials.hasNone()) total = partials.get(null) as PyObj;
  else total = sumFractions(partials.entries(!since.exactSs));
  if (since.onePass) T = types.reduce(coerce, "int");
  return { T, total, count };
}

/** _convert(value, T). */
function convert(value: PyObj, T: TypeTok): PyObj {
  if (typeTok(value) === T) return value;
  let t = T;
  if (isSubInt(t) && big(intValue(getAttr(value, "denominator")) as number) !== 1n) t = "float";
  switch (t) {
    case "int":
    case "bool":
      return userInt(value) ?? value;
    case "float":
      if (isFraction(value)) return userFloat(value) as PyObj;
      return pyFloat(floatArg(value));
    case "Fraction":
      return callObject(fractionClass(), [value]);
    case "Decimal": {
      // Decimal(value) is a TypeError for a Fraction: T(value.numerator) / T(value.denominator).
      if (!isFraction(value)) return decimalOf(value);
      const [n, d] = fractionParts(value);
      return binaryOp("Div", decimalOf(n), decimalOf(d));
    }
    default:
      throw refuse(`statistics results of type '${t}'`);
  }
}

/** Decimal(o) of an int. */
function decimalOf(o: PyObj): PyObj {
  return decimalFromObject(o);
}

// ---------------------------------------------------------------------------
// Python helpers.

/** `if iter(data) is data: data = list(data)`. */
function listIfIterator(data: PyObj): PyObj {
  const it = getIter(data);
  return it === data ? listFrom(data) : data;
}

/** len(data). */
function pyLen(data: PyObj): number {
  const n = objectLen(data);
  if (n === null) throw typeError(`object of type '${typeName(data)}' has no len()`);
  return n;
}

/** sorted(data). */
function sorted(data: PyObj): PyObj[] {
  const l = sequenceList(data);
  if (!sortRun(l, None, false)) sortInPlace(listArray(l), None, false);
  return listArray(l);
}

function lt(a: PyObj, b: PyObj): boolean {
  return richCompare("Lt", a, b);
}

const add = (a: PyObj, b: PyObj): PyObj => binaryOp("Add", a, b);
const sub = (a: PyObj, b: PyObj): PyObj => binaryOp("Sub", a, b);
const mul = (a: PyObj, b: PyObj): PyObj => binaryOp("Mult", a, b);
const div = (a: PyObj, b: PyObj): PyObj => binaryOp("Div", a, b);

/** PyFloat_AsDouble, as the math module takes its arguments (ints, floats, __float__, Decimals). */
function asDouble(x: PyObj): number {
  return floatArg(x);
}

const mathModules = new WeakMap<Layout, PyModuleObj>();

/** A function of the version's math module (what `from math import log, exp, sqrt` binds). */
function mathFn(name: string): PyObj {
  const math = mathModules.get(ctx().layout);
  if (math === undefined) throw refuse("statistics without the math module");
  return getAttr(math, name);
}

/** math.fsum over the items of an iterable, each through PyFloat_AsDouble. */
function fsumOf(items: Iterable<PyObj>): number {
  const values: number[] = [];
  for (const x of items) {
    ctx().tick();
    values.push(asDouble(x));
  }
  return fsum(values);
}

function* iterate(data: PyObj): Generator<PyObj> {
  const it = getIter(data);
  for (let x = it.next(); x !== undefined; x = it.next()) yield x;
}

/** _fail_neg(values, errmsg): each value checked `x < 0` as it is taken. */
function* failNeg(values: Iterable<PyObj>, errmsg: string): Generator<PyObj> {
  for (const x of values) {
    if (lt(x, pyInt(0))) throw statsError(errmsg);
    yield x;
  }
}

/** An iterable of PyObj as a Python iterator object (what _sum iterates), with no length hint. */
function pyIter(typeName: string, items: Iterator<PyObj>): PyIterObj {
  return {
    t: "iterator",
    typeName,
    next: () => {
      const r = items.next();
      return r.done === true ? undefined : r.value;
    },
    lengthHint: () => null,
  };
}

// ---------------------------------------------------------------------------
// The functions.

function mean(data: PyObj): PyObj {
  if (!rules().onePass) {
    data = listIfIterator(data);
    const n = pyLen(data);
    if (n < 1) throw statsError("mean requires at least one data point");
    const { T, total } = sum(data);
    return convert(div(total, pyInt(n)), T);
  }
  const { T, total, count } = sum(data);
  if (count < 1) throw statsError("mean requires at least one data point");
  return convert(div(total, pyInt(count)), T);
}

function fmean(data: PyObj, weights: PyObj): PyObj {
  const since = rules();
  if (weights.t !== "NoneType") {
    if (!since.onePass) throw typeError("fmean() takes 1 positional argument but 2 were given");
    return weightedFmean(data, weights);
  }
  let n = objectLen(data);
  let counted = 0;
  const items = n === null ? (function* () {
    for (const x of iterate(data)) {
      counted++;
      yield x;
    }
  })() : iterate(data);
  const total = fsumOf(items);
  if (n === null) n = counted;
  if (n === 0) throw statsError("fmean requires at least one data point");
  return div(pyFloat(total), pyInt(n));
}

function weightedFmean(data: PyObj, weights: PyObj): PyObj {
  const since = rules();
  if (since.sumprod) {
    const ws = weights.t === "list" || weights.t === "tuple" ? weights : listFrom(weights);
    let num: PyObj;
    try {
      num = sumprod(data, ws);
    } catch (e) {
      if (e instanceof PyException && (e.pyType === "ValueError" || e.pyType === "StatisticsError")) throw statsError("data and weights must be the same length");
      throw e;
    }
    const den = fsumOf(iterate(ws));
    if (den === 0) throw statsError("sum of weights must be non-zero");
    return div(num, pyFloat(den));
  }
  // 3.11: fsum(map(mul, data, weights)), the lengths compared after.
  let n = objectLen(data);
  let counted = 0;
  const it = getIter(data);
  let w = weights;
  let numWeights = objectLen(weights);
  if (numWeights === null) {
    w = listFrom(weights);
    numWeights = pyLen(w);
  }
  const wit = getIter(w);
  const products: PyObj[] = [];
  for (;;) {
    const x = it.next();
    if (x === undefined) break;
    counted++;
    const y = wit.next();
    if (y === undefined) break;
    products.push(mul(x, y));
  }
  if (n === null) n = counted;
  const num = fsumOf(products);
  if (n !== numWeights) throw statsError("data and weights must be the same length");
  const den = fsumOf(iterate(w));
  if (den === 0) throw statsError("sum of weights must be non-zero");
  return div(pyFloat(num), pyFloat(den));
}

/** math.log(x) for geometric_mean: loghelper (ints of any size) or m_log of PyFloat_AsDouble. */
function mathLog(x: PyObj): PyObj {
  return callObject(mathFn("log"), [x]);
}

function geometricMean(data: PyObj, mathNan: PyObj, zero: PyObj): PyObj {
  const since = rules();
  if (!since.zeros) {
    const message = !since.geometricMessage
      ? "geometric mean requires a non-empty dataset  containing positive numbers"
      : "geometric mean requires a non-empty dataset containing positive numbers";
    try {
      // exp(fmean(map(log, data))): the map has no len(), so fmean counts as it sums.
      let n = 0;
      const logs = (function* () {
        for (const x of iterate(data)) {
          n++;
          yield mathLog(x);
        }
      })();
      const total = fsumOf(logs);
      if (n === 0) throw statsError("fmean requires at least one data point");
      const mean = div(pyFloat(total), pyInt(n)) as PyObj & { t: "float" };
      return callObject(mathFn("exp"), [mean]);
    } catch (e) {
      if (e instanceof PyException && (e.pyType === "ValueError" || e.pyType === "StatisticsError")) throw statsError(message);
      throw e;
    }
  }
  let n = 0;
  let foundZero = false;
  const positives = (function* () {
    for (const x of iterate(data)) {
      n++;
      if (richCompare("Gt", x, pyFloat(0)) || Number.isNaN(asDouble(x))) yield x;
      else if (pyEq(x, pyFloat(0))) foundZero = true;
      else throw statsError("No negative inputs allowed", x);
    }
  })();
  const logs = (function* () {
    for (const x of positives) yield mathLog(x);
  })();
  const total = fsumOf(logs);
  if (n === 0) throw statsError("Must have a non-empty dataset");
  if (Number.isNaN(total)) return mathNan;
  if (foundZero) return total === Infinity ? mathNan : zero;
  return callObject(mathFn("exp"), [pyFloat(total / n)]);
}

function harmonicMean(data: PyObj, weights: PyObj): PyObj {
  const since = rules();
  data = listIfIterator(data);
  const errmsg = "harmonic mean does not support negative values";
  const n = pyLen(data);
  if (n < 1) throw statsError("harmonic_mean requires at least one data point");
  if (n === 1 && weights.t === "NoneType") {
    const x = getItem(data, pyInt(0));
    if (x.t === "int" || x.t === "bool" || x.t === "float" || x.t === "Decimal" || isFraction(x)) {
      if (lt(x, pyInt(0))) throw statsError(errmsg);
      return x;
    }
    throw typeError("unsupported type");
  }
  if (!since.exactSs) {
    let r: SumResult;
    try {
      r = sum(pyIter("generator", (function* () {
        for (const x of failNeg(iterate(data), errmsg)) yield div(pyInt(1), x);
      })()));
    } catch (e) {
      if (e instanceof PyException && e.pyType === "ZeroDivisionError") return pyInt(0);
      throw e;
    }
    return convert(div(pyInt(n), r.total), r.T);
  }
  let ws: Iterable<PyObj>;
  let sumWeights: PyObj;
  if (weights.t === "NoneType") {
    ws = (function* () {
      for (let i = 0; i < n; i++) yield pyInt(1);
    })();
    sumWeights = pyInt(n);
  } else {
    const wl = listIfIterator(weights);
    if (pyLen(wl) !== n) throw statsError("Number of weights does not match data size");
    sumWeights = sum(pyIter("generator", failNeg(iterate(wl), errmsg))).total;
    ws = iterate(wl);
  }
  let r: SumResult;
  try {
    const xs = failNeg(iterate(data), errmsg);
    r = sum(pyIter("generator", (function* () {
      const wi = ws[Symbol.iterator]();
      for (;;) {
        const w = wi.next();
        if (w.done === true) return;
        const x = xs.next();
        if (x.done === true) return;
        yield truthy(w.value) ? div(w.value, x.value) : pyInt(0);
      }
    })()));
  } catch (e) {
    if (e instanceof PyException && e.pyType === "ZeroDivisionError") return pyInt(0);
    throw e;
  }
  if (truthy(compareObj("LtE", r.total, pyInt(0)))) throw statsError("Weighted sum must be positive");
  return convert(div(sumWeights, r.total), r.T);
}

function medianOf(data: PyObj, pick: "median" | "low" | "high"): PyObj {
  const items = sorted(data);
  const n = items.length;
  if (n === 0) throw statsError("no median for empty data");
  const half = Math.floor(n / 2);
  if (pick === "high" || n % 2 === 1) return items[half] as PyObj;
  if (pick === "low") return items[half - 1] as PyObj;
  return div(add(items[half - 1] as PyObj, items[half] as PyObj), pyInt(2));
}

/** Counter(iter(data)): the counts keyed by each value's first object, in insertion order. */
function counts(data: PyObj): [PyObj, number][] {
  const c = counterCall([getIter(data)], { values: new Map(), keys: new Map() }) as PyObj & { t: "dict" };
  return [...c.table.map.values()].map((e) => [e.key, Number(intValue(e.value))]);
}

function mode(data: PyObj): PyObj {
  const pairs = counts(data);
  if (pairs.length === 0) throw statsError("no mode for empty data");
  let best = pairs[0] as [PyObj, number];
  for (const p of pairs) if (p[1] > best[1]) best = p;
  return best[0];
}

function multimode(data: PyObj): PyObj {
  const pairs = counts(data);
  const max = pairs.reduce((a, p) => Math.max(a, p[1]), 0);
  const modes = pairs.filter((p) => p[1] === max).map((p) => p[0]);
  if (rules().onePass) {
    // [value for value, count in counts.items() if count == maxcount]
    const out = newEmptyList();
    for (const v of modes) listAppend(out, v);
    return out;
  }
  // list(map(itemgetter(0), mode_items)): a list grown from an iterator without a length hint.
  let i = 0;
  return listFrom(pyIter("map", { next: () => (i < modes.length ? { done: false, value: modes[i++] as PyObj } : { done: true, value: undefined }) } as Iterator<PyObj>));
}

function quantiles(data: PyObj, nObj: PyObj, method: PyObj): PyObj {
  const since = rules();
  if (lt(nObj, pyInt(1))) throw statsError("n must be at least 1");
  const items = sorted(data);
  const ld = items.length;
  const nv = intValue(nObj);
  if (ld < 2) {
    if (since.zeros && ld === 1) {
      const l = newEmptyList();
      for (const x of items) listAppend(l, x);
      return binaryOp("Mult", l, sub(nObj, pyInt(1)));
    }
    throw statsError(since.zeros ? "must have at least one data point" : "must have at least two data points");
  }
  const methodName = method.t === "str" ? strText(method) : null;
  if (methodName !== "inclusive" && methodName !== "exclusive") throw new PyException("ValueError", `Unknown method: ${strText(reprObject(method))}`);
  if (nv === null) throw typeError(`'${typeName(nObj)}' object cannot be interpreted as an integer`);
  const n = big(nv);
  if (n > 100_000n) throw new PymemError("LIMIT", "quantiles() with this many cut points");
  const result = newEmptyList();
  const N = Number(n);
  for (let i = 1; i < N; i++) {
    ctx().tick();
    let interpolated: PyObj;
    if (methodName === "inclusive") {
      const mm = ld - 1;
      const j = Math.floor((i * mm) / N);
      const delta = i * mm - j * N;
      interpolated = div(add(mul(items[j] as PyObj, pyInt(N - delta)), mul(items[j + 1] as PyObj, pyInt(delta))), nObj);
    } else {
      const mm = ld + 1;
      let j = Math.floor((i * mm) / N);
      j = j < 1 ? 1 : j > ld - 1 ? ld - 1 : j;
      const delta = i * mm - j * N;
      interpolated = div(add(mul(items[j - 1] as PyObj, pyInt(N - delta)), mul(items[j] as PyObj, pyInt(delta))), nObj);
    }
    listAppend(result, interpolated);
  }
  return result;
}

// --- variance and standard deviation -----------------------------------------

interface SsResult {
  readonly T: TypeTok;
  readonly ss: PyObj;
  readonly n: number;
}

/** 3.8/3.9 _ss(data, c): the squared deviations from the (rounded) mean, summed exactly, less the square of the deviations' sum over n. */
function ssFromMean(data: PyObj, c: PyObj | null): { T: TypeTok; total: PyObj } {
  const squares = (cc: PyObj): PyObj => pyIter("generator", (function* () {
    for (const x of iterate(data)) yield binaryOp("Pow", sub(x, cc), pyInt(2));
  })());
  if (c !== null) {
    const r = sum(squares(c));
    return { T: r.T, total: r.total };
  }
  const cc = mean(data);
  const r = sum(squares(cc));
  const u = sum(pyIter("generator", (function* () {
    for (const x of iterate(data)) yield sub(x, cc);
  })()));
  let total = sub(r.total, div(binaryOp("Pow", u.total, pyInt(2)), pyInt(pyLen(data))));
  if (richCompare("Lt", total, pyInt(0))) throw new PyException("AssertionError", `negative sum of square deviations: ${asDouble(total).toFixed(6)}`);
  return { T: r.T, total };
}

/** x.as_integer_ratio() of a Fraction, float or Decimal (an infinity or NaN raises). */
function asIntegerRatio(x: PyObj): [PyObj, PyObj] {
  if (isFraction(x)) return fractionParts(x);
  if (x.t === "float") return floatRatioObjects(x.v);
  if (x.t === "Decimal") return ratioObjects(decimalRatio(x));
  throw refuse(`as_integer_ratio of a '${typeName(x)}'`);
}

/** 3.10 _ss(data, c): deviations from the exact mean, exactly. */
function ssExact(data: PyObj, c: PyObj | null): { T: TypeTok; total: PyObj } {
  if (c !== null) return ssFromMean(data, c);
  const { T, total, count } = sum(data);
  const [meanN, meanD] = asIntegerRatio(div(total, pyInt(count)));
  const partials = new Partials();
  for (const x of iterate(data)) {
    ctx().tick();
    const [n, d] = exactRatio(x);
    if (d === null) throw typeError(`unsupported operand type(s) for *: 'NoneType' and 'int'`);
    const diffN = sub(mul(n, meanD), mul(d, meanN));
    const diffD = mul(d, meanD);
    partials.add(mul(diffD, diffD), mul(diffN, diffN));
  }
  return { T, total: sumFractions(partials.entries(false)) };
}

/** 3.11+ _ss(data, c): one pass over the data (its types in a set), or the squared deviations from c. */
function ssOnePass(data: PyObj, c: PyObj | null): SsResult {
  if (c !== null) {
    const r = sum(pyIter("generator", (function* () {
      for (const x of iterate(data)) {
        const d = sub(x, c);
        yield mul(d, d);
      }
    })()));
    return { T: r.T, ss: r.total, n: r.count };
  }
  let count = 0;
  const types: TypeTok[] = [];
  let last: TypeTok | null = null;
  const sx = new Partials();
  const sxx = new Partials();
  forEachItem(data, (x, t) => {
    if (t !== last) {
      if (!types.includes(t)) types.push(t);
      last = t;
    }
    const [n, d] = exactRatio(x);
    count++;
    sx.add(d, n);
    sxx.add(d, mul(n, n));
  });
  let ssd: PyObj;
  if (count === 0) ssd = fraction(pyInt(0), pyInt(1));
  else if (sx.hasNone()) ssd = sx.get(null) as PyObj;
  else {
    const sxTotal = sumFractions(sx.entries(false));
    const sxxTotal = sumFractions(sxx.entries(false), (d) => mul(d, d));
    ssd = div(sub(mul(pyInt(count), sxxTotal), mul(sxTotal, sxTotal)), pyInt(count));
  }
  return { T: types.reduce(coerce, "int"), ss: ssd, n: count };
}

function optional(x: PyObj): PyObj | null {
  return x.t === "NoneType" ? null : x;
}

function variance(data: PyObj, xbar: PyObj, population: boolean): PyObj {
  const since = rules();
  const least = population ? 1 : 2;
  const message = population ? "pvariance requires at least one data point" : "variance requires at least two data points";
  if (!since.onePass) {
    data = listIfIterator(data);
    const n = pyLen(data);
    if (n < least) throw statsError(message);
    const { T, total } = !since.exactSs ? ssFromMean(data, optional(xbar)) : ssExact(data, optional(xbar));
    return convert(div(total, pyInt(population ? n : n - 1)), T);
  }
  const { T, ss, n } = ssOnePass(data, optional(xbar));
  if (n < least) throw statsError(message);
  return convert(div(ss, pyInt(population ? n : n - 1)), T);
}

/** _float_sqrt_of_frac(n, m): the square root of n/m correctly rounded (round-to-odd integer square root, then one division). */
function floatSqrtOfFrac(n: bigint, m: bigint): PyObj {
  const rto = (a: bigint, b: bigint): bigint => {
    if (b === 0n) throw new PyException("ZeroDivisionError", "integer division or modulo by zero");
    let q = a / b;
    if (a % b !== 0n && (a < 0n) !== (b < 0n)) q -= 1n;
    if (q < 0n) throw new PyException("ValueError", "isqrt() argument must be nonnegative");
    const r = isqrt(q);
    return r * r * b !== a ? r | 1n : r;
  };
  const bits = (v: bigint): number => (v === 0n ? 0 : (v < 0n ? -v : v).toString(2).length);
  const q = Math.floor((bits(n) - bits(m) - 109) / 2);
  let numerator: bigint;
  let denominator: bigint;
  if (q >= 0) {
    numerator = rto(n, m << BigInt(2 * q)) << BigInt(q);
    denominator = 1n;
  } else {
    numerator = rto(n << BigInt(-2 * q), m);
    denominator = 1n << BigInt(-q);
  }
  return div(pyInt(numerator), pyInt(denominator));
}

const decimalZeros = new WeakMap<Layout, PyObj>();

/**
 * _decimal_sqrt_of_frac(n, m): (Decimal(n) / Decimal(m)).sqrt() in the context,
 * moved to next_plus() or next_minus() when that is nearer the exact root.
 */
function decimalSqrtOfFrac(n: bigint, m: bigint): PyObj {
  if (n <= 0n) {
    if (n === 0n) {
      // Decimal('0.0'): a constant of the function's code, the same object every call.
      const layout = ctx().layout;
      let z = decimalZeros.get(layout);
      if (z === undefined) decimalZeros.set(layout, (z = makeDecimal(0, 0n, -1)));
      return z;
    }
    [n, m] = [-n, -m];
  }
  const root = callObject(getAttr(div(decimalFromObject(pyInt(n)), decimalFromObject(pyInt(m))), "sqrt"), []) as PyDecimalObj;
  if (root.special !== null || root.sign === 1) throw refuse("the square root of a Decimal NaN or infinity");
  const [nr, dr] = decimalRatio(root);
  const plus = decimalNext(root, 1);
  const [np, dp] = decimalRatio(plus);
  if (4n * n * (dr * dp) ** 2n > m * (dr * np + dp * nr) ** 2n) return plus;
  const minus = decimalNext(root, -1);
  const [nm, dm] = decimalRatio(minus);
  if (4n * n * (dr * dm) ** 2n < m * (dr * nm + dm * nr) ** 2n) return minus;
  return root;
}

/** Decimal.next_plus() (dir 1) / next_minus() (dir -1) of a positive finite Decimal: the neighbour at the context precision. */
function decimalNext(d: PyDecimalObj, dir: 1 | -1): PyDecimalObj {
  const prec = ctx().decimalPrec;
  if (d.coeff === 0n) throw refuse("next_plus/next_minus of a zero Decimal");
  const digits = d.coeff.toString().length;
  const adj = d.exp + digits - 1;
  const powerOfTen = /^10*$/.test(d.coeff.toString());
  // The result has prec digits; just below a power of ten its adjusted exponent is one less.
  const E = (dir === -1 && powerOfTen ? adj - 1 : adj) - prec + 1;
  const scaled = E <= d.exp ? d.coeff * 10n ** BigInt(d.exp - E) : null;
  if (scaled === null) throw refuse("next_plus/next_minus of a Decimal with more digits than the context precision");
  let c = scaled + BigInt(dir);
  let e = E;
  if (c.toString().length > prec) {
    c /= 10n;
    e += 1;
  }
  return makeDecimal(0, c, e);
}

function stdev(data: PyObj, xbar: PyObj, population: boolean): PyObj {
  const since = rules();
  if (!since.onePass) {
    const v = variance(data, xbar, population);
    // var.sqrt() of a Decimal, else math.sqrt(var).
    if (v.t === "Decimal") return callObject(getAttr(v, "sqrt"), []);
    return callObject(mathFn("sqrt"), [v]);
  }
  const { T, ss, n } = ssOnePass(data, optional(xbar));
  if (n < (population ? 1 : 2)) throw statsError(population ? "pstdev requires at least one data point" : "stdev requires at least two data points");
  const mss = div(ss, pyInt(population ? n : n - 1));
  const num = getAttr(mss, "numerator");
  const den = getAttr(mss, "denominator");
  if (T === "Decimal") return decimalSqrtOfFrac(big(intValue(num) as number), big(intValue(den) as number));
  return floatSqrtOfFrac(big(intValue(num) as number), big(intValue(den) as number));
}

// ---------------------------------------------------------------------------
// The module.

/** A function of Lib/statistics.py: its parameters bound as a def binds them. */
function pyFunction(name: string, positional: readonly string[], defaults: readonly PyObj[], kwonly: readonly [string, PyObj][], body: (v: PyObj[]) => PyObj): PyObj {
  const def = pyDef(name, positional, defaults, { kwonly: kwonly.map(([k]) => k), kwDefaults: kwonly.map(([, v]) => v) });
  return nativeFunction(name, (args, kw: Kwargs) => body(bindDef(def, args, kw)));
}

/** The statistics module's functions for a version (mathNan: the math module's nan, which 3.13's geometric_mean returns). */
export function statisticsModuleAttrs(layout: Layout, math: PyModuleObj): [string, PyObj][] {
  const since = layout.rules.statistics;
  mathModules.set(layout, math);
  const mathNan = math.attrs.get("nan") ?? pyFloat(NaN);
  const zero = pyFloat(0); // the 0.0 constant of geometric_mean's code
  const withWeights = since.onePass;
  const attrs: [string, PyObj][] = [
    ["StatisticsError", statisticsErrorClass(layout)],
    ["mean", pyFunction("mean", ["data"], [], [], ([d]) => mean(d as PyObj))],
    ["fmean", withWeights
      ? pyFunction("fmean", ["data", "weights"], [None], [], ([d, w]) => fmean(d as PyObj, w as PyObj))
      : pyFunction("fmean", ["data"], [], [], ([d]) => fmean(d as PyObj, None))],
    ["geometric_mean", pyFunction("geometric_mean", ["data"], [], [], ([d]) => geometricMean(d as PyObj, mathNan, zero))],
    ["harmonic_mean", since.exactSs
      ? pyFunction("harmonic_mean", ["data", "weights"], [None], [], ([d, w]) => harmonicMean(d as PyObj, w as PyObj))
      : pyFunction("harmonic_mean", ["data"], [], [], ([d]) => harmonicMean(d as PyObj, None))],
    ["median", pyFunction("median", ["data"], [], [], ([d]) => medianOf(d as PyObj, "median"))],
    ["median_low", pyFunction("median_low", ["data"], [], [], ([d]) => medianOf(d as PyObj, "low"))],
    ["median_high", pyFunction("median_high", ["data"], [], [], ([d]) => medianOf(d as PyObj, "high"))],
    ["mode", pyFunction("mode", ["data"], [], [], ([d]) => mode(d as PyObj))],
    ["multimode", pyFunction("multimode", ["data"], [], [], ([d]) => multimode(d as PyObj))],
    ["quantiles", pyFunction("quantiles", ["data"], [], [["n", pyInt(4)], ["method", pyStr("exclusive")]], ([d, n, meth]) => quantiles(d as PyObj, n as PyObj, meth as PyObj))],
    ["variance", pyFunction("variance", ["data", "xbar"], [None], [], ([d, x]) => variance(d as PyObj, x as PyObj, false))],
    ["pvariance", pyFunction("pvariance", ["data", "mu"], [None], [], ([d, x]) => variance(d as PyObj, x as PyObj, true))],
    ["stdev", pyFunction("stdev", ["data", "xbar"], [None], [], ([d, x]) => stdev(d as PyObj, x as PyObj, false))],
    ["pstdev", pyFunction("pstdev", ["data", "mu"], [None], [], ([d, x]) => stdev(d as PyObj, x as PyObj, true))],
  ];
  const names = new Set((layout.attributeNames()["module statistics"] ?? "").split(" "));
  return attrs.filter(([n]) => names.has(n));
}
