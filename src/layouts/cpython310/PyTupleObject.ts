// Include/cpython/tupleobject.h: PyObject_VAR_HEAD + ob_item[n]; GC-tracked.
import { cstruct, field } from "../struct.js";
import { PyGC_Head, PyVarObjectStruct, SIZEOF } from "./platform.js";

/** PyTupleObject up to its trailing ob_item[]: tuple's tp_basicsize. */
export const PyTupleObjectStruct = cstruct("PyTupleObject", [{ embed: PyVarObjectStruct }]);
export const tupleItemElement = field("ob_item", "PyObject *", SIZEOF.pointer);

export function sizeofTuple(n: number): number {
  return PyGC_Head + PyTupleObjectStruct.size + tupleItemElement.size * n;
}

/** tuple.__sizeof__ uses the subclass's tp_basicsize (a __dict__ pointer when it has one). */
export function sizeofTupleSubclass(basicsize: number, gc: boolean, n: number): number {
  return (gc ? PyGC_Head : 0) + basicsize + tupleItemElement.size * n;
}
