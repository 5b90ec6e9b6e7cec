// Assignment/deletion target checks, mirroring _PyPegen_get_invalid_target and
// _PyPegen_get_expr_name so messages read exactly like CPython 3.10's.
import type { Expr } from "./ast.js";

export type TargetsType = "star" | "del" | "for";

/** How CPython names an expression in "cannot assign to %s". */
export function exprName(e: Expr): string {
  switch (e.kind) {
    case "Attribute":
      return "attribute";
    case "Subscript":
      return "subscript";
    case "Starred":
      return "starred";
    case "Name":
      return "name";
    case "List":
      return "list";
    case "Tuple":
      return "tuple";
    case "Lambda":
      return "lambda";
    case "Call":
      return "function call";
    case "BoolOp":
    case "BinOp":
    case "UnaryOp":
      return "expression";
    case "GeneratorExp":
      return "generator expression";
    case "Yield":
    case "YieldFrom":
      return "yield expression";
    case "Await":
      return "await expression";
    case "ListComp":
      return "list comprehension";
    case "SetComp":
      return "set comprehension";
    case "DictComp":
      return "dict comprehension";
    case "Dict":
      return "dict literal";
    case "Set":
      return "set display";
    case "JoinedStr":
    case "FormattedValue":
      return "f-string expression";
    case "Constant":
      switch (e.value.t) {
        case "None":
          return "None";
        case "bool":
          return e.value.v ? "True" : "False";
        case "Ellipsis":
          return "ellipsis";
        default:
          return "literal";
      }
    case "Compare":
      return "comparison";
    case "IfExp":
      return "conditional expression";
    case "NamedExpr":
      return "named expression";
    case "Slice":
      return "slice";
  }
}

/** The first sub-expression that cannot be a target, or null if `e` is a valid target. */
export function invalidTarget(e: Expr, type: TargetsType): Expr | null {
  switch (e.kind) {
    case "List":
    case "Tuple":
      for (const elt of e.elts) {
        const bad = invalidTarget(elt, type);
        if (bad) return bad;
      }
      return null;
    case "Starred":
      return type === "del" ? e : invalidTarget(e.value, type);
    case "Compare":
      // `for a in b` parsed as a comparison: only its left side is the target
      if (type === "for") return e.ops[0] === "In" ? invalidTarget(e.left, type) : null;
      return e;
    case "Name":
    case "Subscript":
    case "Attribute":
      return null;
    default:
      return e;
  }
}

/** The message RAISE_SYNTAX_ERROR_INVALID_TARGET uses for a bad target. */
export function invalidTargetMessage(bad: Expr, type: TargetsType): string {
  return `${type === "del" ? "cannot delete" : "cannot assign to"} ${exprName(bad)}`;
}

/** single_target: a name, attribute or subscript, possibly parenthesized. */
export function isSingleTarget(e: Expr): boolean {
  return e.kind === "Name" || e.kind === "Attribute" || e.kind === "Subscript";
}
