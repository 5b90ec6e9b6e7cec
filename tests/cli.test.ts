// The CLI on a fake io: the human table, --json, --stdin, and every error code.
import { describe, expect, it } from "vitest";
import { cli } from "./cliHarness.js";
import { truth, truthOf } from "./truth.js";
import { SUPPORTED_PYTHONS } from "../src/layouts/layout.js";

const L123 = truth("[1,2,3]");

function jsonLines(out: string): Record<string, unknown>[] {
  return out.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
}

describe("pymem size", () => {
  it("prints the table of [1,2,3] with CPython's size, deep and objects", async () => {
    const r = await cli(["size", "[1,2,3]"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatchSnapshot();
    expect(r.stdout).toMatch(new RegExp(`\\[1,2,3\\]\\s+│ list │\\s+${L123.size} │\\s+${L123.deep} │\\s+${L123.objects} │`));
  });

  it("prints the JSON line of the contract", async () => {
    const r = await cli(["size", "--json", "[1,2,3]"]);
    expect(r.code).toBe(0);
    const [row] = jsonLines(r.stdout);
    expect(row).toMatchObject({ expr: "[1,2,3]", python: "3.10", type: "list", size: L123.size, deep: L123.deep, objects: L123.objects });
    expect(r.stdout.startsWith(`{"expr":"[1,2,3]","python":"3.10","type":"list","size":${L123.size},"deep":${L123.deep},"objects":${L123.objects}`)).toBe(true);
  });

  it("reads one expression per line from --stdin, skipping blank lines", async () => {
    const r = await cli(["size", "--json", "--stdin"], { stdin: "[]\n\n'abc'\n{1: 2}\n" });
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout).map((x) => [x["expr"], x["size"]])).toEqual(["[]", "'abc'", "{1: 2}"].map((e) => [e, truth(e).size]));
  });

  it("runs --setup and --setup-file before the expression", async () => {
    const a = await cli(["size", "--json", "--setup", "x = [1, 2]", "[x, x]"]);
    const ta = truth("[x, x]", "x = [1, 2]");
    expect(jsonLines(a.stdout)[0]).toMatchObject({ size: ta.size, deep: ta.deep });
    const b = await cli(["size", "--json", "--setup-file", "m.py", "d"], { files: { "/project/m.py": "d = {}\nd['k'] = 1\n" } });
    const tb = truth("d", "d = {}\nd['k'] = 1\n");
    expect(jsonLines(b.stdout)[0]).toMatchObject({ type: "dict", size: tb.size, deep: tb.deep });
  });

  it("treats arguments starting with '-' as expressions", async () => {
    const r = await cli(["size", "--json", "-1", "-(2**40)"]);
    expect(r.code).toBe(0);
    expect(jsonLines(r.stdout).map((x) => x["size"])).toEqual([truth("-1").size, truth("-(2**40)").size]);
  });

  it("prints large sizes with a unit beside the exact bytes", async () => {
    const r = await cli(["size", "'x' * 10**8"]);
    const size = truth("'x' * 10**8").size;
    expect(r.stdout).toContain(`${size.toLocaleString("en-US")} (${(size / 1024 ** 2).toFixed(1)} MiB)`);
  });

  it("colours only a TTY, and never under NO_COLOR or --no-color", async () => {
    const esc = "\u001b[";
    expect((await cli(["size", "1"], { tty: true })).stdout).toContain(esc);
    expect((await cli(["size", "1"], { tty: true, env: { NO_COLOR: "1" } })).stdout).not.toContain(esc);
    expect((await cli(["size", "--no-color", "1"], { tty: true })).stdout).not.toContain(esc);
    expect((await cli(["size", "1"])).stdout).not.toContain(esc);
  });
});

describe("pymem size --python with several versions", () => {
  const expr = "{'a': 1, 'b': 2}";
  it("a comma list prints one JSON line per expression per version, each as that CPython answers", async () => {
    const r = await cli(["size", "--json", "--python", "3.10,3.11", expr, "0"]);
    expect(r.code).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines.map((l) => [l["expr"], l["python"]])).toEqual([[expr, "3.10"], [expr, "3.11"], ["0", "3.10"], ["0", "3.11"]]);
    for (const l of lines) {
      const t = truthOf(l["python"] as string, l["expr"] as string);
      expect(l).toMatchObject({ size: t.size, deep: t.deep, objects: t.objects });
    }
    expect(lines[0]?.["size"]).not.toBe(lines[1]?.["size"]);
  });

  it("all covers every supported version, oldest first; the table shows a column group per version", async () => {
    const r = await cli(["size", "--json", "--python", "all", "0"]);
    const lines = jsonLines(r.stdout);
    expect(lines.map((l) => l["python"])).toEqual([...SUPPORTED_PYTHONS]);
    expect(SUPPORTED_PYTHONS.length).toBeGreaterThanOrEqual(5);
    for (const l of lines) expect(l["size"]).toBe(truthOf(l["python"] as string, "0").size);
    const h = await cli(["size", "--no-color", "--python", "3.10,3.11", expr]);
    expect(h.stdout).toMatch(/size 3\.10.*deep 3\.10.*size 3\.11.*deep 3\.11/);
    expect(h.stdout).toContain(`${truthOf("3.11", expr).size} (−${truthOf("3.10", expr).size - truthOf("3.11", expr).size})`);
  });

  it("an unknown version in the list is a CONFIG error naming it", async () => {
    const r = await cli(["size", "--python", "3.10,2.7", "1"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/Python 2\.7 is not supported/);
  });
});

describe("pymem --python 3.8", () => {
  // Rows whose figures differ from 3.10's: a static type (tp_print), a star display (BUILD_LIST_UNPACK), dict() (eager keys).
  const cases = [
    ["int", null],
    ["[1, *a]", "a = list(range(3))"],
    ["dict()", null],
  ] as const;

  it.each(cases)("size --json %s answers as CPython 3.8 does", async (expr, setup) => {
    const r = await cli(["size", "--json", "--python", "3.8", ...(setup === null ? [] : ["--setup", setup]), expr]);
    expect(r.code).toBe(0);
    const t = truthOf("3.8", expr, setup);
    expect(jsonLines(r.stdout)[0]).toMatchObject({ expr, python: "3.8", type: t.type, size: t.size, deep: t.deep, objects: t.objects });
    expect(t.deep).not.toBe(truthOf("3.10", expr, setup).deep);
  });

  it("explain shows 3.8's PyTypeObject, tp_print included; compare measures with 3.8", async () => {
    const e = await cli(["explain", "--python", "3.8", "int"]);
    expect(e.code).toBe(0);
    expect(e.stdout).toContain("tp_print");
    expect(e.stdout).toContain(String(truthOf("3.8", "int").size));
    const c = await cli(["compare", "--json", "--python", "3.8", "dict()", "{}"]);
    expect(c.code).toBe(0);
    expect(c.stdout).toContain(String(truthOf("3.8", "dict()").size));
  });

  it("check reads python = \"3.8\" from pyproject.toml", async () => {
    const project = `[tool.pymem]\npython = "3.8"\n\n[[tool.pymem.budgets]]\nname = "d"\nexpr = "dict()"\nmax = 64\n`;
    const r = await cli(["check", "--json"], { files: { "/project/pyproject.toml": project } });
    expect(JSON.parse(r.stdout)).toEqual([{ name: "d", expr: "dict()", metric: "deep", value: truthOf("3.8", "dict()").deep, limit: 64, passed: false }]);
    expect(r.code).toBe(1);
  });
});

describe("several versions in explain, compare and check", () => {
  const expr = "{'a': 1, 'b': 2}";
  it("compare --python 3.10,3.13 gives each version's figures, each against its own first expression", async () => {
    const r = await cli(["compare", "--json", "--python", "3.10,3.13", expr, "[256, 256]"]);
    expect(r.code).toBe(0);
    const lines = jsonLines(r.stdout);
    expect(lines.map((l) => [l["python"], l["expr"]])).toEqual([["3.10", expr], ["3.10", "[256, 256]"], ["3.13", expr], ["3.13", "[256, 256]"]]);
    for (const l of lines) expect(l["deep"]).toBe(truthOf(l["python"] as string, l["expr"] as string).deep);
    expect(lines[3]?.["deepDifference"]).toBe(truthOf("3.13", "[256, 256]").deep - truthOf("3.13", expr).deep);
    const h = await cli(["compare", "--no-color", "--python", "3.10,3.13", expr, "[256, 256]"]);
    expect(h.stdout).toMatch(/CPython 3\.10[\s\S]*CPython 3\.13/);
  });

  it("explain --python 3.10,3.12 lays the structs side by side (wstr in 3.10 only), then each version's in full", async () => {
    const r = await cli(["explain", "--no-color", "--python", "3.10,3.12", "'abc'"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/│ wstr +│ wchar_t \* +│ +8 │ +— │/);
    expect(r.stdout).toMatch(new RegExp(`│ total +│ = sys.getsizeof +│ +${truthOf("3.10", "'abc'").size} │ +${truthOf("3.12", "'abc'").size} │`));
    const [, a, b] = r.stdout.split(/\nCPython 3\.1[02]\n/);
    expect(a).toContain("wstr");
    expect(b).not.toContain("wstr");
  });

  it("check with python = [\"3.10\", \"3.13\"] reports each budget per version and fails when either is over", async () => {
    const max = truthOf("3.13", expr).deep;
    const project = `[tool.pymem]\npython = ["3.10", "3.13"]\n\n[[tool.pymem.budgets]]\nname = "d"\nexpr = "${expr}"\nmax = ${max}\n`;
    const r = await cli(["check", "--json"], { files: { "/project/pyproject.toml": project } });
    const out = JSON.parse(r.stdout) as { name: string; python: string; value: number; passed: boolean }[];
    expect(out.map((o) => [o.name, o.python, o.value, o.passed])).toEqual([
      ["d (3.10)", "3.10", truthOf("3.10", expr).deep, false],
      ["d (3.13)", "3.13", max, true],
    ]);
    expect(r.code).toBe(1);
  });

  it("size, explain and compare use [tool.pymem] python of the nearest pyproject.toml; --python wins", async () => {
    const files = { "/project/pyproject.toml": `[tool.pymem]\npython = "3.12"\n\n[[tool.pymem.budgets]]\nname = "d"\nexpr = "[]"\nmax = 100\n` };
    const r = await cli(["size", "--json", "'abc'"], { files });
    expect(jsonLines(r.stdout)[0]).toMatchObject({ python: "3.12", size: truthOf("3.12", "'abc'").size });
    const c = await cli(["compare", "--json", "'abc'", "'abcd'"], { files });
    expect(jsonLines(c.stdout).map((l) => l["python"])).toEqual(["3.12", "3.12"]);
    const given = await cli(["size", "--json", "--python", "3.10", "'abc'"], { files });
    expect(jsonLines(given.stdout)[0]).toMatchObject({ python: "3.10", size: truthOf("3.10", "'abc'").size });
    const none = await cli(["size", "--json", "'abc'"]);
    expect(jsonLines(none.stdout)[0]).toMatchObject({ python: "3.10" });
  });

  it("check warns when requires-python excludes the default version it falls back to", async () => {
    const project = `[project]\nname = "x"\nrequires-python = ">=3.11"\n\n[tool.pymem]\n\n[[tool.pymem.budgets]]\nname = "d"\nexpr = "[]"\nmax = 100\n`;
    const r = await cli(["check"], { files: { "/project/pyproject.toml": project } });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/requires-python ">=3\.11" excludes CPython 3\.10/);
    const ok = await cli(["check"], { files: { "/project/pyproject.toml": project.replace(">=3.11", ">=3.9,<3.14") } });
    expect(ok.stderr).not.toMatch(/requires-python/);
  });
});

describe("errors: every code exits 2 with a message, in human and JSON mode", () => {
  const cases: [string, string[], string, RegExp, { stdin?: Uint8Array | string }?][] = [
    ["SYNTAX", ["[1,"], "SYNTAX", /'\[' was never closed/],
    ["PYTHON", ["1/0"], "PYTHON", /ZeroDivisionError: division by zero/],
    ["NAME", ["undefined_name"], "NAME", /NameError: name 'undefined_name' is not defined/],
    ["UNSUPPORTED", ["hash(object())"], "UNSUPPORTED", /depends on its address/],
    ["FORBIDDEN", ["open('/etc/passwd')"], "FORBIDDEN", /'open' is not available/],
    ["LIMIT", ["10**10**10"], "LIMIT", /ints up to/],
    ["CONFIG", ["--python", "2.7", "1"], "CONFIG", /supported versions: 3\.8, 3\.9, 3\.10/],
    ["INPUT (no expression)", [], "INPUT", /no expression given/],
    ["INPUT (bad UTF-8 on stdin)", ["--stdin"], "INPUT", /not valid UTF-8/, { stdin: Uint8Array.from([0x31, 0xff, 0x0a]) }],
  ];
  it.each(cases)("%s", async (_name, args, code, message, extra) => {
    const human = await cli(["size", ...args], extra ?? {});
    expect(human.code).toBe(2);
    expect(human.stderr).toMatch(message);
    expect(human.stderr).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/); // no stack trace
    const json = await cli(["size", "--json", ...args], extra ?? {});
    expect(json.code).toBe(2);
    const row = jsonLines(json.stdout)[0] as { error: { code: string; message: string } };
    expect(row.error.code).toBe(code);
    expect(row.error.message).toMatch(message);
  });

  it("points at the line and column of a syntax error with a caret", async () => {
    const r = await cli(["size", "[1, 2 3]"]);
    expect(r.stderr).toMatchSnapshot();
    const j = await cli(["size", "--json", "[1, 2 3]"]);
    const e = (jsonLines(j.stdout)[0] as { error: { line: number; column: number } }).error;
    expect([e.line, e.column]).toEqual([1, 5]);
  });

  it("reports a setup error at its place in the setup", async () => {
    const r = await cli(["size", "--json", "--setup", "x = 1\ny = (", "x"]);
    const e = (jsonLines(r.stdout)[0] as { error: { line: number; in: string } }).error;
    expect(e).toMatchObject({ line: 2, in: "setup" });
  });

  describe("an error in --setup-file names that file, as the user gave it", () => {
    const files = { "/project/lib/models.py": "x = 1\ny = 0\nz = x / y\n" };
    const excerpt = ["  --> lib/models.py:3:5", "  3 | z = x / y", "    |     ^"].join("\n");

    it("size: the place and caret in the human output; `file` beside `in`, `line`, `column` in JSON", async () => {
      const r = await cli(["size", "--setup-file", "lib/models.py", "z"], { files });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`error[PYTHON]: ZeroDivisionError: division by zero\n${excerpt}\n`);
      const j = await cli(["size", "--json", "--setup-file", "lib/models.py", "z"], { files });
      expect(jsonLines(j.stdout)[0]?.["error"]).toEqual({
        code: "PYTHON", message: "ZeroDivisionError: division by zero", line: 3, column: 5, in: "setup", file: "lib/models.py", exception: "ZeroDivisionError",
      });
    });

    it("explain and compare point there too", async () => {
      const e = await cli(["explain", "--setup-file", "lib/models.py", "z"], { files });
      expect(e.stderr).toContain(excerpt);
      const ej = await cli(["explain", "--json", "--setup-file", "lib/models.py", "z"], { files });
      expect(jsonLines(ej.stdout)[0]?.["error"]).toMatchObject({ line: 3, column: 5, in: "setup", file: "lib/models.py" });
      const c = await cli(["compare", "--setup-file", "lib/models.py", "z", "[]"], { files });
      expect(c.stderr).toContain(`error[PYTHON] in z: ZeroDivisionError: division by zero\n${excerpt}\n`);
    });

    it("a refused import in the setup file is named at its line, under every budget it blocks", async () => {
      const project = `[tool.pymem]\nsetup-file = "models.py"\n\n[[tool.pymem.budgets]]\nname = "users"\nexpr = "[User(i) for i in range(3)]"\nmax = 1000\n\n[[tool.pymem.budgets]]\nname = "cache"\nexpr = "{}"\nmax = 1000\n`;
      const models = "import math\nimport builtins\nclass User:\n    def __init__(self, i):\n        self.i = i\n";
      const r = await cli(["check"], { files: { "/project/pyproject.toml": project, "/project/models.py": models } });
      expect(r.code).toBe(2);
      const place = ["  --> models.py:2:1", "  2 | import builtins", "    | ^"].join("\n");
      expect(r.stdout).toContain(`users: the module 'builtins' is not supported by pymem yet`);
      expect(r.stdout).toContain(`cache: the module 'builtins' is not supported by pymem yet`);
      expect(r.stdout.split(place).length - 1).toBe(2);
      const s = await cli(["size", "--setup-file", "models.py", "1"], { files: { "/project/models.py": models } });
      expect(s.stderr).toContain(place);
    });

    it("inline --setup keeps <setup> and has no `file`", async () => {
      const r = await cli(["size", "--setup", "x = 1\ny = 0\nz = x / y", "z"]);
      expect(r.stderr).toContain("  --> <setup>:3:5\n  3 | z = x / y\n");
      const j = await cli(["size", "--json", "--setup", "x = 1\ny = 0\nz = x / y", "z"]);
      expect(jsonLines(j.stdout)[0]?.["error"]).not.toHaveProperty("file");
    });
  });

  it("goes on with the rest of the batch after a failing expression", async () => {
    const r = await cli(["size", "--json", "1/0", "[]"]);
    expect(r.code).toBe(2);
    const rows = jsonLines(r.stdout);
    expect(rows[0]).toHaveProperty("error");
    expect(rows[1]).toMatchObject({ type: "list", size: truth("[]").size });
  });
});

describe("bounded work: hostile inputs end quickly with an answer or a clean error", () => {
  const inputs: [string, number][] = [
    ["10**10**10", 2],
    ["[0] * 10**15", 0],
    ["list(range(10**12))", 0],
    ["'(' * 0 + " + "(".repeat(201) + ")".repeat(201), 2],
    ["-".repeat(100000) + "1", 2],
    ["[i for i in range(10**9)]", 0],
    ["[i for i in iter(range(10**9))]", 2],
  ];
  // The work limit, not this test's timeout, must end them: the timeout only catches a hang.
  it.each(inputs)("%s", { timeout: 10_000 }, async (expr, code) => {
    const r = await cli(["size", "--json", expr]);
    expect(r.code).toBe(code);
  });
});
