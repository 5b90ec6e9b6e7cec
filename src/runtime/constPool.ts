// The constants of one code unit. CPython 3.10 merges equal constants of a
// compilation (merge_consts_recursive, keyed by _PyCode_ConstantKey: type and
// value, -0.0 apart from 0.0) and interns identifier-like str constants
// (intern_string_constants: all_name_chars), also inside constant tuples and
// frozensets. Interned strings are shared by every code unit of the session.
import { ctx } from "./ctx.js";
import type { PyObj, PyStrObj } from "./objects.js";
import { materialize } from "./seq.js";
import { setFrom } from "./sets.js";
import { bytesData, isAsciiIdentifierChars, strText } from "./text.js";
import { newTuple } from "./tuples.js";

/** PyUnicode_InternInPlace: the session's one object for this text. */
export function intern(s: PyStrObj): PyStrObj {
  const table = ctx().interned;
  const text = strText(s);
  const found = table.get(text);
  if (found !== undefined) return found;
  s.interned = true;
  table.set(text, s);
  return s;
}

function constKey(o: PyObj): string | null {
  switch (o.t) {
    case "int":
      return `i${o.v}`;
    case "bool":
      return o.v ? "T" : "F";
    case "float":
      return Object.is(o.v, -0) ? "f-0" : `f${o.v}`;
    case "complex":
      return `c${Object.is(o.re, -0) ? "-0" : o.re},${Object.is(o.im, -0) ? "-0" : o.im}`;
    case "str":
      return `s${strText(o)}`;
    case "bytes":
      return `b${Buffer.from(bytesData(o)).toString("latin1")}`;
    case "tuple": {
      const parts = materialize(o.items).map(constKey);
      return parts.includes(null) ? null : `t(${parts.map((p) => (p as string).replace(/[\\,()]/g, "\\$&")).join(",")})`;
    }
    case "frozenset": {
      const parts = o.table.keyList().map(constKey);
      return parts.includes(null) ? null : `z{${(parts as string[]).map((p) => p.replace(/[\\,{}]/g, "\\$&")).sort().join(",")}}`;
    }
    case "NoneType":
    case "ellipsis":
      return o.t;
    default:
      return null;
  }
}

export class ConstPool {
  private readonly byKey = new Map<string, PyObj>();

  /** The unit's canonical object for this constant. */
  add(o: PyObj): PyObj {
    if (o.t === "str" && isAsciiIdentifierChars(strText(o))) o = intern(o);
    else if (o.t === "tuple") {
      const items = materialize(o.items);
      const merged = items.map((x) => this.add(x));
      if (merged.some((x, i) => x !== items[i])) o = newTuple(merged);
    } else if (o.t === "frozenset" && o.table.used > 0) {
      // merge_consts_recursive: a frozenset not seen yet is rebuilt from its
      // merged items in slot order, which can reorder colliding keys.
      const known = this.known(o);
      if (known !== undefined) return known;
      o = setFrom("frozenset", newTuple(o.table.keyList().map((x) => this.add(x))));
    }
    const key = constKey(o);
    if (key === null) return o;
    const found = this.byKey.get(key);
    if (found !== undefined) return found;
    this.byKey.set(key, o);
    return o;
  }

  private known(o: PyObj): PyObj | undefined {
    const key = constKey(o);
    return key === null ? undefined : this.byKey.get(key);
  }
}
