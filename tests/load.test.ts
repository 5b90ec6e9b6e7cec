// `pymem load` against the truth: fixtures/load_cases.py ran each loader under
// every committed CPython on the files of fixtures/data/load/ (real documents
// and generated ones, malformed ones among them). Every row must match: the
// figures and per-type breakdown, or the exception's type and message.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { layoutFor } from "../src/layouts/layout.js";
import { loadFile, type Loader } from "../src/load/loadFile.js";
import { withChunkSize } from "../src/load/byteSource.js";
import { FIXTURE_VERSIONS, fixturePath } from "./fixtureRows.js";

interface LoadRow {
  readonly id: string;
  readonly file: string;
  readonly loader: Loader;
  readonly type?: string;
  readonly size?: number;
  readonly deep?: number;
  readonly objects?: number;
  readonly breakdown?: Readonly<Record<string, readonly [number, number]>>;
  readonly error?: { readonly type: string; readonly message: string };
}

const DATA = fileURLToPath(new URL("../fixtures/data/load/", import.meta.url));

/** Rows pymem refuses (UNSUPPORTED), with why; every other row must be exact. */
const REFUSED: Readonly<Record<string, string>> = {
  "gen/deep900.json:json": "nesting of 900 levels: whether json.load fails there depends on the recursion limit and call depth",
  "wild/deep-list995.json:json": "nested past 900 levels, short of this version's RecursionError depth (3.12: 1498, 3.13: 9999): whether json.load fails depends on the caller's depth",
  "wild/deep-dict995.json:json": "nested past 900 levels, short of this version's RecursionError depth (3.12: 1498, 3.13: 9999): whether json.load fails depends on the caller's depth",
  "wild/deep-list1498.json:json": "nested past 900 levels, short of this version's RecursionError depth (3.12: 1498, 3.13: 9999): whether json.load fails depends on the caller's depth",
  "wild/deep-dict1498.json:json": "nested past 900 levels, short of this version's RecursionError depth (3.12: 1498, 3.13: 9999): whether json.load fails depends on the caller's depth",
  "wild/deep-lines.jsonl:ndjson": "nested past 900 levels, short of this version's RecursionError depth (3.12: 1498, 3.13: 9999): whether json.load fails depends on the caller's depth",
};

/** load_cases.py's rule-by-rule corpus and loaddata_cases.py's realistic and adversarial files. */
const LOAD_CORPORA = ["load.jsonl", "loaddata.jsonl"] as const;

describe.each(LOAD_CORPORA.flatMap((c) => FIXTURE_VERSIONS.map((v) => [c, v] as const)))("pymem load %s, CPython %s", (corpus, version) => {
  const rows = readFileSync(fixturePath(corpus, version), "utf8")
    .split("\n")
    .filter((l) => l !== "")
    .map((l) => JSON.parse(l) as LoadRow);
  const layout = layoutFor(version);
  it("has rows and a layout", () => {
    expect(rows.length).toBeGreaterThan(100);
    expect(layout).toBeDefined();
  });
  it.each(rows.map((r) => [r.id, r] as const))("%s", (id, row) => {
    if (layout === undefined) return;
    const r = loadFile(DATA + row.file, row.loader, layout);
    if (!r.ok && r.error.code === "UNSUPPORTED" && REFUSED[id] !== undefined) return;
    if (row.error !== undefined) {
      expect(r.ok ? r.m : r.error.pyType).toEqual(row.error.type === "Error" ? "Error" : row.error.type);
      if (!r.ok) expect(r.error.message).toEqual(row.error.message);
      return;
    }
    expect(r.ok ? "" : r.error.message).toEqual("");
    if (!r.ok) return;
    const breakdown = Object.fromEntries([...r.m.breakdown].map(([k, v]) => [k, [v.count, v.bytes]]));
    expect({ type: r.m.type, size: r.m.size, deep: r.m.deep, objects: r.m.objects, breakdown }).toEqual({ type: row.type, size: row.size, deep: row.deep, objects: row.objects, breakdown: row.breakdown });
  });
  // --top's bytes by JSON path: the same figures, and the paths share them out exactly.
  it.each(rows.filter((r) => r.error === undefined).map((r) => [r.id, r] as const))("%s, by JSON path", (id, row) => {
    if (layout === undefined) return;
    const r = loadFile(DATA + row.file, row.loader, layout, true);
    if (!r.ok || r.paths === undefined) return;
    expect([r.m.deep, r.m.objects]).toEqual([row.deep, row.objects]);
    expect([r.paths.reduce((a, p) => a + p.bytes, 0), r.paths.reduce((a, p) => a + p.count, 0)]).toEqual([row.deep, row.objects]);
    expect(r.paths.map((p) => p.path).filter((p) => !/^\$(\[\*\]|\.[A-Za-z_][\w-]*|\.\*|\[None\])*$/.test(p))).toEqual([]);
  });
  // The same files read 16 bytes at a time: every token and UTF-8 sequence met across a chunk boundary somewhere.
  it.each(rows.filter((r) => !r.file.startsWith("ts-")).map((r) => [r.id, r] as const))("%s, in 16-byte chunks", (id, row) => {
    if (layout === undefined) return;
    const whole = loadFile(DATA + row.file, row.loader, layout);
    const chunked = withChunkSize(16, () => loadFile(DATA + row.file, row.loader, layout));
    expect(chunked).toEqual(whole);
  });
});
