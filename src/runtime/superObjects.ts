// super(): Objects/typeobject.c's super_getattro. A super object remembers the
// class it was made in (`__class__`, the class cell of zero-argument super) and
// the object it binds to; an attribute is looked up along type(obj).__mro__
// after that class, then bound as the descriptor protocol binds it. What
// `object` itself provides past the setup's classes is __init__, __new__,
// __setattr__, __delattr__, __getattribute__ and __init_subclass__; any other
// name reaching `object` is refused rather than answered by a guess.
import { callObject, emptyKwargs, instantiate } from "./calls.js";
import { typeNew } from "./typeNew.js";
import { tupleNew } from "./tupleNew.js";
import { lookupClassAttr, newInstance } from "./classes.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { getInstanceAttr, setInstanceAttrValue, delInstanceAttr } from "./instanceAttrs.js";
import { None, pyStr, subOf, typeName, type Kwargs, type PyClassObj, type PyObj, type Scope, type SubclassableBuiltin } from "./objects.js";
import { asBuiltin, exactResult, subclassBase } from "./builtinSubclass.js";
import { builtinInit, builtinNew } from "./subclassConstruct.js";
import { getBuiltinAttr } from "./methods.js";
import { opaque } from "./opaqueObjects.js";
import { builtinRepr } from "./repr.js";
import { strText } from "./text.js";
import { callDunder, isUserObj, lookupDunder } from "./userDunders.js";

/** What a super object holds: super(start, obj), and obj's type (obj itself when it is a class). */
export interface SuperData {
  readonly start: PyClassObj;
  readonly obj: PyObj;
  readonly objType: PyClassObj;
}

/** The `__class__` cell of one execution of a class statement: the class once type() made it. */
export interface ClassCell {
  cls: PyClassObj | null;
}

/** The cell of each running class body, by its namespace scope (methods defined there capture it). */
export const classCells = new WeakMap<Scope, ClassCell>();

/** A function frame with the class cell its zero-argument super() reads. */
export interface FrameWithCell extends Scope {
  readonly classCell: ClassCell | undefined;
}

/** super(type, obj): obj must be an instance or a subclass of type (supercheck). */
export function makeSuper(start: PyObj, obj: PyObj): PyObj {
  if (start.t !== "class") {
    if (start.t !== "type") throw typeError(`super() argument 1 must be type, not ${typeName(start)}`);
    // super(int, 1): a value of its own (a leaf); looking anything up through it is not modelled.
    if (typeName(obj) !== start.name) throw new PymemError("UNSUPPORTED", `super() over the builtin type '${start.name}'`);
    return opaque("super", null);
  }
  const own = obj.t === "instance" ? obj.cls : subOf(obj)?.cls;
  // A class whose metaclass the setup wrote is an instance of that metaclass (super() in Meta.__call__).
  const metaType = obj.t === "class" && obj.meta !== undefined && obj.meta.mro.includes(start) ? obj.meta : null;
  const objType = metaType ?? (obj.t === "class" && obj.mro.includes(start) ? obj : own !== undefined && own.mro.includes(start) ? own : null);
  if (objType === null) {
    if (obj.t === "tuple" && obj.cls !== undefined) throw new PymemError("UNSUPPORTED", "super() in a tuple subclass");
    throw typeError("super(type, obj): obj must be an instance or subtype of type");
  }
  return opaque("super", { start, obj, objType } satisfies SuperData);
}

/** Zero-argument super() in a method: its class cell and its first argument. */
export function zeroArgSuper(cell: ClassCell | undefined, first: PyObj | undefined): PyObj {
  if (cell === undefined || cell.cls === null) throw new PyException("RuntimeError", "super(): __class__ cell not found");
  if (first === undefined) throw new PyException("RuntimeError", "super(): arg[0] deleted");
  return makeSuper(cell.cls, first);
}

/** The class attribute `name` after `start` in objType's MRO, with the class that has it. */
function lookupAfter(d: SuperData, name: string): PyObj | undefined {
  const mro = d.objType.mro;
  for (let i = mro.indexOf(d.start) + 1; i < mro.length; i++) {
    const c = mro[i] as PyClassObj;
    const v = c.attrs.get(name) ?? c.decorated?.generated(name);
    if (v !== undefined) return v;
  }
  return undefined;
}

/** Bind a class attribute found by super as the descriptor protocol does (obj is None's counterpart when a class). */
function bind(d: SuperData, v: PyObj): PyObj {
  const onClass = d.obj === d.objType;
  if (v.t === "function") return onClass ? v : { t: "method", func: v, self: d.obj };
  if (v.t === "opaque") {
    if (v.typeName === "staticmethod") return v.data as PyObj;
    if (v.typeName === "classmethod") return { t: "method", func: v.data as PyObj, self: d.objType };
    if (v.typeName === "property") return onClass ? v : callObject(v.data as PyObj, [d.obj], emptyKwargs);
  }
  if (isUserObj(v) && lookupDunder(v, "__get__") !== undefined) return callDunder(v, "__get__", [onClass ? None : d.obj, d.objType]) as PyObj;
  return v;
}

function builtinMethod(name: string, self: PyObj, fn: (args: readonly PyObj[], kw: Kwargs) => PyObj): PyObj {
  return { t: "builtin", name, self, fn };
}

/** The one argument of object.__getattribute__ / __delattr__: an attribute name. */
function attrNameArg(args: readonly PyObj[]): string {
  const k = args[0];
  if (args.length !== 1 || k === undefined) throw typeError(`expected 1 argument, got ${args.length}`);
  if (k.t !== "str") throw typeError(`attribute name must be string, not '${typeName(k)}'`);
  return strText(k);
}

/** object's own methods, as `super().name` reaches them past every setup class. */
function objectAttr(d: SuperData, name: string): PyObj | undefined {
  const inst = d.obj.t === "instance" ? d.obj : subOf(d.obj) ?? null;
  switch (name) {
    case "__init__":
      if (inst === null) return undefined;
      return builtinMethod(name, inst, (args, kw) => {
        // object_init: extra arguments are an error when the type overrides __init__ (or not __new__).
        if (args.length > 0 || kw.values.size > 0) throw typeError("object.__init__() takes exactly one argument (the instance to initialize)");
        return None;
      });
    case "__new__":
      return builtinMethod(name, d.obj, (args, kw) => {
        const c = args[0];
        if (c === undefined || c.t !== "class") throw typeError("object.__new__(X): X is not a type object");
        // object_new: extra arguments are an error when the type overrides __new__ (as a class calling super().__new__ does).
        if (args.length > 1 || kw.values.size > 0) {
          throw typeError(lookupClassAttr(c, "__new__") !== undefined ? "object.__new__() takes exactly one argument (the type to instantiate)" : `${c.name}() takes no arguments`);
        }
        return newInstance(c);
      });
    case "__setattr__":
      if (inst === null) return undefined;
      return builtinMethod(name, inst, (args) => {
        const [k, v] = args;
        if (args.length !== 2 || k === undefined || v === undefined) throw typeError(`expected 2 arguments, got ${args.length}`);
        if (k.t !== "str") throw typeError(`attribute name must be string, not '${typeName(k)}'`);
        setInstanceAttrValue(inst, strText(k), v);
        return None;
      });
    case "__delattr__":
      if (inst === null) return undefined;
      return builtinMethod(name, inst, (args) => {
        delInstanceAttr(inst, attrNameArg(args));
        return None;
      });
    case "__getattribute__":
      if (inst === null) return undefined;
      return builtinMethod(name, inst, (args) => {
        const k = attrNameArg(args);
        const v = getInstanceAttr(inst, k);
        if (v === undefined) throw new PyException("AttributeError", `'${inst.cls.name}' object has no attribute '${k}'`);
        return v;
      });
    case "__init_subclass__":
      return builtinMethod(name, d.objType, (args, kw) => {
        if (kw.values.size > 0) throw typeError(`${d.objType.name}.__init_subclass__() takes no keyword arguments`);
        if (args.length > 0) throw typeError(`${d.objType.name}.__init_subclass__() takes no arguments (${args.length} given)`);
        return None;
      });
    default:
      return undefined;
  }
}

/** type's own methods, as `super().name` reaches them past a setup metaclass (type_new, type_call, type_init). */
function typeLevelAttr(d: SuperData, name: string): PyObj | undefined {
  const cls = d.obj.t === "class" && d.obj !== d.objType ? d.obj : null;
  switch (name) {
    case "__new__":
      return builtinMethod(name, d.obj, (args, kw) => {
        const m = args[0];
        if (m === undefined || m.t !== "class" || m.isMeta !== true) throw typeError(`type.__new__(X): X is not a type object (${m === undefined ? "nothing" : typeName(m)})`);
        return typeNew(m, args.slice(1), kw);
      });
    case "__call__":
      return cls === null ? undefined : builtinMethod(name, cls, (args, kw) => instantiate(cls, args, kw));
    case "__init__":
      return cls === null ? undefined : builtinMethod(name, cls, (args, kw) => {
        if (args.length === 1 && kw.values.size > 0) throw typeError("type.__init__() takes no keyword arguments");
        if (args.length !== 1 && args.length !== 3) throw typeError("type.__init__() takes 1 or 3 arguments");
        return None;
      });
    default:
      return undefined;
  }
}

/** The builtin base's own attribute (list.append, dict.__setitem__, str.__new__ …) bound to the object, run without the class's overrides. */
function builtinBaseAttr(d: SuperData, base: SubclassableBuiltin, name: string): PyObj | undefined {
  const obj = d.obj;
  if (name === "__new__") {
    return builtinMethod(name, obj, (args, kw) => {
      const c = args[0];
      if (c === undefined || c.t !== "class") throw typeError(`${base}.__new__(X): X is not a type object`);
      if (subclassBase(c) !== base) throw typeError(`${base}.__new__(${c.name}): ${c.name} is not a subtype of ${base}`);
      return builtinNew(c, base, args.slice(1), kw);
    });
  }
  if (obj === d.objType) return undefined;
  if (name === "__init__") {
    return builtinMethod(name, obj, (args, kw) => {
      builtinInit(obj, args, kw);
      return None;
    });
  }
  if (OBJECT_LEVEL.has(name)) return undefined;
  // The base's tp_repr on the object itself: set_repr, bytearray_repr, array_repr … name Py_TYPE(self), the subclass.
  if (name === "__repr__") {
    return builtinMethod(name, obj, (args) => {
      if (args.length > 0) throw typeError(`expected 0 arguments, got ${args.length}`);
      return pyStr(builtinRepr(obj));
    });
  }
  let m: PyObj;
  try {
    m = asBuiltin(obj, () => getBuiltinAttr(obj, name));
  } catch (e) {
    if (e instanceof PyException && e.pyType === "AttributeError") return undefined;
    throw e;
  }
  if (m.t !== "builtin" || m.self !== obj) return m;
  const f = m.fn;
  return builtinMethod(name, obj, (args, kw) => exactResult(asBuiltin(obj, () => f(args, kw)), obj));
}

/** What object itself answers (the generic attribute paths), past any builtin base. */
const OBJECT_LEVEL: ReadonlySet<string> = new Set(["__setattr__", "__delattr__", "__getattribute__", "__init_subclass__"]);

/** super_getattro. */
export function superAttr(d: SuperData, name: string): PyObj {
  if (name === "__class__") return { t: "type", name: "super", call: null, attrs: new Map() };
  if (name === "__thisclass__") return d.start;
  if (name === "__self__") return d.obj;
  if (name === "__self_class__") return d.objType;
  const v = lookupAfter(d, name);
  if (v !== undefined) return bind(d, v);
  const base = subclassBase(d.objType);
  const b = base === null ? undefined : builtinBaseAttr(d, base, name);
  if (b !== undefined) return b;
  const t = d.objType.isMeta === true ? typeLevelAttr(d, name) : undefined;
  if (t !== undefined) return t;
  // super().__new__ in a tuple subclass: tuple's tp_new (a static method, called with the class).
  if (d.objType.builtinBase === "tuple" && name === "__new__" && d.objType.tupleFields === null) return tupleNew;
  if (d.objType.builtinBase !== "object" && base === null) throw new PymemError("UNSUPPORTED", `super().${name} past the builtin base '${d.objType.builtinBase}'`);
  const o = objectAttr(d, name);
  if (o !== undefined) return o;
  if (name.startsWith("__") && name.endsWith("__")) throw new PymemError("UNSUPPORTED", `super().${name} reaching object's own ${name}`);
  throw new PyException("AttributeError", `'super' object has no attribute '${name}'`);
}
