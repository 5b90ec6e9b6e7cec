// getsizeof of typing's objects (layout.typing): the aliases and special forms
// are instances of Python classes over typing._Final, whose only slot is
// __weakref__, so type_new lays them out as any class would be — an alias class
// adds a __dict__, _SpecialForm its own __slots__; list[int] and int | str are
// C objects of fixed size (GC-tracked).
import type { HeapTypeShape, Layout } from "../layouts/layout.js";
import type { PyTypeObj } from "../runtime/objects.js";
import { unsupported } from "../runtime/errors.js";

type TypingSize = NonNullable<PyTypeObj["typingSize"]>;

/** class _Final: __slots__ = ('__weakref__',) */
function finalShape(layout: Layout): HeapTypeShape {
  const { heapType } = layout;
  return heapType.shape(heapType.object, 0, false, true, false);
}

function specialFormShape(layout: Layout): HeapTypeShape {
  return layout.heapType.shape(finalShape(layout), layout.typing.specialFormSlots, layout.typing.specialFormDict, false, false);
}

function cObjectSize(size: number, layout: Layout, preHeader = 0): number {
  return layout.gcHead.size + size + preHeader;
}

/** sys.getsizeof of a typing object of kind `kind` (`name` names it in a refusal). */
export function sizeofTypingForm(kind: TypingSize, name: string, layout: Layout): number {
  const { heapType, typing } = layout;
  switch (kind) {
    case "alias":
      return heapType.sizeofInstance(heapType.shape(finalShape(layout), 0, true, false, false));
    case "specialForm":
      return heapType.sizeofInstance(specialFormShape(layout));
    case "literalForm":
      // A _SpecialForm subclass without __slots__ adds a __dict__ (3.8: Literal is a plain _SpecialForm).
      return heapType.sizeofInstance(typing.classes.literalForm === "_SpecialForm" ? specialFormShape(layout) : heapType.shape(specialFormShape(layout), 0, true, false, false));
    case "typeVar":
      if ("slots" in typing.typeVar) return heapType.sizeofInstance(heapType.shape(finalShape(layout), typing.typeVar.slots, true, false, false));
      return cObjectSize(typing.typeVar.struct.size, layout, typing.typeVar.preHeader);
    case "genericAlias":
      if (typing.genericAlias === null) throw unsupported(`types.GenericAlias under CPython ${layout.python}`);
      return cObjectSize(typing.genericAlias.size, layout);
    case "unionType":
      if (typing.unionType === null) throw unsupported(`types.UnionType under CPython ${layout.python}`);
      return cObjectSize(typing.unionType.size, layout);
    case "forwardRef":
      throw unsupported("the size of a typing.ForwardRef (its slots and compiled code are not laid out)");
    case "anyClass":
      throw unsupported(`the size of typing.${name}, a class from CPython 3.11 (its type object and class dict are not laid out)`);
  }
}

/** type(x) of a typing object: one of typing.py's classes (a heap type whose dict and shared keys are not laid out), or a C type. */
export function isTypingClass(name: string, layout: Layout): boolean {
  return name === "TypeVar" || name === "ForwardRef" || name === "_SpecialForm" || name === "_AnyMeta" || Object.values(layout.typing.classes).includes(name);
}
