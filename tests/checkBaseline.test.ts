// `pymem check --baseline`, `--reporter markdown`, `--output` beside the
// terminal report, `--python`, and a budget's `message` in every reporter.
import { describe, expect, it } from "vitest";
import { changeText, parseBaseline } from "../src/budgets/baseline.js";
import { formatInFamily } from "../src/budgets/limits.js";
import { cli } from "./cliHarness.js";
import { truth, truthOf } from "./truth.js";
import { findAll, parseXml } from "./xmlDocument.js";

const project = `[tool.pymem]

[[tool.pymem.budgets]]
name = "small"
expr = "[1,2,3]"
max = "1 KiB"

[[tool.pymem.budgets]]
name = "rows"
expr = "[[0] * 100 for _ in range(10)]"
max = "2 KiB"
message = "rows are kept per session: see docs/memory.md"
`;
const small = truth("[1,2,3]");
const rows = truth("[[0] * 100 for _ in range(10)]");
/** An earlier report, its values chosen by the test: rows grew since, small shrank, "gone" was removed. */
const base = JSON.stringify([
  { name: "small", expr: "[1,2,3]", metric: "deep", value: small.deep + 28, limit: 1024, passed: true },
  { name: "rows", expr: "[[0] * 50 for _ in range(10)]", metric: "deep", value: 4000, limit: 2048, passed: false },
  { name: "gone", expr: "()", metric: "deep", value: 40, limit: 100, passed: true },
]);
const files = { "/project/pyproject.toml": project, "/project/base.json": base };
const pct = (value: number, was: number): string => `${value > was ? "+" : "−"}${((100 * Math.abs(value - was)) / was).toFixed(1)}%`;
const rowsOver = `deep size ${formatInFamily(rows.deep, "binary")} is ${formatInFamily(rows.deep - 2048, "binary")} (${((100 * (rows.deep - 2048)) / 2048).toFixed(1)}%) over the limit of 2 KiB`;

describe("changeText", () => {
  it.each([
    [110, 100, "+10.0%"],
    [90, 100, "−10.0%"],
    [100, 100, "0.0%"],
    [1001, 1000, "+0.1%"],
    [56, 0, "+56 B"],
    [0, 0, "0.0%"],
  ])("%i against %i is %s", (value, was, text) => {
    expect(changeText(value, was)).toBe(text);
  });
});

describe("parseBaseline", () => {
  it("strips the version a multi-version report adds to a name", () => {
    const b = parseBaseline(JSON.stringify([{ name: "p (3.13)", python: "3.13", metric: "deep", value: 5, limit: 9, passed: true }]));
    expect(b).toEqual({ ok: true, note: null, entries: [{ name: "p", python: "3.13", metric: "deep", value: 5 }] });
  });
  it.each([
    ["not JSON", "[{", /is not JSON/],
    ["an object", "{}", /not a `pymem check --json` report/],
    ["an item without a value", JSON.stringify([{ name: "a", metric: "deep" }]), /item 0 lacks a name, metric or value/],
  ])("refuses %s", (_name, text, message) => {
    const b = parseBaseline(text);
    expect(b.ok).toBe(false);
    if (!b.ok) expect(b.message).toMatch(message);
  });
});

describe("pymem check --baseline", () => {
  it("--reporter markdown: value, base, change and status; new and removed budgets; the message", async () => {
    const r = await cli(["check", "--baseline", "base.json", "--reporter", "markdown"], { files: { ...files, "/project/pyproject.toml": project + `\n[[tool.pymem.budgets]]\nname = "fresh"\nexpr = "[1,2,3]"\nmax = 100\n` } });
    expect(r.code).toBe(1);
    const lines = r.stdout.split("\n");
    expect(lines.slice(0, 4)).toEqual(["### pymem: memory budgets", "", "| budget | metric | value | base | change | limit | status |", "| :-- | :-- | --: | --: | --: | --: | :-- |"]);
    const kib = (n: number): string => formatInFamily(n, "binary");
    expect(lines).toContain(`| small | deep | ${kib(small.deep)} | ${kib(small.deep + 28)} | ${pct(small.deep, small.deep + 28)} | 1 KiB | ✅ ${kib(1024 - small.deep)} left |`);
    expect(lines).toContain(`| rows | deep | ${kib(rows.deep)} | ${kib(4000)} | ${pct(rows.deep, 4000)} | 2 KiB | ❌ ${kib(rows.deep - 2048)} over |`);
    expect(lines).toContain(`| fresh | deep | ${small.deep} B | — | new | 100 B | ❌ ${small.deep - 100} B over |`);
    expect(lines).toContain("| gone | deep | — | 40 B | removed | — |  |");
    expect(lines).toContain(`- **rows**: ${rowsOver}<br>rows are kept per session: see docs/memory.md`);
    expect(lines.at(-2)).toBe("1 of 3 budgets within limits");
    expect(r.stdout).toMatch(/\+\d+\.\d%/);
  });

  it("markdown escapes a name's table syntax; a budget that failed in the baseline has base 'error' and no change", async () => {
    const named = project.replace('name = "small"', 'name = "a|b_c"');
    const earlier = JSON.stringify([{ name: "a|b_c", expr: "x", metric: "deep", value: null, limit: 1024, passed: false, error: { code: "NAME", message: "NameError: name 'x' is not defined", line: 1, column: 1, in: "expr" } }]);
    const r = await cli(["check", "--baseline", "base.json", "--reporter", "markdown"], { files: { "/project/pyproject.toml": named, "/project/base.json": earlier } });
    expect(r.stdout).toContain(`| a\\|b\\_c | deep | ${small.deep} B | error |  | 1 KiB |`);
  });

  it("the human table gains base and change columns; --json a base field", async () => {
    const human = await cli(["check", "--baseline", "base.json"], { files });
    expect(human.stdout).toMatch(/│ budget │ metric │ +value │ +base │ +change │ limit │/);
    expect(human.stdout).toContain(` ${pct(rows.deep, 4000)} │`);
    const json = await cli(["check", "--json", "--baseline", "/project/base.json"], { files });
    expect((JSON.parse(json.stdout) as { name: string; base: number }[]).map((o) => [o.name, o.base])).toEqual([["small", small.deep + 28], ["rows", 4000]]);
  });

  it("matches a budget by version when it runs on several", async () => {
    const multi = project.replace("[tool.pymem]\n", '[tool.pymem]\npython = ["3.10", "3.13"]\n');
    const earlier = await cli(["check", "--json"], { files: { ...files, "/project/pyproject.toml": multi } });
    const grown = multi.replace("range(10)", "range(10)] + [[0]");
    const r = await cli(["check", "--baseline", "before.json", "--reporter", "markdown"], { files: { "/project/pyproject.toml": grown, "/project/before.json": earlier.stdout } });
    const rows313 = truthOf("3.13", "[[0] * 100 for _ in range(10)]");
    const line = r.stdout.split("\n").find((l) => l.startsWith("| rows (3.13) |")) ?? "";
    expect(line).toContain(`| ${formatInFamily(rows313.deep, "binary")} | `); // the base is 3.13's value, not 3.10's
    expect(line).toMatch(/\| \+\d+\.\d% \|/);
    // A single-version report does not say its version: against two versions every budget is new.
    const single = await cli(["check", "--baseline", "base.json", "--reporter", "markdown"], { files: { ...files, "/project/pyproject.toml": multi } });
    expect(single.stdout).toContain("| small (3.13) | deep |");
    expect(single.stdout.match(/\| new \|/g)).toHaveLength(4);
  });

  it("a baseline whose check failed holds no budgets: a warning, and every budget is new", async () => {
    const r = await cli(["check", "--baseline", "base.json", "--reporter", "markdown"], { files: { ...files, "/project/base.json": '{"error":{"code":"CONFIG","message":"tool.pymem is missing","line":null,"column":null}}\n' } });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("pymem: warning: the baseline 'base.json' holds no budgets (tool.pymem is missing): every budget is new\n");
    expect(r.stdout.match(/\| new \|/g)).toHaveLength(2);
  });

  it.each([
    ["missing", {}, /cannot read the baseline 'base\.json'/],
    ["not a report", { "/project/base.json": '"hello"' }, /the baseline 'base\.json' is not a `pymem check --json` report/],
  ])("exits 2 when the baseline is %s", async (_name, extra, message) => {
    const r = await cli(["check", "--baseline", "base.json"], { files: { "/project/pyproject.toml": project, ...extra } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
  });
});

describe("pymem check --output: the chosen report to the file, the human one to the terminal", () => {
  it.each([
    ["json", ["--json"], (text: string) => expect(JSON.parse(text)).toHaveLength(2)],
    ["markdown", ["--reporter", "markdown"], (text: string) => expect(text).toMatch(/^### pymem: memory budgets\n/)],
    ["junit", ["--reporter", "junit"], (text: string) => expect(parseXml(text).attrs["tests"]).toBe("2")],
  ] as const)("%s", async (_name, args, check) => {
    const r = await cli(["check", ...args, "--output", "report.out"], { files });
    expect(r.code).toBe(1);
    check(r.written["/project/report.out"] ?? "");
    expect(r.stdout).toContain("│ budget │ metric │");
    expect(r.stdout).toContain(`✖ rows: ${rowsOver} (pyproject.toml:8)\n`);
  });

  it("the terminal report keeps its colour; the file never has any", async () => {
    const r = await cli(["check", "--output", "report.txt"], { files, tty: true });
    expect(r.stdout).toContain("\u001b[");
    expect(r.written["/project/report.txt"]).not.toContain("\u001b[");
    expect(r.written["/project/report.txt"]).toBe(r.stdout.replace(/\u001b\[[0-9;]*m/g, ""));
  });

  it("a configuration error gives a markdown report saying so", async () => {
    const r = await cli(["check", "--reporter", "markdown", "--output", "pr.md"], { files: { "/project/pyproject.toml": "[project]\n" } });
    expect(r.code).toBe(2);
    expect(r.written["/project/pr.md"]).toBe("### pymem: memory budgets\n\npymem could not check the budgets:\n\n```\npyproject.toml: tool.pymem is missing: add a [tool.pymem] table with [[tool.pymem.budgets]]\n```\n");
  });
});

describe("a budget's message, shown when it fails", () => {
  it("human: under the failure line", async () => {
    const r = await cli(["check"], { files });
    expect(r.stdout).toContain(`✖ rows: ${rowsOver} (pyproject.toml:8)\n  rows are kept per session: see docs/memory.md\n`);
  });
  it("not when the budget passes", async () => {
    const r = await cli(["check", "--json"], { files: { ...files, "/project/pyproject.toml": project.replace('"2 KiB"', '"1 MiB"') } });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain("docs/memory.md");
    const human = await cli(["check"], { files: { ...files, "/project/pyproject.toml": project.replace('"2 KiB"', '"1 MiB"') } });
    expect(human.stdout).not.toContain("docs/memory.md");
  });
  it("JSON: a message field", async () => {
    const r = await cli(["check", "--json"], { files });
    expect(JSON.parse(r.stdout)).toEqual([
      { name: "small", expr: "[1,2,3]", metric: "deep", value: small.deep, limit: 1024, passed: true },
      { name: "rows", expr: "[[0] * 100 for _ in range(10)]", metric: "deep", value: rows.deep, limit: 2048, passed: false, message: "rows are kept per session: see docs/memory.md" },
    ]);
  });
  it("JUnit and GitHub annotations: after the failure, on its own line", async () => {
    const r = await cli(["check", "--reporter", "junit"], { files, env: { GITHUB_ACTIONS: "true", GITHUB_WORKSPACE: "/project" } });
    expect(findAll(parseXml(r.stdout), "failure")[0]?.attrs["message"]).toBe(`rows: ${rowsOver}\nrows are kept per session: see docs/memory.md`);
    expect(r.stderr).toBe(`::error file=pyproject.toml,line=8,title=pymem budget "rows" exceeded::rows: ${rowsOver.replace("%", "%25")}%0Arows are kept per session: see docs/memory.md\n`);
  });
  it("must be a non-empty string", async () => {
    const r = await cli(["check"], { files: { "/project/pyproject.toml": project.replace('message = "rows', 'message = ""\n#') } });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/tool\.pymem\.budgets\[1\]\.message must not be empty/);
  });
});

describe("pymem check --python", () => {
  it("checks against the versions given instead of [tool.pymem] python", async () => {
    const r = await cli(["check", "--json", "--python", "3.10,3.13"], { files });
    const out = JSON.parse(r.stdout) as { name: string; python: string; value: number }[];
    expect(out.map((o) => [o.name, o.python, o.value])).toEqual([
      ["small (3.10)", "3.10", small.deep],
      ["rows (3.10)", "3.10", rows.deep],
      ["small (3.13)", "3.13", truthOf("3.13", "[1,2,3]").deep],
      ["rows (3.13)", "3.13", truthOf("3.13", "[[0] * 100 for _ in range(10)]").deep],
    ]);
    const bad = await cli(["check", "--python", "2.7"], { files });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Python 2\.7 is not supported/);
  });
});
