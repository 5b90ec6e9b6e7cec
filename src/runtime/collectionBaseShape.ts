// The instance structs collections' types give type_new for a subclass:
// deque (dequeobject, its own weakreflist), OrderedDict (PyODictObject, with
// od_inst_dict as tp_dictoffset and od_weakreflist), defaultdict (defdictobject:
// a dict and default_factory, neither dict nor weakref slot) and Counter (a Python
// class over dict, so a heap type that already added __dict__ and __weakref__).
import type { HeapTypeShape, Layout } from "../layouts/layout.js";
import type { CollectionBase } from "./objects.js";

export function collectionBaseShape(name: CollectionBase, layout: Layout): { shape: HeapTypeShape; varSized: boolean; weakref: boolean; dict?: boolean } {
  switch (name) {
    case "deque": return { shape: { basicsize: layout.deque.struct.size, gc: true }, varSized: false, weakref: true };
    case "OrderedDict": return { shape: { basicsize: layout.dictFlavor.structs.OrderedDict.size, gc: true }, varSized: false, weakref: true, dict: true };
    case "defaultdict": return { shape: { basicsize: layout.dictFlavor.structs.defaultdict.size, gc: true }, varSized: false, weakref: false };
    case "Counter": {
      const dict: HeapTypeShape = { basicsize: layout.dict.struct.size, gc: true };
      return { shape: layout.heapType.shape(dict, 0, true, true, false), varSized: false, weakref: true, dict: true };
    }
  }
}
