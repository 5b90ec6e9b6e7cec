// load(): the library's face of `pymem load --json`. One version resolves to one
// object, several to an array; an error is thrown as a PymemError whose
// line/column point into the file.
import { checkLoader, checkTop, loadObject, loadRows } from "./loadRows.js";
import { DEFAULT_PYTHON, resolvePythons } from "./options.js";
import { PymemError } from "./pymemError.js";
import type { LoadOptions, LoadResult, PythonList, PythonVersion } from "./types.js";

/**
 * What Python's loader returns for the data file at `path` (relative to the
 * working directory), sized as `pymem load --json PATH` prints it.
 */
export function load(path: string, options?: LoadOptions & { readonly python?: PythonVersion }): Promise<LoadResult>;
export function load(path: string, options: LoadOptions & { readonly python: PythonList }): Promise<LoadResult[]>;
export function load(path: string, options?: LoadOptions): Promise<LoadResult | LoadResult[]>;
export async function load(path: string, options: Omit<LoadOptions, "python"> & { readonly python?: string | readonly string[] } = {}): Promise<LoadResult | LoadResult[]> {
  if (typeof path !== "string") throw new PymemError({ code: "INPUT", message: "load() needs the file's path as a string" });
  const python = options.python ?? DEFAULT_PYTHON;
  const as = checkLoader(options.as, "as");
  const top = options.top === undefined ? null : checkTop(options.top, "top");
  const results = loadRows([path], as, resolvePythons(python), process.cwd(), top).map((row) => {
    const o = loadObject(row);
    if ("error" in o) throw new PymemError(o.error, o.python);
    return o;
  });
  const many = typeof python !== "string" || python.trim() === "all" || python.includes(",");
  return many ? results : (results[0] as LoadResult);
}
