// Compare pymem with one corpus of one version, row by row: npx tsx scripts/corpus-compare.ts realcode.jsonl 3.10 [id-substring]
// prints each WRONG and REFUSED row (Q=1: only the tallies and the commonest refusals).
import { measure } from "../src/sizing/measure.js";
import { layoutFor } from "../tests/layoutFor.js";
import { loadFixtures, isError } from "../tests/fixtureRows.js";
const [corpus, version, filter] = process.argv.slice(2);
const layout = layoutFor(version!)!;
let ok = 0, wrong = 0, refused = 0;
const byReason = new Map<string, number>();
for (const row of loadFixtures(corpus!, version!)) {
  if (filter && !row.id.includes(filter)) continue;
  const r = measure({ expr: row.expr, setup: row.setup, layout });
  let good: boolean; let msg = "";
  if (!r.ok && r.error.code === "UNSUPPORTED") { refused++; byReason.set(r.error.message, (byReason.get(r.error.message) ?? 0) + 1); if (!process.env.Q) console.log(`REFUSED ${row.id}: ${r.error.message}`); continue; }
  if (isError(row)) { good = !r.ok && r.error.pyType === row.error.type; msg = `want ${row.error.type}: ${row.error.message}; got ${r.ok ? JSON.stringify({ type: r.m.type, size: r.m.size }) : r.error.code + " " + r.error.pyType + " " + r.error.message}`; }
  else if (!r.ok) { good = false; msg = `want ${JSON.stringify({ type: row.type, size: row.size, deep: row.deep, objects: row.objects })}; got error ${r.error.code} ${r.error.pyType} ${r.error.message}`; }
  else {
    const got = { type: r.m.type, size: r.m.size, deep: r.m.deep, objects: r.m.objects };
    const want = { type: row.type, size: row.size, deep: row.deep, objects: row.objects };
    good = JSON.stringify(got) === JSON.stringify(want);
    msg = `want ${JSON.stringify(want)} got ${JSON.stringify(got)}`;
  }
  if (good) ok++; else { wrong++; if (!process.env.Q) console.log(`WRONG ${row.id}: ${msg}\n   setup: ${JSON.stringify(row.setup)}\n   expr: ${row.expr}`); }
}
console.log(`ok ${ok} wrong ${wrong} refused ${refused}`);
if (process.env.Q) for (const [k, v] of [...byReason].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log(`  ${v} ${k}`);
