// `json.load(open(path, encoding="utf-8"))` and, for NDJSON,
// `[json.loads(line) for line in open(path, encoding="utf-8")]`, sized by
// streaming the file through jsonScan.ts. A document with a repeated key (its
// earlier value dropped) is evaluated by the runtime's json.loads instead.
import type { Layout } from "../layouts/layout.js";
import { measure } from "../sizing/measure.js";
import { ByteSource } from "./byteSource.js";
import { appendedListSize } from "./growth.js";
import { JsonScanner } from "./jsonScan.js";
import { fileLines, fileSize } from "./lineReader.js";
import { LoadFailure } from "./loadFailure.js";
import { loaded, type LoadResult } from "./loadResult.js";
import { Tally } from "./tally.js";
import { jsonErrorText, textPosition } from "./textPosition.js";
import { firstBadUtf8, unicodeDecodeMessage } from "./utf8Check.js";
import { readFileSync } from "node:fs";

/** Files up to this size with a repeated key are evaluated whole by the runtime. */
const EVALUATE_LIMIT = 4 << 20;

function scanner(src: ByteSource, t: Tally, rootPath = "$"): JsonScanner {
  return new JsonScanner(src, t, t.layout.rules.jsonTrailingCommaError, rootPath);
}

export function loadJson(path: string, layout: Layout, byPath = false): LoadResult {
  const t = new Tally(layout);
  if (byPath) t.paths = new Map();
  const src = ByteSource.ofFile(path, 0, true);
  try {
    const sc = scanner(src, t);
    sc.document();
    return loaded(t, sc.rootType, sc.rootSize);
  } catch (e) {
    if (!(e instanceof LoadFailure)) throw e;
    // f.read() decodes the whole file before json.loads sees it: a bad byte anywhere is the error.
    const bad = firstBadUtf8(path, e.byteOffset);
    if (bad !== null) return decodeError(path, unicodeDecodeMessage(bad, 0), bad.start);
    if (e.kind === "UNSUPPORTED" && e.reason.includes("repeated key")) return evaluated(path, layout, false);
    return failure(e, filePosition(path, e.byteOffset));
  } finally {
    src.close();
  }
}

export function loadNdjson(path: string, layout: Layout, byPath = false): LoadResult {
  const t = new Tally(layout);
  if (byPath) t.paths = new Map();
  let n = 0;
  try {
    for (const line of fileLines(path, true)) {
      t.memo.clear();
      const sc = scanner(ByteSource.ofBytes(line.bytes), t, "$[*]");
      try {
        sc.document();
      } catch (e) {
        if (!(e instanceof LoadFailure)) throw e;
        if (e.kind === "UNSUPPORTED" && e.reason.includes("repeated key")) return evaluated(path, layout, true);
        const p = textPosition(ByteSource.ofBytes(line.bytes), e.byteOffset);
        // The message is json.loads(line)'s; the position reported is the file's.
        const r = failure(e, p);
        if (r.ok) return r;
        return { ok: false, error: { ...r.error, line: line.number + p.line - 1, column: p.column } };
      }
      n++;
    }
  } catch (e) {
    if (e instanceof LoadFailure && e.kind === "UnicodeDecodeError") return decodeError(path, e.reason, e.byteOffset);
    throw e;
  }
  const size = appendedListSize(layout, n);
  t.path = "$";
  t.add("list", size);
  return loaded(t, "list", size);
}

function filePosition(path: string, offset: number): ReturnType<typeof textPosition> {
  const src = ByteSource.ofFile(path);
  try {
    return textPosition(src, offset);
  } finally {
    src.close();
  }
}

function decodeError(path: string, message: string, offset: number): LoadResult {
  const p = filePosition(path, offset);
  return { ok: false, error: { code: "PYTHON", pyType: "UnicodeDecodeError", message, line: p.line, column: p.column } };
}

function failure(e: LoadFailure, p: ReturnType<typeof textPosition>): LoadResult & { ok: false } {
  if (e.kind === "JSONDecodeError") return { ok: false, error: { code: "PYTHON", pyType: "JSONDecodeError", message: jsonErrorText(e.reason, p), line: p.line, column: p.column } };
  if (e.kind === "UNSUPPORTED" || e.kind === "LIMIT") return { ok: false, error: { code: e.kind, pyType: null, message: e.reason, line: p.line, column: p.column } };
  return { ok: false, error: { code: "PYTHON", pyType: e.kind, message: e.reason, line: p.line, column: p.column } };
}

/** The file as the universal-newline text json.load reads. */
function translatedText(path: string): string {
  return new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(readFileSync(path)).replace(/\r\n?/g, "\n");
}

/** The runtime's json.loads over the file's text, for what the streaming scan refuses (a repeated key). */
function evaluated(path: string, layout: Layout, lines: boolean): LoadResult {
  if (fileSize(path) > EVALUATE_LIMIT) return { ok: false, error: { code: "UNSUPPORTED", pyType: null, message: `a JSON object with a repeated key in a file over ${EVALUATE_LIMIT >> 20} MiB`, line: null, column: null } };
  const text = translatedText(path);
  const lit = (s: string): string => JSON.stringify(s);
  const expr = lines ? `[json.loads(l) for l in (${text.split(/(?<=\n)/).map(lit).join(", ")},)]` : `json.loads(${lit(text)})`;
  const r = measure({ expr, setup: "import json", layout, timeoutS: 60 });
  if (r.ok) return r;
  return { ok: false, error: { code: r.error.code, pyType: r.error.pyType, message: r.error.message, line: null, column: null } };
}
