// Grammar an older CPython does not accept, checked on a finished tree: pymem's
// parser takes 3.10's grammar, and a layout whose rules say a construct came
// later turns it into that version's "invalid syntax". The tree is the same
// with or without the parentheses these rules hinge on, so the source text
// around a node tells them apart.
import type { Expr, Span, Stmt } from "./ast.js";
import { children, stmtBodies, stmtExprs } from "./astDepth.js";

export interface GrammarRules {
  /** PEP 614: any expression after `@`; before, a dotted name with an optional call. */
  readonly relaxedDecorators: boolean;
  /** `for x in *a, *b:`: an unparenthesized starred iterable. */
  readonly starredForIterable: boolean;
  /** `{x := 1, 2}`: an unparenthesized := in a set display. */
  readonly walrusInSetDisplay: boolean;
  /** `a[x := 0]`: an unparenthesized := as (or in) a subscript. */
  readonly walrusInSubscript: boolean;
}

/** The first construct of `root` the rules leave out, or null. */
export function findLaterGrammar(source: string, root: Expr | readonly Stmt[], rules: GrammarRules): Span | null {
  if (rules.relaxedDecorators && rules.starredForIterable && rules.walrusInSetDisplay && rules.walrusInSubscript) return null;
  const lines = source.split(/\r\n|\r|\n/).map((l) => Array.from(l));
  /** The last non-blank character before `span` on its line (spans are 1-based code point columns). */
  const before = (span: Span): string => {
    const line = lines[span.line - 1] ?? [];
    for (let i = span.col - 2; i >= 0; i--) if (line[i] !== " " && line[i] !== "\t") return line[i] as string;
    return "";
  };
  const at = (span: Span): string => lines[span.line - 1]?.[span.col - 1] ?? "";
  const bareWalrus = (e: Expr): boolean => e.kind === "NamedExpr" && before(e.span) !== "(";

  const checkExpr = (root: Expr): Span | null => {
    const stack: Expr[] = [root];
    for (let e = stack.pop(); e !== undefined; e = stack.pop()) {
      if (!rules.walrusInSubscript && e.kind === "Subscript") {
        const parts = e.slice.kind === "Tuple" && at(e.slice.span) !== "(" ? e.slice.elts : [e.slice];
        const bad = parts.find(bareWalrus);
        if (bad !== undefined) return bad.span;
      }
      if (!rules.walrusInSetDisplay && e.kind === "Set") {
        const bad = e.elts.find(bareWalrus);
        if (bad !== undefined) return bad.span;
      }
      children(e, (c) => {
        if (c !== null) stack.push(c);
      });
    }
    return null;
  };

  /** decorator: '@' dotted_name [ '(' [arglist] ')' ] NEWLINE, with no parentheses around the name. */
  const dottedDecorator = (d: Expr): boolean => {
    let e = d.kind === "Call" ? d.func : d;
    while (e.kind === "Attribute") e = e.value;
    return e.kind === "Name" && before(e.span) === "@";
  };

  const checkStmts = (stmts: readonly Stmt[]): Span | null => {
    for (const s of stmts) {
      if (!rules.relaxedDecorators && (s.kind === "FunctionDef" || s.kind === "ClassDef")) {
        const bad = s.decorators.find((d) => !dottedDecorator(d));
        if (bad !== undefined) return bad.span;
      }
      if (!rules.starredForIterable && s.kind === "For" && s.iter.kind === "Tuple" && at(s.iter.span) !== "(" && s.iter.elts.some((x) => x.kind === "Starred")) {
        return s.iter.span;
      }
      for (const e of stmtExprs(s)) {
        const found = checkExpr(e);
        if (found !== null) return found;
      }
      for (const body of stmtBodies(s)) {
        const found = checkStmts(body);
        if (found !== null) return found;
      }
    }
    return null;
  };

  return Array.isArray(root) ? checkStmts(root as readonly Stmt[]) : checkExpr(root as Expr);
}
