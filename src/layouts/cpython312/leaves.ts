// The leaf objects whose structs 3.12 lays out differently from 3.11
// (Include/cpython/funcobject.h, Objects/rangeobject.c of 3.12), and the
// Python classes of collections whose __dict__ and __weakref__ are now both
// managed in the pre-header.
import { cstruct, field, padding } from "../struct.js";
import { HEAD, leaf, RandomObjectFields, type LeafType } from "../cpython310/leaves.js";
import { ptr, SIZEOF } from "../cpython310/platform.js";
import { leafTypes as leafTypes311 } from "../cpython311/leaves.js";
import { PREHEADER } from "./PyHeapTypeObject.js";
import { PyTypeObjectStruct } from "./PyTypeObject.js";
import { itertoolsLeafTypes } from "./itertoolsobject.js";
import { ioLeafTypes } from "../cpython310/ioobjects.js";
import { stringio312 } from "./ioobjects.js";

/** PyFunctionObject gains func_typeparams (PEP 695). */
const PyFunctionObject = cstruct("PyFunctionObject", [
  HEAD,
  ...["func_globals", "func_builtins", "func_name", "func_qualname", "func_code", "func_defaults", "func_kwdefaults", "func_closure", "func_doc", "func_dict", "func_weakreflist", "func_module", "func_annotations", "func_typeparams"].map((n) => ptr(n)),
  ptr("vectorcall", "vectorcallfunc"),
  field("func_version", "uint32_t", 4),
  padding(4),
]);

/** The range iterators keep no index: start advances. */
const rangeiterobject = cstruct("_PyRangeIterObject", [HEAD, field("start", "long", SIZEOF.long), field("step", "long", SIZEOF.long), field("len", "long", SIZEOF.long)]);
const longrangeiterobject = cstruct("longrangeiterobject", [HEAD, ptr("start"), ptr("step"), ptr("len")]);

/** ChainMap: its __dict__ and __weakref__ are the pre-header's two words. */
const ChainMap = cstruct("ChainMap instance", [PREHEADER, HEAD]);
const Random = cstruct("Random instance", [PREHEADER, HEAD, ...RandomObjectFields]);

export const leafTypes: Readonly<Record<string, LeafType>> = {
  ...leafTypes311,
  ...itertoolsLeafTypes,
  type: leaf(PyTypeObjectStruct, true),
  function: leaf(PyFunctionObject, true),
  range_iterator: leaf(rangeiterobject, false),
  longrange_iterator: leaf(longrangeiterobject, false),
  ChainMap: leaf(ChainMap, true),
  Random: leaf(Random, true),
  ...ioLeafTypes(true, stringio312),
};
