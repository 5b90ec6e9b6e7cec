// The leaf objects whose structs 3.11 lays out differently from 3.10
// (Objects/enumobject.c, Include/cpython/funcobject.h of 3.11).
import { cstruct, field, padding } from "../struct.js";
import { seqIter } from "../cpython310/leaves.js";
import { HEAD, leaf, leafTypes as leafTypes310, PyWeakReference, RandomObjectFields, type LeafType } from "../cpython310/leaves.js";
import { ptr, ssize } from "../cpython310/platform.js";
import { PyTypeObjectStruct } from "../cpython310/PyTypeObject.js";
import { MANAGED_DICT_PREHEADER } from "./PyHeapTypeObject.js";
import { functoolsLeafTypes311 } from "../cpython310/functoolsobject.js";

/** PyException_HEAD gains the notes list (add_note), after args. */
export const PyBaseExceptionObject = cstruct("PyBaseExceptionObject", [
  HEAD,
  ptr("dict"),
  ptr("args"),
  ptr("notes"),
  ptr("traceback"),
  ptr("context"),
  ptr("cause"),
  field("suppress_context", "char", 1),
  padding(7),
]);

/** enumobject gains `one`, the cached int 1 its long index adds. */
const enumobject = cstruct("enumobject", [HEAD, ssize("en_index"), ptr("en_sit"), ptr("en_result"), ptr("en_longindex"), ptr("one")]);

/** PyFunctionObject gains func_version. */
const PyFunctionObject = cstruct("PyFunctionObject", [
  HEAD,
  ...["func_globals", "func_builtins", "func_name", "func_qualname", "func_code", "func_defaults", "func_kwdefaults", "func_closure", "func_doc", "func_dict", "func_weakreflist", "func_module", "func_annotations"].map((n) => ptr(n)),
  ptr("vectorcall", "vectorcallfunc"),
  field("func_version", "uint32_t", 4),
  padding(4),
]);

/** Lib/collections/__init__.py: ChainMap, a Python class whose __dict__ is managed (the pre-header words, counted here) and __weakref__ a member. */
const ChainMap = cstruct("ChainMap instance", [MANAGED_DICT_PREHEADER, HEAD, ptr("__weakref__")]);
const Random = cstruct("Random instance", [MANAGED_DICT_PREHEADER, HEAD, ...RandomObjectFields, ptr("__weakref__")]);

/** The leaves, less the generator, coroutine and async generator: their size follows their code's frame from 3.11 (layout.generatorFrame). */
const { generator: _generator, coroutine: _coroutine, async_generator: _asyncGenerator, ...rest } = leafTypes310;

/** Include/cpython/weakrefobject.h of 3.11: weakref.ref is called through vectorcall. */
const PyWeakReference311 = cstruct("PyWeakReference", [{ embed: PyWeakReference }, ptr("vectorcall", "vectorcallfunc")]);

export const leafTypes: Readonly<Record<string, LeafType>> = {
  ...rest,
  ReferenceType: leaf(PyWeakReference311, true),
  // Static types count as GC objects for getsizeof from 3.11.
  type: leaf(PyTypeObjectStruct, true),
  str_ascii_iterator: leaf(seqIter("unicodeiterobject", "PyObject *"), true),
  ChainMap: leaf(ChainMap, true),
  Random: leaf(Random, true),
  enumerate: leaf(enumobject, true),
  function: leaf(PyFunctionObject, true),
  ...functoolsLeafTypes311,
};
