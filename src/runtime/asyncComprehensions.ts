// Async comprehensions (PEP 530) inside an async def: an `async for` clause
// iterates by awaiting __anext__, and an await in the element or a condition
// makes the comprehension async too. Their awaits run in place (coroutines.ts
// awaitSync); an async generator expression is not modelled.
import type { Comprehension, Expr } from "../python/ast.js";
import { asyncIterInPlace } from "./asyncGenerators.js";
import { PyException, PymemError } from "./errors.js";
import { hasAwait } from "./generators.js";
import type { PyObj, Scope } from "./objects.js";

type ComprehensionExpr = Expr & { readonly kind: "ListComp" | "SetComp" | "DictComp" | "GeneratorExp"; readonly generators: readonly Comprehension[] };

/** What the comprehension evaluates inside its own scope (all but the first iterable). */
function innerParts(e: ComprehensionExpr): unknown[] {
  const own: unknown[] = e.generators.flatMap((g, i) => (i === 0 ? [g.target, g.ifs] : [g.target, g.iter, g.ifs]));
  if (e.kind === "DictComp") own.push(e.key, e.value);
  else own.push(e.elt);
  return own;
}

/** Whether a comprehension is async: an `async for` clause, or an await of its own. */
function isAsyncComprehension(e: ComprehensionExpr): boolean {
  return e.generators.some((g) => g.isAsync) || hasAwait(innerParts(e));
}

/** Whether a node holds a comprehension (a nested scope the checks below look into). */
function nestedAsync(node: unknown): boolean {
  if (node === null || typeof node !== "object") return false;
  if (Array.isArray(node)) return node.some(nestedAsync);
  const k = (node as { kind?: string }).kind;
  if (k === "ListComp" || k === "SetComp" || k === "DictComp" || k === "GeneratorExp") {
    if (isAsyncComprehension(node as ComprehensionExpr)) return true;
  }
  if (k === "FunctionDef" || k === "ClassDef" || k === "Lambda") return false;
  for (const [key, v] of Object.entries(node)) if (key !== "span" && nestedAsync(v)) return true;
  return false;
}

/** The compiler's rules for a comprehension that may be async; refusals for the forms pymem does not run. */
export function checkAsyncComprehension(e: ComprehensionExpr, awaitContext: "none" | "function" | "async"): void {
  if (nestedAsync(innerParts(e))) throw new PymemError("UNSUPPORTED", "an async comprehension inside another comprehension", e.span);
  if (!isAsyncComprehension(e)) return;
  if (e.kind === "GeneratorExp") throw new PymemError("UNSUPPORTED", "an async generator expression", e.span);
  if (awaitContext !== "async") throw new PyException("SyntaxError", "asynchronous comprehension outside of an asynchronous function", e.span);
}

/** An `async for` clause's iterable as the iterator the comprehension loops over. */
export function inPlaceAsyncIter(iterable: (sc: Scope) => PyObj): (sc: Scope) => PyObj {
  return (sc) => asyncIterInPlace(iterable(sc));
}
