// Build (after `tsc -p tsconfig.build.json` type-checked src/ and emitted its
// declarations into .build/types): bundle the CLI into one CommonJS file so
// start-up loads a single module (no per-file ESM resolution on the user's path),
// bundle the library (src/index.ts) into one ES module, and ship the library's
// declarations: dist/index.d.ts and the files it imports, which must stay inside
// src/api/ so no engine type becomes public by accident.
import { build } from "esbuild";

import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";

import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";

const TYPES = ".build/types";

// commander requires child_process for executable subcommands, which pymem has none
// of: the CLI bundle gets a stub instead, so it never loads the module (6 ms of
// every start-up) and holds no way to start a process.
const noProcesses = {
  name: "no-child-process",
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, () => ({ path: "child_process", namespace: "pymem-stub" }));
    b.onLoad({ filter: /.*/, namespace: "pymem-stub" }, () => ({
      contents: 'module.exports = { spawn() { throw new Error("pymem starts no process"); } };',
      loader: "js",
    }));
  },
};

rmSync("dist", { recursive: true, force: true });
await build({
  entryPoints: ["src/cli/main.ts"],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "cjs",
  outfile: "dist/pymem.cjs",
  legalComments: "none",
  minify: true,
  // zod and smol-toml serve only `pymem check`: loaded from node_modules when it runs,
  // so they cost nothing at the start of every other command.
  external: ["zod", "smol-toml"],
  plugins: [noProcesses],
  logLevel: "warning",
});
await build({
  entryPoints: ["src/index.ts"],
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  outfile: "dist/index.js",
  legalComments: "none",
  minify: true,
  // The dependencies stay the package's own: none is copied into the bundle.
  packages: "external",
  logLevel: "warning",
});

/** dist/index.d.ts and every declaration file it reaches by relative import. */
function copyDeclarations(entry) {
  const todo = [entry];
  const seen = new Set();
  while (todo.length > 0) {
    const file = todo.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (file !== "index.d.ts" && !file.startsWith("api/")) {
      throw new Error(`the library's declarations reach ${file}: restate that type in src/api/types.ts`);
    }
    const text = readFileSync(join(TYPES, file), "utf8");
    for (const m of text.matchAll(/\bfrom\s+"(\.{1,2}\/[^"]+)\.js"|\bimport\("(\.{1,2}\/[^"]+)\.js"\)/g)) {
      todo.push(relative(TYPES, join(TYPES, dirname(file), `${m[1] ?? m[2]}.d.ts`)));
    }
    mkdirSync(join("dist", dirname(file)), { recursive: true });
    copyFileSync(join(TYPES, file), join("dist", file));
  }
}
// V8 keeps a script's source for lazy compilation, and one non-ASCII character
// makes all of it a two-byte string (3 MB instead of 1.5 for the CLI bundle):
// esbuild escapes strings but not regular expressions, so a stray one fails here.
for (const out of ["dist/pymem.cjs", "dist/index.js"]) {
  const bad = /[^\x00-\x7f]/.exec(readFileSync(out, "latin1"));
  if (bad) throw new Error(`${out} is not ASCII at offset ${bad.index}: write the character as an escape in the source`);
}
const cli = readFileSync("dist/pymem.cjs", "latin1");
// The evaluator is a sandbox: the CLI bundle loads no module that reaches processes or the network.
const reach = /require\("(?:node:)?(child_process|cluster|dgram|dns|http|http2|https|net|tls|worker_threads)"\)/.exec(cli);
if (reach) throw new Error(`dist/pymem.cjs requires ${reach[1]}`);
// The CLI's loader and its code cache (scripts/launch.cjs says why): the bundle's first
// line is its build id, which a cache must carry to be used.
writeFileSync("dist/pymem.cjs", `// pymem build ${createHash("sha256").update(cli).digest("hex").slice(0, 32)}\n${cli}`, "latin1");
copyFileSync("scripts/launch.cjs", "dist/launch.cjs");
execFileSync(process.execPath, ["-e", "require('./dist/launch.cjs').makeCache().catch((e) => { console.error(e); process.exitCode = 1; })"], { stdio: "inherit" });
if (!existsSync(join(TYPES, "index.d.ts"))) throw new Error(`no ${TYPES}/index.d.ts: run tsc -p tsconfig.build.json first (npm run build)`);
copyDeclarations("index.d.ts");
rmSync(".build", { recursive: true, force: true });
