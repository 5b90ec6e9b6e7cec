// format(), str.format and printf-style `%` over the modelled types.
import { chargeChars, chargeSteps, chargeText, ctx, noteSurrogate } from "./ctx.js";
import { PyException, limitError, typeError, unsupported, valueError, keyError } from "./errors.js";
import { floatToInt, intValue, toFloat } from "./numbers.js";
import { bufferBytes } from "./arrayObject.js";
import { applyFieldAccessors, fieldItem, splitFieldName } from "./formatFields.js";
import { pyInt, pyStrFresh, subOf, typeName, type PyObj, type PyStrObj } from "./objects.js";
import { asBuiltin, exactResult } from "./builtinSubclass.js";
import { decimalSpecInvalid, formatDecimal } from "./decimalFormat.js";
import { madeByModule } from "./moduleMadeClasses.js";
import { asciiRepr, builtinRepr, floatRepr, intToDecimal, repr, str } from "./repr.js";
import { materialize } from "./seq.js";
import { MAX_TEXT, bytesData as bytesDataOf, codePointCount, strText } from "./text.js";
import { dictGet } from "./dicts.js";
import { pyStr } from "./objects.js";
import { intern } from "./constPool.js";
import { parsePercentArg, unsupportedConversion, type PercentHooks } from "./percentSpec.js";
import { newTuple } from "./tuples.js";
import { callDunder, isUserObj, userIndexOf, userText } from "./userDunders.js";
import { userFloat, userInt } from "./userConversions.js";

interface Spec {
  fill: string;
  align: string;
  sign: string;
  /** 'z' (3.11+, PEP 682): a negative zero after rounding is formatted as a positive one. */
  z: boolean;
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: string;
  precision: number | null;
  type: string;
}

/** The presentation type as CPython's messages print it: the character, or \x.. outside printable ASCII. */
function codeText(type: string): string {
  const c = type.codePointAt(0) as number;
  return c > 32 && c < 128 ? type : `\\x${c.toString(16)}`;
}

/**
 * parse_internal_render_format_spec (Python/formatter_unicode.c): fill and
 * align, sign, '#', the '0' shorthand (which implies '=' only for types that
 * align right by default), width, ',' or '_', precision, one type character.
 * `type` is "" when none was given (the caller's default then applies).
 */
function parseSpec(spec: string, defaultType: string, defaultAlign: "<" | ">"): Spec {
  const cps = [...spec];
  let pos = 0;
  const isAlign = (c: string | undefined): boolean => c === "<" || c === ">" || c === "=" || c === "^";
  const s: Spec = { fill: " ", align: "", sign: "", z: false, alt: false, zero: false, width: 0, grouping: "", precision: null, type: "" };
  let fillGiven = false;
  if (cps.length >= 2 && isAlign(cps[1])) {
    s.fill = cps[0] as string;
    s.align = cps[1] as string;
    fillGiven = true;
    pos = 2;
  } else if (cps.length >= 1 && isAlign(cps[0])) {
    s.align = cps[0] as string;
    pos = 1;
  }
  const c0 = cps[pos];
  if (c0 === "+" || c0 === "-" || c0 === " ") {
    s.sign = c0;
    pos++;
  }
  if (cps[pos] === "z" && ctx().layout.rules.negativeZeroCoercion) {
    s.z = true;
    pos++;
  }
  if (cps[pos] === "#") {
    s.alt = true;
    pos++;
  }
  if (!fillGiven && cps[pos] === "0") {
    s.fill = "0";
    s.zero = true;
    // 3.10+ only for types that align right by default; before, for every type (so '05' is an error for a str).
    if (s.align === "" && (defaultAlign === ">" || ctx().layout.rules.zeroFlagAlignsEveryType)) s.align = "=";
    pos++;
  }
  const integer = (): number | null => {
    let digits = "";
    while (pos < cps.length && /^[0-9]$/.test(cps[pos] as string)) digits += cps[pos++];
    if (digits === "") return null;
    if (BigInt(digits) > PY_SSIZE_T_MAX) throw valueError("Too many decimal digits in format string");
    return Number(digits);
  };
  s.width = integer() ?? 0;
  if (cps[pos] === ",") {
    s.grouping = ",";
    pos++;
  }
  if (cps[pos] === "_") {
    if (s.grouping !== "") throw valueError("Cannot specify both ',' and '_'.");
    s.grouping = "_";
    pos++;
  }
  if (cps[pos] === "," && s.grouping === "_") throw valueError("Cannot specify both ',' and '_'.");
  if (cps[pos] === ".") {
    pos++;
    s.precision = integer();
    if (s.precision === null) throw valueError("Format specifier missing precision");
  }
  if (cps.length - pos > 1) throw valueError("Invalid format specifier");
  if (cps.length - pos === 1) s.type = cps[pos] as string;
  if (s.grouping !== "") {
    const t = s.type === "" ? defaultType : s.type;
    const ok = "defgEG%F".includes(t) || t === "" || (s.grouping === "_" && "boxX".includes(t));
    if (!ok) throw valueError(`Cannot specify '${s.grouping}' with '${codeText(t)}'.`);
  }
  return s;
}

function unknownCode(type: string, o: PyObj): PyException {
  return valueError(`Unknown format code '${codeText(type)}' for object of type '${typeName(o)}'`);
}

/**
 * _PyUnicode_InsertThousandsGrouping: groups of `every` digits from the
 * right; with zero padding ('0' fill, '=' alignment) the padding zeros are
 * grouped too, until the digits take at least `minWidth` (a group never
 * starts with the separator, so the result may be one wider).
 */
function group(digits: string, sep: string, every: number, minWidth = 0): string {
  if (sep === "") return digits;
  const parts: string[] = [];
  let remaining = digits.length;
  let width = Math.max(0, minWidth);
  for (;;) {
    const l = Math.min(every, Math.max(remaining, width, 1));
    const nChars = Math.max(0, Math.min(remaining, l));
    parts.push("0".repeat(Math.max(0, l - remaining)) + digits.slice(remaining - nChars, remaining));
    remaining -= nChars;
    width -= l;
    if (remaining <= 0 && width <= 0) break;
    width -= sep.length;
  }
  return parts.reverse().join(sep);
}

/** The width the digits must fill when zero padding is grouped ('0' fill with '=' alignment), else 0. */
function zeroGroupWidth(s: Spec, others: number): number {
  return s.fill === "0" && s.align === "=" ? s.width - others : 0;
}

function pad(body: string, sign: string, s: Spec, defaultAlign: string): string {
  const len = codePointCount(body) + sign.length;
  if (len >= s.width) return sign + body;
  // A width CPython may well allocate (it raises MemoryError only past what the machine can give) is beyond pymem's strings.
  if (s.width - len > MAX_TEXT) throw limitError(`a field width past ${MAX_TEXT} characters, pymem's limit for one str`);
  const fill = s.fill.repeat(s.width - len);
  const align = s.align || defaultAlign;
  if (align === "<") return sign + body + fill;
  if (align === ">") return fill + sign + body;
  if (align === "=") return sign + fill + body;
  const left = Math.floor((s.width - len) / 2);
  return s.fill.repeat(left) + sign + body + s.fill.repeat(s.width - len - left);
}

/**
 * '%.{prec}f': the exact decimal value rounded half to even. toFixed rounds
 * exactly too, but ties up (0.5 -> '1'), so anything near a tie, and what
 * toFixed cannot take, goes the exact way.
 */
function fixed(x: number, prec: number): string {
  if (Math.abs(x) < 1e21 && prec <= 100) {
    const scaled = Math.abs(x) * 10 ** prec;
    const frac = scaled - Math.floor(scaled);
    if (Number.isFinite(scaled) && Math.abs(frac - 0.5) > 1e-6 * Math.max(1, scaled)) return x.toFixed(prec);
  }
  return exactFixed(x, prec);
}

/**
 * A double's exact decimal value rounded half-even to `prec` places, for what
 * toFixed cannot take (past 100 places or 1e21): a double is m * 2**e exactly.
 */
function exactFixed(x: number, prec: number): string {
  // Py_DTSF's buffers: CPython refuses what no formatting can print.
  if (prec > 2 ** 31 - 1) throw valueError("precision too big");
  if (prec > 100) chargeText(prec + 330);
  const neg = x < 0;
  const [m, e] = decompose(Math.abs(x));
  // m * 2**e has at most -e decimal places: past them every digit is a zero and nothing rounds
  // (so '%.100000000f' costs its zeros, not a 10**prec bigint).
  const places = Math.max(0, -e);
  if (prec > places) {
    const head = exactFixed(x, places);
    return (places === 0 ? `${head}.` : head) + "0".repeat(prec - places);
  }
  // value = m * 2**e; scaled = value * 10**prec, rounded half to even.
  let num = m * 10n ** BigInt(prec);
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  let q = num / den;
  const r = num % den;
  if (r * 2n > den || (r * 2n === den && q % 2n === 1n)) q += 1n;
  let digits = q.toString().padStart(prec + 1, "0");
  if (prec > 0) digits = `${digits.slice(0, digits.length - prec)}.${digits.slice(digits.length - prec)}`;
  return neg ? `-${digits}` : digits;
}

/** A finite non-negative double as an integer mantissa and a power of two. */
function decompose(x: number): [bigint, number] {
  if (x === 0) return [0n, 0];
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const exp = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return exp === 0 ? [frac, -1074] : [frac | (1n << 52n), exp - 1075];
}

/** More significant decimal digits than any double's exact value has (at most 767). */
const EXACT_DIGITS = 800;

/**
 * A finite non-negative double's first `n` significant decimal digits,
 * correctly rounded half to even from its exact value (as _Py_dg_dtoa's mode
 * 2 gives them; toExponential rounds exact ties up), and the power of ten of
 * the first: x ≈ 0.d1d2… × 10**(exp + 1).
 */
function significant(x: number, n: number): { digits: string; exp: number } {
  if (x === 0) return { digits: "0".repeat(n), exp: 0 };
  if (n > 100) chargeText(n + 330);
  if (n > EXACT_DIGITS) {
    // Past a double's exact decimal digits the rest are zeros: nothing rounds.
    const { digits, exp } = significant(x, EXACT_DIGITS);
    return { digits: digits + "0".repeat(n - EXACT_DIGITS), exp };
  }
  const [m, e] = decompose(x);
  let k = Math.floor(Math.log10(x));
  for (;;) {
    // q = round(x * 10**(n - 1 - k)) with x = m * 2**e, exactly.
    const shift = n - 1 - k;
    let num = m;
    let den = 1n;
    if (shift >= 0) num *= 10n ** BigInt(shift);
    else den *= 10n ** BigInt(-shift);
    if (e >= 0) num <<= BigInt(e);
    else den <<= BigInt(-e);
    let q = num / den;
    const r = num % den;
    if (r * 2n > den || (r * 2n === den && q % 2n === 1n)) q += 1n;
    const digits = q.toString();
    if (digits.length > n) {
      // Rounded up to 10**n (or log10 guessed low): one more power of ten.
      if (digits === "1" + "0".repeat(n)) return { digits: "1" + "0".repeat(n - 1), exp: k + 1 };
      k++;
      continue;
    }
    if (digits.length < n) {
      k--;
      continue;
    }
    return { digits, exp: k };
  }
}

function exponentText(n: number): string {
  return `e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
}

function expo(x: number, prec: number, upper: boolean): string {
  const { digits, exp } = significant(x, prec + 1);
  const out = (prec > 0 ? `${digits[0]}.${digits.slice(1)}` : digits) + exponentText(exp);
  return upper ? out.toUpperCase() : out;
}

/**
 * 'g': p significant digits, fixed while -4 <= exponent < p, trailing zeros
 * dropped unless '#'. `addDot0` is the presentation without a type but with
 * a precision (Py_DTSF_ADD_DOT_0): a fixed result keeps one digit after the
 * point, and the exponent form starts one power of ten earlier.
 */
function general(x: number, prec: number, alt: boolean, upper: boolean, addDot0 = false): string {
  const p = prec === 0 ? 1 : prec;
  if (x === 0) return alt ? "0." + "0".repeat(p - 1) : addDot0 ? "0.0" : "0";
  const { digits, exp } = significant(x, p);
  const trim = (whole: string, frac: string, dot0 = addDot0): string => {
    const f = alt ? frac : frac.replace(/0+$/, "");
    if (f === "" && !alt) return dot0 ? `${whole}.0` : whole;
    return `${whole}.${f}`;
  };
  if (exp >= -4 && exp < (addDot0 ? p - 1 : p)) {
    if (exp >= 0) return trim(digits.slice(0, exp + 1), digits.slice(exp + 1));
    return trim("0", "0".repeat(-exp - 1) + digits);
  }
  const out = trim(digits[0] as string, digits.slice(1), false) + exponentText(exp);
  return upper ? out.toUpperCase() : out;
}

function formatFloat(x: number, s: Spec): string {
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let body: string;
  if (!Number.isFinite(a)) body = (Number.isNaN(a) ? "nan" : "inf") + (s.type === "%" ? "%" : "");
  else {
    switch (s.type) {
      // '#' keeps the decimal point even without digits after it ('1.e+06', '50.%').
      case "f": case "F": body = fixed(a, s.precision ?? 6) + (s.alt && s.precision === 0 ? "." : ""); break;
      case "e": case "E": body = expo(a, s.precision ?? 6, s.type === "E").replace(/^(\d)([eE])/, s.alt ? "$1.$2" : "$1$2"); break;
      case "%": body = fixed(a * 100, s.precision ?? 6) + (s.alt && s.precision === 0 ? ".%" : "%"); break;
      case "g": case "G": case "n": body = general(a, s.precision ?? 6, s.alt, s.type === "G"); break;
      default:
        // No type, no precision: repr's digits; with '#' (Py_DTSF_ALT) a one-digit mantissa keeps its point ('1.e+16').
        body = s.precision === null ? floatRepr(a).replace(/^(\d)e/, s.alt ? "$1.e" : "$1e") : general(a, s.precision, s.alt, false, true);
    }
    if (s.grouping !== "") {
      // Only the leading run of integer digits is grouped: '1e+16' and '1.5e+300' keep their exponent as is.
      const m = /^(\d+)(.*)$/s.exec(body) as RegExpExecArray;
      const signWidth = neg || s.sign === "+" || s.sign === " " ? 1 : 0;
      body = group(m[1] as string, s.grouping, 3, zeroGroupWidth(s, signWidth + [...(m[2] as string)].length)) + (m[2] as string);
    }
  }
  if (s.type === "F" || s.type === "E" || s.type === "G") body = body.toUpperCase();
  // 'z': a value that rounded to zero loses its minus sign (the digits before any exponent are all 0).
  const negZero = s.z && Number.isFinite(a) && !/[1-9]/.test(body.split(/[eE]/)[0] as string);
  const sign = neg && !negZero ? "-" : s.sign === "+" ? "+" : s.sign === " " ? " " : "";
  return pad(body, sign, s, ">");
}

function formatInt(v: number | bigint, s: Spec): string {
  if ("eEfFgG%".includes(s.type) && s.type !== "") {
    // PyLong_AsDouble: correctly rounded, an OverflowError past DBL_MAX.
    const f = Number(v);
    if (!Number.isFinite(f)) throw new PyException("OverflowError", "int too large to convert to float");
    return formatFloat(f, s);
  }
  const neg = v < 0;
  const a = neg ? -BigInt(v) : BigInt(v);
  let body: string;
  let prefix = "";
  switch (s.type) {
    case "b": body = a.toString(2); prefix = "0b"; break;
    case "o": body = a.toString(8); prefix = "0o"; break;
    case "x": body = a.toString(16); prefix = "0x"; break;
    case "X": body = a.toString(16).toUpperCase(); prefix = "0X"; break;
    case "c": noteSurrogate(Number(a)); return pad(String.fromCodePoint(Number(a)), "", s, "<");
    default: body = intToDecimal(a);
  }
  if (s.precision !== null) throw valueError("Precision not allowed in integer format specifier");
  const sign = (neg ? "-" : s.sign === "+" ? "+" : s.sign === " " ? " " : "") + (s.alt ? prefix : "");
  body = group(body, s.grouping, s.type === "" || s.type === "d" || s.type === "n" ? 3 : 4, zeroGroupWidth(s, sign.length));
  return pad(body, sign, s, ">");
}

/**
 * str(o) as the object CPython returns: the str itself, the interned
 * 'True'/'False' of bool_repr, a new string for an int (long_to_decimal_string),
 * else the repr text finished by a unicode writer (one latin-1 char is cached).
 */
export function strObj(o: PyObj): PyStrObj {
  if (subOf(o) !== undefined) return subclassStr(o);
  if (o.t === "str") return o;
  if (o.t === "bool") return boolStr(o.v);
  if (o.t === "int") return pyStrFresh(intToDecimal(o.v));
  // PyObject_Str returns what __str__ (or object.__str__'s repr) returned, the very object.
  if (isUserObj(o)) return userText(o, "__str__") ?? reprObject(o);
  return pyStr(str(o));
}

/**
 * str() of a builtin subclass's object: the class's __str__, else the builtin's — a copy of
 * the exact type for a str (unicode_str), and for an int or float object_str, which is
 * their repr (the class's __repr__ when it has one).
 */
function subclassStr(o: PyObj): PyStrObj {
  const own = userText(o, "__str__");
  if (own !== null) return own;
  if (o.t === "str") return exactResult(o, o) as PyStrObj;
  // bytes_str and bytearray_str: their own repr.
  if (o.t === "bytes" || o.t === "bytearray") return pyStr(builtinRepr(o));
  if (o.t === "int" || o.t === "float") {
    const r = userText(o, "__repr__");
    if (r !== null) return r;
  }
  // object_str: the repr, which names a subclass's type where the builtin's does (set_repr …).
  return pyStr(str(o));
}

/**
 * bool_repr's result: the interned 'True'/'False' before 3.11; from 3.11 the interpreter's static
 * string, another object than the interned constant of that text.
 */
function boolStr(v: boolean): PyStrObj {
  const text = v ? "True" : "False";
  const c = ctx();
  if (!c.layout.rules.boolReprStatic) return intern(pyStr(text));
  let s = c.staticStrs.get(text);
  if (s === undefined) c.staticStrs.set(text, (s = pyStrFresh(text)));
  return s;
}

/** repr(o) as an object: a setup class's __repr__ result itself, else a new string. */
export function reprObject(o: PyObj): PyStrObj {
  if (isUserObj(o)) {
    const t = userText(o, "__repr__");
    if (t !== null) return t;
  }
  return pyStrFresh(repr(o));
}

/** object.__format__ or a setup class's own __format__ (which must return a str). */
function userFormat(o: PyObj, spec: string): PyStrObj {
  const r = callDunder(o, "__format__", [pyStr(spec)]);
  if (r !== undefined) {
    if (r.t !== "str") throw typeError(`__format__ must return a str, not ${typeName(r)}`);
    return r;
  }
  // A builtin subclass's object without __format__: the builtin's (str() for an empty spec).
  if (spec !== "" && subOf(o) !== undefined) {
    const text = asBuiltin(o, () => formatValue(o, spec));
    // format_string_internal's fast path (no padding, no truncation) writes the str subclass's
    // object itself into the empty writer, readonly: it comes back unchanged, type and identity.
    if (o.t === "str" && o.length > 0 && text === strText(o)) return o;
    return pyStr(text);
  }
  if (spec !== "") throw objectFormatError(o);
  return strObj(o);
}

/** PyObject_Format(o, spec) as an object: an unchanged str comes back as itself (the writer's readonly path). */
export function formatObj(o: PyObj, spec: string): PyStrObj {
  if (isUserObj(o)) return userFormat(o, spec);
  if (spec === "") return strObj(o);
  const text = formatValue(o, spec);
  if (o.t === "str" && text === strText(o)) return o;
  return pyStr(text);
}

/**
 * _PyUnicodeWriter_Finish over the pieces written: when exactly one whole str
 * object was written (empty pieces write nothing; `emptyFieldsWrite`: an empty
 * str field does, as PyUnicode_Format's do from 3.11), the result is that object;
 * otherwise a new str, with unicode_result's caches for '' and one latin-1 char.
 */
function finishWriter(pieces: readonly (PyStrObj | string)[], emptyFieldsWrite = false): PyStrObj {
  // Over-allocation is switched off only for the format's last step, and a
  // readonly (shared) buffer needs an empty writer without over-allocation.
  const steps = [...pieces];
  while (steps.length > 0 && steps[steps.length - 1] === "") steps.pop();
  const last = steps[steps.length - 1];
  const emptyBefore = steps.slice(0, -1).every((p) => (typeof p === "string" ? p === "" : p.length === 0 && !emptyFieldsWrite));
  if (last !== undefined && typeof last !== "string" && last.length > 0 && emptyBefore) return last;
  return pyStr(pieces.map((p) => (typeof p === "string" ? p : strText(p))).join(""));
}

/** A field as written into the format's writer: exact int/float text goes in directly, a str whole. */
function writerPiece(v: PyObj, spec: string): PyStrObj | string {
  if ((v.t === "int" || v.t === "float") && subOf(v) === undefined) return formatValue(v, spec);
  return formatObj(v, spec);
}

/** format(value, spec): PyObject_Format. */
export function formatValue(o: PyObj, spec: string): string {
  if (isUserObj(o)) return strText(userFormat(o, spec));
  if (spec === "") return str(o);
  const iv = intValue(o);
  if (iv !== null) {
    const s = parseSpec(spec, "d", ">");
    if (s.type !== "" && !"bcdoxXneEfFgG%".includes(s.type)) throw unknownCode(s.type, o);
    if (s.precision !== null && !"eEfFgG%".includes(s.type)) throw valueError("Precision not allowed in integer format specifier");
    if (s.z && (s.type === "" || !"eEfFgG%".includes(s.type))) throw valueError("Negative zero coercion (z) not allowed in integer format specifier");
    if (s.type === "c") {
      if (s.sign !== "") throw valueError("Sign not allowed with integer format specifier 'c'");
      if (s.alt) throw valueError("Alternate form (#) not allowed with integer format specifier 'c'");
      if (iv < 0 || iv > 0x10ffff) throw new PyException("OverflowError", "%c arg not in range(0x110000)");
    }
    return formatInt(iv, s);
  }
  if (o.t === "float") {
    const s = parseSpec(spec, "", ">");
    if (s.type !== "" && !"eEfFgGn%".includes(s.type)) throw unknownCode(s.type, o);
    return formatFloat(o.v, s);
  }
  if (o.t === "str") {
    const s = parseSpec(spec, "s", "<");
    if (s.type !== "" && s.type !== "s") throw unknownCode(s.type, o);
    if (s.sign !== "") throw valueError("Sign not allowed in string format specifier");
    if (s.z) throw valueError("Negative zero coercion (z) not allowed in string format specifier");
    if (s.alt) throw valueError("Alternate form (#) not allowed in string format specifier");
    if (s.align === "=") throw valueError("'=' alignment not allowed in string format specifier");
    let t = strText(o);
    if (s.precision !== null) t = [...t].slice(0, s.precision).join("");
    return pad(t, "", s, "<");
  }
  if (o.t === "complex") throw unsupported("format specs for complex");
  if (o.t === "Decimal") {
    const text = formatDecimal(o, spec, str(o));
    if (text === null && decimalSpecInvalid(spec, ctx().layout.rules.negativeZeroCoercion)) throw valueError("invalid format string");
    if (text === null) throw unsupported(`the Decimal format spec '${spec}'`);
    return text;
  }
  throw objectFormatError(o);
}

/** The stdlib C types with a __format__ of their own beyond int/float/complex/str (Fraction's, from 3.12, is in its model). */
const OWN_FORMAT: ReadonlySet<string> = new Set(["Decimal", "date", "datetime", "time"]);

/**
 * object.__format__'s TypeError for a non-empty spec; a type with its own __format__
 * (Decimal, date, Fraction from 3.12 …) that pymem does not format is refused instead.
 */
function objectFormatError(o: PyObj): Error {
  const owners = o.t === "instance" ? o.cls.mro.filter(madeByModule).map((c) => c.name) : isUserObj(o) ? [] : [typeName(o)];
  const own = owners.find((k) => OWN_FORMAT.has(k));
  if (own !== undefined) return unsupported(`format specs for ${own}`);
  return typeError(`unsupported format string passed to ${typeName(o)}.__format__`);
}

/** str.format(*args, **kwargs): fields {}, {0}, {name}, with accessors {0.attr}, {0[i]}, {name[key]}. */
export function strFormat(templateObj: PyStrObj, args: readonly PyObj[], kwargs: ReadonlyMap<string, PyObj>): PyStrObj {
  return formatWith(templateObj, args, (name) => {
    const value = kwargs.get(name);
    if (value === undefined) throw keyError(pyStr(name), repr(pyStr(name)));
    return value;
  });
}

/**
 * str.format_map(mapping): get_field_object looks a named field up with
 * PyObject_GetItem(mapping, key) — a dict subclass's __missing__ runs — the key
 * a substring of the template (PyUnicode_Substring: a 1-character one is the
 * cached latin-1 str); a positional field has no tuple to index.
 */
export function strFormatMap(templateObj: PyStrObj, mapping: PyObj): PyStrObj {
  return formatWith(templateObj, null, (name) => fieldItem(mapping, pyStr(name)));
}

function formatWith(templateObj: PyStrObj, positional: readonly PyObj[] | null, named: (name: string) => PyObj): PyStrObj {
  const args = positional ?? [];
  const positionalField = (): never => {
    throw valueError("Format string contains positional fields");
  };
  const template = strText(templateObj);
  let auto = 0;
  const pieces: (PyStrObj | string)[] = [];
  const re = /\{\{|\}\}|\{([^{}!:]*)(?:!([rsa]))?(?::([^{}]*(?:\{[^{}]*\}[^{}]*)*))?\}/g;
  let last = 0;
  for (const m of template.matchAll(re)) {
    chargeSteps(FORMAT_FIELD_STEPS);
    pieces.push(template.slice(last, m.index));
    last = (m.index as number) + m[0].length;
    pieces.push(formatField(m[0], m[1], m[2], m[3]));
  }
  // A template with no fields is written whole: the method returns it unchanged.
  if (last === 0) return template.includes("{{") || template.includes("}}") ? pyStr(template.replace(/\{\{/g, "{").replace(/\}\}/g, "}")) : templateObj;
  pieces.push(template.slice(last));
  return finishWriter(pieces);

  function formatField(m: string, field: string | undefined, conv: string | undefined, spec: string | undefined): PyStrObj | string {
    if (m === "{{") return "{";
    if (m === "}}") return "}";
    let value: PyObj | undefined;
    const [name, accessors] = splitFieldName(field ?? "");
    if ((name === "" || /^\d+$/.test(name)) && positional === null) positionalField();
    if (name === "") value = args[auto++];
    else if (/^\d+$/.test(name)) value = args[Number(name)];
    // Any other first part is a keyword (get_field_object: not checked to be an identifier).
    else value = named(name);
    if (value === undefined) throw new PyException("IndexError", "Replacement index " + (name === "" ? auto - 1 : name) + " out of range for positional args tuple");
    if (accessors !== "") value = applyFieldAccessors(value, accessors);
    const v: PyObj = conv === "r" ? pyStrFresh(repr(value)) : conv === "s" ? strObj(value) : value;
    const nested = (n: string): PyObj => {
      if ((n === "" || /^\d+$/.test(n)) && positional === null) positionalField();
      return n === "" ? (args[auto++] as PyObj) : /^\d+$/.test(n) ? (args[Number(n)] as PyObj) : named(n);
    };
    const realSpec = (spec ?? "").replace(/\{(\w*)\}/g, (_x, n: string) => str(nested(n)));
    return writerPiece(v, realSpec);
  }
}

const PY_SSIZE_T_MAX = 2n ** 63n - 1n;
const INT_MAX = 2n ** 31n - 1n;
/** The conversions unicode_format_arg_format knows; any other is a ValueError once its argument is taken. */
const PERCENT_CONVERSIONS = "sraiduoxXeEfFgGc";

/**
 * PyUnicode_Format / _PyBytes_FormatEx treat a right operand with mp_subscript
 * (other than a tuple or a str; for bytes formatting also not bytes/bytearray)
 * as a mapping: arguments left unused are then no error.
 */
function actsAsMapping(o: PyObj, bytesFormat: boolean): boolean {
  if (o.t === "bytes" || o.t === "bytearray") return !bytesFormat;
  return o.t === "dict" || o.t === "list" || o.t === "range" || o.t === "array"
    || (o.t === "instance" && o.cls.mro.some((c) => c.attrs.has("__getitem__")));
}

/** A format field's parsing and conversion, in counted steps (about what a few loop iterations cost). */
const FORMAT_FIELD_STEPS = 1;

export function percentFormat(fmt: PyStrObj, args: PyObj, bytesFormat = false): PyStrObj {
  // PyUnicode_Format's arguments: a tuple's items, else the one object (arglen -1); a "(key)" makes the mapping's
  // item the one object left. unicode_format_getnextarg hands them out in parse order.
  let values: readonly PyObj[] = args.t === "tuple" ? materialize(args.items) : [args];
  let i = 0;
  const mapping = actsAsMapping(args, bytesFormat);
  const pieces: (PyStrObj | string)[] = [];
  const next = (): PyObj => {
    const v = values[i++];
    if (v === undefined) throw typeError("not enough arguments for format string");
    return v;
  };
  chargeChars(fmt.length);
  const fmtText = strText(fmt);
  let starWidth = 0;
  let starPrec = 0;
  const hooks: PercentHooks = {
    key: (key) => {
      if (!mapping) throw typeError("format requires a mapping");
      if (args.t !== "dict") throw unsupported("%(key) formatting with a mapping other than a dict");
      const v = dictGet(args, pyStr(key));
      if (v === undefined) throw keyError(pyStr(key), repr(pyStr(key)));
      values = [v];
      i = 0;
    },
    // A '*' width, then a '.*' precision, come from the arguments before the value; a negative width left-justifies,
    // a negative precision is 0. Past a Py_ssize_t / C int they are an OverflowError (PyLong_AsSsize_t / _PyLong_AsInt).
    star: (which) => {
      const n = intValue(next());
      if (n === null) throw typeError("* wants int");
      const [max, cType] = which === "width" ? [PY_SSIZE_T_MAX, "ssize_t"] : [INT_MAX, "int"];
      if (BigInt(n) > max || BigInt(n) < -max - 1n) throw new PyException("OverflowError", `Python int too large to convert to C ${cType}`);
      if (which === "width") starWidth = Number(n);
      else starPrec = Number(n);
    },
  };
  let last = 0;
  let at = fmtText.indexOf("%");
  while (at >= 0) {
    pieces.push(fmtText.slice(last, at));
    if (fmtText[at + 1] === "%") {
      pieces.push("%");
      last = at + 2;
    } else {
      // Each conversion parses its spec and formats a value: a step of its own.
      chargeSteps(FORMAT_FIELD_STEPS);
      const arg = parsePercentArg(fmtText, at + 1, hooks, bytesFormat ? "prec too big" : "precision too big");
      last = arg.end;
      const value = next();
      if (!PERCENT_CONVERSIONS.includes(arg.conv)) unsupportedConversion(fmtText, arg);
      pieces.push(one(value, arg.flags, arg.width, arg.prec, arg.conv));
    }
    at = fmtText.indexOf("%", last);
  }
  pieces.push(fmtText.slice(last));
  if (i < values.length && !mapping) throw typeError("not all arguments converted during string formatting");
  return finishWriter(pieces, ctx().layout.rules.percentEmptyFieldWrites);

  function one(value: PyObj, flags: string, width: string | undefined, prec: string | undefined, conv: string): PyStrObj | string {
    let w = width === "*" ? starWidth : width !== undefined ? Number(width) : 0;
    const left = flags.includes("-") || w < 0;
    w = Math.abs(w);
    const p = prec === "*" ? Math.max(0, starPrec) : prec !== undefined ? Number(prec) : null;
    const align = left ? "<" : flags.includes("0") && !"srac".includes(conv) ? "=" : ">";
    const spec: Spec = {
      fill: align === "=" ? "0" : " ", align, sign: flags.includes("+") ? "+" : flags.includes(" ") ? " " : "-", z: false,
      alt: flags.includes("#"), zero: false, width: w, grouping: "", precision: p, type: "",
    };
    switch (conv) {
      case "s": case "r": case "a": {
        if (conv === "s" && value.t === "int" && subOf(value) === undefined && w === 0 && p === null) return intToDecimal(value.v);
        const whole = conv === "s" ? strObj(value) : null;
        let t = whole !== null ? strText(whole) : conv === "a" ? asciiRepr(value) : repr(value);
        chargeChars(t.length);
        if (p !== null) t = t.slice(0, p);
        const out = pad(t, "", { ...spec, align: align === "=" ? ">" : align }, ">");
        return whole !== null && out === strText(whole) ? whole : out;
      }
      case "d": case "i": case "u": {
        const own = isUserObj(value) ? userInt(value) : null;
        const iv = intValue(own ?? value) ?? (value.t === "float" ? intValue(floatToInt(value.v)) : null) // PyNumber_Long: inf and nan raise;
        if (iv === null) throw typeError(`%${conv} format: a real number is required, not ${typeName(value)}`);
        const text = percentInt(iv, conv, p, spec);
        // Only an exact int is written digit by digit; others become a new str first (_PyUnicode_FormatLong).
        return value.t === "int" ? text : pyStrFresh(text);
      }
      case "x": case "X": case "o": {
        const iv = intValue(value) ?? userIndexOf(value);
        if (iv === null) throw typeError(`%${conv} format: an integer is required, not ${typeName(value)}`);
        return percentInt(iv, conv, p, spec);
      }
      case "c": {
        // formatchar: a str of one character, or an integer (an int, or an object's __index__) below 0x110000.
        if (value.t === "str") {
          if (value.length !== 1) throw typeError("%c requires int or char");
          return pad(strText(value), "", spec, ">");
        }
        const iv = intValue(value) ?? (isUserObj(value) ? userIndexOf(value) : null);
        if (iv === null) throw typeError("%c requires int or char");
        if (iv < 0 || iv > 0x10ffff) throw new PyException("OverflowError", "%c arg not in range(0x110000)");
        noteSurrogate(Number(iv));
        return pad(String.fromCodePoint(Number(iv)), "", spec, ">");
      }
      default: {
        const own = isUserObj(value) ? userFloat(value) : null;
        const f = toFloat(own ?? value);
        if (f === null) throw typeError(`must be real number, not ${typeName(value)}`);
        return formatFloat(f, { ...spec, type: conv, precision: p ?? 6 });
      }
    }
  }
}

/**
 * %d %i %u %x %X %o (_PyUnicode_FormatLong): at least `prec` digits
 * (zero-filled), the '#' prefix of x/X/o, the sign, then the width (zeros
 * after the sign and prefix with the '0' flag).
 */
function percentInt(iv: number | bigint, conv: string, prec: number | null, spec: Spec): string {
  const neg = iv < 0;
  const a = neg ? -BigInt(iv) : BigInt(iv);
  let digits = conv === "x" ? a.toString(16) : conv === "X" ? a.toString(16).toUpperCase() : conv === "o" ? a.toString(8) : intToDecimal(a);
  if (prec !== null && digits.length < prec) {
    chargeText(prec);
    digits = "0".repeat(prec - digits.length) + digits;
  }
  const prefix = spec.alt ? (conv === "x" ? "0x" : conv === "X" ? "0X" : conv === "o" ? "0o" : "") : "";
  const sign = neg ? "-" : spec.sign === "+" ? "+" : spec.sign === " " ? " " : "";
  return pad(digits, sign + prefix, spec, ">");
}

/** bytes % args (_PyBytes_FormatEx): printf-style over latin-1 text; %b/%s take bytes-likes. */
export function bytesPercentFormat(fmt: Uint8Array, args: PyObj): Uint8Array {
  // format_obj: a buffer's bytes (a setup class's __bytes__ is not modelled here), else a TypeError.
  const toLatin1 = (o: PyObj): PyObj => {
    const buf = bufferBytes(o);
    if (buf !== null) return pyStr(Buffer.from(buf).toString("latin1"));
    if (isUserObj(o)) throw unsupported("bytes %s/%b formatting of a setup class's object (__bytes__)");
    throw typeError(`%b requires a bytes-like object, or an object that implements __bytes__, not '${typeName(o)}'`);
  };
  // %c: an int in range(256) or a bytes-like of one byte (byte_converter), as the str %c of that code.
  const toChar = (o: PyObj): PyObj => {
    if ((o.t === "bytes" || o.t === "bytearray") && o.length === 1) return pyInt(bytesDataOf(o)[0] as number);
    const iv = intValue(o);
    if (iv === null) throw typeError("%c requires an integer in range(256) or a single byte");
    if (iv < 0 || iv > 255) throw new PyException("OverflowError", "%c arg not in range(256)");
    return o;
  };
  const isTuple = args.t === "tuple";
  const values = isTuple ? materialize(args.items) : [args];
  // The roles below are read without a mapping's items: a "(key)" conversion (a bytes key) is not modelled.
  if (/(?:^|[^%])(?:%%)*%\(/.test(Buffer.from(fmt).toString("latin1"))) throw unsupported("bytes % formatting with a %(key) conversion");
  // %s and %b read bytes-likes; %r/%a keep the object for its repr.
  const text = Buffer.from(fmt).toString("latin1");
  // What each argument is for, in order: a '*' width or '.*' precision comes before its conversion's value.
  const roles: string[] = [];
  for (const m of text.matchAll(/%(?:\([^)]*\))?[-+ #0]*(\*|\d+)?(?:\.(\*|\d+))?([diouxXeEfFgGcrsab%])/g)) {
    if (m[3] === "%") continue;
    if (m[1] === "*") roles.push("*");
    if (m[2] === "*") roles.push("*");
    roles.push(m[3] as string);
  }
  const mapped = values.map((v, i) => (roles[i] === "s" || roles[i] === "b" ? toLatin1(v) : roles[i] === "c" ? toChar(v) : v));
  // %b is %s of the bytes; %r is %a (ascii(), never repr's non-ASCII).
  const spelled = text.replace(/%([-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?)b/g, "%$1s").replace(/%([-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?)r/g, "%$1a");
  const out = percentFormat(pyStr(spelled), isTuple ? newTuple(mapped) : (mapped[0] as PyObj), true);
  const t = strText(out);
  if ([...t].some((c) => c.charCodeAt(0) > 255)) throw typeError("bytes formatting produced non-latin-1 text");
  return Uint8Array.from(Buffer.from(t, "latin1"));
}
