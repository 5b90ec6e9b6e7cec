// Errors are values with a code and a span; inside the evaluator they travel as
// exceptions (PyException for Python's own, PymemError for pymem's refusals) and
// are turned into values at the boundary (src/runtime/evaluate.ts).
import type { Span } from "../python/ast.js";
import type { PyObj } from "./objects.js";

export type ErrorCode = "SYNTAX" | "PYTHON" | "NAME" | "UNSUPPORTED" | "FORBIDDEN" | "LIMIT" | "INPUT" | "CONFIG" | "INTERNAL";

/** A Python exception raised by modelled code: ZeroDivisionError, KeyError … */
export class PyException extends Error {
  constructor(
    readonly pyType: string,
    readonly pyMessage: string,
    public span: Span | null = null,
  ) {
    super(pyMessage === "" ? pyType : `${pyType}: ${pyMessage}`);
  }

  /** The input `span` points into, when known: code of the setup can run while the expression is evaluated. */
  where: "setup" | "expr" | null = null;
  /** The exception object: the one `raise` threw, or the one made when a handler caught this (src/runtime/exceptions.ts). */
  obj: PyObj | undefined = undefined;
  /** The exception's args where they are not its message alone (KeyError's key). */
  args: readonly PyObj[] | undefined = undefined;
}

/** KeyError(key): its message is repr(key), its args the key itself. */
export function keyError(key: PyObj, message: string): PyException {
  const e = new PyException("KeyError", message);
  e.args = [key];
  return e;
}

/** pymem refusing to go on: unsupported construct, sandbox refusal, work limit. */
export class PymemError extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, "PYTHON">,
    message: string,
    public span: Span | null = null,
  ) {
    super(message);
  }

  where: "setup" | "expr" | null = null;
}

export function typeError(message: string): PyException {
  return new PyException("TypeError", message);
}

export function valueError(message: string): PyException {
  return new PyException("ValueError", message);
}

export function unsupported(what: string): PymemError {
  return new PymemError("UNSUPPORTED", `${what} is not supported by pymem yet`);
}

export function limitError(message: string): PymemError {
  return new PymemError("LIMIT", message);
}

/** A try statement with except* handlers (PEP 654): exception groups and their splitting are not modelled. */
export function exceptStarRefusal(): PymemError {
  return new PymemError("UNSUPPORTED", "try … except* (exception groups: BaseExceptionGroup.split and the re-raise of what no handler took)");
}
