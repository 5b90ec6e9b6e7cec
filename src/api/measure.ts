// measure(): the library's face of `pymem size --json`. One version resolves to
// one object, several (a list, a comma list, "all") to an array in that order;
// any error (bad options, or the expression failing under any version) is thrown
// as a PymemError carrying the JSON error object's fields.
import { readFile } from "node:fs/promises";
import { checkTimeout, DEFAULT_PYTHON, resolveOptions, type OptionNames } from "./options.js";
import { PymemError } from "./pymemError.js";
import { sizeObject } from "./sizeObject.js";
import { sizeRows } from "./sizeRows.js";
import type { MeasureOptions, PythonList, PythonVersion, SizeResult } from "./types.js";

const NAMES: OptionNames = { setup: "setup", setupFile: "setupFile" };

/** Whether `python` asks for an array: a list, "all", or a comma list (even of one version). */
function manyVersions(python: string | readonly string[]): boolean {
  return typeof python !== "string" || python.trim() === "all" || python.includes(",");
}

async function measureAll(expr: string, options: Omit<MeasureOptions, "python"> & { readonly python?: string | readonly string[] }): Promise<SizeResult | SizeResult[]> {
  if (typeof expr !== "string") throw new PymemError({ code: "INPUT", message: "measure() needs the expression as a string" });
  const python = options.python ?? DEFAULT_PYTHON;
  const timeoutS = checkTimeout(options.timeout, `timeout ${String(options.timeout)}`);
  const resolved = await resolveOptions({ python, setup: options.setup, setupFile: options.setupFile, timeoutS }, { readFile: (p) => readFile(p, "utf8"), cwd: process.cwd() }, NAMES);
  const results = sizeRows(expr, resolved).map((row) => {
    const o = sizeObject(row);
    if ("error" in o) throw new PymemError(o.error, o.python);
    return o;
  });
  return manyVersions(python) ? results : (results[0] as SizeResult);
}

/**
 * The sizes of `expr` as CPython would report them: what `pymem size --json EXPR`
 * prints (`size` is sys.getsizeof, `deep` the identity-aware deep size).
 * Rejects with a PymemError (`code`, `message`, `line`, `column`) on any error.
 */
export function measure(expr: string, options?: MeasureOptions & { readonly python?: PythonVersion }): Promise<SizeResult>;
export function measure(expr: string, options: MeasureOptions & { readonly python: PythonList }): Promise<SizeResult[]>;
export function measure(expr: string, options?: MeasureOptions): Promise<SizeResult | SizeResult[]>;
export function measure(expr: string, options: Omit<MeasureOptions, "python"> & { readonly python?: string | readonly string[] } = {}): Promise<SizeResult | SizeResult[]> {
  return measureAll(expr, options);
}
