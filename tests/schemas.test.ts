// Every `--json` output of the built CLI, on a broad set of inputs (successes of
// many value kinds, every error code, several versions, explain --deep, compare
// --count, check with passing, failing and erroring budgets from a real
// pyproject.toml), is valid against its shipped schema (schemas/*.schema.json).
// tests/schemaFiles.test.ts shows the schemas reject what the output must not be.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SUPPORTED_PYTHONS } from "../src/layouts/layout.js";
import { builtCli, type BuiltCli } from "./builtCli.js";
import { validOutput, type Json } from "./schemaValidators.js";

let pymem: BuiltCli;
let scratch = "";
// Error codes and versions the valid output covered, to prove the matrix reaches them all.
const seenCodes = new Set<string>();
const seenPythons = new Set<string>();

beforeAll(async () => {
  pymem = await builtCli();
  scratch = mkdtempSync(join(tmpdir(), "pymem-schemas-"));
}, 30_000);

afterAll(() => {
  pymem.dispose();
  rmSync(scratch, { recursive: true, force: true });
});

type Obj = { [key: string]: Json };
const obj = (d: Json): Obj => (d !== null && typeof d === "object" && !Array.isArray(d) ? d : {});

/** Runs the command, checks the exit status, validates stdout, and records what it covered. */
async function lines(cmd: "size" | "explain" | "compare", args: string[], status: number, opts: { cwd?: string; stdin?: Uint8Array | string } = {}): Promise<Obj[]> {
  const r = await pymem.run([cmd, "--json", ...args], opts);
  expect(r.code, r.stderr).toBe(status);
  const docs = validOutput(cmd, r.stdout).map(obj);
  for (const d of docs) {
    const error = obj(d["error"] ?? null);
    if (typeof error["code"] === "string") seenCodes.add(error["code"]);
    if (typeof d["python"] === "string") seenPythons.add(d["python"]);
  }
  return docs;
}

/** What the descriptions promise beyond the shapes: the breakdown adds up to deep and objects. */
function expectBreakdownAddsUp(d: Obj): void {
  if (d["breakdown"] === undefined) return;
  const parts = Object.values(obj(d["breakdown"])).map(obj);
  expect(parts.reduce((n, p) => n + Number(p["bytes"]), 0), String(d["expr"])).toBe(d["deep"]);
  expect(parts.reduce((n, p) => n + Number(p["count"]), 0), String(d["expr"])).toBe(d["objects"]);
}

const SETUP = [
  "import dataclasses",
  "class Point:",
  "    def __init__(self, x, y):",
  "        self.x = x; self.y = y",
  "class Slotted:",
  '    __slots__ = ("x", "y")',
  "    def __init__(self, x, y):",
  "        self.x = x; self.y = y",
  "@dataclasses.dataclass",
  "class Row:",
  "    a: int",
  '    b: str = "b"',
  "def gen():",
  "    yield 1",
].join("\n");

/** Values of many kinds: numbers, text, containers, stdlib types, classes, callables, big values. */
const VALUES = [
  "0", "-5", "2**100", "3.5", "1+2j", "True", "None", "''", "'abc'", "'héllo'", "'日本'", "b'xyz'", "bytearray(b'ab')",
  "()", "(1, 'a')", "[]", "[1, [2, [3]]]", "{}", "{'a': 1, 'b': [1, 2]}", "{1, 2, 3}", "frozenset({1})",
  "collections.deque([1, 2])", "collections.OrderedDict(a=1)", "collections.Counter('hello')", "array.array('d', [1.0, 2.0])",
  "decimal.Decimal('1.25')", "range(10)", "iter([1])", "gen()", "len", "Point", "Point(1, 2)", "Slotted(1, 2)", "Row(1)",
  "[Point(i, str(i)) for i in range(5)]", "{i: i*i for i in range(100)}", "list(range(10**5))", "'x' * 10**6", "[0] * 10**12",
  "lambda: 1", "sys", "-1",
];

/** One expression per error code an expression can give. */
const FAILING = ["[1,", "  1", "1/0", "{}['k']", "int('x')", "undefined_name", "hash(object())", "open('/etc/passwd')", "exec('1')", "10**10**10"];

describe("size --json", () => {
  it("values of every kind, on the default version", async () => {
    const docs = await lines("size", ["--setup", SETUP, "--", ...VALUES], 0);
    expect(docs.map((d) => d["expr"])).toEqual(VALUES);
    docs.forEach(expectBreakdownAddsUp);
  });

  it("several versions (--python 3.8,3.13) and all of them, failures among them", async () => {
    const two = await lines("size", ["--python", "3.8,3.13", "--setup", SETUP, "--", "'abc'", "Point(1, 2)", "{'a': 1}", "1/0"], 2);
    expect(two.map((d) => d["python"])).toEqual(["3.8", "3.13", "3.8", "3.13", "3.8", "3.13", "3.8", "3.13"]);
    const all = await lines("size", ["--python", "all", "--setup", SETUP, "--", "Slotted(1, 2)", "[1, 2, 3]", "undefined_name"], 2);
    expect(all.length).toBe(3 * SUPPORTED_PYTHONS.length);
    all.forEach(expectBreakdownAddsUp);
  });

  it("every error code of an expression, the batch going on past each", async () => {
    const docs = await lines("size", ["--", "[1, 2]", ...FAILING, "()"], 2);
    expect(docs.map((d) => obj(d["error"] ?? null)["code"] ?? "ok")).toEqual(["ok", "SYNTAX", "SYNTAX", "PYTHON", "PYTHON", "PYTHON", "NAME", "UNSUPPORTED", "FORBIDDEN", "FORBIDDEN", "LIMIT", "ok"]);
  });

  it("errors in the setup: inline, and in a setup file (named in `file`)", async () => {
    await lines("size", ["--setup", "x = 1\ny = (", "x"], 2);
    writeFileSync(join(scratch, "models.py"), "x = 1\ny = 0\nz = x / y\n");
    const [d] = await lines("size", ["--setup-file", "models.py", "z"], 2, { cwd: scratch });
    expect(obj(d?.["error"] ?? null)).toMatchObject({ in: "setup", file: "models.py", line: 3, column: 5 });
    await lines("size", ["--setup-file", "models.py", "x"], 2, { cwd: scratch });
  });

  it("--stdin, and --max with passing and failing limits on both metrics", async () => {
    await lines("size", ["--stdin"], 0, { stdin: "[]\n\n'abc'\n{1: 2}\n" });
    const within = await lines("size", ["--max", "1 KiB", "[1, 2, 3]", "()"], 0);
    expect(within.map((d) => d["passed"])).toEqual([true, true]);
    const over = await lines("size", ["--max", "100", "--metric", "size", "--python", "3.9,3.12", "list(range(100))", "[]"], 1);
    expect(over.map((d) => d["passed"])).toEqual([false, false, true, true]);
  });

  it("invocation errors: the one line is an error object", async () => {
    const cases: [string[], string, (Uint8Array | string)?][] = [
      [[], "INPUT"],
      [["--stdin"], "INPUT", Uint8Array.from([0x31, 0xff, 0x0a])],
      [["--python", "2.7", "1"], "CONFIG"],
      [["--timeout", "0", "1"], "CONFIG"],
      [["--metric", "both", "--max", "1", "1"], "CONFIG"],
      [["--setup-file", "no-such-file.py", "1"], "CONFIG"],
      [["--setup", "x = 1", "--setup-file", "models.py", "x"], "INPUT"],
    ];
    for (const [args, code, stdin] of cases) {
      const [d, ...rest] = await lines("size", args, 2, { cwd: scratch, ...(stdin === undefined ? {} : { stdin }) });
      expect(rest).toEqual([]);
      expect(obj(d?.["error"] ?? null)["code"], args.join(" ")).toBe(code);
    }
  });
});

describe("explain --json", () => {
  const KINDS = ["[1, 2]", "{'a': [1]}", "'abc'", "'日本'", "2**100", "3.5", "(1, 'a')", "{1, 2}", "b'xyz'", "Point(1, 2)", "Slotted(1, 2)", "Row(1)", "collections.deque()", "decimal.Decimal('1.5')"];

  it("values of many kinds: the struct rows add up to getsizeof", async () => {
    for (const expr of KINDS) {
      const [d] = await lines("explain", ["--setup", SETUP, "--", expr], 0);
      const [first] = (d?.["explain"] ?? []) as Obj[];
      expect(first?.["total"], expr).toBe(d?.["size"]);
      expect(((first?.["rows"] ?? []) as Obj[]).reduce((n, r) => n + Number(r["size"]), 0), expr).toBe(first?.["total"]);
    }
  });

  it("--deep, every version, failures, and an invocation error", async () => {
    const deep = await lines("explain", ["--deep", "--python", "all", "--setup", SETUP, "--", "{'p': Point(1, [2]), 's': Slotted(1, 2)}"], 0);
    expect(deep.map((d) => d["python"])).toEqual([...SUPPORTED_PYTHONS]);
    for (const d of deep) expect(((d["explain"] ?? []) as Json[]).length).toBeGreaterThan(3);
    for (const expr of ["[1,", "1/0", "undefined_name", "hash(object())", "exec('1')", "10**10**10"]) await lines("explain", ["--python", "3.10,3.13", "--", expr], 2);
    await lines("explain", ["--python", "3.7", "1"], 2);
  });
});

describe("compare --json", () => {
  it("alternatives of several kinds, with --count, on several versions", async () => {
    const exprs = ["[Point(i, i) for i in range(10)]", "[Slotted(i, i) for i in range(10)]", "[(i, i) for i in range(10)]", "[{'x': i, 'y': i} for i in range(10)]", "array.array('q', range(20))"];
    const docs = await lines("compare", ["--count", "1000", "--python", "3.8,3.13", "--setup", SETUP, "--", ...exprs], 0);
    expect(docs.length).toBe(10);
    for (const d of docs) expect(d["sizeTimesCount"]).toBe(Number(d["size"]) * 1000);
    // Each version's first expression is its baseline.
    expect([docs[0], docs[5]].map((d) => [d?.["deepDifference"], d?.["saving"]])).toEqual([[0, 0], [0, 0]]);
    await lines("compare", ["'abc'", "'abcdef'", "b'abc'"], 0);
  });

  it("a failing baseline (no differences), a failing alternative, and invocation errors", async () => {
    const docs = await lines("compare", ["--", "1/0", "[]", "undefined_name", "()"], 2);
    expect(docs.filter((d) => "deepDifference" in d)).toEqual([]);
    await lines("compare", ["--", "[]", "[1,", "()"], 2);
    await lines("compare", ["--count", "0", "[]", "()"], 2);
    await lines("compare", ["--python", "3.10,4.0", "[]"], 2);
  });
});

describe("check --json and --reporter json", () => {
  const config = [
    "[tool.pymem]",
    'python = ["3.8", "3.13"]',
    'setup-file = "models.py"',
    "",
    "[[tool.pymem.budgets]]",
    'name = "points"',
    'expr = "[Point(i, i) for i in range(100)]"',
    'max = "64 KiB"',
    "",
    "[[tool.pymem.budgets]]",
    'name = "table"',
    'expr = "{i: str(i) for i in range(1000)}"',
    'max = "10 KB"',
    "",
    "[[tool.pymem.budgets]]",
    'name = "header"',
    'expr = "list(range(1000))"',
    'metric = "size"',
    "max = 100",
    "",
    "[[tool.pymem.budgets]]",
    'name = "broken"',
    'expr = "1/0"',
    "max = 100",
    "",
    "[[tool.pymem.budgets]]",
    'name = "own setup"',
    'expr = "cache"',
    'setup = "cache = {k: None for k in \'abc\'}"',
    "max = 1000",
  ].join("\n");
  const models = "class Point:\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n";

  async function check(project: string, args: string[], status: number): Promise<Json> {
    const r = await pymem.run(["check", ...args], { cwd: project });
    expect(r.code, r.stderr).toBe(status);
    const [doc] = validOutput("check", r.stdout);
    return doc ?? null;
  }

  function project(name: string, files: Record<string, string>): string {
    const dir = join(scratch, name);
    mkdirSync(dir, { recursive: true });
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
    return dir;
  }

  it("passing, failing and erroring budgets on two versions, through --json, --reporter json and --output", async () => {
    const dir = project("budgets", { "pyproject.toml": config, "models.py": models });
    const doc = await check(dir, ["--json"], 2);
    const outcomes = (Array.isArray(doc) ? doc : []).map(obj);
    expect(outcomes.map((o) => [o["name"], o["passed"]])).toEqual(
      ["3.8", "3.13"].flatMap((v) => [[`points (${v})`, true], [`table (${v})`, false], [`header (${v})`, false], [`broken (${v})`, false], [`own setup (${v})`, true]]),
    );
    expect(await check(dir, ["--reporter", "json"], 2)).toEqual(doc);
    const r = await pymem.run(["check", "--reporter", "json", "--output", "report.json"], { cwd: dir });
    expect(r.code).toBe(2); // the human report still goes to the terminal (stdout), the JSON one to the file
    expect(validOutput("check", readFileSync(join(dir, "report.json"), "utf8"))).toEqual([doc]);
  });

  it("one version, all within limits; an error in the setup file named by `file`", async () => {
    const ok = project("ok", { "pyproject.toml": '[[tool.pymem.budgets]]\nname = "small"\nexpr = "[1, 2, 3]"\nmax = "1 KiB"\n' });
    expect(await check(ok, ["--json"], 0)).toMatchObject([{ name: "small", passed: true }]);
    const bad = project("badsetup", { "pyproject.toml": config.replace('python = ["3.8", "3.13"]', ""), "models.py": "x = (\n" });
    const doc = await check(bad, ["--json", "--hide-passed"], 2);
    expect((Array.isArray(doc) ? doc : []).map((o) => obj(obj(o)["error"] ?? null)["file"])).toContain("models.py");
  });

  it("a failing budget's message, and --baseline's base values", async () => {
    const dir = project("baseline", { "pyproject.toml": '[[tool.pymem.budgets]]\nname = "rows"\nexpr = "[[0] * 10 for _ in range(5)]"\nmax = "100 B"\nmessage = "rows stay small"\n\n[[tool.pymem.budgets]]\nname = "one"\nexpr = "[1]"\nmax = "1 KiB"\n' });
    const first = await check(dir, ["--json"], 1);
    expect(first).toMatchObject([{ name: "rows", passed: false, message: "rows stay small" }, { name: "one", passed: true }]);
    const one = obj((Array.isArray(first) ? first : [])[1] ?? null);
    writeFileSync(join(dir, "base.json"), JSON.stringify([one]));
    expect(await check(dir, ["--json", "--baseline", "base.json"], 1)).toMatchObject([{ name: "rows", base: null }, { name: "one", base: one["value"] }]);
  });

  it("a config that cannot be used is one error object", async () => {
    const broken = project("broken", { "pyproject.toml": "[tool.pymem\n" });
    await check(broken, ["--json"], 2);
    const badVersion = project("badversion", { "pyproject.toml": '[tool.pymem]\npython = "2.7"\n' });
    await check(badVersion, ["--reporter", "json"], 2);
    await check(broken, ["--json", "--config", "missing.toml"], 2);
    await check(broken, ["--json", "--timeout", "-1"], 2);
  });
});

describe("load --json", () => {
  // `pymem load` is being written beside this test: the lines are checked as soon as the built CLI has it.
  let hasLoad = false;
  beforeAll(async () => {
    hasLoad = /^\s+load\b/m.test((await pymem.run(["--help"])).stdout);
  });

  it("data files of every loader, good and bad, on two versions", async (ctx) => {
    if (!hasLoad) ctx.skip();
    const dir = join(scratch, "data");
    mkdirSync(dir, { recursive: true });
    const files: Record<string, string> = {
      "countries.json": '[{"code": "FR", "name": "France", "tags": ["eu", "euro"]}, {"code": "JP", "name": "Japan", "tags": []}]',
      "events.ndjson": '{"id": 1, "kind": "click"}\n{"id": 2, "kind": "view", "ok": true}\n',
      "table.csv": "id,name\n1,a\n2,b\n",
      "table.tsv": "id\tname\n1\ta\n",
      "bad.json": '{"a": 1,,}',
    };
    for (const [f, text] of Object.entries(files)) writeFileSync(join(dir, f), text);
    const run = async (args: string[]): Promise<Obj[]> => {
      const r = await pymem.run(["load", "--json", "--python", "3.10,3.13", ...args], { cwd: dir });
      return validOutput("load", r.stdout).map(obj);
    };
    const good = await run(["countries.json", "events.ndjson", "table.csv", "table.tsv"]);
    expect(good.map((d) => d["loader"])).toEqual(["json", "json", "ndjson", "ndjson", "csv", "csv", "csv", "csv"]);
    good.forEach(expectBreakdownAddsUp);
    expect((await run(["--as", "csv-dicts", "table.csv"])).map((d) => d["loader"])).toEqual(["csv-dicts", "csv-dicts"]);
    const top = await run(["--top", "2", "--as", "csv-dicts", "table.csv"]);
    expect(top.map((d) => (Array.isArray(d["paths"]) ? d["paths"].length : -1))).toEqual([2, 2]);
    const bad = await run(["bad.json", "missing.json", "countries.json"]);
    expect(bad.some((d) => "error" in d) && bad.some((d) => "type" in d)).toBe(true);
  });
});

describe("the matrix reached", () => {
  it("every error code an input can cause, and every version", () => {
    // INTERNAL is a pymem bug: no input is meant to reach it, so only tests/schemaFiles.test.ts shows its line.
    expect([...seenCodes].sort()).toEqual(["CONFIG", "FORBIDDEN", "INPUT", "LIMIT", "NAME", "PYTHON", "SYNTAX", "UNSUPPORTED"]);
    expect([...seenPythons].sort()).toEqual([...SUPPORTED_PYTHONS].sort());
  });
});
