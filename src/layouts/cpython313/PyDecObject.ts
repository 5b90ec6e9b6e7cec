// Modules/_decimal of 3.13: Decimal is a GC-tracked heap type, so getsizeof
// adds the GC header to dec_sizeof.
import { sizeofDecimal as sizeofDecimal312 } from "../cpython310/PyDecObject.js";
import { PyGC_Head } from "../cpython310/platform.js";

export function sizeofDecimal(digits: number, dynamic: boolean): number {
  return PyGC_Head + sizeofDecimal312(digits, dynamic);
}
