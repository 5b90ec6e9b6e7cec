// Where the bytes of getsizeof go: the value's CPython 3.10 struct field by
// field (offsets as in Include/*.h on x86-64), the GC header, and every
// separately allocated part getsizeof counts. The rows add up to getsizeof.
import type { Layout } from "../layouts/layout.js";
import { typeName, type PyObj } from "../runtime/objects.js";
import { seqLen } from "../runtime/seq.js";
import { getsizeof } from "./getsizeof.js";

export interface StructRow {
  readonly field: string;
  readonly ctype: string;
  /** Offset from the object's start; the GC header sits before it (negative). Null for separate blocks. */
  readonly offset: number | null;
  readonly size: number;
  readonly value: string | null;
}

export interface Explanation {
  readonly type: string;
  readonly struct: string;
  readonly rows: readonly StructRow[];
  readonly total: number;
}

function head(o: PyObj): StructRow[] {
  return [
    { field: "ob_refcnt", ctype: "Py_ssize_t", offset: 0, size: 8, value: null },
    { field: "ob_type", ctype: "PyTypeObject *", offset: 8, size: 8, value: `&${typeName(o) === "type" ? "PyType_Type" : typeName(o)}` },
  ];
}

function varHead(o: PyObj, n: number): StructRow[] {
  return [...head(o), { field: "ob_size", ctype: "Py_ssize_t", offset: 16, size: 8, value: String(n) }];
}

function rowsAt(start: number, fields: readonly [string, string, number, string | null][]): StructRow[] {
  let off = start;
  return fields.map(([field, ctype, size, value]) => {
    const r = { field, ctype, offset: off, size, value };
    off += size;
    return r;
  });
}

function structOf(o: PyObj, layout: Layout): { struct: string; rows: StructRow[]; gc: boolean } {
  switch (o.t) {
    case "int":
    case "bool": {
      const total = o.t === "int" ? layout.long.sizeof(o.v) : layout.long.sizeofBool(o.v);
      const n = (total - 24) / 4;
      return { struct: "PyLongObject", gc: false, rows: [...varHead(o, n), { field: "ob_digit", ctype: `digit[${n}]`, offset: 24, size: 4 * n, value: `${n} × 30-bit digit${n === 1 ? "" : "s"}` }] };
    }
    case "float":
      return { struct: "PyFloatObject", gc: false, rows: [...head(o), { field: "ob_fval", ctype: "double", offset: 16, size: 8, value: null }] };
    case "complex":
      return { struct: "PyComplexObject", gc: false, rows: [...head(o), { field: "cval", ctype: "Py_complex", offset: 16, size: 16, value: null }] };
    case "str": {
      const ascii = o.maxChar < 128;
      const kind = o.maxChar < 256 ? 1 : o.maxChar < 65536 ? 2 : 4;
      const base = rowsAt(16, [
        ["length", "Py_ssize_t", 8, String(o.length)],
        ["hash", "Py_hash_t", 8, null],
        ["state", "struct { interned, kind, compact, ascii, ready }", 4, `${ascii ? "ascii" : `kind=${kind}`}, compact${o.interned ? ", interned" : ""}`],
        ["(padding)", "", 4, null],
        ["wstr", "wchar_t *", 8, "NULL"],
      ]);
      const compact = ascii ? [] : rowsAt(48, [["utf8_length", "Py_ssize_t", 8, "0"], ["utf8", "char *", 8, "NULL"], ["wstr_length", "Py_ssize_t", 8, "0"]]);
      const dataAt = ascii ? 48 : 72;
      const what = ascii ? "ASCII" : kind === 1 ? "latin-1" : kind === 2 ? "UCS-2" : "UCS-4";
      return {
        struct: ascii ? "PyASCIIObject" : "PyCompactUnicodeObject",
        gc: false,
        rows: [...head(o), ...base, ...compact, { field: "data", ctype: `Py_UCS${kind}[${o.length} + 1]`, offset: dataAt, size: (o.length + 1) * kind, value: `${o.length} ${what} character${o.length === 1 ? "" : "s"} + NUL` }],
      };
    }
    case "bytes":
      return {
        struct: "PyBytesObject",
        gc: false,
        rows: [...varHead(o, o.length), { field: "ob_shash", ctype: "Py_hash_t", offset: 24, size: 8, value: null }, { field: "ob_sval", ctype: `char[${o.length} + 1]`, offset: 32, size: o.length + 1, value: `${o.length} bytes + NUL` }],
      };
    case "bytearray":
      return {
        struct: "PyByteArrayObject",
        gc: false,
        rows: [
          ...varHead(o, o.length),
          ...rowsAt(24, [["ob_alloc", "Py_ssize_t", 8, String(o.alloc)], ["ob_bytes", "char *", 8, null], ["ob_start", "char *", 8, null], ["ob_exports", "int", 4, "0"], ["(padding)", "", 4, null]]),
          { field: "buffer", ctype: `char[${o.alloc}]`, offset: null, size: o.alloc, value: `${o.length} used of ob_alloc = ${o.alloc}` },
        ],
      };
    case "list": {
      const n = seqLen(o.items);
      return {
        struct: "PyListObject",
        gc: true,
        rows: [
          ...varHead(o, n),
          { field: "ob_item", ctype: "PyObject **", offset: 24, size: 8, value: null },
          { field: "allocated", ctype: "Py_ssize_t", offset: 32, size: 8, value: String(o.allocated) },
          { field: "item array", ctype: `PyObject *[${o.allocated}]`, offset: null, size: 8 * o.allocated, value: `${o.allocated} × 8` },
        ],
      };
    }
    case "tuple": {
      const n = seqLen(o.items);
      const extra = o.cls !== undefined ? o.cls.shape.basicsize - 24 : 0;
      return {
        struct: o.cls !== undefined ? `PyTupleObject (${o.cls.name})` : "PyTupleObject",
        gc: true,
        rows: [
          ...varHead(o, n),
          ...(extra > 0 ? [{ field: "__dict__ pointer", ctype: "PyObject *", offset: 24, size: extra, value: null }] : []),
          { field: "ob_item", ctype: `PyObject *[${n}]`, offset: 24 + extra, size: 8 * n, value: `${n} × 8` },
        ],
      };
    }
    case "set":
    case "frozenset": {
      const size = o.table.size;
      return {
        struct: "PySetObject",
        gc: true,
        rows: [
          ...head(o),
          ...rowsAt(16, [
            ["fill", "Py_ssize_t", 8, String(o.table.fill)],
            ["used", "Py_ssize_t", 8, String(o.table.used)],
            ["mask", "Py_ssize_t", 8, String(size - 1)],
            ["table", "setentry *", 8, size > 8 ? "external" : "smalltable"],
            ["hash", "Py_hash_t", 8, null],
            ["finger", "Py_ssize_t", 8, null],
            ["smalltable", "setentry[8]", 128, null],
            ["weakreflist", "PyObject *", 8, null],
          ]),
          ...(size > 8 ? [{ field: "table", ctype: `setentry[${size}]`, offset: null, size: 16 * size, value: `${size} × 16` }] : []),
        ],
      };
    }
    case "dict": {
      const rows = [
        ...head(o),
        ...rowsAt(16, [
          ["ma_used", "Py_ssize_t", 8, String(o.table.used)],
          ["ma_version_tag", "uint64_t", 8, null],
          ["ma_keys", "PyDictKeysObject *", 8, o.table.size === 0 && o.split == null ? "Py_EMPTY_KEYS (shared)" : null],
          ["ma_values", "PyObject **", 8, o.split != null ? "split table" : "NULL"],
        ]),
      ];
      const size = o.split != null ? o.split.size : o.table.size;
      const usable = layout.dict.usableFraction(size);
      const counted = o.split != null ? o.split.refcnt === 1 : o.table.size > 0;
      if (o.split != null) rows.push({ field: "values", ctype: `PyObject *[${usable}]`, offset: null, size: 8 * usable, value: `${usable} × 8` });
      if (counted) {
        const k = layout.dict.keysParts(size);
        rows.push(
          { field: "keys: header", ctype: "PyDictKeysObject", offset: null, size: k.header, value: `dk_size = ${size}, dk_usable, dk_nentries` },
          { field: "keys: dk_indices", ctype: `int${k.ixsize * 8}_t[${size}]`, offset: null, size: k.indices, value: `${size} × ${k.ixsize}` },
          { field: "keys: dk_entries", ctype: `PyDictKeyEntry[${k.usable}]`, offset: null, size: k.entries, value: `${k.usable} × ${k.entries / Math.max(k.usable, 1)}` },
        );
      }
      return { struct: "PyDictObject", gc: true, rows };
    }
    case "range":
      return { struct: "rangeobject", gc: false, rows: [...head(o), ...rowsAt(16, [["start", "PyObject *", 8, String(o.start)], ["stop", "PyObject *", 8, String(o.stop)], ["step", "PyObject *", 8, String(o.step)], ["length", "PyObject *", 8, String(o.len)]])] };
    case "instance": {
      const rows = [...head(o)];
      let off = 16;
      for (const c of [...o.cls.mro].reverse()) {
        for (const s of c.slots) {
          rows.push({ field: s, ctype: "PyObject * (slot)", offset: off, size: 8, value: o.slotValues.has(s) ? typeName(o.slotValues.get(s) as PyObj) : "empty" });
          off += 8;
        }
      }
      const rest = o.cls.shape.basicsize - off;
      if (o.cls.hasDict && rest >= 8) {
        rows.push({ field: "__dict__", ctype: "PyObject *", offset: off, size: 8, value: o.dict === null ? "NULL (not allocated)" : "dict" });
        off += 8;
      }
      if (o.cls.shape.basicsize - off >= 8) rows.push({ field: "__weakref__", ctype: "PyObject *", offset: off, size: o.cls.shape.basicsize - off, value: "NULL" });
      return { struct: `${o.cls.name} instance`, gc: o.cls.shape.gc, rows };
    }
    default: {
      const total = getsizeof(o, layout);
      return { struct: typeName(o), gc: false, rows: [...head(o), { field: `(rest of ${typeName(o)})`, ctype: "", offset: 16, size: total - 16, value: null }] };
    }
  }
}

export function explainObject(o: PyObj, layout: Layout): Explanation {
  const s = structOf(o, layout);
  const total = getsizeof(o, layout);
  const sum = s.rows.reduce((n, r) => n + r.size, 0);
  const rows = [...s.rows];
  // GC-tracked objects carry PyGC_Head in front: getsizeof counts it.
  if (total - sum === 16) rows.unshift({ field: "PyGC_Head", ctype: "_gc_next, _gc_prev", offset: -16, size: 16, value: "GC header" });
  else if (total !== sum) rows.push({ field: "(other)", ctype: "", offset: null, size: total - sum, value: null });
  return { type: typeName(o), struct: s.struct, rows, total };
}
