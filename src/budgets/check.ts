// Running budgets: measure each expression and compare its metric to the limit.
import type { Layout } from "../layouts/layout.js";
import type { EvalError } from "../runtime/evaluate.js";
import { measure } from "../sizing/measure.js";
import { joinSetup, type SetupPart } from "../setupParts.js";
import type { Budget } from "./config.js";

export type BudgetOutcome =
  | { readonly budget: Budget; readonly ok: true; readonly value: number; readonly passed: boolean }
  | { readonly budget: Budget; readonly ok: false; readonly error: EvalError };

/** Setup for a budget: the shared setup file, then the budget's own setup. */
export function budgetSetupParts(shared: SetupPart | null, budget: Budget): SetupPart[] {
  return [...(shared === null ? [] : [shared]), ...(budget.setup === null ? [] : [{ file: null, text: budget.setup }])];
}

export function runBudget(budget: Budget, layout: Layout, shared: SetupPart | null): BudgetOutcome {
  const r = measure({ expr: budget.expr, setup: joinSetup(budgetSetupParts(shared, budget)), layout });
  if (!r.ok) return { budget, ok: false, error: r.error };
  const value = budget.metric === "deep" ? r.m.deep : r.m.size;
  return { budget, ok: true, value, passed: value <= budget.limit.bytes };
}
