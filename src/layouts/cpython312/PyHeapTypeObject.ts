// Instances in 3.12 (Objects/typeobject.c type_new_descriptors): a class that
// adds a __dict__ or a __weakref__ keeps it managed, in the two words in front
// of the GC header (Py_TPFLAGS_PREHEADER: the tagged dict-or-values word and
// the weakref list), which getsizeof counts; neither is a member any more,
// over var-sized bases (tuple) too.
import { field } from "../struct.js";
import { heapTypeSlotMember } from "../cpython310/PyHeapTypeObject.js";
import { SIZEOF } from "../cpython310/platform.js";
import type { HeapTypeShape } from "../layout.js";

export const PREHEADER = field("(pre-header)", "PyObject *[2] (dict or values, weakref list)", 2 * SIZEOF.pointer);

export function heapTypeShape(base: HeapTypeShape, nslots: number, addDict: boolean, addWeakref: boolean, _varSized: boolean): HeapTypeShape {
  const managed = addDict || addWeakref || (base.preHeader ?? 0) > 0;
  return { basicsize: base.basicsize + heapTypeSlotMember.size * nslots, gc: true, preHeader: managed ? PREHEADER.size : 0 };
}
