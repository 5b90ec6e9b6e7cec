// str and bytes methods, returning the objects CPython returns: the receiver
// itself when unchanged, cached characters where unicode_result() applies,
// and lists preallocated as stringlib's split does.
import { bufferBytes } from "./arrayObject.js";
import { byteArrayTranslate, bytesTranslate } from "./bytesTranslate.js";
import { exactResult } from "./builtinSubclass.js";
import { truthy } from "./compare.js";
import { runCodec, textCodec } from "./codecRegistry.js";
import { textOfCodePoints } from "./codecErrors.js";
import { UTF_8 } from "./textCodecs.js";
import { chargeChars, chargeText, ctx, noteSurrogate } from "./ctx.js";
import { PyException, PymemError, limitError, typeError, valueError } from "./errors.js";
import { strFormat, strFormatMap } from "./format.js";
import { byteValue } from "./byteArrays.js";
import { objectLen, toArray } from "./iteration.js";
import { listAppend, newListExact } from "./lists.js";
import { intValue, toIndex } from "./numbers.js";
import { adjustIndices, seqCount, seqFind, tailMatch } from "./search.js";
import {
  emptyStr, pyBool, pyBytes, pyBytesFresh, pyInt, pyStr, pyStrCheckedPairs, pyStrFresh, pyStrRuns, typeName,
  type NativeFn, type PyBytesObj, PyListObj, type PyObj, type PyStrObj,
} from "./objects.js";
import { bytesData, codePoints, joinRuns, MAX_TEXT, needleSplitsPairs, strText } from "./text.js";
import { caseOp } from "./strCase.js";
import { strPredicate } from "./strPredicates.js";
import { isUnicodeSpace, unicodeSpaceRuns } from "./unicodeChars.js";
import { newTuple } from "./tuples.js";
import { newByteArrayExact } from "./ops.js";
import { getItem } from "./subscript.js";
import { dictGet } from "./dicts.js";

const MAX_PREALLOC = 12;

/** stringlib split: PREALLOC_SIZE(maxsplit) slots, then appends past MAX_PREALLOC. */
function splitList(parts: PyObj[], maxsplit: number): PyListObj {
  const prealloc = maxsplit < 0 || maxsplit >= MAX_PREALLOC ? MAX_PREALLOC : maxsplit + 1;
  const l = new PyListObj([], prealloc);
  for (const p of parts) {
    if ((l.items as PyObj[]).length < MAX_PREALLOC) (l.items as PyObj[]).push(p);
    else listAppend(l, p);
  }
  return l;
}

const UTF8 = new TextEncoder();
const SHORT_TEXT = 64;

/** The utf-8 codec: TextEncoder where the str holds no lone surrogate, else the codec and its error handler. */
function encodeUtf8(t: string, errors: string): Uint8Array {
  if (t.length <= SHORT_TEXT && /^[\x00-\x7f]*$/.test(t)) {
    // Short ASCII: its bytes are its code units, cheaper to copy than a call into the encoder.
    const out = new Uint8Array(t.length);
    for (let i = 0; i < t.length; i++) out[i] = t.charCodeAt(i);
    return out;
  }
  const lone = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u;
  if (!lone.test(t)) return UTF8.encode(t);
  return UTF_8.encode(codePoints(t), errors);
}

function argStr(o: PyObj | undefined, what: string): string | null {
  if (o === undefined || o.t === "NoneType") return null;
  if (o.t !== "str") throw typeError(`${what} must be str or None, not ${typeName(o)}`);
  return strText(o);
}

/** A Py_ssize_t argument: __index__, and OverflowError past 2**63 as PyNumber_AsSsize_t raises. */
function argInt(o: PyObj | undefined, dflt: number): number {
  if (o === undefined) return dflt;
  return toIndex(o);
}

/** Runs of Py_UNICODE_ISSPACE characters in ASCII text. */
const ASCII_SPACE_RUNS = { run: /[\t-\r\x1c-\x20]+/, lead: /^[\t-\r\x1c-\x20]+/, trail: /[\t-\r\x1c-\x20]+$/ };

/** Substring of s by code point range, as PyUnicode_Substring returns it. */
function substring(s: PyStrObj, cps: number[] | null, i: number, j: number): PyStrObj {
  if (i === 0 && j === s.length) return s;
  if (j <= i) return emptyStr;
  const text = strText(s);
  // A contiguous piece of a str: its surrogate pairs are the str's own, checked when it was made.
  return pyStrCheckedPairs(cps === null ? text.slice(i, j) : String.fromCodePoint(...cps.slice(i, j)));
}

function strip(s: PyStrObj, chars: string | null, left: boolean, right: boolean): PyStrObj {
  const cps = codePoints(strText(s));
  const set = chars === null ? null : new Set(codePoints(chars));
  const strippable = (c: number): boolean => (set === null ? isUnicodeSpace(c) : set.has(c));
  let i = 0;
  let j = cps.length;
  if (left) while (i < j && strippable(cps[i] as number)) i++;
  if (right) while (j > i && strippable(cps[j - 1] as number)) j--;
  return substring(s, s.maxChar < 128 ? null : cps, i, j);
}

function splitStr(s: PyStrObj, sep: string | null, maxsplit: number, fromRight: boolean): PyListObj {
  const text = strText(s);
  const sepCps = sep === null ? null : codePoints(sep);
  if (sepCps !== null) {
    if (sep === "") throw valueError("empty separator");
    const sepMax = Math.max(...sepCps);
    // A separator longer or wider than the string: [self] in a one-slot list.
    if (s.length < sepCps.length || (sepMax >= 256 && s.maxChar < 256) || (sepMax >= 65536 && s.maxChar < 65536)) {
      return newListExact([s]);
    }
  }
  let parts: string[];
  if (sep === null) {
    const ws = s.maxChar < 128 ? ASCII_SPACE_RUNS : unicodeSpaceRuns();
    const words = text.split(ws.run).filter((w) => w !== "");
    if (maxsplit >= 0 && words.length > maxsplit) {
      if (!fromRight) {
        const rest = text.replace(ws.lead, "");
        parts = [];
        let r = rest;
        for (let k = 0; k < maxsplit; k++) {
          const m = ws.run.exec(r);
          if (m === null) break;
          parts.push(r.slice(0, m.index));
          r = r.slice(m.index + m[0].length);
        }
        if (r !== "") parts.push(r);
      } else {
        parts = words.slice(words.length - maxsplit);
        const head = text.replace(ws.trail, "");
        let cut = head.length;
        for (let k = 0; k < maxsplit; k++) {
          cut = head.lastIndexOf(words[words.length - 1 - k] as string, cut - 1);
        }
        const lead = head.slice(0, cut).replace(ws.trail, "");
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
  ctx().tick(parts.length);
  // No split at all: the list holds the receiver itself.
  // Contiguous pieces of s (a lone-surrogate separator was refused by strMethod): their pairs are s's own.
  const items = parts.length === 1 && parts[0] === text ? [s] : parts.map((p) => pyStrCheckedPairs(p));
  // 3.12+: without a maxsplit, the most parts the string can give stands for it in PREALLOC_SIZE.
  if (maxsplit < 0 && ctx().layout.rules.strSplitPresizes) {
    maxsplit = sepCps === null ? Math.trunc((s.length - 1) / 2) + 1 : Math.trunc(s.length / sepCps.length) + 1;
  }
  return splitList(items, maxsplit);
}

function pad(s: PyStrObj, width: number, fill: string, where: "l" | "r" | "c"): PyStrObj {
  if (s.length >= width) return s;
  const total = width - s.length;
  const left = where === "r" ? total : where === "c" ? Math.floor(total / 2) + (total & width & 1) : 0;
  const right = total - left;
  // Counted (and refused past pymem's text bound) before the JS string is built.
  chargeText(width * (s.maxChar < 0x10000 && fill.length === 1 ? 1 : 2));
  return pyStrFresh(fill.repeat(left) + strText(s) + fill.repeat(right));
}

function fillChar(o: PyObj | undefined): string {
  if (o === undefined) return " ";
  if (o.t !== "str" || o.length !== 1) throw typeError("The fill character must be exactly one character long");
  return strText(o);
}

/** The str methods that search `s` for a str argument. */
const SEARCHING = new Set(["find", "rfind", "index", "rindex", "count", "split", "rsplit", "partition", "rpartition", "replace", "startswith", "endswith", "strip", "lstrip", "rstrip", "removeprefix", "removesuffix"]);

export function strMethod(s: PyStrObj, name: string): NativeFn | null {
  const fn = strMethodOf(s, name);
  if (fn === null || s.maxChar < 0x10000 || !SEARCHING.has(name)) return fn;
  return (args, kw) => {
    for (const a of [...args, ...kw.values.values()]) {
      const needles = a.t === "tuple" ? a.items : [a];
      for (const n of needles as Iterable<PyObj>) {
        if (n.t === "str" && needleSplitsPairs(s.maxChar, strText(n))) throw new PymemError("UNSUPPORTED", `str.${name}() searching a str that holds astral characters for a lone surrogate (JS would match half of a pair)`);
      }
    }
    return fn(args, kw);
  };
}

function strMethodOf(s: PyStrObj, name: string): NativeFn | null {
  const text = (): string => {
    // Most methods pass over every character: a big string's is counted on each use.
    chargeChars(s.length);
    return strText(s);
  };
  switch (name) {
    case "join":
      return ([it]) => {
        if (it === undefined) throw typeError("str.join() takes exactly one argument (0 given)");
        const items = toArray(it);
        if (items.length === 0) return emptyStr;
        items.forEach((x, i) => {
          if (x.t !== "str") throw typeError(`sequence item ${i}: expected str instance, ${typeName(x)} found`);
        });
        if (items.length === 1 && (items[0] as PyObj).t === "str") return exactResult(items[0] as PyObj, items[0] as PyObj);
        ctx().tick(items.length);
        const strs = items as PyStrObj[];
        const all = strs.flatMap((x, i) => (i === 0 ? [x] : [s, x]));
        const length = all.reduce((n, x) => n + x.length, 0);
        const runs = joinRuns(all);
        if (runs !== null) return pyStrRuns(runs, length, all.reduce((m, x) => Math.max(m, x.maxChar), 0));
        if (length > MAX_TEXT) throw limitError(`str.join would spell out a string of ${length} characters; pymem's limit is ${MAX_TEXT}`);
        return pyStrFresh(strs.map((x) => strText(x)).join(text()));
      };
    case "split":
    case "rsplit":
      return (args, kw) => splitStr(s, argStr(args[0] ?? kw.values.get("sep"), "sep"), argInt(args[1] ?? kw.values.get("maxsplit"), -1), name === "rsplit");
    case "splitlines":
      return (args, kw) => {
        const keep = args[0] ?? kw.values.get("keepends");
        const keepends = keep !== undefined && (ctx().layout.rules.boolArgsTruthy ? truthy(keep) : toIndex(keep) !== 0);
        const l = newListExact([]);
        const re = /\r\n|[\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029]/gu;
        const t = text();
        let last = 0;
        for (const m of t.matchAll(re)) {
          const end = (m.index as number) + m[0].length;
          listAppend(l, pyStrCheckedPairs(t.slice(last, keepends ? end : (m.index as number))));
          last = end;
        }
        if (last < t.length) listAppend(l, last === 0 ? s : pyStrCheckedPairs(t.slice(last)));
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
        return newTuple([pyStrCheckedPairs(t.slice(0, i)), sep as PyObj, pyStrCheckedPairs(t.slice(i + sp.length))]);
      };
    case "upper":
    case "lower":
    case "casefold":
    case "swapcase":
    case "title":
    case "capitalize":
      return () => pyStrFresh(caseOp(text(), name, s.maxChar < 128));
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
        if (count === 0 || (count > 0 && t === "" && ctx().layout.rules.replaceCountOnEmptyIsNoop)) return s;
        if (old === "") {
          // replace_interleave: `neu` before each of the first count characters (and at the end when count allows).
          if (neu === "") return s;
          const cps = [...t];
          const k = count < 0 ? cps.length + 1 : Math.min(count, cps.length + 1);
          let out = "";
          for (let i = 0; i < k; i++) out += neu + (cps[i] ?? "");
          return pyStrFresh(out + cps.slice(k).join(""));
        }
        if (!t.includes(old) || old === neu) return s;
        let out: string;
        if (count < 0) out = t.split(old).join(neu);
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
    case "format_map":
      return (args, kw) => {
        if (args.length !== 1 || kw.values.size > 0) throw new PymemError("UNSUPPORTED", "str.format_map() without exactly one positional argument (METH_O's TypeError texts)");
        return strFormatMap(s, args[0] as PyObj);
      };
    case "encode":
      return (args, kw) => {
        const encArg = args[0] ?? kw.values.get("encoding");
        const errArg = args[1] ?? kw.values.get("errors");
        if (encArg !== undefined && encArg.t !== "str") throw typeError(`encode() argument 'encoding' must be str, not ${typeName(encArg)}`);
        if (errArg !== undefined && errArg.t !== "str") throw typeError(`encode() argument 'errors' must be str, not ${typeName(errArg)}`);
        const enc = encArg === undefined ? "utf-8" : strText(encArg);
        const errors = errArg === undefined ? "strict" : strText(errArg);
        if (enc === "utf-8" || enc === "utf8") return pyBytes(encodeUtf8(text(), errors));
        const codec = textCodec(enc, "encode");
        const data = runCodec(enc, "encoding", false, () => codec.encode(codePoints(text()), errors));
        return codec.freshBytes ? pyBytesFresh(data) : pyBytes(data);
      };
    case "center":
    case "ljust":
    case "rjust":
      return ([w, f]) => pad(s, argInt(w, 0), fillChar(f), name === "center" ? "c" : name === "ljust" ? "l" : "r");
    case "zfill":
      return ([w]) => {
        const width = argInt(w, 0);
        if (s.length >= width) return s;
        chargeText(width);
        const t = text();
        const sign = t[0] === "+" || t[0] === "-" ? (t[0] as string) : "";
        return pyStrFresh(sign + "0".repeat(width - s.length) + t.slice(sign.length));
      };
    case "count":
    case "find":
    case "index":
    case "rfind":
    case "rindex":
      return ([sub, start, end]) => {
        if (sub === undefined || sub.t !== "str") throw typeError(`must be str, not ${sub === undefined ? "NoneType" : typeName(sub)}`);
        const hay = codePoints(text());
        const needle = codePoints(strText(sub));
        const [a, b] = adjustIndices(hay.length, start, end);
        if (name === "count") return pyInt(seqCount(hay, needle, a, b));
        const i = seqFind(hay, needle, a, b, name.startsWith("r"));
        if (i < 0 && name.endsWith("index")) throw valueError("substring not found");
        return pyInt(i);
      };
    case "startswith":
    case "endswith":
      return ([p, start, end]) => {
        const bad = (o: PyObj | undefined): PyException => typeError(`${name} first arg must be str or a tuple of str, not ${o === undefined ? "NoneType" : typeName(o)}`);
        if (p === undefined || (p.t !== "str" && p.t !== "tuple")) throw bad(p);
        const hay = codePoints(text());
        const [a, b] = adjustIndices(hay.length, start, end);
        const prefixes = p.t === "tuple" ? toArray(p) : [p];
        return pyBool(prefixes.some((x) => {
          if (x.t !== "str") throw typeError(`tuple for ${name} must only contain str, not ${typeName(x)}`);
          return tailMatch(hay, codePoints(strText(x)), a, b, name === "endswith");
        }));
      };
    case "isdigit":
    case "isdecimal":
    case "isnumeric":
    case "isalpha":
    case "isalnum":
    case "isspace":
    case "isupper":
    case "islower":
    case "istitle":
    case "isprintable":
    case "isidentifier":
      return () => pyBool(strPredicate(name, text(), s.length, s.maxChar < 128) === true);
    case "isascii":
      return () => pyBool(s.maxChar < 128);
    case "translate":
      return ([table]) => {
        // unicode_translate: table[ord(ch)] through __getitem__; a LookupError leaves ch as it is.
        if (table === undefined) throw typeError("translate() takes exactly one argument (0 given)");
        let out = "";
        // An exact dict answers by lookup: a miss is the KeyError __getitem__ would raise, without making one per character.
        const plain = table.t === "dict" && table.flavor === undefined ? table : null;
        const lookup = (key: PyObj): PyObj | undefined => {
          if (plain !== null) return dictGet(plain, key);
          try {
            return getItem(table, key);
          } catch (e) {
            if (e instanceof PyException && (e.pyType === "KeyError" || e.pyType === "IndexError" || e.pyType === "LookupError")) return undefined;
            throw e;
          }
        };
        for (const ch of text()) {
          const m = lookup(pyInt(ch.codePointAt(0) as number));
          if (m === undefined) {
            out += ch;
            continue;
          }
          if (m.t === "NoneType") continue;
          if (m.t === "str") out += strText(m);
          else {
            const v = intValue(m);
            if (v === null) throw typeError("character mapping must return integer, None or str");
            if (v < 0 || v > 0x10ffff) throw valueError("character mapping must be in range(0x110000)");
            noteSurrogate(Number(v));
            out += String.fromCodePoint(Number(v));
          }
        }
        return pyStr(out);
      };
    case "expandtabs":
      return ([ts], kw) => {
        const size = cIntArg(ts ?? kw.values.get("tabsize"), 8);
        // Each tab becomes up to `size` spaces: counted before they are made.
        chargeText(s.length + Math.max(size, 0) * (text().split("\t").length - 1));
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
        if (a === undefined || a.t !== "str") throw typeError(`${name}() argument must be str, not ${a === undefined ? "None" : typeName(a)}`);
        const p = strText(a);
        const t = text();
        if (p === "") return s;
        if (name === "removeprefix" && t.startsWith(p)) return pyStrCheckedPairs(t.slice(p.length));
        if (name === "removesuffix" && t.endsWith(p)) return pyStrCheckedPairs(t.slice(0, t.length - p.length));
        return s;
      };
    default:
      return null;
  }
}

/** Bytes as text for the str methods: ASCII as is, 0x80-0xff as U+E080-U+E0FF (uncased, not alphanumeric, not space). */
function bytesAsText(data: Uint8Array): string {
  // In chunks of char codes: a string grown a character at a time costs a cons cell per byte.
  const parts: string[] = [];
  for (let i = 0; i < data.length; i += 8192) {
    const codes = new Uint16Array(Math.min(8192, data.length - i));
    for (let j = 0; j < codes.length; j++) {
      const b = data[i + j] as number;
      codes[j] = b < 0x80 ? b : 0xe000 + b;
    }
    parts.push(String.fromCharCode(...codes));
  }
  return parts.join("");
}

/** Bytes as text for splitlines: bytes break lines at \\n and \\r only (STRINGLIB_ISLINEBREAK of bytes), so the other str line boundaries (\\v \\f \\x1c-\\x1e) become private-use characters too. */
function bytesAsLines(data: Uint8Array): string {
  return bytesAsText(data).replace(/[\x0b\x0c\x1c-\x1e]/g, (c) => String.fromCharCode(0xe000 + c.charCodeAt(0)));
}

/** An Argument Clinic `int` argument: an index that fits a C int, else OverflowError. */
function cIntArg(o: PyObj | undefined, dflt: number): number {
  if (o === undefined) return dflt;
  const n = toIndex(o);
  if (n > 2147483647 || n < -2147483648) throw new PyException("OverflowError", `Python int too ${n > 0 ? "large" : "small"} to convert to C int`);
  return n;
}

/**
 * stringlib_expandtabs (Objects/stringlib/transmogrify.h): each tab becomes spaces to the next multiple of tabsize
 * (none for tabsize <= 0), the column restarting after \\n and \\r. The size is counted first, so a result past
 * pymem's limit is refused before it is made.
 */
function expandBytes(src: Uint8Array, tabsize: number): Uint8Array {
  let total = 0;
  let col = 0;
  for (const c of src) {
    if (c === 9) {
      if (tabsize > 0) col += tabsize - (col % tabsize);
    } else {
      col++;
      if (c === 10 || c === 13) {
        total += col;
        col = 0;
      }
    }
  }
  total += col;
  if (total > MAX_TEXT) throw limitError(`bytes.expandtabs would spell out ${total} bytes; pymem's limit is ${MAX_TEXT}`);
  chargeText(total);
  const out = new Uint8Array(total);
  let k = 0;
  col = 0;
  for (const c of src) {
    if (c === 9) {
      if (tabsize > 0) {
        const n = tabsize - (col % tabsize);
        out.fill(32, k, k + n);
        k += n;
        col += n;
      }
    } else {
      out[k++] = c;
      col = c === 10 || c === 13 ? 0 : col + 1;
    }
  }
  return out;
}

/** Py_ISSPACE: the bytes whitespace of split() (ASCII's six). */
function isByteSpace(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

/**
 * stringlib split_whitespace / split_char / split and their rsplit mirrors: the [start, end) of each piece in list
 * order, at most `maxcount` splits; `whole` where the only piece is all of the data found without a split (the
 * exact bytes object is then put in the list itself). Past maxcount a whitespace split skips the whitespace and
 * takes the rest as one piece (a new object, even when it is all of the data).
 */
function bytesSplitSpans(d: Uint8Array, sep: Uint8Array | null, maxcount: number, right: boolean): { spans: [number, number][]; whole: boolean } {
  const n = d.length;
  const spans: [number, number][] = [];
  if (sep === null) {
    if (!right) {
      let i = 0;
      for (let left = maxcount; left > 0; left--) {
        while (i < n && isByteSpace(d[i] as number)) i++;
        if (i === n) break;
        const j = i++;
        while (i < n && !isByteSpace(d[i] as number)) i++;
        if (j === 0 && i === n) return { spans: [[0, n]], whole: true };
        spans.push([j, i]);
      }
      if (i < n) {
        while (i < n && isByteSpace(d[i] as number)) i++;
        if (i !== n) spans.push([i, n]);
      }
      return { spans, whole: false };
    }
    let i = n - 1;
    for (let left = maxcount; left > 0; left--) {
      while (i >= 0 && isByteSpace(d[i] as number)) i--;
      if (i < 0) break;
      const j = i--;
      while (i >= 0 && !isByteSpace(d[i] as number)) i--;
      if (j === n - 1 && i < 0) return { spans: [[0, n]], whole: true };
      spans.push([i + 1, j + 1]);
    }
    if (i >= 0) {
      while (i >= 0 && isByteSpace(d[i] as number)) i--;
      if (i >= 0) spans.push([0, i + 1]);
    }
    return { spans: spans.reverse(), whole: false };
  }
  const buf = Buffer.from(d.buffer, d.byteOffset, d.byteLength);
  const needle = Buffer.from(sep.buffer, sep.byteOffset, sep.byteLength);
  let count = 0;
  if (!right) {
    let from = 0;
    for (let pos = buf.indexOf(needle, from); pos >= 0 && count < maxcount; pos = buf.indexOf(needle, from), count++) {
      spans.push([from, pos]);
      from = pos + sep.length;
    }
    spans.push([from, n]);
    return { spans, whole: count === 0 };
  }
  let end = n;
  while (count < maxcount && end - sep.length >= 0) {
    const pos = buf.lastIndexOf(needle, end - sep.length);
    if (pos < 0) break;
    spans.push([pos + sep.length, end]);
    end = pos;
    count++;
  }
  spans.push([0, end]);
  return { spans: spans.reverse(), whole: count === 0 };
}

/** bytesAsText's inverse: its texts (and what str methods make of them) are BMP characters, one unit each. */
function textAsBytes(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out[i] = code >= 0xe000 ? code - 0xe000 : code;
  }
  return out;
}

/** The sub argument of bytes.find/count/index: a bytes-like object or one byte as an int. */
function byteNeedle(o: PyObj | undefined): Uint8Array {
  if (o !== undefined && (o.t === "int" || o.t === "bool")) {
    return Uint8Array.of(byteValue(o));
  }
  if (o === undefined || (o.t !== "bytes" && o.t !== "bytearray")) {
    throw typeError(`argument should be integer or bytes-like object, not '${o === undefined ? "NoneType" : typeName(o)}'`);
  }
  return bytesData(o);
}

function bytesArg(o: PyObj | undefined): Uint8Array {
  if (o === undefined) throw typeError("a bytes-like object is required");
  if (o.t !== "bytes" && o.t !== "bytearray") throw typeError(`a bytes-like object is required, not '${typeName(o)}'`);
  return bytesData(o);
}

function decodeBytes(data: Uint8Array, enc: string, errors: string): string {
  if (enc === "utf-8" || enc === "utf8") {
    try {
      return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(data);
    } catch {
      // invalid data: the codec finds the error range and runs the handler
    }
  }
  const codec = textCodec(enc, "decode");
  return textOfCodePoints(runCodec(enc, "decoding", false, () => codec.decode(data, errors)));
}

export function bytesMethod(b: PyBytesObj | import("./objects.js").PyByteArrayObj, name: string): NativeFn | null {
  const data = (): Uint8Array => {
    chargeChars(b.length);
    return bytesData(b);
  };
  const make = (d: Uint8Array): PyObj => (b.t === "bytearray" ? newByteArrayExact(d) : pyBytesFresh(d));
  switch (name) {
    case "decode":
      return (args, kw) => {
        const enc = args[0] ?? kw.values.get("encoding");
        const errors = args[1] ?? kw.values.get("errors");
        if (enc !== undefined && enc.t !== "str") throw typeError(`decode() argument 'encoding' must be str, not ${typeName(enc)}`);
        if (errors !== undefined && errors.t !== "str") throw typeError(`decode() argument 'errors' must be str, not ${typeName(errors)}`);
        return pyStrCheckedPairs(decodeBytes(data(), enc === undefined ? "utf-8" : strText(enc), errors === undefined ? "strict" : strText(errors)));
      };
    case "hex":
      return ([sepArg, perArg], kw) => {
        // bytes.hex(sep=None, bytes_per_sep=1): no text signature, so the keywords are read here.
        const sep = sepArg ?? kw.values.get("sep");
        const per = perArg ?? kw.values.get("bytes_per_sep");
        const n = per === undefined ? 1 : toIndex(per);
        // bytes_per_sep is a C int.
        if (n > 2147483647 || n < -2147483648) throw new PyException("OverflowError", "Python int too large to convert to C int");
        const hex = Buffer.from(data()).toString("hex");
        if (sep === undefined) return pyStrFresh(hex);
        // _Py_strhex_impl: len(sep) must be 1, then a str of one ASCII character or a bytes object.
        const len = objectLen(sep);
        if (len === null) throw typeError(`object of type '${typeName(sep)}' has no len()`);
        if (len !== 1) throw valueError("sep must be length 1.");
        if (sep.t !== "str" && sep.t !== "bytes") throw typeError("sep must be str or bytes.");
        const sp = sep.t === "str" ? strText(sep) : String.fromCharCode(bytesData(sep)[0] as number);
        if (sp.charCodeAt(0) > 127) throw valueError("sep must be ASCII.");
        const k = Math.abs(n);
        // A group as wide as the data, or no group size, leaves no separator.
        if (n === 0 || k >= hex.length / 2) return pyStrFresh(hex);
        const pairs = hex.match(/../g) ?? [];
        const groups: string[] = [];
        if (n > 0) for (let i = pairs.length; i > 0; i -= k) groups.unshift(pairs.slice(Math.max(0, i - k), i).join(""));
        else for (let i = 0; i < pairs.length; i += k) groups.push(pairs.slice(i, i + k).join(""));
        return pyStrFresh(groups.join(sp));
      };
    case "expandtabs":
      return ([ts], kw) => {
        const size = cIntArg(ts ?? kw.values.get("tabsize"), 8);
        return make(expandBytes(data(), size));
      };
    case "center":
    case "ljust":
    case "rjust":
    case "zfill":
    case "title":
    case "capitalize":
    case "swapcase":
    case "partition":
    case "rpartition":
    case "isupper":
    case "islower":
    case "isalnum":
    case "istitle":
    case "splitlines":
      // The str method on the bytes as text, results turned back into bytes. Bytes from 0x80 up
      // become private-use characters, which no str method takes for letters, digits or spaces:
      // bytes methods know ASCII only (b'\xff'.title() leaves the byte alone).
      return (args, kw) => {
        const text = name === "splitlines" ? bytesAsLines(data()) : bytesAsText(data());
        // A str where bytes are expected is refused, not run through the str method.
        const strArg = args.find((a) => a.t === "str");
        if (strArg !== undefined) {
          if (name === "center" || name === "ljust" || name === "rjust") throw typeError(`${name}() argument 2 must be a byte string of length 1, not str`);
          throw typeError("a bytes-like object is required, not 'str'");
        }
        const asStr = (o: PyObj): PyObj => (o.t === "bytes" || o.t === "bytearray" ? pyStr(bytesAsText(bytesData(o))) : o);
        const f = strMethod(pyStr(text), name);
        if (f === null) throw typeError(name);
        // title/capitalize/swapcase always build a new object, and the padding methods do when
        // they pad (PyBytes_FromStringAndSize(NULL, n): never the cached 1-byte objects).
        const fresh = name === "title" || name === "capitalize" || name === "swapcase" || name === "center" || name === "ljust" || name === "rjust" || name === "zfill";
        const keepsSelf = name !== "title" && name !== "capitalize" && name !== "swapcase";
        const back = (o: PyObj): PyObj => {
          if (o.t === "str") {
            const d = textAsBytes(strText(o));
            if (b.t === "bytes" && keepsSelf && strText(o) === text) return b;
            return b.t === "bytearray" ? newByteArrayExact(d) : fresh ? pyBytesFresh(d) : pyBytes(d);
          }
          if (o.t === "list") return new PyListObj((o.items as PyObj[]).map(back), o.allocated);
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
        if (b.t === "bytes" && parts.length === 1 && (toArray(it as PyObj)[0] as PyObj).t === "bytes") return exactResult(toArray(it as PyObj)[0] as PyObj, toArray(it as PyObj)[0] as PyObj);
        const sep = data();
        const total = parts.reduce((n, p) => n + p.length, 0) + sep.length * Math.max(parts.length - 1, 0);
        if (total > MAX_TEXT) throw limitError(`bytes.join would spell out ${total} bytes; pymem's limit is ${MAX_TEXT}`);
        chargeText(total);
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
    case "find":
    case "index":
    case "rfind":
    case "rindex":
      return ([sub, start, end]) => {
        const needle = byteNeedle(sub);
        const hay = data();
        const [a, c] = adjustIndices(hay.length, start, end);
        if (name === "count") return pyInt(seqCount(hay, needle, a, c));
        const i = seqFind(hay, needle, a, c, name.startsWith("r"));
        if (i < 0 && name.endsWith("index")) throw valueError("subsection not found");
        return pyInt(i);
      };
    case "startswith":
    case "endswith":
      return ([p, start, end]) => {
        if (p === undefined || (p.t !== "bytes" && p.t !== "bytearray" && p.t !== "tuple")) {
          throw typeError(`${name} first arg must be bytes or a tuple of bytes, not ${p === undefined ? "NoneType" : typeName(p)}`);
        }
        const hay = data();
        const [a, c] = adjustIndices(hay.length, start, end);
        const prefixes = p.t === "tuple" ? toArray(p) : [p];
        return pyBool(prefixes.some((x) => tailMatch(hay, bytesArg(x), a, c, name === "endswith")));
      };
    case "replace":
      return ([a, c, n]) => {
        const old = Buffer.from(bytesArg(a));
        const neu = Buffer.from(bytesArg(c));
        const hay = Buffer.from(data());
        const count = argInt(n, -1);
        // Nothing to do: a bytes is returned as it is, a bytearray as a copy.
        const unchanged = (): PyObj => (b.t === "bytes" ? b : make(new Uint8Array(hay)));
        if (count === 0 || (old.length === 0 && neu.length === 0)) return unchanged();
        if (count > 0 && hay.length === 0 && ctx().layout.rules.replaceCountOnEmptyIsNoop) return unchanged();
        const limit = count < 0 ? Infinity : count;
        const parts: Buffer[] = [];
        if (old.length === 0) {
          // replace_interleave: `neu` before each of the first count bytes (and at the end when count allows).
          const k = Math.min(limit, hay.length + 1);
          for (let i = 0; i < k; i++) parts.push(neu, hay.subarray(i, i + 1));
          parts.push(hay.subarray(k));
          return make(new Uint8Array(Buffer.concat(parts)));
        }
        if (hay.indexOf(old) < 0) return unchanged();
        let from = 0;
        let done = 0;
        for (let i = hay.indexOf(old); i >= 0 && done < limit; i = hay.indexOf(old, from)) {
          parts.push(hay.subarray(from, i), neu);
          from = i + old.length;
          done++;
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
    case "removeprefix":
    case "removesuffix":
      // bytes_removeprefix_impl: the rest as a new object (1-byte and empty ones cached), else an exact bytes itself.
      return ([a]) => {
        const d = data();
        const fix = a === undefined ? null : bufferBytes(a);
        if (fix === null || a?.t === "str") throw typeError(`a bytes-like object is required, not '${a === undefined ? "NoneType" : typeName(a)}'`);
        const at = name === "removeprefix" ? 0 : d.length - fix.length;
        const hit = fix.length > 0 && d.length >= fix.length && fix.every((c, k) => d[at + k] === c);
        const rest = hit ? (name === "removeprefix" ? d.slice(fix.length) : d.slice(0, at)) : d.slice();
        if (b.t === "bytearray") return newByteArrayExact(rest);
        return !hit ? b : pyBytes(rest);
      };
    case "split":
    case "rsplit":
      return (args, kw) => {
        const sepArg = args[0] ?? kw.values.get("sep");
        const maxsplit = argInt(args[1] ?? kw.values.get("maxsplit"), -1);
        const d = data();
        const sep = sepArg === undefined || sepArg.t === "NoneType" ? null : bytesArg(sepArg);
        if (sep !== null && sep.length === 0) throw valueError("empty separator");
        const { spans, whole } = bytesSplitSpans(d, sep, maxsplit < 0 ? Infinity : maxsplit, name === "rsplit");
        ctx().tick(spans.length);
        // The exact bytes object itself stands for a single piece that is all of it (stringlib's STRINGLIB_CHECK_EXACT).
        const items = whole && b.t === "bytes" ? [b] : spans.map(([i, j]) => (b.t === "bytes" ? pyBytes(d.slice(i, j)) : newByteArrayExact(d.slice(i, j))));
        return splitList(items, maxsplit);
      };
    case "copy":
      return () => make(data().slice());
    case "translate":
      return b.t === "bytearray" ? byteArrayTranslate(b) : bytesTranslate(b);
    case "isdigit":
      return () => pyBool(b.length > 0 && data().every((c) => c >= 48 && c <= 57));
    case "isspace":
      // Py_ISSPACE: ASCII's six, not str's \x1c-\x1f.
      return () => pyBool(b.length > 0 && data().every((c) => c === 32 || (c >= 9 && c <= 13)));
    case "isalpha":
      return () => pyBool(b.length > 0 && data().every((c) => (c | 32) >= 97 && (c | 32) <= 122));
    default:
      return null;
  }
}

/** bytes.fromhex / bytearray.fromhex. */
export function fromHex(s: PyObj, kind: "bytes" | "bytearray"): PyObj {
  if (s.t !== "str") throw typeError(`fromhex() argument must be str, not ${typeName(s)}`);
  const t = strText(s).replace(/[ \t\n\v\f\r]+/g, "");
  if (!/^([0-9a-fA-F]{2})*$/.test(t)) throw valueError("non-hexadecimal number found in fromhex() arg at position 0");
  const data = Uint8Array.from(Buffer.from(t, "hex"));
  if (kind === "bytearray") return newByteArrayExact(data);
  // _PyBytesWriter_Finish from its small buffer: PyBytes_FromStringAndSize, so one byte is the cached object.
  return pyBytes(data);
}

