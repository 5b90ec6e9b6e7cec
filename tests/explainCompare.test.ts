// pymem explain and pymem compare on a fake io; every figure comes from the fixtures.
import { describe, expect, it } from "vitest";
import { cpython310 } from "../src/layouts/cpython310/index.js";
import { measure } from "../src/sizing/measure.js";
import { cli } from "./cliHarness.js";
import { isError, loadFixtures } from "./fixtureRows.js";
import { truth } from "./truth.js";

// The setup of the fixture rows classes/issue/*, as a user's m.py.
const models = `class D:
    def __init__(self, x, y):
        self.x = x
        self.y = y
class S:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y`;
const files = { "/project/m.py": models };

describe("pymem explain", () => {
  it("lays out [1,2,3] field by field, adding up to getsizeof, then the deep sum", async () => {
    const r = await cli(["explain", "[1,2,3]"]);
    expect(r.code).toBe(0);
    for (const field of ["PyGC_Head", "ob_refcnt", "ob_type", "ob_size", "ob_item", "allocated", "item array"]) expect(r.stdout).toContain(field);
    const t = truth("[1,2,3]");
    expect(r.stdout).toMatch(new RegExp(`total\\s+│\\s+│\\s+│\\s+${t.size} │`));
    expect(r.stdout).toContain(`deep ${t.deep} = ${t.size} (list) + 3 × int`);
    expect(r.stdout).toMatchSnapshot();
  });
  it("shows the compact latin-1 layout of 'é'", async () => {
    const r = await cli(["explain", "'é'"]);
    expect(r.stdout).toContain("PyCompactUnicodeObject");
    expect(r.stdout).toMatch(new RegExp(`total\\s+│\\s+│\\s+│\\s+${truth("'é'").size} │`));
  });
  it("--deep explains each type reached; --json gives the same as data", async () => {
    const r = await cli(["explain", "--deep", "--setup-file", "m.py", "D(1, 2)"], { files });
    for (const s of ["D instance", "PyDictObject", "PyLongObject", "PyASCIIObject"]) expect(r.stdout).toContain(s);
    const j = await cli(["explain", "--json", "--deep", "--setup-file", "m.py", "D(1, 2)"], { files });
    const data = JSON.parse(j.stdout) as { explain: { type: string; total: number; rows: { size: number }[] }[] };
    expect(data.explain.map((e) => e.type)).toEqual(["D", "dict", "int", "str"]);
    for (const e of data.explain) expect(e.rows.reduce((n, x) => n + x.size, 0)).toBe(e.total);
  });
});

describe("explanations add up to getsizeof for every kind of value in the corpora", () => {
  const rows = [...loadFixtures("core.jsonl"), ...loadFixtures("classes.jsonl")].filter((r) => !isError(r) && r.objects < 2000).slice(0, 3000);
  it("checks thousands of values", () => {
    let checked = 0;
    for (const row of rows) {
      const r = measure({ expr: row.expr, setup: row.setup, layout: cpython310, explain: "deep" });
      if (!r.ok) continue;
      for (const e of r.m.explanations ?? []) {
        expect(e.rows.reduce((n, x) => n + x.size, 0), `${row.id} ${e.type}`).toBe(e.total);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(2000);
  });
});

describe("pymem compare", () => {
  it("puts D(1, 2) and S(1, 2) side by side with the saving", async () => {
    const d = truth("D(1, 2)", models);
    const s = truth("S(1, 2)", models);
    const r = await cli(["compare", "--setup-file", "m.py", "D(1, 2)", "S(1, 2)"], { files });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(new RegExp(`D\\(1, 2\\)\\s+│ D\\s+│\\s+${d.size} │\\s+${d.deep} │`));
    expect(r.stdout).toMatch(new RegExp(`S\\(1, 2\\)\\s+│ S\\s+│\\s+${s.size} │\\s+${s.deep} │`));
    expect(r.stdout).toContain(`${(((d.deep - s.deep) / d.deep) * 100).toFixed(1)}%`);
  });
  it("--count multiplies, --json gives the figures", async () => {
    const j = await cli(["compare", "--json", "--count", "1000", "--setup-file", "m.py", "D(1, 2)", "S(1, 2)"], { files });
    const [a, b] = j.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, number>);
    const d = truth("D(1, 2)", models);
    const s = truth("S(1, 2)", models);
    expect(a).toMatchObject({ deep: d.deep, deepTimesCount: d.deep * 1000, deepDifference: 0 });
    expect(b).toMatchObject({ deep: s.deep, deepTimesCount: s.deep * 1000, deepDifference: (s.deep - d.deep) * 1000 });
  });
  it("exits 2 when an expression fails, still comparing the rest", async () => {
    const r = await cli(["compare", "[1]", "1/0"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/ZeroDivisionError/);
  });
});

describe("setup work is bounded", () => {
  it("`while True: pass` ends with a LIMIT error", { timeout: 10_000 }, async () => {
    const r = await cli(["size", "--json", "--setup", "while True: pass", "1"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: "LIMIT", in: "setup" } });
  });
});
