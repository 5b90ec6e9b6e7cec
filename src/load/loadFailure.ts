// Why a file could not be loaded, before its position is put in the user's
// terms: a JSONDecodeError (its msg and the byte where the scan stopped), a
// UnicodeDecodeError of the file's bytes, a csv.Error, a ValueError, json's RecursionError, or a
// construct pymem refuses.
export type FailureKind = "JSONDecodeError" | "UnicodeDecodeError" | "Error" | "ValueError" | "RecursionError" | "UNSUPPORTED" | "LIMIT";

export class LoadFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly reason: string,
    /** Absolute byte offset of the document position the error names (JSON), or the failing row's first byte. */
    readonly byteOffset: number,
  ) {
    super(reason);
  }
}
