// csv.reader (Modules/_csv.c Reader_iternext, parse_process_char): each row a
// list grown by PyList_Append, each field a fresh str built from the field
// buffer by PyUnicode_FromKindAndData (so the empty and one-latin-1-character
// fields are the cached singletons), or under QUOTE_NONNUMERIC a float of an
// unquoted field. The end of each input line is the EOL pseudo-character.
import { ctx } from "./ctx.js";
import { typeError, valueError } from "./errors.js";
import { getIter } from "./iteration.js";
import { listAppend, newEmptyList } from "./lists.js";
import { nativeObject } from "./nativeObjects.js";
import { pyFloat, pyInt, pyStr, typeName, type Kwargs, type PyListObj, type PyObj } from "./objects.js";
import { repr } from "./repr.js";
import { strText } from "./text.js";
import { decimalsAndSpacesToAscii } from "./unicodeChars.js";
import { csvError, makeDialect, QUOTE_NONE, QUOTE_NONNUMERIC, type CsvDialect } from "./csvDialect.js";
import { parseFloat } from "./builtins.js";

type State = "START_RECORD" | "START_FIELD" | "ESCAPED_CHAR" | "IN_FIELD" | "IN_QUOTED_FIELD" | "ESCAPE_IN_QUOTED_FIELD" | "QUOTE_IN_QUOTED_FIELD" | "EAT_CRNL" | "AFTER_ESCAPED_CRNL";
const EOL = "EOL";

/** csv.field_size_limit: the module's limit, this evaluation's. */
export function fieldLimit(set?: number): number {
  const state = ctx().moduleState;
  const old = (state.get("csv field limit") as number | undefined) ?? 128 * 1024;
  if (set !== undefined) state.set("csv field limit", set);
  return old;
}

/** PyNumber_Float of a str field: float(field). */
function floatOf(text: string): PyObj {
  const ascii = decimalsAndSpacesToAscii(text);
  try {
    return pyFloat(parseFloat(ascii));
  } catch {
    throw valueError(`could not convert string to float: ${repr(pyStr(text))}`);
  }
}

class Parser {
  state: State = "START_RECORD";
  field: string[] = [];
  numeric = false;
  fields: PyListObj = newEmptyList();
  constructor(readonly d: CsvDialect) {}

  reset(): void {
    this.fields = newEmptyList();
    this.field = [];
    this.state = "START_RECORD";
    this.numeric = false;
  }

  save(): void {
    const text = this.field.join("");
    this.field = [];
    let f: PyObj = pyStr(text);
    if (this.numeric) {
      this.numeric = false;
      f = floatOf(text);
    }
    listAppend(this.fields, f);
  }

  add(c: string): void {
    const limit = fieldLimit();
    if (this.field.length >= limit) throw csvError(`field larger than field limit (${limit})`);
    this.field.push(c);
  }

  private startField(c: string, nl: boolean): void {
    const d = this.d;
    if (nl || c === EOL) {
      this.save();
      this.state = c === EOL ? "START_RECORD" : "EAT_CRNL";
    } else if (c === d.quotechar && d.quoting !== QUOTE_NONE) this.state = "IN_QUOTED_FIELD";
    else if (c === d.escapechar) this.state = "ESCAPED_CHAR";
    else if (c === " " && d.skipinitialspace) return;
    else if (c === d.delimiter) this.save();
    else {
      if (d.quoting === QUOTE_NONNUMERIC) this.numeric = true;
      this.add(c);
      this.state = "IN_FIELD";
    }
  }

  private inField(c: string, nl: boolean): void {
    const d = this.d;
    if (nl || c === EOL) {
      this.save();
      this.state = c === EOL ? "START_RECORD" : "EAT_CRNL";
    } else if (c === d.escapechar) this.state = "ESCAPED_CHAR";
    else if (c === d.delimiter) {
      this.save();
      this.state = "START_FIELD";
    } else this.add(c);
  }

  /** One character (or EOL) of the input. */
  process(c: string): void {
    const d = this.d;
    const nl = c === "\n" || c === "\r";
    switch (this.state) {
      case "START_RECORD":
        if (c === EOL) return;
        if (nl) {
          this.state = "EAT_CRNL";
          return;
        }
        this.state = "START_FIELD";
        this.startField(c, nl);
        return;
      case "START_FIELD":
        this.startField(c, nl);
        return;
      case "ESCAPED_CHAR":
        if (nl) {
          this.add(c);
          this.state = "AFTER_ESCAPED_CRNL";
          return;
        }
        this.add(c === EOL ? "\n" : c);
        this.state = "IN_FIELD";
        return;
      case "AFTER_ESCAPED_CRNL":
        if (c === EOL) return;
        this.inField(c, nl);
        return;
      case "IN_FIELD":
        this.inField(c, nl);
        return;
      case "IN_QUOTED_FIELD":
        if (c === EOL) return;
        if (c === d.escapechar) this.state = "ESCAPE_IN_QUOTED_FIELD";
        else if (c === d.quotechar && d.quoting !== QUOTE_NONE) this.state = d.doublequote ? "QUOTE_IN_QUOTED_FIELD" : "IN_FIELD";
        else this.add(c);
        return;
      case "ESCAPE_IN_QUOTED_FIELD":
        this.add(c === EOL ? "\n" : c);
        this.state = "IN_QUOTED_FIELD";
        return;
      case "QUOTE_IN_QUOTED_FIELD":
        if (d.quoting !== QUOTE_NONE && c === d.quotechar) {
          this.add(c);
          this.state = "IN_QUOTED_FIELD";
        } else if (c === d.delimiter) {
          this.save();
          this.state = "START_FIELD";
        } else if (nl || c === EOL) {
          this.save();
          this.state = c === EOL ? "START_RECORD" : "EAT_CRNL";
        } else if (!d.strict) {
          this.add(c);
          this.state = "IN_FIELD";
        } else throw csvError(`'${d.delimiter}' expected after '${d.quotechar}'`);
        return;
      case "EAT_CRNL":
        if (nl) return;
        if (c === EOL) this.state = "START_RECORD";
        else throw csvError(ctx().layout.csvMessages.newlineInField);
        return;
    }
  }
}

/** csv.reader(iterable, dialect='excel', **fmtparams). */
export function readerCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  if (args.length < 1 || args.length > 2) throw typeError(`expected at most 2 arguments, got ${args.length}`);
  let input;
  try {
    input = getIter(args[0] as PyObj);
  } catch (e) {
    if (e instanceof Error && "pyType" in e && e.pyType === "TypeError") throw typeError("argument 1 must be an iterator");
    throw e;
  }
  const { d, obj: dialectObj } = makeDialect(args[1], kw);
  const p = new Parser(d);
  let lineNum = 0;
  const next = (): PyObj | undefined => {
    p.reset();
    do {
      const line = input.next();
      if (line === undefined) {
        if (p.field.length !== 0 || p.state === "IN_QUOTED_FIELD") {
          if (d.strict) throw csvError("unexpected end of data");
          p.save();
          break;
        }
        return undefined;
      }
      if (line.t !== "str") throw csvError(`iterator should return strings, not ${typeName(line)} (${ctx().layout.csvMessages.notTextHint})`);
      lineNum++;
      for (const c of strText(line)) {
        // 3.8-3.10 refuse a line holding a NUL (after the characters before it), 3.11 reads it as data.
        if (c === "\0" && !ctx().layout.rules.csvNulIsData) throw csvError("line contains NUL");
        p.process(c);
      }
      p.process(EOL);
    } while (p.state !== "START_RECORD");
    const row = p.fields;
    p.fields = newEmptyList();
    return row;
  };
  return nativeObject("reader", {
    next,
    attr: (name) => (name === "line_num" ? pyInt(lineNum) : name === "dialect" ? dialectObj : undefined),
  });
}
