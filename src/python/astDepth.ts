// Nesting check on a finished tree. Left-deep chains (`1+1+...`, `a.b.c...`)
// are built by loops, not recursion, so their depth is measured afterwards;
// evaluators can then recurse over any tree pymem accepts.
import type { Arguments, Comprehension, Expr, Pattern, Span, Stmt } from "./ast.js";
import { MAX_NESTING } from "./syntaxError.js";

/** The span of the first expression nested deeper than MAX_NESTING, or null. */
export function findTooDeep(root: Expr | readonly Stmt[]): Span | null {
  if (!Array.isArray(root)) return exprTooDeep(root as Expr);
  for (const s of root as readonly Stmt[]) {
    const found = stmtTooDeep(s);
    if (found) return found;
  }
  return null;
}

function stmtTooDeep(s: Stmt): Span | null {
  // statement nesting is bounded by the tokenizer's 100 indentation levels
  for (const e of stmtExprs(s)) {
    const found = exprTooDeep(e);
    if (found) return found;
  }
  for (const body of stmtBodies(s)) {
    for (const inner of body) {
      const found = stmtTooDeep(inner);
      if (found) return found;
    }
  }
  return null;
}

function exprTooDeep(root: Expr): Span | null {
  const nodes: Expr[] = [root];
  const depths: number[] = [1];
  let childDepth = 0;
  const push = (e: Expr | null): void => {
    if (e === null) return;
    nodes.push(e);
    depths.push(childDepth);
  };
  for (;;) {
    const e = nodes.pop();
    const depth = depths.pop();
    if (e === undefined || depth === undefined) return null;
    if (depth > MAX_NESTING) return e.span;
    childDepth = depth + 1;
    children(e, push);
  }
}

export function children(e: Expr, push: (e: Expr | null) => void): void {
  switch (e.kind) {
    case "Constant":
    case "Name":
      return;
    case "JoinedStr":
      return e.values.forEach(push);
    case "FormattedValue":
      push(e.value);
      return push(e.formatSpec);
    case "Starred":
    case "Await":
    case "YieldFrom":
    case "Attribute":
      return push(e.value);
    case "Yield":
      return push(e.value);
    case "List":
    case "Tuple":
    case "Set":
      return e.elts.forEach(push);
    case "Dict":
      e.keys.forEach(push);
      return e.values.forEach(push);
    case "ListComp":
    case "SetComp":
    case "GeneratorExp":
      push(e.elt);
      return generators(e.generators, push);
    case "DictComp":
      push(e.key);
      push(e.value);
      return generators(e.generators, push);
    case "BinOp":
      push(e.left);
      return push(e.right);
    case "UnaryOp":
      return push(e.operand);
    case "BoolOp":
      return e.values.forEach(push);
    case "Compare":
      push(e.left);
      return e.comparators.forEach(push);
    case "IfExp":
      push(e.test);
      push(e.body);
      return push(e.orelse);
    case "Lambda":
      argumentExprs(e.args).forEach(push);
      return push(e.body);
    case "NamedExpr":
      push(e.target);
      return push(e.value);
    case "Call":
      push(e.func);
      e.args.forEach(push);
      return e.keywords.forEach((k) => push(k.value));
    case "Subscript":
      push(e.value);
      return push(e.slice);
    case "Slice":
      push(e.lower);
      push(e.upper);
      return push(e.step);
  }
}

function generators(gens: readonly Comprehension[], push: (e: Expr | null) => void): void {
  for (const g of gens) {
    push(g.target);
    push(g.iter);
    g.ifs.forEach(push);
  }
}

export function argumentExprs(a: Arguments): Expr[] {
  const out: Expr[] = [...a.defaults];
  for (const d of a.kwDefaults) if (d) out.push(d);
  for (const arg of [...a.posonlyargs, ...a.args, ...a.kwonlyargs, a.vararg, a.kwarg]) {
    if (arg?.annotation) out.push(arg.annotation);
  }
  return out;
}

export function stmtExprs(s: Stmt): Expr[] {
  const some = (...xs: (Expr | null)[]): Expr[] => xs.filter((x): x is Expr => x !== null);
  switch (s.kind) {
    case "Expr":
      return [s.value];
    case "Assign":
      return [...s.targets, s.value];
    case "AugAssign":
      return [s.target, s.value];
    case "AnnAssign":
      return some(s.target, s.annotation, s.value);
    case "Delete":
      return [...s.targets];
    case "Return":
      return some(s.value);
    case "Raise":
      return some(s.exc, s.cause);
    case "Assert":
      return some(s.test, s.msg);
    case "If":
    case "While":
      return [s.test];
    case "For":
      return [s.target, s.iter];
    case "FunctionDef":
      return [...s.decorators, ...argumentExprs(s.args), ...some(s.returns)];
    case "ClassDef":
      return [...s.decorators, ...s.bases, ...s.keywords.map((k) => k.value)];
    case "Try":
      return some(...s.handlers.map((h) => h.type));
    case "With":
      return s.items.flatMap((i) => some(i.contextExpr, i.optionalVars));
    case "Match":
      return [s.subject, ...s.cases.flatMap((c) => [...patternExprs(c.pattern), ...some(c.guard)])];
    default:
      return [];
  }
}

/** The expressions inside a pattern (values, mapping keys, class names), in source order. */
export function patternExprs(p: Pattern): Expr[] {
  switch (p.kind) {
    case "MatchValue":
      return [p.value];
    case "MatchSequence":
    case "MatchOr":
      return p.patterns.flatMap(patternExprs);
    case "MatchMapping":
      return [...p.keys, ...p.patterns.flatMap(patternExprs)];
    case "MatchClass":
      return [p.cls, ...p.patterns.flatMap(patternExprs), ...p.kwdPatterns.flatMap(patternExprs)];
    case "MatchAs":
      return p.pattern === null ? [] : patternExprs(p.pattern);
    default:
      return [];
  }
}

export function stmtBodies(s: Stmt): (readonly Stmt[])[] {
  switch (s.kind) {
    case "If":
    case "While":
    case "For":
      return [s.body, s.orelse];
    case "FunctionDef":
    case "ClassDef":
    case "With":
      return [s.body];
    case "Try":
      return [s.body, ...s.handlers.map((h) => h.body), s.orelse, s.finalbody];
    case "Match":
      return s.cases.map((c) => c.body);
    default:
      return [];
  }
}

