// The terminal: tables fit its width (long expressions and names shortened in
// the middle), FORCE_COLOR and NO_COLOR, and help text wrapped to its width.
import { describe, expect, it } from "vitest";
import { colorLevel } from "../src/cli/style.js";
import { displayWidth, shortenMiddle } from "../src/cli/tableFit.js";
import { cli } from "./cliHarness.js";
import { truth } from "./truth.js";

const esc = "\u001b[";
const widest = (text: string): number => Math.max(...text.split("\n").map(displayWidth));
const long = "[[0] * 100 for _ in range(100)]";

describe("shortenMiddle", () => {
  it.each([
    ["abcdefghij", 10, "abcdefghij"],
    ["abcdefghij", 9, "abcd…ghij"],
    ["abcdefghij", 6, "abc…ij"],
    ["a  b\n c", 10, "a b c"],
    ["中文中文中文", 7, "中…中文"],
  ])("%j in %i columns is %j", (s, max, out) => {
    expect(shortenMiddle(s, max)).toBe(out);
    expect(displayWidth(shortenMiddle(s, max))).toBeLessThanOrEqual(max);
  });
});

describe("tables fit the terminal", () => {
  const t = truth(long);
  it("size: the expression gives up the width, both its ends kept", async () => {
    const wide = await cli(["size", long], { tty: true, columns: 120 });
    expect(wide.stdout).toContain(`│ ${long} │`);
    const r = await cli(["size", "--no-color", long], { tty: true, columns: 70 });
    const table = r.stdout.split("\n\n")[0] ?? "";
    expect(widest(table)).toBeLessThanOrEqual(70);
    expect(table).toMatch(/│ \[\[0\] \* 1.*….*\(100\)\] │/);
    expect(table).toContain(t.deep.toLocaleString("en-US"));
  });
  it("without a terminal, an expression keeps its 48 columns, shortened in the middle", async () => {
    const expr = `[${Array.from({ length: 30 }, (_, i) => i).join(", ")}]`;
    const r = await cli(["size", expr]);
    expect(r.stdout).toContain(`│ ${shortenMiddle(expr, 48)} │`);
    expect(shortenMiddle(expr, 48)).toMatch(/^\[0, 1, 2, .*….*, 28, 29\]$/);
  });
  it("check: the budget's name gives up the width; a --output file keeps it whole", async () => {
    const name = "the rows of every open session, kept for an hour";
    const files = { "/project/pyproject.toml": `[tool.pymem]\n[[tool.pymem.budgets]]\nname = "${name}"\nexpr = "${long}"\nmax = "1 MiB"\n` };
    const r = await cli(["check", "--output", "report.txt"], { files, tty: true, columns: 80 });
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(r.stdout).toContain("…");
    expect(r.written["/project/report.txt"]).toContain(`│ ${name} │`);
  });
  it("the shortened column keeps 16 columns, the table then as narrow as it gets", async () => {
    const r = await cli(["size", "--no-color", long], { tty: true, columns: 40 });
    expect(r.stdout).toContain("│ [[0] * 1…e(100)] │");
  });
  it("compare and explain fit too", async () => {
    const r = await cli(["compare", "--no-color", long, "[0] * 100"], { tty: true, columns: 100 });
    expect(widest(r.stdout)).toBeLessThanOrEqual(100);
    expect(r.stdout).toContain("…");
    const e = await cli(["explain", "--no-color", "'" + "x".repeat(120) + "'"], { tty: true, columns: 70 });
    const struct = e.stdout.split("\n\n")[0] ?? "";
    expect(widest(struct)).toBeLessThanOrEqual(70);
    expect(struct).toMatch(/│ struct \{.*….*:1 \} +│/); // the C type column gave up width
    // In colour, a dim C type is shortened inside its colour.
    const coloured = await cli(["explain", "'" + "x".repeat(120) + "'"], { tty: true, columns: 70 });
    expect(widest(coloured.stdout.split("\n\n")[0] ?? "")).toBeLessThanOrEqual(70);
  });
});

describe("colour: --no-color, NO_COLOR, FORCE_COLOR, the terminal", () => {
  it.each([
    [true, {}, true, 1],
    [true, {}, false, 0],
    [false, { FORCE_COLOR: "1" }, true, 0],
    [true, { NO_COLOR: "1", FORCE_COLOR: "1" }, true, 0],
    [true, { NO_COLOR: "" }, true, 1],
    [true, { FORCE_COLOR: "" }, false, 1],
    [true, { FORCE_COLOR: "true" }, false, 1],
    [true, { FORCE_COLOR: "2" }, false, 2],
    [true, { FORCE_COLOR: "3" }, false, 3],
    [true, { FORCE_COLOR: "9" }, false, 3],
    [true, { FORCE_COLOR: "0" }, true, 0],
    [true, { FORCE_COLOR: "false" }, true, 0],
  ] as const)("flag %j, env %j, TTY %j: level %i", (flag, env, tty, level) => {
    expect(colorLevel(flag, env, tty)).toBe(level);
  });
  it("FORCE_COLOR colours a pipe, for size and check; FORCE_COLOR=0 keeps a terminal plain", async () => {
    expect((await cli(["size", "1"], { env: { FORCE_COLOR: "1" } })).stdout).toContain(esc);
    expect((await cli(["size", "1"], { tty: true, env: { FORCE_COLOR: "0" } })).stdout).not.toContain(esc);
    const files = { "/project/pyproject.toml": `[tool.pymem]\n[[tool.pymem.budgets]]\nname = "a"\nexpr = "1"\nmax = 100\n` };
    expect((await cli(["check"], { files, env: { FORCE_COLOR: "1" } })).stdout).toContain(esc);
    const out = await cli(["check", "--output", "r.txt"], { files, env: { FORCE_COLOR: "1" } });
    expect(out.stdout).toContain(esc);
    expect(out.written["/project/r.txt"]).not.toContain(esc); // a file never
    expect((await cli(["check", "--json"], { files, env: { FORCE_COLOR: "1" } })).stdout).not.toContain(esc);
  });
});

describe("help wraps to the terminal", () => {
  // Commander wraps a description when it has 40 columns beside the options.
  it.each([70, 100])("check --help in %i columns", async (columns) => {
    const r = await cli(["check", "--help"], { tty: true, columns });
    expect(r.code).toBe(0);
    expect(widest(r.stdout)).toBeLessThanOrEqual(columns);
    expect(widest(r.stdout)).toBeGreaterThan(columns - 15);
  });
  it("80 columns without a terminal", async () => {
    const r = await cli(["size", "--help"], { columns: 200 });
    expect(widest(r.stdout)).toBeLessThanOrEqual(80);
    expect(widest(r.stdout)).toBeGreaterThan(70);
  });
});
