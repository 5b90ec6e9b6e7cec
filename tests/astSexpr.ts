// Compact S-expression rendering of pymem's AST, used by the parser tests to
// compare trees as strings, e.g. `(BinOp Add (Constant int 1) (Constant int 2))`.
import type { Arguments, Arg, ConstValue, Expr, Keyword, Pattern, Span, Stmt, Comprehension } from "../src/python/ast.js";

export interface SexprOptions {
  /** Append `@line:col-endLine:endCol` to every node. */
  readonly spans?: boolean;
}

/** Python's repr() of a float: shortest round-trip digits, exponent outside [1e-4, 1e16). */
export function pyFloatRepr(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (!Number.isFinite(x)) return x > 0 ? "inf" : "-inf";
  if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
  const [mant = "", expStr = "0"] = x.toExponential().split("e");
  const exp = Number(expStr);
  const digits = mant.replace("-", "").replace(".", "");
  const sign = x < 0 ? "-" : "";
  if (exp < -4 || exp >= 16) {
    const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    return `${sign}${m}e${exp < 0 ? "-" : "+"}${String(Math.abs(exp)).padStart(2, "0")}`;
  }
  if (exp < 0) return `${sign}0.${"0".repeat(-exp - 1)}${digits}`;
  const intPart = digits.slice(0, exp + 1).padEnd(exp + 1, "0");
  const frac = digits.slice(exp + 1);
  return `${sign}${intPart}.${frac === "" ? "0" : frac}`;
}

/** JSON string with every non-ASCII code unit escaped, like json.dumps(ensure_ascii=True). */
export function asciiJson(s: string): string {
  return JSON.stringify(s).replace(/[\u007f-\uffff]/g, (c) => (c === "\u007f" ? c : `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`));
}

function constant(v: ConstValue): string {
  switch (v.t) {
    case "int":
      return `int ${v.v.toString()}`;
    case "float":
      return `float ${pyFloatRepr(v.v)}`;
    case "complex":
      return `complex ${pyFloatRepr(v.imag)}j`;
    case "str":
      return `str ${asciiJson(v.v)}`;
    case "bytes":
      return `bytes ${Array.from(v.v, (b) => b.toString(16).padStart(2, "0")).join("")}`;
    case "bool":
      return v.v ? "True" : "False";
    case "None":
      return "None";
    case "Ellipsis":
      return "Ellipsis";
  }
}

export function sexpr(node: Expr | Stmt | readonly Stmt[], opts: SexprOptions = {}): string {
  const at = (s: Span): string => (opts.spans ? ` @${s.line}:${s.col}-${s.endLine}:${s.endCol}` : "");
  const opt = (e: Expr | null): string => (e === null ? "-" : ex(e));
  const list = (tag: string, xs: readonly string[]): string => `(${tag}${xs.map((x) => " " + x).join("")})`;
  const arg = (a: Arg): string => (a.annotation ? `(${a.arg}${at(a.span)} : ${ex(a.annotation)})` : `${a.arg}${at(a.span)}`);
  const args = (a: Arguments): string => {
    const parts: string[] = [];
    if (a.posonlyargs.length) parts.push(list("posonly", a.posonlyargs.map(arg)));
    if (a.args.length) parts.push(list("args", a.args.map(arg)));
    if (a.vararg) parts.push(`(vararg ${arg(a.vararg)})`);
    if (a.kwonlyargs.length) parts.push(list("kwonly", a.kwonlyargs.map(arg)));
    if (a.kwDefaults.length) parts.push(list("kwdefaults", a.kwDefaults.map(opt)));
    if (a.kwarg) parts.push(`(kwarg ${arg(a.kwarg)})`);
    if (a.defaults.length) parts.push(list("defaults", a.defaults.map(ex)));
    return list("arguments", parts);
  };
  const kw = (k: Keyword): string => `(kw${at(k.span)} ${k.arg ?? "**"} ${ex(k.value)})`;
  const gen = (g: Comprehension): string =>
    `(${g.isAsync ? "async-for" : "for"} ${ex(g.target)} ${ex(g.iter)}${g.ifs.map((i) => ` (if ${ex(i)})`).join("")})`;
  const body = (tag: string, b: readonly Stmt[]): string => list(tag, b.map(st));
  function ex(e: Expr): string {
    const h = `${e.kind}${at(e.span)}`;
    switch (e.kind) {
      case "Constant":
        return `(${h} ${constant(e.value)})`;
      case "JoinedStr":
        return list(h, e.values.map(ex));
      case "FormattedValue":
        return `(${h} ${ex(e.value)} ${e.conversion} ${opt(e.formatSpec)})`;
      case "Name":
        return `(${h} ${e.id})`;
      case "Starred":
      case "Await":
      case "YieldFrom":
        return `(${h} ${ex(e.value)})`;
      case "Yield":
        return `(${h} ${opt(e.value)})`;
      case "List":
      case "Tuple":
      case "Set":
        return list(h, e.elts.map(ex));
      case "Dict":
        return list(h, e.values.map((v, i) => {
          const k = e.keys[i];
          return k ? `(: ${ex(k)} ${ex(v)})` : `(** ${ex(v)})`;
        }));
      case "ListComp":
      case "SetComp":
      case "GeneratorExp":
        return list(h, [ex(e.elt), ...e.generators.map(gen)]);
      case "DictComp":
        return list(h, [ex(e.key), ex(e.value), ...e.generators.map(gen)]);
      case "BinOp":
        return `(${h} ${e.op} ${ex(e.left)} ${ex(e.right)})`;
      case "UnaryOp":
        return `(${h} ${e.op} ${ex(e.operand)})`;
      case "BoolOp":
        return list(`${h} ${e.op}`, e.values.map(ex));
      case "Compare":
        return list(h, [ex(e.left), ...e.ops.flatMap((op, i) => [op, ex(e.comparators[i] as Expr)])]);
      case "IfExp":
        return `(${h} ${ex(e.test)} ${ex(e.body)} ${ex(e.orelse)})`;
      case "Lambda":
        return `(${h} ${args(e.args)} ${ex(e.body)})`;
      case "NamedExpr":
        return `(${h} ${ex(e.target)} ${ex(e.value)})`;
      case "Call":
        return list(h, [ex(e.func), ...e.args.map(ex), ...e.keywords.map(kw)]);
      case "Attribute":
        return `(${h} ${ex(e.value)} ${e.attr})`;
      case "Subscript":
        return `(${h} ${ex(e.value)} ${ex(e.slice)})`;
      case "Slice":
        return `(${h} ${opt(e.lower)} ${opt(e.upper)} ${opt(e.step)})`;
    }
  }
  function pat(p: Pattern): string {
    const h = `${p.kind}${at(p.span)}`;
    switch (p.kind) {
      case "MatchValue":
        return `(${h} ${ex(p.value)})`;
      case "MatchSingleton":
        return `(${h} ${constant(p.value)})`;
      case "MatchSequence":
      case "MatchOr":
        return list(h, p.patterns.map(pat));
      case "MatchMapping":
        return list(h, [...p.keys.map((k, i) => `(${ex(k)} ${pat(p.patterns[i] as Pattern)})`), `(rest ${p.rest ?? "-"})`]);
      case "MatchClass":
        return list(h, [ex(p.cls), ...p.patterns.map(pat), ...p.kwdAttrs.map((a, i) => `(${a}= ${pat(p.kwdPatterns[i] as Pattern)})`)]);
      case "MatchStar":
        return `(${h} ${p.name ?? "-"})`;
      case "MatchAs":
        return `(${h} ${p.pattern === null ? "-" : pat(p.pattern)} ${p.name ?? "-"})`;
    }
  }
  function st(s: Stmt): string {
    const h = `${s.kind}${at(s.span)}`;
    switch (s.kind) {
      case "Expr":
        return `(${h} ${ex(s.value)})`;
      case "Assign":
        return list(h, [...s.targets.map(ex), "=", ex(s.value)]);
      case "AugAssign":
        return `(${h} ${ex(s.target)} ${s.op} ${ex(s.value)})`;
      case "AnnAssign":
        return `(${h} ${ex(s.target)} ${ex(s.annotation)} ${opt(s.value)} ${s.simple ? 1 : 0})`;
      case "Delete":
        return list(h, s.targets.map(ex));
      case "Pass":
      case "Break":
      case "Continue":
        return `(${h})`;
      case "Match":
        return list(`${h} ${ex(s.subject)}`, s.cases.map((c) => `(case${at(c.span)} ${pat(c.pattern)} ${opt(c.guard)} ${body("body", c.body)})`));
      case "Return":
        return `(${h} ${opt(s.value)})`;
      case "Raise":
        return `(${h} ${opt(s.exc)} ${opt(s.cause)})`;
      case "Global":
      case "Nonlocal":
        return list(h, s.names);
      case "Assert":
        return `(${h} ${ex(s.test)} ${opt(s.msg)})`;
      case "Import":
      case "ImportFrom": {
        const names = s.names.map((a) => (a.asname ? `(as${at(a.span)} ${a.name} ${a.asname})` : `${a.name}${at(a.span)}`));
        return s.kind === "Import" ? list(h, names) : list(`${h} ${s.module ?? "-"} ${s.level}`, names);
      }
      case "If":
      case "While":
        return `(${h} ${ex(s.test)} ${body("body", s.body)} ${body("orelse", s.orelse)})`;
      case "For":
        return `(${s.isAsync ? "Async" : ""}${h} ${ex(s.target)} ${ex(s.iter)} ${body("body", s.body)} ${body("orelse", s.orelse)})`;
      case "FunctionDef":
        return `(${s.isAsync ? "Async" : ""}${h} ${s.name} ${args(s.args)} ${body("body", s.body)} ${list("decorators", s.decorators.map(ex))} ${opt(s.returns)})`;
      case "ClassDef":
        return `(${h} ${s.name} ${list("bases", s.bases.map(ex))} ${list("keywords", s.keywords.map(kw))} ${body("body", s.body)} ${list("decorators", s.decorators.map(ex))})`;
      case "Try": {
        const hs = s.handlers.map((x) => `(except${at(x.span)} ${opt(x.type)} ${x.name ?? "-"} ${body("body", x.body)})`);
        return `(${h} ${body("body", s.body)} ${list("handlers", hs)} ${body("orelse", s.orelse)} ${body("finally", s.finalbody)})`;
      }
      case "With": {
        const items = s.items.map((i) => `(item ${ex(i.contextExpr)} ${opt(i.optionalVars)})`);
        return `(${s.isAsync ? "Async" : ""}${h} ${list("items", items)} ${body("body", s.body)})`;
      }
    }
  }
  if (Array.isArray(node)) return body("Module", node as readonly Stmt[]);
  const n = node as Expr | Stmt;
  return isStmt(n) ? st(n) : ex(n);
}

const STMT_KINDS = new Set([
  "Expr", "Assign", "AugAssign", "AnnAssign", "Delete", "Pass", "Break", "Continue", "Return", "Raise", "Global",
  "Nonlocal", "Assert", "Import", "ImportFrom", "If", "While", "For", "FunctionDef", "ClassDef", "Try", "With", "Match",
]);

function isStmt(n: Expr | Stmt): n is Stmt {
  return STMT_KINDS.has(n.kind) && !(n.kind === "Expr" && !("value" in n));
}
