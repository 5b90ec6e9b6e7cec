// Modules/_io/stringio.c, Modules/_io/bytesio.c and Modules/_csv.c of 3.10 on
// x86-64: the StringIO and BytesIO objects and the csv reader, writer and
// Dialect. StringIO's __sizeof__ is object.__sizeof__ (its text buffer is not
// counted); BytesIO's adds sys.getsizeof of its bytes buffer when it owns it
// (not SHARED_BUF), which the `item` (one byte per counted byte) carries.
import { cstruct, field, padding, type CField, type CStruct } from "../struct.js";
import { ptr, PyObjectStruct, SIZEOF, ssize } from "./platform.js";

const HEAD = { embed: PyObjectStruct } as const;

/** stringio through 3.11: the _PyAccu (large, small) of the accumulating state. */
export const stringio = cstruct("stringio", [
  HEAD,
  ptr("buf", "Py_UCS4 *"),
  ssize("pos"),
  ssize("string_size"),
  field("buf_size", "size_t", SIZEOF.size_t),
  field("state", "int", SIZEOF.int),
  padding(4),
  ptr("accu.large"),
  ptr("accu.small"),
  field("ok", "char", 1),
  field("closed", "char", 1),
  field("readuniversal", "char", 1),
  field("readtranslate", "char", 1),
  padding(4),
  ptr("decoder"),
  ptr("readnl"),
  ptr("writenl"),
  ptr("dict"),
  ptr("weakreflist"),
]);

const bytesio = cstruct("bytesio", [HEAD, ptr("buf"), ssize("pos"), ssize("string_size"), ptr("dict"), ptr("weakreflist"), ssize("exports")]);
/** What BytesIO.__sizeof__ adds per byte of its own buffer's getsizeof. */
const bufferByte: CField = field("buf (its getsizeof)", "char", 1);

const ReaderObj = cstruct("ReaderObj", [
  HEAD,
  ptr("input_iter"),
  ptr("dialect", "DialectObj *"),
  ptr("fields"),
  field("state", "ParserState", SIZEOF.int),
  padding(4),
  ptr("field", "Py_UCS4 *"),
  ssize("field_size"),
  ssize("field_len"),
  field("numeric_field", "int", SIZEOF.int),
  padding(4),
  field("line_num", "unsigned long", SIZEOF.long),
]);

/** WriterObj: 3.10 adds error_obj, the module's cached csv.Error. */
function writerObj(errorObj: boolean): CStruct {
  return cstruct("WriterObj", [
    HEAD,
    ptr("write"),
    ptr("dialect", "DialectObj *"),
    ptr("rec", "Py_UCS4 *"),
    ssize("rec_size"),
    ssize("rec_len"),
    field("num_fields", "int", SIZEOF.int),
    padding(4),
    ...(errorObj ? [ptr("error_obj")] : []),
  ]);
}

const DialectObj = cstruct("DialectObj", [
  HEAD,
  field("doublequote", "char", 1),
  field("skipinitialspace", "char", 1),
  field("strict", "char", 1),
  padding(1),
  field("quoting", "int", SIZEOF.int),
  field("delimiter", "Py_UCS4", 4),
  field("quotechar", "Py_UCS4", 4),
  field("escapechar", "Py_UCS4", 4),
  padding(4),
  ptr("lineterminator"),
]);

interface IoLeaf {
  readonly struct: CStruct;
  readonly gc: boolean;
  readonly item?: CField;
}

/** _csv's types became GC-tracked heap types in 3.10 (the writer gaining error_obj); before, Dialect had no GC header. */
export function ioLeafTypes(csvHeapTypes: boolean, stringioStruct: CStruct = stringio): Readonly<Record<string, IoLeaf>> {
  return {
    StringIO: { struct: stringioStruct, gc: true },
    BytesIO: { struct: bytesio, gc: true, item: bufferByte },
    reader: { struct: ReaderObj, gc: true },
    writer: { struct: writerObj(csvHeapTypes), gc: true },
    Dialect: { struct: DialectObj, gc: csvHeapTypes },
  };
}

/** _csv's types are heap types (PyType_FromSpec) from 3.10. */
export const CSV_HEAP_TYPES: readonly string[] = ["reader", "writer", "Dialect"];
