// Objects/longobject.c of 3.11: int___sizeof__ counts at least one digit, so
// 0 and False are as large as 1.
import { digitField, longDigits, PyLongObjectStruct } from "../cpython310/PyLongObject.js";

export function sizeofLong(v: number | bigint): number {
  return PyLongObjectStruct.size + digitField.size * Math.max(1, longDigits(v));
}

export function sizeofBool(_v: boolean): number {
  return PyLongObjectStruct.size + digitField.size;
}
