// _string.formatter_parser (Objects/stringlib/unicode_format.h), what
// string.Formatter.parse returns: an iterator of (literal_text, field_name,
// format_spec, conversion) tuples, MarkupIterator_next and parse_field step by
// step. Each text is PyUnicode_Substring of the format string (the string
// itself when it spans it all, the cached one-character and empty strs), a
// missing field None, a present field's absent spec the empty str, and the
// conversion the cached one-character str.
import { PyException, PymemError } from "./errors.js";
import { makeIter } from "./iterObject.js";
import { None, pyInt, subOf, type PyIterObj, type PyObj, type PyStrObj } from "./objects.js";
import { getItem, makeSlice } from "./subscript.js";
import { strText } from "./text.js";
import { newTuple } from "./tuples.js";

function valueError(message: string): PyException {
  return new PyException("ValueError", message);
}

export function formatterParser(s: PyObj): PyIterObj {
  if (s.t !== "str") throw new PymemError("UNSUPPORTED", "string.Formatter.parse of a value that is not a str");
  if (subOf(s) !== undefined) throw new PymemError("UNSUPPORTED", "string.Formatter.parse of a str subclass's object");
  const str: PyStrObj = s;
  const chars = [...strText(str)];
  const end = chars.length;
  let pos = 0;
  const sub = (a: number, b: number): PyObj => getItem(str, makeSlice(pyInt(a), pyInt(b), None));
  const next = (): PyObj | undefined => {
    if (pos >= end) return undefined;
    const start = pos;
    let c = "";
    let markup = false;
    while (pos < end) {
      c = chars[pos++] as string;
      if (c === "{" || c === "}") {
        markup = true;
        break;
      }
    }
    const atEnd = pos >= end;
    let len = pos - start;
    if (c === "}" && markup && (atEnd || chars[pos] !== c)) throw valueError("Single '}' encountered in format string");
    if (atEnd && c === "{" && markup) throw valueError("Single '{' encountered in format string");
    if (!atEnd && markup) {
      if (chars[pos] === c) {
        // An escaped {{ or }}: the literal keeps one brace, no field follows.
        pos++;
        markup = false;
      } else len--;
    }
    const literal = sub(start, start + len);
    if (!markup) return newTuple([literal, None, None, None]);
    // parse_field: the name runs to '}', ':' or '!' (skipping [...]); then a conversion and a spec.
    const nameStart = pos;
    c = "";
    while (pos < end) {
      c = chars[pos++] as string;
      if (c === "{") throw valueError("unexpected '{' in field name");
      if (c === "[") {
        while (pos < end && chars[pos] !== "]") pos++;
        continue;
      }
      if (c === "}" || c === ":" || c === "!") break;
    }
    const name = sub(nameStart, pos - 1);
    let conversion: PyObj = None;
    let spec: PyObj = sub(0, 0);
    if (c === "!" || c === ":") {
      if (c === "!") {
        if (pos >= end) throw valueError("end of string while looking for conversion specifier");
        conversion = sub(pos, pos + 1);
        pos++;
        if (pos < end) {
          c = chars[pos++] as string;
          if (c === "}") return newTuple([literal, name, spec, conversion]);
          if (c !== ":") throw valueError("expected ':' after conversion specifier");
        }
      }
      const specStart = pos;
      let count = 1;
      for (;;) {
        if (pos >= end) throw valueError("unmatched '{' in format spec");
        c = chars[pos++] as string;
        if (c === "{") count++;
        else if (c === "}" && --count === 0) break;
      }
      spec = sub(specStart, pos - 1);
    } else if (c !== "}") throw valueError("expected '}' before end of string");
    return newTuple([literal, name, spec, conversion]);
  };
  // formatteriterator has no __length_hint__.
  return makeIter("formatteriterator", next, () => null);
}
