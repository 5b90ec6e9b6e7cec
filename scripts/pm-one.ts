// Measure one case with pymem: npx tsx scripts/pm-one.ts VERSION SETUP EXPR
import { measure } from "../src/sizing/measure.js";
import { layoutFor } from "../tests/layoutFor.js";
const [version, setup, expr] = process.argv.slice(2);
const r = measure({ expr: expr!, setup: setup === "" ? null : setup!, layout: layoutFor(version!)! });
console.log(r.ok ? JSON.stringify({ type: r.m.type, size: r.m.size, deep: r.m.deep, objects: r.m.objects }) : `${r.error.code} ${r.error.pyType ?? ""} ${r.error.message}`);
