// csv.writer (Modules/_csv.c csv_writerow, join_append_data): each row joined
// into one fresh str, quoted and escaped as the dialect says, ending with the
// line terminator, and handed to the file's write(), whose result writerow
// returns.
import { getAttr } from "./attributes.js";
import { callObject } from "./calls.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { forEach, getIter } from "./iteration.js";
import { nativeObject } from "./nativeObjects.js";
import { builtinFunction as fn, None, pyStr, type Kwargs, type PyObj } from "./objects.js";
import { strObj } from "./format.js";
import { strText } from "./text.js";
import { csvError, makeDialect, QUOTE_ALL, QUOTE_NONE, QUOTE_NONNUMERIC, type CsvDialect } from "./csvDialect.js";

/** PyNumber_Check: what QUOTE_NONNUMERIC leaves unquoted. */
function isNumber(o: PyObj): boolean {
  if (o.t === "int" || o.t === "bool" || o.t === "float" || o.t === "complex" || o.t === "Decimal") return true;
  if (o.t === "instance") throw new PymemError("UNSUPPORTED", "csv QUOTE_NONNUMERIC over an instance of a class");
  return false;
}

/** join_append_data in its copy phase: the field as the record holds it (null: None). */
function joinField(d: CsvDialect, text: string | null, quotedIn: boolean): string {
  let quoted = quotedIn;
  let out = "";
  const lt = strText(d.lineterminator);
  for (const c of text ?? "") {
    if (c === "\0") throw new PymemError("UNSUPPORTED", "a NUL character in a csv field");
    let wantEscape = false;
    if (c === d.delimiter || (d.escapechar !== "" && c === d.escapechar) || c === d.quotechar || lt.includes(c) || c === "\n" || c === "\r") {
      if (!(c === d.delimiter || c === d.escapechar || c === d.quotechar || lt.includes(c))) throw new PymemError("UNSUPPORTED", "a csv field holding a line break that is not in the line terminator (its quoting changed in 3.12)");
      if (d.quoting === QUOTE_NONE) wantEscape = true;
      else {
        if (c === d.quotechar) {
          if (d.doublequote) out += d.quotechar;
          else wantEscape = true;
        } else if (c === d.escapechar) wantEscape = true;
        if (!wantEscape) quoted = true;
      }
      if (wantEscape) {
        if (d.escapechar === "") throw csvError("need to escape, but no escapechar set");
        out += d.escapechar;
      }
    }
    out += c;
  }
  return quoted ? d.quotechar + out + d.quotechar : out;
}

function joinRow(d: CsvDialect, row: PyObj): string {
  let iter;
  try {
    iter = getIter(row);
  } catch (e) {
    if (e instanceof PyException && e.pyType === "TypeError") throw csvError(`iterable expected, not ${row.t === "opaque" ? row.typeName : row.t}`);
    throw e;
  }
  const parts: string[] = [];
  for (let f = iter.next(); f !== undefined; f = iter.next()) {
    const quoted = d.quoting === QUOTE_ALL || (d.quoting === QUOTE_NONNUMERIC && !isNumber(f));
    const text = f.t === "str" ? strText(f) : f.t === "NoneType" ? null : strText(strObj(f));
    parts.push(joinField(d, text, quoted));
  }
  if (parts.length === 1 && parts[0] === "") {
    if (d.quoting === QUOTE_NONE) throw csvError("single empty field record must be quoted");
    return d.quotechar + d.quotechar + strText(d.lineterminator);
  }
  return parts.join(d.delimiter) + strText(d.lineterminator);
}

/** csv.writer(fileobj, dialect='excel', **fmtparams). */
export function writerCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  if (args.length < 1 || args.length > 2) throw typeError(`expected at most 2 arguments, got ${args.length}`);
  let write: PyObj;
  try {
    write = getAttr(args[0] as PyObj, "write");
  } catch (e) {
    if (e instanceof PyException && e.pyType === "AttributeError") throw typeError('argument 1 must have a "write" method');
    throw e;
  }
  const { d, obj: dialectObj } = makeDialect(args[1], kw);
  const writerow = (row: PyObj): PyObj => callObject(write, [pyStr(joinRow(d, row))]);
  return nativeObject("writer", {
    attr: (name) => {
      if (name === "dialect") return dialectObj;
      if (name === "writerow") return fn("writerow", ([row]) => writerow(row as PyObj));
      if (name === "writerows") {
        return fn("writerows", ([rows]) => {
          forEach(rows as PyObj, (row) => {
            writerow(row);
          });
          return None;
        });
      }
      return undefined;
    },
  });
}
