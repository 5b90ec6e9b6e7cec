// json.loads as Modules/_json.c's scanner builds its objects, sized as it goes
// instead of built: the container being filled is one frame of counts, closed
// by the closed forms of growth.ts, and every object made is added to the
// Tally (which applies the caches and the key memo). The bytes are UTF-8; only
// an error's position needs code points, and loadJson.ts computes it then.
import { appendedListSize, strKeyDictSize } from "./growth.js";
import { LoadFailure } from "./loadFailure.js";
import { INT_MAX_STR_DIGITS, intParseLimitMessage } from "../layouts/intDigitLimit.js";
import type { ByteSource } from "./byteSource.js";
import { keySegment, type Constant, type Tally } from "./tally.js";

/**
 * Documents nested deeper than this are refused below the version's jsonRecursionDepth: between the two,
 * whether json.load raises RecursionError depends on how deep in Python calls the caller is (3.8-3.11).
 */
export const MAX_JSON_DEPTH = 900;


const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** A container being filled: a list's items or a dict's distinct keys so far. */
interface Frame {
  readonly dict: boolean;
  /** Its JSON path (for --top), and for a dict the path of the value after its last key. */
  readonly path: string;
  valuePath: string;
  count: number;
  /** A dict's key texts, to see a repeated key (which replaces a value: refused, see below). */
  readonly keys: Set<string> | null;
}

const isDigit = (b: number): boolean => b >= 0x30 && b <= 0x39;
const isHex = (b: number): boolean => (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66);
const hexVal = (b: number): number => (b <= 0x39 ? b - 0x30 : (b | 0x20) - 0x57);

/** A str as the scanner reads it: code points, the largest, the first, and the text when asked for. */
interface StrScan {
  length: number;
  maxChar: number;
  first: number;
  text: string;
}

export class JsonScanner {
  /** getsizeof and type of the document's value, once scanned. */
  rootSize = 0;
  rootType = "";
  private readonly stack: Frame[] = [];
  /** Whether the scan went deeper than MAX_JSON_DEPTH (without reaching the version's RecursionError depth). */
  private tooDeep = false;
  private readonly str: StrScan = { length: 0, maxChar: 0, first: 0, text: "" };

  constructor(
    private readonly src: ByteSource,
    private readonly t: Tally,
    /** Where the document ends: the end of the input, or for a line of NDJSON, its line end. */
    private readonly trailingCommaError: boolean,
    /** The document's own path: "$", or for a line of NDJSON "$[*]". */
    private readonly rootPath = "$",
  ) {}

  private deepRefusal(offset: number): LoadFailure {
    return new LoadFailure("UNSUPPORTED", `a JSON document nested more than ${MAX_JSON_DEPTH} levels deep but less than ${this.t.layout.rules.jsonRecursionDepth} (whether json.load raises RecursionError there depends on how deep in Python calls it is called)`, offset);
  }

  private fail(reason: string, offset: number = this.src.offset()): LoadFailure {
    return new LoadFailure("JSONDecodeError", reason, offset);
  }

  /** Whitespace: ' ', '\t', '\n', '\r'. */
  ws(): number {
    const s = this.src;
    for (;;) {
      if (s.pos >= s.end && !s.more()) return -1;
      const b = s.buf[s.pos] as number;
      if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) return b;
      s.pos++;
    }
  }

  /** json.loads's decode: one value, then only whitespace to the end. */
  document(): void {
    const s = this.src;
    if (s.peek() === 0xef && s.peekAt(1) === 0xbb && s.peekAt(2) === 0xbf) throw this.fail("Unexpected UTF-8 BOM (decode using utf-8-sig)");
    this.ws();
    try {
      this.value();
    } catch (e) {
      // Any other end of a scan that went past MAX_JSON_DEPTH might have been a RecursionError first.
      if (this.tooDeep && e instanceof LoadFailure && e.kind !== "RecursionError") throw this.deepRefusal(e.byteOffset);
      throw e;
    }
    if (this.tooDeep) throw this.deepRefusal(s.offset());
    if (this.ws() !== -1) throw this.fail("Extra data");
  }

  /** A value made at the top, or added to the frame on top: a scalar's size and type. */
  private made(type: string, size: number): void {
    if (this.stack.length === 0) {
      this.rootSize = size;
      this.rootType = type;
    }
  }

  /** scan_once from pos, iteratively: values, and the containers they fill. */
  private value(): void {
    const s = this.src;
    const stack = this.stack;
    for (;;) {
      // A value starts here (whitespace skipped).
      const c = s.pos < s.end ? (s.buf[s.pos] as number) : s.peek();
      const parent = stack[stack.length - 1];
      if (this.t.paths !== null) this.t.path = parent === undefined ? this.rootPath : parent.dict ? parent.valuePath : `${parent.path}[*]`;
      let opened = false;
      if (c === QUOTE) {
        s.pos++;
        this.string(false);
        const st = this.str;
        this.t.str(st.length, st.maxChar, st.first);
        if (stack.length === 0) this.made("str", this.t.strSize(st.length, st.maxChar));
      } else if (c === 0x7b || c === 0x5b) {
        s.pos++;
        const dict = c === 0x7b;
        if (stack.length + 1 >= this.t.layout.rules.jsonRecursionDepth) throw new LoadFailure("RecursionError", `maximum recursion depth exceeded while decoding a JSON ${dict ? "object" : "array"} from a unicode string`, s.offset());
        if (stack.length >= MAX_JSON_DEPTH) this.tooDeep = true;
        stack.push({ dict, count: 0, keys: dict ? new Set() : null, path: this.t.path, valuePath: "" });
        opened = true;
      } else this.scalar(c);
      // After a value (or an opening bracket): close what ends here, find where the next value starts.
      let top = stack[stack.length - 1];
      if (top === undefined) return;
      if (!opened) top.count++;
      for (;;) {
        let b = this.ws();
        const close = top.dict ? 0x7d : 0x5d;
        if (opened && b === close) {
          s.pos++;
          this.close();
        } else if (opened) {
          if (top.dict) this.key(top);
          break;
        } else if (b === close) {
          s.pos++;
          this.close();
        } else if (b === 0x2c) {
          const comma = s.offset();
          s.pos++;
          b = this.ws();
          if (b === close && this.trailingCommaError) throw this.fail(`Illegal trailing comma before end of ${top.dict ? "object" : "array"}`, comma);
          if (top.dict) this.key(top);
          break;
        } else throw this.fail("Expecting ',' delimiter");
        // A container closed: it is a value of the one below.
        opened = false;
        top = stack[stack.length - 1];
        if (top === undefined) return;
        top.count++;
      }
    }
  }

  /** A dict's key, its ':' and the whitespace before its value. */
  private key(top: Frame): void {
    const s = this.src;
    if (s.peek() !== QUOTE) throw this.fail("Expecting property name enclosed in double quotes");
    s.pos++;
    this.string(true);
    const st = this.str;
    const keys = top.keys as Set<string>;
    // A repeated key keeps its first key object and drops the earlier value: what that value
    // alone held would have to leave the figures, so such a document is sized by evaluation instead.
    if (keys.has(st.text)) throw new LoadFailure("UNSUPPORTED", "a JSON object with a repeated key", s.offset());
    keys.add(st.text);
    if (this.t.paths !== null) {
      this.t.path = top.path;
      top.valuePath = top.path + keySegment(st.text);
    }
    this.t.key(st.text, st.length, st.maxChar);
    if (this.ws() !== 0x3a) throw this.fail("Expecting ':' delimiter");
    s.pos++;
    this.ws();
  }

  /** The container on top is complete: its own size, now that its count is known. */
  private close(): void {
    const f = this.stack.pop() as Frame;
    const l = this.t.layout;
    const type = f.dict ? "dict" : "list";
    const size = f.dict ? strKeyDictSize(l, f.count) : appendedListSize(l, f.count);
    this.t.path = f.path;
    this.t.add(type, size);
    this.made(type, size);
  }

  /** A number or a named constant at pos, or "Expecting value". */
  private scalar(c: number): void {
    const l = this.t.layout;
    if (c === 0x6e && this.word("null")) return this.constant("None", "NoneType", l.leaves["NoneType"] ?? 0);
    if (c === 0x74 && this.word("true")) return this.constant("True", "bool", l.long.sizeofBool(true));
    if (c === 0x66 && this.word("false")) return this.constant("False", "bool", l.long.sizeofBool(false));
    if (c === 0x4e && this.word("NaN")) return this.constant("NaN", "float", l.float.size);
    if (c === 0x49 && this.word("Infinity")) return this.constant("Infinity", "float", l.float.size);
    if (c === 0x2d && this.src.peekAt(1) === 0x49 && this.word("-Infinity")) return this.constant("-Infinity", "float", l.float.size);
    this.number();
  }

  /** Whether `w` is at pos (then consumed). */
  private word(w: string): boolean {
    const s = this.src;
    for (let i = 0; i < w.length; i++) if (s.peekAt(i) !== w.charCodeAt(i)) return false;
    s.pos += w.length;
    return true;
  }

  private constant(name: Constant, type: string, size: number): void {
    this.t.constant(name);
    this.made(type, size);
  }

  /** _match_number_unicode: -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?, a float with a fraction or exponent; consumed as read (a number may be longer than a chunk). */
  private number(): void {
    const s = this.src;
    const start = s.offset();
    // The int's own characters (sign and digits), consumed as read.
    let text = "";
    if (s.peek() === 0x2d) {
      if (!isDigit(s.peekAt(1))) throw this.fail("Expecting value", start);
      text = "-";
      s.pos++;
    }
    const lead = s.peek();
    if (!isDigit(lead)) throw this.fail("Expecting value", start);
    do {
      text += String.fromCharCode(s.peek());
      s.pos++;
    } while (lead !== 0x30 && isDigit(s.peek()));
    let isFloat = false;
    if (s.peek() === 0x2e && isDigit(s.peekAt(1))) {
      isFloat = true;
      s.pos++;
      while (isDigit(s.peek())) s.pos++;
    }
    const e = s.peek();
    if (e === 0x65 || e === 0x45) {
      const sign = s.peekAt(1) === 0x2d || s.peekAt(1) === 0x2b ? 1 : 0;
      if (isDigit(s.peekAt(1 + sign))) {
        s.pos += 1 + sign;
        while (isDigit(s.peek())) s.pos++;
        isFloat = true;
      }
    }
    const l = this.t.layout;
    if (isFloat) {
      this.t.add("float", l.float.size);
      return this.made("float", l.float.size);
    }
    const digits = text.length - (text.startsWith("-") ? 1 : 0);
    if (digits > INT_MAX_STR_DIGITS) throw new LoadFailure("ValueError", intParseLimitMessage(this.t.layout.rules.intLimitSaysDigits, digits), start);
    const v = digits <= 15 ? Number(text) : BigInt(text);
    const size = l.long.sizeof(v === 0 ? 0 : v);
    this.t.int(v, size);
    this.made("int", size);
  }

  /** scanstring_unicode from after the opening quote to after the closing one, into this.str (its text only when `wantText`). */
  private string(wantText: boolean): void {
    const s = this.src;
    const begin = s.offset() - 1;
    const st = this.str;
    st.length = 0;
    st.maxChar = 0;
    st.first = 0;
    st.text = "";
    for (;;) {
      if (s.pos >= s.end && !s.more()) throw this.fail("Unterminated string starting at", begin);
      const b = s.buf[s.pos] as number;
      if (b === QUOTE) {
        s.pos++;
        return;
      }
      if (b === BACKSLASH) this.put(this.escape(begin), wantText);
      else if (b < 0x80) {
        if (b < 0x20) throw this.fail("Invalid control character at");
        s.pos++;
        this.put(b, wantText);
      } else this.put(this.utf8(), wantText);
    }
  }

  /** One code point of the str being scanned. */
  private put(cp: number, wantText: boolean): void {
    const st = this.str;
    if (st.length === 0) st.first = cp;
    if (cp > st.maxChar) st.maxChar = cp;
    st.length++;
    if (wantText) st.text += String.fromCodePoint(cp);
  }

  /** One multi-byte UTF-8 character at pos (validated: a bad one is the file's UnicodeDecodeError). */
  private utf8(): number {
    const s = this.src;
    s.more(4);
    const b0 = s.buf[s.pos] as number;
    const n = b0 >= 0xc2 && b0 <= 0xdf ? 2 : b0 >= 0xe0 && b0 <= 0xef ? 3 : b0 >= 0xf0 && b0 <= 0xf4 ? 4 : 0;
    let cp = n === 2 ? b0 & 0x1f : n === 3 ? b0 & 0x0f : b0 & 0x07;
    let ok = n > 0 && s.end - s.pos >= n;
    for (let i = 1; ok && i < n; i++) {
      const b = s.buf[s.pos + i] as number;
      if ((b & 0xc0) !== 0x80) ok = false;
      cp = (cp << 6) | (b & 0x3f);
    }
    // Overlong three/four-byte forms, surrogates, past U+10FFFF.
    if (!ok || (n === 3 && (cp < 0x800 || (cp >= 0xd800 && cp <= 0xdfff))) || (n === 4 && (cp < 0x10000 || cp > 0x10ffff))) throw new LoadFailure("UnicodeDecodeError", "", s.offset());
    s.pos += n;
    return cp;
  }

  /** A backslash escape at pos: the simple ones, and \uXXXX with surrogate pairs joined. */
  private escape(begin: number): number {
    const s = this.src;
    const e = s.peekAt(1);
    if (e === -1) throw this.fail("Unterminated string starting at", begin);
    if (e !== 0x75) {
      const simple = e === QUOTE ? 0x22 : e === BACKSLASH ? 0x5c : e === 0x2f ? 0x2f : e === 0x62 ? 8 : e === 0x66 ? 12 : e === 0x6e ? 10 : e === 0x72 ? 13 : e === 0x74 ? 9 : -1;
      if (simple < 0) throw this.fail("Invalid \\escape");
      s.pos += 2;
      return simple;
    }
    // \u and four hex digits, which must leave a character after them (else an error at the 'u').
    if (s.peekAt(6) === -1) throw this.fail("Invalid \\uXXXX escape", s.offset() + 1);
    let cp = this.hex4();
    s.pos += 6;
    // A high surrogate joins a following \uXXXX low one, when a character follows that too.
    if (cp >= 0xd800 && cp <= 0xdbff && s.peekAt(6) !== -1 && s.peekAt(0) === BACKSLASH && s.peekAt(1) === 0x75) {
      const lo = this.hex4();
      if (lo >= 0xdc00 && lo <= 0xdfff) {
        cp = 0x10000 + ((cp - 0xd800) << 10) + (lo - 0xdc00);
        s.pos += 6;
      }
    }
    return cp;
  }

  /** The four hex digits of the \u escape at pos (an error at its 'u' otherwise). */
  private hex4(): number {
    const s = this.src;
    let v = 0;
    for (let i = 2; i < 6; i++) {
      const h = s.peekAt(i);
      if (!isHex(h)) throw this.fail("Invalid \\uXXXX escape", s.offset() + 1);
      v = (v << 4) | hexVal(h);
    }
    return v;
  }
}
