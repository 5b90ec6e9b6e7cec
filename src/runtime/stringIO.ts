// io.StringIO (Modules/_io/stringio.c): a text buffer of code points with a
// position. getsizeof is the struct alone (no __sizeof__ of its own), so what
// matters for sizes is identity: through 3.11 a StringIO that starts empty
// accumulates the very str objects written (a _PyAccu) until something reads,
// and getvalue() joins them — one piece is returned itself — and keeps the
// join; from 3.12 a _PyUnicodeWriter copies every write. Everything read is a
// fresh str (the empty and one-latin-1-character ones cached).
import { ctx } from "./ctx.js";
import { PyException, PymemError, typeError, valueError } from "./errors.js";
import { toIndex } from "./numbers.js";
import { nativeObject } from "./nativeObjects.js";
import { builtinFunction as fn, None, pyInt, pyStr, pyStrCheckedPairs, True, False, typeName, type Kwargs, type PyObj, type PyStrObj } from "./objects.js";
import { strText } from "./text.js";
import { joinsSurrogates } from "../python/literals.js";
import { bindArgs } from "./itertoolsArgs.js";
import { forEach } from "./iteration.js";
import { newEmptyList, listExtend } from "./lists.js";

interface StringIOState {
  chars: string[];
  pos: number;
  closed: boolean;
  /** The written strs while accumulating (3.8-3.11), or null once realized. */
  accu: PyStrObj[] | null;
  readonly readnl: string | null;
  readonly universal: boolean;
  readonly translate: boolean;
  readonly writenl: string | null;
}

/** Whether this version's stringio keeps a _PyAccu of written strs (its struct has one). */
function accumulates(): boolean {
  return ctx().layout.leafTypes["StringIO"]?.struct.fields.some((f) => f.name === "accu.small") === true;
}

function checkOpen(s: StringIOState): void {
  if (s.closed) throw valueError("I/O operation on closed file");
}

function writeStr(s: StringIOState, o: PyStrObj): number {
  let text = strText(o);
  const size = [...text].length;
  if (size === 0) return 0;
  if (s.translate) text = text.replace(/\r\n?/g, "\n");
  if (s.writenl !== null) text = text.replace(/\n/g, s.writenl);
  const chars = [...text];
  // The translated text is a new str; an untranslated one is the object written.
  if (s.accu !== null && s.pos === s.chars.length) s.accu.push(text === strText(o) ? o : (pyStr(text) as PyStrObj));
  else s.accu = null;
  if (s.pos > s.chars.length) s.chars.push(...new Array<string>(s.pos - s.chars.length).fill("\0"));
  s.chars.splice(s.pos, chars.length, ...chars);
  s.pos += chars.length;
  return size;
}

/** _PyIO_find_line_ending over the code points from `start`: the index after the line's end, or -1. */
function lineEnd(s: StringIOState, start: number, limit: number): number {
  const stop = limit < 0 ? s.chars.length : Math.min(s.chars.length, start + limit);
  for (let i = start; i < stop; i++) {
    const c = s.chars[i];
    if (s.universal) {
      if (c === "\n") return i + 1;
      if (c === "\r") return i + 1 < s.chars.length && s.chars[i + 1] === "\n" && i + 2 <= stop ? i + 2 : i + 1;
    } else {
      const nl = s.readnl ?? "\n";
      if (s.chars.slice(i, i + nl.length).join("") === nl) return Math.min(i + nl.length, stop);
    }
  }
  return stop;
}

/**
 * A str of the buffer's code points `start` to `end`. Each element is one code point, an astral
 * character's pair included; a lone high surrogate next to a lone low one (written apart) would read
 * as one character once joined, so that text is refused.
 */
function bufferStr(s: StringIOState, start = 0, end = s.chars.length): PyStrObj {
  for (let i = start; i + 1 < end; i++) {
    const a = s.chars[i] as string;
    const b = s.chars[i + 1] as string;
    if (a.length === 1 && b.length === 1 && joinsSurrogates(a, b)) {
      throw new PymemError("UNSUPPORTED", "a StringIO holding a lone high surrogate written before a lone low one (CPython keeps two code points; a JS string reads one astral character)");
    }
  }
  return pyStrCheckedPairs(s.chars.slice(start, end).join(""));
}

function readline(s: StringIOState, limit: number): PyObj {
  checkOpen(s);
  s.accu = null;
  if (s.pos >= s.chars.length) return pyStr("");
  const end = lineEnd(s, s.pos, limit);
  const line = bufferStr(s, s.pos, end);
  s.pos = end;
  return line;
}

function sizeArg(o: PyObj | undefined): number {
  if (o === undefined || o.t === "NoneType") return -1;
  if (o.t !== "int" && o.t !== "bool") throw typeError(`argument should be integer or None, not '${typeName(o)}'`);
  return toIndex(o);
}

function getvalue(s: StringIOState): PyObj {
  checkOpen(s);
  if (s.accu !== null) {
    if (s.accu.length === 0) return pyStr("");
    if (s.accu.length > 1) s.accu = [bufferStr(s)];
    return s.accu[0] as PyStrObj;
  }
  return bufferStr(s);
}

function methods(s: StringIOState, self: () => PyObj): (name: string) => PyObj | undefined {
  const table: Record<string, (args: readonly PyObj[], kw: Kwargs) => PyObj> = {
    write: ([x]) => {
      checkOpen(s);
      if (x === undefined || x.t !== "str") throw typeError(`string argument expected, got '${x === undefined ? "NoneType" : typeName(x)}'`);
      return pyInt(writeStr(s, x));
    },
    writelines: ([lines]) => {
      forEach(lines as PyObj, (x) => {
        checkOpen(s);
        if (x.t !== "str") throw typeError(`string argument expected, got '${typeName(x)}'`);
        writeStr(s, x);
      });
      return None;
    },
    getvalue: () => getvalue(s),
    read: ([n]) => {
      checkOpen(s);
      const size = sizeArg(n);
      // seek(0); read(): while accumulating, the whole text is getvalue()'s.
      if (s.accu !== null && s.pos === 0 && (size < 0 || size >= s.chars.length)) {
        s.pos = s.chars.length;
        return getvalue(s);
      }
      s.accu = null;
      const start = Math.min(s.pos, s.chars.length);
      const end = size < 0 ? s.chars.length : Math.min(s.chars.length, start + size);
      s.pos = Math.max(s.pos, end);
      return bufferStr(s, start, end);
    },
    readline: ([n]) => readline(s, sizeArg(n)),
    // IOBase.readlines: list.extend over the stream itself.
    readlines: () => {
      const out = newEmptyList();
      listExtend(out, self());
      return out;
    },
    tell: () => {
      checkOpen(s);
      return pyInt(s.pos);
    },
    seek: (args, kw) => {
      checkOpen(s);
      const [p, w] = bindArgs("seek", [{ name: "pos", kind: "P", required: true }, { name: "whence", kind: "P" }], args, kw);
      const pos = toIndex(p as PyObj);
      const whence = w === undefined ? 0 : toIndex(w);
      if (whence !== 0 && whence !== 1 && whence !== 2) throw valueError(`Invalid whence (${whence}, should be 0, 1 or 2)`);
      if (pos < 0 && whence === 0) throw valueError(`Negative seek position ${pos}`);
      if (whence !== 0 && pos !== 0) throw new PyException("OSError", `Can't do nonzero ${whence === 1 ? "cur" : "end"}-relative seeks`);
      if (whence === 2) s.pos = s.chars.length;
      else if (whence === 0) s.pos = pos;
      return pyInt(s.pos);
    },
    truncate: ([n]) => {
      checkOpen(s);
      const size = n === undefined || n.t === "NoneType" ? s.pos : toIndex(n);
      if (size < 0) throw valueError(`Negative size value ${size}`);
      if (size < s.chars.length) {
        s.accu = null;
        s.chars.length = size;
      }
      return pyInt(size);
    },
    close: () => {
      s.closed = true;
      return None;
    },
    readable: () => (checkOpen(s), True),
    writable: () => (checkOpen(s), True),
    seekable: () => (checkOpen(s), True),
    isatty: () => (checkOpen(s), False),
    __enter__: () => (checkOpen(s), self()),
    __exit__: () => {
      s.closed = true;
      return None;
    },
  };
  return (name) => {
    if (name === "closed") return s.closed ? True : False;
    const m = table[name];
    return m === undefined ? undefined : fn(name, m);
  };
}

/** io.StringIO(initial_value='', newline='\n'). */
export function stringIOCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  const [init, nl] = bindArgs("StringIO", [{ name: "initial_value", kind: "A" }, { name: "newline", kind: "A" }], args, kw);
  if (nl !== undefined && nl.t !== "NoneType" && nl.t !== "str") throw typeError(`newline must be str or None, not ${typeName(nl)}`);
  const newline = nl === undefined ? "\n" : nl.t === "str" ? strText(nl) : null;
  if (newline !== null && !["", "\n", "\r", "\r\n"].includes(newline)) throw valueError(`illegal newline value: ${newline}`);
  if (init !== undefined && init.t !== "NoneType" && init.t !== "str") throw typeError(`initial_value must be str or None, not ${typeName(init)}`);
  const s: StringIOState = {
    chars: [], pos: 0, closed: false, accu: null,
    readnl: newline, universal: newline === null || newline === "", translate: newline === null,
    writenl: newline !== null && newline.startsWith("\r") ? newline : null,
  };
  if (init !== undefined && init.t === "str" && init.length > 0) {
    writeStr(s, init);
    s.pos = 0;
  } else if (accumulates()) s.accu = [];
  const obj = nativeObject("StringIO", {
    attr: methods(s, () => obj),
    next: () => {
      const line = readline(s, -1);
      return line.t === "str" && line.length === 0 ? undefined : line;
    },
    hasDict: true,
  });
  return obj;
}
