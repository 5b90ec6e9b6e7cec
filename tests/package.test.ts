// The package as users get it: `npm pack` (which runs `prepare`, so dist/ is
// built fresh), then `npm i -g` of the tarball into a scratch prefix, then the
// installed `pymem` on a real process. Only `dependencies` are installed that
// way, so this also proves nothing at run time needs a devDependency.
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { delimiter, dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import Ajv2020 from "ajv/dist/2020.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { truth } from "./truth.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; version: string; license: string; devDependencies: Record<string, string> };
// A hang (a registry that does not answer) fails the suite instead of stalling it.
const STEP_MS = 150_000;

let scratch = "";
let prefix = "";
let packed: { filename: string; files: { path: string }[] } | null = null;
let packStarted = 0;

/** The environment of a user's shell: this node first on PATH, no module path or colour leaking in. */
function userEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: "1", PATH: `${dirname(process.execPath)}${delimiter}${process.env["PATH"] ?? ""}` };
  delete env["NODE_PATH"];
  delete env["NODE_OPTIONS"];
  return env;
}

async function pymem(args: string[], cwd: string): Promise<{ stdout: string; stderr: string }> {
  return run(join(prefix, "bin", "pymem"), args, { cwd, env: userEnv(), timeout: 30_000 });
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), "pymem-package-"));
  prefix = join(scratch, "prefix");
  packStarted = Date.now();
  // Script output goes to stderr under --json; stdout is the pack report.
  const p = await run("npm", ["pack", "--json", "--pack-destination", scratch], { cwd: root, timeout: STEP_MS, maxBuffer: 1 << 24 });
  packed = (JSON.parse(p.stdout) as { filename: string; files: { path: string }[] }[])[0] ?? null;
  if (packed === null) throw new Error(`npm pack reported nothing: ${p.stdout}`);
  await run("npm", ["install", "--global", "--prefix", prefix, "--prefer-offline", "--no-audit", "--no-fund", join(scratch, packed.filename)], {
    cwd: scratch,
    timeout: STEP_MS,
    maxBuffer: 1 << 24,
  });
}, 2 * STEP_MS);

afterAll(() => {
  if (scratch !== "") rmSync(scratch, { recursive: true, force: true });
});

describe("the npm package", () => {
  it("ships bin/, dist/, the JSON Schemas, LICENSE and README, and no sources or tests", () => {
    const files = (packed?.files ?? []).map((f) => f.path).sort();
    const schemas = ["check", "compare", "explain", "load", "size"].map((c) => `schemas/${c}.schema.json`);
    expect(files).toEqual(expect.arrayContaining(["LICENSE", "README.md", "bin/pymem", "dist/pymem.cjs", "package.json", ...schemas]));
    expect(files.filter((f) => f.startsWith("schemas/"))).toEqual(schemas);
    expect(files.filter((f) => !/^(bin|dist|schemas)\//.test(f) && !["LICENSE", "README.md", "package.json"].includes(f))).toEqual([]);
  });

  it("builds dist/ while packing (npm pack runs `prepare`)", () => {
    expect(statSync(join(root, "dist", "pymem.cjs")).mtimeMs).toBeGreaterThanOrEqual(packStarted - 1000);
  });

  it("carries the MIT licence package.json names", () => {
    const license = readFileSync(join(prefix, "lib", "node_modules", pkg.name, "LICENSE"), "utf8");
    expect(license).toMatch(/^MIT License\n\nCopyright \(c\) 2026 the pymem authors\n/);
    expect(pkg.license).toBe("MIT");
  });

  it("installs no devDependency", () => {
    const installed = join(prefix, "lib", "node_modules");
    const names = [...readdirSync(installed), ...readdirSync(join(installed, pkg.name, "node_modules"))];
    expect(names.filter((n) => Object.hasOwn(pkg.devDependencies, n) || n === "@types")).toEqual([]);
  });

  it("`pymem size --json` on the PATH prints CPython's figures", async () => {
    const t = truth("[1,2,3]");
    const r = await pymem(["size", "--json", "[1,2,3]"], scratch);
    expect(JSON.parse(r.stdout)).toMatchObject({ expr: "[1,2,3]", python: "3.10", type: "list", size: t.size, deep: t.deep, objects: t.objects });
    expect((await pymem(["--version"], scratch)).stdout.trim()).toBe(pkg.version);
  });

  it("`pymem size --json` validates against the installed package's schema", async () => {
    const schema = JSON.parse(readFileSync(join(prefix, "lib", "node_modules", pkg.name, "schemas", "size.schema.json"), "utf8")) as object;
    const validate = new Ajv2020.default({ strict: true }).compile(schema);
    const r = await pymem(["size", "--json", "--python", "3.8,3.13", "[1,2,3]", "{'a': (1, 'b')}"], scratch);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as unknown);
    expect(lines.length).toBe(4);
    for (const line of lines) expect(validate(line) ? null : validate.errors).toBeNull();
  });

  it("`pymem check` loads its lazily required dependencies", async () => {
    const t = truth("[1,2,3]");
    const project = join(scratch, "project");
    mkdirSync(project, { recursive: true });
    writeFileSync(join(project, "pyproject.toml"), `[tool.pymem]\n[[tool.pymem.budgets]]\nname = "small"\nexpr = "[1,2,3]"\nmax = "1 KiB"\n`);
    const r = await pymem(["check", "--json"], project);
    expect(JSON.parse(r.stdout)).toEqual([{ name: "small", expr: "[1,2,3]", metric: "deep", value: t.deep, limit: 1024, passed: true }]);
  });
});
