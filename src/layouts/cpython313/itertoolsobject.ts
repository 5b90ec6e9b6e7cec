// Modules/itertoolsmodule.c of 3.13: pairwise keeps its result tuple to reuse
// it (as zip does), and batched gains its `strict` flag.
import { cstruct, field, padding } from "../struct.js";
import type { LeafType } from "../cpython310/leaves.js";
import { itertoolsLeafTypes as itertoolsLeafTypes312 } from "../cpython312/itertoolsobject.js";
import { ptr, PyObjectStruct, ssize } from "../cpython310/platform.js";

const HEAD = { embed: PyObjectStruct } as const;

const pairwiseobject = cstruct("pairwiseobject", [HEAD, ptr("it"), ptr("old"), ptr("result")]);
const batchedobject = cstruct("batchedobject", [HEAD, ptr("it"), ssize("batch_size"), field("strict", "bool", 1), padding(7)]);

export const itertoolsLeafTypes: Readonly<Record<string, LeafType>> = {
  ...itertoolsLeafTypes312,
  pairwise: { struct: pairwiseobject, gc: true },
  batched: { struct: batchedobject, gc: true },
};
