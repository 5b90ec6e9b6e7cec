// The int/str conversion limit (CPython 3.11, backported to 3.10.7, 3.9.14 and
// 3.8.14): PyLong_FromString and long_to_decimal_string refuse more than
// sys.int_info.default_max_str_digits decimal digits. The ValueError's text
// differs: 3.11+ says "(4300 digits)", the backports "(4300)".

/** sys.int_info.default_max_str_digits. */
export const INT_MAX_STR_DIGITS = 4300;

/** "Exceeds the limit (4300 digits) for integer string conversion" as the version words it (layout rule intLimitSaysDigits). */
export function intLimitText(saysDigits: boolean): string {
  return `Exceeds the limit (${INT_MAX_STR_DIGITS}${saysDigits ? " digits" : ""}) for integer string conversion`;
}

/** PyLong_FromString's ValueError for a decimal string of `digits` digits. */
export function intParseLimitMessage(saysDigits: boolean, digits: number): string {
  return `${intLimitText(saysDigits)}: value has ${digits} digits; use sys.set_int_max_str_digits() to increase the limit`;
}
