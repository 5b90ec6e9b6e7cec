// The leaf objects whose structs 3.9 lays out differently from 3.10
// (Include/funcobject.h, genobject.h, Python/bltinmodule.c, Objects/descrobject.c
// of 3.9): no func_builtins, a gi_running flag, no zip `strict`, no property name.
import { cstruct, field, padding } from "../struct.js";
import { HEAD, leaf, leafTypes as leafTypes310, PyWeakReference, type LeafType } from "../cpython310/leaves.js";
import { ptr, SIZEOF, ssize } from "../cpython310/platform.js";
import { functoolsLeafTypes39 } from "../cpython310/functoolsobject.js";
import { structLeafTypes } from "../cpython310/structobject.js";
import { ioLeafTypes } from "../cpython310/ioobjects.js";
import { sreLeafTypes } from "../cpython310/sreobject.js";
import { coroutineLeafTypes } from "../cpython310/genobject.js";

const PyFunctionObject = cstruct("PyFunctionObject", [
  HEAD,
  ...["func_code", "func_globals", "func_defaults", "func_kwdefaults", "func_closure", "func_doc", "func_name", "func_dict", "func_weakreflist", "func_module", "func_annotations", "func_qualname"].map((n) => ptr(n)),
  ptr("vectorcall", "vectorcallfunc"),
]);

const PyGenObject = cstruct("PyGenObject", [
  HEAD,
  ptr("gi_frame", "PyFrameObject *"),
  field("gi_running", "char", 1),
  padding(7),
  ptr("gi_code"),
  ptr("gi_weakreflist"),
  ptr("gi_name"),
  ptr("gi_qualname"),
  ptr("gi_exc_state.exc_type"),
  ptr("gi_exc_state.exc_value"),
  ptr("gi_exc_state.exc_traceback"),
  ptr("gi_exc_state.previous_item", "struct _err_stackitem *"),
]);

/** Lib/dataclasses.py: Field's 10 __slots__ (kw_only came in 3.10). */
const Field = cstruct("Field instance", [
  HEAD,
  ...["name", "type", "default", "default_factory", "repr", "hash", "init", "compare", "metadata", "_field_type"].map((n) => ptr(n)),
]);

const zipobject = cstruct("zipobject", [HEAD, ssize("tuplesize"), ptr("ittuple"), ptr("result")]);

const propertyobject = cstruct("propertyobject", [HEAD, ptr("prop_get"), ptr("prop_set"), ptr("prop_del"), ptr("prop_doc"), field("getter_doc", "int", SIZEOF.int), padding(4)]);

const { ReferenceType: _referenceType, ...rest310 } = leafTypes310;

export const leafTypes: Readonly<Record<string, LeafType>> = {
  ...rest310,
  // The same struct; its type was named weakref before 3.10.
  weakref: leaf(PyWeakReference, true),
  function: leaf(PyFunctionObject, true),
  generator: leaf(PyGenObject, true),
  ...coroutineLeafTypes(true),
  zip: leaf(zipobject, true),
  property: leaf(propertyobject, true),
  Field: leaf(Field, true),
  ...functoolsLeafTypes39,
  // _struct's types gained tp_traverse (and so the GC header) with 3.10's heap types.
  ...structLeafTypes(false),
  // _csv's types became GC-tracked heap types in 3.10.
  ...ioLeafTypes(false),
  ...sreLeafTypes(false),
};
