// The shipped JSON Schemas themselves: draft 2020-12 with an $id, a title and a
// description on every field, closed objects, one definition of what they share;
// and they reject output doctored away from the contract, so that
// tests/schemas.test.ts (real output is valid) cannot pass vacuously.
import { describe, expect, it } from "vitest";
import { SUPPORTED_PYTHONS } from "../src/layouts/layout.js";
import { cli } from "./cliHarness.js";
import { COMMANDS, readSchema, schemaErrors, type Command, type Json } from "./schemaValidators.js";

type Obj = { [key: string]: Json };
const isObj = (j: Json | undefined): j is Obj => j !== null && typeof j === "object" && !Array.isArray(j);

/** Every subschema, with its JSON pointer. */
function* subschemas(s: Json, at = ""): Generator<[string, Obj]> {
  if (Array.isArray(s)) {
    for (const [i, x] of s.entries()) yield* subschemas(x, `${at}/${i}`);
    return;
  }
  if (!isObj(s)) return;
  yield [at, s];
  for (const [k, v] of Object.entries(s)) if (k !== "enum" && k !== "const" && k !== "required") yield* subschemas(v, `${at}/${k}`);
}

describe("the schema files", () => {
  it.each(COMMANDS)("%s: draft 2020-12, its $id, titled and described", (cmd) => {
    const s = readSchema(cmd);
    expect(s["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(s["$id"]).toMatch(new RegExp(`/schemas/${cmd}\\.schema\\.json$`));
    const defs = isObj(s["$defs"]) ? s["$defs"] : {};
    const undocumented: string[] = [];
    for (const [at, node] of subschemas(s)) {
      // A field: every member of an object schema's `properties`, and the values of a map (additionalProperties);
      // the `properties` of if/then/anyOf only constrain fields declared elsewhere.
      if (node["type"] !== "object") continue;
      const fields = [...Object.entries(isObj(node["properties"]) ? node["properties"] : {}), ...(isObj(node["additionalProperties"]) ? [["*", node["additionalProperties"]] as const] : [])];
      for (const [name, field] of fields) {
        if (!isObj(field)) continue;
        const ref = typeof field["$ref"] === "string" ? defs[field["$ref"].replace("#/$defs/", "")] : field;
        if (!isObj(ref) || typeof ref["title"] !== "string" || typeof ref["description"] !== "string") undocumented.push(`${at}/${name}`);
      }
      // Closed: an object's fields are all listed, unless it is a map of them.
      if (node["additionalProperties"] !== false && !isObj(node["additionalProperties"])) undocumented.push(`${at} is open`);
    }
    expect(undocumented).toEqual([]);
  });

  it("share one definition of the version, the breakdown and the errors", () => {
    const defs = (cmd: Command): Obj => {
      const d = readSchema(cmd)["$defs"];
      return isObj(d) ? d : {};
    };
    for (const cmd of COMMANDS) expect(defs(cmd)["python"], cmd).toEqual(defs("size")["python"]);
    for (const cmd of ["explain", "compare", "load"] as const) {
      expect(defs(cmd)["breakdown"], cmd).toEqual(defs("size")["breakdown"]);
      expect(defs(cmd)["invocationError"], cmd).toEqual(defs("size")["invocationError"]);
    }
    for (const cmd of ["explain", "compare"] as const) expect(defs(cmd)["error"], cmd).toEqual(defs("size")["error"]);
    expect(defs("size")["python"]).toMatchObject({ enum: [...SUPPORTED_PYTHONS] });
  });
});

/** A copy of `doc` with the member at `path` replaced, or removed (undefined). */
function doctored(doc: Json, path: (string | number)[], value: Json | undefined): Json {
  const copy = structuredClone(doc);
  let at: Json = copy;
  for (const k of path.slice(0, -1)) at = (at as Obj)[k as string] ?? null;
  const last = path[path.length - 1] as string;
  if (value === undefined) delete (at as Obj)[last];
  else (at as Obj)[last] = value;
  return copy;
}

async function realLines(args: string[]): Promise<Json[]> {
  const r = await cli(args);
  return r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Json);
}

type Doctoring = [string, (string | number)[], Json | undefined];

/** The real document is valid, and each doctored copy of it is not. */
function expectRejected(cmd: Command, doc: Json | undefined, cases: readonly Doctoring[]): void {
  expect(schemaErrors(cmd, doc)).toBeNull();
  for (const [what, path, value] of cases) expect(schemaErrors(cmd, doctored(doc ?? null, path, value)), what).not.toBeNull();
}

describe("the schemas reject doctored output", () => {
  it("size: a result, a failure, an invocation error", async () => {
    const [ok, failed, unsupported] = await realLines(["size", "--json", "--max", "1000", "[1, 2, 3]", "1/0", "hash(object())"]);
    expectRejected("size", ok, [
      ["size as a string", ["size"], "88"],
      ["a negative deep size", ["deep"], -1],
      ["a fractional size", ["size"], 88.5],
      ["no objects", ["objects"], undefined],
      ["a field the contract lacks", ["extra"], 1],
      ["an unknown version", ["python"], "2.7"],
      ["a breakdown entry without bytes", ["breakdown", "list", "bytes"], undefined],
      ["a breakdown count of 0", ["breakdown", "int", "count"], 0],
      ["a limit without its metric", ["metric"], undefined],
      ["an error beside the figures", ["error"], { code: "PYTHON", message: "x", line: null, column: null, in: "expr" }],
    ]);
    expectRejected("size", failed, [
      ["an unknown code", ["error", "code"], "OOPS"],
      ["line 0", ["error", "line"], 0],
      ["a line without a column", ["error", "column"], null],
      ["Python's error without its exception", ["error", "exception"], undefined],
      ["a file for an error in the expression", ["error", "file"], "m.py"],
      ["no expr", ["expr"], undefined],
    ]);
    expectRejected("size", unsupported, [["an exception pymem did not raise", ["error", "exception"], "TypeError"]]);
    // No input reaches INTERNAL (it is a pymem bug), so its line is shown here.
    expect(schemaErrors("size", doctored(doctored(failed ?? null, ["error", "code"], "INTERNAL"), ["error", "exception"], undefined))).toBeNull();
    const [invocation] = await realLines(["size", "--json", "--python", "2.7", "1"]);
    expectRejected("size", invocation, [
      ["a position", ["error", "line"], 1],
      ["an expression's code", ["error", "code"], "PYTHON"],
    ]);
  });

  it("explain and compare", async () => {
    const [explained] = await realLines(["explain", "--json", "[1, 2]"]);
    expectRejected("explain", explained, [
      ["no explanation", ["explain"], []],
      ["a row without its offset", ["explain", 0, "rows", 0, "offset"], undefined],
      ["a row value that is a number", ["explain", 0, "rows", 1, "value"], 8],
      ["rows beside `unsupported`", ["explain", 0, "unsupported"], "no table"],
      ["compare's fields", ["count"], 1],
    ]);
    const [, compared] = await realLines(["compare", "--json", "--count", "10", "[1, 2, 3]", "(1, 2, 3)"]);
    expectRejected("compare", compared, [
      ["a count of 0", ["count"], 0],
      ["a saving without its difference", ["deepDifference"], undefined],
      ["a fractional difference", ["deepDifference"], 1.5],
      ["a saving above 100%", ["saving"], 2],
      ["no totals", ["deepTimesCount"], undefined],
    ]);
  });

  it("check: a measured budget, a failed one, a config error", async () => {
    const project = '[tool.pymem]\npython = ["3.10", "3.13"]\n[[tool.pymem.budgets]]\nname = "a"\nexpr = "[1]"\nmax = 100\n[[tool.pymem.budgets]]\nname = "b"\nexpr = "1/0"\nmax = 100\n';
    const r = await cli(["check", "--json"], { files: { "/project/pyproject.toml": project } });
    const report = JSON.parse(r.stdout) as Json;
    expectRejected("check", report, [
      ["passed as a string", [0, "passed"], "yes"],
      ["a value of a failed budget", [1, "value"], 8],
      ["a failed budget without its error", [1, "error"], undefined],
      ["a failed budget that passed", [1, "passed"], true],
      ["Python's exception (check does not print it)", [1, "error", "exception"], "ZeroDivisionError"],
      ["an unknown version", [0, "python"], "3.7"],
      ["a lines-of-size document", [0, "deep"], 72],
    ]);
    const c = await cli(["check", "--json"], { files: { "/project/pyproject.toml": "[tool.pymem\n" } });
    expectRejected("check", JSON.parse(c.stdout) as Json, [["budgets beside the error", ["budgets"], []]]);
  });

  it("load: size's line with `file` and `loader` instead of `expr`, and its error shape", async () => {
    const [line] = await realLines(["size", "--json", "{'a': [1, 'x']}"]);
    const loaded = doctored(doctored(doctored(line ?? null, ["expr"], undefined), ["file"], "data/countries.json"), ["loader"], "json");
    expectRejected("load", loaded, [
      ["an unknown loader", ["loader"], "xml"],
      ["an expr beside the file", ["expr"], "x"],
      ["no file", ["file"], undefined],
      ["size as a string", ["size"], "232"],
    ]);
    const failure = { file: "bad.json", loader: "json", python: "3.10", error: { code: "PYTHON", message: "JSONDecodeError: Expecting value: line 1 column 2 (char 1)", line: 1, column: 2, in: "file", file: "bad.json", exception: "JSONDecodeError" } };
    expectRejected("load", failure, [
      ["no column", ["error", "column"], undefined],
      ["a column without a line", ["error", "line"], null],
      ["an unknown code", ["error", "code"], "JSON"],
      ["a position in the expression", ["error", "in"], "expr"],
      ["no file in the error", ["error", "file"], undefined],
    ]);
  });
});
