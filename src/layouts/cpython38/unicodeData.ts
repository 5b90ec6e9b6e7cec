// CPython 3.8's Unicode data: the Unicode 12.1 database (3.9 moved to 13.0),
// from its own generated tables (fixtures/unicode_tables.py under 3.8).
import type { UnicodeData } from "../unicodeData.js";
import { unicodeDataOf } from "../cpython310/unicodeData.js";
import * as tables38 from "./unicodeTables.js";

export const unicodeData38: UnicodeData = unicodeDataOf(tables38);
