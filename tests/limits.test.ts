// Issue 8: every nesting CPython's parser accepts answers cheaply, and memory
// bombs answer exactly or end with LIMIT — never a hang, never Node out of heap.
// Work is asserted with pymem's deterministic step counter, not the clock.
import { describe, expect, it } from "vitest";
import { cpython310 } from "../src/layouts/cpython310/index.js";
import { budgetFor, type Ctx } from "../src/runtime/ctx.js";
import { evaluate, type EvalError } from "../src/runtime/evaluate.js";
import { getsizeof } from "../src/sizing/getsizeof.js";
import { measure } from "../src/sizing/measure.js";
import { cli } from "./cliHarness.js";

/** The steps one evaluation counted (parse, compile and run), and its error if any. */
function run(expr: string, setup: string | null = null, timeoutS = 4): { steps: number; error: EvalError | null } {
  let c: Ctx | null = null;
  const r = evaluate({
    expr,
    setup,
    layout: cpython310,
    budget: budgetFor(timeoutS),
    sizes: (cc) => {
      c = cc;
      return { getsizeof: (o) => getsizeof(o, cpython310), sizeofMethod: () => 0 };
    },
  });
  return { steps: (c as Ctx | null)?.steps ?? 0, error: r.ok ? null : r.error };
}

const SETUP = "x = [0]\nx[0] = x\ndef f(*a, **k): return f";

// CPython 3.10 refuses a 201st nested bracket; pymem's own bound on other nesting is 1000 levels.
const BRACKETS = 200;
const OTHER = 999;

/** [name, depth -> expression, deepest depth to try, steps allowed at depth n (default linear)] */
const NESTINGS: readonly (readonly [string, (n: number) => string, number, ((n: number) => number)?])[] = [
  ["tuple", (n) => "(1, ".repeat(n) + "1" + ")".repeat(n), BRACKETS],
  ["one-item tuple", (n) => "(".repeat(n) + "1," + "),".repeat(n - 1) + ")", BRACKETS],
  ["tuple in a set", (n) => "{" + "(1, ".repeat(n - 1) + "1" + ")".repeat(n - 1) + "}", BRACKETS],
  ["tuple as a dict key", (n) => "{" + "(1, ".repeat(n - 1) + "1" + ")".repeat(n - 1) + ": 1}", BRACKETS],
  ["list", (n) => "[".repeat(n) + "]".repeat(n), BRACKETS],
  ["list with items", (n) => "[1, ".repeat(n) + "1" + "]".repeat(n), BRACKETS],
  ["set", (n) => "{1, ".repeat(n) + "1" + "}".repeat(n), BRACKETS],
  ["dict value", (n) => "{1: ".repeat(n) + "1" + "}".repeat(n), BRACKETS],
  ["parentheses", (n) => "(".repeat(n) + "1" + ")".repeat(n), BRACKETS],
  ["call", (n) => "f(".repeat(n) + ")".repeat(n), BRACKETS],
  ["keyword call", (n) => "dict(a=".repeat(n - 1) + "1" + ")".repeat(n - 1), BRACKETS],
  ["list comprehension", (n) => "[".repeat(n) + "1" + " for _ in 'a']".repeat(n), BRACKETS],
  ["generator", (n) => "(".repeat(n) + "1" + " for _ in 'a')".repeat(n), BRACKETS],
  ["dict comprehension", (n) => "{1: ".repeat(n) + "1" + " for _ in 'a'}".repeat(n), BRACKETS],
  ["starred", (n) => "[*".repeat(n) + "()" + "]".repeat(n), BRACKETS - 1],
  ["dict unpacking", (n) => "{**".repeat(n) + "{}" + "}".repeat(n), BRACKETS - 1],
  ["walrus", (n) => "(y := ".repeat(n) + "1" + ")".repeat(n), BRACKETS],
  ["lambda in parentheses", (n) => "(lambda: ".repeat(n) + "1" + ")".repeat(n), BRACKETS],
  ["f-string fields", (n) => "f'" + "{1}".repeat(n) + "'", OTHER],
  ["subscript", (n) => "x" + "[0]".repeat(n), OTHER],
  ["slice", (n) => "x" + "[:]".repeat(n), OTHER],
  ["call chain", (n) => "f" + "()".repeat(n), OTHER],
  ["attribute", (n) => "1 .real" + ".real".repeat(n - 1), OTHER],
  ["minus", (n) => "-".repeat(n) + "1", OTHER],
  ["invert", (n) => "~".repeat(n) + "1", OTHER],
  ["not", (n) => "not ".repeat(n) + "1", OTHER],
  ["sum", (n) => Array(n + 1).fill("1").join(" + "), OTHER],
  ["power", (n) => Array(n + 1).fill("1").join(" ** "), OTHER],
  ["comparison chain", (n) => Array(n + 1).fill("1").join(" < "), OTHER],
  ["and chain", (n) => Array(n + 1).fill("1").join(" and "), OTHER],
  ["conditional", (n) => "1 if 1 else ".repeat(n) + "1", OTHER],
  ["lambda", (n) => "lambda: ".repeat(n) + "1", OTHER],
  ["implicit concatenation", (n) => "'a' ".repeat(n + 1), OTHER],
  // Folding makes a tuple of 3k items at level k, in CPython too: quadratic in the depth, by design.
  ["tuple repetition", (n) => "((1, 2),) * 3 + ".repeat(n) + "()", OTHER - 9, (n) => 5 * n * n + 10_000],
];

describe("nesting answers with work linear in its depth", () => {
  for (const [name, build, max, allowed = (n: number): number => 50 * n + 10_000] of NESTINGS) {
    it(name, () => {
      for (const n of [...new Set([1, 2, 10, 50, 100, max].filter((d) => d <= max))]) {
        const expr = build(n);
        const r = run(expr, SETUP);
        // An error is Python's own (e.g. unhashable set), never pymem giving up.
        if (r.error !== null) expect([n, r.error.code, r.error.message]).toEqual([n, expect.stringMatching(/^(PYTHON|NAME)$/), r.error.message]);
        expect(r.steps, `${name} at depth ${n}: ${r.steps} steps`).toBeLessThan(allowed(n));
      }
    });
  }

  it("nesting past pymem's 1000 levels is a LIMIT (CPython takes about 3000), not a SyntaxError", () => {
    for (const expr of ["-".repeat(1001) + "1", "1 if 1 else ".repeat(2000) + "1", "f" + "()".repeat(2990), "-".repeat(100_000) + "1"]) {
      const r = run(expr, SETUP);
      expect([expr.slice(0, 12), r.error?.code]).toEqual([expr.slice(0, 12), "LIMIT"]);
    }
    expect(run("1", "x = " + "-".repeat(1001) + "1").error?.code).toBe("LIMIT");
  });

  it("a 201st bracket is CPython's SyntaxError, not a hang", () => {
    const r = run("(".repeat(201) + "1" + ")".repeat(201));
    expect(r.error?.pyType).toBe("SyntaxError");
    expect(r.error?.message).toBe("too many nested parentheses");
  });
});

// Each ends exactly (figures are CPython's, in fixtures/3.10/more.jsonl "limits" and "big")
// or with LIMIT before pymem holds more than its budgets allow.
const BOMBS: readonly string[] = [
  "['a'*10**6 + 'b'*10**6 for _ in range(10**4)]",
  "[['a'*10**6 + 'b'*10**6 for _ in range(10**2)] for _ in range(10**2)]",
  "{('a'*10**6 + 'b'*10**6)[:i] for i in range(10**4)}",
  "bytes(10**10)",
  "'x'*10**9",
  "b'x'*10**9 + b'y'",
  "str(10**100000)",
  "[bytearray(10**8)]*5",
  "' '.join(['a'*10**7]*100)",
  "' '.join(['a'*10**7]*1000)",
  "('ab'*10**8).upper()",
  "('x'*10**8).encode()",
  "('x'*10**8).replace('x', 'yy')",
  "('a'*10**7).split('a')",
  "list('a'*10**8)",
  "('a'*10**8)[::2]",
  "'%s' % ('a'*10**8)",
  "f\"{'a'*10**8}{'b'*10**8}\"",
  "bytearray(10**9) + bytearray(10**9)",
  "[i for i in range(10**9)]",
  "[i for i in iter(range(10**9))]",
  // A precision past a double's exact digits: zeros, not a 10**precision bigint (which hung).
  "'%.100000000f' % 1.0",
  "f'{1.5:.{10**8}g}'",
  "b'x'.ljust(10**8)",
];

describe("memory bombs end exactly or with LIMIT", () => {
  it.each(BOMBS)("%s", (expr) => {
    const r = measure({ expr, setup: null, layout: cpython310 });
    if (!r.ok) expect(r.error.code, r.error.message).toMatch(/^(LIMIT|PYTHON)$/);
  });

  it.each(["f'{1:{10**9}}'", "format(1.0, '1000000000000')", "'%*d' % (10**9, 1)"])("%s: past what one JS string holds is LIMIT, not an INTERNAL crash", (expr) => {
    const r = measure({ expr, setup: null, layout: cpython310 });
    expect(r.ok ? r.m.size : [r.error.code, r.error.message]).toEqual(["LIMIT", expect.stringMatching(/a field width past \d+ characters, pymem.s limit for one str/)]);
  });

  it("the first one is CPython's 85,176 / 20,000,575,176 bytes", () => {
    const r = measure({ expr: BOMBS[0] as string, setup: null, layout: cpython310 });
    expect(r.ok ? [r.m.size, r.m.deep, r.m.objects] : r.error).toEqual([85_176, 20_000_575_176, 10_001]);
  });

  it("`while True: pass` stops on the step budget, and the message says how to raise it", () => {
    const r = run("1", "while True: pass");
    expect(r.error?.code).toBe("LIMIT");
    expect(r.error?.message).toMatch(/steps of work .*--timeout/);
    expect(r.steps).toBeGreaterThan(budgetFor(4).steps);
  });

  it("the step budget is deterministic and scales with --timeout", () => {
    // iter(range(...)): a comprehension over a range itself is a closed form (tests/closedForms.test.ts).
    const expr = "[i for i in iter(range(10**6))]";
    expect(run(expr, null, 4).error).toBeNull();
    expect(run(expr, null, 0.5).error?.code).toBe("LIMIT");
    expect(run(expr, null, 4).steps).toBe(run(expr, null, 4).steps);
  });
});

describe("--timeout", () => {
  it("scales the budget of size, explain and compare", async () => {
    const expr = "[i for i in iter(range(10**5))]";
    for (const cmd of ["size", "explain", "compare"]) {
      const small = await cli([cmd, "--json", "--timeout", "0.01", expr]);
      expect([cmd, small.code, small.stdout]).toEqual([cmd, 2, expect.stringMatching(/"code":"LIMIT".*--timeout 0\.01/)]);
      const big = await cli([cmd, "--json", "--timeout", "1", expr]);
      expect([cmd, big.code]).toEqual([cmd, 0]);
    }
  });

  it("must be a positive number of seconds", async () => {
    for (const bad of ["0", "-1", "abc", "1e9"]) {
      const r = await cli(["size", "--timeout", bad, "1"]);
      expect([bad, r.code, r.stderr]).toEqual([bad, 2, expect.stringContaining("--timeout")]);
    }
  });
});

describe("check: timeout", () => {
  const toml = (extra: string): string => `[tool.pymem]\n${extra}\n[[tool.pymem.budgets]]\nname = "big"\nexpr = "[i for i in iter(range(10**5))]"\nmax = "1 GiB"\n`;

  it("comes from [tool.pymem] timeout, and --timeout overrides it", async () => {
    const tight = await cli(["check", "--json"], { files: { "/project/pyproject.toml": toml("timeout = 0.01") } });
    expect([tight.code, tight.stdout]).toEqual([2, expect.stringContaining("LIMIT")]);
    const loose = await cli(["check", "--json", "--timeout", "4"], { files: { "/project/pyproject.toml": toml("timeout = 0.01") } });
    expect(loose.code).toBe(0);
    const bad = await cli(["check"], { files: { "/project/pyproject.toml": toml('timeout = "soon"') } });
    expect([bad.code, bad.stdout + bad.stderr]).toEqual([2, expect.stringContaining("timeout")]);
  });
});
