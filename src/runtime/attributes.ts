// getattr/setattr/delattr over every modelled object: class instances go
// through instanceAttrs.ts, builtin types through typeAttrs.ts, builtin
// objects through their method tables.
import { setFormatFieldAccess } from "./formatFields.js";
import { typingHooks } from "./typingHooks.js";
import { classDictProxy } from "./classDict.js";
import { memberDescriptor, weakrefGetset } from "./classDescriptors.js";
import { refuseTypeGetsetAssign, typeGetsetAttr } from "./classTypeAttrs.js";
import { collectionSubMethod, refusedCollectionSubMethod } from "./collectionCtors.js";
import { classHooks } from "./classHooks.js";
import { newTuple } from "./tuples.js";
import { tupleNew } from "./tupleNew.js";
import { classmethods, heapTypeNames, lookupClassAttr, newInstance, slotOwnerOf } from "./classes.js";
import { getTupleSubclassAttr } from "./instanceAttrs.js";
import { delInstanceAttr, delTupleSubclassAttr, getInstanceAttr, setInstanceAttrValue, setTupleSubclassAttr } from "./instanceAttrs.js";
import { classOfValue, typeObject as builtinType } from "./typeObjects.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { getBuiltinAttr } from "./methods.js";
import { builtinRepr } from "./repr.js";
import { None, pyStr, subOf, typeName, type Kwargs, type NativeFn, type PyBuiltinObj, type PyClassObj, type PyInstanceObj, type PyObj, type SubclassableBuiltin, type PyStrObj, type PyTypeObj } from "./objects.js";
import { strText } from "./text.js";
import { SETUP_MODULE } from "./typeNew.js";
import { asBuiltin, exactResult, subclassBase } from "./builtinSubclass.js";
import { SUBCLASSABLE } from "./builtinBases.js";
import { builtinInit, builtinNew } from "./subclassConstruct.js";
import { intern } from "./constPool.js";
import { intValue } from "./numbers.js";
import { ctx } from "./ctx.js";
import { missingAttribute, typeHasAttribute } from "./missingAttribute.js";
import { instanceOwners } from "./moduleMadeClasses.js";
import { objectMethod } from "./objectMethods.js";
import { staticTypeAttr, typeSample } from "./typeAttrs.js";
import { callObject } from "./calls.js";
import { getItem, setItem } from "./subscript.js";
import { toArray } from "./iteration.js";
import { callBound, callDunder, checkDunderAssign, isUserObj, lookupDunder } from "./userDunders.js";
import { superAttr, type SuperData } from "./superObjects.js";
import { nativeSlots } from "./nativeObjects.js";
import { functionClosure } from "./closures.js";
import { deleteFunctionEntry, functionAttr, functionDictObject, functionDoc, functionGetset, setFunctionAttr } from "./functionDicts.js";
import { functionDefaultsAttr } from "./functionDefaults.js";
import { boundKind, builtinObjAttr, cTypeOf, ownDictNames, ownerEntryApplies, typeDescrAttr } from "./builtinDescriptors.js";
import { builtinTypeDict } from "./builtinTypeDict.js";

/** What types.MethodType defines itself (method_getattro finds them before the function's). */
const METHOD_OWN: ReadonlySet<string> = new Set(["__call__", "__get__", "__reduce__", "__doc__", "__class__", "__eq__", "__ne__", "__hash__", "__repr__", "__getattribute__"]);

/** object.__new__(cls): an instance without running __init__. */
const objectNew: PyObj = {
  t: "builtin",
  name: "__new__",
  self: null,
  fn: ([c]) => {
    if (c === undefined || c.t !== "class") throw new PyException("TypeError", "object.__new__(X): X is not a type object");
    return newInstance(c);
  },
};

/** What a builtin type has of its own: tp_init/tp_new of the subclassable ones, its class and static methods. */
function typeOwnAttr(t: PyTypeObj, name: string): PyObj | null {
  if (SUBCLASSABLE.has(t.name) && t.heap === undefined && (name === "__init__" || name === "__new__")) return builtinSlot(t, name);
  if (t.name === "tuple" && t.heap === undefined && name === "__new__") return tupleNew;
  return t.attrs.get(name) ?? staticTypeAttr(t, name);
}

/** A C type's method run on its object (a slot wrapper's or method descriptor's call): the builtin's own, past a subclass's overrides. */
function callUnbound(self: PyObj, name: string, args: readonly PyObj[], kw: Kwargs, owner: string): PyObj {
  // object's own slots pymem models (object.__setattr__ past a frozen dataclass's check …).
  const st = owner === "object" ? staticTypeAttr(builtinType("object"), name) : null;
  if (st !== null && st.t === "builtin") return st.fn([self, ...args], kw);
  // object.__sizeof__ on an instance of a class: its tp_basicsize, what the instance's own lookup finds.
  if (name === "__sizeof__" && owner === "object" && self.t === "instance") return unboundSizeof(self, args, kw);
  if (!ownerEntryApplies(self, name, owner)) throw new PymemError("UNSUPPORTED", `${owner}.${name} called on a '${typeName(self)}' object (its type has its own ${name})`);
  const base = cTypeOf(self);
  if (name === "__init__" && base !== null && SUBCLASSABLE.has(base)) {
    builtinInit(self, args, kw);
    return None;
  }
  if (name === "__sizeof__") return unboundSizeof(self, args, kw);
  if (subOf(self) !== undefined) return ownOnSubclassObject(self, name, args, kw);
  // A tuple subclass's object: tuple's own method, past the class's overrides, on a plain tuple of the same
  // items (what tuple's methods give back for a subclass's object is never the object itself).
  if (self.t === "tuple" && self.cls !== undefined) return callObject(getAttr(newTuple(self.items), name), args, kw);
  return callObject(getAttr(self, name), args, kw);
}

/**
 * The builtin's own method on a subclass's object, the class's overrides unseen; its tp_repr
 * sees the object's type (set_repr, bytearray_repr … name the subclass).
 */
function ownOnSubclassObject(self: PyObj, name: string, args: readonly PyObj[], kw: Kwargs): PyObj {
  if (name === "__repr__" && args.length === 0 && kw.values.size === 0) return pyStr(builtinRepr(self));
  // unicode___format__ returns what its writer holds: the object itself when written unchanged (no copy).
  if (name === "__format__" && self.t === "str") return asBuiltin(self, () => callObject(getAttr(self, name), args, kw));
  return exactResult(asBuiltin(self, () => callObject(getAttr(self, name), args, kw)), self);
}

/** T.__sizeof__(x): it measures the object itself (a subclass's object by its class's basicsize); a type object's is type's own, not modelled. */
function unboundSizeof(self: PyObj, args: readonly PyObj[], kw: Kwargs): PyObj {
  if (self.t === "type" || self.t === "class") throw new PymemError("UNSUPPORTED", "type.__sizeof__ of a type object");
  return callObject(getAttr(self, "__sizeof__"), args, kw);
}

/** A builtin type's attribute: its own (typeAttrs.ts), else a method its instances have (str.upper, int.__add__) as an unbound function. */
function typeAttr(t: PyTypeObj, name: string): PyObj | null {
  const own = typeOwnAttr(t, name);
  if (own !== null) return own;
  const s = typeSample(t.name);
  if (s === null) return null;
  try {
    getAttr(s, name);
  } catch (e) {
    if (e instanceof PyException) return null;
    throw e;
  }
  return {
    t: "builtin",
    name: `${t.name}.${name}`,
    self: null,
    fn: (args, kw) => {
      const self = args[0];
      if (self === undefined) throw typeError(`unbound method ${t.name}.${name}() needs an argument`);
      const ofSubclass = subOf(self) !== undefined && self.t === t.name;
      if (typeName(self) !== t.name && !(t.name === "int" && self.t === "bool") && !ofSubclass) {
        throw typeError(`descriptor '${name}' for '${t.name}' objects doesn't apply to a '${typeName(self)}' object`);
      }
      if (name === "__sizeof__") return unboundSizeof(self, args.slice(1), kw);
      // The builtin's own method on a subclass's object: the class's overrides unseen.
      if (ofSubclass) return ownOnSubclassObject(self, name, args.slice(1), kw);
      return callObject(getAttr(self, name), args.slice(1), kw);
    },
  };
}

/** A native object's method as the version binds it: a slot wrapper's method-wrapper (on the object), a METH_METHOD function's builtin_method. */
function nativeBound(o: PyObj, name: string, f: PyBuiltinObj): PyObj {
  const k = boundKind(o, name);
  if (k.kind === "method-wrapper") return { ...f, self: o, ...k };
  return k.kind === undefined ? f : { ...f, ...k };
}

/** dict.fromkeys on a subclass (dict_fromkeys): cls() made, then each key stored through PyObject_SetItem (the class's __setitem__). */
function subclassFromkeys(cls: PyClassObj): PyObj {
  return {
    t: "builtin", name: "fromkeys", self: cls, fn: (args) => {
      if (args.length < 1 || args.length > 2) throw typeError(`fromkeys expected at least 1 argument, got ${args.length}`);
      const d = callObject(cls, []);
      const value = args[1] ?? None;
      for (const k of toArray(args[0] as PyObj)) setItem(d, k, value);
      return d;
    },
  };
}

/** list.__init__(self, ...) and str.__new__(cls, ...) as a subclass's methods call them. */
function builtinSlot(t: PyTypeObj, name: "__init__" | "__new__"): PyObj {
  const base = t.name as SubclassableBuiltin;
  const fn: NativeFn = name === "__init__"
    ? (args, kw) => {
      const self = args[0];
      if (self === undefined) throw typeError(`descriptor '__init__' of '${base}' object needs an argument`);
      if (self.t !== base) throw typeError(`descriptor '__init__' requires a '${base}' object but received a '${typeName(self)}'`);
      builtinInit(self, args.slice(1), kw);
      return None;
    }
    : (args, kw) => {
      const c = args[0];
      if (c === undefined) throw typeError(`${base}.__new__(): not enough arguments`);
      if (c === t) return callObject(t, args.slice(1), kw);
      if (c.t !== "class") throw typeError(`${base}.__new__(X): X is not a type object (${typeName(c)})`);
      if (subclassBase(c) !== base) throw typeError(`${base}.__new__(${c.name}): ${c.name} is not a subtype of ${base}`);
      return builtinNew(c, base, args.slice(1), kw);
    };
  return { t: "builtin", name: `${base}.${name}`, self: null, fn };
}

/** The name an attribute hook is called with: PyObject_GetAttr/SetAttr intern it (a code's names are interned constants). */
function attrName(name: string): PyStrObj {
  return intern(pyStr(name));
}

/** An attribute of a setup metaclass seen from its class `cls`, bound to it (dataOnly: properties and data descriptors only). */
function metaclassAttr(cls: PyClassObj, meta: PyClassObj, name: string, dataOnly: boolean): PyObj | undefined {
  const v = lookupClassAttr(meta, name);
  if (v === undefined) {
    if (dataOnly) return undefined;
    // type_getattro falls back to the metaclass's __getattr__ (slot_tp_getattr_hook) for a name found nowhere.
    const hook = lookupClassAttr(meta, "__getattr__");
    if (hook === undefined) return undefined;
    if (name.startsWith("__") && name.endsWith("__")) throw new PymemError("UNSUPPORTED", `a metaclass __getattr__ asked for ${name}`);
    return callObject(hook, [cls, pyStr(name)]);
  }
  const isData = (v.t === "opaque" && v.typeName === "property") || (isUserObj(v) && (lookupDunder(v, "__set__") !== undefined || lookupDunder(v, "__delete__") !== undefined));
  if (dataOnly !== isData) return undefined;
  if (v.t === "opaque" && v.typeName === "property") return callObject(v.data as PyObj, [cls]);
  if (v.t === "opaque" && v.typeName === "classmethod") return { t: "method", func: v.data as PyObj, self: meta };
  if (v.t === "opaque" && v.typeName === "staticmethod") return v.data as PyObj;
  if (v.t === "function") return { t: "method", func: v, self: cls };
  if (isUserObj(v) && lookupDunder(v, "__get__") !== undefined) return callDunder(v, "__get__", [cls, meta]) as PyObj;
  return v;
}

/** A class's __mro__: one tuple, made when first asked for (tp_mro: `C.__mro__ is C.__mro__`). */
const mroTuples = new WeakMap<PyClassObj, PyObj>();
function mroTuple(o: PyClassObj): PyObj {
  let t = mroTuples.get(o);
  if (t === undefined) {
    // The builtin exception classes are class objects in the MRO already (BaseException among them): not again as types.
    const baseInMro = o.mro.some((c) => c.static === true && c.name === o.builtinBase);
    t = newTuple([...o.mro, ...(o.isMeta === true ? [builtinType("type")] : []), ...(baseInMro ? [] : [builtinType(o.builtinBase)]), ...(o.builtinBase === "object" ? [] : [builtinType("object")])]);
    mroTuples.set(o, t);
  }
  return t;
}

function isStaticClass(o: PyClassObj): boolean {
  return o.static === true;
}

const ABCMETA_NAMES: ReadonlySet<string> = new Set(["register", "__abstractmethods__", "_abc_impl", "__instancecheck__", "__subclasscheck__", "_dump_registry", "_abc_registry_clear", "_abc_caches_clear"]);

setFormatFieldAccess((o, name) => getAttr(o, name), getItem);

export function getAttr(o: PyObj, name: string): PyObj {
  const sub = subOf(o);
  if (sub !== undefined) return subclassObjectAttr(o, sub, name);
  switch (o.t) {
    case "instance": {
      const v = hookedAttr(o, name, () => getInstanceAttr(o, name) ?? objectMethod(o, name));
      if (v !== undefined) return v;
      // A stdlib class's own names (fractions.Fraction's) are in the version's table: one pymem lacks is refused.
      throw missingOnClass(o.cls, name, instanceOwners(o.cls));
    }
    case "class": {
      // type_name: a heap type's ht_name, one object for every read (the class statement's interned name);
      // a static type's (the builtin exceptions') is a new str from tp_name each time.
      if (name === "__name__") return isStaticClass(o) ? pyStr(o.name) : heapTypeNames.get(o) ?? intern(pyStr(o.name));
      if (name === "__dict__" && o.meta === undefined) return classDictProxy(o);
      if (name === "__class__" && o.meta !== undefined) return o.meta;
      if (name === "__qualname__") return o.attrs.get("__qualname__") ?? intern(pyStr(o.name));
      // A collections type in the MRO is a heap type from some versions, and its own bases follow it: not laid out here.
      if (name === "__mro__" && ["deque", "OrderedDict", "defaultdict", "Counter"].includes(o.builtinBase)) throw new PymemError("UNSUPPORTED", `the __mro__ of a class over collections.${o.builtinBase}`);
      if (name === "__mro__") return mroTuple(o);
      if (name === "__new__" && lookupClassAttr(o, "__new__") === undefined) return objectNew;
      // type_getattro: a data descriptor of the metaclass first, the class's own MRO, then the metaclass's other attributes.
      const metaData = o.meta === undefined ? undefined : metaclassAttr(o, o.meta, name, true);
      if (metaData !== undefined) return metaData;
      const typeGetset = typeGetsetAttr(o, name);
      if (typeGetset !== undefined) return typeGetset;
      const slotOwner = slotOwnerOf(o, name);
      if (slotOwner !== undefined) return memberDescriptor(slotOwner, name);
      const v = lookupClassAttr(o, name);
      if (v !== undefined && v.t === "opaque" && v.typeName === "classmethod") return { t: "method", func: v.data as PyObj, self: o };
      if (v !== undefined && v.t === "opaque" && v.typeName === "staticmethod") return v.data as PyObj;
      if (v !== undefined && isUserObj(v) && lookupDunder(v, "__get__") !== undefined) return callDunder(v, "__get__", [None, o]) as PyObj;
      if (v !== undefined) return classmethods.has(v) ? { t: "method", func: v, self: o } : v;
      const added = name === "__weakref__" ? weakrefGetset(o) : undefined;
      if (added !== undefined) return added;
      if (o.tupleFields?.includes(name)) return { t: "iterator", typeName: "_tuplegetter", next: () => undefined, lengthHint: () => null };
      if (name === "fromkeys" && subclassBase(o) === "dict") return subclassFromkeys(o);
      const metaOwn = o.meta === undefined ? undefined : metaclassAttr(o, o.meta, name, false);
      if (metaOwn !== undefined) return metaOwn;
      const meta = classHooks(o)?.missing;
      if (meta !== undefined) return meta(o, name);
      // A class whose ABCMeta runs no hooks here (over collections.UserList …): ABCMeta's own names are not modelled.
      if (o.metaclass === "ABCMeta" && o.meta === undefined && ABCMETA_NAMES.has(name)) throw new PymemError("UNSUPPORTED", `${o.name}.${name} (ABCMeta's machinery over collections' User classes)`);
      // What @dataclass stores on the class beyond its methods is not modelled.
      if (name.startsWith("__dataclass_")) throw new PymemError("UNSUPPORTED", `${o.name}.${name} (the class attributes @dataclass stores)`);
      // A class a module made (datetime's, the stdlib's Python classes) has the real type's names; the setup's have only their own.
      const mod = o.attrs.get("__module__");
      const fromModule = o.stdlib === true || (mod !== undefined && mod.t === "str" && strText(mod) !== SETUP_MODULE);
      throw missingAttribute(fromModule ? ["type", o.builtinBase, o.name] : ["type", o.builtinBase], name, o.name, `type object '${o.name}' has no attribute '${name}'`);
    }
    case "type": {
      // object.__class__ of a type object: its metatype (type, or ABCMeta/EnumType for theirs).
      if (name === "__class__") return classOfValue(o);
      const typing = o.typingForm === true ? typingHooks()?.attr(o, name) : undefined;
      if (typing !== undefined) return typing;
      const ownNames = name === "__dict__" ? ownDictNames(o.name) : null;
      if (ownNames !== null) return builtinTypeDict(o, ownNames, callUnbound, typeOwnAttr);
      // What the version's table says the type's dicts hold (slot wrappers, method descriptors …); null: one pymem does not model.
      const d = typeDescrAttr(o, name, callUnbound, (t) => typeOwnAttr(t, name));
      if (d !== undefined && d !== null) return d;
      const v = d === null ? null : typeAttr(o, name);
      if (v !== null) return v;
      break;
    }
    case "opaque": {
      const slots = nativeSlots(o);
      const own = slots?.attr?.(name) ?? slots?.dict?.get(name);
      if (own !== undefined) return own.t === "builtin" && own.kind === undefined ? nativeBound(o, name, own) : own;
      if (o.typeName === "super") {
        if (o.data === null) throw new PymemError("UNSUPPORTED", "attributes of super() over a builtin type");
        return superAttr(o.data as SuperData, name);
      }
      break;
    }
    case "function": {
      if (name === "__dict__") return functionDictObject(o);
      if (name === "__closure__") return functionClosure(o);
      const own = functionAttr(o, name) ?? functionDefaultsAttr(o, name) ?? functionGetset(o, name, SETUP_MODULE);
      if (own !== undefined) return own;
      if (name === "__doc__") return functionDoc(o) ?? None;
      break;
    }
    case "method":
      if (name === "__self__") return o.self;
      if (name === "__func__") return o.func;
      // method_getattro: what the method type lacks comes from its function (obj.cached_method.cache_info).
      if (nativeSlots(o.func) !== null) return getAttr(o.func, name);
      // The method type's own names; any other is the function's (its AttributeError names 'function').
      if (o.func.t === "function" && !METHOD_OWN.has(name)) return getAttr(o.func, name);
      return functionAttr(o.func, name) ?? getBuiltinAttr(o, name);
    case "builtin": {
      const own = builtinObjAttr(o, name);
      if (own !== undefined) return own;
      break;
    }
    case "tuple":
      if (o.cls !== undefined) {
        const v = getTupleSubclassAttr(o, name);
        if (v !== undefined) return v;
      }
      break;
    default:
      break;
  }
  return getBuiltinAttr(o, name);
}

/**
 * An attribute of a builtin subclass's object: the class's own (its MRO, its instance dict, its
 * slots), then the builtin's (list.append …), with __getattribute__/__getattr__ as for instances.
 */
function subclassObjectAttr(o: PyObj, sub: PyInstanceObj, name: string): PyObj {
  const v = hookedAttr(o, name, () => getInstanceAttr(sub, name) ?? builtinAttrOrNone(o, name));
  if (v !== undefined) return v;
  // The builtin's own names (int.__index__ …) that pymem lacks are refused, as for the builtin's objects.
  throw missingOnClass(sub.cls, name, instanceOwners(sub.cls));
}

/**
 * slot_tp_getattr_hook: the class's own __getattribute__, else the generic lookup; then
 * __getattr__ for what that did not find. Undefined when neither answers.
 */
function hookedAttr(o: PyObj, name: string, generic: () => PyObj | undefined): PyObj | undefined {
  let v: PyObj | undefined;
  try {
    const own = lookupDunder(o, "__getattribute__");
    v = own !== undefined ? callBound(own, o, [attrName(name)]) : generic();
  } catch (e) {
    if (!(e instanceof PyException && e.pyType === "AttributeError") || lookupDunder(o, "__getattr__") === undefined) throw e;
  }
  if (v !== undefined) return v;
  // The name is made (and interned) only when there is a hook to call: a lookup interns nothing.
  const hook = lookupDunder(o, "__getattr__");
  return hook === undefined ? undefined : callBound(hook, o, [attrName(name)]);
}

/** The error for a name an object of `cls` lacks: refused where pymem may not list the real class's names, else AttributeError. */
function missingOnClass(cls: PyClassObj, name: string, owners: readonly string[]): Error {
  if (underStdlibClass(cls, name)) return new PymemError("UNSUPPORTED", `${cls.name}().${name} (a stdlib base class's attribute pymem does not list)`);
  return missingAttribute(owners, name, `${cls.name}()`, `'${cls.name}' object has no attribute '${name}'`);
}

/**
 * A _sunder_ or __dunder__ name missing from an enum member (enum.Enum's _missing_,
 * __reduce_ex__ …): pymem models only some of Enum's names.
 */
function underStdlibClass(cls: PyClassObj, name: string): boolean {
  return name.length > 2 && name.startsWith("_") && name.endsWith("_") && cls.mro.some((c) => c.stdlib === true && (c.metaclass === "EnumMeta" || c.metaclass === "EnumType"));
}

/**
 * The builtin's attribute for a subclass's object. An immutable builtin's methods and members
 * work on an object of the exact type wherever they would hand back the object itself
 * (unicode_result_unchanged, long_long, split's one part …): they run on a copy made per
 * call — except partition/rpartition, which keep the object itself in their tuple, and __sizeof__.
 */
/** The builtin's attribute, undefined when it has none (the caller says what is missing). */
function builtinAttrOrNone(o: PyObj, name: string): PyObj | undefined {
  const through = collectionSubMethod(o, name);
  if (through !== undefined) return through;
  if (refusedCollectionSubMethod(o, name)) throw new PymemError("UNSUPPORTED", `${typeName(o)}().${name} (a method of a collections type that builds through the subclass)`);
  try {
    return builtinAttrOfSubclass(o, name);
  } catch (e) {
    if (e instanceof PyException && e.pyType === "AttributeError") return undefined;
    throw e;
  }
}

function builtinAttrOfSubclass(o: PyObj, name: string): PyObj {
  const v = getBuiltinAttr(o, name);
  // partition keeps the object in its tuple; __sizeof__ measures the object itself (its class's basicsize).
  // str.__format__ writes the object itself when unchanged (unicode___format__'s readonly writer).
  if (!IMMUTABLE_BASES.has(o.t) || name === "partition" || name === "rpartition" || name === "__sizeof__") return v;
  if (name === "__format__" && o.t === "str" && v.t === "builtin") return { ...v, fn: (args, kw) => asBuiltin(o, () => v.fn(args, kw)) };
  if (v.t !== "builtin" || v.self !== o) return v === o ? exactResult(o, o) : v;
  return { ...v, fn: (args, kw) => {
    const m = getBuiltinAttr(exactResult(o, o), name);
    return m.t === "builtin" ? m.fn(args, kw) : callObject(m, args, kw);
  } };
}

const IMMUTABLE_BASES: ReadonlySet<string> = new Set(["str", "int", "float", "bytes", "frozenset"]);

export function setAttr(o: PyObj, name: string, value: PyObj): void {
  const sub = subOf(o);
  if (sub !== undefined) {
    if (callDunder(o, "__setattr__", [attrName(name), value]) !== undefined) return;
    setInstanceAttrValue(sub, name, value);
    return;
  }
  if (o.t === "opaque" && o.typeName === "Context" && name === "prec") {
    const v = intValue(value);
    if (v === null || v < 1) throw new PyException("ValueError", "valid range for prec is [1, MAX_PREC]");
    ctx().decimalPrec = Number(v);
    return;
  }
  if (o.t === "instance") {
    // slot_tp_setattro: the class's own __setattr__ (which may call object.__setattr__).
    if (callDunder(o, "__setattr__", [attrName(name), value]) !== undefined) return;
    setInstanceAttrValue(o, name, value);
    return;
  }
  if (o.t === "class") {
    checkDunderAssign(o, name);
    refuseTypeGetsetAssign(o, name);
    o.attrs.set(name, value);
    return;
  }
  if (o.t === "function") {
    setFunctionAttr(o, name, value);
    return;
  }
  if (o.t === "tuple" && o.cls !== undefined) {
    if (callDunder(o, "__setattr__", [attrName(name), value]) !== undefined) return;
    setTupleSubclassAttr(o as typeof o & { cls: PyClassObj }, name, value);
    return;
  }
  const native = nativeSlots(o);
  if (native?.dict !== undefined) {
    native.dict.set(name, value);
    return;
  }
  if (native?.hasDict === true) throw new PymemError("UNSUPPORTED", `setting an attribute of a ${typeName(o)} object`);
  if (o.t === "dict" && o.flavor?.name === "defaultdict" && name === "default_factory") {
    o.flavor.factory = value;
    return;
  }
  throw new PyException("AttributeError", `'${typeName(o)}' object has no attribute '${name}'`);
}

export function delAttr(o: PyObj, name: string): void {
  const sub = subOf(o);
  if (sub !== undefined) {
    if (callDunder(o, "__delattr__", [attrName(name)]) !== undefined) return;
    delInstanceAttr(sub, name);
    return;
  }
  if (o.t === "instance") {
    if (callDunder(o, "__delattr__", [attrName(name)]) !== undefined) return;
    delInstanceAttr(o, name);
    return;
  }
  if (o.t === "tuple" && o.cls !== undefined) {
    if (callDunder(o, "__delattr__", [attrName(name)]) !== undefined) return;
    delTupleSubclassAttr(o as typeof o & { cls: PyClassObj }, name);
    return;
  }
  // type_setattro would delete a slot's member descriptor (or what replaced it), leaving the slot unreachable: not modelled.
  if (o.t === "class" && o.slots.includes(name)) throw new PymemError("UNSUPPORTED", `deleting the class attribute ${o.name}.${name} of a slot`);
  if (o.t === "class" && o.attrs.delete(name)) return;
  if (o.t === "function") {
    if (name === "__dict__" || typeHasAttribute("function", name)) throw new PymemError("UNSUPPORTED", `deleting function.${name}`);
    if (deleteFunctionEntry(o, name)) return;
  }
  throw new PyException("AttributeError", `'${typeName(o)}' object has no attribute '${name}'`);
}

