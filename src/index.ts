// The package's library entry (`import { measure, PymemError } from "pymem"`):
// the public surface only. The engine behind it is the same the CLI runs.
export { measure } from "./api/measure.js";
export { PymemError } from "./api/pymemError.js";
export { PYTHON_VERSIONS } from "./api/types.js";
export type { ErrorCode, ErrorObject, MeasureOptions, PythonList, PythonVersion, SizeFailure, SizeResult, TypeTotal } from "./api/types.js";

// load(path, { as, python }): sizes a data file as Python's loaders build it
// (src/load/, `pymem load`). It is exported here, with its options and result
// types beside measure's, when it lands; not before.
