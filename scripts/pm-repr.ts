// Print repr() of a value as pymem evaluates it: npx tsx scripts/pm-repr.ts VERSION SETUP EXPR
// (checks orders and contents against the real interpreter while developing; sizes are pm-one.ts's).
import { evaluate } from "../src/runtime/evaluate.js";
import { strText } from "../src/runtime/text.js";
import { layoutFor } from "../tests/layoutFor.js";
const [version, setup, expr] = process.argv.slice(2);
const r = evaluate({ expr: `repr(${expr!})`, setup: setup === "" ? null : setup!, layout: layoutFor(version!)!, budget: { steps: 1e9 } as never, sizes: () => ({}) as never });
console.log(r.ok && r.value.t === "str" ? strText(r.value) : r.ok ? r.value.t : `${r.error.code} ${r.error.message}`);
