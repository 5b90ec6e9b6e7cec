// Development aid for the itertools corpus: every row of fixtures/<version>/itertools.jsonl
// (or --file=NAME) measured by pymem under each version's layout, counted as exact, refused
// (UNSUPPORTED, with its message) or wrong (with what differs), isLater rows included.
//
//   npx tsx scripts/itertools-compare.ts [VERSION...] [--file=itertools.jsonl] [filter] [-v]
import { measure } from "../src/sizing/measure.js";
import { isError, loadFixtures, type FixtureRow } from "../tests/fixtureRows.js";
import { layoutFor } from "../tests/layoutFor.js";

const argv = process.argv.slice(2);
const file = argv.find((a) => a.startsWith("--file="))?.slice(7) ?? "itertools.jsonl";
const verbose = argv.includes("-v");
const positional = argv.filter((a) => !a.startsWith("-"));
const versions = positional.filter((a) => /^3\.\d+$/.test(a));
const filter = positional.find((a) => !/^3\.\d+$/.test(a)) ?? "";

function verdict(row: FixtureRow, version: string): { kind: "exact" | "refused" | "wrong"; detail: string } {
  const layout = layoutFor(version);
  if (layout === undefined) return { kind: "wrong", detail: `no layout for ${version}` };
  const r = measure({ expr: row.expr, setup: row.setup, layout });
  if (!r.ok && r.error.code === "UNSUPPORTED") return { kind: "refused", detail: r.error.message };
  if (isError(row)) {
    if (r.ok) return { kind: "wrong", detail: `expected ${row.error.type}: ${row.error.message}; got ${r.m.type} ${r.m.size}/${r.m.deep}/${r.m.objects}` };
    if (r.error.pyType !== row.error.type) return { kind: "wrong", detail: `expected ${row.error.type}: ${row.error.message}; got ${r.error.code} ${r.error.pyType ?? ""}: ${r.error.message}` };
    return { kind: "exact", detail: "" };
  }
  if (!r.ok) return { kind: "wrong", detail: `got ${r.error.code} ${r.error.pyType ?? ""}: ${r.error.message}` };
  const got = `${r.m.type} ${r.m.size}/${r.m.deep}/${r.m.objects}`;
  const want = `${row.type} ${row.size}/${row.deep}/${row.objects}`;
  if (got !== want) return { kind: "wrong", detail: `got ${got}, want ${want}` };
  const breakdown = JSON.stringify(Object.fromEntries([...r.m.breakdown].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [v.count, v.bytes]])));
  if (breakdown !== JSON.stringify(row.breakdown)) return { kind: "wrong", detail: `breakdown ${breakdown}, want ${JSON.stringify(row.breakdown)}` };
  return { kind: "exact", detail: "" };
}

let anyWrong = false;
for (const version of versions.length > 0 ? versions : ["3.8", "3.9", "3.10", "3.11", "3.12", "3.13"]) {
  const rows = loadFixtures(file, version).filter((r) => r.id.includes(filter));
  const counts = { exact: 0, refused: 0, wrong: 0 };
  const lines: string[] = [];
  for (const row of rows) {
    const v = verdict(row, version);
    counts[v.kind]++;
    if (v.kind === "wrong" || (v.kind === "refused" && verbose)) {
      lines.push(`  ${v.kind.padEnd(7)} ${row.id}  ${JSON.stringify(row.expr)}${row.setup !== null ? `  setup=${JSON.stringify(row.setup)}` : ""}\n          ${v.detail}`);
    }
  }
  anyWrong ||= counts.wrong > 0;
  console.log(`${version}: ${rows.length} rows: ${counts.exact} exact, ${counts.refused} refused, ${counts.wrong} wrong`);
  for (const l of lines) console.log(l);
}
process.exit(anyWrong ? 1 : 0);
