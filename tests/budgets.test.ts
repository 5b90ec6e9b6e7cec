// Size budgets: limit spellings, every validation error with its key path,
// and `pymem check` / `pymem size --max` exit codes and reporters on a fake io.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { fixturePath } from "./fixtureRows.js";
import { parseConfig } from "../src/budgets/config.js";
import { formatInFamily, parseLimit } from "../src/budgets/limits.js";
import { cli } from "./cliHarness.js";
import { truth } from "./truth.js";
import { findAll, parseXml } from "./xmlDocument.js";

describe("limits", () => {
  it.each([
    [64, 64, "bytes"],
    ["64 B", 64, "bytes"],
    ["64b", 64, "bytes"],
    ["1 kB", 1000, "decimal"],
    ["1KB", 1000, "decimal"],
    ["1 KiB", 1024, "binary"],
    ["1.5 KiB", 1536, "binary"],
    ["1.5kib", 1536, "binary"],
    ["2 MB", 2_000_000, "decimal"],
    ["2 MiB", 2 * 1024 ** 2, "binary"],
    ["1 GB", 1e9, "decimal"],
    ["1 GiB", 1024 ** 3, "binary"],
    [".5 KiB", 512, "binary"],
  ] as const)("%j is %i bytes (%s)", (text, bytes, family) => {
    expect(parseLimit(text)).toMatchObject({ bytes, family });
  });
  it.each(["ten bytes", "", "-1", "5 parsecs", "1.5.2 KiB", "KiB", -3, 1.5, true, null])("%j is not a limit", (text) => {
    expect(parseLimit(text)).toBeNull();
  });
  it.each([
    [172, "bytes", "172 B"],
    [8768, "binary", "8.56 KiB"],
    [2048, "binary", "2 KiB"],
    [1500, "decimal", "1.5 kB"],
    [999, "decimal", "999 B"],
  ] as const)("%i bytes in the %s family is %s", (bytes, family, text) => {
    expect(formatInFamily(bytes, family)).toBe(text);
  });
});

const ok = `[tool.pymem]
[[tool.pymem.budgets]]
name = "a"
expr = "[1, 2, 3]"
max = "1 KiB"
`;

describe("config validation: each problem names its key path", () => {
  it("accepts a minimal config with defaults", () => {
    const r = parseConfig(ok);
    expect(r.ok && r.config).toMatchObject({ pythons: ["3.10"], pythonGiven: false, setupFile: null, budgets: [{ name: "a", metric: "deep", limit: { bytes: 1024 }, line: 2 }] });
  });
  it.each([
    ["no [tool.pymem]", `[project]\nname = "x"\n`, "tool.pymem", /is missing/],
    ["bad TOML", `[tool.pymem\n`, "pyproject.toml", /not valid TOML/],
    ["no budgets", `[tool.pymem]\npython = "3.10"\n`, "tool.pymem.budgets", /./],
    ["empty budgets", `[tool.pymem]\nbudgets = []\n`, "tool.pymem.budgets", /at least one budget/],
    ["unknown top key", ok + `[tool.pymem.extra]\n`, "tool.pymem.extra", /not a known key/],
    ["python not a string", `[tool.pymem]\npython = 3.1\n` + ok.slice(13), "tool.pymem.python", /must be a version string or a non-empty list of them/],
    ["unsupported python", `[tool.pymem]\npython = "2.7"\n` + ok.slice(13), "tool.pymem.python", /not supported; supported versions: 3\.8, 3\.9, 3\.10/],
    ["missing name", `[tool.pymem]\n[[tool.pymem.budgets]]\nexpr = "1"\nmax = 1\n`, "tool.pymem.budgets[0].name", /must be a string/],
    ["missing expr", `[tool.pymem]\n[[tool.pymem.budgets]]\nname = "a"\nmax = 1\n`, "tool.pymem.budgets[0]", /needs either expr \(a Python expression\) or load \(a data file\)/],
    ["missing max", `[tool.pymem]\n[[tool.pymem.budgets]]\nname = "a"\nexpr = "1"\n`, "tool.pymem.budgets[0].max", /required/],
    ["bad max", ok.replace('"1 KiB"', '"ten bytes"'), "tool.pymem.budgets[0].max", /"ten bytes" is not a size/],
    ["negative max", ok.replace('"1 KiB"', "-5"), "tool.pymem.budgets[0].max", /is not a size/],
    ["bad metric", ok + `metric = "wide"\n`, "tool.pymem.budgets[0].metric", /"deep" or "size"/],
    ["unknown budget key", ok + `limit = 5\n`, "tool.pymem.budgets[0].limit", /not a known key/],
    ["duplicate name", ok + ok.slice(13), "tool.pymem.budgets[1].name", /already the name of budgets\[0\]/],
    ["setup not a string", ok + `setup = 5\n`, "tool.pymem.budgets[0].setup", /must be a string/],
  ])("%s", (_name, text, path, message) => {
    const r = parseConfig(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const p = r.problems.find((x) => x.path === path);
    expect(p, JSON.stringify(r.problems)).toBeDefined();
    expect(p?.message).toMatch(message);
  });
});

const project = `[project]
name = "demo"

[tool.pymem]
setup-file = "models.py"

[[tool.pymem.budgets]]
name = "point"
expr = "(x, y)"
max = "64 B"
metric = "size"

[[tool.pymem.budgets]]
name = "rows"
expr = "[[0] * 100 for _ in range(10)]"
max = "2 KiB"

[[tool.pymem.budgets]]
name = "names"
expr = "names"
max = 400
setup = "names = ['ann', 'bob']"
`;
const files = { "/project/pyproject.toml": project, "/project/models.py": "x = 1.5\ny = 2.5\n" };
// What CPython says of each budget's value (the shared setup, then the budget's own).
const point = truth("(x, y)", "x = 1.5\ny = 2.5\n");
const rows = truth("[[0] * 100 for _ in range(10)]");
const names = truth("names", "x = 1.5\ny = 2.5\n\nnames = ['ann', 'bob']");
const rowsOver = `deep size ${formatInFamily(rows.deep, "binary")} is ${formatInFamily(rows.deep - 2048, "binary")} (${((100 * (rows.deep - 2048)) / 2048).toFixed(1)}%) over the limit of 2 KiB`;

describe("pymem check", () => {
  it("exits 1 and names the failing budget, with a hint", async () => {
    const r = await cli(["check"], { files });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatchSnapshot();
    expect(r.stdout).toContain(`✖ rows: ${rowsOver} (pyproject.toml:13)`);
  });
  it("--json lists every budget with value and limit in bytes", async () => {
    const r = await cli(["check", "--json"], { files });
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual([
      { name: "point", expr: "(x, y)", metric: "size", value: point.size, limit: 64, passed: point.size <= 64 },
      { name: "rows", expr: "[[0] * 100 for _ in range(10)]", metric: "deep", value: rows.deep, limit: 2048, passed: rows.deep <= 2048 },
      { name: "names", expr: "names", metric: "deep", value: names.deep, limit: 400, passed: names.deep <= 400 },
    ]);
  });
  it("prints a GitHub Actions annotation at the budget's line", async () => {
    const r = await cli(["check"], { files, env: { GITHUB_ACTIONS: "true" } });
    expect(r.stdout).toContain(`::error file=pyproject.toml,line=13,title=pymem budget "rows" exceeded::rows: ${rowsOver.replace("%", "%25")}\n`);
  });
  it("exits 0 once the limit is raised", async () => {
    const r = await cli(["check"], { files: { ...files, "/project/pyproject.toml": project.replace('"2 KiB"', String(rows.deep)) } });
    expect(r.code).toBe(0);
  });
  it("--hide-passed lists only failures", async () => {
    const r = await cli(["check", "--hide-passed"], { files });
    expect(r.stdout).not.toMatch(/point/);
    expect(r.stdout).toMatch(/rows/);
  });
  it("--reporter junit writes JUnit XML", async () => {
    const r = await cli(["check", "--reporter", "junit"], { files });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatchSnapshot();
  });
  it("--config reads a file from elsewhere; the search walks up from the working directory", async () => {
    const elsewhere = await cli(["check", "--config", "/project/pyproject.toml"], { files, cwd: "/tmp" });
    expect(elsewhere.code).toBe(1);
    const below = await cli(["check"], { files, cwd: "/project/src/pkg" });
    expect(below.code).toBe(1);
  });
  it.each([
    ["an invalid max", project.replace('"2 KiB"', '"ten bytes"'), /tool\.pymem\.budgets\[1\]\.max "ten bytes" is not a size/],
    ["no [tool.pymem]", `[project]\nname = "x"\n`, /tool\.pymem is missing/],
  ])("exits 2 on %s", async (_name, text, message) => {
    const r = await cli(["check"], { files: { ...files, "/project/pyproject.toml": text } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
  it("exits 2 naming a budget whose expression does not parse", async () => {
    const r = await cli(["check"], { files: { ...files, "/project/pyproject.toml": project.replace('expr = "names"', 'expr = "names["') } });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/✖ names: SyntaxError/);
  });
  it("exits 2 without any pyproject.toml", async () => {
    const r = await cli(["check"], { files: {} });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/no pyproject\.toml found/);
  });
});

describe("pymem check in CI: machine reports stay parseable", () => {
  const gha = { GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: "/project" };
  const annotation = `::error file=pyproject.toml,line=13,title=pymem budget "rows" exceeded::rows: ${rowsOver.replace("%", "%25")}\n`;

  it("--json: stdout is one JSON array, the annotation goes to stderr", async () => {
    const r = await cli(["check", "--json"], { files, env: gha });
    expect(r.code).toBe(1);
    expect((JSON.parse(r.stdout) as { name: string }[]).map((o) => o.name)).toEqual(["point", "rows", "names"]);
    expect(r.stdout).not.toContain("::error");
    expect(r.stderr).toBe(annotation);
  });

  it("--reporter junit: stdout is one XML document, the annotation goes to stderr", async () => {
    const r = await cli(["check", "--reporter", "junit"], { files, env: gha });
    expect(r.code).toBe(1);
    const doc = parseXml(r.stdout);
    expect(doc.name).toBe("testsuites");
    expect(doc.attrs).toMatchObject({ tests: "3", failures: "1", errors: "0" });
    expect(findAll(doc, "failure").map((f) => f.attrs["message"])).toEqual([`rows: ${rowsOver}`]);
    expect(r.stderr).toBe(annotation);
  });

  it("the human report keeps its annotations on stdout, after the report", async () => {
    const r = await cli(["check"], { files, env: gha });
    expect(r.stdout.endsWith(`2 of 3 budgets within limits\n${annotation}`)).toBe(true);
    expect(r.stderr).toBe("");
  });

  it.each([
    ["json", ["--json"], (text: string) => expect(JSON.parse(text)).toHaveLength(3)],
    ["junit", ["--reporter", "junit"], (text: string) => expect(parseXml(text).attrs["tests"]).toBe("3")],
    ["human", [], (text: string) => expect(text).toContain("2 of 3 budgets within limits")],
  ] as const)("--output FILE writes the %s report there; stdout carries the human report, then the annotations", async (_name, args, check) => {
    const r = await cli(["check", ...args, "--output", "out/report"], { files, env: gha, tty: true });
    expect(r.code).toBe(1);
    const report = r.written["/project/out/report"];
    expect(report).toBeDefined();
    check(report ?? "");
    expect(report).not.toContain("\u001b["); // no colour in a file, even from a terminal
    expect(report).not.toContain("::error");
    expect(r.stdout.replace(/\u001b\[[0-9;]*m/g, "").endsWith(`2 of 3 budgets within limits\n${annotation}`)).toBe(true);
    expect(r.stderr).toBe("");
  });

  it("--output to a place that cannot be written exits 2", async () => {
    const r = await cli(["check", "--json", "--output", "/readonly/report.json"], { files });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot write the report to '\/readonly\/report\.json'/);
  });

  it("annotations name the file from the repository root (GITHUB_WORKSPACE), not from the working directory", async () => {
    const below = await cli(["check", "--json"], { files, cwd: "/project/src/pkg", env: gha });
    expect(below.stderr).toBe(annotation);
    const human = await cli(["check"], { files, cwd: "/project/src/pkg", env: gha });
    expect(human.stdout).toContain("(../../pyproject.toml:13)");
    const outer = await cli(["check", "--json"], { files, cwd: "/project/src", env: { ...gha, GITHUB_WORKSPACE: "/" } });
    expect(outer.stderr).toContain("::error file=project/pyproject.toml,line=13,");
    const noWorkspace = await cli(["check", "--json", "--config", "../pyproject.toml"], { files, cwd: "/project/src", env: { GITHUB_ACTIONS: "true" } });
    // Without GITHUB_WORKSPACE the working directory is the root; a file outside it keeps its absolute path.
    expect(noWorkspace.stderr).toContain("::error file=/project/pyproject.toml,line=13,");
  });

  describe("a configuration error still gives a report, with the error in it, and exits 2", () => {
    const bad = { ...files, "/project/pyproject.toml": project.replace('"2 KiB"', '"ten bytes"') };
    const message = /pyproject\.toml:13: tool\.pymem\.budgets\[1\]\.max "ten bytes" is not a size/;

    it("junit on stdout", async () => {
      const r = await cli(["check", "--reporter", "junit"], { files: bad, env: gha });
      expect(r.code).toBe(2);
      const doc = parseXml(r.stdout);
      expect(doc.attrs).toMatchObject({ tests: "1", failures: "0", errors: "1" });
      const [error] = findAll(doc, "error");
      expect(error?.attrs["message"]).toMatch(message);
      expect(error?.text).toMatch(message);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).toContain('::error file=pyproject.toml,line=13,title=pymem configuration::tool.pymem.budgets[1].max "ten bytes" is not a size');
    });

    it("junit in the --output file, for every message on several lines", async () => {
      const twoBad = { ...files, "/project/pyproject.toml": project.replace('metric = "size"', 'metric = "wide"\nlimit = 5') };
      const r = await cli(["check", "--reporter", "junit", "--output", "junit.xml"], { files: twoBad });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      const [error] = findAll(parseXml(r.written["/project/junit.xml"] ?? ""), "error");
      expect(error?.attrs["message"]?.split("\n")).toHaveLength(2);
      expect(error?.text).toBe('pyproject.toml:7: tool.pymem.budgets[0].metric must be "deep" or "size"\npyproject.toml:7: tool.pymem.budgets[0].limit is not a known key');
    });

    it("json on stdout", async () => {
      const r = await cli(["check", "--json"], { files: bad });
      expect(r.code).toBe(2);
      expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: "CONFIG", message: expect.stringMatching(message) } });
    });

    it("junit without any pyproject.toml", async () => {
      const r = await cli(["check", "--reporter", "junit"], { files: {} });
      expect(r.code).toBe(2);
      expect(findAll(parseXml(r.stdout), "error")[0]?.attrs["message"]).toMatch(/no pyproject\.toml found/);
    });
  });
});

describe("pymem check: an error in the setup points at the user's file", () => {
  const broken = { ...files, "/project/models.py": "x = 1.5\ny = 2.5\nz = x / (y - 2.5)\n" };
  const excerpt = ["  --> models.py:3:5", "  3 | z = x / (y - 2.5)", "    |     ^"].join("\n");
  const error = { code: "PYTHON", message: "ZeroDivisionError: float division by zero", line: 3, column: 5, in: "setup", file: "models.py" };

  it("human: the setup file's line, source and caret under the budget", async () => {
    const r = await cli(["check"], { files: broken });
    expect(r.code).toBe(2);
    expect(r.stdout).toContain(`✖ point: ZeroDivisionError: float division by zero (pyproject.toml:7)\n${excerpt}\n`);
  });

  it("JSON: `file`, with line and column in that file", async () => {
    const r = await cli(["check", "--json"], { files: broken });
    expect((JSON.parse(r.stdout) as { error: unknown }[]).map((o) => o.error)).toEqual([error, error, error]);
  });

  it("JUnit and GitHub annotations name the setup file's line", async () => {
    const r = await cli(["check", "--reporter", "junit"], { files: broken, env: { GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: "/project" } });
    expect(findAll(parseXml(r.stdout), "error")[0]?.attrs["message"]).toBe("point: ZeroDivisionError: float division by zero (models.py:3:5)");
    expect(r.stderr).toContain('::error file=models.py,line=3,col=5,title=pymem budget "point" failed::point: ZeroDivisionError: float division by zero\n');
  });

  it("from a subdirectory: the path from there for people, from the repository root for CI", async () => {
    const r = await cli(["check"], { files: broken, cwd: "/project/src", env: { GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: "/project" } });
    expect(r.stdout).toContain("  --> ../models.py:3:5\n");
    expect(r.stdout).toContain("::error file=models.py,line=3,col=5,");
  });

  it("a budget's own setup, after the setup file, is counted from its own first line", async () => {
    const own = { ...files, "/project/pyproject.toml": project.replace(`setup = "names = ['ann', 'bob']"`, `setup = "names = ['ann',\\n  'bob' + 1]"`) };
    const r = await cli(["check", "--json"], { files: own, env: { GITHUB_ACTIONS: "true" } });
    const names = (JSON.parse(r.stdout) as { name: string; error?: Record<string, unknown> }[]).find((o) => o.name === "names");
    expect(names?.error).toEqual({ code: "PYTHON", message: 'TypeError: can only concatenate str (not "int") to str', line: 2, column: 3, in: "setup" });
    expect(r.stderr).toContain('::error file=pyproject.toml,line=18,title=pymem budget "names" failed::');
    const human = await cli(["check"], { files: own });
    expect(human.stdout).toContain("  --> <setup>:2:3\n  2 |   'bob' + 1]\n    |   ^\n");
  });
});

describe("pymem size --max", () => {
  const t = truth("[1,2,3]");
  it.each([
    [["--max", `${t.deep - 1} B`], 1],
    [["--max", `${t.deep}`], 0],
    [["--metric", "size", "--max", `${t.size}`], 0],
    [["--metric", "size", "--max", `${t.size - 1}`], 1],
    [["--max", "ten bytes"], 2],
  ])("[1,2,3] %j exits %i", async (args, code) => {
    const r = await cli(["size", "[1,2,3]", ...args]);
    expect(r.code).toBe(code);
  });
  it("prints the budget line and JSON fields", async () => {
    const r = await cli(["size", "--max", "100 B", "[1,2,3]"]);
    expect(r.stdout).toContain(`✖ [1,2,3]: deep size ${t.deep} B is ${t.deep - 100} B (${(t.deep - 100).toFixed(1)}%) over the limit of 100 B`);
    const j = await cli(["size", "--json", "--max", "1 KiB", "[1,2,3]"]);
    expect(JSON.parse(j.stdout)).toMatchObject({ metric: "deep", limit: 1024, passed: true });
  });
});

describe("load budgets: a data file instead of an expression", () => {
  const data = fileURLToPath(new URL("../fixtures/data/load/debian.csv", import.meta.url));
  const truthRow = (version: string): { deep: number } =>
    readFileSync(fixturePath("load.jsonl", version), "utf8")
      .split("\n")
      .filter((l) => l !== "")
      .map((l) => JSON.parse(l) as { id: string; deep: number })
      .find((r) => r.id === "debian.csv:csv-dicts") as { deep: number };
  const toml = (extra: string): string => `[tool.pymem]\npython = ["3.10", "3.13"]\n\n[[tool.pymem.budgets]]\nname = "releases"\nload = ${JSON.stringify(data)}\n${extra}max = "1 MB"\n`;

  it("measures what the loader returns, per version (the load fixtures' figures)", async () => {
    const r = await cli(["check", "--json"], { files: { "/project/pyproject.toml": toml('as = "csv-dicts"\n') }, cwd: "/project" });
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { python: string; value: number; passed: boolean }[];
    expect(out.map((o) => [o.python, o.value, o.passed])).toEqual([
      ["3.10", truthRow("3.10").deep, true],
      ["3.13", truthRow("3.13").deep, true],
    ]);
  });

  it("refuses expr and load together, and as without load", async () => {
    const both = await cli(["check"], { files: { "/project/pyproject.toml": toml('expr = "1"\n') }, cwd: "/project" });
    expect([both.code, both.stderr + both.stdout]).toEqual([2, expect.stringMatching(/needs either expr \(a Python expression\) or load \(a data file\), not both/)]);
    const asAlone = await cli(["check"], { files: { "/project/pyproject.toml": '[[tool.pymem.budgets]]\nname = "x"\nexpr = "1"\nas = "csv"\nmax = 100\n' }, cwd: "/project" });
    expect([asAlone.code, asAlone.stderr + asAlone.stdout]).toEqual([2, expect.stringMatching(/as.*applies to a load budget/)]);
  });
});
