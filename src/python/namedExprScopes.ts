// The assignment-expression rules CPython 3.10 enforces while building the
// symbol table (Python/symtable.c, symtable_handle_namedexpr and
// symtable_handle_comprehension), after parsing succeeded:
// - no `:=` anywhere inside a comprehension's iterable expression (nested
//   scopes inherit ste_comp_iter_expr, so a lambda or comprehension there too);
// - a `:=` in a comprehension may not bind one of its iteration variables, nor
//   of an enclosing comprehension's, and a later `for` of the same
//   comprehension may not rebind a `:=` target;
// - a `:=` in a comprehension directly in a class body is refused.
import type { Comprehension, Expr, Span, Stmt } from "./ast.js";
import { argumentExprs, children, stmtBodies, stmtExprs } from "./astDepth.js";

const ITER_EXPR = "assignment expression cannot be used in a comprehension iterable expression";
const rebindIterVar = (n: string): string => `assignment expression cannot rebind comprehension iteration variable '${n}'`;
const innerLoop = (n: string): string => `comprehension inner loop cannot rebind assignment expression target '${n}'`;
const IN_CLASS = "assignment expression within a comprehension cannot be used in a class body";

interface Block {
  readonly kind: "module" | "function" | "class" | "comprehension";
  /** ste_comp_iter_expr: > 0 while an iterable expression of a comprehension is visited. */
  compIterExpr: number;
  /** Names bound as iteration variables here (DEF_COMP_ITER). */
  readonly iterVars: Set<string>;
  /** Names a `:=` here binds in an enclosing scope (DEF_NONLOCAL / DEF_GLOBAL). */
  readonly walrusTargets: Set<string>;
}

class NamedExprError {
  constructor(readonly message: string, readonly span: Span) {}
}

/** The first such error in source order of the symbol-table walk, or null. */
export function findNamedExprError(root: Expr | readonly Stmt[]): { message: string; span: Span } | null {
  const stack: Block[] = [block("module", 0)];
  try {
    if (Array.isArray(root)) (root as readonly Stmt[]).forEach((s) => visitStmt(s, stack));
    else visitExpr(root as Expr, stack);
  } catch (e) {
    if (e instanceof NamedExprError) return { message: e.message, span: e.span };
    throw e;
  }
  return null;
}

function block(kind: Block["kind"], compIterExpr: number): Block {
  return { kind, compIterExpr, iterVars: new Set(), walrusTargets: new Set() };
}

function top(stack: Block[]): Block {
  return stack[stack.length - 1] as Block;
}

function visitStmt(s: Stmt, stack: Block[]): void {
  stmtExprs(s).forEach((e) => visitExpr(e, stack));
  const inner = s.kind === "FunctionDef" ? "function" : s.kind === "ClassDef" ? "class" : null;
  if (inner !== null) stack.push(block(inner, 0));
  for (const body of stmtBodies(s)) body.forEach((x) => visitStmt(x, stack));
  if (inner !== null) stack.pop();
}

function visitExpr(e: Expr, stack: Block[]): void {
  const cur = top(stack);
  switch (e.kind) {
    case "NamedExpr": {
      if (cur.compIterExpr > 0) throw new NamedExprError(ITER_EXPR, e.span);
      if (cur.kind === "comprehension" && e.target.kind === "Name") extendScope(e.target.id, e.target.span, stack);
      visitExpr(e.value, stack);
      return visitExpr(e.target, stack);
    }
    case "ListComp":
    case "SetComp":
    case "GeneratorExp":
      return comprehension(e.generators, [e.elt], stack);
    case "DictComp":
      return comprehension(e.generators, [e.value, e.key], stack);
    case "Lambda": {
      argumentExprs(e.args).forEach((x) => visitExpr(x, stack));
      stack.push(block("function", cur.compIterExpr));
      visitExpr(e.body, stack);
      stack.pop();
      return;
    }
    default: {
      const kids: Expr[] = [];
      children(e, (x) => {
        if (x !== null) kids.push(x);
      });
      kids.forEach((x) => visitExpr(x, stack));
    }
  }
}

function comprehension(gens: readonly Comprehension[], elts: readonly Expr[], stack: Block[]): void {
  const outer = top(stack);
  const [first, ...rest] = gens as [Comprehension, ...Comprehension[]];
  outer.compIterExpr++;
  visitExpr(first.iter, stack);
  outer.compIterExpr--;
  const comp = block("comprehension", outer.compIterExpr);
  stack.push(comp);
  iterTarget(first.target, comp);
  first.ifs.forEach((x) => visitExpr(x, stack));
  for (const g of rest) {
    iterTarget(g.target, comp);
    comp.compIterExpr++;
    visitExpr(g.iter, stack);
    comp.compIterExpr--;
    g.ifs.forEach((x) => visitExpr(x, stack));
  }
  elts.forEach((x) => visitExpr(x, stack));
  stack.pop();
}

/** Every name in a comprehension's `for` target becomes an iteration variable of that comprehension. */
function iterTarget(t: Expr, comp: Block): void {
  const names: Expr[] = [t];
  for (let x = names.shift(); x !== undefined; x = names.shift()) {
    if (x.kind === "Name") {
      if (comp.walrusTargets.has(x.id)) throw new NamedExprError(innerLoop(x.id), x.span);
      comp.iterVars.add(x.id);
    } else {
      const kids: Expr[] = [];
      children(x, (k) => {
        if (k !== null) kids.push(k);
      });
      names.unshift(...kids);
    }
  }
}

/** symtable_extend_namedexpr_scope: through the comprehensions to the scope that binds the name. */
function extendScope(name: string, span: Span, stack: Block[]): void {
  for (let i = stack.length - 1; i >= 0; i--) {
    const b = stack[i] as Block;
    if (b.kind === "comprehension") {
      if (b.iterVars.has(name)) throw new NamedExprError(rebindIterVar(name), span);
      continue;
    }
    if (b.kind === "class") throw new NamedExprError(IN_CLASS, span);
    top(stack).walrusTargets.add(name);
    return;
  }
}
