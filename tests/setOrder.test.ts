// Sets holding a key whose hash the process decides (str, bytes, None, plain
// instances) have no single CPython order; pymem promises insertion order for
// them, kept through every table route (resize, copy, merge, algebra, pop).
// Keys with deterministic hashes are checked against CPython by the fixtures.
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

describe("insertion order for stand-in hashes", () => {
  it.each([
    ["list(set(['b', 'a', 'c']))", null, "['b', 'a', 'c']"],
    ["list({1, 'a', 2, 'z', 0})", null, "[1, 'a', 2, 'z', 0]"],
    ["list(s | {'k'})", "s = {5, 1, 9}\ns.add('x')\ns.add(3)", "[1, 5, 9, 'x', 3, 'k']"],
    ["list(set(map(str, range(40))))[-3:]", null, "['37', '38', '39']"],
    ["[s.pop() for _ in range(3)]", "s = set('zyxw')", "['z', 'y', 'x']"],
    // set_symmetric_difference builds from the right operand, then toggles the left's keys in.
    ["list(frozenset(s) ^ {'q', 'z'})", "s = set('zyxw')", "['q', 'y', 'x', 'w']"],
    ["list({None, 'b', 7})", null, "[None, 'b', 7]"],
  ])("%s", (expr, setup, want) => {
    expect(reprOf(expr, setup)).toBe(want);
  });
});
