// List construction paths of Objects/listobject.c (3.10): each keeps
// `allocated` exactly as CPython's allocator calls leave it.
import { PyListObj } from "./objects.js";
import { ctx } from "./ctx.js";
import { getIter, lengthHint, sizedLength } from "./iteration.js";
import type { PyObj } from "./objects.js";
import { isLazy, materialize, newIntRun, runFitsNumber, seqLen, type Seq } from "./seq.js";

/** PyList_New(n) / list_new_prealloc(n): exactly n slots. */
export function newListExact(items: Seq): PyListObj {
  return new PyListObj(items, seqLen(items));
}

export function newEmptyList(): PyListObj {
  return new PyListObj([], 0);
}

/** The list's items as a mutable array (materialises a closed form in place). */
export function listArray(l: PyListObj): PyObj[] {
  if (isLazy(l.items)) l.items = materialize(l.items);
  return l.items as PyObj[];
}

/** list_resize(self, newsize), with ob_size following. */
export function listResizeTo(l: PyListObj, newsize: number): void {
  const before = l.allocated;
  l.allocated = ctx().layout.list.resize(l.allocated, seqLen(l.items), newsize);
  if (l.allocated === 0 && before > 0) l.zeroBlock = true;
}

/** list_ass_slice's resize: a list left empty is _list_clear'ed (ob_item freed), otherwise list_resize. */
export function listAssSliceResize(l: PyListObj, newsize: number): void {
  if (newsize === 0) {
    l.allocated = 0;
    delete l.zeroBlock;
    return;
  }
  listResizeTo(l, newsize);
}

/** ob_item == NULL: nothing was ever allocated, or list_clear freed it. */
function itemsNull(l: PyListObj): boolean {
  return l.allocated === 0 && l.zeroBlock !== true;
}

/** app1: list.append and LIST_APPEND. */
export function listAppend(l: PyListObj, x: PyObj): void {
  const items = listArray(l);
  const n = items.length;
  const { list: layout, rules } = ctx().layout;
  if (n >= l.allocated || rules.appendAlwaysResizes) l.allocated = layout.resize(l.allocated, n, n + 1);
  items.push(x);
}

/** list_extend(self, iterable): list.extend, +=, LIST_EXTEND, list(), sorted(). */
export function listExtend(l: PyListObj, src: PyObj): void {
  const { list: layout, rules } = ctx().layout;
  // Only an exact list or tuple is copied directly; a tuple subclass goes by its iterator and length hint.
  if ((src.t === "list" && src.sub === undefined) || (src.t === "tuple" && src.cls === undefined)) {
    const n = seqLen(src.items);
    if (n === 0) return;
    const m = seqLen(l.items);
    l.allocated = itemsNull(l) && rules.listExtendPreallocates ? layout.preallocateExact(n) : layout.resize(l.allocated, m, m + n);
    if (m === 0 && isLazy(src.items)) {
      // A closed form is shared: an int run's cell keeps its ints the same objects for every holder.
      l.items = src.items;
      return;
    }
    const add = materialize(src.items);
    const items = listArray(l);
    for (const x of src === l ? add.slice() : add) items.push(x);
    ctx().tick(n);
    return;
  }
  const n = lengthHint(src, 8);
  const m = seqLen(l.items);
  if (itemsNull(l) && rules.listExtendPreallocates && !extendsByResize(src)) {
    if (n > 0) l.allocated = layout.preallocateExact(n);
  } else {
    l.allocated = layout.resize(l.allocated, m, m + n);
  }
  if (src.t === "iterator" && src.rest !== undefined && m === 0 && n === src.lengthHint()) {
    // list(reversed(run)): the remaining items, the same objects, in one piece.
    const rest = src.rest();
    if (rest !== null) {
      l.items = rest;
      ctx().tick(1);
      if (rest.len < l.allocated) listResizeTo(l, rest.len);
      return;
    }
  }
  if (src.t === "range" && m === 0 && src.len >= 65n && runFitsNumber(src.start, src.step, src.len) && Number(src.len) <= n) {
    // The range's fresh ints, appended with room to spare: a closed run, then the same cut-back.
    l.items = newIntRun(Number(src.start), Number(src.step), Number(src.len));
    ctx().tick(1);
    if (Number(src.len) < l.allocated) listResizeTo(l, Number(src.len));
    return;
  }
  const items = listArray(l);
  const it = getIter(src);
  const c = ctx();
  for (let x = it.next(); x !== undefined; x = it.next()) {
    if (items.length >= l.allocated) l.allocated = layout.resize(l.allocated, items.length, items.length + 1);
    items.push(x);
    c.tick();
  }
  // Cut back any over-allocation the length hint caused.
  if (items.length < l.allocated) listResizeTo(l, items.length);
}

/**
 * 3.13+ list_extend_set / list_extend_dict / list_extend_dictitems: an exact set, frozenset or
 * dict, or a dict view, is taken in by list_resize(m + n), whatever the list held before.
 */
function extendsByResize(src: PyObj): boolean {
  if (!ctx().layout.rules.listExtendSetDictResizes) return false;
  // Py_IS_TYPE(iterable, &PyDictItems_Type) …: an OrderedDict's odict_keys/values/items are other types.
  if (src.t === "dictview") return src.dict.flavor?.name !== "OrderedDict";
  return (src.t === "set" || src.t === "frozenset" || (src.t === "dict" && src.flavor === undefined)) && src.sub === undefined;
}

/** list(iterable): list___init__ preallocates exactly from len() when the source has one, then extends. */
export function listFrom(src: PyObj): PyListObj {
  const l = newEmptyList();
  const n = extendsByResize(src) ? null : sizedLength(src);
  if (n !== null && n > 0) l.allocated = ctx().layout.list.preallocateExact(n);
  listExtend(l, src);
  return l;
}

/** A new empty list extended by `items` from a source whose length hint is exact (a dict view, a set): the list_extend rules. */
export function listExtendedBy(items: PyObj[]): PyListObj {
  const { list: layout, rules } = ctx().layout;
  const n = items.length;
  const allocated = n === 0 ? 0 : rules.listExtendPreallocates && !rules.listExtendSetDictResizes ? layout.preallocateExact(n) : layout.resize(0, 0, n);
  return new PyListObj(items, allocated);
}

/** PySequence_List (sorted(), [*x]): an empty list extended, with no preallocation of its own. */
export function sequenceList(src: PyObj): PyListObj {
  const l = newEmptyList();
  listExtend(l, src);
  return l;
}
