// The 3.10 layout's growth rules, replayed on their own and checked against
// the sizes the real interpreter reported for the same construction paths
// (fixtures/core.jsonl): append growth, dict insertion growth, set add growth,
// PEP 393 string sizes, int digits.
import { describe, expect, it } from "vitest";
import { cpython310 as L } from "../src/layouts/cpython310/index.js";
import { measureText } from "../src/runtime/objects.js";
import { isError, loadFixtures, type FixtureOk } from "./fixtureRows.js";

const rows = loadFixtures("core.jsonl").filter((r): r is FixtureOk => !isError(r));

function rowsMatching(re: RegExp): [number, FixtureOk][] {
  return rows.flatMap((r) => {
    const m = re.exec(r.expr);
    return m !== null && r.setup === null ? [[Number(m[1]), r] as [number, FixtureOk]] : [];
  });
}

describe("PyListObject: list_resize replayed append by append", () => {
  const cases = rowsMatching(/^\[i for i in range\((\d+)\)\]$/);
  it("has comprehension rows to check", () => expect(cases.length).toBeGreaterThan(30));
  it.each(cases)("n = %i", (n, row) => {
    let allocated = 0;
    for (let size = 0; size < n; size++) if (size >= allocated) allocated = L.list.resize(allocated, size, size + 1);
    expect(L.list.sizeof(allocated)).toBe(row.size);
  });
});

describe("PyDictObject: insertdict growth replayed key by key", () => {
  const cases = rowsMatching(/^\{i: i for i in range\((\d+)\)\}$/);
  it("has comprehension rows to check", () => expect(cases.length).toBeGreaterThan(30));
  it.each(cases)("n = %i", (n, row) => {
    let size = 0;
    let usable = 0;
    for (let used = 0; used < n; used++) {
      if (size === 0) [size, usable] = [L.dict.minsize, L.dict.usableFraction(L.dict.minsize)];
      else if (usable <= 0) {
        size = L.dict.resizeSize(L.dict.growthRate(used));
        usable = L.dict.usableFraction(size) - used;
      }
      usable--;
    }
    expect(L.dict.sizeof(size)).toBe(row.size);
  });
});

describe("PySetObject: set_add_entry growth replayed key by key", () => {
  const cases = rowsMatching(/^\{i for i in range\((\d+)\)\}$/);
  it("has comprehension rows to check", () => expect(cases.length).toBeGreaterThan(30));
  it.each(cases)("n = %i", (n, row) => {
    let size = L.set.minsize;
    let fill = 0;
    for (let used = 1; used <= n; used++) {
      fill++;
      if (L.set.addNeedsResize(fill, size)) {
        size = L.set.tableResize(L.set.growthTarget(used));
        fill = used;
      }
    }
    expect(L.set.sizeof(size)).toBe(row.size);
  });
});

describe("PyUnicodeObject: compact sizes of every PEP 393 kind", () => {
  const cases = rows.filter((r) => /^str\/literal-/.test(r.id) && r.type === "str");
  it("has literal rows to check", () => expect(cases.length).toBeGreaterThan(40));
  it.each(cases.map((r) => [r.expr, r] as const))("%s", (expr, row) => {
    const text = (JSON.parse(JSON.stringify(expr)) as string).slice(1, -1);
    if (/\\/.test(text)) return; // escapes are the parser's business, covered by the table test
    const { length, maxChar } = measureText(text);
    expect(L.unicode.sizeof(length, maxChar)).toBe(row.size);
  });
});

describe("PyLongObject: 30-bit digits", () => {
  const cases = rows.filter((r) => /^int\/literal\//.test(r.id) && /^-?\d+$/.test(r.expr));
  it("has literal rows to check", () => expect(cases.length).toBeGreaterThan(10));
  it.each(cases.map((r) => [r.expr, r] as const))("%s", (expr, row) => {
    expect(L.long.sizeof(BigInt(expr))).toBe(row.size);
  });
});
