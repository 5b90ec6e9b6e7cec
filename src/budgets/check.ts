// Running budgets: measure each expression and compare its metric to the limit.
import type { Layout } from "../layouts/layout.js";
import type { EvalError } from "../runtime/evaluate.js";
import { measure, type MeasureResult } from "../sizing/measure.js";
import { resolve } from "node:path";
import { loadFile, loaderFor, type Loader } from "../load/loadFile.js";
import { joinSetup, type SetupPart } from "../setupParts.js";
import type { Budget } from "./config.js";

export type BudgetOutcome =
  | { readonly budget: Budget; readonly ok: true; readonly value: number; readonly passed: boolean }
  | { readonly budget: Budget; readonly ok: false; readonly error: EvalError };

/** Setup for a budget: the shared setup file, then the budget's own setup. */
export function budgetSetupParts(shared: SetupPart | null, budget: Budget): SetupPart[] {
  return [...(shared === null ? [] : [shared]), ...(budget.setup === null ? [] : [{ file: null, text: budget.setup }])];
}

/** A `load` budget's file under one version: the loader's figures, or its error with the file position in the message. */
function loadBudget(budget: Budget, load: NonNullable<Budget["load"]>, layout: Layout, baseDir: string): MeasureResult {
  const loader = (load.as as Loader | null) ?? loaderFor(load.path);
  if (loader === null) return { ok: false, error: { code: "CONFIG", pyType: null, message: `cannot tell how to load '${load.path}' from its name: give as = "json", "ndjson", "csv" or "csv-dicts"`, span: null, where: "expr" } };
  const r = loadFile(resolve(baseDir, load.path), loader, layout);
  if (r.ok) return r;
  const e = r.error;
  const at = e.line === null ? "" : ` (${load.path}:${e.line}:${e.column ?? 1})`;
  return { ok: false, error: { code: e.code, pyType: e.pyType, message: e.message + at, span: null, where: "expr" } };
}

export function runBudget(budget: Budget, layout: Layout, shared: SetupPart | null, timeoutS?: number, baseDir = "."): BudgetOutcome {
  const r = budget.load !== undefined ? loadBudget(budget, budget.load, layout, baseDir) : measure({ expr: budget.expr, setup: joinSetup(budgetSetupParts(shared, budget)), layout, ...(timeoutS === undefined ? {} : { timeoutS }) });
  if (!r.ok) return { budget, ok: false, error: r.error };
  const value = budget.metric === "deep" ? r.m.deep : r.m.size;
  return { budget, ok: true, value, passed: value <= budget.limit.bytes };
}
