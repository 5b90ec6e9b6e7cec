// Where the bytes of getsizeof go: the value's C struct member by member, the
// GC header, and every separately allocated part getsizeof counts. The
// members, their C types and sizes come from the layout's struct tables; this
// file only says which struct a value uses, how many elements its arrays
// hold, and what the interesting members contain. When no table describes a
// value the explanation says so (`unsupported`) instead of inventing a row.
import type { Layout } from "../layouts/layout.js";
import type { CField, CStruct } from "../layouts/struct.js";
import { hasWstr } from "../runtime/ctx.js";
import { subOf, typeName, type PyClassObj, type PyDictObj, type PyInstanceObj, type PyObj } from "../runtime/objects.js";
import { asBuiltin } from "../runtime/builtinSubclass.js";
import { slotGet } from "../runtime/classes.js";
import { hasInstanceDict } from "../runtime/instanceValues.js";
import { hasManagedValues } from "../runtime/managedValues.js";
import { isInterned } from "../runtime/constPool.js";
import { seqLen } from "../runtime/seq.js";
import { cachedUtf8Bytes, classKeysSize, getsizeof } from "./getsizeof.js";
import { stdlibHeapType } from "./heapTypes.js";

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
  /** Empty when `unsupported`; otherwise they add up to `total`. */
  readonly rows: readonly StructRow[];
  readonly total: number;
  /** Why pymem cannot lay this object out; set only when rows is empty. */
  readonly unsupported?: string;
}

type Values = Readonly<Record<string, string | null>>;

/** What the members of a struct hold, by member name; the layout decides which members there are. */
function structRows(s: CStruct, values: Values, start = 0): StructRow[] {
  let off = start;
  return s.fields.map((f) => {
    const r = { field: f.name, ctype: f.ctype, offset: off, size: f.size, value: values[f.name] ?? null };
    off += f.size;
    return r;
  });
}

/** `n` elements of `el`: trailing in the object at `offset`, or allocated apart (offset null). */
/** The managed dict's (and from 3.12 weakref's) words in front of the GC header (3.11+), which getsizeof counts. */
function preHeaderRow(size: number, dict: string): StructRow {
  return { field: "(pre-header)", ctype: "PyObject *[2]", offset: null, size, value: `managed __dict__: ${dict}` };
}

function arrayRow(el: CField, n: number | string, count: number, offset: number | null, value: string | null = null, name = el.name): StructRow {
  return { field: name, ctype: `${el.ctype}[${n}]`, offset, size: el.size * count, value: value ?? `${count} × ${el.size}` };
}

/** A separately allocated struct, or `count` of them. */
function blockRows(name: string, s: CStruct, count: number, value: string): StructRow {
  return { field: name, ctype: count === 1 ? s.name : `${s.name}[${count}]`, offset: null, size: s.size * count, value };
}

function headValues(o: PyObj): Values {
  const t = typeName(o);
  return { ob_type: `&${t === "type" ? "PyType_Type" : t}` };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

interface Laid {
  readonly struct: string;
  readonly gc: boolean;
  readonly rows: StructRow[];
}

type LaidOrNot = Laid | { readonly unsupported: string };

/** The keys table a dict or a class owns: header, dk_indices, dk_entries. */
function keysRows(layout: Layout, size: number, general: boolean, prefix: string): StructRow[] {
  const k = layout.dict.keysParts(size, general);
  const ks = layout.dict.keysStruct;
  const entry = k.entry;
  return [
    { field: `${prefix}: header`, ctype: ks.name, offset: null, size: ks.size, value: `dk_size = ${size}, dk_usable, dk_nentries` },
    { field: `${prefix}: dk_indices`, ctype: `int${k.ixsize * 8}_t[${size}]`, offset: null, size: k.indices, value: `${size} × ${k.ixsize}` },
    { field: `${prefix}: dk_entries`, ctype: `${entry.name}[${k.usable}]`, offset: null, size: k.entries, value: `${k.usable} × ${entry.size}` },
  ];
}

function dictLaid(o: PyDictObj, layout: Layout): Laid {
  const flavor = o.flavor;
  const s = flavor !== undefined ? layout.dictFlavor.structs[flavor.name] : layout.dict.struct;
  const size = o.split != null ? o.split.size : o.table.size;
  const fast = flavor?.name === "OrderedDict" ? layout.dictFlavor.fastNodesSize(o.table.size, flavor.mutated === true) : 0;
  const values: Values = {
    ...headValues(o),
    ma_used: String(o.table.used),
    ma_keys: o.table.size === 0 && o.split == null ? "Py_EMPTY_KEYS (shared)" : o.split != null ? "shared keys" : null,
    ma_values: o.split != null ? "split table" : "NULL",
    od_fast_nodes_size: String(fast),
    default_factory: flavor?.name === "defaultdict" ? (flavor.factory === undefined ? "NULL" : typeName(flavor.factory)) : null,
  };
  const rows = structRows(s, values);
  if (o.split != null) {
    const usable = layout.dict.splitValues({ size, usable: o.split.usable, nentries: o.split.order.length });
    rows.push(arrayRow(layout.dict.value, usable, usable, null));
  }
  // _PyDict_SizeOf counts the keys only when this dict owns them (dk_refcnt == 1), never Py_EMPTY_KEYS.
  const owned = o.split != null ? o.split.refcnt === 1 : o.table.size > 0;
  if (owned) rows.push(...keysRows(layout, size, o.split == null && o.table.general, "keys"));
  if (flavor?.name === "OrderedDict") {
    if (fast > 0) rows.push(arrayRow(layout.dictFlavor.fastNode, fast, fast, null));
    const used = o.table.used;
    if (used > 0) rows.push(blockRows("nodes", layout.dictFlavor.odictNode, used, `${plural(used, "node")}: key, hash, next, prev`));
  }
  const pre = flavor !== undefined ? layout.dictFlavor.preHeader[flavor.name] : 0;
  // A Python subclass's managed __dict__ (and 3.12+ weakref) words in front of the GC header (3.11+).
  if (pre > 0) rows.unshift(preHeaderRow(pre, "NULL"));
  return { struct: s.name, gc: true, rows };
}

/**
 * The members type_new added along the MRO, base first: each class's slots,
 * then its __dict__ and __weakref__ pointers if no base had them. Checked
 * against tp_basicsize by the caller.
 */
const BASE_HAS_DICT: ReadonlySet<string> = new Set(["BaseException", "OrderedDict", "Counter"]);
const BASE_HAS_WEAKREF: ReadonlySet<string> = new Set(["set", "frozenset", "deque", "OrderedDict", "Counter"]);

function heapTypeMembers(cls: PyClassObj, o: PyObj, layout: Layout): { field: string; value: string }[] {
  // A version may keep __dict__ / __weakref__ in the pre-header instead (3.11+; over a var-sized base from 3.12).
  const pre = (cls.shape.preHeader ?? 0) > 0;
  const varSized = cls.builtinBase === "tuple" || cls.builtinBase === "int" || cls.builtinBase === "bytes";
  const managed = pre && (!varSized || layout.heapType.varSizedDictShared) ? layout.heapType.managedMembers : { dict: false, weakref: false };
  const slotValue = (name: string): PyObj | undefined => (o.t === "instance" ? slotGet(o, name) : undefined);
  const out: { field: string; value: string }[] = [];
  // Over a builtin exception, an OrderedDict (od_inst_dict) or a Counter (a Python class) the __dict__ pointer is the base struct's own (laid out by the caller).
  let dict = BASE_HAS_DICT.has(cls.builtinBase);
  // set, frozenset, deque and OrderedDict have a weakref list of their own (in the base struct), as Counter has its __weakref__.
  let weak = BASE_HAS_WEAKREF.has(cls.builtinBase);
  for (const c of [...cls.mro].reverse()) {
    if (c.static === true) continue;
    for (const s of c.slots) {
      const v = slotValue(s);
      out.push({ field: s, value: v === undefined ? "empty" : typeName(v) });
    }
    if (c.hasDict && !dict) {
      dict = true;
      if (!managed.dict) out.push({ field: "__dict__", value: (o.t === "instance" && hasInstanceDict(o)) || (o.t === "tuple" && o.dict != null) ? "dict" : "NULL (not allocated)" });
    }
    if (c.hasWeakref && !weak) {
      weak = true;
      if (!managed.weakref) out.push({ field: "__weakref__", value: "NULL" });
    }
  }
  return out;
}

function instanceLaid(o: PyObj & { t: "instance" }, layout: Layout): LaidOrNot {
  const slot = layout.heapType.slot;
  // An exception: PyBaseExceptionObject, then the members its builtin class adds (OSError's, StopIteration's …).
  const builtin = o.cls.mro.find((c) => c.static === true);
  // Another builtin type in the class model (datetime's): its C struct, a leaf's.
  const leafStruct = builtin !== undefined && o.cls.builtinBase !== "BaseException" ? layout.leafTypes[builtin.name] : undefined;
  if (leafStruct !== undefined) return { struct: leafStruct.struct.name, gc: leafStruct.gc, rows: structRows(leafStruct.struct, headValues(o)) };
  const head = builtin === undefined ? layout.heapType.objectStruct : layout.baseException;
  const rows = structRows(head, { ...headValues(o), ...(builtin === undefined ? {} : { dict: o.dict !== null || o.attrKeys !== null ? "dict" : "NULL (not allocated)", args: "tuple" }) });
  let off = head.size;
  if (builtin !== undefined) {
    // The struct of the nearest builtin class that declares members of its own (FileNotFoundError: OSError's).
    const owner = builtin.mro.find((c) => layout.exceptionMembers[c.name] !== undefined);
    for (const f of owner === undefined ? [] : (layout.exceptionMembers[owner.name] ?? [])) {
      rows.push({ field: f.name, ctype: f.ctype, offset: off, size: f.size, value: null });
      off += f.size;
    }
  }
  for (const m of heapTypeMembers(o.cls, o, layout)) {
    rows.push({ field: m.field, ctype: slot.ctype, offset: off, size: slot.size, value: m.value });
    off += slot.size;
  }
  if (off !== o.cls.shape.basicsize) return { unsupported: `the members of ${o.cls.name} instances (tp_basicsize ${o.cls.shape.basicsize}) are not known member by member` };
  const pre = o.cls.shape.preHeader ?? 0;
  if (pre > 0) {
    // The managed dict (or values) and weakref words in front of the GC header (3.11+), which getsizeof counts.
    const where = hasManagedValues(o) ? "values (no dict object)" : o.dict !== null ? "dict" : "NULL";
    rows.unshift(preHeaderRow(pre, where));
  }
  return { struct: `${o.cls.name} instance`, gc: o.cls.shape.gc, rows };
}

function tupleLaid(o: PyObj & { t: "tuple" }, layout: Layout): LaidOrNot {
  const n = seqLen(o.items);
  const s = layout.tuple.struct;
  const rows = [...structRows(s, { ...headValues(o), ob_size: String(n) }), arrayRow(layout.tuple.item, n, n, s.size)];
  if (o.cls === undefined) return { struct: s.name, gc: true, rows };
  // A tuple subclass's __dict__ pointer sits after the items (tp_dictoffset < 0 for var-sized bases).
  const slot = layout.heapType.slot;
  let off = s.size + layout.tuple.item.size * n;
  let basic = s.size;
  for (const m of heapTypeMembers(o.cls, o, layout)) {
    rows.push({ field: m.field, ctype: slot.ctype, offset: off, size: slot.size, value: m.value });
    off += slot.size;
    basic += slot.size;
  }
  if (basic !== o.cls.shape.basicsize) return { unsupported: `the members of ${o.cls.name} (tp_basicsize ${o.cls.shape.basicsize}) are not known member by member` };
  const pre = o.cls.shape.preHeader ?? 0;
  if (pre > 0) rows.unshift(preHeaderRow(pre, o.dict != null ? "dict" : "NULL"));
  return { struct: s.name, gc: o.cls.shape.gc, rows };
}

/** A heap type object: PyHeapTypeObject, and the keys it caches for its instances' dicts. */
function heapTypeLaid(layout: Layout, cachedKeysSize: number | null): Laid {
  const rows = structRows(layout.heapType.struct, { ht_cached_keys: cachedKeysSize === null ? "NULL" : `dk_size = ${cachedKeysSize}` });
  if (cachedKeysSize !== null) rows.push(...keysRows(layout, cachedKeysSize, false, "ht_cached_keys"));
  return { struct: layout.heapType.struct.name, gc: true, rows };
}

/**
 * An object of a builtin subclass: the builtin's struct, then the members the classes added
 * (slots, __dict__, __weakref__) after its inline part — except for str and int, whose
 * __sizeof__ counts their own struct only — before any separately allocated block; GC-tracked,
 * with the managed words in front from 3.11. A str subclass's object is never compact.
 */
function subclassLaid(o: PyObj, sub: PyInstanceObj, layout: Layout): LaidOrNot {
  const base = o.t === "str" ? nonCompactStrLaid(o, layout) : asBuiltin(o, () => structOf(o, layout));
  if ("unsupported" in base) return base;
  const inline = base.rows.filter((r) => r.offset !== null);
  const rows: StructRow[] = [...inline];
  const last = inline[inline.length - 1];
  let off = last === undefined ? 0 : (last.offset ?? 0) + last.size;
  if (o.t !== "str" && o.t !== "int") {
    const slot = layout.heapType.slot;
    for (const m of heapTypeMembers(sub.cls, sub, layout)) {
      rows.push({ field: m.field, ctype: slot.ctype, offset: off, size: slot.size, value: m.value });
      off += slot.size;
    }
  }
  // The base's own pre-header (a Counter's) is the class's now, laid out below.
  rows.push(...base.rows.filter((r) => r.offset === null && r.field !== "(pre-header)"));
  const pre = sub.cls.shape.preHeader ?? 0;
  if (pre > 0) rows.unshift(preHeaderRow(pre, sub.dict !== null ? "dict" : "NULL"));
  return { struct: `${sub.cls.name} instance (${base.struct})`, gc: true, rows };
}

/** PyUnicodeObject: the compact struct, the data pointer, and the data apart. */
function nonCompactStrLaid(o: PyObj & { t: "str" }, layout: Layout): LaidOrNot {
  const s = layout.unicode.struct(0x100);
  const kind = layout.unicode.kind(o.maxChar);
  const slot = layout.heapType.slot;
  const rows = [
    ...structRows(s, { ...headValues(o), length: String(o.length) }),
    { field: "data", ctype: "void *", offset: s.size, size: slot.size, value: "the characters" },
    { field: "characters", ctype: `Py_UCS${kind}[${o.length + 1}]`, offset: null, size: (o.length + 1) * kind, value: `${o.length} characters and a NUL` },
  ];
  return { struct: "PyUnicodeObject", gc: false, rows };
}

function structOf(o: PyObj, layout: Layout): LaidOrNot {
  const sub = subOf(o);
  if (sub !== undefined) return subclassLaid(o, sub, layout);
  switch (o.t) {
    case "int":
    case "bool": {
      const v = o.t === "int" ? o.v : o.v ? 1 : 0;
      const n = layout.long.digits(v);
      // From 3.11 __sizeof__ counts one digit even for 0.
      const counted = layout.long.countedDigits(v);
      const negative = o.t === "int" && (typeof o.v === "bigint" ? o.v < 0n : o.v < 0);
      const s = layout.long.struct;
      const note = counted === n ? plural(n, "digit") : `${plural(n, "digit")}, ${counted} counted by __sizeof__`;
      return { struct: s.name, gc: false, rows: [...structRows(s, { ...headValues(o), ob_size: String(negative ? -n : n) }), arrayRow(layout.long.digit, counted, counted, s.size, note)] };
    }
    case "float":
      return { struct: layout.float.struct.name, gc: false, rows: structRows(layout.float.struct, headValues(o)) };
    case "complex":
      return { struct: layout.float.complexStruct.name, gc: false, rows: structRows(layout.float.complexStruct, headValues(o)) };
    case "str": {
      const s = layout.unicode.struct(o.maxChar);
      const kind = layout.unicode.kind(o.maxChar);
      const ascii = o.maxChar < 128;
      const what = ascii ? "ASCII" : kind === 1 ? "latin-1" : kind === 2 ? "UCS-2" : "UCS-4";
      const values: Values = {
        ...headValues(o),
        length: String(o.length),
        state: `${ascii ? "ascii" : `kind=${kind}`}, compact${isInterned(o) ? ", interned" : ""}`,
        wstr: "NULL",
        utf8_length: "0",
        utf8: "NULL",
        wstr_length: "0",
      };
      const data: CField = { name: "data", ctype: `Py_UCS${kind}`, size: kind };
      const wstr = hasWstr(o) ? layout.unicode.wstrBytes(o.length, o.maxChar) : 0;
      const wstrValues: Values = hasWstr(o) ? { wstr: wstr > 0 ? "(wchar_t copy)" : "data (UCS-4, shared)", wstr_length: String(o.length) } : {};
      const wchar: CField = { name: "wstr", ctype: "wchar_t", size: wstr / (o.length + 1) };
      const cachedUtf8 = cachedUtf8Bytes(o, layout);
      return {
        struct: s.name,
        gc: false,
        rows: [
          ...structRows(s, { ...values, ...wstrValues }),
          arrayRow(data, `${o.length} + 1`, o.length + 1, s.size, `${plural(o.length, `${what} character`)} + NUL`),
          ...(wstr > 0 ? [arrayRow(wchar, `${o.length} + 1`, o.length + 1, null, `wide-char copy from PyUnicode_AsUnicode (array('u')): ${plural(o.length, "character")} + NUL`)] : []),
          ...(cachedUtf8 > 0 ? [{ field: "utf8", ctype: `char[${cachedUtf8}]`, offset: null, size: cachedUtf8, value: "the cached character's UTF-8 form + NUL" }] : []),
        ],
      };
    }
    case "bytes": {
      const s = layout.bytes.struct;
      return { struct: s.name, gc: false, rows: [...structRows(s, { ...headValues(o), ob_size: String(o.length) }), arrayRow(layout.bytes.sval, `${o.length} + 1`, o.length + 1, s.size, `${o.length} bytes + NUL`)] };
    }
    case "bytearray": {
      const s = layout.bytearray.struct;
      const rows = structRows(s, { ...headValues(o), ob_size: String(o.length), ob_alloc: String(o.alloc), ob_exports: "0" });
      return { struct: s.name, gc: false, rows: [...rows, arrayRow(layout.bytearray.buffer, o.alloc, o.alloc, null, `${o.length} used of ob_alloc = ${o.alloc}`)] };
    }
    case "list": {
      const s = layout.list.struct;
      const rows = structRows(s, { ...headValues(o), ob_size: String(seqLen(o.items)), allocated: String(o.allocated) });
      return { struct: s.name, gc: true, rows: [...rows, arrayRow(layout.list.item, o.allocated, o.allocated, null)] };
    }
    case "tuple":
      return tupleLaid(o, layout);
    case "set":
    case "frozenset": {
      const size = o.table.size;
      const external = layout.set.hasExternalTable(size);
      const s = layout.set.struct;
      const rows = structRows(s, { ...headValues(o), fill: String(o.table.fill), used: String(o.table.used), mask: String(size - 1), table: external ? "external" : "smalltable" });
      if (external) rows.push(blockRows("table", layout.set.entry, size, `${size} × ${layout.set.entry.size}`));
      return { struct: s.name, gc: true, rows };
    }
    case "dict":
      return dictLaid(o, layout);
    case "range": {
      const s = layout.leafTypes["range"];
      if (s === undefined) break;
      return { struct: s.struct.name, gc: s.gc, rows: structRows(s.struct, { ...headValues(o), start: String(o.start), stop: String(o.stop), step: String(o.step), length: String(o.len) }) };
    }
    case "array": {
      const s = layout.array.struct;
      const item = layout.array.itemtype[o.typecode];
      if (item === undefined) break;
      const rows = structRows(s, { ...headValues(o), ob_size: String(o.values.length), allocated: String(o.allocated), ob_descr: `'${o.typecode}'` });
      rows.push(arrayRow({ name: "buffer", ctype: item.ctype, size: item.size }, o.allocated, o.allocated, null));
      return { struct: s.name, gc: layout.array.gc, rows };
    }
    case "deque": {
      const s = layout.deque.struct;
      const blocks = layout.deque.blocks(o.leftindex, o.items.length);
      const rows = structRows(s, { ...headValues(o), ob_size: String(o.items.length), leftindex: String(o.leftindex), maxlen: o.maxlen === null ? "-1" : String(o.maxlen) });
      if (blocks > 0) rows.push(blockRows("blocks", layout.deque.block, blocks, `${plural(blocks, "block")} of ${layout.deque.blocklen} items`));
      return { struct: s.name, gc: true, rows };
    }
    case "Decimal": {
      const s = layout.decimal.struct;
      const digits = o.coeff === 0n ? 1 : o.coeff.toString().length;
      const words = layout.decimal.dynamicWords(digits, o.dynamic);
      const rows = structRows(s, { ...headValues(o), "dec.digits": String(digits), data: words > 0 ? "unused (coefficient allocated apart)" : "coefficient" });
      if (words > 0) rows.push(arrayRow(layout.decimal.word, words, words, null));
      return { struct: s.name, gc: layout.decimal.gc, rows };
    }
    case "instance":
      return instanceLaid(o, layout);
    case "iterator": {
      // itertools.product, combinations, permutations: their index arrays, allocated apart, which __sizeof__ counts.
      if (o.indexWords !== undefined) {
        const leaf = layout.leafTypes[o.typeName];
        if (leaf?.item === undefined) break;
        const rows = structRows(leaf.struct, headValues(o));
        rows.push(arrayRow(leaf.item, o.indexWords, o.indexWords, null, null, "index arrays"));
        return { struct: leaf.struct.name, gc: leaf.gc, rows };
      }
      if (o.typeName !== "generator") break;
      const framed = framedLaid(o.frameSlots, "PyGenObject", o.qualname ?? null, layout);
      if (framed === null) break;
      return framed;
    }
    case "opaque": {
      // A coroutine or async generator embeds its frame from 3.11, as a generator does.
      if (o.frameSlots === undefined) break;
      const framed = framedLaid(o.frameSlots, o.typeName === "coroutine" ? "PyCoroObject" : "PyAsyncGenObject", null, layout);
      if (framed === null) break;
      return framed;
    }
    case "class":
      if (o.static === true) break; // a builtin class (an exception): a static type, a leaf
      return heapTypeLaid(layout, classKeysSize(o, layout));
    case "type": {
      // A heap type of the stdlib (array.array from 3.10, Counter …), or a static type: a leaf.
      const keys = stdlibHeapType(o, layout);
      if (keys === undefined) break;
      return heapTypeLaid(layout, keys);
    }
    default:
      break;
  }
  const leaf = layout.leafTypes[typeName(o)];
  if (leaf === undefined) return { unsupported: `no struct table for ${typeName(o)} in the ${layout.python} layout` };
  return { struct: leaf.struct.name, gc: leaf.gc, rows: structRows(leaf.struct, headValues(o)) };
}

export function explainObject(o: PyObj, layout: Layout): Explanation {
  const s = structOf(o, layout);
  const total = getsizeof(o, layout);
  const type = typeName(o);
  if ("unsupported" in s) return { type, struct: type, rows: [], total, unsupported: s.unsupported };
  const gc = layout.gcHead;
  // GC-tracked objects carry PyGC_Head in front: getsizeof counts it.
  const rows = s.gc ? [...structRows(gc, { PyGC_Head: "GC header" }, -gc.size), ...s.rows] : s.rows;
  const sum = rows.reduce((n, r) => n + r.size, 0);
  if (sum !== total) return { type, struct: s.struct, rows: [], total, unsupported: `the ${s.struct} members add up to ${sum} bytes, not getsizeof's ${total}` };
  return { type, struct: s.struct, rows, total };
}

/** From 3.11 a generator, coroutine or async generator holds its frame: the fixed part, then a slot per local and per stack entry. */
function framedLaid(slots: number | null | undefined, struct: string, name: string | null, layout: Layout): LaidOrNot | null {
  const frame = layout.generatorFrame;
  if (frame === null) return null;
  if (slots === undefined || slots === null) return { unsupported: "its frame's slots (the compiler's stack depth for this code is not laid out)" };
  return {
    struct,
    gc: true,
    rows: [
      { field: `${struct}, _PyInterpreterFrame`, ctype: "", offset: 0, size: frame.fixed - layout.gcHead.size, value: name },
      { field: "localsplus", ctype: `PyObject *[${slots}]`, offset: frame.fixed - layout.gcHead.size, size: frame.slot * slots, value: "co_nlocalsplus + co_stacksize" },
    ],
  };
}
