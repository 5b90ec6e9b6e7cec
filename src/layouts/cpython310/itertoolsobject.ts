// Modules/itertoolsmodule.c (3.10; 3.8, 3.9 and 3.11 lay every struct out the
// same): the object each itertools constructor returns, keyed by
// type(x).__name__. All are GC-tracked (Py_TPFLAGS_HAVE_GC), so getsizeof adds
// PyGC_Head. product, combinations, combinations_with_replacement and
// permutations have a __sizeof__ of their own: tp_basicsize plus their
// separately allocated Py_ssize_t index arrays (`item`), one element per pool,
// per result element, or both (permutations).
//
// This file stays free of runtime imports from ./leaves.ts (which spreads these
// tables into its own), so that the two never form an import cycle.
import { cstruct, field, padding, type CField, type CStruct } from "../struct.js";
import type { LeafType } from "./leaves.js";
import { ptr, PyObjectStruct, SIZEOF, ssize } from "./platform.js";

const HEAD = { embed: PyObjectStruct } as const;

/** A leaf whose __sizeof__ adds arrays of `item` to tp_basicsize (productobject's indices …). */
export interface IndexedLeafType extends LeafType {
  readonly item: CField;
}

const gcLeaf = (struct: CStruct): LeafType => ({ struct, gc: true });
/** One element of the index arrays product_sizeof, combinations_sizeof, cwr_sizeof and permutations_sizeof count. */
export const indexItem: CField = ssize("indices[i]");
const indexedLeaf = (struct: CStruct): IndexedLeafType => ({ struct, gc: true, item: indexItem });

const int = (name: string): CField => field(name, "int", SIZEOF.int);
const long = (name: string): CField => field(name, "long", SIZEOF.long);

export const groupbyobject = cstruct("groupbyobject", [HEAD, ptr("it"), ptr("keyfunc"), ptr("tgtkey"), ptr("currkey"), ptr("currvalue"), ptr("currgrouper", "const void *")]);
export const _grouperobject = cstruct("_grouperobject", [HEAD, ptr("parent"), ptr("tgtkey")]);
/** LINKCELLS (57) values per link of a tee's shared buffer. */
export const LINKCELLS = 57;
export const teedataobject = cstruct("teedataobject", [HEAD, ptr("it"), int("numread"), int("running"), ptr("nextlink"), field("values", `PyObject *[${LINKCELLS}]`, LINKCELLS * SIZEOF.pointer)]);
export const teeobject = cstruct("teeobject", [HEAD, ptr("dataobj", "teedataobject *"), int("index"), padding(4), ptr("weakreflist")]);
export const cycleobject = cstruct("cycleobject", [HEAD, ptr("it"), ptr("saved"), ssize("index"), int("firstpass"), padding(4)]);
export const dropwhileobject = cstruct("dropwhileobject", [HEAD, ptr("func"), ptr("it"), long("start")]);
export const takewhileobject = cstruct("takewhileobject", [HEAD, ptr("func"), ptr("it"), long("stop")]);
export const isliceobject = cstruct("isliceobject", [HEAD, ptr("it"), ssize("next"), ssize("stop"), ssize("step"), ssize("cnt")]);
export const starmapobject = cstruct("starmapobject", [HEAD, ptr("func"), ptr("it")]);
export const chainobject = cstruct("chainobject", [HEAD, ptr("source"), ptr("active")]);
export const productobject = cstruct("productobject", [HEAD, ptr("pools"), ptr("indices", "Py_ssize_t *"), ptr("result"), int("stopped"), padding(4)]);
export const combinationsobject = cstruct("combinationsobject", [HEAD, ptr("pool"), ptr("indices", "Py_ssize_t *"), ptr("result"), ssize("r"), int("stopped"), padding(4)]);
export const cwrobject = cstruct("cwrobject", [HEAD, ptr("pool"), ptr("indices", "Py_ssize_t *"), ptr("result"), ssize("r"), int("stopped"), padding(4)]);
export const permutationsobject = cstruct("permutationsobject", [HEAD, ptr("pool"), ptr("indices", "Py_ssize_t *"), ptr("cycles", "Py_ssize_t *"), ptr("result"), ssize("r"), int("stopped"), padding(4)]);
export const accumulateobject = cstruct("accumulateobject", [HEAD, ptr("total"), ptr("it"), ptr("binop"), ptr("initial")]);
export const compressobject = cstruct("compressobject", [HEAD, ptr("data"), ptr("selectors")]);
export const filterfalseobject = cstruct("filterfalseobject", [HEAD, ptr("func"), ptr("it")]);
export const countobject = cstruct("countobject", [HEAD, ssize("cnt"), ptr("long_cnt"), ptr("long_step")]);
export const repeatobject = cstruct("repeatobject", [HEAD, ptr("element"), ssize("cnt")]);
export const ziplongestobject = cstruct("ziplongestobject", [HEAD, ssize("tuplesize"), ssize("numactive"), ptr("ittuple"), ptr("result"), ptr("fillvalue")]);
/** pairwise (3.10+). */
export const pairwiseobject = cstruct("pairwiseobject", [HEAD, ptr("it"), ptr("old")]);

/** itertools' objects, by type(x).__name__ (pairwise exists from 3.10; the module offers only the names its version has). */
export const itertoolsLeafTypes: Readonly<Record<string, LeafType>> = {
  count: gcLeaf(countobject),
  cycle: gcLeaf(cycleobject),
  repeat: gcLeaf(repeatobject),
  accumulate: gcLeaf(accumulateobject),
  chain: gcLeaf(chainobject),
  compress: gcLeaf(compressobject),
  dropwhile: gcLeaf(dropwhileobject),
  filterfalse: gcLeaf(filterfalseobject),
  groupby: gcLeaf(groupbyobject),
  _grouper: gcLeaf(_grouperobject),
  islice: gcLeaf(isliceobject),
  starmap: gcLeaf(starmapobject),
  takewhile: gcLeaf(takewhileobject),
  _tee: gcLeaf(teeobject),
  _tee_dataobject: gcLeaf(teedataobject),
  zip_longest: gcLeaf(ziplongestobject),
  product: indexedLeaf(productobject),
  combinations: indexedLeaf(combinationsobject),
  combinations_with_replacement: indexedLeaf(cwrobject),
  permutations: indexedLeaf(permutationsobject),
  pairwise: gcLeaf(pairwiseobject),
};
