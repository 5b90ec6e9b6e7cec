// `pymem load`: which of Python's loaders a file goes through (SEMANTICS.md,
// "Data files"), by --as or by its extension, and the figures of what it returns.
import { statSync } from "node:fs";
import type { Layout } from "../layouts/layout.js";
import { loadCsv } from "./csvLoad.js";
import { loadJson, loadNdjson } from "./loadJson.js";
import type { LoadResult } from "./loadResult.js";

export const LOADERS = ["json", "ndjson", "csv", "csv-dicts"] as const;
export type Loader = (typeof LOADERS)[number];

/** The loader a path's extension names, or null. */
export function loaderFor(path: string): Loader | null {
  const ext = /\.([^./\\]+)$/.exec(path.toLowerCase())?.[1];
  if (ext === "json") return "json";
  if (ext === "ndjson" || ext === "jsonl") return "ndjson";
  if (ext === "csv" || ext === "tsv") return "csv";
  return null;
}

/** What the loader returns for the file at `path` (resolved), under one version (a .tsv file in the excel-tab dialect); `byPath`: also its bytes by JSON path. */
export function loadFile(path: string, loader: Loader, layout: Layout, byPath = false): LoadResult {
  let isFile: boolean;
  try {
    isFile = statSync(path).isFile();
  } catch {
    return { ok: false, error: { code: "INPUT", pyType: null, message: `cannot read '${path}': no such file`, line: null, column: null } };
  }
  if (!isFile) return { ok: false, error: { code: "INPUT", pyType: null, message: `cannot read '${path}': not a file`, line: null, column: null } };
  const tab = /\.tsv$/i.test(path);
  switch (loader) {
    case "json":
      return loadJson(path, layout, byPath);
    case "ndjson":
      return loadNdjson(path, layout, byPath);
    case "csv":
    case "csv-dicts":
      return loadCsv(path, layout, tab ? 0x09 : 0x2c, loader === "csv-dicts", byPath);
  }
}
