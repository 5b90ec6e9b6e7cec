// json.loads / csv over a StringIO as code meets data (fixtures/loadsize_cases.py): the table
// test checks an error row's exception type; here its message must be CPython's too (a
// JSONDecodeError's position, the int digit limit's wording per version, csv.Error's text).
import { describe, expect, it } from "vitest";
import { measure } from "../src/sizing/measure.js";
import { FIXTURE_VERSIONS, isError, loadFixtures } from "./fixtureRows.js";
import { layoutFor } from "./layoutFor.js";

describe.each(FIXTURE_VERSIONS)("loadsize error messages, CPython %s", (version) => {
  const layout = layoutFor(version);
  const rows = loadFixtures("loadsize.jsonl", version).filter(isError);
  it("has error rows", () => {
    expect(rows.length).toBeGreaterThan(200);
  });
  it.each(rows.map((r) => [r.id, r] as const))("%s", (_id, row) => {
    if (layout === undefined) return;
    const r = measure({ expr: row.expr, setup: row.setup, layout });
    if (!r.ok && r.error.code === "UNSUPPORTED") return;
    expect(r.ok ? "answered" : `${r.error.pyType ?? r.error.code}: ${r.error.message}`).toBe(`${row.error.type}: ${row.error.message}`);
  });
});
