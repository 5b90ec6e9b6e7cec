// The objects pymem treats as leaves: iterators, views, functions, types,
// modules and other fixed-size objects. getsizeof of each is its
// tp_basicsize (object.__sizeof__), plus PyGC_Head when the type is
// GC-tracked; the structs are those of Objects/*.c and Modules/*.c in 3.10.
import { cstruct, field, padding, type CStruct } from "../struct.js";
import { ptr, PyGC_Head, PyObjectStruct, PyVarObjectStruct, SIZEOF, ssize } from "./platform.js";
import { PyTypeObjectStruct } from "./PyTypeObject.js";
import { itertoolsLeafTypes } from "./itertoolsobject.js";
import { functoolsLeafTypes } from "./functoolsobject.js";
import { structLeafTypes } from "./structobject.js";
import { ioLeafTypes } from "./ioobjects.js";
import { sreLeafTypes } from "./sreobject.js";
import { coroutineLeafTypes } from "./genobject.js";

export const HEAD = { embed: PyObjectStruct } as const;

export interface LeafType {
  readonly struct: CStruct;
  /** Py_TPFLAGS_HAVE_GC: getsizeof adds PyGC_Head. */
  readonly gc: boolean;
}

export function leaf(struct: CStruct, gc: boolean): LeafType {
  return { struct, gc };
}

/** Include/object.h: None, Ellipsis and NotImplemented are bare PyObjects. */
const singleton = cstruct("PyObject", [HEAD]);
/** Objects/rangeobject.c. */
export const rangeobjectStruct = cstruct("rangeobject", [HEAD, ptr("start"), ptr("stop"), ptr("step"), ptr("length")]);
const rangeiterobject = cstruct("rangeiterobject", [HEAD, field("index", "long", SIZEOF.long), field("start", "long", SIZEOF.long), field("step", "long", SIZEOF.long), field("len", "long", SIZEOF.long)]);
const longrangeiterobject = cstruct("longrangeiterobject", [HEAD, ptr("index"), ptr("start"), ptr("step"), ptr("len")]);
/** Objects/sliceobject.c (Include/sliceobject.h). */
const PySliceObject = cstruct("PySliceObject", [HEAD, ptr("start"), ptr("stop"), ptr("step")]);
/** The sequence iterators: an index and the sequence (listobject.c, tupleobject.c, unicodeobject.c, bytesobject.c, bytearrayobject.c, iterobject.c). */
export function seqIter(name: string, seqType: string): CStruct {
  return cstruct(name, [HEAD, ssize("it_index"), ptr("it_seq", seqType)]);
}
/** Objects/setobject.c. */
const setiterobject = cstruct("setiterobject", [HEAD, ptr("si_set", "PySetObject *"), ssize("si_used"), ssize("si_pos"), ssize("len")]);
/** Objects/dictobject.c: all six dict iterators. */
const dictiterobject = cstruct("dictiterobject", [HEAD, ptr("di_dict", "PyDictObject *"), ssize("di_used"), ssize("di_pos"), ptr("di_result"), ssize("len")]);
/** Include/cpython/dictobject.h: keys(), values(), items() views, of dicts and OrderedDicts. */
const _PyDictViewObject = cstruct("_PyDictViewObject", [HEAD, ptr("dv_dict", "PyDictObject *")]);
/** Objects/iterobject.c. */
const calliterobject = cstruct("calliterobject", [HEAD, ptr("it_callable"), ptr("it_sentinel")]);
/** Python/bltinmodule.c. */
const mapobject = cstruct("mapobject", [HEAD, ptr("iters"), ptr("func")]);
const filterobject = cstruct("filterobject", [HEAD, ptr("func"), ptr("it")]);
const zipobject = cstruct("zipobject", [HEAD, ssize("tuplesize"), ptr("ittuple"), ptr("result"), field("strict", "int", SIZEOF.int), padding(4)]);
/** Objects/enumobject.c. */
const enumobject = cstruct("enumobject", [HEAD, ssize("en_index"), ptr("en_sit"), ptr("en_result"), ptr("en_longindex")]);
const reversedobject = cstruct("reversedobject", [HEAD, ssize("index"), ptr("seq")]);
/** Include/genobject.h: _PyGenObject_HEAD(gi), its exception state a _PyErr_StackItem. */
const PyGenObject = cstruct("PyGenObject", [
  HEAD,
  ptr("gi_frame", "PyFrameObject *"),
  ptr("gi_code"),
  ptr("gi_weakreflist"),
  ptr("gi_name"),
  ptr("gi_qualname"),
  ptr("gi_exc_state.exc_type"),
  ptr("gi_exc_state.exc_value"),
  ptr("gi_exc_state.exc_traceback"),
  ptr("gi_exc_state.previous_item", "struct _err_stackitem *"),
]);
/** Include/methodobject.h. */
const PyCFunctionObject = cstruct("PyCFunctionObject", [HEAD, ptr("m_ml", "PyMethodDef *"), ptr("m_self"), ptr("m_module"), ptr("m_weakreflist"), ptr("vectorcall", "vectorcallfunc")]);
/** Objects/moduleobject.c. */
const PyModuleObject = cstruct("PyModuleObject", [HEAD, ptr("md_dict"), ptr("md_def", "struct PyModuleDef *"), ptr("md_state", "void *"), ptr("md_weaklist"), ptr("md_name")]);
/** Include/funcobject.h: PyObject_HEAD, COMMON_FIELDS(func_), then the rest. */
const PyFunctionObject = cstruct("PyFunctionObject", [
  HEAD,
  ...["func_globals", "func_builtins", "func_name", "func_qualname", "func_code", "func_defaults", "func_kwdefaults", "func_closure", "func_doc", "func_dict", "func_weakreflist", "func_module", "func_annotations"].map((n) => ptr(n)),
  ptr("vectorcall", "vectorcallfunc"),
]);
/** Include/cpython/methodobject.h: a METH_METHOD function bound to an object, which also keeps its defining class. */
const PyCMethodObject = cstruct("PyCMethodObject", [{ embed: PyCFunctionObject }, ptr("mm_class", "PyTypeObject *")]);
/** Include/descrobject.h: PyDescr_COMMON, what every descriptor of a C type's __dict__ starts with. */
const PyDescr_COMMON = [HEAD, ptr("d_type", "PyTypeObject *"), ptr("d_name"), ptr("d_qualname")] as const;
/** A slot wrapper (int.__add__): the slotdef and the C function it wraps. */
const PyWrapperDescrObject = cstruct("PyWrapperDescrObject", [...PyDescr_COMMON, ptr("d_base", "struct wrapperbase *"), ptr("d_wrapped", "void *")]);
/** A PyMethodDef in a type's dict (str.join), and a METH_CLASS one (dict.__dict__['fromkeys']). */
const PyMethodDescrObject = cstruct("PyMethodDescrObject", [...PyDescr_COMMON, ptr("d_method", "PyMethodDef *"), ptr("vectorcall", "vectorcallfunc")]);
/** Include/classobject.h: a bound method. */
const PyMethodObject = cstruct("PyMethodObject", [HEAD, ptr("im_func"), ptr("im_self"), ptr("im_weakreflist"), ptr("vectorcall", "vectorcallfunc")]);
/** Objects/descrobject.c. */
const wrapperobject = cstruct("wrapperobject", [HEAD, ptr("descr", "PyWrapperDescrObject *"), ptr("self")]);
/** Include/descrobject.h: PyDescr_COMMON then the member. */
const PyMemberDescrObject = cstruct("PyMemberDescrObject", [HEAD, ptr("d_type", "PyTypeObject *"), ptr("d_name"), ptr("d_qualname"), ptr("d_member", "PyMemberDef *")]);
/** Include/descrobject.h: PyDescr_COMMON then the getset (a class's __dict__ and __weakref__). */
const PyGetSetDescrObject = cstruct("PyGetSetDescrObject", [HEAD, ptr("d_type", "PyTypeObject *"), ptr("d_name"), ptr("d_qualname"), ptr("d_getset", "PyGetSetDef *")]);
const mappingproxyobject = cstruct("mappingproxyobject", [HEAD, ptr("mapping")]);
/** Objects/funcobject.c. */
const classmethod = cstruct("classmethod", [HEAD, ptr("cm_callable"), ptr("cm_dict")]);
const staticmethod = cstruct("staticmethod", [HEAD, ptr("sm_callable"), ptr("sm_dict")]);
/** Include/cpython/pyerrors.h: PyException_HEAD, what every builtin exception starts with (a subclass's own members follow). */
export const PyBaseExceptionObject = cstruct("PyBaseExceptionObject", [
  HEAD,
  ptr("dict"),
  ptr("args"),
  ptr("traceback"),
  ptr("context"),
  ptr("cause"),
  field("suppress_context", "char", 1),
  padding(7),
]);
/** Include/datetime.h: the datetime module's objects (hashcode cached; the date/time fields packed in bytes). */
const hashcode = field("hashcode", "Py_hash_t", SIZEOF.pointer);
const PyDateTime_Delta = cstruct("PyDateTime_Delta", [HEAD, hashcode, field("days", "int", SIZEOF.int), field("seconds", "int", SIZEOF.int), field("microseconds", "int", SIZEOF.int), padding(4)]);
const PyDateTime_Date = cstruct("PyDateTime_Date", [HEAD, hashcode, field("hastzinfo", "char", 1), field("data", "unsigned char[4]", 4), padding(3)]);
const PyDateTime_Time = cstruct("PyDateTime_Time", [HEAD, hashcode, field("hastzinfo", "char", 1), field("data", "unsigned char[6]", 6), field("fold", "unsigned char", 1), ptr("tzinfo")]);
const PyDateTime_DateTime = cstruct("PyDateTime_DateTime", [HEAD, hashcode, field("hastzinfo", "char", 1), field("data", "unsigned char[10]", 10), field("fold", "unsigned char", 1), padding(4), ptr("tzinfo")]);
/** Modules/_datetimemodule.c: datetime.timezone. */
const PyDateTime_TimeZone = cstruct("PyDateTime_TimeZone", [HEAD, ptr("offset"), ptr("name")]);
/** Include/cellobject.h: a cell (a free variable's box; f.__closure__'s items). */
const PyCellObject = cstruct("PyCellObject", [HEAD, ptr("ob_ref")]);
/** Objects/typeobject.c: what super(type, obj) holds. */
/** Include/cpython/weakrefobject.h: _PyWeakReference (weakref.ref; the type is named ReferenceType from 3.10). */
export const PyWeakReference = cstruct("PyWeakReference", [HEAD, ptr("wr_object"), ptr("wr_callback"), ssize("hash"), ptr("wr_prev", "PyWeakReference *"), ptr("wr_next", "PyWeakReference *")]);
const superobject = cstruct("superobject", [HEAD, ptr("type", "PyTypeObject *"), ptr("obj"), ptr("obj_type", "PyTypeObject *")]);
/** Objects/descrobject.c. */
const propertyobject = cstruct("propertyobject", [HEAD, ptr("prop_get"), ptr("prop_set"), ptr("prop_del"), ptr("prop_doc"), ptr("prop_name"), field("getter_doc", "int", SIZEOF.int), padding(4)]);
/** Include/memoryobject.h, with the Py_buffer view (Include/cpython/object.h) member by member; tp_basicsize stops at ob_array, tp_itemsize is a Py_ssize_t and a 1-d view has ob_size 3 (shape, strides, suboffsets). */
const PyMemoryViewObject = cstruct("PyMemoryViewObject", [
  { embed: PyVarObjectStruct },
  ptr("mbuf", "_PyManagedBufferObject *"),
  ssize("hash", "Py_hash_t"),
  field("flags", "int", SIZEOF.int),
  padding(4),
  ssize("exports"),
  ptr("view.buf", "void *"),
  ptr("view.obj"),
  ssize("view.len"),
  ssize("view.itemsize"),
  field("view.readonly", "int", SIZEOF.int),
  field("view.ndim", "int", SIZEOF.int),
  ptr("view.format", "char *"),
  ptr("view.shape", "Py_ssize_t *"),
  ptr("view.strides", "Py_ssize_t *"),
  ptr("view.suboffsets", "Py_ssize_t *"),
  ptr("view.internal", "void *"),
  ptr("weakreflist"),
  field("ob_array", "Py_ssize_t[3]", 3 * SIZEOF.Py_ssize_t),
]);
/** Modules/_collectionsmodule.c. */
const dequeiterobject = cstruct("dequeiterobject", [HEAD, ssize("index"), ptr("b", "block *"), ptr("deque", "dequeobject *"), field("state", "size_t", SIZEOF.size_t), ssize("counter")]);
const _tuplegetterobject = cstruct("_tuplegetterobject", [HEAD, ssize("index"), ptr("doc")]);
/** Objects/odictobject.c. */
const odictiterobject = cstruct("odictiterobject", [
  HEAD,
  ptr("di_odict", "PyODictObject *"),
  ssize("di_size"),
  field("di_state", "size_t", SIZEOF.size_t),
  ptr("di_current"),
  ptr("di_result"),
  field("kind", "int", SIZEOF.int),
  padding(4),
]);
/** Modules/itertoolsmodule.c: itertools.chain (what Counter.elements returns). */
const chainobject = cstruct("chainobject", [HEAD, ptr("source"), ptr("active")]);
/** Modules/arraymodule.c. */
const arrayiterobject = cstruct("arrayiterobject", [HEAD, ssize("index"), ptr("ao", "arrayobject *"), ptr("getitem", "PyObject * (*)(arrayobject *, Py_ssize_t)")]);
/** Lib/dataclasses.py: Field's 11 __slots__, one pointer each (type_new). */
const Field = cstruct("Field instance", [
  HEAD,
  ...["name", "type", "default", "default_factory", "repr", "hash", "init", "compare", "metadata", "kw_only", "_field_type"].map((n) => ptr(n)),
]);
/** Lib/collections/__init__.py: ChainMap, a Python class without __slots__ (type_new adds __dict__ and __weakref__). */
const ChainMap = cstruct("ChainMap instance", [HEAD, ptr("__dict__"), ptr("__weakref__")]);
/** Lib/_collections_abc.py: KeysView, ItemsView, ValuesView: MappingView's one slot, `_mapping` (type_new). */
const MappingView = cstruct("MappingView instance", [HEAD, ptr("_mapping")]);
/** Modules/_hashopenssl.c: hashlib's HASH objects, the OpenSSL digest context and its lock (not GC-tracked). */
const EVPobject = cstruct("EVPobject", [HEAD, ptr("ctx", "EVP_MD_CTX *"), ptr("lock", "PyThread_type_lock")]);
/** Modules/_randommodule.c: the Mersenne Twister's state inline (index, then 624 32-bit words). */
export const RandomObjectFields = [field("index", "int", SIZEOF.int), field("state", "uint32_t[624]", 624 * 4), padding(4)];
/** Lib/random.py: random.Random, a Python class over _random.Random (type_new adds __dict__ and __weakref__). */
const Random = cstruct("Random instance", [HEAD, ...RandomObjectFields, ptr("__dict__"), ptr("__weakref__")]);

export const leafTypes: Readonly<Record<string, LeafType>> = {
  NoneType: leaf(singleton, false),
  ellipsis: leaf(singleton, false),
  NotImplementedType: leaf(singleton, false),
  range: leaf(rangeobjectStruct, false),
  slice: leaf(PySliceObject, true),
  list_iterator: leaf(seqIter("listiterobject", "PyListObject *"), true),
  chain: leaf(chainobject, true),
  list_reverseiterator: leaf(seqIter("listreviterobject", "PyListObject *"), true),
  tuple_iterator: leaf(seqIter("tupleiterobject", "PyTupleObject *"), true),
  range_iterator: leaf(rangeiterobject, false),
  longrange_iterator: leaf(longrangeiterobject, false),
  str_iterator: leaf(seqIter("unicodeiterobject", "PyObject *"), true),
  bytes_iterator: leaf(seqIter("striterobject", "PyBytesObject *"), true),
  bytearray_iterator: leaf(seqIter("bytesiterobject", "PyByteArrayObject *"), true),
  set_iterator: leaf(setiterobject, true),
  dict_keyiterator: leaf(dictiterobject, true),
  dict_valueiterator: leaf(dictiterobject, true),
  dict_itemiterator: leaf(dictiterobject, true),
  dict_reversekeyiterator: leaf(dictiterobject, true),
  dict_reversevalueiterator: leaf(dictiterobject, true),
  dict_reverseitemiterator: leaf(dictiterobject, true),
  callable_iterator: leaf(calliterobject, true),
  iterator: leaf(seqIter("seqiterobject", "PyObject *"), true),
  map: leaf(mapobject, true),
  filter: leaf(filterobject, true),
  zip: leaf(zipobject, true),
  enumerate: leaf(enumobject, true),
  reversed: leaf(reversedobject, true),
  generator: leaf(PyGenObject, true),
  ...coroutineLeafTypes(false),
  dict_keys: leaf(_PyDictViewObject, true),
  dict_values: leaf(_PyDictViewObject, true),
  dict_items: leaf(_PyDictViewObject, true),
  builtin_function_or_method: leaf(PyCFunctionObject, true),
  type: leaf(PyTypeObjectStruct, false),
  module: leaf(PyModuleObject, true),
  function: leaf(PyFunctionObject, true),
  method: leaf(PyMethodObject, true),
  "method-wrapper": leaf(wrapperobject, true),
  builtin_method: leaf(PyCMethodObject, true),
  wrapper_descriptor: leaf(PyWrapperDescrObject, true),
  method_descriptor: leaf(PyMethodDescrObject, true),
  classmethod_descriptor: leaf(PyMethodDescrObject, true),
  Field: leaf(Field, true),
  member_descriptor: leaf(PyMemberDescrObject, true),
  getset_descriptor: leaf(PyGetSetDescrObject, true),
  _tuplegetter: leaf(_tuplegetterobject, true),
  mappingproxy: leaf(mappingproxyobject, true),
  classmethod: leaf(classmethod, true),
  staticmethod: leaf(staticmethod, true),
  property: leaf(propertyobject, true),
  super: leaf(superobject, true),
  date: leaf(PyDateTime_Date, false),
  datetime: leaf(PyDateTime_DateTime, false),
  time: leaf(PyDateTime_Time, false),
  timedelta: leaf(PyDateTime_Delta, false),
  timezone: leaf(PyDateTime_TimeZone, false),
  ReferenceType: leaf(PyWeakReference, true),
  cell: leaf(PyCellObject, true),
  memoryview: leaf(PyMemoryViewObject, true),
  _deque_iterator: leaf(dequeiterobject, true),
  _deque_reverse_iterator: leaf(dequeiterobject, true),
  ChainMap: leaf(ChainMap, true),
  KeysView: leaf(MappingView, true),
  ItemsView: leaf(MappingView, true),
  ValuesView: leaf(MappingView, true),
  Random: leaf(Random, true),
  HASH: leaf(EVPobject, false),
  odict_iterator: leaf(odictiterobject, true),
  arrayiterator: leaf(arrayiterobject, true),
  odict_keys: leaf(_PyDictViewObject, true),
  odict_values: leaf(_PyDictViewObject, true),
  odict_items: leaf(_PyDictViewObject, true),
  ...itertoolsLeafTypes,
  ...functoolsLeafTypes,
  ...structLeafTypes(true),
  ...ioLeafTypes(true),
  ...sreLeafTypes(true),
};

/** getsizeof of each leaf type, by type name. */
export function leafSizesOf(types: Readonly<Record<string, LeafType>>): Readonly<Record<string, number>> {
  return Object.fromEntries(Object.entries(types).map(([name, t]) => [name, t.struct.size + (t.gc ? PyGC_Head : 0)]));
}

export const leafSizes = leafSizesOf(leafTypes);
