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
import { truth, truthOf } from "./truth.js";

const run = promisify(execFile);
const root = fileURLToPath(new URL("..", import.meta.url));
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { name: string; version: string; license: string; devDependencies: Record<string, string> };
// A hang (a registry that does not answer) fails the suite instead of stalling it.
const STEP_MS = 150_000;

let scratch = "";
let prefix = "";
/** A user's project that depends on the packed tarball (`npm install ./pymem-x.tgz`). */
let project = "";
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
  project = join(scratch, "app");
  mkdirSync(project);
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "app", private: true, type: "module" }));
  await run("npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", join(scratch, packed.filename)], { cwd: project, timeout: STEP_MS, maxBuffer: 1 << 24 });
}, 3 * STEP_MS);

afterAll(() => {
  if (scratch !== "") rmSync(scratch, { recursive: true, force: true });
});

describe("the npm package", () => {
  it("ships bin/, dist/, the JSON Schemas, LICENSE and README, and no sources or tests", () => {
    const files = (packed?.files ?? []).map((f) => f.path).sort();
    const schemas = ["check", "compare", "explain", "load", "size"].map((c) => `schemas/${c}.schema.json`);
    expect(files).toEqual(expect.arrayContaining(["LICENSE", "README.md", "bin/pymem", "dist/pymem.cjs", "dist/index.js", "dist/index.d.ts", "package.json", ...schemas]));
    expect(files.filter((f) => f.startsWith("schemas/"))).toEqual(schemas);
    expect(files.filter((f) => !/^(bin|dist|schemas)\//.test(f) && !["LICENSE", "README.md", "package.json"].includes(f))).toEqual([]);
  });

  it("builds dist/ while packing (npm pack runs `prepare`)", () => {
    expect(statSync(join(root, "dist", "pymem.cjs")).mtimeMs).toBeGreaterThanOrEqual(packStarted - 1000);
  });

  it("compiles the CLI through a code cache of its own build, remade by `postinstall` for the installing node", () => {
    const dist = join(prefix, "lib", "node_modules", pkg.name, "dist");
    const id = readFileSync(join(dist, "pymem.cjs"), "latin1").split("\n")[0] ?? "";
    expect(id).toMatch(/^\/\/ pymem build [0-9a-f]{32}$/);
    expect(readFileSync(join(dist, "pymem.cjs.cache")).toString("latin1", 0, id.length)).toBe(id);
    expect(statSync(join(dist, "pymem.cjs.cache")).mtimeMs).toBeGreaterThan(statSync(join(dist, "pymem.cjs")).mtimeMs);
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

  it("`import { measure, PymemError } from \"pymem\"` in a project that depends on it", async () => {
    writeFileSync(
      join(project, "sizes.mjs"),
      `import { measure, PymemError } from "pymem";
const list = await measure("[1,2,3]");
const str = await measure("'abc'", { python: "3.13" });
const error = await measure("[1, 2 3]").then(() => null, (e) => ({ pymem: e instanceof PymemError, error: e instanceof Error, code: e.code, line: e.line, column: e.column, message: e.message }));
process.stdout.write(JSON.stringify({ list, str, error }));
`,
    );
    const r = await run(process.execPath, ["sizes.mjs"], { cwd: project, env: userEnv(), timeout: 30_000 });
    const out = JSON.parse(r.stdout) as { list: unknown; str: unknown; error: unknown };
    const t = truth("[1,2,3]");
    expect(out.list).toMatchObject({ expr: "[1,2,3]", python: "3.10", type: "list", size: t.size, deep: t.deep, objects: t.objects });
    expect(out.str).toMatchObject({ python: "3.13", type: "str", size: truthOf("3.13", "'abc'").size });
    expect(out.error).toEqual({ pymem: true, error: true, code: "SYNTAX", line: 1, column: 5, message: "SyntaxError: invalid syntax. Perhaps you forgot a comma?" });
    // The library bundle is its own: bin/pymem still runs from the same install.
    expect((await run(join(project, "node_modules", ".bin", "pymem"), ["--version"], { cwd: project, env: userEnv() })).stdout.trim()).toBe(pkg.version);
  });

  it("`load()` and `pymem load` from the installed package give the load fixtures' figures", async () => {
    const data = fileURLToPath(new URL("../fixtures/data/load/debian.csv", import.meta.url));
    const want = readFileSync(join(root, "fixtures", "3.13", "load.jsonl"), "utf8")
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => JSON.parse(l) as { id: string; size: number; deep: number; objects: number })
      .find((r) => r.id === "debian.csv:csv-dicts");
    writeFileSync(join(project, "load.mjs"), `import { load } from "pymem";\nprocess.stdout.write(JSON.stringify(await load(${JSON.stringify(data)}, { as: "csv-dicts", python: "3.13" })));\n`);
    const lib = JSON.parse((await run(process.execPath, ["load.mjs"], { cwd: project, env: userEnv(), timeout: 30_000 })).stdout) as Record<string, unknown>;
    expect(lib).toMatchObject({ loader: "csv-dicts", python: "3.13", type: "list", size: want?.size, deep: want?.deep, objects: want?.objects });
    const cliOut = await pymem(["load", "--json", "--as", "csv-dicts", "--python", "3.13", data], project);
    expect(JSON.parse(cliOut.stdout)).toEqual(lib);
  });

  it("ships declarations a strict TypeScript project compiles against, and that refuse a wrong use", async () => {
    const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
    const flags = ["--strict", "--noEmit", "--exactOptionalPropertyTypes", "--noUncheckedIndexedAccess", "--module", "nodenext", "--moduleResolution", "nodenext", "--target", "es2022", "--lib", "es2022"];
    writeFileSync(
      join(project, "use.ts"),
      `import { measure, PymemError, PYTHON_VERSIONS, type ErrorCode, type MeasureOptions, type PythonVersion, type SizeResult } from "pymem";
const options: MeasureOptions = { python: "3.13", setup: "row = [0] * 10", timeout: 2 };
const one: SizeResult = await measure("[row] * 10", options.setup === undefined ? {} : { setup: options.setup });
const many: readonly SizeResult[] = await measure("[1,2,3]", { python: "3.10,3.13" });
const every: readonly SizeResult[] = await measure("[1,2,3]", { python: ["3.8", "3.13"] });
const version: PythonVersion = one.python;
const bytes: number = one.deep + (many[0]?.size ?? 0) + every.length + (one.breakdown["list"]?.bytes ?? 0);
const versions: readonly string[] = PYTHON_VERSIONS;
try {
  await measure("[1, 2 3]");
} catch (e) {
  if (e instanceof PymemError) {
    const code: ErrorCode = e.code;
    const where: string = \`\${e.line ?? "?"}:\${e.column ?? "?"} \${e.message} \${code}\`;
    void where;
  }
}
void [version, bytes, versions];
`,
    );
    await run(process.execPath, [tsc, ...flags, "use.ts"], { cwd: project, env: userEnv(), timeout: 60_000 });
    writeFileSync(
      join(project, "wrong.ts"),
      `import { measure } from "pymem";
const size: number = (await measure("1", { python: "all" })).size;
await measure("1", { python: "3.7" });
await measure("1", { timeout: "4" });
void size;
`,
    );
    const wrong = await run(process.execPath, [tsc, ...flags, "wrong.ts"], { cwd: project, env: userEnv(), timeout: 60_000 }).then(
      () => "",
      (e: { stdout: string }) => e.stdout,
    );
    expect(wrong.match(/error TS\d+/g)).toHaveLength(3);
    expect(wrong).toMatch(/wrong\.ts\(2,/);
    expect(wrong).toMatch(/wrong\.ts\(3,/);
    expect(wrong).toMatch(/wrong\.ts\(4,/);
  });
});
