// Expected figures for the CLI and budget tests, looked up in the generated
// fixtures (never typed by hand): truth("[1,2,3]").deep is what CPython said.
// The CLI measures CPython 3.10, so the figures are 3.10's.
import { isError, loadFixtures, type FixtureOk } from "./fixtureRows.js";

const byKey = new Map<string, FixtureOk>();
for (const r of ["core.jsonl", "more.jsonl", "classes.jsonl", "stdlib.jsonl"].flatMap((name) => loadFixtures(name, "3.10"))) {
  if (!isError(r)) byKey.set(`${r.expr}\u0000${r.setup ?? ""}`, r);
}

export function truth(expr: string, setup: string | null = null): FixtureOk {
  const r = byKey.get(`${expr}\u0000${setup ?? ""}`);
  if (r === undefined) throw new Error(`no fixture row for ${JSON.stringify(expr)} (setup ${JSON.stringify(setup)}): add it to fixtures/generate.py`);
  return r;
}
