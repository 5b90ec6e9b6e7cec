// Compare `pymem load` with a load corpus of one version, row by row:
// npx tsx scripts/load-compare.ts loaddata.jsonl 3.10 [id-substring]
// prints each WRONG and REFUSED row (Q=1: only the tallies).
import { readFileSync } from "node:fs";
import { layoutFor } from "../tests/layoutFor.js";
import { fixturePath } from "../tests/fixtureRows.js";
import { loadFile, type Loader } from "../src/load/loadFile.js";

interface Row { id: string; file: string; loader: Loader; type?: string; size?: number; deep?: number; objects?: number; error?: { type: string; message: string } }
const [corpus, version, filter] = process.argv.slice(2);
const layout = layoutFor(version!)!;
const data = fixturePath("fixtures/data/load/", version!);
let ok = 0, wrong = 0, refused = 0;
for (const line of readFileSync(fixturePath(corpus!, version!), "utf8").split("\n")) {
  if (line === "") continue;
  const row = JSON.parse(line) as Row;
  if (filter && !row.id.includes(filter)) continue;
  let r;
  try {
    r = loadFile(data + row.file, row.loader, layout);
  } catch (e) {
    wrong++;
    console.log(`THROWN ${row.id}: ${(e as Error).stack?.split("\n").slice(0, 3).join(" | ")}`);
    continue;
  }
  if (!r.ok && r.error.code === "UNSUPPORTED") { refused++; if (!process.env.Q) console.log(`REFUSED ${row.id}: ${r.error.message}`); continue; }
  const got = r.ok ? JSON.stringify({ type: r.m.type, size: r.m.size, deep: r.m.deep, objects: r.m.objects }) : JSON.stringify({ error: { type: r.error.pyType ?? r.error.code, message: r.error.message } });
  const want = row.error !== undefined ? JSON.stringify({ error: row.error }) : JSON.stringify({ type: row.type, size: row.size, deep: row.deep, objects: row.objects });
  if (got === want) ok++;
  else { wrong++; if (!process.env.Q) console.log(`WRONG ${row.id}:\n  want ${want.slice(0, 300)}\n  got  ${got.slice(0, 300)}`); }
}
console.log(`${corpus} ${version}: ok ${ok} wrong ${wrong} refused ${refused}`);
