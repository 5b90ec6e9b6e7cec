// The textwrap module (Lib/textwrap.py of each version), step by step as it
// runs: TextWrapper is a Python class (made per evaluation: its instances'
// dicts share its keys) whose wrap() munges the whitespace with the str's own
// expandtabs/translate, splits the chunks as its regexes split them
// (textwrapChunks.ts: slices of the text, the text itself when it is one
// chunk), and builds each line as `indent + ''.join(cur_line)` appended to a
// list; fill() joins the lines with '\n'; shorten, dedent (its re.sub pieces
// joined) and indent (each version's join) likewise. A subclass of
// TextWrapper overriding its methods is refused.
import { callObject } from "./calls.js";
import { truthy } from "./compare.js";
import { chargeChars, ctx } from "./ctx.js";
import { getAttr, setAttr } from "./attributes.js";
import { dictSet, newDict } from "./dicts.js";
import { PymemError, typeError, valueError } from "./errors.js";
import { listAppend, listArray, newEmptyList } from "./lists.js";
import { binaryOp } from "./ops.js";
import { False, nativeFunction, None, pyInt, pyStr, pyStrFresh, True, typeName, type Kwargs, type PyClassObj, type PyListObj, type PyObj, type PyStrObj } from "./objects.js";
import { bindDef, pyDef } from "./pyParams.js";
import { setClassHooks } from "./classHooks.js";
import { lookupClassAttr } from "./classes.js";
import { refusedMethod, stdlibClass, unmodelled } from "./stdlibClass.js";
import { callMethod, joinPieces, slicer, substr } from "./stringModule.js";
import { strText } from "./text.js";
import { allSpace, endsSentence, simpleSpans, wordsepSpans } from "./textwrapChunks.js";
import { isUnicodeSpace } from "./unicodeChars.js";
import type { Layout } from "../layouts/layout.js";

const OPTIONS = ["width", "initial_indent", "subsequent_indent", "expand_tabs", "replace_whitespace", "fix_sentence_endings",
  "break_long_words", "drop_whitespace", "break_on_hyphens", "tabsize"] as const;

function len(s: PyObj): number {
  if (s.t !== "str") throw typeError(`object of type '${typeName(s)}' has no len()`);
  return s.length;
}

function isBlank(s: PyObj): boolean {
  return s.t === "str" && allSpace(strText(s), isUnicodeSpace);
}

/** A width or a line count, compared and subtracted as the Python code does (an int or a float). */
function numOf(o: PyObj, op: string): number {
  if (o.t === "int") return Number(o.v);
  if (o.t === "bool") return o.v ? 1 : 0;
  if (o.t === "float") return o.v;
  throw typeError(`'${op}' not supported between instances of '${typeName(o)}' and 'int'`);
}

function add(a: PyObj, b: PyObj): PyObj {
  return binaryOp("Add", a, b);
}

/** The wrapper's settings, read from the instance as the methods read them. */
interface Wrapper {
  readonly self: PyObj;
  opt(name: string): PyObj;
}

/** What wrap() and fill() run through: a subclass overriding any of them is refused. */
const OVERRIDABLE = ["wrap", "fill", "_munge_whitespace", "_split", "_fix_sentence_endings", "_handle_long_word", "_wrap_chunks", "_split_chunks",
  "wordsep_re", "wordsep_simple_re", "sentence_end_re", "unicode_whitespace_trans"];

function wrapperOf(self: PyObj, cls: PyClassObj): Wrapper {
  if (self.t !== "instance" || !self.cls.mro.includes(cls)) throw new PymemError("UNSUPPORTED", `TextWrapper methods on a '${typeName(self)}'`);
  for (const name of OVERRIDABLE) {
    if (lookupClassAttr(self.cls, name) !== cls.attrs.get(name)) throw new PymemError("UNSUPPORTED", `a TextWrapper subclass with its own ${name}`);
  }
  return { self, opt: (name) => getAttr(self, name) };
}

/** _munge_whitespace then _split: the chunks, slices of the munged text. */
function splitChunks(w: Wrapper, text: PyObj, trans: PyObj): PyObj[] {
  let t = text;
  if (truthy(w.opt("expand_tabs"))) t = callMethod(t, "expandtabs", [w.opt("tabsize")]);
  if (truthy(w.opt("replace_whitespace"))) t = callMethod(t, "translate", [trans]);
  if (t.t !== "str") throw new PymemError("UNSUPPORTED", `textwrap over a '${typeName(t)}'`);
  chargeChars(t.length);
  const cps = Array.from(strText(t), (ch) => ch.codePointAt(0) as number);
  const spans = w.opt("break_on_hyphens") === True ? wordsepSpans(cps) : simpleSpans(cps);
  const slice = slicer(t);
  return spans.map(([a, b]) => slice(a, b));
}

/** _fix_sentence_endings: the " " after a sentence's end becomes the class's one "  " constant. */
function fixSentenceEndings(chunks: PyObj[], twoSpaces: PyObj): void {
  let i = 0;
  while (i < chunks.length - 1) {
    const next = chunks[i + 1] as PyObj;
    if (next.t === "str" && strText(next) === " " && endsSentence(strText(chunks[i] as PyStrObj))) {
      chunks[i + 1] = twoSpaces;
      i += 2;
    } else i += 1;
  }
}

/** _handle_long_word. */
function handleLongWord(w: Wrapper, reversed: PyObj[], curLine: PyObj[], curLen: number, width: number, hyphens: boolean): void {
  const spaceLeft = width < 1 ? 1 : width - curLen;
  if (truthy(w.opt("break_long_words"))) {
    if (!Number.isInteger(spaceLeft)) throw typeError("slice indices must be integers or None or have an __index__ method");
    let end = spaceLeft;
    const chunk = reversed[reversed.length - 1] as PyObj;
    if (hyphens && truthy(w.opt("break_on_hyphens")) && len(chunk) > spaceLeft) {
      const cps = [...strText(chunk as PyStrObj)];
      const hyphen = cps.slice(0, Math.max(spaceLeft, 0)).lastIndexOf("-");
      if (hyphen > 0 && cps.slice(0, hyphen).some((c) => c !== "-")) end = hyphen + 1;
    }
    curLine.push(substr(chunk, 0, Math.min(end, len(chunk))));
    reversed[reversed.length - 1] = substr(chunk, Math.min(end, len(chunk)), len(chunk));
  } else if (curLine.length === 0) {
    curLine.push(reversed.pop() as PyObj);
  }
}

/** _wrap_chunks: the lines, appended to a list one by one. */
function wrapChunks(w: Wrapper, chunks: PyObj[], hyphens: boolean): PyListObj {
  const lines = newEmptyList();
  const linesArr = (): PyObj[] => listArray(lines);
  const widthObj = w.opt("width");
  const selfWidth = numOf(widthObj, "<=");
  if (selfWidth <= 0) throw valueError(`invalid width ${widthObj.t === "bool" ? (widthObj.v ? "True" : "False") : String(selfWidth)} (must be > 0)`);
  const maxLinesObj = w.opt("max_lines");
  const maxLines = maxLinesObj.t === "NoneType" ? null : numOf(maxLinesObj, ">");
  const placeholder = w.opt("placeholder");
  if (maxLines !== null) {
    const indent = maxLines > 1 ? w.opt("subsequent_indent") : w.opt("initial_indent");
    if (len(indent) + len(callMethod(placeholder, "lstrip")) > selfWidth) throw valueError("placeholder too large for max width");
  }
  const drop = (): boolean => truthy(w.opt("drop_whitespace"));
  chunks.reverse();
  const c = ctx();
  while (chunks.length > 0) {
    c.tick();
    let curLine: PyObj[] = [];
    let curLen = 0;
    const indent = linesArr().length > 0 ? w.opt("subsequent_indent") : w.opt("initial_indent");
    const width = selfWidth - len(indent);
    if (drop() && isBlank(chunks[chunks.length - 1] as PyObj) && linesArr().length > 0) chunks.pop();
    while (chunks.length > 0) {
      const l = len(chunks[chunks.length - 1] as PyObj);
      if (curLen + l <= width) {
        curLine.push(chunks.pop() as PyObj);
        curLen += l;
      } else break;
    }
    if (chunks.length > 0 && len(chunks[chunks.length - 1] as PyObj) > width) {
      handleLongWord(w, chunks, curLine, curLen, width, hyphens);
      curLen = curLine.reduce((s, x) => s + len(x), 0);
    }
    if (drop() && curLine.length > 0 && isBlank(curLine[curLine.length - 1] as PyObj)) {
      curLen -= len(curLine[curLine.length - 1] as PyObj);
      curLine = curLine.slice(0, -1);
    }
    if (curLine.length === 0) continue;
    const fits = maxLines === null || linesArr().length + 1 < maxLines
      || ((chunks.length === 0 || (drop() && chunks.length === 1 && isBlank(chunks[0] as PyObj))) && curLen <= width);
    if (fits) {
      listAppend(lines, add(indent, joinPieces(pyStr(""), curLine)));
      continue;
    }
    let placed = false;
    while (curLine.length > 0) {
      if (!isBlank(curLine[curLine.length - 1] as PyObj) && curLen + len(placeholder) <= width) {
        curLine.push(placeholder);
        listAppend(lines, add(indent, joinPieces(pyStr(""), curLine)));
        placed = true;
        break;
      }
      curLen -= len(curLine[curLine.length - 1] as PyObj);
      curLine = curLine.slice(0, -1);
    }
    if (!placed) {
      const arr = linesArr();
      if (arr.length > 0) {
        const prevLine = callMethod(arr[arr.length - 1] as PyObj, "rstrip");
        if (len(prevLine) + len(placeholder) <= selfWidth) {
          arr[arr.length - 1] = add(prevLine, placeholder);
          break;
        }
      }
      listAppend(lines, add(indent, callMethod(placeholder, "lstrip")));
    }
    break;
  }
  return lines;
}

const INIT_NAMES = ["self", ...OPTIONS];

function textWrapperClass(layout: Layout): PyClassObj {
  const hyphens = layout.rules.textwrapLongWordHyphens;
  const init = pyDef("__init__", INIT_NAMES, [pyInt(70), pyStr(""), pyStr(""), True, True, False, True, True, True, pyInt(8)], {
    kwonly: ["max_lines", "placeholder"],
    kwDefaults: [None, pyStrFresh(" [...]")],
  });
  const trans = newDict();
  for (const ch of "\t\n\x0b\x0c\r ") dictSet(trans, pyInt(ch.codePointAt(0) as number), pyInt(32));
  const twoSpaces = pyStrFresh("  ");
  let cls: PyClassObj | null = null;
  const wrap = (self: PyObj, text: PyObj): PyListObj => {
    const w = wrapperOf(self, cls as PyClassObj);
    const chunks = splitChunks(w, text, getAttr(self, "unicode_whitespace_trans"));
    if (truthy(w.opt("fix_sentence_endings"))) fixSentenceEndings(chunks, twoSpaces);
    return wrapChunks(w, chunks, hyphens);
  };
  cls = stdlibClass("TextWrapper", "textwrap", [
    ["unicode_whitespace_trans", trans],
    unmodelled("wordsep_re", "re.Pattern"),
    unmodelled("wordsep_simple_re", "re.Pattern"),
    unmodelled("sentence_end_re", "re.Pattern"),
    ...["_munge_whitespace", "_split", "_fix_sentence_endings", "_handle_long_word", "_wrap_chunks", "_split_chunks"].map((m) => refusedMethod("TextWrapper", m)),
    ["__init__", nativeFunction("__init__", (args, kw) => {
      const v = bindDef(init, args, kw);
      const self = v[0] as PyObj;
      [...OPTIONS, "max_lines", "placeholder"].forEach((name, i) => setAttr(self, name, v[i + 1] as PyObj));
      return None;
    })],
    ["wrap", nativeFunction("wrap", (args, kw) => {
      const [self, text] = bindDef(WRAP_METHOD, args, kw) as [PyObj, PyObj];
      return wrap(self, text);
    })],
    ["fill", nativeFunction("fill", (args, kw) => {
      const [self, text] = bindDef(FILL_METHOD, args, kw) as [PyObj, PyObj];
      return callMethod(pyStr("\n"), "join", [wrap(self, text)]);
    })],
  ]);
  // A subclass is made as any class; wrapperOf refuses one that overrides what wrap() runs.
  setClassHooks(cls, {});
  return cls;
}

const WRAP_METHOD = pyDef("wrap", ["self", "text"], []);
const FILL_METHOD = pyDef("fill", ["self", "text"], []);
const WRAP = pyDef("wrap", ["text", "width"], [pyInt(70)], { kwarg: "kwargs" });
const FILL = pyDef("fill", ["text", "width"], [pyInt(70)], { kwarg: "kwargs" });
const SHORTEN = pyDef("shorten", ["text", "width"], [], { kwarg: "kwargs" });
const DEDENT = pyDef("dedent", ["text"], []);
const INDENT = pyDef("indent", ["text", "prefix", "predicate"], [None]);

/** TextWrapper(width=width, **extra, **kwargs) of the module's functions. */
function makeWrapper(cls: PyObj, width: PyObj, extra: [string, PyObj][], kwargs: PyObj): PyObj {
  const values = new Map<string, PyObj>([["width", width], ...extra]);
  const keys = new Map<string, PyStrObj>([...values.keys()].map((k) => [k, pyStr(k) as PyStrObj]));
  if (kwargs.t === "dict") {
    for (const e of kwargs.table.map.values()) {
      const k = strText(e.key as PyStrObj);
      if (values.has(k)) throw typeError(`textwrap.TextWrapper() got multiple values for keyword argument '${k}'`);
      values.set(k, e.value);
      keys.set(k, e.key as PyStrObj);
    }
  }
  const kw: Kwargs = { values, keys };
  return callObject(cls, [], kw);
}

function checkStr(text: PyObj): PyStrObj {
  if (text.t !== "str") throw typeError("expected string or bytes-like object");
  return text;
}

/** The pieces of re.sub(pattern, '', text) for matches at `spans`: the text between them and '' for each. */
function subPieces(text: PyStrObj, spans: readonly [number, number][]): PyObj {
  const substr = slicer(text);
  const pieces: PyObj[] = [];
  let at = 0;
  for (const [a, b] of spans) {
    if (at < a) pieces.push(substr(at, a));
    pieces.push(pyStr(""));
    at = b;
  }
  if (at < text.length) pieces.push(substr(at, text.length));
  return pieces.length === 0 ? pyStr("") : joinPieces(pyStr(""), pieces);
}

/** The code point index of each line's start (after each '\n'), as (?m)^ finds them. */
function lineStarts(cps: readonly string[]): number[] {
  const out = [0];
  cps.forEach((c, i) => {
    if (c === "\n") out.push(i + 1);
  });
  return out;
}

/** dedent(text): blank lines emptied, then the common margin of spaces and tabs taken off each line. */
function dedent(textObj: PyObj): PyObj {
  chargeChars(checkStr(textObj).length * 2);
  const cps0 = [...strText(textObj as PyStrObj)];
  // _whitespace_only_re = '^[ \t]+$' (MULTILINE)
  const blank: [number, number][] = [];
  for (const s of lineStarts(cps0)) {
    let e = s;
    while (cps0[e] === " " || cps0[e] === "\t") e++;
    if (e > s && (e === cps0.length || cps0[e] === "\n")) blank.push([s, e]);
  }
  const text = blank.length === 0 ? textObj : subPieces(textObj as PyStrObj, blank);
  const cps = [...strText(text as PyStrObj)];
  // _leading_whitespace_re = '(^[ \t]*)(?:[^ \t\n])' (MULTILINE): the indent of each line with text.
  let margin: string | null = null;
  for (const s of lineStarts(cps)) {
    let e = s;
    while (cps[e] === " " || cps[e] === "\t") e++;
    if (e >= cps.length || cps[e] === "\n") continue;
    const indent = cps.slice(s, e).join("");
    if (margin === null) margin = indent;
    else if (indent.startsWith(margin)) continue;
    else if (margin.startsWith(indent)) margin = indent;
    else {
      let i = 0;
      while (i < margin.length && i < indent.length && margin[i] === indent[i]) i++;
      margin = margin.slice(0, i);
    }
  }
  if (margin === null || margin === "") return text;
  const cut: [number, number][] = [];
  const m = [...margin];
  for (const s of lineStarts(cps)) if (m.every((c, i) => cps[s + i] === c)) cut.push([s, s + m.length]);
  return subPieces(text as PyStrObj, cut);
}

/** indent(text, prefix, predicate=None): each version's list of pieces, joined. */
function indent(layout: Layout, text: PyObj, prefix: PyObj, predicate: PyObj): PyObj {
  const lines = callMethod(text, "splitlines", [True]);
  const pieces: PyObj[] = [];
  for (const line of listArray(lines as PyListObj)) {
    const wanted = predicate.t === "NoneType" ? !isBlank(line) : truthy(callObject(predicate, [line]));
    if (layout.rules.textwrapIndentSeparateItems) {
      if (wanted) pieces.push(prefix);
      pieces.push(line);
    } else pieces.push(wanted ? add(prefix, line) : line);
  }
  return joinPieces(pyStr(""), pieces);
}

/** The textwrap module's names: TextWrapper made per evaluation, the functions over it. */
export function textwrapModuleAttrs(layout: Layout): { attrs: [string, PyObj][]; perEvaluation: [string, () => PyObj][] } {
  const wrapperCls = (): PyObj => {
    const state = ctx().moduleState;
    const key = "module textwrap.TextWrapper";
    let cls = state.get(key) as PyClassObj | undefined;
    if (cls === undefined) state.set(key, (cls = textWrapperClass(layout)));
    return cls;
  };
  return {
    attrs: [
      ["wrap", nativeFunction("wrap", (args, kw) => {
        const [text, width, kwargs] = bindDef(WRAP, args, kw) as [PyObj, PyObj, PyObj];
        return callMethod(makeWrapper(wrapperCls(), width, [], kwargs), "wrap", [text]);
      })],
      ["fill", nativeFunction("fill", (args, kw) => {
        const [text, width, kwargs] = bindDef(FILL, args, kw) as [PyObj, PyObj, PyObj];
        return callMethod(makeWrapper(wrapperCls(), width, [], kwargs), "fill", [text]);
      })],
      ["shorten", nativeFunction("shorten", (args, kw) => {
        const [text, width, kwargs] = bindDef(SHORTEN, args, kw) as [PyObj, PyObj, PyObj];
        const w = makeWrapper(wrapperCls(), width, [["max_lines", pyInt(1)]], kwargs);
        const collapsed = callMethod(pyStr(" "), "join", [callMethod(callMethod(text, "strip"), "split")]);
        return callMethod(w, "fill", [collapsed]);
      })],
      ["dedent", nativeFunction("dedent", (args, kw) => dedent((bindDef(DEDENT, args, kw) as [PyObj])[0]))],
      ["indent", nativeFunction("indent", (args, kw) => {
        const [text, prefix, predicate] = bindDef(INDENT, args, kw) as [PyObj, PyObj, PyObj];
        return indent(layout, text, prefix, predicate);
      })],
    ],
    perEvaluation: [["TextWrapper", wrapperCls]],
  };
}
