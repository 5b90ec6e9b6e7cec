// Robustness replay: a fixed sample of mutated inputs (broken, hostile or
// oversized versions of the fuzz corpus's expressions, tests/fuzzMutate.ts)
// must each come back as a value or a clean error value — never a thrown
// JavaScript error (a stack trace at the CLI), never INTERNAL — within a
// bounded time. The differential half of the fuzz guard is the `fuzz`
// category of tests/fixtures.test.ts (fixtures/3.10/fuzz.jsonl); `npm run fuzz`
// runs fresh seeds of both against the real interpreter.
import { describe, expect, it } from "vitest";
import { cpython310 } from "../src/layouts/cpython310/index.js";
import { measure, type MeasureResult } from "../src/sizing/measure.js";
import { loadFixtures } from "./fixtureRows.js";
import { mutations, mutate, rng } from "./fuzzMutate.js";

const SEED = 20_261_201;
const COUNT = 200;
// pymem's own work bound, shortened so that the sample stays fast; an input must
// then finish within CPU_BOUND_MS of CPU (a bound on the whole measure(), sizing included).
const TIME_LIMIT_MS = 250;
const CPU_BOUND_MS = 4000;

const exprs = loadFixtures("fuzz.jsonl", "3.10").map((r) => r.expr);
const inputs = mutations(exprs, SEED, COUNT);

describe("fuzz: mutated inputs", () => {
  it("the mutator is deterministic and mutates", () => {
    expect(mutations(exprs, SEED, 20)).toEqual(inputs.slice(0, 20));
    expect(inputs.filter((m) => exprs.includes(m)).length).toBeLessThan(COUNT / 10);
    expect(mutate(rng(1), "[1, 2]", "(3,)")).toBe(mutate(rng(1), "[1, 2]", "(3,)"));
  });

  it.each(inputs.map((m, i) => [i, m.length > 80 ? `${m.slice(0, 80)}… (${m.length} chars)` : m, m] as const))(
    "#%i %s",
    (_i, _shown, input) => {
      const c0 = process.cpuUsage();
      let r: MeasureResult | { thrown: unknown };
      try {
        r = measure({ expr: input, setup: null, layout: cpython310, timeoutS: TIME_LIMIT_MS / 1000 });
      } catch (e) {
        r = { thrown: e };
      }
      const c = process.cpuUsage(c0);
      expect("thrown" in r ? String((r as { thrown: unknown }).thrown) : null).toBeNull();
      if ("thrown" in r) return;
      expect(r.ok ? null : r.error.code).not.toBe("INTERNAL");
      expect((c.user + c.system) / 1000).toBeLessThan(CPU_BOUND_MS);
    },
  );
});
