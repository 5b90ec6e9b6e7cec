// Include/cpython/object.h of 3.13: PyTypeObject gains tp_versions_used (in
// tp_watched's padding), and the specializer's cache the class's __init__.
import { cstruct, field, padding, structField } from "../struct.js";
import { heapTypeObjectStruct, heapTypeSizer } from "../cpython310/PyHeapTypeObject.js";
import { PyAsyncMethodsStruct, PyTypeObjectStruct as PyTypeObject310 } from "../cpython310/PyTypeObject.js";
import { ptr } from "../cpython310/platform.js";

export const PyTypeObjectStruct = cstruct("PyTypeObject", [
  { embed: PyTypeObject310 },
  field("tp_watched", "unsigned char", 1),
  padding(1),
  field("tp_versions_used", "uint16_t", 2),
  padding(4),
]);

const _specialization_cache = cstruct("struct _specialization_cache", [ptr("getitem"), field("getitem_version", "uint32_t", 4), padding(4), ptr("init")]);

export const PyHeapTypeObjectStruct = cstruct("PyHeapTypeObject", [
  { embed: heapTypeObjectStruct(PyAsyncMethodsStruct, PyTypeObjectStruct) },
  ptr("_ht_tpname", "char *"),
  structField("_spec_cache", _specialization_cache),
]);

export const sizeofHeapType = heapTypeSizer(PyHeapTypeObjectStruct);
