// Reporting budget outcomes: the human table and failure lines, JSON, JUnit
// XML, and GitHub Actions annotations. All budget message text lives here.
import type { BudgetOutcome } from "../budgets/check.js";
import { comparisonCells, type BaselineView } from "../budgets/baseline.js";
import { formatInFamily } from "../budgets/limits.js";
import { errorMessage, placeLines, type ErrorPlace } from "./format.js";
import { makeChalk, type Chalk } from "./style.js";
import { fitTable } from "./tableFit.js";

function amounts(o: Extract<BudgetOutcome, { ok: true }>): { value: string; limit: string; delta: string; pct: string } {
  const fam = o.budget.limit.family;
  const diff = o.value - o.budget.limit.bytes;
  const pct = o.budget.limit.bytes === 0 ? "" : ` (${((100 * Math.abs(diff)) / o.budget.limit.bytes).toFixed(1)}%)`;
  return {
    value: formatInFamily(o.value, fam),
    limit: formatInFamily(o.budget.limit.bytes, fam),
    delta: formatInFamily(Math.abs(diff), fam),
    pct,
  };
}

/** Where budgets and their errors are, as a person reading the report names them. */
export interface BudgetPlaces {
  /** The budget's table in the config (`pyproject.toml:13`), or null. */
  readonly budget: (o: BudgetOutcome) => string | null;
  /** Where a failing budget's error points: the setup file, `<setup>` or `<expr>`. */
  readonly error: (o: BudgetOutcome) => ErrorPlace | null;
}

/** One line per budget: the same line `pymem size --max` prints. */
export function outcomeLine(o: BudgetOutcome, c: Chalk, where: string | null): string {
  const loc = where === null ? "" : c.dim(` (${where})`);
  if (!o.ok) return `${c.red("✖")} ${c.bold(o.budget.name)}: ${errorMessage(o.error)}${loc}`;
  const a = amounts(o);
  const metric = o.budget.metric === "deep" ? "deep size" : "size";
  if (o.passed) return `${c.green("✔")} ${c.bold(o.budget.name)}: ${metric} ${a.value} is within ${a.limit}, ${a.delta} to spare${loc}`;
  return `${c.red("✖")} ${c.bold(o.budget.name)}: ${metric} ${a.value} is ${c.red(`${a.delta}${a.pct} over`)} the limit of ${a.limit}${loc}`;
}

/** The budget's own `message`, when it failed and has one. */
export function failureMessage(o: BudgetOutcome): string | null {
  return (!o.ok || !o.passed) && o.budget.message !== undefined ? o.budget.message : null;
}

/** The failure line, then the budget's message on the next line. */
function failureText(o: BudgetOutcome, where: string | null): string {
  const message = failureMessage(o);
  return outcomeLine(o, makeChalk(false), where).replace(/^\u2716 /, "") + (message === null ? "" : `\n${message}`);
}

/** The human report; its table fits `width` columns (the terminal's; null: no limit) by shortening budget names. */
export function humanBudgetReport(outcomes: readonly BudgetOutcome[], c: Chalk, hidePassed: boolean, places: BudgetPlaces, baseline: BaselineView | null = null, width: number | null = null): string {
  const shown = outcomes.filter((o) => !hidePassed || !o.ok || !o.passed);
  const compared = baseline === null ? [] : ["base", "change"];
  const table: string[][] = [];
  for (const o of shown) {
    const cmp = baseline === null ? [] : Object.values(comparisonCells(o, baseline)).map((s) => c.dim(s));
    if (!o.ok) {
      table.push([o.budget.name, o.budget.metric, c.red("error"), ...cmp, formatInFamily(o.budget.limit.bytes, o.budget.limit.family), "", c.red("✖")]);
      continue;
    }
    const a = amounts(o);
    table.push([
      o.budget.name,
      o.budget.metric,
      a.value,
      ...cmp,
      a.limit,
      o.passed ? c.green(`${a.delta} left`) : c.red(`${a.delta} over`),
      o.passed ? c.green("✔") : c.red("✖"),
    ]);
  }
  const lines: string[] = [];
  if (shown.length > 0) {
    const head = ["budget", "metric", "value", ...compared, "limit", "headroom / excess", ""].map((h) => c.bold(h));
    const colAligns = ["left", "left", "right", ...compared.map(() => "right" as const), "right", "right", "center"] as const;
    lines.push(fitTable({ head, colAligns: [...colAligns], rows: table, shrink: 0, width }));
  }
  const bad = outcomes.filter((o) => !o.ok || !o.passed);
  for (const o of bad) {
    lines.push(outcomeLine(o, c, places.budget(o)));
    const message = failureMessage(o);
    if (message !== null) lines.push(...message.split("\n").map((l) => `  ${c.yellow(l)}`));
    const place = places.error(o);
    if (place !== null) lines.push(...placeLines(place, c).map((l) => `  ${l}`));
  }
  if (bad.some((o) => o.ok)) {
    lines.push(c.dim("  hint: make the value smaller (tuples or __slots__ instead of dicts, array.array for numbers), or raise its `max` in [[tool.pymem.budgets]]"));
  }
  const passed = outcomes.filter((o) => o.ok && o.passed).length;
  lines.push(`${passed} of ${outcomes.length} budget${outcomes.length === 1 ? "" : "s"} within limits`);
  return lines.join("\n") + "\n";
}

/** The version a budget was checked against, in the JSON report, when the config names several. */
function pythonOf(o: BudgetOutcome): { python?: string } {
  return o.budget.python === undefined ? {} : { python: o.budget.python };
}

/** With a baseline: `base`, the earlier value in bytes (null: new, or an error then). With a failure: the budget's `message`. */
function extras(o: BudgetOutcome, baseline: BaselineView | null): { base?: number | null; message?: string } {
  const message = failureMessage(o);
  return { ...(baseline === null ? {} : { base: baseline.base(o)?.value ?? null }), ...(message === null ? {} : { message }) };
}

export function jsonBudgetReport(outcomes: readonly BudgetOutcome[], places: BudgetPlaces, baseline: BaselineView | null = null): string {
  return (
    JSON.stringify(
      outcomes.map((o) => {
        if (o.ok) return { name: o.budget.name, ...pythonOf(o), expr: o.budget.expr, metric: o.budget.metric, value: o.value, limit: o.budget.limit.bytes, passed: o.passed, ...extras(o, baseline) };
        const place = places.error(o);
        return {
          name: o.budget.name, ...pythonOf(o), expr: o.budget.expr, metric: o.budget.metric, value: null, limit: o.budget.limit.bytes, passed: false, ...extras(o, baseline),
          error: {
            code: o.error.code, message: errorMessage(o.error), line: place?.line ?? null, column: place?.col ?? null, in: o.error.where,
            ...(place !== null && place.file !== null ? { file: place.file } : {}),
          },
        };
      }),
    ) + "\n"
  );
}

function xml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** An attribute value keeps its line breaks only as character references. */
function xmlAttr(s: string): string {
  return xml(s).replace(/\n/g, "&#10;").replace(/\r/g, "&#13;").replace(/\t/g, "&#9;");
}

function junitDocument(cases: readonly string[], tests: number, failures: number, errors: number): string {
  const counts = `tests="${tests}" failures="${failures}" errors="${errors}"`;
  return ['<?xml version="1.0" encoding="UTF-8"?>', `<testsuites name="pymem" ${counts}>`, `  <testsuite name="pymem budgets" ${counts}>`, ...cases, "  </testsuite>", "</testsuites>", ""].join("\n");
}

export function junitBudgetReport(outcomes: readonly BudgetOutcome[], places: BudgetPlaces): string {
  const failures = outcomes.filter((o) => o.ok && !o.passed).length;
  const errors = outcomes.filter((o) => !o.ok).length;
  const cases = outcomes.map((o) => {
    const head = `    <testcase classname="pymem.budgets" name="${xmlAttr(o.budget.name)}">`;
    if (o.ok && o.passed) return `    <testcase classname="pymem.budgets" name="${xmlAttr(o.budget.name)}"/>`;
    const place = places.error(o);
    const line = xmlAttr(failureText(o, place === null ? null : `${place.label}:${place.line}:${place.col}`));
    const tag = o.ok ? "failure" : "error";
    return `${head}\n      <${tag} message="${line}">${xml(o.budget.expr)}</${tag}>\n    </testcase>`;
  });
  return junitDocument(cases, outcomes.length, failures, errors);
}

/** The budgets could not be read: a report with that one error, for CI systems that only look at the report. */
export function junitConfigErrorReport(message: string): string {
  const testcase = [
    '    <testcase classname="pymem.budgets" name="configuration">',
    `      <error type="CONFIG" message="${xmlAttr(message)}">${xml(message)}</error>`,
    "    </testcase>",
  ].join("\n");
  return junitDocument([testcase], 1, 0, 1);
}

export function jsonConfigErrorReport(message: string): string {
  return JSON.stringify({ error: { code: "CONFIG", message, line: null, column: null } }) + "\n";
}

/** One workflow command: `::error file=…,line=…,title=…::message`. */
export interface Annotation {
  readonly file: string;
  readonly line: number | null;
  readonly col?: number | null;
  readonly title?: string;
  readonly message: string;
}

function annotationLine(a: Annotation): string {
  const esc = (s: string): string => s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  const prop = (s: string): string => esc(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
  const props = [`file=${prop(a.file)}`];
  if (a.line !== null) props.push(`line=${a.line}`);
  if (a.line !== null && a.col !== undefined && a.col !== null) props.push(`col=${a.col}`);
  if (a.title !== undefined) props.push(`title=${prop(a.title)}`);
  return `::error ${props.join(",")}::${esc(a.message)}\n`;
}

export function configAnnotations(annotations: readonly Annotation[]): string {
  return annotations.map((a) => annotationLine({ title: "pymem configuration", ...a })).join("");
}

/** An annotation for each budget over its limit or failing, at the place `locate` gives (the budget's line, or its error's). */
export function githubAnnotations(outcomes: readonly BudgetOutcome[], locate: (o: BudgetOutcome) => Pick<Annotation, "file" | "line" | "col">): string {
  return outcomes
    .filter((o) => !o.ok || !o.passed)
    .map((o) =>
      annotationLine({
        ...locate(o),
        title: o.ok ? `pymem budget "${o.budget.name}" exceeded` : `pymem budget "${o.budget.name}" failed`,
        message: failureText(o, null),
      }),
    )
    .join("");
}
