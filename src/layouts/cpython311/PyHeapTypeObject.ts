// Include/cpython/object.h of 3.11: PyHeapTypeObject gains _ht_tpname and the
// specializer's _spec_cache; a class whose instances have a managed dict
// caches a keys table of 2**NEXT_LOG2_SHARED_KEYS_MAX_SIZE slots from its
// creation (_PyDict_NewKeysForClass), whatever its instances hold.
import { cstruct, structField } from "../struct.js";
import { heapTypeSizer, heapTypeSlotMember, PyHeapTypeObjectStruct as PyHeapTypeObject310 } from "../cpython310/PyHeapTypeObject.js";
import type { HeapTypeShape } from "../layout.js";
import { field } from "../struct.js";
import { ptr, SIZEOF } from "../cpython310/platform.js";

/** Py_TPFLAGS_MANAGED_DICT: the dict and values pointers sit in front of the GC header, and getsizeof counts them. */
export const MANAGED_DICT_PREHEADER = field("(pre-header)", "PyObject *[2] (dict, values)", 2 * SIZEOF.pointer);

const _specialization_cache = cstruct("struct _specialization_cache", [ptr("getitem")]);

export const PyHeapTypeObjectStruct = cstruct("PyHeapTypeObject", [
  { embed: PyHeapTypeObject310 },
  ptr("_ht_tpname", "char *"),
  structField("_spec_cache", _specialization_cache),
]);

export const sizeofHeapType = heapTypeSizer(PyHeapTypeObjectStruct);

/** NEXT_LOG2_SHARED_KEYS_MAX_SIZE (6): the slots of the keys table every such class caches. */
export const CLASS_KEYS_SLOTS = 64;

/** SHARED_KEYS_MAX_SIZE: the names a class's keys take before an instance needs a dict of its own. */
export const SHARED_KEYS_MAX_SIZE = 30;

/**
 * type_new of 3.11: a class whose instances get a __dict__ over a fixed-size base keeps it
 * managed (Py_TPFLAGS_MANAGED_DICT: two words in front of the GC header, no member); over a
 * var-sized base (tuple) the dict pointer is a member after the items, as before.
 */
export function heapTypeShape(base: HeapTypeShape, nslots: number, addDict: boolean, addWeakref: boolean, varSized: boolean): HeapTypeShape {
  const members = nslots + (addDict && varSized ? 1 : 0) + (addWeakref ? 1 : 0);
  const managed = (addDict && !varSized) || (base.preHeader ?? 0) > 0;
  return { basicsize: base.basicsize + heapTypeSlotMember.size * members, gc: true, preHeader: managed ? MANAGED_DICT_PREHEADER.size : 0 };
}
