// The Unicode character data of one CPython version, as its str methods use it:
// what isdigit(), isspace(), upper() and their kin answer per code point. Each
// version's folder supplies it from tables generated out of that interpreter,
// never from JavaScript's own (newer) Unicode.

/** A character property CPython's str methods test, one code point at a time. */
export type UnicodeProperty =
  /** Py_UNICODE_ISSPACE (str.isspace, str.split(), str.strip()). */
  | "space"
  /** Py_UNICODE_ISALPHA: categories Lu, Ll, Lt, Lm, Lo. */
  | "alpha"
  /** Py_UNICODE_ISDECIMAL: numeric type Decimal. */
  | "decimal"
  /** Py_UNICODE_ISDIGIT: numeric type Digit or Decimal. */
  | "digit"
  /** Py_UNICODE_ISNUMERIC: any numeric type. */
  | "numeric"
  /** Py_UNICODE_ISPRINTABLE (str.isprintable, repr()). */
  | "printable"
  /** Py_UNICODE_ISLOWER: Ll or Other_Lowercase. */
  | "lower"
  /** Py_UNICODE_ISUPPER: Lu or Other_Uppercase. */
  | "upper"
  /** Py_UNICODE_ISTITLE: Lt. */
  | "title"
  /** _PyUnicode_IsCased (str.title() word boundaries, the final-sigma rule). */
  | "cased"
  /** _PyUnicode_IsCaseIgnorable (skipped by the final-sigma rule). */
  | "caseIgnorable"
  /** What may start an identifier: XID_Start and '_'. */
  | "identifierStart"
  /** What may continue one: XID_Continue. */
  | "identifierContinue";

export interface CharTable {
  has(cp: number): boolean;
  /** The table's sorted half-open ranges, flattened: start0, end0, start1, end1, … */
  readonly ranges: Int32Array;
}

/**
 * Each code point's full case mappings (one to three code points), by code point. A code
 * point missing from a map maps to itself.
 */
export interface CaseMaps {
  readonly upper: ReadonlyMap<number, string>;
  readonly lower: ReadonlyMap<number, string>;
  readonly title: ReadonlyMap<number, string>;
  readonly fold: ReadonlyMap<number, string>;
}

export interface UnicodeData {
  /** The Unicode version of the interpreter's database. */
  readonly version: string;
  /** A property's table, decoded on first use. */
  table(name: UnicodeProperty): CharTable;
  /** Py_UNICODE_TODECIMAL: the digit's value, or -1. */
  decimalValue(cp: number): number;
  /** The full case mappings, built on first use from the interpreter's tables alone. */
  caseMaps(): CaseMaps;
}
