// Build: type-check with tsc, then bundle the CLI into one CommonJS file so
// start-up loads a single module (no per-file ESM resolution on the user's path).
import { build } from "esbuild";

import { rmSync } from "node:fs";

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
  logLevel: "warning",
});
