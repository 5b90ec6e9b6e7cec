// Attribute access on class instances, as PyObject_GenericGetAttr and
// PyObject_GenericSetAttr do it: data descriptors (property, a setup class's
// __set__/__delete__) first, then slots, then the instance dict (key-sharing),
// then non-data class attributes, bound as methods where they are functions.
import { classOfValue } from "./typeObjects.js";
import { noteReleasedItem, othersMaybeAllFreed, releasesNoted, sharerCensus, sharerLivenessUnknown } from "./liveSharers.js";
import { callObject, emptyKwargs } from "./calls.js";
import { classmethods, lookupClassAttr, slotDelete, slotGet, slotOwnerOf, slotSet } from "./classes.js";
import { intern } from "./constPool.js";
import { ctx } from "./ctx.js";
import { dictDelete, dictGet, dictSet, newDict } from "./dicts.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { makeKeysShared } from "./instanceDict.js";
import { dropPackedAttrs, instanceDict, instanceDictGet, packedAttrStore } from "./instanceValues.js";
import { hasManagedValues, managedStore, materializeManaged } from "./managedValues.js";
import { pyStr, typeName, type DictOwner, type PyClassObj, type PyInstanceObj, type PyObj, type PyOpaqueObj, type PyStrObj, type PyTupleObj } from "./objects.js";
import { callDunder, isUserObj, lookupDunder } from "./userDunders.js";
import { propertyAccessor } from "./opaqueObjects.js";
import { nativeSlots } from "./nativeObjects.js";
import { strText } from "./text.js";
import { materialize } from "./seq.js";

/** Attribute names are interned, as PyObject_SetAttr does with its name. */
function attrKey(name: string): PyStrObj {
  return intern(pyStr(name));
}

export function getInstanceAttr(inst: PyInstanceObj, name: string): PyObj | undefined {
  // A stdlib class made per evaluation keeps its instances' keys (cachedKeys), so their dicts are modelled; the others are refused.
  if (name === "__dict__" && inst.cls.stdlib === true && inst.cls.cachedKeys === null) throw new PymemError("UNSUPPORTED", `the __dict__ of a ${inst.cls.name} (a standard-library class's instance dict)`);
  if (name === "__dict__" && inst.cls.hasDict) {
    if (inst.owner !== undefined && inst.dict === null && ctx().layout.rules.dictGetMakesPlainDict) inst.dict = newDict();
    return instanceDict(inst);
  }
  if (name === "__class__") return classOfValue(inst);
  // A slot's member descriptor is a data descriptor: it wins when the MRO lookup reaches it.
  if (slotOwnerOf(inst.cls, name) !== undefined) {
    const v = slotGet(inst, name);
    if (v === undefined) throw emptySlotError(inst.cls, name);
    return v;
  }
  const classAttr = lookupClassAttr(inst.cls, name);
  // The Python object: the instance, or the builtin subclass's object it is the instance part of.
  const self = inst.owner ?? inst;
  // A property (data descriptor) on the class wins over the instance dict.
  if (classAttr !== undefined && isProperty(classAttr)) {
    return callObject((classAttr as PyOpaqueObj).data as PyObj, [self], emptyKwargs);
  }
  // So does a data descriptor of a setup class (its class defines __set__ or __delete__).
  const userGet = classAttr !== undefined && isUserObj(classAttr) ? lookupDunder(classAttr, "__get__") : undefined;
  if (classAttr !== undefined && isDataDescriptor(classAttr)) {
    return userGet === undefined ? classAttr : callDunder(classAttr, "__get__", [self, inst.cls]);
  }
  const v = instanceDictGet(inst, name);
  if (v !== undefined) return v;
  if (classAttr === undefined) return undefined;
  if (userGet !== undefined) return callDunder(classAttr, "__get__", [self, inst.cls]);
  const nativeGet = nativeSlots(classAttr)?.get;
  if (nativeGet !== undefined) return nativeGet(inst, name);
  if (classAttr.t === "function") return { t: "method", func: classAttr, self };
  if (classAttr.t === "opaque") {
    if (classAttr.typeName === "staticmethod") return classAttr.data as PyObj;
    if (classAttr.typeName === "classmethod") return { t: "method", func: classAttr.data as PyObj, self: inst.cls };
  }
  return classAttr;
}

/**
 * An attribute of a tuple subclass's object (a namedtuple or NamedTuple class, or a class
 * deriving from one): the fields (_tuplegetter data descriptors), then the generic lookup as for
 * instances — a property or another data descriptor before the instance __dict__, then the
 * class attribute, bound or run through its __get__.
 */
export function getTupleSubclassAttr(tuple: PyTupleObj, name: string): PyObj | undefined {
  const cls = tuple.cls as PyClassObj;
  const i = (cls.tupleFields ?? []).indexOf(name);
  if (i >= 0) return materialize(tuple.items)[i];
  if (name === "__class__") return cls;
  if (name === "__dict__" && cls.hasDict) return instanceDict(tuple as DictOwner);
  const attr = lookupClassAttr(cls, name);
  if (attr !== undefined && isProperty(attr)) return callObject((attr as PyOpaqueObj).data as PyObj, [tuple], emptyKwargs);
  const userGet = attr !== undefined && isUserObj(attr) ? lookupDunder(attr, "__get__") : undefined;
  if (attr !== undefined && isDataDescriptor(attr)) return userGet === undefined ? attr : callDunder(attr, "__get__", [tuple, cls]);
  if (tuple.dict != null) {
    const v = dictGet(tuple.dict, pyStr(name));
    if (v !== undefined) return v;
  }
  if (attr === undefined) return undefined;
  if (classmethods.has(attr)) return { t: "method", func: attr, self: cls };
  if (userGet !== undefined) return callDunder(attr, "__get__", [tuple, cls]);
  const nativeGet = nativeSlots(attr)?.get;
  if (nativeGet !== undefined) return nativeGet(tuple, name);
  if (attr.t === "function") return { t: "method", func: attr, self: tuple };
  if (attr.t === "opaque") {
    if (attr.typeName === "staticmethod") return attr.data as PyObj;
    if (attr.typeName === "classmethod") return { t: "method", func: attr.data as PyObj, self: cls };
  }
  return attr;
}

/** A setup-class object whose class defines __set__ or __delete__ (PyDescr_IsData). */
function isDataDescriptor(o: PyObj): boolean {
  return isUserObj(o) && (lookupDunder(o, "__set__") !== undefined || lookupDunder(o, "__delete__") !== undefined);
}

function isProperty(o: PyObj): boolean {
  return o.t === "opaque" && o.typeName === "property";
}

/**
 * property_descr_set without a setter (none is modelled). `named`: the class
 * statement ran __set_name__ on the property (a NamedTuple class copies its
 * namespace into a namedtuple class, which does not).
 */
function propertyError(op: "set" | "delete", name: string, named: boolean): PyException {
  const suffix = named && ctx().layout.rules.propertyErrorNamesAttribute ? ` '${name}'` : "";
  return new PyException("AttributeError", `can't ${op} attribute${suffix}`);
}

function frozenError(name: string): PyException {
  return new PyException("FrozenInstanceError", `cannot assign to field '${name}'`);
}

/** object.__setattr__: a slot, else the instance dict (key-sharing), else AttributeError. */
export function setInstanceAttrValue(inst: PyInstanceObj, name: string, value: PyObj, bypassFrozen = false): void {
  if (inst.cls.frozen && !bypassFrozen) throw frozenError(name);
  if (slotOwnerOf(inst.cls, name) !== undefined) {
    slotSet(inst, name, value);
    return;
  }
  const desc = lookupClassAttr(inst.cls, name);
  const self = inst.owner ?? inst;
  if (desc !== undefined && isDataDescriptor(desc)) {
    // PyObject_GenericSetAttr: a data descriptor's __set__ takes the assignment.
    if (callDunder(desc, "__set__", [self, value]) === undefined) throw new PyException("AttributeError", "__set__");
    return;
  }
  // A property is a data descriptor too: without a setter (none is modelled) its __set__ refuses.
  if (desc !== undefined && isProperty(desc)) {
    const fset = propertyAccessor(desc, "fset");
    if (fset.t === "NoneType") throw propertyError("set", name, true);
    callObject(fset, [self, value], emptyKwargs);
    return;
  }
  // object's __class__ getset (object_set_class): the type changes, and from 3.11 the managed dict is
  // materialized first (3.13 also detaches it); not modelled, never stored as a dict entry.
  if (name === "__class__" && desc === undefined) throw new PymemError("UNSUPPORTED", `assigning __class__ of a ${inst.cls.name} instance (object_set_class)`);
  if (name === "__dict__" && inst.cls.hasDict) {
    if (value.t !== "dict") throw typeError(`__dict__ must be set to a dictionary, not a '${typeName(value)}'`);
    // From 3.11 subtype_setdict first makes the dict from the managed values (then drops it).
    if (hasManagedValues(inst)) materializeManaged(inst);
    if (inst.dict?.split != null) inst.dict.split.refcnt--;
    if (inst.attrKeys !== null) inst.attrKeys.refcnt--;
    dropPackedAttrs(inst);
    inst.dict = value;
    return;
  }
  if (!inst.cls.hasDict) throw noDictError(inst, name);
  // The value an attribute held goes with its last reference: a sharer only it reached may be freed.
  if (releasesNoted()) noteReleasedItem(instanceDictGet(inst, name));
  setInstanceAttr(inst, attrKey(name), value);
}

type TupleOfClass = PyTupleObj & { readonly cls: PyClassObj };

/**
 * object.__setattr__ on an instance of a tuple subclass. Its fields are
 * _tuplegetter data descriptors ("can't set attribute"); anything else goes to
 * the instance __dict__ when the class has one: a var-sized base such as tuple
 * cannot take nonempty __slots__, but unless __slots__ says otherwise type_new
 * gives it a __dict__, placed after the items (tp_dictoffset < 0).
 */
export function setTupleSubclassAttr(t: TupleOfClass, name: string, value: PyObj): void {
  const desc = lookupClassAttr(t.cls, name);
  if (desc !== undefined && isDataDescriptor(desc)) {
    if (callDunder(desc, "__set__", [t, value]) === undefined) throw new PyException("AttributeError", "__set__");
    return;
  }
  if (desc !== undefined && isProperty(desc)) throw propertyError("set", name, t.cls.tupleFields === null);
  if (t.cls.tupleFields?.includes(name)) throw new PyException("AttributeError", "can't set attribute");
  if (name === "__dict__" && t.cls.hasDict) {
    if (value.t !== "dict") throw typeError(`__dict__ must be set to a dictionary, not a '${typeName(value)}'`);
    if (t.dict?.split != null) t.dict.split.refcnt--;
    t.dict = value;
    return;
  }
  if (!t.cls.hasDict) throw noDictError(t, name);
  setInstanceAttr(t, attrKey(name), value);
}

export function delTupleSubclassAttr(t: TupleOfClass, name: string): void {
  const desc = lookupClassAttr(t.cls, name);
  if (desc !== undefined && isDataDescriptor(desc)) {
    if (callDunder(desc, "__delete__", [t]) === undefined) throw new PyException("AttributeError", "__delete__");
    return;
  }
  if (desc !== undefined && isProperty(desc)) throw propertyError("delete", name, t.cls.tupleFields === null);
  if (t.cls.tupleFields?.includes(name)) throw new PyException("AttributeError", "can't delete attribute");
  if (!t.cls.hasDict) throw noDictError(t, name);
  // _PyObjectDict_SetItem allocates the dict if need be; its KeyError becomes AttributeError(name).
  if (dictGet(instanceDict(t), pyStr(name)) === undefined) throw new PyException("AttributeError", name);
  setInstanceAttr(t, attrKey(name), null);
}

export function delInstanceAttr(inst: PyInstanceObj, name: string): void {
  if (inst.cls.frozen) throw new PyException("FrozenInstanceError", `cannot delete field '${name}'`);
  if (slotOwnerOf(inst.cls, name) !== undefined) {
    if (!slotDelete(inst, name)) throw new PyException("AttributeError", name);
    return;
  }
  const desc = lookupClassAttr(inst.cls, name);
  const self = inst.owner ?? inst;
  if (desc !== undefined && isDataDescriptor(desc)) {
    if (callDunder(desc, "__delete__", [self]) === undefined) throw new PyException("AttributeError", "__delete__");
    return;
  }
  if (desc !== undefined && isProperty(desc)) {
    const fdel = propertyAccessor(desc, "fdel");
    if (fdel.t === "NoneType") throw propertyError("delete", name, true);
    callObject(fdel, [self], emptyKwargs);
    return;
  }
  if (!inst.cls.hasDict) throw noDictError(inst, name);
  // _PyObjectDict_SetItem's KeyError becomes AttributeError(name).
  if (instanceDictGet(inst, name) === undefined) {
    failedDelete(inst);
    throw new PyException("AttributeError", name);
  }
  if (releasesNoted()) noteReleasedItem(instanceDictGet(inst, name));
  setInstanceAttr(inst, attrKey(name), null);
}

/**
 * Before 3.11 _PyObjectDict_SetItem, asked to delete, makes the dict from the class's cached
 * keys if need be and stops the class caching keys whether PyDict_DelItem finds the key or not.
 */
function failedDelete(inst: PyInstanceObj): void {
  const cached = inst.cls.cachedKeys;
  if (ctx().layout.rules.managedDicts || cached === null) return;
  instanceDict(inst);
  inst.cls.cachedKeys = null;
  cached.dropped = true;
  cached.refcnt--;
}

/** _PyObjectDict_SetItem: set or delete an attribute in the instance dict, keeping the class's key cache right. */
function setInstanceAttr(inst: DictOwner, key: PyStrObj, value: PyObj | null): void {
  if (ctx().layout.rules.managedDicts) {
    // 3.11+: into the managed values while they can take the name, else into the dict (made from them).
    if (inst.t === "instance" && hasManagedValues(inst) && managedStore(inst, key, value)) return;
    const d = instanceDict(inst);
    if (value === null) dictDelete(d, key);
    else dictSet(d, key, value);
    return;
  }
  if (value !== null && inst.t === "instance" && packedAttrStore(inst, key, value)) return;
  const cls: PyClassObj = inst.cls;
  const cached = cls.cachedKeys;
  const d = instanceDict(inst);
  if (cached === null) {
    if (value === null) dictDelete(d, key);
    else dictSet(d, key, value);
    return;
  }
  if (value === null) {
    dictDelete(d, key);
    if (d.split !== cached) {
      cls.cachedKeys = null;
      cached.dropped = true;
      cached.refcnt--;
    }
    return;
  }
  const wasShared = d.split === cached;
  dictSet(d, key, value);
  if (wasShared && cls.cachedKeys !== null && cls.cachedKeys !== d.split) {
    // Only this dict shared the keys: share its new ones instead; else stop sharing. pymem's count may
    // still hold dicts CPython freed: "else" needs one other sharer proven alive.
    if (cached.refcnt !== 1 && othersMaybeAllFreed(cached.refcnt - 1, sharerCensus(cached, [inst]))) {
      throw sharerLivenessUnknown("an attribute store that makes a class stop sharing its instances' dict keys");
    }
    cls.cachedKeys = cached.refcnt === 1 ? makeKeysShared(d) : null;
    cached.dropped = true;
    cached.refcnt--;
  }
}

/**
 * _PyObject_GenericSetAttrWithDict's error for a set or delete on an object without a __dict__
 * (3.13 adds a hint when the type's tp_setattro is PyObject_GenericSetAttr, not a class's __setattr__).
 */
function noDictError(o: PyObj & { readonly cls: PyClassObj }, name: string): PyException {
  const hint = ctx().layout.rules.noDictSetAttrHint === true && lookupDunder(o, "__setattr__") === undefined && lookupDunder(o, "__delattr__") === undefined;
  return new PyException("AttributeError", `'${o.cls.name}' object has no attribute '${name}'${hint ? " and no __dict__ for setting new attributes" : ""}`);
}

/** member_get's error for an empty slot: the name alone, or naming the type as the version does. */
function emptySlotError(cls: PyClassObj, name: string): PyException {
  const how = ctx().layout.rules.emptySlotNamesType;
  if (how === undefined || how === "bare") return new PyException("AttributeError", name);
  return new PyException("AttributeError", `'${how === "name" ? cls.name : fullyQualifiedName(cls)}' object has no attribute '${name}'`);
}

/** _PyType_GetFullyQualifiedName: module.qualname, the module left out when it is not a str or is builtins or __main__. */
function fullyQualifiedName(cls: PyClassObj): string {
  const q = cls.attrs.get("__qualname__");
  const qualname = q !== undefined && q.t === "str" ? strText(q) : cls.name;
  const m = cls.attrs.get("__module__");
  if (m === undefined || m.t !== "str" || strText(m) === "builtins" || strText(m) === "__main__") return qualname;
  return `${strText(m)}.${qualname}`;
}
