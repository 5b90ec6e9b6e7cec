// str and bytes methods, returning the objects CPython returns: the receiver
// itself when unchanged, cached characters where unicode_result() applies,
// and lists preallocated as stringlib's split does.
import { ctx } from "./ctx.js";
import { PyException, typeError, unsupported, valueError } from "./errors.js";
import { strFormat } from "./format.js";
import { toArray } from "./iteration.js";
import { listAppend, newListExact } from "./lists.js";
import { intValue } from "./numbers.js";
import {
  emptyBytes, emptyStr, pyBool, pyBytes, pyBytesFresh, pyInt, pyStr, pyStrFresh, typeName,
  type NativeFn, type PyBytesObj, type PyListObj, type PyObj, type PyStrObj,
} from "./objects.js";
import { bytesData, codePoints, strText } from "./text.js";
import { newTuple } from "./tuples.js";
import { newByteArrayExact } from "./ops.js";
import { userIndexOf } from "./userDunders.js";

const MAX_PREALLOC = 12;

/** stringlib split: PREALLOC_SIZE(maxsplit) slots, then appends past MAX_PREALLOC. */
function splitList(parts: PyObj[], maxsplit: number): PyListObj {
  const prealloc = maxsplit < 0 || maxsplit >= MAX_PREALLOC ? MAX_PREALLOC : maxsplit + 1;
  const l: PyListObj = { t: "list", items: [], allocated: prealloc };
  for (const p of parts) {
    if ((l.items as PyObj[]).length < MAX_PREALLOC) (l.items as PyObj[]).push(p);
    else listAppend(l, p);
  }
  return l;
}

function argStr(o: PyObj | undefined, what: string): string | null {
  if (o === undefined || o.t === "NoneType") return null;
  if (o.t !== "str") throw typeError(`${what} must be str or None, not ${typeName(o)}`);
  return strText(o);
}

function argInt(o: PyObj | undefined, dflt: number): number {
  if (o === undefined) return dflt;
  const v = intValue(o) ?? userIndexOf(o);
  if (v === null) throw typeError(`'${typeName(o)}' object cannot be interpreted as an integer`);
  return Number(v);
}

const WS = /[\s\x1c-\x1f\x85]+/u;

/** Substring of s by code point range, as PyUnicode_Substring returns it. */
function substring(s: PyStrObj, cps: number[] | null, i: number, j: number): PyStrObj {
  if (i === 0 && j === s.length) return s;
  if (j <= i) return emptyStr;
  const text = strText(s);
  return pyStr(cps === null ? text.slice(i, j) : String.fromCodePoint(...cps.slice(i, j)));
}

function strip(s: PyStrObj, chars: string | null, left: boolean, right: boolean): PyStrObj {
  const cps = codePoints(strText(s));
  const set = chars === null ? null : new Set(codePoints(chars));
  const strippable = (c: number): boolean => (set === null ? /\s/u.test(String.fromCodePoint(c)) || (c >= 0x1c && c <= 0x1f) || c === 0x85 : set.has(c));
  let i = 0;
  let j = cps.length;
  if (left) while (i < j && strippable(cps[i] as number)) i++;
  if (right) while (j > i && strippable(cps[j - 1] as number)) j--;
  return substring(s, s.maxChar < 128 ? null : cps, i, j);
}

function splitStr(s: PyStrObj, sep: string | null, maxsplit: number, fromRight: boolean): PyListObj {
  const text = strText(s);
  if (sep !== null) {
    if (sep === "") throw valueError("empty separator");
    const sepCps = codePoints(sep);
    const sepMax = Math.max(...sepCps);
    // A separator longer or wider than the string: [self] in a one-slot list.
    if (s.length < sepCps.length || (sepMax >= 256 && s.maxChar < 256) || (sepMax >= 65536 && s.maxChar < 65536)) {
      return newListExact([s]);
    }
  }
  let parts: string[];
  if (sep === null) {
    const words = text.split(WS).filter((w) => w !== "");
    if (maxsplit >= 0 && words.length > maxsplit + 1) {
      if (!fromRight) {
        const rest = text.replace(/^[\s\x1c-\x1f\x85]+/u, "");
        parts = [];
        let r = rest;
        for (let k = 0; k < maxsplit; k++) {
          const m = WS.exec(r);
          if (m === null) break;
          parts.push(r.slice(0, m.index));
          r = r.slice(m.index + m[0].length);
        }
        if (r !== "") parts.push(r);
      } else {
        parts = words.slice(words.length - maxsplit);
        const head = text.replace(/[\s\x1c-\x1f\x85]+$/u, "");
        let cut = head.length;
        for (let k = 0; k < maxsplit; k++) {
          cut = head.lastIndexOf(words[words.length - 1 - k] as string, cut - 1);
        }
        const lead = head.slice(0, cut).replace(/[\s\x1c-\x1f\x85]+$/u, "");
        parts = [lead, ...parts];
      }
    } else parts = words;
  } else {
    const all = text.split(sep);
    if (maxsplit >= 0 && all.length > maxsplit + 1) {
      parts = fromRight
        ? [all.slice(0, all.length - maxsplit).join(sep), ...all.slice(all.length - maxsplit)]
        : [...all.slice(0, maxsplit), all.slice(maxsplit).join(sep)];
    } else parts = all;
  }
  // No split at all: the list holds the receiver itself.
  const items = parts.length === 1 && parts[0] === text ? [s] : parts.map((p) => pyStr(p));
  return splitList(items, maxsplit);
}

function pad(s: PyStrObj, width: number, fill: string, where: "l" | "r" | "c"): PyStrObj {
  if (s.length >= width) return s;
  const total = width - s.length;
  const left = where === "r" ? total : where === "c" ? Math.floor(total / 2) + (total & width & 1) : 0;
  const right = total - left;
  return pyStrFresh(fill.repeat(left) + strText(s) + fill.repeat(right));
}

function fillChar(o: PyObj | undefined): string {
  if (o === undefined) return " ";
  if (o.t !== "str" || o.length !== 1) throw typeError("The fill character must be exactly one character long");
  return strText(o);
}

export function strMethod(s: PyStrObj, name: string): NativeFn | null {
  const text = (): string => strText(s);
  switch (name) {
    case "join":
      return ([it]) => {
        if (it === undefined) throw typeError("str.join() takes exactly one argument (0 given)");
        const items = toArray(it);
        if (items.length === 0) return emptyStr;
        items.forEach((x, i) => {
          if (x.t !== "str") throw typeError(`sequence item ${i}: expected str instance, ${typeName(x)} found`);
        });
        if (items.length === 1 && (items[0] as PyObj).t === "str") return items[0] as PyObj;
        ctx().tick(items.length);
        return pyStrFresh(items.map((x) => strText(x as PyStrObj)).join(text()));
      };
    case "split":
    case "rsplit":
      return (args, kw) => splitStr(s, argStr(args[0] ?? kw.values.get("sep"), "sep"), argInt(args[1] ?? kw.values.get("maxsplit"), -1), name === "rsplit");
    case "splitlines":
      return (args, kw) => {
        const keep = args[0] ?? kw.values.get("keepends");
        const keepends = keep !== undefined && intValue(keep) !== 0;
        const l = newListExact([]);
        const re = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/gu;
        const t = text();
        let last = 0;
        for (const m of t.matchAll(re)) {
          const end = (m.index as number) + m[0].length;
          listAppend(l, pyStr(t.slice(last, keepends ? end : (m.index as number))));
          last = end;
        }
        if (last < t.length) listAppend(l, last === 0 ? s : pyStr(t.slice(last)));
        return l;
      };
    case "partition":
    case "rpartition":
      return ([sep]) => {
        const sp = argStr(sep, "sep");
        if (sp === null) throw typeError("must be str, not NoneType");
        if (sp === "") throw valueError("empty separator");
        const t = text();
        const i = name === "partition" ? t.indexOf(sp) : t.lastIndexOf(sp);
        if (i < 0) return name === "partition" ? newTuple([s, emptyStr, emptyStr]) : newTuple([emptyStr, emptyStr, s]);
        return newTuple([pyStr(t.slice(0, i)), sep as PyObj, pyStr(t.slice(i + sp.length))]);
      };
    case "upper":
    case "lower":
    case "casefold":
    case "swapcase":
    case "title":
    case "capitalize":
      return () => pyStrFresh(caseOp(text(), name));
    case "strip":
    case "lstrip":
    case "rstrip":
      return ([chars]) => strip(s, argStr(chars, "strip arg"), name !== "rstrip", name !== "lstrip");
    case "replace":
      return ([a, b, c]) => {
        const old = argStr(a, "replace() argument 1");
        const neu = argStr(b, "replace() argument 2");
        if (old === null || neu === null) throw typeError("replace() argument must be str");
        const count = argInt(c, -1);
        const t = text();
        if (count === 0 || (old !== "" && !t.includes(old)) || old === neu) return s;
        let out: string;
        if (count < 0) out = old === "" ? neu + [...t].join(neu) + neu : t.split(old).join(neu);
        else {
          out = t;
          let from = 0;
          let done = 0;
          let res = "";
          while (done < count) {
            const i = out.indexOf(old, from);
            if (i < 0) break;
            res += out.slice(from, i) + neu;
            from = i + old.length;
            done++;
          }
          out = res + out.slice(from);
        }
        return pyStrFresh(out); // replace() builds a new str: no cached character
      };
    case "format":
      return (args, kw) => strFormat(s, args, kw.values);
    case "encode":
      return (args, kw) => {
        const enc = (argStr(args[0] ?? kw.values.get("encoding"), "encoding") ?? "utf-8").toLowerCase().replace(/[-_]/g, "");
        const t = text();
        let data: Uint8Array;
        if (enc === "utf8") data = new TextEncoder().encode(t.replace(/[\ud800-\udfff]/gu, "?"));
        else if (enc === "ascii" || enc === "latin1" || enc === "iso88591") {
          const lim = enc === "ascii" ? 128 : 256;
          const cps = codePoints(t);
          const bad = cps.findIndex((c) => c >= lim);
          if (bad >= 0) {
            throw new PyException("UnicodeEncodeError", `'${enc === "ascii" ? "ascii" : "latin-1"}' codec can't encode character '\\x${(cps[bad] as number).toString(16)}' in position ${bad}: ordinal not in range(${lim})`);
          }
          data = Uint8Array.from(cps);
        } else throw unsupported(`the '${enc}' codec`);
        return pyBytes(data);
      };
    case "center":
    case "ljust":
    case "rjust":
      return ([w, f]) => pad(s, argInt(w, 0), fillChar(f), name === "center" ? "c" : name === "ljust" ? "l" : "r");
    case "zfill":
      return ([w]) => {
        const width = argInt(w, 0);
        if (s.length >= width) return s;
        const t = text();
        const sign = t[0] === "+" || t[0] === "-" ? (t[0] as string) : "";
        return pyStrFresh(sign + "0".repeat(width - s.length) + t.slice(sign.length));
      };
    case "count":
      return ([sub]) => {
        const sp = argStr(sub, "count arg") ?? "";
        return pyInt(sp === "" ? s.length + 1 : text().split(sp).length - 1);
      };
    case "find":
    case "index":
    case "rfind":
    case "rindex":
      return ([sub]) => {
        const sp = argStr(sub, "arg") ?? "";
        const t = text();
        const i = name.startsWith("r") ? t.lastIndexOf(sp) : t.indexOf(sp);
        if (i < 0 && name.endsWith("index")) throw valueError("substring not found");
        return pyInt(i < 0 ? -1 : [...t.slice(0, i)].length);
      };
    case "startswith":
    case "endswith":
      return ([p]) => {
        const prefixes = p?.t === "tuple" ? toArray(p) : [p];
        return pyBool(prefixes.some((x) => {
          const v = argStr(x, "prefix") ?? "";
          return name === "startswith" ? text().startsWith(v) : text().endsWith(v);
        }));
      };
    case "isdigit":
    case "isdecimal":
    case "isnumeric":
      return () => pyBool(s.length > 0 && /^\p{Nd}+$/u.test(text()));
    case "isalpha":
      return () => pyBool(s.length > 0 && /^\p{L}+$/u.test(text()));
    case "isalnum":
      return () => pyBool(s.length > 0 && /^[\p{L}\p{Nd}]+$/u.test(text()));
    case "isspace":
      return () => pyBool(s.length > 0 && /^\s+$/u.test(text()));
    case "isupper":
      return () => pyBool(/\p{Lu}/u.test(text()) && !/\p{Ll}/u.test(text()));
    case "islower":
      return () => pyBool(/\p{Ll}/u.test(text()) && !/\p{Lu}/u.test(text()));
    case "isascii":
      return () => pyBool(s.maxChar < 128);
    case "istitle":
      return () => {
        const t = text();
        return pyBool(/\p{Lu}|\p{Lt}/u.test(t) && !/(\p{L})(\p{Lu}|\p{Lt})/u.test(t.replace(/(\p{L})\p{Ll}+/gu, "$1")) && !/(^|[^\p{L}])\p{Ll}/u.test(t));
      };
    case "translate":
      return ([table]) => {
        if (table === undefined || table.t !== "dict") throw typeError("translate() needs a dict table here");
        let out = "";
        for (const ch of text()) {
          const m = table.table.map.get(ch.codePointAt(0) as number);
          if (m === undefined) out += ch;
          else if (m.value.t === "NoneType") continue;
          else if (m.value.t === "str") out += strText(m.value);
          else out += String.fromCodePoint(Number(intValue(m.value)));
        }
        return pyStr(out);
      };
    case "isidentifier":
      return () => pyBool(/^[\p{L}_][\p{L}\p{N}_]*$/u.test(text()));
    case "expandtabs":
      return ([ts]) => {
        const size = argInt(ts, 8);
        let col = 0;
        let out = "";
        for (const ch of text()) {
          if (ch === "\t") {
            const n = size > 0 ? size - (col % size) : 0;
            out += " ".repeat(n);
            col += n;
          } else {
            out += ch;
            col = ch === "\n" || ch === "\r" ? 0 : col + 1;
          }
        }
        return out === text() ? s : pyStr(out);
      };
    case "removeprefix":
    case "removesuffix":
      return ([a]) => {
        const p = argStr(a, "arg") ?? "";
        const t = text();
        if (p === "") return s;
        if (name === "removeprefix" && t.startsWith(p)) return pyStr(t.slice(p.length));
        if (name === "removesuffix" && t.endsWith(p)) return pyStr(t.slice(0, t.length - p.length));
        return s;
      };
    default:
      return null;
  }
}

function caseOp(t: string, name: string): string {
  switch (name) {
    case "upper":
      return t.toUpperCase();
    case "lower":
      return t.toLowerCase();
    case "casefold":
      return t.toLowerCase().replace(/ß/g, "ss");
    case "swapcase":
      return [...t].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join("");
    case "capitalize":
      return t.length === 0 ? t : [...t][0]?.toUpperCase() + [...t].slice(1).join("").toLowerCase();
    default:
      return t.replace(/[\p{L}\p{N}']+/gu, (w) => (w[0] as string).toUpperCase() + w.slice(1).toLowerCase());
  }
}

function bytesArg(o: PyObj | undefined): Uint8Array {
  if (o === undefined) throw typeError("a bytes-like object is required");
  if (o.t !== "bytes" && o.t !== "bytearray") throw typeError(`a bytes-like object is required, not '${typeName(o)}'`);
  return bytesData(o);
}

function decodeBytes(data: Uint8Array, enc: string): string {
  const e = enc.toLowerCase().replace(/[-_]/g, "");
  if (e === "utf8") {
    try {
      return new TextDecoder("utf-8", { fatal: true }).decode(data);
    } catch {
      throw new PyException("UnicodeDecodeError", "'utf-8' codec can't decode bytes: invalid data");
    }
  }
  if (e === "latin1" || e === "iso88591") return String.fromCharCode(...data);
  if (e === "ascii") {
    const bad = data.findIndex((b) => b >= 128);
    if (bad >= 0) throw new PyException("UnicodeDecodeError", `'ascii' codec can't decode byte 0x${(data[bad] as number).toString(16)} in position ${bad}: ordinal not in range(128)`);
    return String.fromCharCode(...data);
  }
  throw unsupported(`the '${enc}' codec`);
}

export function bytesMethod(b: PyBytesObj | import("./objects.js").PyByteArrayObj, name: string): NativeFn | null {
  const data = (): Uint8Array => bytesData(b);
  const make = (d: Uint8Array): PyObj => (b.t === "bytearray" ? newByteArrayExact(d) : pyBytesFresh(d));
  switch (name) {
    case "decode":
      return (args, kw) => {
        const enc = args[0] ?? kw.values.get("encoding");
        return pyStr(decodeBytes(data(), enc === undefined ? "utf-8" : strText(enc as PyStrObj)));
      };
    case "hex":
      return ([sep, per]) => {
        const hex = Buffer.from(data()).toString("hex");
        if (sep === undefined) return pyStrFresh(hex);
        const sp = sep.t === "str" ? strText(sep) : Buffer.from(bytesArg(sep)).toString("latin1");
        const n = per === undefined ? 1 : Number(intValue(per));
        const pairs = hex.match(/../g) ?? [];
        const groups: string[] = [];
        const k = Math.abs(n);
        if (n > 0) for (let i = pairs.length; i > 0; i -= k) groups.unshift(pairs.slice(Math.max(0, i - k), i).join(""));
        else for (let i = 0; i < pairs.length; i += k) groups.push(pairs.slice(i, i + k).join(""));
        return pyStrFresh(groups.join(sp));
      };
    case "center":
    case "ljust":
    case "rjust":
    case "zfill":
    case "title":
    case "capitalize":
    case "swapcase":
    case "splitlines":
    case "partition":
    case "rpartition":
    case "isupper":
    case "islower":
    case "isspace":
    case "isalnum":
    case "istitle":
      // The ASCII str method on the latin-1 text, results turned back into bytes.
      return (args, kw) => {
        const text = Buffer.from(data()).toString("latin1");
        const asStr = (o: PyObj): PyObj => (o.t === "bytes" || o.t === "bytearray" ? pyStr(Buffer.from(bytesData(o)).toString("latin1")) : o);
        const f = strMethod(pyStr(text), name);
        if (f === null) throw typeError(name);
        const back = (o: PyObj): PyObj => {
          if (o.t === "str") {
            const d = Uint8Array.from(Buffer.from(strText(o), "latin1"));
            if (b.t === "bytes" && strText(o) === text) return b;
            return b.t === "bytearray" ? newByteArrayExact(d) : pyBytes(d);
          }
          if (o.t === "list") return { ...o, items: (o.items as PyObj[]).map(back) };
          if (o.t === "tuple") return newTuple((o.items as PyObj[]).map((x, i) => (name.endsWith("partition") && i === 1 && x.t === "str" && args[0] !== undefined && strText(x) !== "" ? args[0] : back(x))));
          return o;
        };
        return back(f(args.map(asStr), kw));
      };
    case "upper":
    case "lower":
      return () => make(Uint8Array.from(data(), (c) => (name === "upper" ? (c >= 97 && c <= 122 ? c - 32 : c) : c >= 65 && c <= 90 ? c + 32 : c)));
    case "join":
      return ([it]) => {
        const parts = toArray(it as PyObj).map(bytesArg);
        if (b.t === "bytes" && parts.length === 1 && (toArray(it as PyObj)[0] as PyObj).t === "bytes") return toArray(it as PyObj)[0] as PyObj;
        const sep = data();
        const total = parts.reduce((n, p) => n + p.length, 0) + sep.length * Math.max(parts.length - 1, 0);
        const out = new Uint8Array(total);
        let k = 0;
        parts.forEach((p, i) => {
          if (i > 0) {
            out.set(sep, k);
            k += sep.length;
          }
          out.set(p, k);
          k += p.length;
        });
        return make(out);
      };
    case "count":
      return ([sub]) => {
        const needle = Buffer.from(bytesArg(sub));
        const hay = Buffer.from(data());
        let n = 0;
        for (let i = hay.indexOf(needle); i >= 0 && needle.length > 0; i = hay.indexOf(needle, i + needle.length)) n++;
        return pyInt(needle.length === 0 ? hay.length + 1 : n);
      };
    case "find":
    case "index":
      return ([sub]) => {
        const i = Buffer.from(data()).indexOf(Buffer.from(bytesArg(sub)));
        if (i < 0 && name === "index") throw valueError("subsection not found");
        return pyInt(i);
      };
    case "startswith":
    case "endswith":
      return ([p]) => {
        const needle = Buffer.from(bytesArg(p));
        const hay = Buffer.from(data());
        return pyBool(name === "startswith" ? hay.subarray(0, needle.length).equals(needle) : hay.length >= needle.length && hay.subarray(hay.length - needle.length).equals(needle));
      };
    case "replace":
      return ([a, c]) => {
        const old = Buffer.from(bytesArg(a));
        const neu = Buffer.from(bytesArg(c));
        const hay = Buffer.from(data());
        if (b.t === "bytes" && (old.length === 0 || hay.indexOf(old) < 0)) return b;
        const parts: Buffer[] = [];
        let from = 0;
        for (let i = hay.indexOf(old); i >= 0 && old.length > 0; i = hay.indexOf(old, from)) {
          parts.push(hay.subarray(from, i), neu);
          from = i + old.length;
        }
        parts.push(hay.subarray(from));
        return make(new Uint8Array(Buffer.concat(parts)));
      };
    case "strip":
    case "lstrip":
    case "rstrip":
      return ([chars]) => {
        const d = data();
        const set = chars === undefined || chars.t === "NoneType" ? new Set([32, 9, 10, 11, 12, 13]) : new Set(bytesArg(chars));
        let i = 0;
        let j = d.length;
        if (name !== "rstrip") while (i < j && set.has(d[i] as number)) i++;
        if (name !== "lstrip") while (j > i && set.has(d[j - 1] as number)) j--;
        if (b.t === "bytes") {
          if (i === 0 && j === d.length) return b;
          return pyBytes(d.slice(i, j));
        }
        return make(d.slice(i, j));
      };
    case "split":
      return (args, kw) => {
        const sepArg = args[0] ?? kw.values.get("sep");
        const maxsplit = argInt(args[1] ?? kw.values.get("maxsplit"), -1);
        const d = Buffer.from(data());
        const pieces: Uint8Array[] = [];
        if (sepArg === undefined || sepArg.t === "NoneType") {
          const words = d.toString("latin1").split(/[ \t\n\r\x0b\x0c]+/).filter((w) => w !== "");
          for (const w of words) pieces.push(Uint8Array.from(Buffer.from(w, "latin1")));
        } else {
          const sep = Buffer.from(bytesArg(sepArg));
          if (sep.length === 0) throw valueError("empty separator");
          let from = 0;
          for (let i = d.indexOf(sep); i >= 0 && (maxsplit < 0 || pieces.length < maxsplit); i = d.indexOf(sep, from)) {
            pieces.push(Uint8Array.from(d.subarray(from, i)));
            from = i + sep.length;
          }
          pieces.push(Uint8Array.from(d.subarray(from)));
        }
        const items = b.t === "bytes" && pieces.length === 1 && pieces[0]?.length === d.length ? [b] : pieces.map((p) => (b.t === "bytes" ? pyBytes(p) : newByteArrayExact(p)));
        return splitList(items, maxsplit);
      };
    case "copy":
      return () => make(data().slice());
    case "isdigit":
      return () => pyBool(b.length > 0 && data().every((c) => c >= 48 && c <= 57));
    case "isalpha":
      return () => pyBool(b.length > 0 && data().every((c) => (c | 32) >= 97 && (c | 32) <= 122));
    default:
      return null;
  }
}

/** bytes.fromhex / bytearray.fromhex. */
export function fromHex(s: PyObj, kind: "bytes" | "bytearray"): PyObj {
  if (s.t !== "str") throw typeError(`fromhex() argument must be str, not ${typeName(s)}`);
  const t = strText(s).replace(/\s+/g, "");
  if (!/^([0-9a-fA-F]{2})*$/.test(t)) throw valueError("non-hexadecimal number found in fromhex() arg at position 0");
  const data = Uint8Array.from(Buffer.from(t, "hex"));
  if (kind === "bytearray") return newByteArrayExact(data);
  return data.length === 0 ? emptyBytes : pyBytesFresh(data);
}

