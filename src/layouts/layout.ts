// One Layout per CPython version: struct sizes and allocator growth rules.
// The runtime and sizing reach CPython's arithmetic only through it, so another
// version is a new folder beside cpython310 plus an entry in `layouts`.
import { cpython310 } from "./cpython310/index.js";

export interface Layout {
  readonly python: string;
  readonly long: { sizeof(v: number | bigint): number; sizeofBool(v: boolean): number };
  readonly float: { readonly size: number; readonly complexSize: number };
  readonly unicode: { sizeof(length: number, maxChar: number): number };
  readonly bytes: { sizeof(length: number): number };
  readonly bytearray: {
    sizeof(alloc: number): number;
    resize(alloc: number, size: number, requested: number): number;
    exactAlloc(n: number): number;
  };
  readonly list: {
    sizeof(allocated: number): number;
    resize(allocated: number, size: number, newsize: number): number;
    preallocateExact(n: number): number;
  };
  readonly tuple: {
    sizeof(n: number): number;
    /** A tuple subclass instance (namedtuple …): its basicsize plus a pointer per item, with the GC header. */
    sizeofSubclass(basicsize: number, gc: boolean, n: number): number;
  };
  readonly set: {
    readonly minsize: number;
    sizeof(tableSize: number): number;
    tableResize(minused: number): number;
    addNeedsResize(fill: number, tableSize: number): boolean;
    growthTarget(used: number): number;
    /** set_table_resize's minused for set_merge's one big resize up front, or null. */
    presizeForMerge(fill: number, tableSize: number, used: number, incoming: number): number | null;
    dummiesNeedResize(fill: number, used: number, tableSize: number): boolean;
    readonly linearProbes: number;
    readonly perturbShift: number;
  };
  readonly dict: {
    readonly minsize: number;
    sizeof(keysSize: number): number;
    usableFraction(n: number): number;
    estimateSize(n: number): number;
    growthRate(used: number): number;
    resizeSize(minsize: number): number;
    presizedSize(minused: number): number;
    sizeofSplit(keysSize: number, keysRefcnt: number): number;
    keysObjectSize(size: number): number;
    /** Header, dk_indices and dk_entries of a keys table (for explanations). */
    keysParts(size: number): { header: number; ixsize: number; indices: number; usable: number; entries: number };
  };
  readonly heapType: {
    readonly object: { readonly basicsize: number; readonly gc: boolean };
    shape(base: { basicsize: number; gc: boolean }, nslots: number, addDict: boolean, addWeakref: boolean): { basicsize: number; gc: boolean };
    sizeofInstance(shape: { basicsize: number; gc: boolean }): number;
    sizeofType(cachedKeysBytes: number): number;
  };
  readonly array: {
    readonly itemsize: Readonly<Record<string, number>>;
    sizeof(allocated: number, itemsize: number): number;
    resize(allocated: number, size: number, newsize: number): number;
  };
  readonly deque: { readonly blocklen: number; readonly center: number; sizeof(leftindex: number, size: number): number };
  readonly dictFlavor: {
    sizeof(flavor: "OrderedDict" | "defaultdict" | "Counter", keysSize: number, used: number): number;
  };
  readonly decimal: {
    readonly minalloc: number;
    sizeof(digits: number, dynamic: boolean): number;
    words(digits: number): number;
    importWords(digits30: number): number;
  };
  /** getsizeof of leaf types by type name. */
  readonly leaves: Readonly<Record<string, number>>;
}

export const layouts: Readonly<Record<string, Layout>> = { "3.10": cpython310 };

export const SUPPORTED_PYTHONS: readonly string[] = Object.keys(layouts);

export function layoutFor(python: string): Layout | undefined {
  return layouts[python];
}
