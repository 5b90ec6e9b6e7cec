// repr() and str() of modelled objects, spelled as CPython 3.10 spells them.
import { qualifiedTypeName } from "./cTypeModules.js";
import { cCallableRepr } from "./cCallables.js";
import { typingHooks } from "./typingHooks.js";
import { classHooks } from "./classHooks.js";
import { chargeChars, ctx } from "./ctx.js";
import { INT_MAX_STR_DIGITS, intLimitText } from "../layouts/intDigitLimit.js";
import { limitError, valueError } from "./errors.js";
import type { IntV } from "./numbers.js";
import { typeName, type PyObj } from "./objects.js";
import { materialize, seqLen } from "./seq.js";
import { bytesData, strText } from "./text.js";
import { charTable } from "./unicodeChars.js";
import { isUserObj, userText } from "./userDunders.js";
import { nativeSlots } from "./nativeObjects.js";
import { flavoredRepr } from "./collectionRepr.js";


export function intToDecimal(v: IntV): string {
  const s = v.toString();
  if (typeof v === "bigint" && s.length - (v < 0n ? 1 : 0) > INT_MAX_STR_DIGITS) {
    throw valueError(
      `${intLimitText(ctx().layout.rules.intLimitSaysDigits)}; use sys.set_int_max_str_digits() to increase the limit`,
    );
  }
  return s;
}

/** float_repr: the shortest round-tripping digits, in exponent form outside 1e-4 <= |x| < 1e16. */
export function floatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const a = Math.abs(x);
  if (a >= 1e-4 && a < 1e16) {
    // Where Python writes fixed-point, so does JS, with the same shortest digits: only whole numbers differ ('.0').
    const s = String(x);
    return Number.isInteger(x) ? `${s}.0` : s;
  }
  const [mant, expStr] = x.toExponential().split("e") as [string, string];
  const exp = Number(expStr);
  const neg = mant.startsWith("-");
  const digits = mant.replace("-", "").replace(".", "");
  let out: string;
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    out = `${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  } else if (exp < 0) {
    out = `0.${"0".repeat(-exp - 1)}${digits}`;
  } else if (digits.length <= exp + 1) {
    out = `${digits}${"0".repeat(exp + 1 - digits.length)}.0`;
  } else {
    out = `${digits.slice(0, exp + 1)}.${digits.slice(exp + 1)}`;
  }
  return neg ? `-${out}` : out;
}

function complexPart(x: number): string {
  const r = floatRepr(x);
  return r.endsWith(".0") ? r.slice(0, -2) : r;
}

export function complexRepr(re: number, im: number): string {
  const imPart = `${complexPart(im)}j`;
  if (re === 0 && !Object.is(re, -0)) return imPart;
  const sign = im < 0 || Object.is(im, -0) ? "" : "+";
  return `(${complexPart(re)}${sign}${imPart})`;
}

export function strRepr(text: string): string {
  chargeChars(text.length);
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = quote;
  // Py_UNICODE_ISPRINTABLE from the interpreter's own Unicode data (JS's knows newer characters).
  const printable = /^[\x00-\x7f]*$/.test(text) ? null : charTable("printable");
  for (const ch of text) {
    const c = ch.codePointAt(0) as number;
    if (ch === quote || ch === "\\") out += "\\" + ch;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c < 0x7f) out += ch;
    else if (printable !== null && !printable.has(c)) {
      out += c < 0x100 ? "\\x" + c.toString(16).padStart(2, "0") : c < 0x10000 ? "\\u" + c.toString(16).padStart(4, "0") : "\\U" + c.toString(16).padStart(8, "0");
    } else out += ch;
  }
  return out + quote;
}

export function bytesRepr(data: Uint8Array, prefix = "b"): string {
  chargeChars(data.length);
  let hasSingle = false;
  let hasDouble = false;
  for (const b of data) {
    if (b === 0x27) hasSingle = true;
    if (b === 0x22) hasDouble = true;
  }
  const quote = hasSingle && !hasDouble ? '"' : "'";
  let out = prefix + quote;
  for (const b of data) {
    if (b === quote.charCodeAt(0) || b === 0x5c) out += "\\" + String.fromCharCode(b);
    else if (b === 9) out += "\\t";
    else if (b === 10) out += "\\n";
    else if (b === 13) out += "\\r";
    else if (b < 0x20 || b >= 0x7f) out += "\\x" + b.toString(16).padStart(2, "0");
    else out += String.fromCharCode(b);
  }
  return out + quote;
}

const MAX_REPR_ITEMS = 5_000_000;

/**
 * Py_ReprEnter's per-thread list: containers whose repr is running. One list for
 * the whole evaluation, so a class's __repr__ that reprs a container again
 * (a node listing its children) meets the '[...]' CPython prints.
 */
const reprRunning = new Set<PyObj>();

/** Run a container's repr with it marked as running (Py_ReprEnter … Py_ReprLeave). */
function entered<T>(o: PyObj, active: Set<PyObj>, f: () => T): T {
  active.add(o);
  try {
    return f();
  } finally {
    active.delete(o);
  }
}

export function repr(o: PyObj, active: Set<PyObj> = reprRunning): string {
  if (isUserObj(o)) {
    const t = userText(o, "__repr__");
    if (t !== null) return strText(t);
  }
  return builtinRepr(o, active);
}

/** The type's own tp_repr, a class's __repr__ unseen (bytes_str and bytearray_str call theirs). */
export function builtinRepr(o: PyObj, active: Set<PyObj> = reprRunning): string {
  switch (o.t) {
    case "int":
      return intToDecimal(o.v);
    case "bool":
      return o.v ? "True" : "False";
    case "float":
      return floatRepr(o.v);
    case "complex":
      return complexRepr(o.re, o.im);
    case "NoneType":
      return "None";
    case "ellipsis":
      return "Ellipsis";
    case "NotImplementedType":
      return "NotImplemented";
    case "str":
      return strRepr(strText(o));
    case "bytes":
      return bytesRepr(bytesData(o));
    case "bytearray":
      // bytearray_repr names the object's type (a subclass's name).
      return `${typeName(o)}(${bytesRepr(bytesData(o))})`;
    case "list":
    case "tuple": {
      if (active.has(o)) return o.t === "list" ? "[...]" : "(...)";
      if (seqLen(o.items) > MAX_REPR_ITEMS) throw limitError("repr of a sequence this large is beyond pymem's limit");
      const parts = entered(o, active, () => materialize(o.items).map((x) => repr(x, active)));
      ctx().tick(parts.length);
      if (o.t === "list") return `[${parts.join(", ")}]`;
      return parts.length === 1 ? `(${parts[0]},)` : `(${parts.join(", ")})`;
    }
    case "set":
    case "frozenset": {
      // set_repr: a subclass's object shows its type's name around the braces.
      const name = typeName(o);
      if (o.table.used === 0) return `${name}()`;
      if (active.has(o)) return `${name}(...)`;
      const inner = entered(o, active, () => o.table.keyList().map((k) => repr(k, active)).join(", "));
      return name === "set" ? `{${inner}}` : `${name}({${inner}})`;
    }
    case "dict": {
      const plain = (): string => {
        if (active.has(o)) return "{...}";
        const inner = entered(o, active, () => [...o.table.map.values()].map((e) => `${repr(e.key, active)}: ${repr(e.value, active)}`));
        return `{${inner.join(", ")}}`;
      };
      return o.flavor !== undefined ? flavoredRepr(o, active, (x) => repr(x, active), plain) : plain();
    }
    case "range": {
      const step = o.step === 1n ? "" : `, ${o.step}`;
      return `range(${o.start}, ${o.stop}${step})`;
    }
    case "slice":
      return `slice(${repr(o.start)}, ${repr(o.stop)}, ${repr(o.step)})`;
    case "builtin":
      return cCallableRepr(o, AT_ADDRESS);
    case "type":
      if (o.typingForm === true) {
        const typing = typingHooks()?.repr(o, (x) => repr(x, active));
        if (typing !== undefined && typing !== null) return typing;
      }
      return `<class '${o.name}'>`;
    case "module":
      return `<module '${o.name}' (built-in)>`;
    case "function":
      return `<function ${o.qualname ?? o.name}${AT_ADDRESS}>`;
    case "dictview": {
      const items = [...o.dict.table.map.values()].map((e) =>
        o.typeName === "dict_keys" ? repr(e.key, active) : o.typeName === "dict_values" ? repr(e.value, active) : `(${repr(e.key, active)}, ${repr(e.value, active)})`,
      );
      return `${o.typeName}([${items.join(", ")}])`;
    }
    case "iterator":
      if (o.repr !== undefined) return o.repr();
      return o.qualname !== undefined ? `<${o.typeName} object ${o.qualname}${AT_ADDRESS}>` : `<${qualifiedTypeName(o.typeName)} object${AT_ADDRESS}>`;
    case "class": {
      const own = classHooks(o)?.repr;
      return own !== undefined ? own(o) : `<class '${classDisplayName(o)}'>`;
    }
    case "instance":
      return instanceRepr(o);
    case "array": {
      if (o.values.length === 0) return `array('${o.typecode}')`;
      if (o.typecode === "u") return `array('u', ${strRepr((o.values as string[]).join(""))})`;
      return `array('${o.typecode}', [${o.values.map((v) => (typeof v === "number" && "fd".includes(o.typecode) ? floatRepr(v) : String(v))).join(", ")}])`;
    }
    case "deque": {
      if (active.has(o)) return "[...]";
      const inner = entered(o, active, () => o.items.map((x) => repr(x, active)).join(", "));
      return o.maxlen === null ? `${typeName(o)}([${inner}])` : `${typeName(o)}([${inner}], maxlen=${o.maxlen})`;
    }
    case "Decimal":
      return `Decimal('${decimalToString(o)}')`;
    case "opaque": {
      const own = nativeSlots(o)?.repr;
      return own !== undefined ? own() : `<${qualifiedTypeName(o.typeName)} object${AT_ADDRESS}>`;
    }
    case "method":
      return `<bound method ${o.func.t === "function" ? (o.func.qualname ?? o.func.name) : "?"} of ${repr(o.self, active)}>`;
  }
}

/**
 * object.__repr__'s " at %p": the address differs in every run, but on x86-64
 * Linux a heap address prints as 0x and 12 hex digits, so the length (and the
 * str's size) is the real one; the digits are a stand-in.
 */
export const AT_ADDRESS = " at 0x7f0000000000";

/** type_repr / object_repr's "module.qualname", without the module for builtins. */
export function classDisplayName(c: import("./objects.js").PyClassObj): string {
  const m = c.attrs.get("__module__");
  const q = c.attrs.get("__qualname__");
  const qualname = q?.t === "str" ? strText(q) : c.name;
  const module = m?.t === "str" ? strText(m) : "__pymem_setup__";
  return module === "builtins" ? qualname : `${module}.${qualname}`;
}

/** object.__repr__: '<module.qualname object at %p>' (a class's own or generated __repr__ is found by userDunders first). */
function instanceRepr(o: import("./objects.js").PyInstanceObj): string {
  return `<${classDisplayName(o.cls)} object${AT_ADDRESS}>`;
}

/** Decimal.__str__ (scientific notation as the decimal module writes it). */
export function decimalToString(d: { sign: 0 | 1; coeff: bigint; exp: number; special: string | null }): string {
  const sign = d.sign === 1 ? "-" : "";
  if (d.special !== null) return sign + d.special;
  const digits = d.coeff.toString();
  const adjusted = d.exp + digits.length - 1;
  if (d.exp <= 0 && adjusted >= -6) {
    if (d.exp === 0) return sign + digits;
    const point = digits.length + d.exp;
    return sign + (point > 0 ? `${digits.slice(0, point)}.${digits.slice(point)}` : `0.${"0".repeat(-point)}${digits}`);
  }
  const mant = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sign}${mant}E${adjusted >= 0 ? "+" : ""}${adjusted}`;
}

/** str(): repr except for str itself and classes with their own __str__. */
export function str(o: PyObj): string {
  if (isUserObj(o)) {
    const t = userText(o, "__str__");
    if (t !== null) return strText(t);
    // int's and float's str is object_str: their repr, the class's own when it has one.
    if (o.t === "int" || o.t === "float") return repr(o);
  }
  if (o.t === "str") return strText(o);
  // Decimal's __str__ is its text, its repr that text quoted in Decimal('…').
  if (o.t === "Decimal") return decimalToString(o);
  return repr(o);
}

/** ascii(): repr with non-ASCII characters escaped. */
export function asciiRepr(o: PyObj): string {
  return repr(o).replace(/[^\x00-\x7f]/gu, (c) => {
    const cp = c.codePointAt(0) as number;
    return cp < 0x100 ? "\\x" + cp.toString(16).padStart(2, "0") : cp < 0x10000 ? "\\u" + cp.toString(16).padStart(4, "0") : "\\U" + cp.toString(16).padStart(8, "0");
  });
}
