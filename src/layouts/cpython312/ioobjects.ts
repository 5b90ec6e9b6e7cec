// Modules/_io/stringio.c of 3.12: the _PyAccu gives way to a _PyUnicodeWriter
// held inline, and the object keeps its module state.
import { cstruct, field, padding } from "../struct.js";
import { ptr, PyObjectStruct, SIZEOF, ssize } from "../cpython310/platform.js";

export const stringio312 = cstruct("stringio", [
  { embed: PyObjectStruct },
  ptr("buf", "Py_UCS4 *"),
  ssize("pos"),
  ssize("string_size"),
  field("buf_size", "size_t", SIZEOF.size_t),
  field("state", "int", SIZEOF.int),
  padding(4),
  ptr("writer.buffer"),
  ptr("writer.data", "void *"),
  field("writer.kind", "int", SIZEOF.int),
  field("writer.maxchar", "Py_UCS4", 4),
  ssize("writer.size"),
  ssize("writer.pos"),
  ssize("writer.min_length"),
  field("writer.min_char", "Py_UCS4", 4),
  field("writer.overallocate", "unsigned char", 1),
  field("writer.readonly", "unsigned char", 1),
  padding(2),
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
  ptr("module_state", "_PyIO_State *"),
]);

/** _io's types are heap types from 3.12. */
export const IO_HEAP_TYPES: readonly string[] = ["StringIO", "BytesIO"];
