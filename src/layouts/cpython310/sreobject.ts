// Modules/_sre/sre.h (Modules/sre.h before 3.11): MatchObject, a variable-size
// object whose mark[] holds 2 * (groups + 1) Py_ssize_t (pattern_new_match
// allocates them all; its tp_basicsize counts mark[1]). Match has no
// __sizeof__: object.__sizeof__ adds tp_itemsize per ob_size. It is a
// GC-tracked heap type from 3.10; a static type without GC before.
import { cstruct, field, padding, type CField } from "../struct.js";
import { ptr, PyVarObjectStruct, ssize } from "./platform.js";

const MatchObject = cstruct("MatchObject", [
  { embed: PyVarObjectStruct },
  ptr("string"),
  ptr("regs"),
  ptr("pattern", "PatternObject *"),
  ssize("pos"),
  ssize("endpos"),
  ssize("lastindex"),
  ssize("groups"),
  ssize("mark[1]"),
]);

const markItem: CField = ssize("mark[]");

// PatternObject: pattern_sizeof counts sizeof(PatternObject) (code[1] and its
// padding included) plus codesize SRE_CODEs (uint32_t), GC-tracked as Match is.
const PatternObject = cstruct("PatternObject", [
  { embed: PyVarObjectStruct },
  ssize("groups"),
  ptr("groupindex"),
  ptr("indexgroup"),
  ptr("pattern"),
  field("flags", "int", 4),
  padding(4),
  ptr("weakreflist"),
  field("isbytes", "int", 4),
  padding(4),
  ssize("codesize"),
  field("code[1]", "SRE_CODE", 4),
  padding(4),
]);

const codeItem: CField = field("code[]", "SRE_CODE", 4);

export function sreLeafTypes(matchIsGc: boolean): Readonly<Record<string, { readonly struct: typeof MatchObject; readonly gc: boolean; readonly item: CField }>> {
  return { Match: { struct: MatchObject, gc: matchIsGc, item: markItem }, Pattern: { struct: PatternObject, gc: matchIsGc, item: codeItem } };
}
