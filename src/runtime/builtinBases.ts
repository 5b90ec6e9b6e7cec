// The builtins a class statement may derive from beyond object and tuple, and
// the instance struct each gives type_new to lay a subclass out from.
import type { HeapTypeShape, Layout } from "../layouts/layout.js";
import type { SubclassableBuiltin } from "./objects.js";
import { collectionBaseShape } from "./collectionBaseShape.js";

export const SUBCLASSABLE: ReadonlySet<string> = new Set<SubclassableBuiltin>(["list", "dict", "set", "frozenset", "str", "int", "float", "bytes", "bytearray", "deque", "OrderedDict", "defaultdict", "Counter"]);

/** The builtin's instance struct as type_new sees it: tp_basicsize, whether GC-tracked, tp_itemsize != 0, a weakref member of its own. */
export function builtinBaseShape(name: SubclassableBuiltin, layout: Layout): { shape: HeapTypeShape; varSized: boolean; weakref: boolean; dict?: boolean } {
  switch (name) {
    case "deque":
    case "OrderedDict":
    case "defaultdict":
    case "Counter": return collectionBaseShape(name, layout);
    case "list": return { shape: { basicsize: layout.list.struct.size, gc: true }, varSized: false, weakref: false };
    case "dict": return { shape: { basicsize: layout.dict.struct.size, gc: true }, varSized: false, weakref: false };
    case "set":
    case "frozenset": return { shape: { basicsize: layout.set.struct.size, gc: true }, varSized: false, weakref: true };
    // PyUnicodeObject: the compact struct and its data pointer (a subclass's str is never compact).
    case "str": return { shape: { basicsize: unicodeObjectSize(layout), gc: false }, varSized: false, weakref: false };
    case "int": return { shape: { basicsize: layout.long.struct.size, gc: false }, varSized: true, weakref: false };
    case "float": return { shape: { basicsize: layout.float.struct.size, gc: false }, varSized: false, weakref: false };
    // PyBytesObject_SIZE: the header and the trailing NUL.
    case "bytes": return { shape: { basicsize: layout.bytes.struct.size + 1, gc: false }, varSized: true, weakref: false };
    case "bytearray": return { shape: { basicsize: layout.bytearray.struct.size, gc: false }, varSized: false, weakref: false };
  }
}

/** sizeof(PyUnicodeObject): PyCompactUnicodeObject and the data pointer. */
export function unicodeObjectSize(layout: Layout): number {
  return layout.unicode.struct(0x100).size + layout.heapType.slot.size;
}

