// `pymem load PATH...`: the figures of what Python's own loader returns for
// each data file, per version, in the table or JSON lines of `size`.
import { checkLoader, checkTop, loadRows, type LoadProgressHook } from "../api/loadRows.js";
import { statSync } from "node:fs";
import Table from "cli-table3";
import { formatBytes, groupDigits } from "./format.js";
import { resolveVersions, type CommonOptions } from "./common.js";
import { CliError, type Io } from "./io.js";
import { HumanReporter, JsonReporter } from "./reporters.js";

export interface LoadOptions extends CommonOptions {
  as?: string;
  top?: string;
}

const CLEAR = "\r\u001b[2K";

/** A progress line on a terminal's stderr for a file that takes more than a second: how much of it is read. */
function loadProgress(io: Io): LoadProgressHook | undefined {
  if (io.stderr.isTTY !== true) return undefined;
  return (label, fullPath) => {
    let total = 0;
    try {
      total = statSync(fullPath).size;
    } catch {
      return null;
    }
    const start = Date.now();
    let last = 0;
    let shown = false;
    return {
      sink: (offset) => {
        const now = Date.now();
        if (now - start < 1000 || now - last < 100) return;
        last = now;
        shown = true;
        const pct = total === 0 ? 100 : Math.min(100, Math.floor((100 * offset) / total));
        const mib = (n: number): string => `${(n / 2 ** 20).toFixed(1)} MiB`;
        io.stderr.write(`${CLEAR}pymem: loading ${label}: ${pct}% (${mib(offset)} of ${mib(total)})`);
      },
      finish: () => {
        if (shown) io.stderr.write(CLEAR);
      },
    };
  };
}

export async function loadCommand(io: Io, paths: readonly string[], opts: LoadOptions): Promise<number> {
  const as = checkLoader(opts.as, "--as");
  const { layouts, c } = await resolveVersions(io, opts);
  if (paths.length === 0) throw new CliError("no file given: pymem load PATH...");
  const top = opts.top === undefined ? null : checkTop(opts.top, "--top");
  const rows = loadRows(paths, as, layouts, io.cwd, top, loadProgress(io));
  (opts.json === true ? new JsonReporter(io) : new HumanReporter(io, c)).report(rows);
  if (opts.json !== true && top !== null) {
    for (const row of rows) {
      const byPath = row.file?.paths;
      if (!row.result.ok) continue;
      const deep = row.result.m.deep;
      const of = layouts.length > 1 ? `${row.expr} ${c.dim(`(${row.python})`)}` : row.expr;
      if (byPath === undefined) {
        io.stdout.write(`\n${c.dim(`no paths for ${row.expr}: a document with a repeated key is sized whole`)}\n`);
        continue;
      }
      const t = new Table({ head: ["path", "objects", "bytes", "share"].map((h) => c.bold(h)), colAligns: ["left", "right", "right", "right"], style: { head: [], border: [] } });
      for (const p of byPath) t.push([p.path, groupDigits(p.count), formatBytes(p.bytes), `${deep === 0 ? "0.0" : ((100 * p.bytes) / deep).toFixed(1)}%`]);
      io.stdout.write(`\n${c.bold("where the bytes go")} ${c.dim("in")} ${of}\n${t.toString()}\n`);
    }
  }
  return rows.every((r) => r.result.ok) ? 0 : 2;
}
