// Include/cpython/object.h of 3.12: PyTypeObject gains tp_watched (a byte,
// padded to a word), and the specializer's cache in PyHeapTypeObject its
// getitem_version.
import { cstruct, field, padding, structField } from "../struct.js";
import { heapTypeObjectStruct, heapTypeSizer } from "../cpython310/PyHeapTypeObject.js";
import { PyAsyncMethodsStruct, PyTypeObjectStruct as PyTypeObject310 } from "../cpython310/PyTypeObject.js";
import { ptr } from "../cpython310/platform.js";

export const PyTypeObjectStruct = cstruct("PyTypeObject", [{ embed: PyTypeObject310 }, field("tp_watched", "unsigned char", 1), padding(7)]);

const _specialization_cache = cstruct("struct _specialization_cache", [ptr("getitem"), field("getitem_version", "uint32_t", 4), padding(4)]);

export const PyHeapTypeObjectStruct = cstruct("PyHeapTypeObject", [
  { embed: heapTypeObjectStruct(PyAsyncMethodsStruct, PyTypeObjectStruct) },
  ptr("_ht_tpname", "char *"),
  structField("_spec_cache", _specialization_cache),
]);

export const sizeofHeapType = heapTypeSizer(PyHeapTypeObjectStruct);
