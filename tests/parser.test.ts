// Table-driven tests of the Python front end. Expected trees and errors were
// produced by CPython 3.10.13 (see the headers of the case files).
import { describe, expect, it } from "vitest";
import { parseExpression, parseModule, type ParseResult } from "../src/python/parse.js";
import type { Expr, Stmt } from "../src/python/ast.js";
import { sexpr } from "./astSexpr.js";
import { EXPR_CASES, EXPR_SPAN_CASES, MODULE_CASES, MODULE_SPAN_CASES } from "./parserCases.js";
import { ERROR_CASES } from "./parserErrorCases.js";

const TOO_DEEP = "too many nested expressions (pymem's limit is 1000 levels)";

function tree(r: ParseResult<Expr | readonly Stmt[]>, spans = false): string {
  if (!r.ok) return `ERROR ${r.error.type}: ${r.error.message} @${r.error.span.line}:${r.error.span.col}`;
  return sexpr(r.value, { spans });
}

function errorOf(r: ParseResult<unknown>): readonly [string, string, number, number] | "ok" {
  return r.ok ? "ok" : [r.error.type, r.error.message, r.error.span.line, r.error.span.col];
}

describe("parseExpression builds CPython's tree", () => {
  it.each(EXPR_CASES)("%j", (src, expected) => {
    expect(tree(parseExpression(src))).toBe(expected);
  });
});

describe("parseModule builds CPython's tree", () => {
  it.each(MODULE_CASES)("%j", (src, expected) => {
    expect(tree(parseModule(src))).toBe(expected);
  });
});

describe("spans match CPython's (1-based, in code points)", () => {
  it.each(EXPR_SPAN_CASES)("expression %j", (src, expected) => {
    expect(tree(parseExpression(src), true)).toBe(expected);
  });
  it.each(MODULE_SPAN_CASES)("module %j", (src, expected) => {
    expect(tree(parseModule(src), true)).toBe(expected);
  });
});

describe("syntax errors match CPython 3.10's message, line and column", () => {
  it.each(ERROR_CASES)("%s %j", (mode, src, type, message, line, col) => {
    const r = mode === "eval" ? parseExpression(src) : parseModule(src);
    expect(errorOf(r)).toEqual([type, message, line, col]);
  });
});

describe("literal values", () => {
  const value = (src: string): unknown => {
    const r = parseExpression(src);
    return r.ok && r.value.kind === "Constant" ? r.value.value : r;
  };
  it.each([
    ["0x_ff", { t: "int", v: 255n }],
    ["1_000_000_000_000_000_000_000", { t: "int", v: 10n ** 21n }],
    ["0o17", { t: "int", v: 15n }],
    ["0b1010", { t: "int", v: 10n }],
    ["1_000.5e-3", { t: "float", v: 1.0005 }],
    ["1e400", { t: "float", v: Infinity }],
    ["1.5J", { t: "complex", imag: 1.5 }],
    ["'\\N{EURO SIGN}\\N{snowman}\\N{LATIN SMALL LETTER E WITH ACUTE}'", { t: "str", v: "€☃é" }],
    ["'\\777\\x41\\U0001F600\\q'", { t: "str", v: "\u01ffA😀\\q" }],
    ["b'\\x00\\xff\\777a\\u'", { t: "bytes", v: Uint8Array.from([0, 255, 255, 97, 92, 117]) }],
    ["'a' \"b\" '''c'''", { t: "str", v: "abc" }],
    ["'a\\\nb'", { t: "str", v: "ab" }],
    ["'''a\r\nb'''", { t: "str", v: "a\nb" }],
  ] as const)("%j", (src, expected) => {
    expect(value(src)).toEqual(expected);
  });
});

describe("nesting limits", () => {
  const nested = (n: number, open: string, close: string): string => open.repeat(n) + "1" + close.repeat(n);
  it("accepts 200 nested brackets of any kind", () => {
    expect(parseExpression(nested(200, "(", ")")).ok).toBe(true);
    expect(parseExpression(nested(66, "[{(", ")}]").replace("1", "[1]")).ok).toBe(true);
  });
  it("refuses the 201st bracket like CPython's tokenizer", () => {
    expect(errorOf(parseExpression(nested(201, "(", ")")))).toEqual(["SyntaxError", "too many nested parentheses", 1, 201]);
    expect(errorOf(parseModule("x = " + nested(201, "[", "]")))).toEqual(["SyntaxError", "too many nested parentheses", 1, 205]);
  });
  it("stops 100000 unary minuses cleanly", () => {
    expect(errorOf(parseExpression("-".repeat(100000) + "1"))).toEqual(["SyntaxError", TOO_DEEP, 1, 1001]);
    expect(parseExpression("-".repeat(999) + "1").ok).toBe(true);
  });
  it.each([
    ["1+1 chain", Array(100000).fill("1").join("+")],
    ["not chain", "not ".repeat(100000) + "x"],
    ["power chain", Array(100000).fill("2").join("**")],
    ["attribute chain", "a" + ".b".repeat(100000)],
    ["call chain", "f" + "()".repeat(100000)],
    ["lambdas", "lambda: ".repeat(5000) + "1"],
    ["conditional expressions", "1 if 1 else ".repeat(5000) + "1"],
  ])("reports a too-deep %s instead of overflowing the stack", (_name, src) => {
    const r = parseExpression(src);
    expect(r.ok ? "ok" : r.error.message).toBe(TOO_DEEP);
  });
  it("accepts long flat chains within the limit", () => {
    expect(parseExpression(Array(900).fill("1").join("+")).ok).toBe(true);
    expect(parseExpression(Array(100000).fill("x").join(" or ")).ok).toBe(true);
    expect(parseExpression(Array(100000).fill("x").join(" < ")).ok).toBe(true);
  });
  it("parses a 1 MB flat list literal", () => {
    const items: string[] = [];
    for (let len = 0; len < 1_000_000; len += 7) items.push(String(len % 100000).padStart(5, "0").replace(/^0+(?=.)/, ""));
    const r = parseExpression("[" + items.join(", ") + "]");
    expect(r.ok && r.value.kind === "List" ? r.value.elts.length : -1).toBe(items.length);
  });
  it("refuses more than 100 indentation levels like CPython", () => {
    const src = (n: number): string =>
      Array.from({ length: n }, (_, i) => " ".repeat(i) + "if x:").join("\n") + "\n" + " ".repeat(n) + "pass";
    expect(parseModule(src(99)).ok).toBe(true);
    expect(errorOf(parseModule(src(100)))).toEqual(["IndentationError", "too many levels of indentation", 101, 1]);
  });
});

describe("errors are values", () => {
  it("never throws, whatever the input", () => {
    // deterministic mutations of the table sources
    let seed = 12345;
    const rand = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2147483648), seed % n);
    const pieces = ["(", ")", "[", "]", "{", "}", ":", ",", "'", '"', "\\", "\n", "    ", "f'{", "}", "=", "lambda", "*", "€", "\0", "#"];
    const sources = [...EXPR_CASES, ...MODULE_CASES].map(([src]) => src);
    for (let i = 0; i < 3000; i++) {
      let s = sources[rand(sources.length)] ?? "";
      for (let k = 0; k < 3; k++) {
        const at = rand(s.length + 1);
        s = s.slice(0, at) + (pieces[rand(pieces.length)] ?? "") + s.slice(at + rand(2));
      }
      expect(() => parseExpression(s)).not.toThrow();
      expect(() => parseModule(s)).not.toThrow();
    }
  });
  it("reports NUL characters as a SyntaxError", () => {
    expect(errorOf(parseExpression("1\0"))).toEqual(["SyntaxError", "source code string cannot contain null bytes", 1, 0]);
  });
});

describe("pymem's expression mode", () => {
  it("refuses an indented first line as CPython does", () => {
    expect(errorOf(parseExpression("  1 + 2"))).toEqual(["IndentationError", "unexpected indent", 1, 2]);
  });
  it.each([
    ["\n\t[1,\n2]\n  # trailing comment\n", "(List (Constant int 1) (Constant int 2))"],
    ["1\n  ", "(Constant int 1)"],
  ])("tolerates indentation and surrounding blank lines: %j", (src, expected) => {
    expect(tree(parseExpression(src))).toBe(expected);
  });
  it("still refuses a second line outside brackets", () => {
    expect(errorOf(parseExpression("1\n2"))).toEqual(["SyntaxError", "invalid syntax", 2, 1]);
    expect(errorOf(parseExpression("1\n\n2"))).toEqual(["SyntaxError", "invalid syntax", 3, 1]);
  });
  it("parses a match statement's patterns and guards (3.10+), and leaves `match` a name before 3.10", () => {
    expect(tree(parseModule("match p:\n    case [x, *_] if x:\n        pass\n"))).toBe(
      "(Module (Match (Name p) (case (MatchSequence (MatchAs - x) (MatchStar -)) (Name x) (body (Pass)))))",
    );
    const old = { nestedFStrings: false, matchStatement: false };
    expect(errorOf(parseModule("match p:\n    case 1:\n        pass\n", old))).toEqual(["SyntaxError", "invalid syntax", 1, 7]);
    expect(tree(parseModule("match(p)\nmatch = [1]\n", old))).toBe("(Module (Expr (Call (Name match) (Name p))) (Assign (Name match) = (List (Constant int 1))))");
  });
});
