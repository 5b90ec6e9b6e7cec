// The CLI's only contact with the host: everything it reads and writes.
export interface Io {
  readonly argv: readonly string[];
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `columns`: the terminal's width, when stdout is one (tables and help fit it). */
  readonly stdout: { write(s: string): void; readonly isTTY?: boolean; readonly columns?: number };
  readonly stderr: { write(s: string): void; readonly isTTY?: boolean };
  /** All of standard input, read on demand. */
  readonly readStdin: () => Promise<Uint8Array>;
  readonly readFile: (path: string) => Promise<string>;
  /** Creates or replaces a file (a report written with --output). */
  readonly writeFile: (path: string, text: string) => Promise<void>;
  readonly cwd: string;
}

/** Thrown by CLI code for a bad invocation; carries the exit status. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
    readonly code: string = "INPUT",
  ) {
    super(message);
  }
}
