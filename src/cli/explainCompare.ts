// `pymem explain` (where each byte goes) and `pymem compare` (alternatives side by side).
import { groupDigits } from "./format.js";
import Table from "cli-table3";
import type { Explanation } from "../sizing/explain.js";
import { measure, type Measurement, type MeasureResult } from "../sizing/measure.js";
import { resolveVersions, type CommonOptions } from "./common.js";
import type { Layout } from "../layouts/layout.js";
import { errorMessage, formatBytes, placeLines } from "./format.js";
import { progressLine } from "./progress.js";
import { CliError, type Io } from "./io.js";
import { HumanReporter, jsonLine, jsonObject, rowErrorPlace } from "./reporters.js";
import type { Chalk } from "./style.js";
import { fitTable, terminalWidth } from "./tableFit.js";

/** The value's struct, field by field; the C type and value columns give up width to fit the terminal. */
function structTable(e: Explanation, c: Chalk, width: number | null): string {
  // No struct table fits: say so rather than print rows that do not add up.
  if (e.unsupported !== undefined) return `${c.bold(e.struct)} ${c.dim(`(${e.type})`)}\n  getsizeof ${e.total}: explain cannot lay it out (${e.unsupported})`;
  const rows = e.rows.map((r) => [r.field, c.dim(r.ctype), r.offset === null ? c.dim("separate") : String(r.offset), String(r.size), r.value ?? ""]);
  rows.push([c.bold("total"), "", "", c.bold(String(e.total)), c.dim("= sys.getsizeof")]);
  const t = fitTable({ head: ["field", "C type", "offset", "size", "value"].map((h) => c.bold(h)), colAligns: ["left", "left", "right", "right", "left"], rows, shrink: [1, 4], width });
  return `${c.bold(e.struct)} ${c.dim(`(${e.type})`)}\n${t}`;
}

function deepLine(m: Measurement): string {
  const parts = [...m.breakdown.entries()]
    .sort((a, b) => b[1].bytes - a[1].bytes)
    .map(([name, t]) => (t.count === 1 ? `${t.bytes} (${name})` : `${t.count} × ${name} ${t.bytes / t.count === Math.round(t.bytes / t.count) ? t.bytes / t.count : `(${t.bytes} bytes)`}`));
  return `deep ${m.deep} = ${parts.join(" + ")} over ${m.objects} object${m.objects === 1 ? "" : "s"}`;
}

export async function explainCommand(io: Io, expr: string, opts: CommonOptions & { deep?: boolean }): Promise<number> {
  const { layouts, setup, setupFile, c, timeoutS } = await resolveVersions(io, opts);
  const json = opts.json === true;
  // Each version measured once: its explanation serves the side-by-side table and its own.
  const results = layouts.map((layout) => {
    const progress = progressLine(io, expr);
    const r = measure({ expr, setup, layout, timeoutS, explain: opts.deep === true ? "deep" : "value", ...progress.options });
    progress.finish();
    return r;
  });
  if (layouts.length > 1 && !json) {
    // The value's struct in every version side by side, then each version's explanation in full.
    const side = sideBySide(layouts, results, c);
    if (side !== null) io.stdout.write(side + "\n\n");
  }
  let status = 0;
  for (const [i, layout] of layouts.entries()) {
    // Several versions: each explanation under its own heading, one after the other.
    if (layouts.length > 1 && !json) io.stdout.write(`${i > 0 ? "\n" : ""}${c.bold(`CPython ${layout.python}`)}\n`);
    status = Math.max(status, explainOne(io, expr, layout, results[i] as MeasureResult, setup, setupFile, c, json));
  }
  return status;
}

/**
 * One table of the value's struct members under each version: a row per member (matched by name
 * and occurrence), its size in each version, "—" where a version has no such member.
 */
function sideBySide(layouts: readonly Layout[], results: readonly MeasureResult[], c: Chalk): string | null {
  const exps = results.map((r) => (r.ok ? (r.m.explanations ?? [])[0] : undefined));
  if (exps.some((e) => e === undefined || e.unsupported !== undefined)) return null;
  const keyed = (e: Explanation): Map<string, { ctype: string; size: number }> => {
    const seen = new Map<string, number>();
    const out = new Map<string, { ctype: string; size: number }>();
    for (const r of e.rows) {
      const n = (seen.get(r.field) ?? 0) + 1;
      seen.set(r.field, n);
      out.set(n === 1 ? r.field : `${r.field} #${n}`, { ctype: r.ctype, size: r.size });
    }
    return out;
  };
  const maps = (exps as Explanation[]).map(keyed);
  // Every member in order: the first version's, then what later versions add, after their predecessor.
  const order: string[] = [];
  for (const m of maps) {
    let at = -1;
    for (const k of m.keys()) {
      const i = order.indexOf(k);
      if (i >= 0) at = i;
      else order.splice(++at, 0, k);
    }
  }
  const t = new Table({
    head: ["field", "C type", ...layouts.map((l) => `size ${l.python}`)].map((h) => c.bold(h)),
    colAligns: ["left", "left", ...layouts.map(() => "right" as const)],
    style: { head: [], border: [] },
  });
  for (const k of order) {
    const ctype = [...new Set(maps.flatMap((m) => (m.has(k) ? [m.get(k)?.ctype ?? ""] : [])))].join(" / ");
    t.push([k.replace(/ #\d+$/, ""), c.dim(ctype), ...maps.map((m) => (m.has(k) ? String(m.get(k)?.size) : c.dim("—")))]);
  }
  t.push([c.bold("total"), c.dim("= sys.getsizeof"), ...(exps as Explanation[]).map((e) => c.bold(String(e.total)))]);
  const names = [...new Set((exps as Explanation[]).map((e) => e.struct))].join(" / ");
  return `${c.bold(names)} ${c.dim("in")} ${layouts.map((l) => `CPython ${l.python}`).join(", ")}\n${t.toString()}`;
}

function explainOne(io: Io, expr: string, layout: Layout, r: MeasureResult, setup: string | null, setupFile: string | null, c: Chalk, json: boolean): number {
  const row = { expr, python: layout.python, setup, setupFile, result: r };
  if (!r.ok) {
    if (json) io.stdout.write(jsonLine(row) + "\n");
    else new HumanReporter(io, c).report([row]);
    return 2;
  }
  const ex = r.m.explanations ?? [];
  if (json) {
    const base = jsonObject(row);
    io.stdout.write(JSON.stringify({ ...base, explain: ex }) + "\n");
    return 0;
  }
  const out: string[] = [];
  ex.forEach((e, i) => {
    if (i === 1) out.push(c.bold("\nthe other types reached:"));
    out.push(structTable(e, c, terminalWidth(io)));
  });
  out.push("", deepLine(r.m));
  const t = new Table({ head: ["type", "count", "bytes"].map((h) => c.bold(h)), colAligns: ["left", "right", "right"], style: { head: [], border: [] } });
  for (const [name, tot] of [...r.m.breakdown.entries()].sort((a, b) => b[1].bytes - a[1].bytes)) t.push([name, groupDigits(tot.count), formatBytes(tot.bytes)]);
  out.push(t.toString());
  io.stdout.write(out.join("\n") + "\n");
  return 0;
}

export async function compareCommand(io: Io, exprs: string[], opts: CommonOptions & { count?: string }): Promise<number> {
  const { layouts, setup, setupFile, c, timeoutS } = await resolveVersions(io, opts);
  if (exprs.length < 1) throw new CliError("compare needs at least one expression: pymem compare EXPR EXPR...");
  const count = opts.count === undefined ? 1 : Number(opts.count);
  if (!Number.isSafeInteger(count) || count < 1) throw new CliError(`--count must be a positive integer, not '${opts.count}'`, 2, "CONFIG");
  let status = 0;
  for (const [i, layout] of layouts.entries()) {
    // Several versions: one comparison per version (its first expression the baseline), each under its heading.
    if (layouts.length > 1 && opts.json !== true) io.stdout.write(`${i > 0 ? "\n" : ""}${c.bold(`CPython ${layout.python}`)}\n`);
    status = Math.max(status, compareOne(io, exprs, layout, setup, setupFile, c, timeoutS, count, opts.json === true));
  }
  return status;
}

function compareOne(io: Io, exprs: string[], layout: Layout, setup: string | null, setupFile: string | null, c: Chalk, timeoutS: number, count: number, json: boolean): number {
  const rows = exprs.map((expr) => {
    const progress = progressLine(io, expr);
    const result = measure({ expr, setup, layout, timeoutS, ...progress.options });
    progress.finish();
    return { expr, python: layout.python, setup, setupFile, result };
  });
  const failed = rows.filter((r) => !r.result.ok);
  const first = rows[0]?.result;
  const baseDeep = first !== undefined && first.ok ? first.m.deep : null;
  if (json) {
    for (const row of rows) {
      const base = jsonObject(row);
      if (row.result.ok) {
        const d = row.result.m.deep;
        Object.assign(base, {
          count,
          sizeTimesCount: row.result.m.size * count,
          deepTimesCount: d * count,
          ...(baseDeep !== null ? { deepDifference: (d - baseDeep) * count, saving: baseDeep === 0 ? 0 : (baseDeep - d) / baseDeep } : {}),
        });
      }
      io.stdout.write(JSON.stringify(base) + "\n");
    }
    return failed.length > 0 ? 2 : 0;
  }
  const head = ["expression", "type", "size", "deep", "objects"];
  if (count > 1) head.push(`size × ${groupDigits(count)}`, `deep × ${groupDigits(count)}`);
  head.push("vs first", "saving");
  const body: string[][] = [];
  for (const [i, row] of rows.entries()) {
    if (!row.result.ok) {
      body.push([row.expr, c.red("error"), "", "", "", ...(count > 1 ? ["", ""] : []), "", ""]);
      continue;
    }
    const m = row.result.m;
    const diff = baseDeep === null ? null : (m.deep - baseDeep) * count;
    const saving = baseDeep === null || baseDeep === 0 ? null : (baseDeep - m.deep) / baseDeep;
    body.push([
      row.expr,
      m.type,
      formatBytes(m.size),
      formatBytes(m.deep),
      groupDigits(m.objects),
      ...(count > 1 ? [formatBytes(m.size * count), formatBytes(m.deep * count)] : []),
      i === 0 || diff === null ? c.dim("—") : `${diff > 0 ? "+" : diff < 0 ? "−" : ""}${formatBytes(Math.abs(diff))}`,
      i === 0 || saving === null ? c.dim("—") : saving >= 0 ? c.green(`${(saving * 100).toFixed(1)}%`) : c.red(`${(saving * 100).toFixed(1)}%`),
    ]);
  }
  const colAligns: ("left" | "right")[] = ["left", "left", ...head.slice(2).map(() => "right" as const)];
  io.stdout.write(fitTable({ head: head.map((h) => c.bold(h)), colAligns, rows: body, shrink: 0, width: terminalWidth(io) }) + "\n");
  for (const row of failed) {
    if (row.result.ok) continue;
    const place = rowErrorPlace(row);
    const lines = [`${c.red.bold(`error[${row.result.error.code}]`)} in ${row.expr}: ${errorMessage(row.result.error)}`, ...(place === null ? [] : placeLines(place, c).map((l) => `  ${l}`))];
    io.stderr.write(lines.join("\n") + "\n");
  }
  return failed.length > 0 ? 2 : 0;
}
