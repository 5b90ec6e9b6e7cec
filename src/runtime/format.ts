// format(), str.format and printf-style `%` over the modelled types.
import { PyException, typeError, unsupported, valueError } from "./errors.js";
import { intValue, toFloat } from "./numbers.js";
import { pyStrFresh, typeName, type PyObj, type PyStrObj } from "./objects.js";
import { floatRepr, intToDecimal, repr, str } from "./repr.js";
import { materialize } from "./seq.js";
import { bytesData as bytesDataOf, strText } from "./text.js";
import { dictGet } from "./dicts.js";
import { pyStr } from "./objects.js";
import { intern } from "./constPool.js";
import { callDunder, isUserObj, userIndexOf, userText } from "./userDunders.js";
import { userFloat, userInt } from "./userConversions.js";

interface Spec {
  fill: string;
  align: string;
  sign: string;
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: string;
  precision: number | null;
  type: string;
}

function parseSpec(spec: string): Spec {
  const m = /^(?:(.)?([<>=^]))?([+\- ])?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([bcdeEfFgGnosxX%])?$/su.exec(spec);
  if (m === null) throw valueError("Invalid format specifier");
  return {
    fill: m[1] ?? (m[5] !== undefined && m[2] === undefined ? "0" : " "),
    align: m[2] ?? (m[5] !== undefined ? "=" : ""),
    sign: m[3] ?? "-",
    alt: m[4] !== undefined,
    zero: m[5] !== undefined,
    width: m[6] !== undefined ? Number(m[6]) : 0,
    grouping: m[7] ?? "",
    precision: m[8] !== undefined ? Number(m[8]) : null,
    type: m[9] ?? "",
  };
}

function group(digits: string, sep: string, every: number): string {
  if (sep === "") return digits;
  let out = "";
  for (let i = digits.length; i > 0; i -= every) out = digits.slice(Math.max(0, i - every), i) + (out ? sep + out : "");
  return out;
}

function pad(body: string, sign: string, s: Spec, defaultAlign: string): string {
  const len = [...body].length + sign.length;
  if (len >= s.width) return sign + body;
  const fill = s.fill.repeat(s.width - len);
  const align = s.align || defaultAlign;
  if (align === "<") return sign + body + fill;
  if (align === ">") return fill + sign + body;
  if (align === "=") return sign + fill + body;
  const left = Math.floor((s.width - len) / 2);
  return s.fill.repeat(left) + sign + body + s.fill.repeat(s.width - len - left);
}

function fixed(x: number, prec: number): string {
  return Math.abs(x) < 1e21 ? x.toFixed(prec) : BigInt(Math.round(x)).toString() + (prec > 0 ? "." + "0".repeat(prec) : "");
}

function expo(x: number, prec: number, upper: boolean): string {
  const [m, e] = x.toExponential(prec).split("e") as [string, string];
  const n = Number(e);
  const out = `${m}e${n < 0 ? "-" : "+"}${String(Math.abs(n)).padStart(2, "0")}`;
  return upper ? out.toUpperCase() : out;
}

function general(x: number, prec: number, alt: boolean, upper: boolean): string {
  const p = prec === 0 ? 1 : prec;
  if (x === 0) return alt ? "0." + "0".repeat(p - 1) : "0";
  const exp = Number(x.toExponential(p - 1).split("e")[1]);
  let out: string;
  if (exp >= -4 && exp < p) out = x.toFixed(p - 1 - exp);
  else out = expo(x, p - 1, upper);
  if (!alt) out = out.replace(/\.?0+(?=e|E|$)/, (z) => (z.includes(".") || /\.\d*$/.test(out) ? "" : z));
  if (!alt && out.includes(".") && !/[eE]/.test(out)) out = out.replace(/\.?0+$/, "");
  return out;
}

function formatFloat(x: number, s: Spec): string {
  const neg = x < 0 || Object.is(x, -0);
  const a = Math.abs(x);
  let body: string;
  if (!Number.isFinite(a)) body = Number.isNaN(a) ? "nan" : "inf";
  else {
    switch (s.type) {
      case "f": case "F": body = fixed(a, s.precision ?? 6); break;
      case "e": case "E": body = expo(a, s.precision ?? 6, s.type === "E"); break;
      case "%": body = fixed(a * 100, s.precision ?? 6) + "%"; break;
      case "g": case "G": case "n": body = general(a, s.precision ?? 6, s.alt, s.type === "G"); break;
      default:
        body = s.precision === null ? floatRepr(a) : general(a, s.precision, s.alt, false);
    }
    if (s.grouping !== "") {
      const [ip, fp] = body.split(".") as [string, string | undefined];
      body = group(ip, s.grouping, 3) + (fp !== undefined ? "." + fp : "");
    }
  }
  if (s.type === "F" || s.type === "E" || s.type === "G") body = body.toUpperCase();
  const sign = neg ? "-" : s.sign === "+" ? "+" : s.sign === " " ? " " : "";
  return pad(body, sign, s, ">");
}

function formatInt(v: number | bigint, s: Spec): string {
  if ("eEfFgG%".includes(s.type) && s.type !== "") return formatFloat(Number(v), s);
  const neg = v < 0;
  const a = neg ? -BigInt(v) : BigInt(v);
  let body: string;
  let prefix = "";
  switch (s.type) {
    case "b": body = a.toString(2); prefix = "0b"; break;
    case "o": body = a.toString(8); prefix = "0o"; break;
    case "x": body = a.toString(16); prefix = "0x"; break;
    case "X": body = a.toString(16).toUpperCase(); prefix = "0X"; break;
    case "c": return pad(String.fromCodePoint(Number(a)), "", s, "<");
    default: body = intToDecimal(a);
  }
  if (s.precision !== null) throw valueError("Precision not allowed in integer format specifier");
  body = group(body, s.grouping, s.type === "" || s.type === "d" || s.type === "n" ? 3 : 4);
  const sign = (neg ? "-" : s.sign === "+" ? "+" : s.sign === " " ? " " : "") + (s.alt ? prefix : "");
  return pad(body, sign, s, ">");
}

/**
 * str(o) as the object CPython returns: the str itself, the interned
 * 'True'/'False' of bool_repr, a new string for an int (long_to_decimal_string),
 * else the repr text finished by a unicode writer (one latin-1 char is cached).
 */
export function strObj(o: PyObj): PyStrObj {
  if (o.t === "str") return o;
  if (o.t === "bool") return intern(pyStr(o.v ? "True" : "False"));
  if (o.t === "int") return pyStrFresh(intToDecimal(o.v));
  // PyObject_Str returns what __str__ (or object.__str__'s repr) returned, the very object.
  if (isUserObj(o)) return userText(o, "__str__") ?? reprObject(o);
  return pyStr(str(o));
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
  if (spec !== "") throw typeError(`unsupported format string passed to ${typeName(o)}.__format__`);
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
 * object was written (empty pieces write nothing), the result is that object;
 * otherwise a new str, with unicode_result's caches for '' and one latin-1 char.
 */
function finishWriter(pieces: readonly (PyStrObj | string)[]): PyStrObj {
  // Over-allocation is switched off only for the format's last step, and a
  // readonly (shared) buffer needs an empty writer without over-allocation.
  const steps = [...pieces];
  while (steps.length > 0 && steps[steps.length - 1] === "") steps.pop();
  const last = steps[steps.length - 1];
  const emptyBefore = steps.slice(0, -1).every((p) => (typeof p === "string" ? p === "" : p.length === 0));
  if (last !== undefined && typeof last !== "string" && last.length > 0 && emptyBefore) return last;
  return pyStr(pieces.map((p) => (typeof p === "string" ? p : strText(p))).join(""));
}

/** A field as written into the format's writer: exact int/float text goes in directly, a str whole. */
function writerPiece(v: PyObj, spec: string): PyStrObj | string {
  if (v.t === "int" || v.t === "float") return formatValue(v, spec);
  return formatObj(v, spec);
}

/** format(value, spec): PyObject_Format. */
export function formatValue(o: PyObj, spec: string): string {
  if (isUserObj(o)) return strText(userFormat(o, spec));
  if (spec === "") return str(o);
  const s = parseSpec(spec);
  const iv = intValue(o);
  if (iv !== null) return formatInt(iv, s);
  if (o.t === "float") {
    if ("bcdoxXs".includes(s.type) && s.type !== "") throw valueError(`Unknown format code '${s.type}' for object of type 'float'`);
    return formatFloat(o.v, s);
  }
  if (o.t === "str") {
    if (s.type !== "" && s.type !== "s") throw valueError(`Unknown format code '${s.type}' for object of type 'str'`);
    let t = strText(o);
    if (s.precision !== null) t = [...t].slice(0, s.precision).join("");
    return pad(t, "", s, "<");
  }
  if (o.t === "complex") throw unsupported("format specs for complex");
  throw typeError(`unsupported format string passed to ${typeName(o)}.__format__`);
}

/** str.format(*args, **kwargs) for simple fields: {}, {0}, {name}, {0.attr}/{0[i]} are refused. */
export function strFormat(templateObj: PyStrObj, args: readonly PyObj[], kwargs: ReadonlyMap<string, PyObj>): PyStrObj {
  const template = strText(templateObj);
  let auto = 0;
  const pieces: (PyStrObj | string)[] = [];
  const re = /\{\{|\}\}|\{([^{}!:]*)(?:!([rsa]))?(?::([^{}]*(?:\{[^{}]*\}[^{}]*)*))?\}/g;
  let last = 0;
  for (const m of template.matchAll(re)) {
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
    const name = field ?? "";
    if (name === "") value = args[auto++];
    else if (/^\d+$/.test(name)) value = args[Number(name)];
    else if (/^[A-Za-z_]\w*$/.test(name)) {
      value = kwargs.get(name);
      if (value === undefined) throw new PyException("KeyError", `'${name}'`);
    } else throw unsupported(`the format field {${name}}`);
    if (value === undefined) throw new PyException("IndexError", "Replacement index " + (name === "" ? auto - 1 : name) + " out of range for positional args tuple");
    const v: PyObj = conv === "r" ? pyStrFresh(repr(value)) : conv === "s" ? strObj(value) : value;
    const realSpec = (spec ?? "").replace(/\{(\w*)\}/g, (_x, n: string) => str(n === "" ? (args[auto++] as PyObj) : /^\d+$/.test(n) ? (args[Number(n)] as PyObj) : (kwargs.get(n) as PyObj)));
    return writerPiece(v, realSpec);
  }
}

/** printf-style str % args. */
export function percentFormat(fmt: PyStrObj, args: PyObj): PyStrObj {
  const values = args.t === "tuple" ? materialize(args.items) : [args];
  let i = 0;
  const pieces: (PyStrObj | string)[] = [];
  const next = (): PyObj => {
    const v = values[i++];
    if (v === undefined) throw typeError("not enough arguments for format string");
    return v;
  };
  const fmtText = strText(fmt);
  const re = /%(\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXeEfFgGcrsa%])/g;
  let last = 0;
  for (const m of fmtText.matchAll(re)) {
    pieces.push(fmtText.slice(last, m.index));
    last = (m.index as number) + m[0].length;
    pieces.push(one(m[2], m[3] ?? "", m[4], m[5], m[6] as string));
  }
  pieces.push(fmtText.slice(last));
  if (i < values.length && args.t !== "dict") throw typeError("not all arguments converted during string formatting");
  return finishWriter(pieces);

  function one(key: string | undefined, flags: string, width: string | undefined, prec: string | undefined, conv: string): PyStrObj | string {
    if (conv === "%") return "%";
    let value: PyObj;
    if (key !== undefined) {
      if (args.t !== "dict") throw typeError("format requires a mapping");
      const v = dictGet(args, pyStr(key));
      if (v === undefined) throw new PyException("KeyError", repr(pyStr(key)));
      value = v;
    } else value = next();
    const w = width === "*" ? Number(intValue(next())) : width !== undefined ? Number(width) : 0;
    const p = prec === "*" ? Number(intValue(next())) : prec !== undefined ? Number(prec) : null;
    const align = flags.includes("-") ? "<" : flags.includes("0") && !"sra".includes(conv) ? "=" : ">";
    const spec: Spec = {
      fill: align === "=" ? "0" : " ", align, sign: flags.includes("+") ? "+" : flags.includes(" ") ? " " : "-",
      alt: flags.includes("#"), zero: false, width: w, grouping: "", precision: p, type: "",
    };
    switch (conv) {
      case "s": case "r": case "a": {
        if (conv === "s" && value.t === "int" && w === 0 && p === null) return intToDecimal(value.v);
        const whole = conv === "s" ? strObj(value) : null;
        let t = whole !== null ? strText(whole) : repr(value);
        if (p !== null) t = t.slice(0, p);
        const out = pad(t, "", { ...spec, align: align === "=" ? ">" : align }, ">");
        return whole !== null && out === strText(whole) ? whole : out;
      }
      case "d": case "i": case "u": {
        const own = isUserObj(value) ? userInt(value) : null;
        const iv = intValue(own ?? value) ?? (value.t === "float" ? BigInt(Math.trunc(value.v)) : null);
        if (iv === null) throw typeError(`%${conv} format: a real number is required, not ${typeName(value)}`);
        const text = formatInt(iv, { ...spec, precision: null });
        // Only an exact int is written digit by digit; others become a new str first (_PyUnicode_FormatLong).
        return value.t === "int" ? text : pyStrFresh(text);
      }
      case "x": case "X": case "o": {
        const iv = intValue(value) ?? userIndexOf(value);
        if (iv === null) throw typeError(`%${conv} format: an integer is required, not ${typeName(value)}`);
        return formatInt(iv, { ...spec, type: conv, precision: null });
      }
      case "c":
        return pad(value.t === "str" ? strText(value) : String.fromCodePoint(Number(intValue(value))), "", spec, ">");
      default: {
        const own = isUserObj(value) ? userFloat(value) : null;
        const f = toFloat(own ?? value);
        if (f === null) throw typeError(`must be real number, not ${typeName(value)}`);
        return formatFloat(f, { ...spec, type: conv, precision: p ?? 6 });
      }
    }
  }
}

/** bytes % args (_PyBytes_FormatEx): printf-style over latin-1 text; %b/%s take bytes-likes. */
export function bytesPercentFormat(fmt: Uint8Array, args: PyObj): Uint8Array {
  const toLatin1 = (o: PyObj): PyObj => {
    if (o.t === "bytes" || o.t === "bytearray") return pyStr(Buffer.from(bytesDataOf(o)).toString("latin1"));
    if (o.t === "str") throw typeError(`%b requires a bytes-like object, or an object that implements __bytes__, not 'str'`);
    return o;
  };
  const isTuple = args.t === "tuple";
  const values = isTuple ? materialize(args.items) : [args];
  // %s and %b read bytes-likes; %r/%a keep the object for its repr.
  const text = Buffer.from(fmt).toString("latin1");
  const convs = [...text.matchAll(/%(?:\([^)]*\))?[-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?([diouxXeEfFgGcrsab%])/g)].map((m) => m[1]).filter((c) => c !== "%");
  const mapped = values.map((v, i) => (convs[i] === "s" || convs[i] === "b" ? toLatin1(v) : v));
  const out = percentFormat(pyStr(text.replace(/%([-+ #0]*(?:\*|\d+)?(?:\.(?:\*|\d+))?)b/g, "%$1s")), isTuple ? { t: "tuple", items: mapped } : (mapped[0] as PyObj));
  const t = strText(out);
  if ([...t].some((c) => c.charCodeAt(0) > 255)) throw typeError("bytes formatting produced non-latin-1 text");
  return Uint8Array.from(Buffer.from(t, "latin1"));
}
