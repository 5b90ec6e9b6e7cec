// The process boundary: real stdin/stdout/files, then exit with run()'s status.
import { readFile, writeFile } from "node:fs/promises";
import { run } from "./run.js";

// The launcher (dist/launch.cjs) runs commands in-process to warm its code cache.
export { run };

async function readAll(): Promise<Uint8Array> {
  if (process.stdin.isTTY === true) return new Uint8Array(0);
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return new Uint8Array(Buffer.concat(chunks));
}

export function main(): void {
  // A closed pipe (pymem … | head) ends output quietly, as a CLI should.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (e: NodeJS.ErrnoException) => {
      if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  run({
    argv: process.argv.slice(2),
    env: process.env,
    stdout: process.stdout,
    stderr: process.stderr,
    readStdin: readAll,
    readFile: (p) => readFile(p, "utf8"),
    writeFile: (p, text) => writeFile(p, text, "utf8"),
    cwd: process.cwd(),
  }).then(
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      process.stderr.write(`pymem: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
      process.exitCode = 2;
    },
  );
}
