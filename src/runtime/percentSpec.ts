/**
 * One printf-style conversion of str % args, parsed as CPython's
 * unicode_format_arg_parse (Objects/unicodeobject.c) reads it: an optional
 * (key) with balanced parentheses, flags, a width and a precision (digits or
 * '*', a '*' taking the next argument), the ignored h/l/L length modifier, then
 * the conversion character, whatever it is: an unknown one is reported by the
 * formatter only after it has taken its argument (unicode_format_arg_format).
 */
import { valueError } from "./errors.js";

export interface PercentArg {
  readonly flags: string;
  /** The width as written (digits), "*" for an argument's, undefined when absent. */
  readonly width: string | undefined;
  readonly prec: string | undefined;
  /** The conversion character (a whole code point). */
  readonly conv: string;
  /** The index just past the conversion. */
  readonly end: number;
}

export interface PercentHooks {
  /** A "(key)": the mapping's item becomes the only argument left (ctx->args, arglen -1). */
  readonly key: (key: string) => void;
  /** A '*' width or precision: takes the next argument now, in parse order. */
  readonly star: (which: "width" | "prec") => void;
}

const FLAGS = "-+ #0";
const PY_SSIZE_T_MAX = 2n ** 63n - 1n;
const INT_MAX = 2n ** 31n - 1n;
const isDigit = (c: string): boolean => c >= "0" && c <= "9";

/** Parses the conversion whose '%' sits just before `start` (the caller has handled "%%"). */
export function parsePercentArg(text: string, start: number, hooks: PercentHooks, precTooBig = "precision too big"): PercentArg {
  let pos = start;
  // fmtcnt: the characters left from pos on; `--cnt >= 0` reads one more.
  let cnt = text.length - pos;
  let ch = text[pos] ?? "\0";
  const read = (): string => {
    const cp = text.codePointAt(pos) ?? 0;
    const c = String.fromCodePoint(cp);
    pos += c.length;
    return c;
  };
  if (ch === "(") {
    ++pos;
    --cnt;
    const keyStart = pos;
    let pcount = 1;
    while (pcount > 0 && --cnt >= 0) {
      ch = read();
      if (ch === ")") --pcount;
      else if (ch === "(") ++pcount;
    }
    if (cnt < 0 || pcount > 0) throw valueError("incomplete format key");
    hooks.key(text.slice(keyStart, pos - 1));
  }
  let flags = "";
  while (--cnt >= 0) {
    ch = read();
    if (!FLAGS.includes(ch)) break;
    flags += ch;
  }
  let width: string | undefined;
  if (ch === "*") {
    hooks.star("width");
    width = "*";
    if (--cnt >= 0) ch = read();
  } else if (isDigit(ch)) {
    width = ch;
    while (--cnt >= 0) {
      ch = read();
      if (!isDigit(ch)) break;
      width += ch;
    }
    // The width is a Py_ssize_t, the precision a C int: digits past them fail as they are read.
    if (BigInt(width) > PY_SSIZE_T_MAX) throw valueError("width too big");
  }
  let prec: string | undefined;
  if (ch === ".") {
    prec = "0";
    if (--cnt >= 0) ch = read();
    if (ch === "*") {
      hooks.star("prec");
      prec = "*";
      if (--cnt >= 0) ch = read();
    } else if (isDigit(ch)) {
      prec = ch;
      while (--cnt >= 0) {
        ch = read();
        if (!isDigit(ch)) break;
        prec += ch;
      }
      if (BigInt(prec) > INT_MAX) throw valueError(precTooBig);
    }
  }
  if (cnt >= 0 && (ch === "h" || ch === "l" || ch === "L")) {
    if (--cnt >= 0) ch = read();
  }
  if (cnt < 0) throw valueError("incomplete format");
  return { flags, width, prec, conv: ch, end: pos };
}

/** unicode_format_arg_format's default case: the character (or '?' outside printable ASCII), its code and index. */
export function unsupportedConversion(text: string, arg: PercentArg): never {
  const cp = arg.conv.codePointAt(0) ?? 0;
  const shown = cp >= 31 && cp <= 126 ? arg.conv : "?";
  const index = Array.from(text.slice(0, arg.end - arg.conv.length)).length;
  throw valueError(`unsupported format character '${shown}' (0x${cp.toString(16)}) at index ${index}`);
}
