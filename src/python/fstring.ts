// f-string bodies as CPython 3.10 parses them (string_parser.c): literal
// chunks, replacement fields with conversions and nested format specs. Each
// field's expression is compiled separately from the text "(expr)".
import type { Expr, FStringConversion, Span } from "./ast.js";
import { decodeUnicodeEscapes, type StringParts } from "./literals.js";
import { JoinedStrBuilder, guard, tokenSpan } from "./joinedStr.js";
import { nestedFStringsAllowed, type Token } from "./tokenizer.js";

/** Where the inner "(expr)" source sits in the file, as CPython 3.10 computes it. */
export interface InnerLocation {
  /** Line number that precedes the inner source's first line. */
  readonly lineBase: number;
  /** Added to columns on the inner source's first line. */
  readonly colShift: number;
}

export interface FStringHost {
  /** Raises a SyntaxError at the token following the string group. */
  fail(message: string): never;
  compileFStringExpr(source: string, where: InnerLocation): Expr;
}

const MAXLEVEL = 200;
const isSpace = (c: string | undefined): boolean => c !== undefined && " \t\n\r\f\v".includes(c);

interface Scan {
  readonly body: string;
  readonly end: number;
  readonly raw: boolean;
  readonly tok: Token;
  readonly bodyOffset: number;
  readonly host: FStringHost;
  readonly partSpan: Span;
}

export function parseFStringBody(parts: StringParts, tok: Token, builder: JoinedStrBuilder, host: FStringHost, span: Span): void {
  const scan: Scan = { body: parts.body, end: parts.body.length, raw: parts.raw, tok, bodyOffset: parts.bodyOffset, host, partSpan: span };
  concatFString(scan, 0, 0, builder);
}

/** Returns the position where parsing stopped (end of body, or a '}' in a format spec). */
function concatFString(s: Scan, start: number, level: number, builder: JoinedStrBuilder): number {
  builder.fmode = true;
  let pos = start;
  for (;;) {
    const lit = findLiteral(s, pos, level, builder.joined);
    pos = lit.pos;
    if (lit.text !== null) builder.concat(lit.text);
    if (lit.doubled) continue;
    if (pos >= s.end || s.body[pos] === "}") break;
    const field = findExpr(s, pos, level);
    pos = field.pos;
    if (field.exprText !== null) builder.concat(field.exprText);
    builder.flush();
    builder.values.push(field.expr);
  }
  if (level === 0 && pos < s.end - 1) s.host.fail("f-string: unexpected end of string");
  if (level !== 0 && s.body[pos] !== "}") s.host.fail("f-string: expecting '}'");
  return pos;
}

function findLiteral(s: Scan, start: number, level: number, joined: { surrogates: boolean }): { text: string | null; pos: number; doubled: boolean } {
  const { body, end } = s;
  let p = start;
  let doubled = false;
  let stop = -1;
  while (p < end) {
    let ch = body[p++];
    if (!s.raw && ch === "\\" && p < end) {
      ch = body[p++];
      if (ch === "N") {
        // skip "\N{...}" so its braces are not taken for a replacement field
        if (p < end && body[p++] === "{") while (p < end && body[p++] !== "}");
        continue;
      }
    }
    if (ch === "{" || ch === "}") {
      if (level === 0) {
        if (p < end && body[p] === ch) {
          stop = p;
          p += 1;
          doubled = true;
          break;
        }
        if (ch === "}") s.host.fail("f-string: single '}' is not allowed");
      }
      p--;
      break;
    }
  }
  const litEnd = doubled ? stop : p;
  const chunk = body.slice(start, litEnd);
  const text = chunk.length === 0 ? null : s.raw ? chunk : guard(s.host, () => decodeUnicodeEscapes(chunk, joined));
  return { text, pos: p, doubled };
}

function findExpr(s: Scan, brace: number, level: number): { exprText: string | null; expr: Expr; pos: number } {
  const { body, end, host } = s;
  const pep701 = nestedFStringsAllowed();
  if (level >= (pep701 ? MAXLEVEL : 2)) host.fail("f-string: expressions nested too deeply");
  const exprStart = brace + 1;
  let p = exprStart;
  let quote = "";
  let tripleQuoted = false;
  const parens: string[] = [];
  for (; p < end; p++) {
    const ch = body[p] ?? "";
    if (ch === "\\" && !pep701) host.fail("f-string expression part cannot include a backslash");
    if (quote) {
      if (ch === quote) {
        if (!tripleQuoted) quote = "";
        else if (p + 2 < end && body[p + 1] === ch && body[p + 2] === ch) {
          p += 2;
          quote = "";
        }
      }
      continue;
    }
    if (ch === "'" || ch === '"') {
      tripleQuoted = p + 2 < end && body[p + 1] === ch && body[p + 2] === ch;
      if (tripleQuoted) p += 2;
      quote = ch;
    } else if (ch === "[" || ch === "{" || ch === "(") {
      if (parens.length >= MAXLEVEL) host.fail("f-string: too many nested parenthesis");
      parens.push(ch);
    } else if (ch === "#") {
      host.fail("f-string expression part cannot include '#'");
    } else if (parens.length === 0 && "!:}=<>".includes(ch)) {
      if (p + 1 < end) {
        const next = body[p + 1];
        if (next === "=" && ch !== ":" && ch !== "}") {
          p++; // "!=", "==", "<=", ">=" are operators, not delimiters
          continue;
        }
        if (ch === "<" || ch === ">") continue;
      }
      break;
    } else if (ch === "]" || ch === "}" || ch === ")") {
      const open = parens.pop();
      if (open === undefined) host.fail(`f-string: unmatched '${ch}'`);
      if ((open === "(" && ch !== ")") || (open === "[" && ch !== "]") || (open === "{" && ch !== "}")) {
        host.fail(`f-string: closing parenthesis '${ch}' does not match opening parenthesis '${open ?? ""}'`);
      }
    }
  }
  if (quote) host.fail("f-string: unterminated string");
  if (parens.length > 0) host.fail(`f-string: unmatched '${parens[parens.length - 1] ?? ""}'`);
  if (p >= end) host.fail("f-string: expecting '}'");
  const source = body.slice(exprStart, p);
  if (/^[ \t\n\f]*$/.test(source)) host.fail("f-string: empty expression not allowed");
  const value = host.compileFStringExpr(`(${source})`, innerLocation(s, brace));

  let exprText: string | null = null;
  if (body[p] === "=") {
    p++;
    while (isSpace(body[p])) p++;
    if (p >= end) host.fail("f-string: expecting '}'");
    exprText = body.slice(exprStart, p);
  }
  let conversion: FStringConversion = -1;
  if (body[p] === "!") {
    p++;
    if (p >= end) host.fail("f-string: expecting '}'");
    const c = body[p++];
    if (c !== "s" && c !== "r" && c !== "a") host.fail("f-string: invalid conversion character: expected 's', 'r', or 'a'");
    conversion = c === "s" || c === "r" || c === "a" ? c : -1;
  }
  let formatSpec: Expr | null = null;
  if (body[p] === ":") {
    p++;
    if (p >= end) host.fail("f-string: expecting '}'");
    const spec = new JoinedStrBuilder(s.partSpan);
    p = concatFString(s, p, level + 1, spec);
    formatSpec = spec.finish(tokenSpan(s.tok));
  }
  if (p >= end || body[p] !== "}") host.fail("f-string: expecting '}'");
  p++;
  if (exprText !== null && formatSpec === null && conversion === -1) conversion = "r";
  return { exprText, expr: { kind: "FormattedValue", value, conversion, formatSpec, span: s.partSpan }, pos: p };
}

/** fstring_find_expr_location: line and column shift of the field's expression. */
function innerLocation(s: Scan, brace: number): InnerLocation {
  const text = s.tok.text;
  const at = s.bodyOffset + brace;
  let newlineAfterBrace = true;
  for (let i = at + 1; i < text.length && text[i] !== "}" && text[i] !== "\n"; i++) {
    if (text[i] !== " " && text[i] !== "\t" && text[i] !== "\f") {
      newlineAfterBrace = false;
      break;
    }
  }
  let cols = 0;
  if (!newlineAfterBrace) {
    let start = at;
    while (start > 0 && text[start] !== "\n") start--;
    cols = Array.from(text.slice(start, at)).length - (text[start] === "\n" ? 1 : 0);
  }
  let lines = 0;
  for (let i = 0; i < at; i++) if (text[i] === "\n") lines++;
  const colShift = (lines > 0 ? 0 : s.tok.col - 1) + cols;
  return { lineBase: s.tok.line + lines - 1, colShift };
}
