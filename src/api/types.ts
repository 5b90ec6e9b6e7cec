// The library's public types: exactly the shapes `pymem size --json` prints.
// They are restated here, not imported from the engine, so the declarations the
// package ships stay small and self-contained (scripts/build.mjs checks it).

/** The CPython versions pymem models (tests/api.test.ts keeps this equal to the layouts). */
export const PYTHON_VERSIONS = ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"] as const;

export type PythonVersion = (typeof PYTHON_VERSIONS)[number];

/** The codes of the JSON error object (and of `PymemError`). */
export type ErrorCode = "SYNTAX" | "PYTHON" | "NAME" | "UNSUPPORTED" | "FORBIDDEN" | "LIMIT" | "INPUT" | "CONFIG" | "INTERNAL";

/** One type's share of a deep size: how many objects of it, and their bytes. */
export interface TypeTotal {
  readonly count: number;
  readonly bytes: number;
}

/** The figures of a value: what `size --json` and `load --json` print for it. */
export interface Figures {
  readonly python: PythonVersion;
  /** `type(value).__name__`. */
  readonly type: string;
  /** `sys.getsizeof(value)`. */
  readonly size: number;
  /** The identity-aware deep size: every object reachable, each counted once. */
  readonly deep: number;
  readonly objects: number;
  readonly breakdown: Readonly<Record<string, TypeTotal>>;
}

/** One line of `pymem size --json`: the value of `expr` under one CPython version. */
export interface SizeResult extends Figures {
  readonly expr: string;
}

/** The `"error"` object of `pymem size --json`. */
export interface ErrorObject {
  readonly code: ErrorCode;
  /** Python's own for SYNTAX, PYTHON and NAME ("ZeroDivisionError: division by zero"). */
  readonly message: string;
  /** 1-based, in the expression or the setup (`in`); null when no position applies. */
  readonly line: number | null;
  readonly column: number | null;
  readonly in: "expr" | "setup" | "file";
  /** The setup file the position counts in (`in` "setup"), or the data file (`in` "file", load). */
  readonly file?: string;
  /** Python's exception type ("SyntaxError", "KeyError"…) for SYNTAX, PYTHON and NAME. */
  readonly exception?: string;
}

/** A failing line of `pymem size --json`. */
export interface SizeFailure {
  readonly expr: string;
  readonly python: PythonVersion;
  readonly error: ErrorObject;
}

/** Versions to model: one gives one result; a list, a comma list ("3.10,3.13") or "all" an array. */
export type PythonList = readonly PythonVersion[] | "all" | `${PythonVersion},${string}`;

export interface MeasureOptions {
  /** Default "3.10" (the library reads no pyproject.toml). */
  readonly python?: PythonVersion | PythonList;
  /** Python statements run before the expression (classes, imports, data). */
  readonly setup?: string;
  /** The same, read from this file (relative to the working directory); not with `setup`. */
  readonly setupFile?: string;
  /** Seconds of work allowed (default 4, at most 3600): scales pymem's step budget, like `--timeout`. */
  readonly timeout?: number;
}

/** How `load` reads a file: json.load, one json.loads per line, list(csv.reader), list(csv.DictReader). */
export type Loader = "json" | "ndjson" | "csv" | "csv-dicts";

/** One line of `pymem load --json`: what the loader returns for `file` under one CPython version. */
export interface LoadResult extends Figures {
  readonly file: string;
  readonly loader: Loader;
  /** With `top`: the JSON paths holding the most bytes ("$.items[*].tags"), largest first. */
  readonly paths?: readonly { readonly path: string; readonly count: number; readonly bytes: number }[];
}

/** A failing line of `pymem load --json`: the file's error (a JSONDecodeError's position in `line`/`column`). */
export interface LoadFailure {
  readonly file: string;
  readonly loader: Loader | "";
  readonly python: PythonVersion;
  readonly error: ErrorObject;
}

export interface LoadOptions {
  /** Default: from the extension (.json; .ndjson, .jsonl; .csv, .tsv). */
  readonly as?: Loader;
  /** Default "3.10". */
  readonly python?: PythonVersion | PythonList;
  /** Also give the `top` JSON paths with the most bytes (`paths`). */
  readonly top?: number;
}
