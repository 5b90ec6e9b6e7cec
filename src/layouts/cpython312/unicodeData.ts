// CPython 3.12's Unicode data: the Unicode 15.0 database, from its own
// generated tables (fixtures/unicode_tables.py under 3.12).
import type { UnicodeData } from "../unicodeData.js";
import { unicodeDataOf } from "../cpython310/unicodeData.js";
import * as tables312 from "./unicodeTables.js";

export const unicodeData312: UnicodeData = unicodeDataOf(tables312);
