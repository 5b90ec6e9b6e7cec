// str.format's field names beyond a bare index or keyword (Objects/stringlib/
// unicode_format.h, FieldNameIterator): '{0.attr}', '{0[2]}', '{name[key].x}'.
// An attribute is getattr(obj, name); an index of digits only is an int key,
// anything else a str key; each accessor is applied in order.
import { PyException, valueError } from "./errors.js";
import { pyInt, pyStr, type PyObj } from "./objects.js";

/** getattr(o, name) and o[key]: installed by attributes.ts (both depend on what formats). */
const notInstalled = (): never => {
  throw new PyException("SystemError", "format field accessors are not installed");
};
let attr: (o: PyObj, name: string) => PyObj = notInstalled;
let item: (o: PyObj, key: PyObj) => PyObj = notInstalled;

export function setFormatFieldAccess(getAttr: (o: PyObj, name: string) => PyObj, getItem: (o: PyObj, key: PyObj) => PyObj): void {
  attr = getAttr;
  item = getItem;
}

/** o[key] as a field accessor (and format_map's lookup) reads it: PyObject_GetItem. */
export function fieldItem(o: PyObj, key: PyObj): PyObj {
  return item(o, key);
}

/** The first part of a field name (up to the first '.' or '['), and the accessors after it. */
export function splitFieldName(field: string): [string, string] {
  const i = field.search(/[.[]/);
  return i < 0 ? [field, ""] : [field.slice(0, i), field.slice(i)];
}

/** Apply the accessors ('.name', '[key]' …) of a field name to the argument it names. */
export function applyFieldAccessors(value: PyObj, rest: string): PyObj {
  let v = value;
  let i = 0;
  while (i < rest.length) {
    const c = rest[i];
    if (c === ".") {
      const m = /^[^.[]*/.exec(rest.slice(i + 1)) as RegExpExecArray;
      if (m[0] === "") throw valueError("Empty attribute in format string");
      v = attr(v, m[0]);
      i += 1 + m[0].length;
    } else if (c === "[") {
      const end = rest.indexOf("]", i + 1);
      if (end < 0) throw valueError("Missing ']' in format string");
      const key = rest.slice(i + 1, end);
      if (key === "") throw valueError("Empty attribute in format string");
      v = item(v, /^\d+$/.test(key) ? pyInt(BigInt(key)) : pyStr(key));
      i = end + 1;
    } else throw valueError("Only '.' or '[' may follow ']' in format field specifier");
  }
  return v;
}
