// The allocation a container ends with after the loaders' construction paths,
// computed from counts alone: PyList_Append n times from PyList_New(0), and
// PyDict_SetItem into PyDict_New() / dict() key by key (Objects/dictobject.c
// insertdict: a new key takes one of dk_usable, a spent table is resized to
// GROWTH_RATE, from 3.11 a non-str key turns a str-only table general).
import type { Layout } from "../layouts/layout.js";
import { generalizeForKey, growForNewKey, type KeysFigures } from "../runtime/dicts.js";
import { appendAllocated } from "../runtime/intRuns.js";

/** getsizeof of a list made by `n` appends to an empty list. */
export function appendedListSize(layout: Layout, n: number): number {
  return layout.list.sizeof(appendAllocated(layout, n));
}

/**
 * getsizeof of `list(it)` for an iterator of `n` items without a length hint: list_extend
 * guesses 8 (list_preallocate_exact from 3.10, list_resize before), appends past it, and
 * cuts back to the items it got.
 */
export function iteratedListSize(layout: Layout, n: number, hint = 8): number {
  const l = layout.list;
  let allocated = layout.rules.listExtendPreallocates ? l.preallocateExact(hint) : l.resize(0, 0, hint);
  for (let size = allocated; size < n; size = Math.max(size + 1, allocated)) {
    if (size >= allocated) allocated = l.resize(allocated, size, size + 1);
  }
  if (n < allocated) allocated = l.resize(allocated, n, n);
  return l.sizeof(allocated);
}

/** A dict's keys table as insertdict leaves it (dicts.ts's rules, without the entries): the figures getsizeof reads. */
export class DictGrowth implements KeysFigures {
  size = 0;
  usable = 0;
  fill = 0;
  general = false;

  constructor(private readonly layout: Layout, fromType: boolean) {
    // dict_new before 3.10 allocates a PyDict_MINSIZE table up front (dict(...), not PyDict_New).
    if (fromType && layout.rules.dictNewAllocatesKeys) {
      this.size = layout.dict.minsize;
      this.usable = layout.dict.usableFraction(this.size);
    }
  }

  /** PyDict_SetItem of a key: `fresh` when the dict does not hold it yet, `str` when it is an exact str (no deletions: fill is the entry count). */
  insert(fresh: boolean, str: boolean): void {
    generalizeForKey(this, this.fill, this.layout, str);
    if (fresh) growForNewKey(this, this.fill, this.layout, str);
  }

  /** getsizeof of the dict. */
  sizeof(): number {
    return this.layout.dict.sizeof(this.size, this.general);
  }
}

/** getsizeof of a dict made by PyDict_New() and `n` distinct str keys set. */
export function strKeyDictSize(layout: Layout, n: number): number {
  const g = new DictGrowth(layout, false);
  // Between resizes the new keys only spend dk_usable: one insert per table, then the rest at once.
  for (let left = n; left > 0; ) {
    g.insert(true, true);
    const take = Math.min(left - 1, Math.max(g.usable, 0));
    g.fill += take;
    g.usable -= take;
    left -= take + 1;
  }
  return g.sizeof();
}
