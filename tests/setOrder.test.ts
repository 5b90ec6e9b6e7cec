// Sets holding a key whose hash is its address (plain instances, NaN, functions)
// have no single CPython order; pymem promises insertion order for them, kept
// through every table route (resize, copy, merge, algebra, pop). Keys with
// deterministic hashes — str and bytes included, hashed as PYTHONHASHSEED=0
// does — are checked against CPython by the fixtures (setorder.jsonl among them).
import { describe, expect, it } from "vitest";
import { cpython310 } from "../src/layouts/cpython310/index.js";
import { withCtx } from "../src/runtime/ctx.js";
import { evaluate } from "../src/runtime/evaluate.js";
import { budgetFor } from "../src/runtime/ctx.js";
import { repr } from "../src/runtime/repr.js";
import { getsizeof } from "../src/sizing/getsizeof.js";

function reprOf(expr: string, setup: string | null = null): string {
  const r = evaluate({ expr, setup, layout: cpython310, budget: budgetFor(), sizes: () => ({ getsizeof: (o) => getsizeof(o, cpython310), sizeofMethod: () => 0 }) });
  if (!r.ok) throw new Error(r.error.message);
  return withCtx(r.ctx, () => repr(r.value));
}

const K = "class K:\n    def __init__(self, n): self.n = n\n    def __repr__(self): return 'K%d' % self.n\n";

describe("insertion order for stand-in hashes", () => {
  it.each([
    ["list(set([K(2), K(1), K(3)]))", K, "[K2, K1, K3]"],
    ["list({1, K(5), 2, K(9), 0})", K, "[1, K5, 2, K9, 0]"],
    ["list(s | {K(7)})", K + "s = {5, 1, 9}\ns.add(K(0))\ns.add(3)", "[1, 5, 9, K0, 3, K7]"],
    ["list(set(K(i) for i in range(40)))[-3:]", K, "[K37, K38, K39]"],
    ["[s.pop() for _ in range(3)]", K + "s = {K(4), K(3), K(2), K(1)}", "[K4, K3, K2]"],
    // set_symmetric_difference builds from the right operand, then toggles the left's keys in.
    ["list(frozenset(s) ^ {q, z})", K + "z, y, x, w, q = K(26), K(25), K(24), K(23), K(17)\ns = {z, y, x, w}", "[K17, K25, K24, K23]"],
    ["list({None, K(2), 7})", K, "[None, K2, 7]"],
  ])("%s", (expr, setup, want) => {
    expect(reprOf(expr, setup)).toBe(want);
  });
});
