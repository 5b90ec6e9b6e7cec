// sys.getsizeof(obj) for a modelled object under one CPython layout.
import type { HeapTypeShape, Layout } from "../layouts/layout.js";
import { unicodeObjectSize } from "../runtime/builtinBases.js";
import { ctx, hasWstr } from "../runtime/ctx.js";
import { keysOwnerCollectable, keysOwnerMaybeCollected, othersMaybeAllFreed, sharerCensus, sharerLivenessUnknown } from "../runtime/liveSharers.js";
import { latin1Char, subOf, utf8Cached, typeName, type PyClassObj, type PyObj, type PyStrObj, type SharedKeys } from "../runtime/objects.js";
import { seqLen } from "../runtime/seq.js";
import { strText } from "../runtime/text.js";
import { unsupported } from "../runtime/errors.js";
import { stdlibHeapType } from "./heapTypes.js";
import { isTypingClass, sizeofTypingForm } from "./typingSize.js";
import { unsizedReason } from "../runtime/unsizedValues.js";

export function getsizeof(o: PyObj, layout: Layout): number {
  const unsized = unsizedReason(o);
  if (unsized !== undefined) throw unsupported(unsized);
  const sub = subOf(o);
  if (sub !== undefined) return subclassSizeof(o, sub.cls.shape, layout);
  switch (o.t) {
    case "int":
      return layout.long.sizeof(o.v);
    case "bool":
      return layout.long.sizeofBool(o.v);
    case "float":
      return layout.float.size;
    case "complex":
      return layout.float.complexSize;
    case "str":
      return layout.unicode.sizeof(o.length, o.maxChar) + (hasWstr(o) ? layout.unicode.wstrBytes(o.length, o.maxChar) : 0) + cachedUtf8Bytes(o, layout);
    case "bytes":
      return layout.bytes.sizeof(o.length);
    case "bytearray":
      return layout.bytearray.sizeof(o.alloc);
    case "list":
      return layout.list.sizeof(o.allocated);
    case "tuple":
      if (o.cls !== undefined) return (o.cls.shape.preHeader ?? 0) + layout.tuple.sizeofSubclass(o.cls.shape.basicsize, o.cls.shape.gc, seqLen(o.items));
      return layout.tuple.sizeof(seqLen(o.items));
    case "set":
    case "frozenset":
      return layout.set.sizeof(o.table.size);
    case "dict":
      if (o.split != null) return sizeofSplitDict(o.split, layout, o);
      if (o.flavor !== undefined) return layout.dictFlavor.sizeof(o.flavor.name, o.table.size, o.table.general, o.table.used, o.flavor.mutated === true);
      return layout.dict.sizeof(o.table.size, o.table.general);
    case "array":
      return layout.array.sizeof(o.allocated, layout.array.itemsize[o.typecode] ?? 1);
    case "deque":
      return layout.deque.sizeof(o.leftindex, o.items.length);
    case "Decimal":
      return layout.decimal.sizeof(o.coeff === 0n ? 1 : o.coeff.toString().length, o.dynamic);
    case "instance":
      return layout.heapType.sizeofInstance(o.cls.shape);
    case "type": {
      if (o.typingSize !== undefined) return sizeofTypingForm(o.typingSize, o.name, layout);
      if (o.typingForm === true) throw unsupported(`the size of typing.${o.name}`);
      if (isTypingClass(o.name, layout)) throw unsupported(`the size of typing's class ${o.name}`);
      const keys = stdlibHeapType(o, layout);
      if (keys === undefined) return layout.leaves["type"] ?? 0;
      return layout.heapType.sizeofType(keys === null ? 0 : layout.dict.keysObjectSize(keys, false));
    }
    case "class":
      // A builtin class in the class model (an exception) is a static type.
      if (o.static === true) return layout.leaves["type"] ?? 0;
      return layout.heapType.sizeofType(classKeysBytes(o, layout));
    case "iterator":
      if (o.typeName === "generator" && layout.generatorFrame !== null) {
        if (o.frameSlots === undefined || o.frameSlots === null) throw unsupported(`the size of this generator under CPython ${layout.python} (its frame follows the compiler's stack depth, which pymem does not lay out for it)`);
        return layout.generatorFrame.fixed + layout.generatorFrame.slot * o.frameSlots;
      }
      if (o.indexWords !== undefined) return leafSize(o, layout) + o.indexWords * indexItemSize(o.typeName, layout);
      return leafSize(o, layout);
    case "opaque":
      // A coroutine or async generator embeds its frame from 3.11, as a generator does.
      if (o.frameSlots !== undefined && layout.generatorFrame !== null) {
        if (o.frameSlots === null) throw unsupported(`the size of this ${o.typeName} under CPython ${layout.python} (its frame follows the compiler's stack depth, which pymem does not lay out for it)`);
        return layout.generatorFrame.fixed + layout.generatorFrame.slot * o.frameSlots;
      }
      if (o.indexWords !== undefined) return leafSize(o, layout) + o.indexWords * indexItemSize(o.typeName, layout);
      return leafSize(o, layout);
    default:
      return leafSize(o, layout);
  }
}

/**
 * An object of a subclass of a builtin: the builtin's __sizeof__, which counts tp_basicsize (the
 * class's members included) except for str and int, whose structs are fixed; the GC header
 * (every such class is GC-tracked) and the managed pre-header as for any instance.
 */
function subclassSizeof(o: PyObj, shape: HeapTypeShape, layout: Layout): number {
  const pre = shape.preHeader ?? 0;
  const gc = layout.gcHead.size;
  switch (o.t) {
    case "list":
      return layout.list.sizeof(o.allocated) - layout.list.struct.size + shape.basicsize + pre;
    case "dict":
      if (o.flavor !== undefined) {
        // odict_sizeof / _PyDict_SizeOf from the subclass's tp_basicsize (Counter's own pre-header is the class's now).
        const f = o.flavor.name;
        return layout.dictFlavor.sizeof(f, o.table.size, o.table.general, o.table.used, o.flavor.mutated === true) - layout.dictFlavor.preHeader[f] - layout.dictFlavor.structs[f].size + shape.basicsize + pre;
      }
      return layout.dict.sizeof(o.table.size, o.table.general) - layout.dict.struct.size + shape.basicsize + pre;
    case "deque":
      return layout.deque.sizeof(o.leftindex, o.items.length) - layout.deque.struct.size + shape.basicsize + pre;
    case "set":
    case "frozenset":
      return layout.set.sizeof(o.table.size) - layout.set.struct.size + shape.basicsize + pre;
    case "bytearray":
      return layout.bytearray.sizeof(o.alloc) - layout.bytearray.struct.size + shape.basicsize + gc + pre;
    case "bytes":
      return shape.basicsize + o.length + gc + pre;
    case "float":
      return shape.basicsize + gc + pre;
    case "int":
      return layout.long.sizeof(o.v) + gc + pre;
    case "str":
      return unicodeObjectSize(layout) + (o.length + 1) * layout.unicode.kind(o.maxChar) + gc + pre;
    default:
      throw unsupported(`the size of a '${typeName(o)}' object`);
  }
}

function leafSize(o: PyObj, layout: Layout): number {
  const name = typeName(o);
  const size = layout.leaves[name];
  if (size === undefined) throw unsupported(`the size of a '${name}' object under CPython ${layout.python}`);
  return size;
}

/** The element of the arrays a leaf type's __sizeof__ adds (itertools.product's indices …). */
function indexItemSize(name: string, layout: Layout): number {
  const item = layout.leafTypes[name]?.item;
  if (item === undefined) throw unsupported(`the size of a '${name}' object under CPython ${layout.python}`);
  return item.size;
}

/** The UTF-8 form a cached latin-1 character carries from 3.12 (two bytes and its NUL), which unicode___sizeof__ counts. */
export function cachedUtf8Bytes(o: PyStrObj, layout: Layout): number {
  // unicode___sizeof__: a cached UTF-8 copy of a non-ASCII str counts, its NUL too.
  if (o.maxChar >= 0x80 && utf8Cached.has(o) && !(o.length === 1 && latin1Char(o.maxChar) === o)) return Buffer.byteLength(strText(o), "utf8") + 1;
  if (layout.unicode.latin1CharUtf8 === 0 || o.length !== 1 || o.maxChar < 0x80 || o.maxChar > 0xff || latin1Char(o.maxChar) !== o) return 0;
  return layout.unicode.latin1CharUtf8;
}

/** dk_size of the keys table a class caches for its instances' dicts (null: none): fixed from 3.11, following the instances before. */
export function classKeysSize(o: PyClassObj, layout: Layout): number | null {
  if (o.cachedKeys === null) return o.freshKeys === true ? (layout.heapType.classKeysSlots ?? layout.dict.minsize) : null;
  return layout.heapType.classKeysSlots ?? o.cachedKeys.size;
}

/** The keys table a class caches for its instances' dicts, in bytes (0: none). */
export function classKeysBytes(o: PyClassObj, layout: Layout): number {
  const size = classKeysSize(o, layout);
  return size === null ? 0 : layout.dict.keysObjectSize(size, false);
}

/**
 * A split (key-sharing) dict (`self`, or an instance holding it packed): its size depends on the keys it shares and
 * how many share them. Once the type dropped the keys (before 3.11), counting the keys' table takes every other
 * sharer dead, which pymem cannot tell: it answers only when its count is 1 or another sharer is proven alive.
 */
export function sizeofSplitDict(keys: SharedKeys, layout: Layout, self: PyObj): number {
  // `self` is one of the counted sharers, and alive: the question is whether any other is.
  if (keys.dropped === true && keys.refcnt > 1 && !layout.rules.managedDicts && othersMaybeAllFreed(keys.refcnt - 1, sharerCensus(keys, [self, ...ctx().liveRoots]), 1)) {
    throw sharerLivenessUnknown("the size of an instance __dict__ whose class stopped sharing its keys");
  }
  if (keys.dropped !== true && keysOwnerMaybeCollected(keys)) {
    throw keysOwnerCollectable("the size of an instance __dict__");
  }
  return layout.dict.sizeofSplit({ size: keys.size, usable: keys.usable, nentries: keys.order.length, refcnt: keys.refcnt });
}
