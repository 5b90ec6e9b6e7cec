// Include/longintrepr.h: ob_digit[] of 30-bit digits after PyObject_VAR_HEAD;
// int___sizeof__ counts abs(ob_size) digits (none for zero).
import { bigBitLength } from "../bigintBits.js";
import { cstruct, field } from "../struct.js";
import { PyVarObjectStruct } from "./platform.js";

export const PyLong_SHIFT = 30;
/** digit: uint32_t holding PyLong_SHIFT bits. */
export const digitField = field("ob_digit", "digit", 4);
/** struct _longobject up to its trailing ob_digit[]: int___sizeof__ counts offsetof(ob_digit) + abs(ob_size) digits. */
export const PyLongObjectStruct = cstruct("PyLongObject", [{ embed: PyVarObjectStruct }]);

/** abs(ob_size): 30-bit digits needed for |v|. */
export function longDigits(v: number | bigint): number {
  if (typeof v === "number") {
    const a = Math.abs(v);
    if (a === 0) return 0;
    if (a < 2 ** 30) return 1;
    return a < 2 ** 60 ? 2 : Math.ceil(Math.log2(a + 1) / PyLong_SHIFT); // numbers are < 2**53 here
  }
  const a = v < 0n ? -v : v;
  if (a === 0n) return 0;
  return Math.ceil(bigBitLength(a) / PyLong_SHIFT);
}

export function sizeofLong(v: number | bigint): number {
  return PyLongObjectStruct.size + digitField.size * longDigits(v);
}

/** getsizeof of a bool: False has no digits, True one. */
export function sizeofBool(v: boolean): number {
  return PyLongObjectStruct.size + digitField.size * longDigits(v ? 1 : 0);
}
