// Every version's fixture files hold the same cases (tests/fixtureTable.ts runs each
// version's rows, from fixtures-3.x.test.ts, one file per version so each worker holds
// one version's rows).
import { existsSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { CORPORA, crashRows, FIXTURE_VERSIONS, loadFixtures } from "./fixtureRows.js";
import { layoutFor } from "./layoutFor.js";

it.each(FIXTURE_VERSIONS.map((v) => [v]))("fixtures %s have their table test file", (v) => {
  expect(existsSync(new URL(`./fixtures-${v}.test.ts`, import.meta.url))).toBe(true);
});

// Every version's files hold the same cases under the same ids (only the answers differ), so an id
// names one expression everywhere; fuzz.jsonl may leave out different cases per version (too slow,
// hash-order dependent), but an id it keeps is the same expression.
describe("fixtures: one corpus for every version", () => {
  // Against the version pymem models (3.10), whose ids the known gaps name.
  const first = FIXTURE_VERSIONS.find((v) => layoutFor(v) !== undefined) ?? (FIXTURE_VERSIONS[0] as string);
  const others = FIXTURE_VERSIONS.filter((v) => v !== first);
  const key = (r: { id: string; expr: string; setup: string | null }): string => JSON.stringify([r.id, r.expr, r.setup]);
  const casesOf = (name: string, version: string): string[] => [...loadFixtures(name, version), ...crashRows(name, version)].map(key).sort();
  it.each(others.flatMap((v) => CORPORA.map((name) => [v, name] as const)))(`%s/%s has the cases of ${first}`, (version, name) => {
    const mine = casesOf(name, version);
    const theirs = casesOf(name, first);
    if (name === "fuzz.jsonl") {
      const exprOf = new Map(theirs.map((k) => [JSON.parse(k)[0] as string, k]));
      expect(mine.filter((k) => exprOf.has(JSON.parse(k)[0]) && exprOf.get(JSON.parse(k)[0]) !== k)).toEqual([]);
    } else {
      expect(mine).toEqual(theirs);
    }
  });
});
