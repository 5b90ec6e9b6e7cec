// The 3.10 layout's growth rules, replayed on their own and checked against
// the sizes the real interpreter reported for the same construction paths
// (fixtures/3.10/core.jsonl): append growth, dict insertion growth, set add growth,
// PEP 393 string sizes, int digits.
import { describe, expect, it } from "vitest";
import { cpython310 as L } from "../src/layouts/cpython310/index.js";
import { UNICODE_CHECKS } from "../src/layouts/cpython310/unicodeTables.js";
import { cpython38 } from "../src/layouts/cpython38/index.js";
import { UNICODE_CHECKS as UNICODE_CHECKS_38 } from "../src/layouts/cpython38/unicodeTables.js";
import { measureText } from "../src/runtime/objects.js";
import { isError, loadFixtures, type FixtureOk } from "./fixtureRows.js";

const rows = loadFixtures("core.jsonl", "3.10").filter((r): r is FixtureOk => !isError(r));

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
    expect(L.dict.sizeof(size, true)).toBe(row.size);
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

describe.each([
  ["3.10", L, UNICODE_CHECKS],
  ["3.8", cpython38, UNICODE_CHECKS_38],
] as const)("Unicode data of %s: CPython's tables, decoded", (_version, layout, checks) => {
  it("decodes the case maps to CPython's own, as counted and digested by the generator", () => {
    // FNV-1a over the UTF-16 code units of each changed code point then its mapping, 0xffff after each.
    const fnv = (h: number, s: string): number => {
      for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
      return Math.imul(h ^ 0xffff, 0x01000193) >>> 0;
    };
    const maps = layout.unicodeData.caseMaps();
    for (const name of ["upper", "lower", "title", "fold"] as const) {
      const map = maps[name];
      let h = 0x811c9dc5;
      for (const cp of [...map.keys()].sort((a, b) => a - b)) h = fnv(fnv(h, String.fromCodePoint(cp)), map.get(cp) as string);
      expect([map.size, h], name).toEqual(checks.cases[name]);
    }
    const mapped = new Set([...maps.upper.keys(), ...maps.lower.keys(), ...maps.title.keys(), ...maps.fold.keys()]);
    expect(mapped.size).toBe(checks.caseMapped);
  });
  it("decodes each range table to as many code points as CPython's predicate accepts", () => {
    for (const [name, count] of Object.entries(checks.ranges)) {
      const r = layout.unicodeData.table(name as keyof typeof checks.ranges).ranges;
      let n = 0;
      for (let k = 0; k < r.length; k += 2) n += (r[k + 1] as number) - (r[k] as number);
      expect(n, name).toBe(count);
    }
  });
  it("decodes every range table to sorted, disjoint, non-empty ranges within Unicode", () => {
    const names = ["space", "alpha", "decimal", "digit", "numeric", "printable", "lower", "upper", "title", "cased", "caseIgnorable", "identifierStart", "identifierContinue"] as const;
    for (const name of names) {
      const r = layout.unicodeData.table(name).ranges;
      expect(r.length, name).toBeGreaterThan(0);
      for (let k = 0; k < r.length; k += 2) {
        expect((r[k] as number) < (r[k + 1] as number), name).toBe(true);
        if (k > 0) expect((r[k - 1] as number) < (r[k] as number), name).toBe(true);
      }
      expect(r[r.length - 1] as number, name).toBeLessThanOrEqual(0x110000);
    }
  });
  it("agrees between its bitset and its ranges, in and past the BMP", () => {
    const t = layout.unicodeData.table("alpha");
    let inRanges = 0;
    for (let k = 0; k < t.ranges.length; k += 2) inRanges += (t.ranges[k + 1] as number) - (t.ranges[k] as number);
    let counted = 0;
    for (let cp = 0; cp < 0x110000; cp++) if (t.has(cp)) counted++;
    expect(counted).toBe(inRanges);
  });
});
