// Modules/_struct.c of 3.10 on x86-64: PyStructObject, whose __sizeof__ adds
// its formatcode array (s_codes: one per code plus the sentinel), and
// unpackiterobject with its Py_buffer view member by member. Both types are
// GC-tracked from 3.10 (heap types with tp_traverse); before, only the
// iterator is.
import { cstruct, field, type CField, type CStruct } from "../struct.js";
import { ptr, PyObjectStruct, SIZEOF, ssize } from "./platform.js";

const HEAD = { embed: PyObjectStruct } as const;

const PyStructObject = cstruct("PyStructObject", [HEAD, ssize("s_size"), ssize("s_len"), ptr("s_codes", "formatcode *"), ptr("s_format"), ptr("weakreflist")]);

/** formatcode: its formatdef, offset, size and repeat. */
const formatcode = cstruct("formatcode", [ptr("fmtdef", "const formatdef *"), ssize("offset"), ssize("size"), ssize("repeat")]);
const formatcodeItem: CField = field("s_codes[]", "formatcode", formatcode.size);

const unpackiterobject = cstruct("unpackiterobject", [
  HEAD,
  ptr("so", "PyStructObject *"),
  ptr("buf.buf", "void *"),
  ptr("buf.obj"),
  ssize("buf.len"),
  ssize("buf.itemsize"),
  field("buf.readonly", "int", SIZEOF.int),
  field("buf.ndim", "int", SIZEOF.int),
  ptr("buf.format", "char *"),
  ptr("buf.shape", "Py_ssize_t *"),
  ptr("buf.strides", "Py_ssize_t *"),
  ptr("buf.suboffsets", "Py_ssize_t *"),
  ptr("buf.internal", "void *"),
  ssize("index"),
]);

interface StructLeaf {
  readonly struct: CStruct;
  readonly gc: boolean;
  readonly item?: CField;
}

export function structLeafTypes(structIsGc: boolean): Readonly<Record<string, StructLeaf>> {
  return {
    Struct: { struct: PyStructObject, gc: structIsGc, item: formatcodeItem },
    unpack_iterator: { struct: unpackiterobject, gc: true },
  };
}

/** _struct's types are heap types (PyType_FromSpec) from 3.9. */
export const STRUCT_HEAP_TYPES: readonly string[] = ["Struct", "unpack_iterator"];
