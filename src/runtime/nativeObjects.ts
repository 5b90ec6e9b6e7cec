// Objects of the C types a standard-library module defines (functools.partial,
// operator.itemgetter …): opaque leaves of the deep walk, sized by their
// struct in the layout's leaf table, that carry their type's slots — tp_call,
// tp_getattro's members, tp_repr, tp_richcompare, tp_hash — so that calling,
// attribute access, repr, comparison and hashing reach them without a switch
// over their names.
import type { NativeFn, PyObj, PyOpaqueObj } from "./objects.js";

export type NativeCmpOp = "Eq" | "NotEq" | "Lt" | "LtE" | "Gt" | "GtE";

export interface NativeSlots {
  /** tp_call. */
  readonly call?: NativeFn;
  /** A member or method by name (undefined: not one of the type's own). */
  readonly attr?: (name: string) => PyObj | undefined;
  /** tp_iternext of a type whose __iter__ returns the object itself (a file, a csv reader): the next item, or undefined at the end. */
  readonly next?: () => PyObj | undefined;
  /** mp_subscript (re.Match's m[g]). */
  readonly getitem?: (key: PyObj) => PyObj;
  /** mp_length / sq_length (a mappingproxy's). */
  readonly len?: () => number;
  /** tp_iter of a type whose iterator is another object (a mappingproxy's dict_keyiterator). */
  readonly iter?: () => PyObj;
  /** sq_contains. */
  readonly contains?: (item: PyObj) => boolean;
  /** tp_repr. */
  readonly repr?: () => string;
  /** tp_richcompare, for an operand of this type on either side (the other operand may be anything). */
  readonly compare?: (op: NativeCmpOp, a: PyObj, b: PyObj) => PyObj;
  /** PyObject_HashNotImplemented: the tp_name its TypeError shows (KeyWrapper: 'functools.KeyWrapper'). */
  readonly unhashableAs?: string;
  /** tp_descr_get of a non-data descriptor (a method-like wrapper, cached_property): what instance.name gives when the instance dict lacks name. */
  readonly get?: (instance: PyObj, name: string) => PyObj;
  /** __set_name__, run by the class statement that binds it. */
  readonly setName?: (owner: PyObj, name: string) => void;
  /** Its own attributes by name (a __dict__ that update_wrapper fills), or absent when it has none pymem models. */
  readonly dict?: Map<string, PyObj>;
  /** The type has a __dict__ pymem does not model: setting an attribute is refused rather than answered. */
  readonly hasDict?: boolean;
  /** The type's number slots and comparisons (a Set's &, |, -, ^, <=, ==) are not modelled: an operator on it is refused, naming this. */
  readonly operatorsRefused?: string;
  /** bf_getbuffer of a one-dimensional exporter (a memoryview): its bytes, contiguous. */
  readonly buffer?: () => Uint8Array;
}

class NativeData {
  constructor(readonly slots: NativeSlots) {}
}

/** An object of a module's C type `typeName` (type(x).__name__) with these slots. */
export function nativeObject(typeName: string, slots: NativeSlots): PyOpaqueObj {
  return { t: "opaque", typeName, data: new NativeData(slots) };
}

/** The slots of a native object, or null for any other object. */
export function nativeSlots(o: PyObj): NativeSlots | null {
  return o.t === "opaque" && o.data instanceof NativeData ? o.data.slots : null;
}

/** What refuses an operator between a and b (a native operand whose operators pymem does not model), or undefined. */
export function refusedOperands(a: PyObj, b: PyObj): string | undefined {
  return nativeSlots(a)?.operatorsRefused ?? nativeSlots(b)?.operatorsRefused;
}

/** The comparison of the first native operand that has one, or null. */
export function nativeCompare(a: PyObj, b: PyObj): ((op: NativeCmpOp, a: PyObj, b: PyObj) => PyObj) | null {
  return nativeSlots(a)?.compare ?? nativeSlots(b)?.compare ?? null;
}
