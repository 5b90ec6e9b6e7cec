// Include/cpython/object.h (3.8): the type object ends with tp_print after
// tp_vectorcall (bpo-37250 kept it for backward compatibility in 3.8 only), and
// PyHeapTypeObject has no ht_module (3.9) and 3.9's PyAsyncMethods (no am_send).
import { cstruct, structField, type CStruct } from "../struct.js";
import { heapTypeSizer } from "../cpython310/PyHeapTypeObject.js";
import { ptr } from "../cpython310/platform.js";
import {
  PyBufferProcsStruct, PyMappingMethodsStruct, PyNumberMethodsStruct, PySequenceMethodsStruct, PyTypeObjectStruct as PyTypeObjectStruct310,
} from "../cpython310/PyTypeObject.js";

export const PyTypeObjectStruct: CStruct = cstruct("PyTypeObject", [{ embed: PyTypeObjectStruct310 }, ptr("tp_print", "printfunc")]);

const PyAsyncMethodsStruct = cstruct("PyAsyncMethods", [ptr("am_await", "unaryfunc"), ptr("am_aiter", "unaryfunc"), ptr("am_anext", "unaryfunc")]);

export const PyHeapTypeObjectStruct: CStruct = cstruct("PyHeapTypeObject", [
  structField("ht_type", PyTypeObjectStruct),
  structField("as_async", PyAsyncMethodsStruct),
  structField("as_number", PyNumberMethodsStruct),
  structField("as_mapping", PyMappingMethodsStruct),
  structField("as_sequence", PySequenceMethodsStruct),
  structField("as_buffer", PyBufferProcsStruct),
  ptr("ht_name"),
  ptr("ht_slots"),
  ptr("ht_qualname"),
  ptr("ht_cached_keys", "struct _dictkeysobject *"),
]);

export const sizeofHeapType = heapTypeSizer(PyHeapTypeObjectStruct);
