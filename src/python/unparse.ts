// The text `from __future__ import annotations` turns an annotation into:
// _PyAST_ExprAsUnicode (Python/ast_unparse.c), the expression written back with
// its precedence-driven parentheses, at the level PR_TEST. Only the forms
// annotations are made of are written; anything else returns null (the caller
// refuses it, naming the construct).
import type { BinOpName, ConstValue, Expr } from "./ast.js";

/** ast_unparse.c's precedence levels. */
const PR_TUPLE = 0;
const PR_TEST = 1;
const PR_BOR = 6;
const PR_BXOR = 7;
const PR_BAND = 8;
const PR_SHIFT = 9;
const PR_ARITH = 10;
const PR_TERM = 11;
const PR_FACTOR = 12;
const PR_POWER = 13;
const PR_ATOM = 15;

const BINOPS: Readonly<Record<BinOpName, readonly [string, number]>> = {
  BitOr: ["|", PR_BOR], BitXor: ["^", PR_BXOR], BitAnd: ["&", PR_BAND], LShift: ["<<", PR_SHIFT], RShift: [">>", PR_SHIFT],
  Add: ["+", PR_ARITH], Sub: ["-", PR_ARITH], Mult: ["*", PR_TERM], MatMult: ["@", PR_TERM], Div: ["/", PR_TERM],
  Mod: ["%", PR_TERM], FloorDiv: ["//", PR_TERM], Pow: ["**", PR_POWER],
};

export interface UnparseOptions {
  /**
   * 3.8 unparses after the AST optimizer: a subscript's tuple of constants is then
   * one constant tuple, written with its parentheses (`Literal[('a', 'b')]`).
   */
  readonly foldedConstantTuples: boolean;
}

/** The annotation's text, or null when it holds a form this writer does not model. */
export function annotationText(e: Expr, options: UnparseOptions): string | null {
  try {
    return expr(e, PR_TEST, options);
  } catch (err) {
    if (err === UNMODELLED) return null;
    throw err;
  }
}

const UNMODELLED = new Error("unmodelled annotation form");

function fail(): never {
  throw UNMODELLED;
}

function expr(e: Expr, level: number, o: UnparseOptions): string {
  switch (e.kind) {
    case "Name":
      return e.id;
    case "Constant":
      return constant(e.value);
    case "Attribute":
      // `1 .real` needs its space; annotations do not write it.
      if (e.value.kind === "Constant" && e.value.value.t === "int") fail();
      return `${expr(e.value, PR_ATOM, o)}.${e.attr}`;
    case "Subscript":
      return `${expr(e.value, PR_ATOM, o)}[${slice(e.slice, o)}]`;
    case "List":
      return `[${e.elts.map((x) => expr(x, PR_TEST, o)).join(", ")}]`;
    case "Tuple": {
      if (e.elts.length === 0) return "()";
      const body = e.elts.map((x) => expr(x, PR_TEST, o)).join(", ") + (e.elts.length === 1 ? "," : "");
      return level > PR_TUPLE ? `(${body})` : body;
    }
    case "BinOp": {
      if (o.foldedConstantTuples && foldable(e)) fail(); // 3.8 writes the folded value
      const [op, pr] = BINOPS[e.op];
      const rassoc = e.op === "Pow" ? 1 : 0;
      const text = `${expr(e.left, pr + rassoc, o)} ${op} ${expr(e.right, pr + 1 - rassoc, o)}`;
      return level > pr ? `(${text})` : text;
    }
    case "UnaryOp": {
      if (e.op === "Not") fail();
      const op = e.op === "USub" ? "-" : e.op === "UAdd" ? "+" : "~";
      if (o.foldedConstantTuples && foldable(e)) {
        // 3.8 folds -1 into the constant -1: the same text for an int or float, not for +x or ~x.
        if (e.op !== "USub") fail();
      }
      const text = `${op}${expr(e.operand, PR_FACTOR, o)}`;
      return level > PR_FACTOR ? `(${text})` : text;
    }
    case "Call": {
      const args = e.args.map((a) => (a.kind === "Starred" ? fail() : expr(a, PR_TEST, o)));
      const kws = e.keywords.map((k) => (k.arg === null ? fail() : `${k.arg}=${expr(k.value, PR_TEST, o)}`));
      if (e.args.length === 1 && e.args[0]?.kind === "GeneratorExp") fail();
      return `${expr(e.func, PR_ATOM, o)}(${[...args, ...kws].join(", ")})`;
    }
    default:
      return fail();
  }
}

/** A subscript's index: a tuple without parentheses (3.8: with them when the optimizer made it one constant). */
function slice(e: Expr, o: UnparseOptions): string {
  if (e.kind === "Tuple" && e.elts.length > 0) {
    if (e.elts.some((x) => x.kind === "Slice" || x.kind === "Starred")) fail();
    if (o.foldedConstantTuples && foldable(e)) return expr(e, PR_ATOM, o);
    return e.elts.map((x) => expr(x, PR_TEST, o)).join(", ");
  }
  if (e.kind === "Slice") {
    const part = (x: Expr | null): string => (x === null ? "" : expr(x, PR_TEST, o));
    return `${part(e.lower)}:${part(e.upper)}${e.step === null ? "" : `:${part(e.step)}`}`;
  }
  return expr(e, PR_TUPLE, o);
}

/** What 3.8's AST optimizer turns into one constant: constants, unary operators on numbers, their tuples and arithmetic. */
function foldable(e: Expr): boolean {
  switch (e.kind) {
    case "Constant":
      return true;
    case "UnaryOp":
      return e.operand.kind === "Constant" && ["int", "float", "complex", "bool"].includes(e.operand.value.t);
    case "BinOp":
      return foldable(e.left) && foldable(e.right);
    case "Tuple":
      return e.elts.every(foldable);
    default:
      return false;
  }
}

function constant(v: ConstValue): string {
  switch (v.t) {
    case "None":
      return "None";
    case "bool":
      return v.v ? "True" : "False";
    case "Ellipsis":
      return "...";
    case "int":
      return v.v.toString();
    case "float":
      return floatRepr(v.v);
    case "str":
      if (v.joinsSurrogates === true) fail();
      return quoted([...v.v].map((ch) => ch.codePointAt(0) as number), false);
    case "bytes":
      return "b" + quoted([...v.v], true);
    default:
      return fail();
  }
}

/** float_repr for the values whose shortest digits JS and Python both write plainly (1e-4 <= |v| < 1e16). */
function floatRepr(v: number): string {
  const a = Math.abs(v);
  if (!Number.isFinite(v) || (a !== 0 && (a < 1e-4 || a >= 1e16)) || Object.is(v, -0)) fail();
  const s = String(v);
  if (!/^-?\d+(\.\d+)?$/.test(s)) fail();
  return s.includes(".") ? s : `${s}.0`;
}

/** unicode_repr / bytes_repr: single quotes unless the text holds ' and no ", escapes for the unprintable. */
function quoted(points: readonly number[], bytes: boolean): string {
  const q = points.includes(0x27) && !points.includes(0x22) ? '"' : "'";
  let out = q;
  for (const c of points) {
    if (c === q.charCodeAt(0) || c === 0x5c) out += "\\" + String.fromCodePoint(c);
    else if (c === 0x09) out += "\\t";
    else if (c === 0x0a) out += "\\n";
    else if (c === 0x0d) out += "\\r";
    else if (c < 0x20 || c === 0x7f) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (c < 0x7f) out += String.fromCodePoint(c);
    else if (bytes) out += "\\x" + c.toString(16).padStart(2, "0");
    else if (printable(c)) out += String.fromCodePoint(c);
    else fail(); // Python's own printable table decides; not modelled
  }
  return out + q;
}

/** Letters, marks, numbers, punctuation and symbols: printable in Python (and assigned in both tables). */
function printable(c: number): boolean {
  return /^[\p{L}\p{M}\p{N}\p{P}\p{S}]$/u.test(String.fromCodePoint(c));
}
