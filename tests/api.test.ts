// The library in-process (src/index.ts, what dist/index.js bundles): measure()
// resolves to exactly the object `pymem size --json` prints, and throws the
// JSON error object's fields as a PymemError. tests/package.test.ts runs the same
// API from the installed tarball.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { load, measure, PymemError, PYTHON_VERSIONS, type Loader, type PythonVersion, type SizeResult } from "../src/index.js";
import { SUPPORTED_PYTHONS } from "../src/layouts/layout.js";
import { cli } from "./cliHarness.js";
import { truth, truthOf } from "./truth.js";
import type { FixtureOk } from "./fixtureRows.js";

const dir = mkdtempSync(join(tmpdir(), "pymem-api-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The figures of a fixture row in the JSON object's shape. */
function figures(t: FixtureOk): Pick<SizeResult, "type" | "size" | "deep" | "objects" | "breakdown"> {
  const breakdown = Object.fromEntries(Object.entries(t.breakdown).map(([k, [count, bytes]]) => [k, { count, bytes }]));
  return { type: t.type, size: t.size, deep: t.deep, objects: t.objects, breakdown };
}

/** What `pymem size --json ARGS` prints, one object a line. */
async function cliJson(args: string[]): Promise<unknown[]> {
  const r = await cli(["size", "--json", ...args]);
  return r.stdout.trim().split("\n").map((l) => JSON.parse(l) as unknown);
}

/** The PymemError a call rejects with (failing the test when it resolves or throws something else). */
async function rejection(p: Promise<unknown>): Promise<PymemError> {
  const e: unknown = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(PymemError);
  return e as PymemError;
}

describe("measure()", () => {
  it("resolves to CPython's figures, the object `size --json` prints", async () => {
    const r = await measure("[1,2,3]");
    expect(r).toEqual({ expr: "[1,2,3]", python: "3.10", ...figures(truth("[1,2,3]")) });
    expect([r]).toEqual(await cliJson(["[1,2,3]"]));
  });

  it("models the version asked for", async () => {
    expect(await measure("'abc'", { python: "3.13" })).toEqual({ expr: "'abc'", python: "3.13", ...figures(truthOf("3.13", "'abc'")) });
  });

  it("runs the setup first, inline or from a file", async () => {
    const setup = "x = 1000";
    const inline = await measure("[x, x]", { setup });
    expect(inline).toEqual({ expr: "[x, x]", python: "3.10", ...figures(truth("[x, x]", setup)) });
    const file = join(dir, "setup.py");
    writeFileSync(file, setup);
    expect(await measure("[x, x]", { setupFile: file })).toEqual(inline);
  });

  it("gives an array for a comma list, a list or all, in that order, as --python does", async () => {
    const two = await measure("{'a': 1, 'b': 2}", { python: "3.13,3.10" });
    expect(two.map((r) => r.python)).toEqual(["3.13", "3.10"]);
    expect(two).toEqual(await cliJson(["--python", "3.13,3.10", "{'a': 1, 'b': 2}"]));
    expect(await measure("{'a': 1, 'b': 2}", { python: ["3.13", "3.10"] })).toEqual(two);
    expect((await measure("0", { python: ["3.11"] })).map((r) => r.python)).toEqual(["3.11"]);
    expect((await measure("0", { python: "all" })).map((r) => r.python)).toEqual([...PYTHON_VERSIONS]);
  });

  it("names the versions the engine has", () => {
    expect([...PYTHON_VERSIONS]).toEqual([...SUPPORTED_PYTHONS]);
  });

  it("throws a syntax error as a PymemError with the JSON error object's fields", async () => {
    const e = await rejection(measure("[1, 2 3]"));
    expect(e).toBeInstanceOf(Error);
    expect(e.name).toBe("PymemError");
    expect({ code: e.code, line: e.line, column: e.column, in: e.in, exception: e.exception, python: e.python }).toEqual({
      code: "SYNTAX",
      line: 1,
      column: 5,
      in: "expr",
      exception: "SyntaxError",
      python: "3.10",
    });
    expect(await cliJson(["[1, 2 3]"])).toEqual([{ expr: "[1, 2 3]", python: "3.10", error: e.toJSON() }]);
  });

  it("points into the setup file, by the name it was given", async () => {
    const file = join(dir, "models.py");
    writeFileSync(file, "x = 1\norigin = (0,\n");
    const e = await rejection(measure("origin", { setupFile: file }));
    expect(e.toJSON()).toMatchObject({ code: "SYNTAX", line: 2, column: 10, in: "setup", file });
    expect(e.message).toBe("SyntaxError: '(' was never closed");
  });

  it("throws Python's exceptions and pymem's refusals with their codes", async () => {
    expect((await rejection(measure("1/0"))).toJSON()).toEqual({ code: "PYTHON", message: "ZeroDivisionError: division by zero", line: 1, column: 1, in: "expr", exception: "ZeroDivisionError" });
    expect((await rejection(measure("undefined_name"))).code).toBe("NAME");
    expect((await rejection(measure("open('x')"))).code).toBe("FORBIDDEN");
    // A module that would reach the host is forbidden; a pure standard-library one pymem lacks is a gap.
    expect((await rejection(measure("1", { setup: "import os" }))).code).toBe("FORBIDDEN");
    expect((await rejection(measure("1", { setup: "from types import MappingProxyType" }))).code).toBe("UNSUPPORTED");
  });

  it("throws when any one of several versions fails, naming it", async () => {
    // dict | dict is 3.9's: 3.8 raises TypeError.
    const e = await rejection(measure("{'a': 1} | {'b': 2}", { python: "3.10,3.8" }));
    expect({ code: e.code, exception: e.exception, python: e.python }).toEqual({ code: "PYTHON", exception: "TypeError", python: "3.8" });
  });

  it("refuses bad options with CONFIG or INPUT and no position", async () => {
    const unknownVersion: string = "3.7"; // as a JavaScript caller may pass it: the types refuse it
    const cases: [() => Promise<unknown>, string, RegExp][] = [
      [() => measure("1", { python: unknownVersion as PythonVersion }), "CONFIG", /^Python 3\.7 is not supported; supported versions: 3\.8, /],
      [() => measure("1", { python: [] }), "CONFIG", /^no Python version given$/],
      [() => measure("1", { timeout: 0 }), "CONFIG", /^timeout 0 is not a number of seconds between 0 and 3600$/],
      [() => measure("1", { setupFile: join(dir, "missing.py") }), "CONFIG", /^cannot read setup file '.*missing\.py'$/],
      [() => measure("1", { setup: "x = 1", setupFile: join(dir, "setup.py") }), "INPUT", /^give either setup or setupFile, not both$/],
    ];
    for (const [p, code, message] of cases) {
      const e = await rejection(p());
      expect({ code: e.code, line: e.line, column: e.column, in: e.in, python: e.python }).toEqual({ code, line: null, column: null, in: null, python: null });
      expect(e.message).toMatch(message);
    }
  });

  it("reports a bad option as `size --json` does", async () => {
    const e = await rejection(measure("1", { python: ["3.10", "2.7" as PythonVersion] }));
    expect(await cliJson(["--python", "3.10,2.7", "1"])).toEqual([{ error: e.toJSON() }]);
  });

  it("stops at the timeout with LIMIT", async () => {
    expect((await rejection(measure("[i for i in iter(range(10**9))]", { timeout: 0.01 }))).code).toBe("LIMIT");
  });
});

describe("load()", () => {
  const data = (name: string): string => join(dir, name);
  it("resolves to what `pymem load --json` prints, one version or several", async () => {
    writeFileSync(data("d.json"), '{"a": [1, 2.5, "x"], "b": null}');
    const one = await load(data("d.json"));
    const cliLines = (await cli(["load", "--json", data("d.json")])).stdout.trim().split("\n").map((l) => JSON.parse(l) as unknown);
    expect([one]).toEqual(cliLines);
    const many = await load(data("d.json"), { python: "3.10,3.13" });
    expect(many.map((r) => r.python)).toEqual(["3.10", "3.13"]);
    expect(many[0]).toEqual(one);
  });

  it("throws a file's error as a PymemError pointing into the file", async () => {
    writeFileSync(data("bad.jsonl"), '{"a": 1}\n{"a": }\n');
    const e = await rejection(load(data("bad.jsonl")));
    expect({ code: e.code, exception: e.exception, line: e.line, column: e.column, in: e.in }).toEqual({ code: "PYTHON", exception: "JSONDecodeError", line: 2, column: 7, in: "file" });
    expect(e.message).toBe("JSONDecodeError: Expecting value: line 1 column 7 (char 6)");
    expect((await rejection(load(data("bad.jsonl"), { as: "xml" as Loader }))).code).toBe("CONFIG");
  });
});
