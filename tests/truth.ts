// Expected figures for the CLI and budget tests, looked up in the generated
// fixtures (never typed by hand): truth("[1,2,3]").deep is what CPython said.
// The CLI measures CPython 3.10 by default, so truth() gives 3.10's figures;
// truthOf("3.8", …) another committed version's.
import { isError, loadFixtures, type FixtureOk } from "./fixtureRows.js";

const byVersion = new Map<string, Map<string, FixtureOk>>();

function rowsOf(version: string): Map<string, FixtureOk> {
  let byKey = byVersion.get(version);
  if (byKey === undefined) {
    byKey = new Map();
    for (const r of ["core.jsonl", "more.jsonl", "classes.jsonl", "stdlib.jsonl"].flatMap((name) => loadFixtures(name, version))) {
      if (!isError(r)) byKey.set(`${r.expr}\u0000${r.setup ?? ""}`, r);
    }
    byVersion.set(version, byKey);
  }
  return byKey;
}

export function truthOf(version: string, expr: string, setup: string | null = null): FixtureOk {
  const r = rowsOf(version).get(`${expr}\u0000${setup ?? ""}`);
  if (r === undefined) throw new Error(`no ${version} fixture row for ${JSON.stringify(expr)} (setup ${JSON.stringify(setup)}): add it to fixtures/generate.py`);
  return r;
}

export function truth(expr: string, setup: string | null = null): FixtureOk {
  return truthOf("3.10", expr, setup);
}
