// Two reporters behind one interface: a human table and JSON lines. Both get
// the same rows; only they decide how a row looks.
import { groupDigits } from "./format.js";
import Table from "cli-table3";
import { measuredErrorPlace, sizeObject } from "../api/sizeObject.js";
import { loadObject } from "../api/loadRows.js";
import type { Measured } from "../api/sizeRows.js";
import type { Io } from "./io.js";
import type { Chalk } from "./style.js";
import { fitTable, shortenMiddle, terminalWidth } from "./tableFit.js";
import { errorMessage, formatBytes, placeLines, type ErrorPlace } from "./format.js";

/** A measured row, with `--max`: the limit in bytes, the metric checked, and whether the value is within it. */
export interface Row extends Measured {
  readonly budget?: { readonly limit: number; readonly metric: "deep" | "size"; readonly passed: boolean; readonly line: string };
}

export interface Reporter {
  report(rows: readonly Row[]): void;
}

/** Where a row's error points: into the expression, or the setup (file) it came from. */
export const rowErrorPlace: (row: Row) => ErrorPlace | null = measuredErrorPlace;

/** The JSON object of one row: the library's object (src/api/sizeObject.ts), and the budget's fields under --max. */
export function jsonObject(row: Row): Record<string, unknown> {
  const b = row.budget;
  if (row.file !== undefined) return { ...loadObject(row) };
  return { ...sizeObject(row), ...(b !== undefined ? { metric: b.metric, limit: b.limit, passed: b.passed } : {}) };
}

export function jsonLine(row: Row): string {
  return JSON.stringify(jsonObject(row));
}

export class JsonReporter implements Reporter {
  constructor(private readonly io: Io) {}

  report(rows: readonly Row[]): void {
    for (const row of rows) this.io.stdout.write(jsonLine(row) + "\n");
  }
}

/** Without a terminal to fit, an expression column stays this narrow. */
const PIPE_EXPR_WIDTH = 48;

/**
 * The terminal's width, or null; and an expression as a line shows it: without a terminal at most
 * `pipeMax` columns; on one, in what the line leaves it (`reserved` columns taken by the rest), or
 * whole in a table cell, which the table's fit shortens.
 */
function exprCells(io: Io): { readonly width: number | null; readonly cell: (expr: string, pipeMax?: number, reserved?: number) => string } {
  const width = terminalWidth(io);
  return {
    width,
    cell: (expr, pipeMax = PIPE_EXPR_WIDTH, reserved) => shortenMiddle(expr, width === null ? pipeMax : reserved === undefined ? Infinity : Math.max(12, width - reserved)),
  };
}

export class HumanReporter implements Reporter {
  constructor(
    private readonly io: Io,
    private readonly c: Chalk,
  ) {}

  /**
   * Several versions: one line per expression, a size and deep column per version, each later
   * version with its change against the first ("-8" fewer bytes).
   */
  private versionsTable(rows: readonly Row[], versions: readonly string[]): string {
    const c = this.c;
    const head = [rows[0]?.file === undefined ? "expression" : "file", "type", ...versions.flatMap((v) => [`size ${v}`, `deep ${v}`])];
    const { width, cell } = exprCells(this.io);
    const body: string[][] = [];
    const change = (n: number, base: number | undefined): string => (base === undefined || n === base ? "" : c.dim(` (${n > base ? "+" : "−"}${groupDigits(Math.abs(n - base))})`));
    const exprs = [...new Set(rows.map((r) => r.expr))];
    for (const expr of exprs) {
      const mine = rows.filter((r) => r.expr === expr);
      const first = mine.find((r) => r.python === versions[0]);
      const base = first?.result.ok === true ? first.result.m : undefined;
      const type = mine.find((r) => r.result.ok);
      const cells = versions.flatMap((v) => {
        const r = mine.find((x) => x.python === v);
        if (r === undefined) return ["", ""];
        const res = r.result;
        if (!res.ok) return [c.red(res.error.code), ""];
        const m = res.m;
        return [c.cyan(formatBytes(m.size)) + change(m.size, base?.size), c.green(formatBytes(m.deep)) + change(m.deep, base?.deep)];
      });
      body.push([cell(expr), type !== undefined && type.result.ok ? type.result.m.type : "", ...cells]);
    }
    return fitTable({ head: head.map((h) => c.bold(h)), colAligns: ["left", "left", ...versions.flatMap(() => ["right", "right"] as const)], rows: body, shrink: 0, width });
  }

  report(rows: readonly Row[]): void {
    const c = this.c;
    const ok = rows.filter((r) => r.result.ok);
    const versions = [...new Set(rows.map((r) => r.python))];
    if (ok.length > 0 && versions.length > 1) this.io.stdout.write(this.versionsTable(rows, versions) + "\n");
    else if (ok.length > 0) {
      const { width, cell } = exprCells(this.io);
      const body: string[][] = [];
      for (const row of ok) {
        if (!row.result.ok) continue;
        const m = row.result.m;
        body.push([cell(row.expr), m.type, c.cyan(formatBytes(m.size)), c.green(formatBytes(m.deep)), groupDigits(m.objects)]);
      }
      const head = [ok[0]?.file === undefined ? "expression" : "file", "type", "size", "deep", "objects"].map((h) => c.bold(h));
      this.io.stdout.write(fitTable({ head, colAligns: ["left", "left", "right", "right", "right"], rows: body, shrink: 0, width }) + "\n");
      for (const row of ok) {
        if (!row.result.ok) continue;
        const m = row.result.m;
        const t = new Table({
          head: ["type", "count", "bytes", "share"].map((h) => c.bold(h)),
          colAligns: ["left", "right", "right", "right"],
          style: { head: [], border: [] },
        });
        const entries = [...m.breakdown.entries()].sort((a, b) => b[1].bytes - a[1].bytes || (a[0] < b[0] ? -1 : 1));
        for (const [name, tot] of entries) {
          const share = m.deep === 0 ? 0 : (100 * tot.bytes) / m.deep;
          t.push([name, groupDigits(tot.count), formatBytes(tot.bytes), `${share.toFixed(1)}%`]);
        }
        const of = versions.length > 1 ? `${cell(row.expr, 60, 30)} ${c.dim(`(${row.python})`)}` : cell(row.expr, 60, 22);
        this.io.stdout.write(`\n${c.bold("deep size by type")} ${c.dim("of")} ${of}\n${t.toString()}\n`);
      }
      const budgetLines = ok.flatMap((r) => (r.budget === undefined ? [] : [r.budget.line]));
      if (budgetLines.length > 0) this.io.stdout.write("\n" + budgetLines.join("\n") + "\n");
    }
    for (const row of rows) {
      if (row.result.ok) continue;
      const e = row.result.error;
      const lines = [`${c.red.bold(`error[${e.code}]`)}: ${errorMessage(e)}`];
      const place = rowErrorPlace(row);
      if (place !== null) {
        lines.push(...placeLines(place, c).map((l) => `  ${l}`));
      } else {
        lines.push(`  ${c.dim("in")} ${exprCells(this.io).cell(row.expr, 70, 6)}`);
      }
      this.io.stderr.write(lines.join("\n") + "\n");
    }
  }
}
