// Instances of classes made by `class` statements (Objects/typeobject.c,
// type_new in 3.10): tp_basicsize grows by one pointer per slot, plus the
// __dict__ and __weakref__ pointers the class adds; the type is GC-tracked
// when its base is or when it adds any field, and then getsizeof adds PyGC_Head.
// The class object itself is a PyHeapTypeObject (Include/cpython/object.h).
import type { HeapTypeShape } from "../layout.js";
import { cstruct, structField, type CStruct } from "../struct.js";
import { PyObjectStruct, ptr, PyGC_Head } from "./platform.js";
import {
  PyAsyncMethodsStruct, PyBufferProcsStruct, PyMappingMethodsStruct, PyNumberMethodsStruct, PySequenceMethodsStruct, PyTypeObjectStruct,
} from "./PyTypeObject.js";

/** object's tp_basicsize. */
export const objectBasicsize = PyObjectStruct.size;
/** What type_new adds per slot, and for __dict__ and __weakref__: a PyObject * member each. */
export const heapTypeSlotMember = ptr("slot");

export function heapTypeShape(base: HeapTypeShape, nslots: number, addDict: boolean, addWeakref: boolean, _varSized = false): HeapTypeShape {
  const basicsize = base.basicsize + heapTypeSlotMember.size * (nslots + (addDict ? 1 : 0) + (addWeakref ? 1 : 0));
  return { basicsize, gc: true };
}

/** object.__sizeof__ for a fixed-size instance, with the GC header getsizeof adds. */
export function sizeofInstance(shape: HeapTypeShape): number {
  return (shape.preHeader ?? 0) + shape.basicsize + (shape.gc ? PyGC_Head : 0);
}

/**
 * PyHeapTypeObject around the method suites; versions differ in PyAsyncMethods
 * (3.10 added am_send), in the type object it starts with (3.8's tp_print) and
 * in ht_module (3.9+).
 */
export function heapTypeObjectStruct(asyncMethods: CStruct, typeObject: CStruct = PyTypeObjectStruct, htModule = true): CStruct {
  return cstruct("PyHeapTypeObject", [
    structField("ht_type", typeObject),
    structField("as_async", asyncMethods),
    structField("as_number", PyNumberMethodsStruct),
    structField("as_mapping", PyMappingMethodsStruct),
    structField("as_sequence", PySequenceMethodsStruct),
    structField("as_buffer", PyBufferProcsStruct),
    ptr("ht_name"),
    ptr("ht_slots"),
    ptr("ht_qualname"),
    ptr("ht_cached_keys", "struct _dictkeysobject *"),
    ...(htModule ? [ptr("ht_module")] : []),
  ]);
}

export const PyHeapTypeObjectStruct = heapTypeObjectStruct(PyAsyncMethodsStruct);

/** type.__sizeof__ of a heap type whose struct is `struct`: the type object, plus the keys it caches for instance dicts. */
export function heapTypeSizer(struct: CStruct): (cachedKeysBytes: number) => number {
  return (cachedKeysBytes) => PyGC_Head + struct.size + cachedKeysBytes;
}

export const sizeofHeapType = heapTypeSizer(PyHeapTypeObjectStruct);
