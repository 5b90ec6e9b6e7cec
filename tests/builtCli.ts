// The built CLI (dist/pymem.cjs, what bin/pymem loads) on a real process, for tests
// about what users' tools read from its stdout. The bundle is copied once into a
// scratch folder (beside a node_modules link, for the packages it loads lazily), so
// a concurrent `npm pack` rebuilding dist/ cannot pull it away mid-run.
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export interface ProcessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface BuiltCli {
  run(args: readonly string[], opts?: { cwd?: string; stdin?: Uint8Array | string }): Promise<ProcessResult>;
  dispose(): void;
}

/** Waits (a concurrent build empties dist/ for a moment) and fails plainly when nothing was built. */
async function builtBundle(): Promise<string> {
  const bundle = join(root, "dist", "pymem.cjs");
  for (let waited = 0; !existsSync(bundle); waited += 250) {
    if (waited >= 20_000) throw new Error("dist/pymem.cjs is missing: run `npm run build` first (`npm test` does)");
    await new Promise((r) => setTimeout(r, 250));
  }
  return bundle;
}

export async function builtCli(): Promise<BuiltCli> {
  const dir = mkdtempSync(join(tmpdir(), "pymem-built-"));
  copyFileSync(await builtBundle(), join(dir, "pymem.cjs"));
  symlinkSync(join(root, "node_modules"), join(dir, "node_modules"), "dir");
  // bin/pymem's own two lines, pointed at the copy.
  writeFileSync(join(dir, "pymem.mjs"), 'import { createRequire } from "node:module";\ncreateRequire(import.meta.url)("./pymem.cjs").main();\n');
  const env: NodeJS.ProcessEnv = { PATH: process.env["PATH"] ?? "", NO_COLOR: "1", HOME: dir };
  return {
    run: (args, opts = {}) =>
      new Promise((resolve, reject) => {
        const child = spawn(process.execPath, [join(dir, "pymem.mjs"), ...args], { cwd: opts.cwd ?? dir, env, stdio: ["pipe", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        child.stdout.setEncoding("utf8").on("data", (s: string) => void (stdout += s));
        child.stderr.setEncoding("utf8").on("data", (s: string) => void (stderr += s));
        child.on("error", reject);
        child.on("close", (code) => resolve({ code, stdout, stderr }));
        child.stdin.end(opts.stdin ?? "");
      }),
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
