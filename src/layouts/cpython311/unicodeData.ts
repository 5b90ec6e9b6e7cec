// CPython 3.11's Unicode data: the Unicode 14.0 database, from its own
// generated tables (fixtures/unicode_tables.py under 3.11).
import type { UnicodeData } from "../unicodeData.js";
import { unicodeDataOf } from "../cpython310/unicodeData.js";
import * as tables311 from "./unicodeTables.js";

export const unicodeData311: UnicodeData = unicodeDataOf(tables311);
