// Drive run() with a fake Io: no process is spawned.
import { run } from "../src/cli/run.js";
import type { Io } from "../src/cli/io.js";

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  /** Files the run wrote, by absolute path. */
  readonly written: Readonly<Record<string, string>>;
}

export async function cli(
  argv: string[],
  opts: { stdin?: Uint8Array | string; files?: Record<string, string>; env?: Record<string, string>; tty?: boolean; columns?: number; cwd?: string } = {},
): Promise<CliResult> {
  let stdout = "";
  let stderr = "";
  const written: Record<string, string> = {};
  const io: Io = {
    argv,
    env: opts.env ?? {},
    stdout: { write: (s) => void (stdout += s), isTTY: opts.tty ?? false, ...(opts.columns === undefined ? {} : { columns: opts.columns }) },
    stderr: { write: (s) => void (stderr += s), isTTY: opts.tty ?? false },
    readStdin: async () => (typeof opts.stdin === "string" ? new TextEncoder().encode(opts.stdin) : opts.stdin ?? new Uint8Array(0)),
    readFile: async (p) => {
      const f = opts.files?.[p];
      if (f === undefined) throw new Error(`ENOENT: ${p}`);
      return f;
    },
    writeFile: async (p, text) => {
      if (p.startsWith("/readonly/")) throw new Error(`EACCES: ${p}`);
      written[p] = text;
    },
    cwd: opts.cwd ?? "/project",
  };
  const code = await run(io);
  return { code, stdout, stderr, written };
}
