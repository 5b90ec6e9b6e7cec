// pymem explain and pymem compare on a fake io; every figure comes from the fixtures.
import { describe, expect, it } from "vitest";
import { cpython310 } from "../src/layouts/cpython310/index.js";
import type { Layout } from "../src/layouts/layout.js";
import type { Explanation } from "../src/sizing/explain.js";
import { measure } from "../src/sizing/measure.js";
import { cli } from "./cliHarness.js";
import { isError, loadFixtures } from "./fixtureRows.js";
import { truth } from "./truth.js";
import { layoutFor } from "./layoutFor.js";

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
  it("lays out an OrderedDict: PyODictObject, its keys, od_fast_nodes and a node per item", async () => {
    const r = await cli(["explain", "--no-color", "collections.OrderedDict(a=1)"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("PyODictObject (OrderedDict)");
    for (const field of ["ma_used", "od_first", "od_fast_nodes_size", "od_inst_dict", "od_weakreflist", "keys: dk_entries", "od_fast_nodes array", "nodes"]) expect(r.stdout).toContain(field);
    expect(r.stdout).not.toContain("(other)");
    expect(r.stdout).toMatch(new RegExp(`total\\s+│\\s+│\\s+│\\s+${truth("collections.OrderedDict(a=1)").size} │`));
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

describe.each(["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"])("explanations add up to getsizeof for every value of the corpora (%s)", (version) => {
  const files = ["core.jsonl", "more.jsonl", "classes.jsonl", "stdlib.jsonl"];
  const rows = files.flatMap((f) => loadFixtures(f, version)).filter((r) => !isError(r));
  const layout = layoutFor(version) as Layout;

  /** What is wrong with an explanation, or null: it must lay out real members only, contiguously, adding up to getsizeof. */
  function fault(e: Explanation): string | null {
    if (e.unsupported !== undefined) return `unsupported: ${e.unsupported}`;
    if (e.rows.length === 0) return "no rows";
    // (padding), and from 3.11 the managed dict's (pre-header) words, are real bytes of the object.
    const filler = e.rows.find((r) => r.field.startsWith("(") && r.field !== "(padding)" && r.field !== "(pre-header)");
    if (filler !== undefined) return `filler row ${filler.field}`;
    const sum = e.rows.reduce((n, r) => n + r.size, 0);
    if (sum !== e.total) return `rows add up to ${sum}, getsizeof is ${e.total}`;
    // Members inside the object follow one another from the GC header (or 0) on, with no gap or overlap.
    const inside = e.rows.filter((r) => r.offset !== null);
    for (let i = 1; i < inside.length; i++) {
      const [a, b] = [inside[i - 1], inside[i]];
      if (a !== undefined && b !== undefined && (a.offset ?? 0) + a.size !== b.offset) return `${b.field} at ${b.offset} does not follow ${a.field}`;
    }
    if (inside[0] !== undefined && inside[0].offset !== 0 && inside[0].field !== "PyGC_Head") return `starts at ${inside[0].offset}`;
    return null;
  }

  it("every value pymem answers, and one object of every type it reaches, is laid out exactly", { timeout: 300_000 }, () => {
    let values = 0;
    let checked = 0;
    const faults: string[] = [];
    for (const row of rows) {
      const r = measure({ expr: row.expr, setup: row.setup, layout, explain: "deep" });
      if (!r.ok) continue;
      values++;
      for (const e of r.m.explanations ?? []) {
        checked++;
        const f = fault(e);
        if (f !== null && faults.length < 20) faults.push(`${row.id} ${e.type}: ${f}`);
      }
    }
    expect(faults).toEqual([]);
    expect(values).toBeGreaterThan(13_000);
    expect(checked).toBeGreaterThan(22_000);
  });

  it("refuses, rather than inventing a row, when a struct table does not add up", () => {
    // PyListObject without its `allocated` member: 8 bytes short of getsizeof.
    const list = cpython310.list.struct;
    const broken: Layout = { ...cpython310, list: { ...cpython310.list, struct: { ...list, fields: list.fields.filter((f) => f.name !== "allocated") } } };
    const r = measure({ expr: "[1, 2, 3]", setup: null, layout: broken, explain: "value" });
    expect(r.ok).toBe(true);
    const e = r.ok ? r.m.explanations?.[0] : undefined;
    expect(e?.rows).toEqual([]);
    expect(e?.unsupported).toMatch(/add up to 80 bytes, not getsizeof's 88/);
    expect(e === undefined ? null : fault(e)).not.toBeNull();
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
    const r = await cli(["size", "--json", "--timeout", "2", "--setup", "while True: pass", "1"]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ error: { code: "LIMIT", in: "setup" } });
  });
});
