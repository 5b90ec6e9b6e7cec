// Modules/itertoolsmodule.c of 3.12: the module's types become heap types
// (PyType_FromModuleAndSpec), and the objects that need the module state at
// run time keep a pointer to it (itertools_state *state): accumulate, groupby
// and _tee. batched is new.
import { cstruct, field, padding } from "../struct.js";
import type { LeafType } from "../cpython310/leaves.js";
import { itertoolsLeafTypes as itertoolsLeafTypes310 } from "../cpython310/itertoolsobject.js";
import { ptr, PyObjectStruct, SIZEOF, ssize } from "../cpython310/platform.js";

const HEAD = { embed: PyObjectStruct } as const;
const state = ptr("state", "itertools_state *");

const accumulateobject = cstruct("accumulateobject", [HEAD, ptr("total"), ptr("it"), ptr("binop"), ptr("initial"), state]);
const groupbyobject = cstruct("groupbyobject", [HEAD, ptr("it"), ptr("keyfunc"), ptr("tgtkey"), ptr("currkey"), ptr("currvalue"), ptr("currgrouper", "const void *"), state]);
const teeobject = cstruct("teeobject", [HEAD, ptr("dataobj", "teedataobject *"), field("index", "int", SIZEOF.int), padding(4), ptr("weakreflist"), state]);
/** batched (3.12+). */
export const batchedobject = cstruct("batchedobject", [HEAD, ptr("it"), ssize("batch_size")]);

export const itertoolsLeafTypes: Readonly<Record<string, LeafType>> = {
  ...itertoolsLeafTypes310,
  accumulate: { struct: accumulateobject, gc: true },
  groupby: { struct: groupbyobject, gc: true },
  _tee: { struct: teeobject, gc: true },
  batched: { struct: batchedobject, gc: true },
};

/** The itertools types, heap types from 3.12 (their type objects are PyHeapTypeObjects). */
export const ITERTOOLS_HEAP_TYPES: readonly string[] = Object.keys(itertoolsLeafTypes);
