// Include/cpython/object.h (3.8): the type object ends with tp_print after
// tp_vectorcall (bpo-37250 kept it for backward compatibility in 3.8 only), and
// PyHeapTypeObject has no ht_module (3.9) and 3.9's PyAsyncMethods (no am_send).
import { cstruct, type CStruct } from "../struct.js";
import { heapTypeObjectStruct, heapTypeSizer } from "../cpython310/PyHeapTypeObject.js";
import { ptr } from "../cpython310/platform.js";
import { PyTypeObjectStruct as PyTypeObjectStruct310 } from "../cpython310/PyTypeObject.js";
import { PyAsyncMethodsStruct } from "../cpython39/index.js";

export const PyTypeObjectStruct: CStruct = cstruct("PyTypeObject", [{ embed: PyTypeObjectStruct310 }, ptr("tp_print", "printfunc")]);

export const PyHeapTypeObjectStruct: CStruct = heapTypeObjectStruct(PyAsyncMethodsStruct, PyTypeObjectStruct, false);

export const sizeofHeapType = heapTypeSizer(PyHeapTypeObjectStruct);
