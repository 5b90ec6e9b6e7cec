// isinstance() and issubclass() against a @runtime_checkable typing.Protocol:
// typing's _ProtocolMeta.__instancecheck__ and the _proto_hook its ABCMeta
// subclass check calls. The protocol's members are _get_protocol_attrs: the
// names its classes' dicts and annotations hold, less typing's
// EXCLUDED_ATTRIBUTES. Up to 3.11 an object passes when (members all
// methods) its class has each member in a dict along its MRO, not None; or
// hasattr() finds each (a method not None); or it derives from the protocol.
// From 3.12 the class check comes first (data members too), then
// inspect.getattr_static for each member — which reads the instance's
// __dict__ through object.__getattribute__, making its dict object.
import { ctx } from "./ctx.js";
import { getAttr } from "./attributes.js";
import { isCallableObj } from "./callable.js";
import { isInstanceOf } from "./classes.js";
import { dictGet } from "./dicts.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { pyStr, subOf, type PyClassObj, type PyObj } from "./objects.js";
import { strText } from "./text.js";
import { builtinTypeBase, classOfValue } from "./typeObjects.js";
import { lookupDunder } from "./userDunders.js";

/** typing.EXCLUDED_ATTRIBUTES common to 3.8-3.13 (internals and special names). */
const EXCLUDED = new Set(["_MutableMapping__marker", "__abstractmethods__", "__annotations__", "__dict__", "__doc__", "__init__", "__module__", "__new__",
  "__orig_bases__", "__orig_class__", "__parameters__", "__slots__", "__subclasshook__", "__weakref__", "_is_protocol", "_is_runtime_protocol",
  // Excluded where type_new or typing puts them in every class dict (3.12+, 3.13+), absent before.
  "__type_params__", "__firstlineno__", "__static_attributes__", "__protocol_attrs__", "__callable_proto_members_only__", "__non_callable_proto_members__"]);
/** Names some versions exclude and others do not: refused as members. */
const VARYING = new Set(["__class_getitem__", "__final__", "__match_args__"]);

function refuse(why: string): PymemError {
  return new PymemError("UNSUPPORTED", `a runtime-checkable protocol check ${why}`);
}

/** _get_protocol_attrs(cls): over the MRO without Protocol, Generic and object. */
function protocolAttrs(cls: PyClassObj): string[] {
  const out = new Set<string>();
  for (const c of cls.mro) {
    if (c.stdlib === true && (c.name === "Protocol" || c.name === "Generic")) continue;
    if (c.stdlib === true || c.static === true) throw refuse(`over a protocol deriving from ${c.name}`);
    // type_new puts __hash__ = None in the dict of a class defining __eq__ alone: a member pymem's class does not list.
    if (c.attrs.has("__eq__") && !c.attrs.has("__hash__")) throw refuse(`over a protocol defining __eq__ without __hash__ (${c.name})`);
    const ann = c.attrs.get("__annotations__");
    const annotated = ann !== undefined && ann.t === "dict" ? [...ann.table.map.values()].flatMap((e) => (e.key.t === "str" ? [strText(e.key)] : [])) : [];
    for (const n of [...c.attrs.keys(), ...annotated]) {
      // pymem keeps __qualname__ among the class's names; CPython's type dict does not hold it.
      if (n === "__qualname__" || n.startsWith("_abc_") || EXCLUDED.has(n)) continue;
      if (VARYING.has(n)) throw refuse(`over a protocol naming ${n}`);
      out.add(n);
    }
  }
  return [...out];
}

/** getattr(cls, name, None) is callable: a method member (the others are data members). */
function callableMember(cls: PyClassObj, name: string): boolean {
  try {
    return isCallableObj(getAttr(cls, name));
  } catch (e) {
    if (e instanceof PyException && e.pyType === "AttributeError") return false;
    throw e;
  }
}

/** A name in a builtin type's dict along its MRO (the version's attribute tables; object's listed apart). */
function builtinHas(name: string, attr: string): boolean {
  if (attr === "__hash__") throw refuse("of __hash__ (None in the dicts of the unhashable builtins)");
  const tables = ctx().layout.attributeNames();
  for (let n: string | undefined = name; n !== undefined; n = builtinTypeBase(n)) {
    const names = tables[n];
    if (names !== undefined) return names.split(" ").includes(attr) || (tables["object"] ?? "").split(" ").includes(attr);
  }
  throw refuse(`of a '${name}' object (its type's names are not listed)`);
}

/** What a dict along the MRO of `type` holds for `attr`: undefined when none does (`data`: a data descriptor). */
function classEntry(type: PyObj, attr: string): { readonly value: PyObj | null; readonly data: boolean } | undefined {
  if (type.t === "type") return builtinHas(type.name, attr) ? { value: null, data: false } : undefined;
  if (type.t !== "class") throw refuse("of an object pymem does not type");
  for (const c of type.mro) {
    if (c.stdlib === true && (c.name === "Generic" || c.name === "Protocol")) {
      // Their dicts hold typing's internals (excluded as members) and these:
      if (attr === "__init_subclass__" || attr === "__class_getitem__") throw refuse(`of ${attr} past typing's ${c.name}`);
      continue;
    }
    if (c.stdlib === true || c.static === true) throw refuse(`over ${c.name} (its namespace is not modelled whole)`);
    if (attr === "__hash__") throw refuse("of __hash__");
    if (c.attrs.has("__dict__")) throw refuse(`over ${c.name}, whose dict shadows __dict__`);
    const v = c.attrs.get(attr) ?? c.decorated?.generated(attr);
    if (v !== undefined) {
      const data = (v.t === "opaque" && v.typeName === "property") || (lookupDunder(v, "__set__") !== undefined && lookupDunder(v, "__get__") !== undefined);
      return { value: v, data };
    }
    if (c.slots.includes(attr)) return { value: null, data: true };
  }
  if (type.builtinBase === "BaseException") throw refuse("of an exception");
  return builtinHas(type.builtinBase, attr) ? { value: null, data: false } : undefined;
}

/** _proto_hook over `sub`: each member in a dict along its MRO, not None. */
function classHasAll(sub: PyObj, attrs: readonly string[]): boolean {
  return attrs.every((a) => {
    const e = classEntry(sub, a);
    return e !== undefined && e.value?.t !== "NoneType";
  });
}

function derives(sub: PyObj, cls: PyClassObj): boolean {
  return sub.t === "class" && sub.mro.includes(cls);
}

/** hasattr(x, a), then getattr(x, a) is not None for a method member. */
function hasattrAll(cls: PyClassObj, x: PyObj, attrs: readonly string[]): boolean {
  const type = classOfValue(x);
  // A builtin type's object holds no names of its own: its type's dicts answer (none of their methods is None).
  if (type.t === "type" && x.t !== "type" && x.t !== "class" && x.t !== "module") return attrs.every((a) => classEntry(type, a) !== undefined);
  return attrs.every((a) => {
    let v: PyObj;
    try {
      v = getAttr(x, a);
    } catch (e) {
      if (e instanceof PyException && e.pyType === "AttributeError") return false;
      throw e;
    }
    return !callableMember(cls, a) || v.t !== "NoneType";
  });
}

/** inspect.getattr_static(x, a): undefined where it raises AttributeError. */
function staticGet(x: PyObj, a: string): PyObj | null | undefined {
  if (x.t === "class" || x.t === "type") {
    // A class: its own MRO, then its metaclass's (type's) dict.
    const own = classEntry(x, a);
    if (own !== undefined) return own.value;
    if (x.t === "class" && x.meta !== undefined) throw refuse(`of a class of the metaclass ${x.meta.name}`);
    return builtinHas("type", a) ? null : undefined;
  }
  if (x.t === "tuple" && x.cls !== undefined && x.cls.hasDict) throw refuse("of a tuple subclass's object with a __dict__");
  const owner = x.t === "instance" ? x : subOf(x);
  let inInstance: PyObj | undefined;
  if (owner !== undefined && owner.cls.hasDict) {
    // object.__getattribute__(obj, "__dict__"): the dict object, made now if the instance had none.
    const d = getAttr(x, "__dict__");
    if (d.t === "dict") inInstance = dictGet(d, pyStr(a));
  }
  const inClass = classEntry(classOfValue(x), a);
  if (inInstance !== undefined && !(inClass !== undefined && inClass.data)) return inInstance;
  return inClass === undefined ? undefined : inClass.value;
}

/** isinstance(x, cls) for a protocol class `cls` (`runtime`: @runtime_checkable). */
export function protocolInstanceCheck(cls: PyClassObj, x: PyObj, runtime: boolean): boolean {
  const mode = ctx().layout.typing.protocolCheck;
  const attrs = protocolAttrs(cls);
  const callableOnly = attrs.every((a) => callableMember(cls, a));
  if (!runtime) {
    if (mode === "late" && !callableOnly) throw refuse("against a protocol not @runtime_checkable (3.8 and 3.9 check its members before refusing)");
    throw typeError("Instance and class checks can only be used with @runtime_checkable protocols");
  }
  const type = classOfValue(x);
  if (mode === "static") {
    if (classHasAll(type, attrs) || isInstanceOf(x, cls)) return true;
    return attrs.every((a) => {
      const v = staticGet(x, a);
      return v !== undefined && !(v !== null && v.t === "NoneType" && callableMember(cls, a));
    });
  }
  if (callableOnly && (classHasAll(type, attrs) || derives(type, cls))) return true;
  if (hasattrAll(cls, x, attrs)) return true;
  // ABCMeta.__instancecheck__: type(x) goes into the ABC's positive or negative cache.
  let seen = abcCached.get(cls);
  if (seen === undefined) abcCached.set(cls, (seen = new Set()));
  seen.add(type);
  return isInstanceOf(x, cls);
}

/** The classes ABCMeta's caches hold for a protocol (up to 3.11 an issubclass() finds them there before _proto_hook). */
const abcCached = new WeakMap<PyClassObj, Set<PyObj>>();

/** issubclass(sub, cls) for a protocol class. */
export function protocolSubclassCheck(cls: PyClassObj, sub: PyObj, runtime: boolean): boolean {
  if (!runtime) throw typeError("Instance and class checks can only be used with @runtime_checkable protocols");
  const attrs = protocolAttrs(cls);
  if (!attrs.every((a) => callableMember(cls, a))) {
    // Up to 3.11 ABCMeta's caches answer first, for the classes an isinstance() stored there.
    if (ctx().layout.typing.protocolCheck !== "static" && abcCached.get(cls)?.has(sub) === true) return derives(sub, cls);
    throw typeError("Protocols with non-method members don't support issubclass()");
  }
  return classHasAll(sub, attrs) || derives(sub, cls);
}
