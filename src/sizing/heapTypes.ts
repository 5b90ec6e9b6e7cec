// Which stdlib type objects are heap types in a layout, and what keys they cache.
import type { Layout } from "../layouts/layout.js";
import type { PyTypeObj } from "../runtime/objects.js";

/**
 * A stdlib type as a heap type: undefined for a static type (a leaf), else the
 * dk_size of the keys it caches for its instances' dicts (null: none). A class
 * defined in Python caches an 8-slot table from its creation; an extension
 * type is a heap type only in the versions whose layout names its module.
 */
export function stdlibHeapType(o: PyTypeObj, layout: Layout): number | null | undefined {
  if (o.heap === "class") return layout.heapType.classKeysSlots ?? layout.dict.minsize;
  // A metaclass's instances are types, whose dict is their own member: keys are cached for them before 3.11 only.
  if (o.heap === "metaclass") return layout.rules.managedDicts ? null : layout.dict.minsize;
  if (o.heap === "extension" && layout.rules.heapExtensionTypes.includes(o.name)) return null;
  return undefined;
}
