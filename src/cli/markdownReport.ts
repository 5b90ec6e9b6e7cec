// `pymem check --reporter markdown`: the budgets as a GitHub-flavoured
// Markdown table (a job summary, a pull-request comment), with each budget's
// earlier value and the change when a baseline is given.
import type { BudgetOutcome } from "../budgets/check.js";
import { comparisonCells, type BaselineEntry, type BaselineView } from "../budgets/baseline.js";
import { formatInFamily } from "../budgets/limits.js";
import { errorMessage } from "./format.js";
import { failureMessage, outcomeLine } from "./budgetReport.js";
import { makeChalk } from "./style.js";

const TITLE = "### pymem: memory budgets";

/** Text in a table cell or list item: Markdown's punctuation escaped, one line. */
function md(s: string): string {
  return s.replace(/[\\`*_[\]<>|]/g, (ch) => `\\${ch}`).replace(/\r?\n/g, " ");
}

function statusCell(o: BudgetOutcome): string {
  if (!o.ok) return "❌ error";
  const delta = formatInFamily(Math.abs(o.value - o.budget.limit.bytes), o.budget.limit.family);
  return o.passed ? `✅ ${delta} left` : `❌ ${delta} over`;
}

function removedRow(e: BaselineEntry, compared: boolean): string[] {
  const name = e.python === null ? e.name : `${e.name} (${e.python})`;
  const base = e.value === null ? "error" : formatInFamily(e.value, "bytes");
  return [md(name), md(e.metric), "—", ...(compared ? [base, "removed"] : []), "—", ""];
}

export function markdownBudgetReport(outcomes: readonly BudgetOutcome[], baseline: BaselineView | null): string {
  const compared = baseline !== null;
  const head = ["budget", "metric", "value", ...(compared ? ["base", "change"] : []), "limit", "status"];
  const align = [":--", ":--", "--:", ...(compared ? ["--:", "--:"] : []), "--:", ":--"];
  const rows = outcomes.map((o) => {
    const cmp = baseline === null ? [] : Object.values(comparisonCells(o, baseline));
    const value = o.ok ? formatInFamily(o.value, o.budget.limit.family) : "error";
    return [md(o.budget.name), o.budget.metric, value, ...cmp, formatInFamily(o.budget.limit.bytes, o.budget.limit.family), statusCell(o)];
  });
  if (baseline !== null) rows.push(...baseline.removed.map((e) => removedRow(e, true)));
  const line = (cells: readonly string[]): string => `| ${cells.join(" | ")} |`;
  const out = [TITLE, "", line(head), line(align), ...rows.map(line)];
  const bad = outcomes.filter((o) => !o.ok || !o.passed);
  if (bad.length > 0) out.push("");
  const plain = makeChalk(false);
  for (const o of bad) {
    const text = o.ok ? outcomeLine(o, plain, null).slice(`✖ ${o.budget.name}: `.length) : errorMessage(o.error);
    // The message is the project's own words, Markdown allowed (a link to its docs).
    const message = failureMessage(o);
    out.push(`- **${md(o.budget.name)}**: ${md(text)}${message === null ? "" : `<br>${message.split(/\r?\n/).join("<br>")}`}`);
  }
  const passed = outcomes.filter((o) => o.ok && o.passed).length;
  out.push("", `${passed} of ${outcomes.length} budget${outcomes.length === 1 ? "" : "s"} within limits`);
  return out.join("\n") + "\n";
}

/** The budgets could not be read: the report says so, for a summary or comment that would otherwise be missing. */
export function markdownConfigErrorReport(message: string): string {
  return [TITLE, "", "pymem could not check the budgets:", "", "```", message, "```", ""].join("\n");
}
