// `list(csv.reader(f))` and `list(csv.DictReader(f))` over
// `open(path, encoding="utf-8", newline="")`, with the excel dialect (excel-tab
// for .tsv): Modules/_csv.c's parse_process_char over each line and its EOL,
// each row a list grown by PyList_Append, each field a str made by
// PyUnicode_FromKindAndData (the empty and one-latin-1-character ones cached);
// DictReader's rows are dict(zip(fieldnames, row)) with restkey None and
// restval None, the header strs the keys of every row.
import type { Layout } from "../layouts/layout.js";
import { appendedListSize, DictGrowth, iteratedListSize } from "./growth.js";
import { fileLines } from "./lineReader.js";
import { LoadFailure } from "./loadFailure.js";
import { loaded, type LoadResult } from "./loadResult.js";
import { keySegment, Tally } from "./tally.js";
import { ByteSource } from "./byteSource.js";
import { textPosition } from "./textPosition.js";

/** The file line and column of a byte offset (lines end at "\n", "\r\n" or "\r"). */
function lineColumn(path: string, offset: number): { line: number; column: number } {
  const src = ByteSource.ofFile(path);
  try {
    const p = textPosition(src, offset);
    return { line: p.line, column: p.column };
  } finally {
    src.close();
  }
}

/** csv.field_size_limit()'s default. */
const FIELD_LIMIT = 128 * 1024;
const QUOTE = 0x22;

type State = "START_RECORD" | "START_FIELD" | "IN_FIELD" | "IN_QUOTED_FIELD" | "QUOTE_IN_QUOTED_FIELD" | "EAT_CRNL";

/** One field: its length, largest and first code point, and its text when kept (DictReader's header). */
interface Field {
  readonly length: number;
  readonly maxChar: number;
  readonly first: number;
  readonly text: string;
}

/** The rows of a file, field by field (the excel dialect with `delimiter`: QUOTE_MINIMAL, doublequote, not strict). */
class CsvParser {
  private state: State = "START_RECORD";
  private length = 0;
  private maxChar = 0;
  private first = 0;
  private text = "";
  keepText = false;
  fields: Field[] = [];

  constructor(
    private readonly delimiter: number,
    private readonly nulIsData: boolean,
  ) {}

  private save(): void {
    this.fields.push({ length: this.length, maxChar: this.maxChar, first: this.first, text: this.text });
    this.length = 0;
    this.maxChar = 0;
    this.first = 0;
    this.text = "";
  }

  private add(c: number, at: number): void {
    if (this.length >= FIELD_LIMIT) throw new LoadFailure("Error", `field larger than field limit (${FIELD_LIMIT})`, at);
    if (this.length === 0) this.first = c;
    if (c > this.maxChar) this.maxChar = c;
    this.length++;
    if (this.keepText) this.text += String.fromCodePoint(c);
  }

  /** Whether a field has begun (at the end of the input it is saved). */
  pending(): boolean {
    return this.length !== 0 || this.state === "IN_QUOTED_FIELD";
  }

  finish(): void {
    this.save();
  }

  done(): boolean {
    return this.state === "START_RECORD";
  }

  private startField(c: number, nl: boolean, at: number): void {
    if (nl || c === -1) {
      this.save();
      this.state = c === -1 ? "START_RECORD" : "EAT_CRNL";
    } else if (c === QUOTE) this.state = "IN_QUOTED_FIELD";
    else if (c === this.delimiter) this.save();
    else {
      this.add(c, at);
      this.state = "IN_FIELD";
    }
  }

  /** One character of a line (-1: the line's end, EOL), `at` its file offset for errors. */
  process(c: number, at: number): void {
    const nl = c === 0x0a || c === 0x0d;
    switch (this.state) {
      case "START_RECORD":
        if (c === -1) return;
        if (nl) {
          this.state = "EAT_CRNL";
          return;
        }
        this.state = "START_FIELD";
        this.startField(c, nl, at);
        return;
      case "START_FIELD":
        this.startField(c, nl, at);
        return;
      case "IN_FIELD":
        if (nl || c === -1) {
          this.save();
          this.state = c === -1 ? "START_RECORD" : "EAT_CRNL";
        } else if (c === this.delimiter) {
          this.save();
          this.state = "START_FIELD";
        } else this.add(c, at);
        return;
      case "IN_QUOTED_FIELD":
        if (c === -1) return;
        if (c === QUOTE) this.state = "QUOTE_IN_QUOTED_FIELD";
        else this.add(c, at);
        return;
      case "QUOTE_IN_QUOTED_FIELD":
        if (c === QUOTE) {
          this.add(c, at);
          this.state = "IN_QUOTED_FIELD";
        } else if (c === this.delimiter) {
          this.save();
          this.state = "START_FIELD";
        } else if (nl || c === -1) {
          this.save();
          this.state = c === -1 ? "START_RECORD" : "EAT_CRNL";
        } else {
          this.add(c, at);
          this.state = "IN_FIELD";
        }
        return;
      case "EAT_CRNL":
        if (nl) return;
        // With newline="" a line ends at its first line-end character, so nothing follows one but EOL.
        if (c === -1) this.state = "START_RECORD";
        return;
    }
  }

  /** The characters of one line and its EOL. */
  line(bytes: Uint8Array, start: number): void {
    for (let i = 0; i < bytes.length; ) {
      const b0 = bytes[i] as number;
      let cp = b0;
      let n = 1;
      if (b0 >= 0xf0) {
        cp = ((b0 & 0x07) << 18) | (((bytes[i + 1] as number) & 0x3f) << 12) | (((bytes[i + 2] as number) & 0x3f) << 6) | ((bytes[i + 3] as number) & 0x3f);
        n = 4;
      } else if (b0 >= 0xe0) {
        cp = ((b0 & 0x0f) << 12) | (((bytes[i + 1] as number) & 0x3f) << 6) | ((bytes[i + 2] as number) & 0x3f);
        n = 3;
      } else if (b0 >= 0xc0) {
        cp = ((b0 & 0x1f) << 6) | ((bytes[i + 1] as number) & 0x3f);
        n = 2;
      }
      if (cp === 0 && !this.nulIsData) throw new LoadFailure("Error", "line contains NUL", start + i);
      this.process(cp, start + i);
      i += n;
    }
    this.process(-1, start + bytes.length);
  }
}

/** Reader_iternext over the file's lines: each row's fields, in order. */
function* rows(path: string, parser: CsvParser): Generator<Field[]> {
  let any = false;
  for (const line of fileLines(path, false)) {
    any = true;
    parser.line(line.bytes, line.start);
    if (parser.done()) {
      const row = parser.fields;
      parser.fields = [];
      yield row;
    }
  }
  // The input ended inside a record (a quoted field open, or a field begun): not strict, so that field is saved.
  if (any && parser.pending()) {
    parser.finish();
    const row = parser.fields;
    parser.fields = [];
    yield row;
  }
}

/** A row's list and its fields. */
function tallyRow(t: Tally, row: readonly Field[]): void {
  t.path = "$[*][*]";
  for (const f of row) t.str(f.length, f.maxChar, f.first);
  t.path = "$[*]";
  t.add("list", appendedListSize(t.layout, row.length));
}

export function loadCsv(path: string, layout: Layout, delimiter: number, dicts: boolean, byPath = false): LoadResult {
  const t = new Tally(layout);
  if (byPath) t.paths = new Map();
  const parser = new CsvParser(delimiter, layout.rules.csvNulIsData);
  let n = 0;
  let header: Field[] | null = null;
  let headerCounted = false;
  try {
    if (!dicts) {
      for (const row of rows(path, parser)) {
        tallyRow(t, row);
        n++;
      }
    } else {
      parser.keepText = true;
      for (const row of rows(path, parser)) {
        if (header === null) {
          header = row;
          parser.keepText = false;
          continue;
        }
        if (row.length === 0) continue;
        if (!headerCounted) {
          // The keys are the header's strs, the first of each text (a repeated name keeps its first key).
          const seen = new Set<string>();
          t.path = "$[*]";
          for (const f of header) if (!seen.has(f.text)) (seen.add(f.text), t.str(f.length, f.maxChar, f.first));
          headerCounted = true;
        }
        tallyDictRow(t, header, row);
        n++;
      }
    }
  } catch (e) {
    if (!(e instanceof LoadFailure)) throw e;
    return { ok: false, error: { code: "PYTHON", pyType: e.kind === "Error" ? "Error" : e.kind, message: e.reason, ...lineColumn(path, e.byteOffset) } };
  }
  const size = iteratedListSize(layout, n);
  t.path = "$";
  t.add("list", size);
  return loaded(t, "list", size);
}

/** DictReader.__next__: dict(zip(fieldnames, row)), then row[lf:] under None, or None for each missing name. */
function tallyDictRow(t: Tally, header: readonly Field[], row: readonly Field[]): void {
  const layout = t.layout;
  const d = new DictGrowth(layout, true);
  // Each key's value when the row is done: a field of the row, or null for restval None (a repeated name's earlier value is dropped).
  const values = new Map<string, Field | null>();
  const set = (text: string, v: Field | null): void => {
    d.insert(!values.has(text), true);
    values.set(text, v);
  };
  const lf = header.length;
  const lr = row.length;
  for (let i = 0; i < Math.min(lf, lr); i++) set((header[i] as Field).text, row[i] as Field);
  t.path = "$[*][None][*]";
  for (let i = lf; i < lr; i++) t.str((row[i] as Field).length, (row[i] as Field).maxChar, (row[i] as Field).first);
  if (lf < lr) {
    d.insert(true, false);
    t.path = "$[*]";
    t.constant("None");
    t.path = "$[*][None]";
    // row[lf:]: list_slice's new list of exactly that many items.
    t.add("list", layout.list.sizeof(lr - lf));
  } else if (lf > lr) {
    for (let i = lr; i < lf; i++) set((header[i] as Field).text, null);
  }
  for (const [key, v] of values) {
    if (t.paths !== null) t.path = "$[*]" + keySegment(key);
    if (v === null) t.constant("None");
    else t.str(v.length, v.maxChar, v.first);
  }
  t.path = "$[*]";
  t.add("dict", d.sizeof());
}
