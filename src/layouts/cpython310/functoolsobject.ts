// Modules/_functoolsmodule.c and Modules/_operator.c: the objects of
// functools.partial, the _lru_cache_wrapper lru_cache returns, cmp_to_key's
// KeyWrapper, and operator's itemgetter, attrgetter and methodcaller, keyed by
// type(x).__name__, for each version that lays one out differently (3.10 is the
// base). None has a __sizeof__: getsizeof is tp_basicsize plus PyGC_Head. The
// lru wrapper's cache dict and linked list are its own allocations, which
// neither getsizeof nor the deep walk (it is no container) sees.
//
// This file stays free of runtime imports from ./leaves.ts (which spreads these
// tables into its own), so that the two never form an import cycle.
import { cstruct, field, padding, type CField, type CStruct } from "../struct.js";
import type { LeafType } from "./leaves.js";
import { ptr, PyObjectStruct, SIZEOF, ssize } from "./platform.js";

const HEAD = { embed: PyObjectStruct } as const;
const gcLeaf = (struct: CStruct): LeafType => ({ struct, gc: true });
const int = (name: string): CField => field(name, "int", SIZEOF.int);
const vectorcall = ptr("vectorcall", "vectorcallfunc");

/** partialobject: a vectorcall pointer from 3.9 (3.8: the use_fastcall flag). */
const partialobject = cstruct("partialobject", [HEAD, ptr("fn"), ptr("args"), ptr("kw"), ptr("dict"), ptr("weakreflist"), vectorcall]);
const partialobject38 = cstruct("partialobject", [HEAD, ptr("fn"), ptr("args"), ptr("kw"), ptr("dict"), ptr("weakreflist"), int("use_fastcall"), padding(4)]);

/** lru_list_elem, the root of the cache's linked list, embedded at the start of lru_cache_object. */
const lruListElem = [HEAD, ptr("prev", "struct lru_list_elem *"), ptr("next", "struct lru_list_elem *"), ssize("hash", "Py_hash_t"), ptr("key"), ptr("result")] as const;
const lruHead = [...lruListElem, ptr("wrapper", "lru_cache_ternaryfunc"), int("typed"), padding(4), ptr("cache"), ssize("hits"), ptr("func"), ssize("maxsize"), ssize("misses")] as const;
/** 3.10 keeps the kwd_mark and the list element type in the object (module state). */
const lru_cache_object = cstruct("lru_cache_object", [...lruHead, ptr("kwd_mark"), ptr("lru_list_elem_type", "PyTypeObject *"), ptr("cache_info_type"), ptr("dict"), ptr("weakreflist")]);
const lru_cache_object39 = cstruct("lru_cache_object", [...lruHead, ptr("cache_info_type"), ptr("dict"), ptr("weakreflist")]);
const lru_cache_object38 = cstruct("lru_cache_object", [...lruHead, ptr("cache_info_type"), ptr("dict")]);

/** keyobject: GC-tracked from 3.10. */
const keyobject = cstruct("keyobject", [HEAD, ptr("cmp"), ptr("object")]);

/** Modules/_operator.c: a vectorcall pointer on itemgetter and attrgetter from 3.11, methodcaller's vectorcall arguments from 3.13. */
const itemgetterobject = cstruct("itemgetterobject", [HEAD, ssize("nitems"), ptr("item"), ssize("index")]);
const itemgetterobject311 = cstruct("itemgetterobject", [HEAD, ssize("nitems"), ptr("item"), ssize("index"), vectorcall]);
const attrgetterobject = cstruct("attrgetterobject", [HEAD, ssize("nattrs"), ptr("attr")]);
const attrgetterobject311 = cstruct("attrgetterobject", [HEAD, ssize("nattrs"), ptr("attr"), vectorcall]);
const methodcallerobject = cstruct("methodcallerobject", [HEAD, ptr("name"), ptr("args"), ptr("kwds")]);
const methodcallerobject313 = cstruct("methodcallerobject", [HEAD, ptr("name"), ptr("args"), ptr("kwds"), ptr("vectorcall_args"), ptr("vectorcall_kwnames"), vectorcall]);

export const functoolsLeafTypes: Readonly<Record<string, LeafType>> = {
  partial: gcLeaf(partialobject),
  _lru_cache_wrapper: gcLeaf(lru_cache_object),
  KeyWrapper: gcLeaf(keyobject),
  itemgetter: gcLeaf(itemgetterobject),
  attrgetter: gcLeaf(attrgetterobject),
  methodcaller: gcLeaf(methodcallerobject),
};

export const functoolsLeafTypes39: Readonly<Record<string, LeafType>> = {
  ...functoolsLeafTypes,
  _lru_cache_wrapper: gcLeaf(lru_cache_object39),
  KeyWrapper: { struct: keyobject, gc: false },
};

export const functoolsLeafTypes38: Readonly<Record<string, LeafType>> = {
  ...functoolsLeafTypes39,
  partial: gcLeaf(partialobject38),
  _lru_cache_wrapper: gcLeaf(lru_cache_object38),
};

export const functoolsLeafTypes311: Readonly<Record<string, LeafType>> = {
  ...functoolsLeafTypes,
  itemgetter: gcLeaf(itemgetterobject311),
  attrgetter: gcLeaf(attrgetterobject311),
};

export const functoolsLeafTypes313: Readonly<Record<string, LeafType>> = {
  ...functoolsLeafTypes311,
  methodcaller: gcLeaf(methodcallerobject313),
};

/** The functools and operator types are heap types (PyType_FromModuleAndSpec) from 3.10. */
export const FUNCTOOLS_HEAP_TYPES: readonly string[] = Object.keys(functoolsLeafTypes);
