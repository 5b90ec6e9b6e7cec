// Scans a numeric literal exactly like CPython 3.10's tokenizer, including its
// error messages and the cursor position they are reported at.
import { span, type SourceText } from "./sourceText.js";
import { syntaxFailure } from "./syntaxError.js";

const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isXDigit = (c: number): boolean => isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70);

export function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c >= 128;
}

export function isIdentChar(c: number): boolean {
  return isIdentStart(c) || isDigit(c);
}

/** CPython's lookahead(): does the rest spell `test` followed by a non-identifier char? */
function lookahead(src: SourceText, test: string): boolean {
  const start = src.pos;
  for (let i = 0; i < test.length; i++) {
    if (src.nextc() !== test.charCodeAt(i)) {
      src.pos = start;
      return false;
    }
  }
  const c = src.nextc();
  src.pos = start;
  return !isIdentChar(c);
}

/** A literal glued to a keyword (`1if`) is accepted (3.10 only warns); to a name, refused. */
function verifyEnd(src: SourceText, c: number, kind: string): void {
  let ok = false;
  if (c === 97 /* a */) ok = lookahead(src, "nd");
  else if (c === 101 /* e */) ok = lookahead(src, "lse");
  else if (c === 102 /* f */) ok = lookahead(src, "or");
  else if (c === 105 /* i */) {
    const c2 = src.nextc();
    src.backup(c2);
    ok = c2 === 102 /* f */ || c2 === 110 /* n */ || c2 === 115 /* s */;
  } else if (c === 111 /* o */) ok = lookahead(src, "r");
  else if (c === 110 /* n */) ok = lookahead(src, "ot");
  if (!ok && isIdentChar(c)) {
    src.backup(c);
    throw src.errorHere(`invalid ${kind} literal`);
  }
}

function decimalTail(src: SourceText): number {
  for (;;) {
    let c: number;
    do c = src.nextc();
    while (isDigit(c));
    if (c !== 95 /* _ */) return c;
    c = src.nextc();
    if (!isDigit(c)) {
      src.backup(c);
      throw src.errorHere("invalid decimal literal");
    }
  }
}

/** Scans digits of a 0x/0o/0b literal; `valid` says which digits belong. */
function radixDigits(src: SourceText, valid: (c: number) => boolean, kind: string, digitMsg: boolean): void {
  let c = src.nextc();
  do {
    if (c === 95 /* _ */) c = src.nextc();
    if (!valid(c)) {
      if (digitMsg && isDigit(c)) throw src.errorHere(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`);
      src.backup(c);
      throw src.errorHere(`invalid ${kind} literal`);
    }
    do c = src.nextc();
    while (valid(c));
  } while (c === 95 /* _ */);
  if (digitMsg && isDigit(c)) throw src.errorHere(`invalid digit '${String.fromCharCode(c)}' in ${kind} literal`);
  verifyEnd(src, c, kind);
  src.backup(c);
}

/**
 * Called with the first character already consumed (a digit, or '.' followed
 * by a digit when `leadingDot`); leaves the cursor just past the literal.
 */
export function scanNumber(src: SourceText, first: number, tokStart: number, leadingDot: boolean): void {
  let c = first;
  if (!leadingDot && c === 48 /* 0 */) {
    c = src.nextc();
    if (c === 120 /* x */ || c === 88 /* X */) return radixDigits(src, isXDigit, "hexadecimal", false);
    if (c === 111 /* o */ || c === 79 /* O */) return radixDigits(src, (d) => d >= 48 && d <= 55, "octal", true);
    if (c === 98 /* b */ || c === 66 /* B */) return radixDigits(src, (d) => d === 48 || d === 49, "binary", true);
    let nonzero = false;
    for (;;) {
      if (c === 95 /* _ */) {
        c = src.nextc();
        if (!isDigit(c)) {
          src.backup(c);
          throw src.errorHere("invalid decimal literal");
        }
      }
      if (c !== 48 /* 0 */) break;
      c = src.nextc();
    }
    const zerosEnd = src.pos;
    if (isDigit(c)) {
      nonzero = true;
      c = decimalTail(src);
    }
    if (c === 46 /* . */) return fraction(src, src.nextc());
    if (c === 101 /* e */ || c === 69 /* E */) return exponent(src, c);
    if (c === 106 /* j */ || c === 74 /* J */) return imaginary(src);
    if (nonzero) {
      src.backup(c);
      const line = src.lineno;
      throw syntaxFailure(
        "leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
        span(line, src.colOf(tokStart) + 1, line, src.colOf(zerosEnd)),
        "tokenizer",
      );
    }
    verifyEnd(src, c, "decimal");
    src.backup(c);
    return;
  }
  if (leadingDot) return fraction(src, c);
  c = decimalTail(src);
  if (c === 46 /* . */) return fraction(src, src.nextc());
  return afterFraction(src, c);
}

function fraction(src: SourceText, first: number): void {
  let c = first;
  if (isDigit(c)) c = decimalTail(src);
  afterFraction(src, c);
}

function afterFraction(src: SourceText, c: number): void {
  if (c === 101 /* e */ || c === 69 /* E */) return exponent(src, c);
  if (c === 106 /* j */ || c === 74 /* J */) return imaginary(src);
  verifyEnd(src, c, "decimal");
  src.backup(c);
}

function exponent(src: SourceText, e: number): void {
  let c = src.nextc();
  if (c === 43 /* + */ || c === 45 /* - */) {
    c = src.nextc();
    if (!isDigit(c)) {
      src.backup(c);
      throw src.errorHere("invalid decimal literal");
    }
  } else if (!isDigit(c)) {
    // `1else`: the 'e' starts the next token, not an exponent
    src.backup(c);
    verifyEnd(src, e, "decimal");
    src.backup(e);
    return;
  }
  c = decimalTail(src);
  if (c === 106 /* j */ || c === 74 /* J */) return imaginary(src);
  verifyEnd(src, c, "decimal");
  src.backup(c);
}

function imaginary(src: SourceText): void {
  const c = src.nextc();
  verifyEnd(src, c, "imaginary");
  src.backup(c);
}
