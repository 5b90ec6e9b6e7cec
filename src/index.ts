// The package's library entry (`import { measure, PymemError } from "pymem"`):
// the public surface only. The engine behind it is the same the CLI runs.
export { measure } from "./api/measure.js";
export { PymemError } from "./api/pymemError.js";
export { PYTHON_VERSIONS } from "./api/types.js";
export type { ErrorCode, ErrorObject, Figures, MeasureOptions, PythonList, PythonVersion, SizeFailure, SizeResult, TypeTotal } from "./api/types.js";

export { load } from "./api/load.js";
export type { LoadFailure, LoadOptions, LoadResult, Loader } from "./api/types.js";
