// Nesting check on a finished tree. Left-deep chains (`1+1+...`, `a.b.c...`)
// are built by loops, not recursion, so their depth is measured afterwards;
// evaluators can then recurse over any tree pymem accepts.
import type { Span } from "./ast.js";
import { MAX_NESTING } from "./syntaxError.js";

const EXPR_KINDS: ReadonlySet<string> = new Set([
  "Constant", "JoinedStr", "FormattedValue", "Name", "Starred", "List", "Tuple", "Set", "Dict",
  "ListComp", "SetComp", "GeneratorExp", "DictComp", "BinOp", "UnaryOp", "BoolOp", "Compare", "IfExp",
  "Lambda", "NamedExpr", "Call", "Attribute", "Subscript", "Slice", "Await", "Yield", "YieldFrom",
]);

/** The span of the first expression nested deeper than MAX_NESTING, or null. */
export function findTooDeep(root: unknown): Span | null {
  const nodes: unknown[] = [root];
  const depths: number[] = [0];
  while (nodes.length > 0) {
    const node = nodes.pop();
    let depth = depths.pop() ?? 0;
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) {
        nodes.push(node[i]);
        depths.push(depth);
      }
      continue;
    }
    if (typeof node !== "object" || node === null || node instanceof Uint8Array) continue;
    const record = node as Record<string, unknown>;
    const kind = record["kind"];
    if (typeof kind === "string" && "span" in record) {
      // statements restart the count: their nesting is bounded by indentation
      depth = EXPR_KINDS.has(kind) ? depth + 1 : 0;
      if (depth > MAX_NESTING) return record["span"] as Span;
      if (kind === "Constant") continue;
    }
    for (const key in record) {
      if (key === "span") continue;
      nodes.push(record[key]);
      depths.push(depth);
    }
  }
  return null;
}
