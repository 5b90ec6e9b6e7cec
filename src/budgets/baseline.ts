// A baseline: an earlier `pymem check --json` report, read back so that each
// budget can be shown with its value then and the change since.
import type { BudgetOutcome } from "./check.js";
import { formatInFamily } from "./limits.js";

/** One budget of the earlier report. */
export interface BaselineEntry {
  /** The budget's name as written in pyproject.toml (without the " (3.10)" a multi-version run adds). */
  readonly name: string;
  /** The version it ran on, when the earlier run named it (several versions); else null. */
  readonly python: string | null;
  readonly metric: string;
  /** Bytes, or null when the budget failed with an error then. */
  readonly value: number | null;
}

export type Baseline =
  | { readonly ok: true; readonly entries: readonly BaselineEntry[]; readonly note: string | null }
  | { readonly ok: false; readonly message: string };

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** A multi-version report names a budget `point (3.10)`: the name in the config is `point`. */
function configName(name: string, python: string | null): string {
  const suffix = python === null ? "" : ` (${python})`;
  return suffix !== "" && name.endsWith(suffix) ? name.slice(0, -suffix.length) : name;
}

/** Reads the text of a `pymem check --json` report. A report of a failed configuration is a baseline without budgets. */
export function parseBaseline(text: string): Baseline {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    return { ok: false, message: "is not JSON: give the output of `pymem check --json`" };
  }
  if (isRecord(doc) && isRecord(doc["error"])) {
    const why = typeof doc["error"]["message"] === "string" ? doc["error"]["message"] : "its check failed";
    return { ok: true, entries: [], note: `holds no budgets (${why.split("\n")[0] ?? ""}): every budget is new` };
  }
  if (!Array.isArray(doc)) return { ok: false, message: "is not a `pymem check --json` report (a JSON array of budgets)" };
  const entries: BaselineEntry[] = [];
  for (const [i, item] of doc.entries()) {
    if (!isRecord(item) || typeof item["name"] !== "string" || typeof item["metric"] !== "string" || !(typeof item["value"] === "number" || item["value"] === null)) {
      return { ok: false, message: `is not a \`pymem check --json\` report: item ${i} lacks a name, metric or value` };
    }
    const python = typeof item["python"] === "string" ? item["python"] : null;
    entries.push({ name: configName(item["name"], python), python, metric: item["metric"], value: item["value"] });
  }
  return { ok: true, entries, note: null };
}

/** A budget outcome's identity for matching: its config name and the version it ran on. */
export function outcomeKey(o: BudgetOutcome, defaultPython: string): { readonly name: string; readonly python: string } {
  const python = o.budget.python ?? defaultPython;
  return { name: o.budget.python === undefined ? o.budget.name : configName(o.budget.name, python), python };
}

/**
 * The earlier entry of a budget: same name, same metric (else the values do not compare) and same
 * version. A single-version report does not say its version: its entries match only the budgets
 * of a single-version run, as the one version of each run.
 */
export function baselineEntry(entries: readonly BaselineEntry[], o: BudgetOutcome, defaultPython: string): BaselineEntry | null {
  const key = outcomeKey(o, defaultPython);
  const named = entries.filter((e) => e.name === key.name && e.metric === o.budget.metric);
  return named.find((e) => e.python === key.python) ?? (o.budget.python === undefined ? named.find((e) => e.python === null) : undefined) ?? null;
}

/** Entries no current budget matched: budgets removed (or renamed) since. */
export function removedEntries(entries: readonly BaselineEntry[], outcomes: readonly BudgetOutcome[], defaultPython: string): BaselineEntry[] {
  const used = new Set(outcomes.map((o) => baselineEntry(entries, o, defaultPython)));
  return entries.filter((e) => !used.has(e));
}

/** The change from `base` to `value` as people read it: "+12.5%", "−3.0%", "0.0%"; from 0, the bytes ("+56 B"). */
export function changeText(value: number, base: number): string {
  if (base === 0) return value === 0 ? "0.0%" : `+${value} B`;
  const pct = (100 * (value - base)) / base;
  const shown = Math.abs(pct).toFixed(1);
  if (value === base) return "0.0%";
  return `${value > base ? "+" : "−"}${shown}%`;
}

/** How reports see the baseline: each budget's earlier entry (null: new), and the budgets gone since. */
export interface BaselineView {
  readonly base: (o: BudgetOutcome) => BaselineEntry | null;
  readonly removed: readonly BaselineEntry[];
}

export function baselineView(entries: readonly BaselineEntry[], outcomes: readonly BudgetOutcome[], defaultPython: string): BaselineView {
  return { base: (o) => baselineEntry(entries, o, defaultPython), removed: removedEntries(entries, outcomes, defaultPython) };
}

/** A budget's `base` and `change` cells: "—" and "new" when the baseline lacks it. */
export function comparisonCells(o: BudgetOutcome, view: BaselineView): { readonly base: string; readonly change: string } {
  const e = view.base(o);
  if (e === null) return { base: "—", change: "new" };
  if (e.value === null) return { base: "error", change: "" };
  return { base: formatInFamily(e.value, o.budget.limit.family), change: o.ok ? changeText(o.value, e.value) : "" };
}
