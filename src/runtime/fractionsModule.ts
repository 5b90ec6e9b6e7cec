// The fractions module: Fraction as Lib/fractions.py defines it in each
// version — a Python class (an ABCMeta class over numbers.Rational) with
// __slots__ = ('_numerator', '_denominator'), so an instance is a 2-slot
// object whose slots hold int objects, a leaf of the deep walk (the class is
// not the setup's). Its methods run the version's own steps on int objects
// through pymem's int arithmetic (binaryOp), so which int object a Fraction
// keeps is the one CPython keeps: Fraction(x) stores x itself, Fraction(x, 1)
// the quotient x // 1 (a new int), +f shares both, -f the denominator.
// The arithmetic follows each version's _add/_sub/_mul/_div (3.10's gcd
// shortcuts, 3.12's _from_coprime_ints), the _operator_fallbacks dispatch
// (ints, Fractions, floats, complex; 3.12 converts an int operand to a
// Fraction first; 3.13 leaves complex out of //, % and divmod), comparisons
// with ints, floats, complex and Decimals, CPython's numeric hash, str/repr,
// the string forms of the constructor (each version's regular expression),
// limit_denominator, as_integer_ratio, is_integer (3.12+), __format__ (3.12+),
// __int__ (3.11+), __trunc__, __floor__, __ceil__ and __round__.
import { HASH_MODULUS as MODULUS, modPow } from "./hashing.js";
import { makeProperty } from "./opaqueObjects.js";
import { allSlots, classmethods, newInstance, slotGet, slotSet } from "./classes.js";
import { setClassHooks } from "./classHooks.js";
import { numbersAbcs } from "./numbersModule.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError, typeError, valueError } from "./errors.js";
import { big, intValue } from "./numbers.js";
import {
  False, None, NotImplemented, nativeFunction as fn, pyBool, pyComplex, pyFloat, pyInt, pyStr, pyStrFresh, typeName,
  type Kwargs, type NativeFn, type PyClassObj, type PyFunctionObj, type PyInstanceObj, type PyObj, type PyStrObj,
} from "./objects.js";
import { binaryOp, unaryOp } from "./ops.js";
import { truthy } from "./compare.js";
import { strText } from "./text.js";
import { reprObject, strObj } from "./format.js";
import { newTuple, tuple2 } from "./tuples.js";
import { decompose } from "./libm/doubles.js";
import { parseIntLiteral } from "./builtins.js";
import { floatRatio as floatAsIntegerRatio } from "./methods.js";
import { listArray, listFrom } from "./lists.js";
import { registerSelfCopying } from "./copyModule.js";
import type { FractionsRules, Layout } from "../layouts/layout.js";

/** Lib/fractions.py's behaviours in the version being modelled. */
function rules(): FractionsRules {
  return ctx().layout.rules.fractions;
}

const byLayout = new WeakMap<Layout, PyClassObj>();
/** The Fraction class of every layout (a Fraction of any version is recognised). */
const fractionClasses = new WeakSet<PyClassObj>();

export function isFraction(o: PyObj | undefined): o is PyInstanceObj {
  return o !== undefined && o.t === "instance" && fractionClasses.has(o.cls);
}

/** The int objects a Fraction holds. */
export function fractionParts(f: PyInstanceObj): [PyObj, PyObj] {
  if (!isFraction(f)) throw new PymemError("UNSUPPORTED", `a Fraction method called on a '${typeName(f as PyObj)}'`);
  const n = slotGet(f, "_numerator");
  const d = slotGet(f, "_denominator");
  if (n === undefined || d === undefined) throw new PymemError("UNSUPPORTED", "a Fraction whose slots are not both set");
  return [n, d];
}

function fractionClass(): PyClassObj {
  return fractionClassOf(ctx().layout);
}

/** Fraction._from_coprime_ints / Fraction(n, d, _normalize=False): the two objects stored as they are. */
export function fractionFromObjects(n: PyObj, d: PyObj): PyInstanceObj {
  const f = newInstance(fractionClass());
  slotSet(f, "_numerator", n);
  slotSet(f, "_denominator", d);
  return f;
}

/** A Fraction of n/d already in lowest terms with d > 0: new int objects (cached when small). */
export function fractionFromBig(n: bigint, d: bigint): PyInstanceObj {
  return fractionFromObjects(pyInt(n), pyInt(d));
}

// ---------------------------------------------------------------------------
// Int helpers: the int operations the Python code runs, on int objects.

const add = (a: PyObj, b: PyObj): PyObj => binaryOp("Add", a, b);
const mul = (a: PyObj, b: PyObj): PyObj => binaryOp("Mult", a, b);
const floordiv = (a: PyObj, b: PyObj): PyObj => binaryOp("FloorDiv", a, b);
const neg = (a: PyObj): PyObj => unaryOp("USub", a);
const ipow = (a: PyObj, b: PyObj): PyObj => binaryOp("Pow", a, b);

function iv(o: PyObj): bigint {
  return big(intValue(o) as number | bigint);
}

function gcdBig(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** math.gcd(a, b). */
function gcd(a: PyObj, b: PyObj): PyObj {
  return pyInt(gcdBig(iv(a), iv(b)));
}

/** abs() of an int: the object itself when not negative (long_abs). */
function absInt(a: PyObj): PyObj {
  if (a.t === "bool") return pyInt(a.v ? 1 : 0);
  return iv(a) < 0n ? neg(a) : a;
}

/** x.numerator and x.denominator of an int, bool or Fraction (int.numerator is the int itself, a bool's a new int). */
function rationalParts(o: PyObj): [PyObj, PyObj] | null {
  if (o.t === "int") return [o, pyInt(1)];
  if (o.t === "bool") return [pyInt(o.v ? 1 : 0), pyInt(1)];
  if (isFraction(o)) return fractionParts(o);
  return null;
}

/** float(x) of an int, bool or Fraction (Rational.__float__: numerator / denominator, int true division). */
function floatOf(o: PyObj): PyObj {
  if (o.t === "float") return o;
  const p = rationalParts(o);
  if (p === null) throw typeError(`must be real number, not ${typeName(o)}`);
  return binaryOp("Div", p[0], p[1]);
}

function complexOf(o: PyObj): PyObj {
  if (o.t === "complex") return o;
  const f = floatOf(o) as PyObj & { t: "float" };
  return pyComplex(f.v, 0);
}

function zeroDivision(numerator: PyObj): PyException {
  return new PyException("ZeroDivisionError", `Fraction(${strText(strObj(numerator))}, 0)`);
}

/** Fraction(n, d) of two ints through __new__: the zero check, then both divided by their gcd (sign on the numerator). */
function normalized(n: PyObj, d: PyObj): PyInstanceObj {
  if (iv(d) === 0n) throw zeroDivision(n);
  let g = gcd(n, d);
  if (iv(d) < 0n) g = neg(g);
  return fractionFromObjects(floordiv(n, g), floordiv(d, g));
}

/** Fraction(n, d, _normalize=False) (before 3.12): the zero check, the objects kept. */
function unnormalized(n: PyObj, d: PyObj): PyInstanceObj {
  if (iv(d) === 0n) throw zeroDivision(n);
  return fractionFromObjects(n, d);
}

/** The unnormalized result of the gcd-based arithmetic: Fraction(n, d, _normalize=False) before 3.12, _from_coprime_ints from 3.12. */
function coprime(n: PyObj, d: PyObj): PyInstanceObj {
  return rules().coprime ? fractionFromObjects(n, d) : unnormalized(n, d);
}

// ---------------------------------------------------------------------------
// Conversions to an exact ratio.

/** float.as_integer_ratio() as the int objects CPython makes (PyLong_FromDouble's, whose caching differs by version). */
export function floatRatioObjects(x: number): [PyObj, PyObj] {
  return listArray(listFrom(floatAsIntegerRatio(x))) as [PyObj, PyObj];
}

/** float.as_integer_ratio()'s values: the ratio in lowest terms. */
export function floatRatio(x: number): [bigint, bigint] {
  if (Number.isNaN(x)) throw valueError("cannot convert NaN to integer ratio");
  if (!Number.isFinite(x)) throw new PyException("OverflowError", "cannot convert Infinity to integer ratio");
  if (x === 0) return [0n, 1n];
  let [m, e] = decompose(x);
  while (e < 0 && (m & 1n) === 0n) {
    m >>= 1n;
    e++;
  }
  return e >= 0 ? [m << BigInt(e), 1n] : [m, 1n << BigInt(-e)];
}

/** Decimal.as_integer_ratio(). */
export function decimalRatio(o: PyObj & { t: "Decimal" }): [bigint, bigint] {
  if (o.special === "NaN" || o.special === "sNaN") throw valueError("cannot convert NaN to integer ratio");
  if (o.special === "Infinity") throw new PyException("OverflowError", "cannot convert Infinity to integer ratio");
  if (Math.abs(o.exp) > 100_000) throw new PymemError("LIMIT", "the integer ratio of a Decimal with an exponent this large");
  const signed = o.sign === 1 ? -o.coeff : o.coeff;
  if (o.exp >= 0) return [signed * 10n ** BigInt(o.exp), 1n];
  const d = 10n ** BigInt(-o.exp);
  const g = gcdBig(signed, d);
  return g === 0n ? [0n, 1n] : [signed / g, d / g];
}

// ---------------------------------------------------------------------------
// The constructor.

const WS = "[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]";
const D = "\\p{Nd}";

/** _RATIONAL_FORMAT of each version (re.VERBOSE | re.IGNORECASE; \d and \s of str patterns). */
function rationalFormat(r: FractionsRules): RegExp {
  const num = r.underscores ? `(?<num>${D}*|${D}+(?:_${D}+)*)` : `(?<num>${D}*)`;
  const digits = (g: string): string => (r.underscores ? `(?<${g}>${D}+(?:_${D}+)*)` : `(?<${g}>${D}+)`);
  const denom = r.coprime ? `(?:${WS}*/${WS}*${digits("denom")})?` : `(?:/${digits("denom")})?`;
  // 3.11 and 3.12 wrote the decimal part as `d*|\d+(_\d+)*`: a literal 'd' (or 'D') run first.
  const decimal = r.generalFormat ? `(?<decimal>${D}*|${D}+(?:_${D}+)*)` : r.underscores ? `(?<decimal>d*|${D}+(?:_${D}+)*)` : `(?<decimal>${D}*)`;
  const exp = r.underscores ? `(?<exp>[-+]?${D}+(?:_${D}+)*)` : `(?<exp>[-+]?${D}+)`;
  return new RegExp(`^${WS}*(?<sign>[-+]?)(?=${D}|\\.${D})${num}(?:${denom}|(?:\\.${decimal})?(?:E${exp})?)${WS}*$`, "iu");
}

const formats = new Map<FractionsRules, RegExp>();

/** int(text) of the digits a group matched (underscores and any Unicode decimal digits, as int() takes them). */
function intOf(text: string): PyObj {
  return parseIntLiteral(text, 10);
}

/** The numerator and denominator __new__ computes from a string (before dividing by their gcd). */
function parseFraction(s: PyStrObj): [PyObj, PyObj] {
  const r = rules();
  let re = formats.get(r);
  if (re === undefined) formats.set(r, (re = rationalFormat(r)));
  const match = re.exec(strText(s));
  if (match === null) throw valueError(`Invalid literal for Fraction: ${strText(reprObject(s))}`);
  const g = match.groups as Record<string, string | undefined>;
  let numerator = intOf(g.num || "0");
  let denominator: PyObj;
  if (g.denom) denominator = intOf(g.denom);
  else {
    denominator = pyInt(1);
    let decimal = g.decimal;
    if (decimal) {
      if (r.underscores) decimal = decimal.replace(/_/g, "");
      const scale = ipow(pyInt(10), pyInt([...decimal].length));
      numerator = add(mul(numerator, scale), intOf(decimal));
      denominator = mul(denominator, scale);
    }
    if (g.exp) {
      const e = intOf(g.exp);
      if (iv(e) > 100_000n || iv(e) < -100_000n) throw new PymemError("LIMIT", "a Fraction string with an exponent this large");
      if (iv(e) >= 0n) numerator = mul(numerator, ipow(pyInt(10), e));
      else denominator = mul(denominator, ipow(pyInt(10), neg(e)));
    }
  }
  if (g.sign === "-") numerator = neg(numerator);
  return [numerator, denominator];
}

/** Fraction.__new__(cls, numerator=0, denominator=None[, *, _normalize=True]). */
function fractionNew(args: readonly PyObj[], kw: Kwargs): PyObj {
  const r = rules();
  const label = r.qualifiedMessages ? "Fraction.__new__" : "__new__";
  if (args.length > 3) throw typeError(`${label}() takes from 1 to 3 positional arguments but ${args.length} were given`);
  let normalize = true;
  const named: (PyObj | undefined)[] = [args[1], args[2]];
  for (const [k, v] of kw.values) {
    const i = k === "numerator" ? 0 : k === "denominator" ? 1 : -1;
    if (k === "_normalize" && !r.coprime) normalize = truthy(v);
    else if (i < 0) throw typeError(`${label}() got an unexpected keyword argument '${k}'`);
    else if (named[i] !== undefined) throw typeError(`${label}() got multiple values for argument '${k}'`);
    else named[i] = v;
  }
  const cls = args[0];
  if (cls === undefined || cls.t !== "class" || !fractionClasses.has(cls)) throw new PymemError("UNSUPPORTED", "Fraction.__new__ of another class");
  let numerator: PyObj = named[0] ?? pyInt(0);
  let denominator: PyObj | undefined = named[1];
  if (denominator === undefined || denominator.t === "NoneType") {
    if (numerator.t === "int") return fractionFromObjects(numerator, pyInt(1));
    const r = rationalParts(numerator);
    if (r !== null) return fractionFromObjects(r[0], r[1]);
    if (numerator.t === "float") {
      const [n, d] = floatRatioObjects(numerator.v);
      return fractionFromObjects(n, d);
    }
    if (numerator.t === "Decimal") {
      const [n, d] = decimalRatio(numerator);
      return fractionFromBig(n, d);
    }
    if (numerator.t === "str") [numerator, denominator] = parseFraction(numerator);
    else throw typeError("argument should be a string or a Rational instance");
  } else if (numerator.t === "int" && denominator.t === "int") {
    // the *very* normal case
  } else {
    const a = rationalParts(numerator);
    const b = rationalParts(denominator);
    if (a === null || b === null) throw typeError("both arguments should be Rational instances");
    [numerator, denominator] = [mul(a[0], b[1]), mul(b[0], a[1])];
  }
  return normalize ? normalized(numerator, denominator) : unnormalized(numerator, denominator);
}

// ---------------------------------------------------------------------------
// Arithmetic: the monomorphic operators of each version and their dispatch.

type Mono = (a: PyObj, b: PyObj) => PyObj;

function parts2(a: PyObj, b: PyObj): [PyObj, PyObj, PyObj, PyObj] {
  const [na, da] = rationalParts(a) as [PyObj, PyObj];
  const [nb, db] = rationalParts(b) as [PyObj, PyObj];
  return [na, da, nb, db];
}

function addSub(op: "Add" | "Sub"): Mono {
  const combine = (x: PyObj, y: PyObj): PyObj => binaryOp(op, x, y);
  return (a, b) => {
    const [na, da, nb, db] = parts2(a, b);
    if (!rules().gcdArithmetic) return normalized(combine(mul(na, db), mul(nb, da)), mul(da, db));
    const g = gcd(da, db);
    if (iv(g) === 1n) return coprime(combine(mul(na, db), mul(da, nb)), mul(da, db));
    const s = floordiv(da, g);
    const t = combine(mul(na, floordiv(db, g)), mul(nb, s));
    const g2 = gcd(t, g);
    if (iv(g2) === 1n) return coprime(t, mul(s, db));
    return coprime(floordiv(t, g2), mul(s, floordiv(db, g2)));
  };
}

const monoMul: Mono = (a, b) => {
  let [na, da, nb, db] = parts2(a, b);
  if (!rules().gcdArithmetic) return normalized(mul(na, nb), mul(da, db));
  const g1 = gcd(na, db);
  if (iv(g1) > 1n) [na, db] = [floordiv(na, g1), floordiv(db, g1)];
  const g2 = gcd(nb, da);
  if (iv(g2) > 1n) [nb, da] = [floordiv(nb, g2), floordiv(da, g2)];
  return coprime(mul(na, nb), mul(db, da));
};

const monoDiv: Mono = (a, b) => {
  let [na, da, nb, db] = parts2(a, b);
  const r = rules();
  if (!r.gcdArithmetic) return normalized(mul(na, db), mul(da, nb));
  if (r.coprime && iv(nb) === 0n) throw zeroDivision(db);
  const g1 = gcd(na, nb);
  if (iv(g1) > 1n) [na, nb] = [floordiv(na, g1), floordiv(nb, g1)];
  const g2 = gcd(db, da);
  if (iv(g2) > 1n) [da, db] = [floordiv(da, g2), floordiv(db, g2)];
  let n = mul(na, db);
  let d = mul(nb, da);
  if (iv(d) < 0n) [n, d] = [neg(n), neg(d)];
  return coprime(n, d);
};

const monoFloorDiv: Mono = (a, b) => {
  const [na, da, nb, db] = parts2(a, b);
  return floordiv(mul(na, db), mul(da, nb));
};

const monoDivmod: Mono = (a, b) => {
  const [na, da, nb, db] = parts2(a, b);
  const x = mul(na, db);
  const y = mul(da, nb);
  const div = floordiv(x, y);
  const nMod = binaryOp("Mod", x, y);
  return tuple2(div, normalized(nMod, mul(da, db)));
};

const monoMod: Mono = (a, b) => {
  const [na, da, nb, db] = parts2(a, b);
  return normalized(binaryOp("Mod", mul(na, db), mul(nb, da)), mul(da, db));
};

/** Each method's parameters as Lib/fractions.py declares them (self first), and how many have no default. */
function params(name: string): [readonly string[], number] {
  if (name === "__round__") return [["self", "ndigits"], 1];
  if (name === "limit_denominator") return [["self", "max_denominator"], 1];
  if (name === "__deepcopy__") return [["self", "memo"], 2];
  if (name === "__format__") return [["self", "format_spec"], 2];
  if (name === "from_float") return [["cls", "f"], 2];
  if (name === "from_decimal") return [["cls", "dec"], 2];
  if (name === "__rpow__") return [["b", "a"], 2];
  if (/^__r?[a-z]+__$/.test(name) && BINARY.has(name.replace(/^__r/, "__"))) return [["a", "b"], 2];
  return [["self"], 1];
}

const BINARY: ReadonlySet<string> = new Set([
  "__add__", "__sub__", "__mul__", "__truediv__", "__floordiv__", "__divmod__", "__mod__", "__pow__",
  "__eq__", "__lt__", "__gt__", "__le__", "__ge__",
]);

/**
 * A method of the class: a Python function of Lib/fractions.py, with its
 * __qualname__, binding its arguments as the def does (keywords by name,
 * CPython's TypeErrors for a wrong count). Called on anything but a Fraction
 * (Fraction.__neg__(5)) it is refused: its body would read attributes pymem
 * does not look up on other objects.
 */
function qualified(name: string, qualname: string, call: NativeFn): PyFunctionObj {
  // __new__ binds its own arguments (numerator, denominator, 3.8-3.11's _normalize keyword).
  if (name === "__new__") return { t: "function", name, qualname, call };
  const [names, required] = params(name);
  const classLevel = names[0] === "cls";
  const guarded: NativeFn = (args, kw) => {
    const label = `${rules().qualifiedMessages ? qualname : name}()`;
    let bound = args;
    if (kw.values.size > 0) {
      const filled = [...args];
      for (const [k, v] of kw.values) {
        const i = names.indexOf(k);
        if (i < 0 || name === "__format__") throw typeError(`${label} got an unexpected keyword argument '${k}'`);
        if (filled[i] !== undefined) throw typeError(`${label} got multiple values for argument '${k}'`);
        filled[i] = v;
      }
      bound = filled;
    }
    if (bound.length > names.length) throw typeError(`${label} takes ${names.length} positional argument${names.length === 1 ? "" : "s"} but ${bound.length} were given`);
    const missing = names.slice(0, required).filter((_n, i) => bound[i] === undefined);
    if (missing.length > 0) {
      throw typeError(`${label} missing ${missing.length} required positional argument${missing.length === 1 ? "" : "s"}: ${missing.map((m) => `'${m}'`).join(" and ")}`);
    }
    let self = bound[0] as PyObj;
    // A classmethod reached through an instance binds to its class.
    if (classLevel && isFraction(self)) {
      self = self.cls;
      bound = [self, ...bound.slice(1)];
    }
    if (classLevel ? !(self.t === "class" && fractionClasses.has(self)) : !isFraction(self)) {
      throw new PymemError("UNSUPPORTED", `${qualname} called on a '${typeName(self)}' (not a Fraction)`);
    }
    return call(bound, { values: new Map(), keys: new Map() });
  };
  return { t: "function", name, qualname, call: guarded };
}

type Fallback = "Add" | "Sub" | "Mult" | "Div" | "FloorDiv" | "Mod" | "divmod";

function fallback(op: Fallback, x: PyObj, y: PyObj): PyObj {
  if (op === "divmod") {
    if (x.t === "complex" || y.t === "complex") throw typeError("can't take floor or mod of complex number.");
    return tuple2(binaryOp("FloorDiv", x, y), binaryOp("Mod", x, y));
  }
  return binaryOp(op, x, y);
}

/** _operator_fallbacks(monomorphic_operator, fallback_operator[, handle_complex]): forward and reverse. */
function operatorFallbacks(name: string, mono: Mono, op: Fallback, floorLike: boolean): [[string, PyObj], [string, PyObj]] {
  const handlesComplex = (): boolean => !(floorLike && rules().generalFormat);
  const forward = qualified(`__${name}__`, "Fraction._operator_fallbacks.<locals>.forward", ([a, b]) => {
    const self = a as PyInstanceObj;
    const other = b as PyObj;
    if (isFraction(other)) return mono(self, other);
    if (other.t === "int" || other.t === "bool") return mono(self, rules().coprime ? fractionOf(other) : other);
    if (other.t === "float") return fallback(op, floatOf(self), other);
    if (other.t === "complex" && handlesComplex()) return fallback(op, complexOf(self), other);
    return NotImplemented;
  });
  const reverse = qualified(`__r${name}__`, "Fraction._operator_fallbacks.<locals>.reverse", ([b, a]) => {
    const self = b as PyInstanceObj;
    const other = a as PyObj;
    if (other.t === "int" || other.t === "bool" || isFraction(other)) return mono(rules().coprime ? fractionOf(other) : other, self);
    if (other.t === "float") return fallback(op, other, floatOf(self));
    if (other.t === "complex" && handlesComplex()) return fallback(op, other, complexOf(self));
    return NotImplemented;
  });
  return [[`__${name}__`, forward], [`__r${name}__`, reverse]];
}

/** Fraction(x) of an int, bool or Fraction (3.12's conversion of an int operand). */
function fractionOf(o: PyObj): PyObj {
  if (isFraction(o)) return o;
  if (o.t === "int") return fractionFromObjects(o, pyInt(1));
  const [n, d] = rationalParts(o) as [PyObj, PyObj];
  return fractionFromObjects(n, d);
}

function fractionPow([a, b, mod]: readonly PyObj[]): PyObj {
  if (mod !== undefined) throw typeError(`${rules().qualifiedMessages ? "Fraction." : ""}__pow__() takes 2 positional arguments but 3 were given`);
  const self = a as PyInstanceObj;
  const other = b as PyObj;
  const [n, d] = fractionParts(self);
  const r = rationalParts(other);
  if (r !== null) {
    if (iv(r[1]) === 1n) {
      const power = r[0];
      if (iv(power) >= 0n) return coprime(ipow(n, power), ipow(d, power));
      const p = neg(power);
      if (iv(n) > 0n || (iv(n) === 0n && !rules().coprime)) return coprime(ipow(d, p), ipow(n, p));
      if (iv(n) === 0n) throw zeroDivision(ipow(d, p));
      return coprime(ipow(neg(d), p), ipow(neg(n), p));
    }
    return binaryOp("Pow", floatOf(self), floatOf(other));
  }
  if (rules().generalFormat && other.t !== "float" && other.t !== "complex") return NotImplemented;
  return binaryOp("Pow", floatOf(self), other);
}

function fractionRpow([b, a]: readonly PyObj[]): PyObj {
  const self = b as PyInstanceObj;
  const other = a as PyObj;
  const [n, d] = fractionParts(self);
  if (iv(d) === 1n && iv(n) >= 0n) return binaryOp("Pow", other, n);
  const r = rationalParts(other);
  if (r !== null) return binaryOp("Pow", normalized(r[0], r[1]), self);
  if (iv(d) === 1n) return binaryOp("Pow", other, n);
  return binaryOp("Pow", other, floatOf(self));
}

// ---------------------------------------------------------------------------
// Comparisons and hashing.

type CmpOp = "Lt" | "Gt" | "LtE" | "GtE";

function holds(op: CmpOp, c: number): boolean {
  return op === "Lt" ? c < 0 : op === "Gt" ? c > 0 : op === "LtE" ? c <= 0 : c >= 0;
}

function cmpBig(a: bigint, b: bigint): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The exact value of a finite Decimal, for the comparison Decimal's own operators make with a Rational. */
function decimalOperand(o: PyObj & { t: "Decimal" }): [bigint, bigint] {
  if (o.special !== null) throw new PymemError("UNSUPPORTED", "comparing a Fraction with a Decimal NaN or infinity");
  return decimalRatio(o);
}

function fractionEq([a, b]: readonly PyObj[]): PyObj {
  const [n, d] = fractionParts(a as PyInstanceObj);
  let other = b as PyObj;
  const r = rationalParts(other);
  if (r !== null) return pyBool(iv(n) === iv(r[0]) && iv(d) === iv(r[1]));
  if (other.t === "complex" && other.im === 0) other = pyFloat(other.re);
  if (other.t === "float") {
    if (!Number.isFinite(other.v)) return pyBool(0.0 === other.v);
    const [fn2, fd] = floatRatio(other.v);
    return pyBool(iv(n) === fn2 && iv(d) === fd);
  }
  if (other.t === "Decimal") {
    // Decimal.__eq__ answers for the NotImplemented Fraction returns: exactly, NaN unequal.
    if (other.special === "NaN" || other.special === "sNaN") return False;
    if (other.special === "Infinity") return False;
    const [dn, dd] = decimalRatio(other);
    return pyBool(iv(n) === dn && iv(d) === dd);
  }
  return NotImplemented;
}

function richcmp(op: CmpOp): PyObj {
  const name = { Lt: "__lt__", Gt: "__gt__", LtE: "__le__", GtE: "__ge__" }[op];
  return fn(name, ([a, b]) => {
    const [n, d] = fractionParts(a as PyInstanceObj);
    const other = b as PyObj;
    const r = rationalParts(other);
    if (r !== null) return pyBool(holds(op, cmpBig(iv(n) * iv(r[1]), iv(d) * iv(r[0]))));
    if (other.t === "float") {
      if (!Number.isFinite(other.v)) return pyBool(holds(op, Number.isNaN(other.v) ? NaN : 0 < other.v ? -1 : 1));
      const [fn2, fd] = floatRatio(other.v);
      return pyBool(holds(op, cmpBig(iv(n) * fd, iv(d) * fn2)));
    }
    if (other.t === "Decimal") {
      // Decimal's reflected comparison answers (the Fraction's is NotImplemented).
      const [dn, dd] = decimalOperand(other);
      return pyBool(holds(op, cmpBig(iv(n) * dd, iv(d) * dn)));
    }
    return NotImplemented;
  });
}

const HASH_INF = 314159n;

/** Fraction.__hash__: |n| * inverse(d) modulo 2**61 - 1 (_PyHASH_INF when d has no inverse), signed as n, -1 made -2. */
export function rationalHash(n: bigint, d: bigint): bigint {
  const dinv = modPow(d, MODULUS - 2n, MODULUS);
  const h = dinv === 0n ? HASH_INF : ((n < 0n ? -n : n) % MODULUS) * dinv % MODULUS;
  const result = n >= 0n ? h : -h;
  return result === -1n ? -2n : result;
}

// ---------------------------------------------------------------------------
// Rounding.

function fractionTrunc([a]: readonly PyObj[]): PyObj {
  const [n, d] = fractionParts(a as PyInstanceObj);
  return iv(n) < 0n ? neg(floordiv(neg(n), d)) : floordiv(n, d);
}

function fractionRound([self, nd]: readonly PyObj[]): PyObj {
  const f = self as PyInstanceObj;
  const [n, d] = fractionParts(f);
  if (nd === undefined || nd.t === "NoneType") {
    const floor = floordiv(n, d);
    const remainder = binaryOp("Mod", n, d);
    const r2 = iv(remainder) * 2n;
    const dv = iv(d);
    if (r2 < dv) return floor;
    if (r2 > dv) return add(floor, pyInt(1));
    return (iv(floor) & 1n) === 0n ? floor : add(floor, pyInt(1));
  }
  const k = intValue(nd);
  if (k === null) throw new PymemError("UNSUPPORTED", `round() of a Fraction to a '${typeName(nd)}' number of digits`);
  if (Math.abs(Number(k)) > 100_000) throw new PymemError("LIMIT", "round() of a Fraction to this many digits");
  const shift = ipow(pyInt(10), pyInt(big(k) < 0n ? -big(k) : big(k)));
  const rounded = (x: PyObj): PyObj => fractionRound([x]);
  if (big(k) > 0n) return normalized(rounded(binaryOp("Mult", f, shift)), shift);
  return fractionNew([fractionClass(), mul(rounded(binaryOp("Div", f, shift)), shift)], { values: new Map(), keys: new Map() });
}

// ---------------------------------------------------------------------------
// limit_denominator.

function limitDenominator([self, maxArg]: readonly PyObj[]): PyObj {
  const f = self as PyInstanceObj;
  const maxObj = maxArg ?? pyInt(1000000);
  const mv = intValue(maxObj);
  if (mv === null) throw new PymemError("UNSUPPORTED", `limit_denominator of a '${typeName(maxObj)}' bound`);
  const maxD = big(mv);
  if (maxD < 1n) throw valueError("max_denominator should be at least 1");
  const [numObj, denObj] = fractionParts(f);
  if (iv(denObj) <= maxD) return fractionFromObjects(numObj, denObj);
  let [p0, q0, p1, q1] = [0n, 1n, 1n, 0n];
  let [n, d] = [iv(numObj), iv(denObj)];
  for (;;) {
    ctx().tick();
    let a = n / d;
    if (n % d !== 0n && (n < 0n) !== (d < 0n)) a -= 1n;
    const q2 = q0 + a * q1;
    if (q2 > maxD) break;
    [p0, q0, p1, q1] = [p1, q1, p0 + a * p1, q2];
    [n, d] = [d, n - a * d];
  }
  const k = floorDivBig(maxD - q0, q1);
  const [b1n, b1d] = [p0 + k * p1, q0 + k * q1];
  if (rules().coprime) {
    if (2n * d * b1d <= iv(denObj)) return fractionFromBig(p1, q1);
    return fractionFromBig(b1n, b1d);
  }
  // abs(bound2 - self) <= abs(bound1 - self), compared exactly.
  const [sn, sd] = [iv(numObj), iv(denObj)];
  const dist = (pn: bigint, pd: bigint): [bigint, bigint] => {
    const x = pn * sd - sn * pd;
    return [x < 0n ? -x : x, pd * sd];
  };
  const [x2, y2] = dist(p1, q1);
  const [x1, y1] = dist(b1n, b1d);
  const bound2 = x2 * y1 <= x1 * y2;
  const [pn, pd] = bound2 ? [p1, q1] : [b1n, b1d];
  const g = gcdBig(pn, pd);
  return fractionFromBig(pn / g, pd / g);
}

function floorDivBig(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && (a < 0n) !== (b < 0n) ? q - 1n : q;
}

// ---------------------------------------------------------------------------
// str, repr and format.

function fractionStr([a]: readonly PyObj[]): PyObj {
  const [n, d] = fractionParts(a as PyInstanceObj);
  if (iv(d) === 1n) return strObj(n);
  return pyStrFresh(`${iv(n)}/${iv(d)}`);
}

function fractionRepr([a]: readonly PyObj[]): PyObj {
  const [n, d] = fractionParts(a as PyInstanceObj);
  return pyStrFresh(`Fraction(${iv(n)}, ${iv(d)})`);
}

/** _round_to_exponent(n, d, exponent, no_neg_zero): (negative, significand). */
function roundToExponent(n: bigint, d: bigint, exponent: number, noNegZero = false): [boolean, bigint] {
  if (exponent >= 0) d *= 10n ** BigInt(exponent);
  else n *= 10n ** BigInt(-exponent);
  let q = floorDivBig(n + (d >> 1n), d);
  const r = n + (d >> 1n) - q * d;
  if (r === 0n && (d & 1n) === 0n) q &= -2n;
  const sign = noNegZero ? q < 0n : n < 0n;
  return [sign, q < 0n ? -q : q];
}

/** _round_to_figures(n, d, figures): (negative, significand, exponent). */
function roundToFigures(n: bigint, d: bigint, figures: number): [boolean, bigint, number] {
  if (n === 0n) return [false, 0n, 1 - figures];
  const strN = (n < 0n ? -n : n).toString();
  const strD = d.toString();
  const m = strN.length - strD.length + (strD <= strN ? 1 : 0);
  let exponent = m - figures;
  const [sign, sig] = roundToExponent(n, d, exponent);
  let significand = sig;
  if (significand.toString().length === figures + 1) {
    significand /= 10n;
    exponent += 1;
  }
  return [sign, significand, exponent];
}

const FLOAT_SPEC = /^(?:(?<fill>[\s\S])?(?<align>[<>=^]))?(?<sign>[-+ ]?)(?<no_neg_zero>z)?(?<alt>#)?(?<zeropad>0(?=[0-9]))?(?<minimumwidth>0|[1-9][0-9]*)?(?<thousands_sep>[,_])?(?:\.(?<precision>0|[1-9][0-9]*))?(?<presentation_type>[eEfFgG%])$/u;
const GENERAL_SPEC = /^(?:(?<fill>[\s\S])?(?<align>[<>=^]))?(?<sign>[-+ ]?)(?<alt>#)?(?<minimumwidth>0|[1-9][0-9]*)?(?<thousands_sep>[,_])?$/u;

function cpLen(s: string): number {
  return [...s].length;
}

function padBody(fill: string, align: string, minimumwidth: number, sign: string, body: string): string {
  const padding = fill.repeat(Math.max(0, minimumwidth - cpLen(sign) - cpLen(body)));
  if (align === ">") return padding + sign + body;
  if (align === "<") return sign + body + padding;
  if (align === "^") {
    const chars = [...padding];
    const half = Math.floor(chars.length / 2);
    return chars.slice(0, half).join("") + sign + body + chars.slice(half).join("");
  }
  return sign + padding + body;
}

function groupThousands(digits: string, sep: string): string {
  const first = 1 + ((digits.length - 1) % 3);
  let out = digits.slice(0, first);
  for (let pos = first; pos < digits.length; pos += 3) out += sep + digits.slice(pos, pos + 3);
  return out;
}

function formatGeneral(n: bigint, d: bigint, g: Record<string, string | undefined>): string {
  const fill = g.fill || " ";
  const align = g.align || ">";
  const posSign = g.sign === "-" ? "" : (g.sign ?? "");
  const alternate = Boolean(g.alt);
  const minimumwidth = Number(g.minimumwidth || "0");
  const sep = g.thousands_sep || "";
  const absText = (v: bigint): string => (sep ? groupThousands(v.toString(), sep) : v.toString());
  const an = n < 0n ? -n : n;
  const body = d > 1n || alternate ? `${absText(an)}/${absText(d)}` : absText(an);
  return padBody(fill, align, minimumwidth, n < 0n ? "-" : posSign, body);
}

function formatFloatStyle(n: bigint, d: bigint, g: Record<string, string | undefined>): string {
  const fill = g.fill || " ";
  const align = g.align || ">";
  const posSign = g.sign === "-" ? "" : (g.sign ?? "");
  const noNegZero = Boolean(g.no_neg_zero);
  const alternate = Boolean(g.alt);
  const zeropad = Boolean(g.zeropad);
  const minimumwidth = Number(g.minimumwidth || "0");
  const sep = g.thousands_sep;
  const precision = Number(g.precision || "6");
  if (precision > 10_000) throw new PymemError("LIMIT", "a Fraction format with this many digits");
  const type = g.presentation_type as string;
  const trimZeros = "gG".includes(type) && !alternate;
  const trimPoint = !alternate;
  const expIndicator = "EFG".includes(type) ? "E" : "e";
  let negative: boolean;
  let significand: bigint;
  let exponent: number;
  let scientific: boolean;
  let pointPos: number;
  if ("fF%".includes(type)) {
    exponent = -precision - (type === "%" ? 2 : 0);
    [negative, significand] = roundToExponent(n, d, exponent, noNegZero);
    scientific = false;
    pointPos = precision;
  } else {
    const figures = "gG".includes(type) ? Math.max(precision, 1) : precision + 1;
    [negative, significand, exponent] = roundToFigures(n, d, figures);
    scientific = "eE".includes(type) || exponent > 0 || exponent + figures <= -4;
    pointPos = scientific ? figures - 1 : -exponent;
  }
  let suffix = "";
  if (type === "%") suffix = "%";
  else if (scientific) {
    const e = exponent + pointPos;
    suffix = `${expIndicator}${e < 0 ? "-" : "+"}${String(Math.abs(e)).padStart(2, "0")}`;
  }
  const digits = significand.toString().padStart(pointPos + 1, "0");
  const sign = negative ? "-" : posSign;
  let leading = digits.slice(0, digits.length - pointPos);
  let fracPart = digits.slice(digits.length - pointPos);
  if (trimZeros) fracPart = fracPart.replace(/0+$/, "");
  const separator = trimPoint && !fracPart ? "" : ".";
  const trailing = separator + fracPart + suffix;
  if (zeropad) {
    const minLeading = minimumwidth - cpLen(sign) - cpLen(trailing);
    const width = sep ? Math.floor((3 * minLeading) / 4) + 1 : minLeading;
    leading = zfill(leading, width);
  }
  if (sep) leading = groupThousands(leading, sep);
  return padBody(fill, align, minimumwidth, sign, leading + trailing);
}

/** str.zfill of a digit string (no sign). */
function zfill(s: string, width: number): string {
  return s.length >= width ? s : "0".repeat(width - s.length) + s;
}

function fractionFormat([a, specObj]: readonly PyObj[]): PyObj {
  const self = a as PyInstanceObj;
  if (specObj === undefined || specObj.t !== "str") throw typeError(`${rules().generalFormat ? "Fraction.__format__" : "__format__"}() argument must be str, not ${specObj === undefined ? "nothing" : typeName(specObj)}`);
  const spec = strText(specObj);
  const [nObj, dObj] = fractionParts(self);
  const [n, d] = [iv(nObj), iv(dObj)];
  const invalid = (): PyException => valueError(`Invalid format specifier ${strText(reprObject(specObj))} for object of type 'Fraction'`);
  if (rules().generalFormat) {
    const gm = GENERAL_SPEC.exec(spec);
    if (gm !== null) return pyStrFresh(formatGeneral(n, d, gm.groups as Record<string, string | undefined>));
    const fm = FLOAT_SPEC.exec(spec);
    if (fm !== null) {
      const g = fm.groups as Record<string, string | undefined>;
      if (g.align === undefined || g.zeropad === undefined) return pyStrFresh(formatFloatStyle(n, d, g));
    }
    throw invalid();
  }
  if (spec === "") return fractionStr([self]);
  const fm = FLOAT_SPEC.exec(spec);
  if (fm === null) throw invalid();
  const g = fm.groups as Record<string, string | undefined>;
  if (g.align !== undefined && g.zeropad !== undefined) {
    throw valueError(`Invalid format specifier ${strText(reprObject(specObj))} for object of type 'Fraction'; can't use explicit alignment when zero-padding`);
  }
  return pyStrFresh(formatFloatStyle(n, d, g));
}

// ---------------------------------------------------------------------------
// The class.

function classMethod(name: string, call: (args: readonly PyObj[], kw: Kwargs) => PyObj): [string, PyObj] {
  const f = qualified(name, `Fraction.${name}`, call);
  classmethods.add(f);
  return [name, f];
}

function fromFloat([cls, f]: readonly PyObj[]): PyObj {
  if (f === undefined) throw typeError(`${rules().qualifiedMessages ? "Fraction." : ""}from_float() missing 1 required positional argument: 'f'`);
  if (f.t === "int" || f.t === "bool") return fractionNew([cls as PyObj, f], { values: new Map(), keys: new Map() });
  if (f.t !== "float") throw typeError(`Fraction.from_float() only takes floats, not ${strText(reprObject(f))} (${typeName(f)})`);
  const [n, d] = floatRatioObjects(f.v);
  // cls(*f.as_integer_ratio()) before 3.12 (divided by their gcd of 1: new ints), _from_coprime_ints from 3.12.
  return rules().coprime ? fractionFromObjects(n, d) : normalized(n, d);
}

function fromDecimal([cls, dec]: readonly PyObj[]): PyObj {
  if (dec === undefined) throw typeError(`${rules().qualifiedMessages ? "Fraction." : ""}from_decimal() missing 1 required positional argument: 'dec'`);
  // Decimal(int(dec)).as_integer_ratio(), then Fraction(n, d): new ints.
  if (dec.t === "int" || dec.t === "bool") return fractionFromBig(big(intValue(dec) as number | bigint), 1n);
  if (dec.t !== "Decimal") throw typeError(`Fraction.from_decimal() only takes Decimals, not ${strText(reprObject(dec))} (${typeName(dec)})`);
  const [n, d] = decimalRatio(dec);
  return fractionFromBig(n, d);
}

function self1(f: (self: PyInstanceObj, n: PyObj, d: PyObj) => PyObj): (args: readonly PyObj[]) => PyObj {
  return ([a]) => {
    const self = a as PyInstanceObj;
    const [n, d] = fractionParts(self);
    return f(self, n, d);
  };
}

/** The Fraction class of a version. */
export function fractionClassOf(layout: Layout): PyClassObj {
  const have = byLayout.get(layout);
  if (have !== undefined) return have;
  const r = layout.rules.fractions;
  // Fraction(numbers.Rational): the numbers module's classes, so isinstance with them and Fraction.__mro__ agree.
  const rational = numbersAbcs(layout).Rational;
  const attrs: [string, PyObj][] = [
    ["__module__", pyStr("fractions")],
    ["__slots__", newTuple([pyStr("_numerator"), pyStr("_denominator")])],
    ["__new__", fn("__new__", fractionNew)],
    classMethod("from_float", fromFloat),
    classMethod("from_decimal", fromDecimal),
    ["as_integer_ratio", fn("as_integer_ratio", self1((_s, n, d) => tuple2(n, d)))],
    ["limit_denominator", fn("limit_denominator", limitDenominator)],
    ["numerator", makeProperty(fn("numerator", self1((_s, n) => n)), None, None)],
    ["denominator", makeProperty(fn("denominator", self1((_s, _n, d) => d)), None, None)],
    ["real", makeProperty(fn("real", self1((_s, n, d) => fractionFromObjects(n, d))), None, None)],
    ["imag", makeProperty(fn("imag", () => pyInt(0)), None, None)],
    ["conjugate", fn("conjugate", self1((_s, n, d) => fractionFromObjects(n, d)))],
    ["__repr__", fn("__repr__", fractionRepr)],
    ["__str__", fn("__str__", fractionStr)],
    ...operatorFallbacks("add", addSub("Add"), "Add", false),
    ...operatorFallbacks("sub", addSub("Sub"), "Sub", false),
    ...operatorFallbacks("mul", monoMul, "Mult", false),
    ...operatorFallbacks("truediv", monoDiv, "Div", false),
    ...operatorFallbacks("floordiv", monoFloorDiv, "FloorDiv", true),
    ...operatorFallbacks("divmod", monoDivmod, "divmod", true),
    ...operatorFallbacks("mod", monoMod, "Mod", true),
    ["__pow__", fn("__pow__", fractionPow)],
    ["__rpow__", fn("__rpow__", fractionRpow)],
    ["__pos__", fn("__pos__", self1((_s, n, d) => fractionFromObjects(n, d)))],
    ["__neg__", fn("__neg__", self1((_s, n, d) => fractionFromObjects(neg(n), d)))],
    ["__abs__", fn("__abs__", self1((_s, n, d) => fractionFromObjects(absInt(n), d)))],
    ["__trunc__", fn("__trunc__", fractionTrunc)],
    ["__floor__", fn("__floor__", self1((_s, n, d) => floordiv(n, d)))],
    ["__ceil__", fn("__ceil__", self1((_s, n, d) => neg(floordiv(neg(n), d))))],
    ["__round__", fn("__round__", fractionRound)],
    ["__float__", fn("__float__", self1((s) => floatOf(s)))],
    ["__complex__", fn("__complex__", self1((s) => complexOf(s)))],
    ["__hash__", fn("__hash__", self1((_s, n, d) => pyInt(rationalHash(iv(n), iv(d)))))],
    ["__eq__", fn("__eq__", fractionEq)],
    ["__lt__", richcmp("Lt")],
    ["__gt__", richcmp("Gt")],
    ["__le__", richcmp("LtE")],
    ["__ge__", richcmp("GtE")],
    ["__bool__", fn("__bool__", self1((_s, n) => pyBool(iv(n) !== 0n)))],
    ["__copy__", fn("__copy__", ([s]) => s as PyObj)],
    ["__deepcopy__", fn("__deepcopy__", ([s]) => s as PyObj)],
  ];
  if (r.underscores) {
    attrs.push(["__int__", fn("__int__", fractionTrunc)]);
  }
  if (r.coprime) {
    attrs.push(["is_integer", fn("is_integer", self1((_s, _n, d) => pyBool(iv(d) === 1n)))]);
    attrs.push(["__format__", fn("__format__", fractionFormat)]);
  }
  // Each function's __qualname__ is Fraction.<name> (Real's and Rational's for the inherited ones).
  const inherited: Record<string, string> = { __float__: "Rational", __complex__: "Real", conjugate: "Real" };
  for (let i = 0; i < attrs.length; i++) {
    const [k, v] = attrs[i] as [string, PyObj];
    if (v.t === "function" && v.qualname === undefined) attrs[i] = [k, qualified(v.name, `${inherited[v.name] ?? "Fraction"}.${v.name}`, v.call)];
  }
  const bases = [rational];
  const cls: PyClassObj = {
    t: "class", name: "Fraction", bases, mro: [], attrs: new Map(attrs), slots: ["_denominator", "_numerator"], hasDict: false, hasWeakref: false,
    shape: layout.heapType.shape(layout.heapType.object, 2, false, false, false), builtinBase: "object", cachedKeys: null, frozen: false,
    tupleFields: null, decorated: null, stdlib: true, metaclass: "ABCMeta",
  };
  (cls as { mro: readonly PyClassObj[] }).mro = [cls, ...rational.mro];
  allSlots(cls);
  setClassHooks(cls, {
    subclass: () => {
      throw new PymemError("UNSUPPORTED", "a subclass of fractions.Fraction");
    },
  });
  fractionClasses.add(cls);
  registerSelfCopying(cls);
  byLayout.set(layout, cls);
  return cls;
}

/** The fractions module's attributes for a version. */
export function fractionsModuleAttrs(layout: Layout): [string, PyObj][] {
  return [["Fraction", fractionClassOf(layout)]];
}
