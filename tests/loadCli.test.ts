// `pymem load` on the command line: the table, --top, and the errors a user
// meets (a malformed file with its caret, a missing file, a name that says no
// loader, a bad --as or --top), each with exit status 2 and the batch going on.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { fixturePath } from "./fixtureRows.js";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { cli } from "./cliHarness.js";

const dir = mkdtempSync(join(tmpdir(), "pymem-load-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeFileSync(join(dir, "ok.json"), '{"items": [{"tags": ["a", "bc"]}, {"tags": []}]}\n');
copyFileSync(fileURLToPath(new URL("../fixtures/data/load/gen/bad18.json", import.meta.url)), join(dir, "bad.json"));
/** CPython 3.10's message for that file (fixtures/load_cases.py). */
const cpythonMessage = (
  readFileSync(fixturePath("load.jsonl", "3.10"), "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as { id: string; error?: { type: string; message: string } })
    .find((r) => r.id === "gen/bad18.json:json")?.error ?? { type: "", message: "" }
);
writeFileSync(join(dir, "notes.txt"), "[1]\n");

describe("pymem load", () => {
  it("tables a good file and reports a bad one with its position, going on with the batch", async () => {
    const r = await cli(["load", "bad.json", "ok.json", "missing.json", "notes.txt"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toMatch(/│ file +│ type │/);
    expect(r.stdout).toMatch(/│ ok\.json +│ dict │/);
    const [, line, column] = /line (\d+) column (\d+)/.exec(cpythonMessage.message) ?? [];
    expect(r.stderr).toContain(`error[PYTHON]: ${cpythonMessage.type}: ${cpythonMessage.message}\n  --> bad.json:${line}:${column}\n  ${line} |    2,,3]}\n    |      ^`);
    expect(r.stderr).toContain("error[INPUT]: cannot read 'missing.json': no such file");
    expect(r.stderr).toContain("error[CONFIG]: cannot tell how to load 'notes.txt' from its name: use --as json|ndjson|csv|csv-dicts");
  });

  it("shows a window of a long line (a minified file) around the column an error points at", async () => {
    // Column 5002 of one line: the excerpt starts 60 characters before it, after an ellipsis.
    writeFileSync(join(dir, "minified.json"), `[${"1,".repeat(2500)}?]`);
    const r = await cli(["load", "minified.json"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error[PYTHON]: JSONDecodeError: Expecting value: line 1 column 5002 (char 5001)\n  --> minified.json:1:5002\n  1 | …${"1,".repeat(30)}?]\n    | ${" ".repeat(61)}^`);
  });

  it("--as reads a file whatever its name; --top lists the paths", async () => {
    const r = await cli(["load", "--as", "json", "--top", "2", "notes.txt", "ok.json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("where the bytes go in ok.json");
    expect(r.stdout).toMatch(/│ \$\.items\[\*\](\.tags)? +│/);
  });

  it.each([
    [["--as", "xml", "ok.json"], "--as must be one of json, ndjson, csv, csv-dicts, not 'xml'"],
    [["--top", "0", "ok.json"], "--top must be a whole number of paths from 1, not '0'"],
    [["--python", "2.7", "ok.json"], "Python 2.7 is not supported"],
  ])("refuses %j", async (args, message) => {
    const r = await cli(["load", ...args], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr + r.stdout).toContain(message);
  });
});
