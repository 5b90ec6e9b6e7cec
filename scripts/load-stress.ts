// pymem load against truth rows for files outside the repository (big generated files, not committed):
// npx tsx scripts/load-stress.ts TRUTH.jsonl DIR VERSION — rows as loaddata_cases.py writes them, files in DIR.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { layoutFor } from "../tests/layoutFor.js";
import { loadFile, type Loader } from "../src/load/loadFile.js";

interface Row { id: string; file: string; loader: Loader; type?: string; size?: number; deep?: number; objects?: number; error?: { type: string; message: string } }
const [truth, dir, version] = process.argv.slice(2);
const layout = layoutFor(version!)!;
let bad = 0;
for (const line of readFileSync(truth!, "utf8").split("\n")) {
  if (line === "") continue;
  const row = JSON.parse(line) as Row;
  const t0 = performance.now();
  const r = loadFile(join(dir!, row.file), row.loader, layout);
  const ms = Math.round(performance.now() - t0);
  const got = r.ok ? JSON.stringify({ type: r.m.type, size: r.m.size, deep: r.m.deep, objects: r.m.objects }) : JSON.stringify({ error: { type: r.error.pyType ?? r.error.code, message: r.error.message } });
  const want = row.error !== undefined ? JSON.stringify({ error: row.error }) : JSON.stringify({ type: row.type, size: row.size, deep: row.deep, objects: row.objects });
  const ok = got === want;
  if (!ok) bad++;
  console.log(`${ok ? "ok   " : "WRONG"} ${row.id} ${ms} ms, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB${ok ? "" : `\n  want ${want}\n  got  ${got}`}`);
}
process.exit(bad === 0 ? 0 : 1);
