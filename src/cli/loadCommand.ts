// `pymem load PATH...`: the figures of what Python's own loader returns for
// each data file, per version, in the table or JSON lines of `size`.
import { resolve } from "node:path";
import { fileLines } from "../load/lineReader.js";
import { loadFile, loaderFor, LOADERS, type Loader } from "../load/loadFile.js";
import type { LoadResult } from "../load/loadResult.js";
import type { MeasureResult } from "../sizing/measure.js";
import { resolveVersions, type CommonOptions } from "./common.js";
import type { ErrorPlace } from "./format.js";
import { CliError, type Io } from "./io.js";
import { HumanReporter, JsonReporter, type Row } from "./reporters.js";

export interface LoadOptions extends CommonOptions {
  as?: string;
}

/** The text of line `line` of a file (for the caret under an error), shortened past 200 characters. */
function lineText(path: string, line: number): string {
  try {
    for (const l of fileLines(path, true)) {
      if (l.number === line) return new TextDecoder().decode(l.bytes).replace(/\n$/, "").slice(0, 200);
    }
  } catch {
    // A line the decoder fails on has no text to show.
  }
  return "";
}

function asResult(r: LoadResult): MeasureResult {
  if (r.ok) return r;
  const e = r.error;
  const span = e.line === null ? null : { line: e.line, col: e.column ?? 1, endLine: e.line, endCol: e.column ?? 1 };
  return { ok: false, error: { code: e.code, pyType: e.pyType, message: e.message, span, where: "expr" } };
}

export async function loadCommand(io: Io, paths: readonly string[], opts: LoadOptions): Promise<number> {
  if (opts.setup !== undefined || opts.setupFile !== undefined) throw new CliError("pymem load takes no setup: it sizes what the loader returns", 2, "CONFIG");
  const { layouts, c } = await resolveVersions(io, opts);
  if (paths.length === 0) throw new CliError("no file given: pymem load PATH...");
  if (opts.as !== undefined && !(LOADERS as readonly string[]).includes(opts.as)) throw new CliError(`--as must be one of ${LOADERS.join(", ")}, not '${opts.as}'`, 2, "CONFIG");
  const rows: Row[] = paths.flatMap((path) => {
    const loader = (opts.as as Loader | undefined) ?? loaderFor(path);
    const full = resolve(io.cwd, path);
    return layouts.map((layout): Row => {
      const base = { expr: path, python: layout.python, setup: null, setupFile: null };
      if (loader === null) {
        const message = `cannot tell how to load '${path}' from its name: use --as ${LOADERS.join("|")}`;
        return { ...base, result: { ok: false, error: { code: "CONFIG", pyType: null, message, span: null, where: "expr" } }, file: { path, loader: "", place: null } };
      }
      const r = loadFile(full, loader, layout);
      let place: ErrorPlace | null = null;
      if (!r.ok && r.error.line !== null) {
        const col = r.error.column ?? 1;
        place = { file: path, label: path, line: r.error.line, col, source: "\n".repeat(r.error.line - 1) + lineText(full, r.error.line) };
      }
      return { ...base, result: asResult(r), file: { path, loader, place } };
    });
  });
  (opts.json === true ? new JsonReporter(io) : new HumanReporter(io, c)).report(rows);
  return rows.every((r) => r.result.ok) ? 0 : 2;
}
