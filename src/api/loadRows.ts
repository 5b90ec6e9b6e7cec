// Load each data file under each resolved version: the step `pymem load` and
// the library's load() share (src/load/ does the sizing). Returns data rows
// shaped like `size`'s, with the file in place of the expression.
import { resolve } from "node:path";
import type { Layout } from "../layouts/layout.js";
import { fileLines } from "../load/lineReader.js";
import { withReadProgress } from "../load/byteSource.js";
import { loadFile, loaderFor, LOADERS, type Loader } from "../load/loadFile.js";
import type { LoadResult as Loaded } from "../load/loadResult.js";
import type { MeasureResult } from "../sizing/measure.js";
import { errorMessage, type ErrorPlace } from "./errorPlace.js";
import { PymemError } from "./pymemError.js";
import { pythonVersion } from "./sizeObject.js";
import type { Measured } from "./sizeRows.js";
import type { ErrorObject, LoadFailure, LoadResult, TypeTotal } from "./types.js";

/** `as` checked: one of the loaders, or undefined (from the extension). */
export function checkLoader(as: unknown, shown: string): Loader | undefined {
  if (as === undefined) return undefined;
  if (typeof as !== "string" || !(LOADERS as readonly string[]).includes(as)) throw new PymemError({ code: "CONFIG", message: `${shown} must be one of ${LOADERS.join(", ")}, not '${String(as)}'` });
  return as as Loader;
}

/** Progress of loading one file, shown by whoever asks (the CLI's terminal line): told the bytes read so far. */
export type LoadProgressHook = (label: string, fullPath: string) => { readonly sink: (offset: number) => void; finish(): void } | null;

/** `top` checked: a whole number of paths from 1. */
export function checkTop(top: unknown, shown: string): number {
  const n = typeof top === "string" ? Number(top) : top;
  if (typeof n !== "number" || !Number.isInteger(n) || n < 1) throw new PymemError({ code: "CONFIG", message: `${shown} must be a whole number of paths from 1, not '${String(top)}'` });
  return n;
}

/** The text of line `line` of a file (for the caret under an error), shortened past 200 characters. */
/** Characters of a long line shown before and after the column an error points at. */
const EXCERPT_BEFORE = 60;
const EXCERPT_AFTER = 100;

/** The text of a file's line around 1-based code-point column `col` (a window of a long line, as a minified file has), and the column's place in it. */
function lineExcerpt(path: string, line: number, col: number): { text: string; col: number } {
  try {
    for (const l of fileLines(path, true)) {
      if (l.number !== line) continue;
      const text = new TextDecoder().decode(l.bytes).replace(/\n$/, "");
      // UTF-16 index of code point `col - 1 - EXCERPT_BEFORE` (from the line's start when that is before it).
      const skip = Math.max(0, col - 1 - EXCERPT_BEFORE);
      let i = 0;
      for (let k = 0; k < skip && i < text.length; k++) i += (text.codePointAt(i) as number) > 0xffff ? 2 : 1;
      const cps = Array.from(text.slice(i, i + 2 * (EXCERPT_BEFORE + EXCERPT_AFTER))).slice(0, EXCERPT_BEFORE + EXCERPT_AFTER);
      return skip === 0 ? { text: cps.join(""), col } : { text: "…" + cps.join(""), col: col - skip + 1 };
    }
  } catch {
    // A line the decoder fails on has no text to show.
  }
  return { text: "", col };
}

function asResult(r: Loaded): MeasureResult {
  if (r.ok) return r;
  const e = r.error;
  const span = e.line === null ? null : { line: e.line, col: e.column ?? 1, endLine: e.line, endCol: e.column ?? 1 };
  return { ok: false, error: { code: e.code, pyType: e.pyType, message: e.message, span, where: "expr" } };
}

/** Each file under each version: a row per file per version, the versions of a file together; `top`: keep the N JSON paths with the most bytes. */
export function loadRows(paths: readonly string[], as: Loader | undefined, layouts: readonly Layout[], cwd: string, top: number | null = null, progress?: LoadProgressHook): Measured[] {
  return paths.flatMap((path) => {
    const loader = as ?? loaderFor(path);
    const full = resolve(cwd, path);
    return layouts.map((layout): Measured => {
      const base = { expr: path, python: layout.python, setup: null, setupFile: null };
      if (loader === null) {
        const message = `cannot tell how to load '${path}' from its name: use --as ${LOADERS.join("|")}`;
        return { ...base, result: { ok: false, error: { code: "CONFIG", pyType: null, message, span: null, where: "expr" } }, file: { path, loader: "", place: null } };
      }
      const shown = progress?.(layouts.length > 1 ? `${path} (${layout.python})` : path, full) ?? null;
      let r = shown === null ? loadFile(full, loader, layout, top !== null) : withReadProgress(shown.sink, () => loadFile(full, loader, layout, top !== null));
      shown?.finish();
      // A file that cannot be read is named as the user named it.
      if (!r.ok && r.error.code === "INPUT") r = { ok: false, error: { ...r.error, message: r.error.message.replace(full, path) } };
      let place: ErrorPlace | null = null;
      if (!r.ok && r.error.line !== null) {
        const col = r.error.column ?? 1;
        const excerpt = lineExcerpt(full, r.error.line, col);
        place = { file: path, label: path, line: r.error.line, col, source: "\n".repeat(r.error.line - 1) + excerpt.text, ...(excerpt.col !== col ? { excerptCol: excerpt.col } : {}) };
      }
      const byPath = r.ok && r.paths !== undefined && top !== null ? { paths: r.paths.slice(0, top) } : {};
      return { ...base, result: asResult(r), file: { path, loader, place, ...byPath } };
    });
  });
}

/** The JSON object of a load row: `pymem load --json`'s line, load()'s result. */
export function loadObject(row: Measured): LoadResult | LoadFailure {
  const r = row.result;
  const python = pythonVersion(row.python);
  const file = row.file?.path ?? row.expr;
  const loader = checkLoader(row.file?.loader === "" ? undefined : row.file?.loader, "loader") ?? "";
  if (r.ok) {
    const breakdown: Record<string, TypeTotal> = {};
    for (const [k, v] of r.m.breakdown) breakdown[k] = { count: v.count, bytes: v.bytes };
    const paths = row.file?.paths === undefined ? {} : { paths: row.file.paths.map((p) => ({ path: p.path, count: p.count, bytes: p.bytes })) };
    return { file, loader: loader === "" ? "json" : loader, python, type: r.m.type, size: r.m.size, deep: r.m.deep, objects: r.m.objects, breakdown, ...paths };
  }
  const e = r.error;
  const place = row.file?.place ?? null;
  const error: ErrorObject = {
    code: e.code,
    message: errorMessage(e),
    line: place?.line ?? null,
    column: place?.col ?? null,
    in: "file",
    file,
    ...(e.pyType !== null ? { exception: e.pyType } : {}),
  };
  return { file, loader, python, error };
}
