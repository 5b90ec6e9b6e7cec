// CPython 3.13's Unicode data: the Unicode 15.1 database, from its own
// generated tables (fixtures/unicode_tables.py under 3.13).
import type { UnicodeData } from "../unicodeData.js";
import { unicodeDataOf } from "../cpython310/unicodeData.js";
import * as tables313 from "./unicodeTables.js";

export const unicodeData313: UnicodeData = unicodeDataOf(tables313);
