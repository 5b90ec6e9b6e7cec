// json.dumps: the text both encoders write (separators, indent, sort_keys,
// ensure_ascii, allow_nan, skipkeys) as one str, and their errors for cycles,
// keys and values JSON has no form for.
import { ctx } from "./ctx.js";
import { PymemError, typeError, valueError } from "./errors.js";
import { False, None, True, pyStr, pyStrFresh, subOf, typeName, type Kwargs, type PyObj, type PyStrObj } from "./objects.js";
import { floatRepr, intToDecimal } from "./repr.js";
import { strText } from "./text.js";
import { materialize } from "./seq.js";
import { pyCompare } from "./compare.js";
import { intern } from "./constPool.js";
import { strObj } from "./format.js";
import { isUserObj } from "./userDunders.js";
import { callObject, emptyKwargs } from "./calls.js";
import { getAttr } from "./attributes.js";

export interface EncodeOptions {
  readonly ensureAscii: boolean;
  readonly allowNan: boolean;
  readonly sortKeys: boolean;
  readonly skipKeys: boolean;
  readonly indent: string | null;
  readonly itemSep: string;
  readonly keySep: string;
  /** default=: called for an object JSON has no form for, its result encoded in its place. */
  readonly dflt: PyObj | null;
}

/** encode_basestring(_ascii): the quoted, escaped text of a str. */
function quote(text: string, ascii: boolean): string {
  let out = '"';
  for (const ch of text) {
    const cp = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === "\\") out += "\\\\";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\b") out += "\\b";
    else if (ch === "\f") out += "\\f";
    else if (cp < 0x20 || (ascii && cp > 0x7e)) {
      if (cp >= 0x10000) {
        const v = cp - 0x10000;
        out += `\\u${(0xd800 | (v >> 10)).toString(16).padStart(4, "0")}\\u${(0xdc00 | (v & 0x3ff)).toString(16).padStart(4, "0")}`;
      } else out += `\\u${cp.toString(16).padStart(4, "0")}`;
    } else out += ch;
  }
  return out + '"';
}

function floatText(x: number, o: EncodeOptions): string {
  if (Number.isFinite(x)) return floatRepr(x);
  if (!o.allowNan) throw valueError(`Out of range float values are not JSON compliant${ctx().layout.rules.jsonNanErrorShowsValue ? `: ${floatRepr(x)}` : ""}`);
  return Number.isNaN(x) ? "NaN" : x > 0 ? "Infinity" : "-Infinity";
}

function encode(v: PyObj, o: EncodeOptions, level: number, active: Set<PyObj>): string {
  ctx().tick();
  switch (v.t) {
    case "NoneType":
      return "null";
    case "bool":
      return v.v ? "true" : "false";
    case "int":
      return intToDecimal(v.v);
    case "float":
      return floatText(v.v, o);
    case "str":
      return quote(strText(v), o.ensureAscii);
    case "list":
    case "tuple": {
      if (v.t === "tuple" && v.cls !== undefined) break;
      const items = materialize(v.items);
      if (items.length === 0) return "[]";
      if (active.has(v)) throw valueError("Circular reference detected");
      active.add(v);
      const inner = o.indent === null ? "" : "\n" + o.indent.repeat(level + 1);
      const parts = items.map((x) => encode(x, o, level + 1, active));
      active.delete(v);
      if (o.indent === null) return `[${parts.join(o.itemSep)}]`;
      return `[${inner}${parts.join(o.itemSep + inner)}\n${o.indent.repeat(level)}]`;
    }
    case "dict": {
      if (v.flavor !== undefined && v.flavor.name !== "OrderedDict" && v.flavor.name !== "Counter" && v.flavor.name !== "defaultdict") break;
      let entries = [...v.table.map.values()].map((e) => [e.key, e.value] as [PyObj, PyObj]);
      if (entries.length === 0) return "{}";
      if (active.has(v)) throw valueError("Circular reference detected");
      active.add(v);
      if (o.sortKeys) entries = entries.slice().sort((a, b) => pyCompare(a[0], b[0], "<"));
      const inner = o.indent === null ? "" : "\n" + o.indent.repeat(level + 1);
      const parts: string[] = [];
      for (const [k, val] of entries) {
        let key: string;
        if (k.t === "str") key = strText(k);
        else if (k.t === "float") key = floatText(k.v, o);
        else if (k.t === "bool") key = k.v ? "true" : "false";
        else if (k.t === "NoneType") key = "null";
        else if (k.t === "int") key = intToDecimal(k.v);
        else if (o.skipKeys) continue;
        else throw typeError(`keys must be str, int, float, bool or None, not ${typeName(k)}`);
        parts.push(quote(key, o.ensureAscii) + o.keySep + encode(val, o, level + 1, active));
      }
      active.delete(v);
      if (parts.length === 0) return "{}";
      if (o.indent === null) return `{${parts.join(o.itemSep)}}`;
      return `{${inner}${parts.join(o.itemSep + inner)}\n${o.indent.repeat(level)}}`;
    }
    default:
      break;
  }
  if ((isUserObj(v) && subOf(v) !== undefined) || v.t === "dict" || v.t === "tuple") throw new PymemError("UNSUPPORTED", `json.dumps of a '${typeName(v)}' (subclasses of the JSON types go through their own methods)`);
  if (o.dflt === null) throw typeError(`Object of type ${typeName(v)} is not JSON serializable`);
  // The encoder's markers hold the object while its default() result is encoded.
  if (active.has(v)) throw valueError("Circular reference detected");
  active.add(v);
  const text = encode(callObject(o.dflt, [v]), o, level, active);
  active.delete(v);
  return text;
}

function boolOpt(kw: Kwargs, name: string, dflt: boolean): boolean {
  const v = kw.values.get(name);
  if (v === undefined) return dflt;
  return v.t === "bool" ? v.v : v.t === "NoneType" ? false : v.t === "int" ? v.v !== 0 : true;
}

/** The indent text of an indent option: None, spaces for an int, a str itself. */
export function indentText(indentObj: PyObj | undefined): string | null {
  if (indentObj === undefined || indentObj.t === "NoneType") return null;
  if (indentObj.t === "int") return " ".repeat(Math.max(0, Number(indentObj.v)));
  if (indentObj.t === "str") return strText(indentObj);
  throw new PymemError("UNSUPPORTED", `json indent=<${typeName(indentObj)}>`);
}

/** separators=(item, key): the two strs. */
export function separatorPair(sepObj: PyObj): [PyStrObj, PyStrObj] {
  const parts = sepObj.t === "tuple" || sepObj.t === "list" ? materialize(sepObj.items) : [];
  if (parts.length !== 2 || parts.some((p) => p.t !== "str")) throw new PymemError("UNSUPPORTED", "json separators=… other than two strs");
  return [parts[0] as PyStrObj, parts[1] as PyStrObj];
}

/** encoder.encode(x): the encoded text, one str (a lone scalar is the one chunk ''.join returns itself). */
export function encodeTop(x: PyObj, o: EncodeOptions): PyObj {
  if (x.t === "int" && subOf(x) === undefined) return strObj(x);
  if (x.t === "NoneType" || x.t === "bool") return intern(pyStr(encode(x, o, 0, new Set())));
  return pyStrFresh(encode(x, o, 0, new Set()));
}

const DUMPS_OPTIONS = ["skipkeys", "ensure_ascii", "check_circular", "allow_nan", "indent", "separators", "default", "sort_keys"];
const DUMPS_DEFAULTS: Record<string, () => PyObj> = {
  skipkeys: () => False, ensure_ascii: () => True, check_circular: () => True, allow_nan: () => True,
  indent: () => None, separators: () => None, default: () => None, sort_keys: () => False,
};

/** json.dumps(obj, cls=C, **kw): C(skipkeys=..., ..., sort_keys=..., **kw).encode(obj). */
function dumpsWithClass(x: PyObj, cls: PyObj, kw: Kwargs): PyObj {
  const values = new Map<string, PyObj>();
  const keys = new Map<string, PyStrObj>();
  for (const name of DUMPS_OPTIONS) {
    values.set(name, kw.values.get(name) ?? (DUMPS_DEFAULTS[name] as () => PyObj)());
    keys.set(name, kw.keys.get(name) ?? (pyStr(name) as PyStrObj));
  }
  for (const [k, v] of kw.values) {
    if (k === "cls" || values.has(k)) continue;
    values.set(k, v);
    const key = kw.keys.get(k);
    if (key !== undefined) keys.set(k, key);
  }
  return callObject(getAttr(callObject(cls, [], { values, keys }), "encode"), [x], emptyKwargs);
}

/** json.dumps(obj, ...): the encoded text, one str. */
export function dumps(args: readonly PyObj[], kw: Kwargs): PyObj {
  const x = args[0];
  if (x === undefined) throw typeError("dumps() missing 1 required positional argument: 'obj'");
  const cls = kw.values.get("cls");
  if (cls !== undefined && cls.t !== "NoneType") return dumpsWithClass(x, cls, kw);
  const dflt = kw.values.get("default");
  const known = new Set(["skipkeys", "ensure_ascii", "check_circular", "allow_nan", "cls", "indent", "separators", "default", "sort_keys"]);
  for (const k of kw.values.keys()) if (!known.has(k)) throw typeError(`__init__() got an unexpected keyword argument '${k}'`);
  const indent = indentText(kw.values.get("indent"));
  const sepObj = kw.values.get("separators");
  let itemSep = indent === null ? ", " : ",";
  let keySep = ": ";
  if (sepObj !== undefined && sepObj.t !== "NoneType") {
    const [a, b] = separatorPair(sepObj);
    itemSep = strText(a);
    keySep = strText(b);
  }
  return encodeTop(x, {
    ensureAscii: boolOpt(kw, "ensure_ascii", true),
    allowNan: boolOpt(kw, "allow_nan", true),
    sortKeys: boolOpt(kw, "sort_keys", false),
    skipKeys: boolOpt(kw, "skipkeys", false),
    indent,
    itemSep,
    keySep,
    dflt: dflt === undefined || dflt.t === "NoneType" ? null : dflt,
  });
}
