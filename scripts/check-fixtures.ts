// Development aid: run every fixture through pymem and list the mismatches by
// category (`npx tsx scripts/check-fixtures.ts [filter] [--file=more.jsonl] [--version=3.10] [-v]`).
// --file names a file of fixtures/<version>/ (a name with a "/" is a path from the
// repository root); --version picks the CPython version, measured with the layout
// tests/layoutFor.ts gives it (3.10 by default).
import { measure } from "../src/sizing/measure.js";
import { isError, isLater, loadFixtures } from "../tests/fixtureRows.js";
import { layoutFor } from "../tests/layoutFor.js";

const filter = process.argv.slice(2).find((a) => !a.startsWith("-")) ?? "";
const verbose = process.argv.includes("-v");
const fileArg = process.argv.find((a) => a.startsWith("--file="));
const version = process.argv.find((a) => a.startsWith("--version="))?.slice(10) ?? "3.10";
const layout = layoutFor(version);
if (layout === undefined) {
  console.error(`pymem has no layout for CPython ${version} yet: add it to tests/layoutFor.ts`);
  process.exit(2);
}
const rows = loadFixtures(fileArg === undefined ? "core.jsonl" : fileArg.slice(7), version).filter((r) => r.id.includes(filter) && (process.argv.includes("--all") || !isLater(r)));
const bad = new Map<string, string[]>();
let pass = 0;
const t0 = performance.now();
for (const row of rows) {
  if (process.env["TRACE"] !== undefined) process.stderr.write(row.id + "\n");
  const r = measure({ expr: row.expr, setup: row.setup, layout });
  let problem: string | null = null;
  if (isError(row)) {
    if (r.ok) problem = `expected ${row.error.type}: ${row.error.message}, got ${r.m.type} ${r.m.size}/${r.m.deep}`;
    else if (r.error.pyType !== row.error.type) problem = `expected ${row.error.type}: ${row.error.message}; got ${r.error.code} ${r.error.pyType}: ${r.error.message}`;
    // As the table test: a syntax error must be at the interpreter's line too.
    else if (row.error.type === "SyntaxError" && row.error.line !== undefined && row.error.line > 0 && r.error.span?.line !== row.error.line) {
      problem = `expected SyntaxError at line ${row.error.line}; got line ${r.error.span?.line ?? "none"}: ${r.error.message}`;
    }
  } else if (!r.ok) problem = `error ${r.error.code} ${r.error.pyType ?? ""}: ${r.error.message}`;
  else if (r.m.type !== row.type || r.m.size !== row.size || r.m.deep !== row.deep || r.m.objects !== row.objects) {
    problem = `got ${r.m.type} ${r.m.size}/${r.m.deep}/${r.m.objects}, want ${row.type} ${row.size}/${row.deep}/${row.objects}`;
  } else {
    // The table test compares the per-type breakdown too: a row can differ there alone.
    const breakdown = JSON.stringify(Object.fromEntries([...r.m.breakdown].sort(([a], [b]) => (a < b ? -1 : 1)).map(([k, v]) => [k, [v.count, v.bytes]])));
    if (breakdown !== JSON.stringify(row.breakdown)) problem = `got breakdown ${breakdown}, want ${JSON.stringify(row.breakdown)}`;
  }
  if (problem === null) pass++;
  else {
    const cat = row.id.split("/").slice(0, 2).join("/");
    const list = bad.get(cat) ?? [];
    list.push(`${row.id}  ${JSON.stringify(row.expr)}${row.setup ? `  setup=${JSON.stringify(row.setup)}` : ""}\n      ${problem}`);
    bad.set(cat, list);
  }
}
for (const [cat, list] of [...bad.entries()].sort()) {
  console.log(`== ${cat}: ${list.length} failing`);
  for (const l of verbose ? list : list.slice(0, 4)) console.log("  " + l);
}
console.log(`${pass}/${rows.length} pass in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
