// The JSON object of one measured row: what `pymem size --json` prints and what
// the library's measure() resolves to (or throws, as a PymemError).
import { errorMessage, errorPlace, type ErrorPlace } from "./errorPlace.js";
import type { Measured } from "./sizeRows.js";
import { PYTHON_VERSIONS, type ErrorObject, type PythonVersion, type SizeFailure, type SizeResult, type TypeTotal } from "./types.js";

/** A layout's version as the public type (the layouts and PYTHON_VERSIONS are kept equal by tests/api.test.ts). */
export function pythonVersion(python: string): PythonVersion {
  const v = PYTHON_VERSIONS.find((p) => p === python);
  if (v === undefined) throw new Error(`pymem: version ${python} is missing from PYTHON_VERSIONS`);
  return v;
}

/** Where a row's error points: into the expression, or the setup (file) it came from. */
export function measuredErrorPlace(row: Measured): ErrorPlace | null {
  if (row.result.ok) return null;
  if (row.file !== undefined) return row.file.place;
  return errorPlace(row.result.error, row.expr, row.setup === null ? [] : [{ file: row.setupFile, text: row.setup }]);
}

export function sizeObject(row: Measured): SizeResult | SizeFailure {
  const r = row.result;
  const python = pythonVersion(row.python);
  if (r.ok) {
    const breakdown: Record<string, TypeTotal> = {};
    for (const [k, v] of r.m.breakdown) breakdown[k] = { count: v.count, bytes: v.bytes };
    return { expr: row.expr, python, type: r.m.type, size: r.m.size, deep: r.m.deep, objects: r.m.objects, breakdown };
  }
  const e = r.error;
  const place = measuredErrorPlace(row);
  const error: ErrorObject = {
    code: e.code,
    message: errorMessage(e),
    line: place?.line ?? null,
    column: place?.col ?? null,
    in: e.where,
    ...(place !== null && place.file !== null ? { file: place.file } : {}),
    ...(e.pyType !== null ? { exception: e.pyType } : {}),
  };
  return { expr: row.expr, python, error };
}
