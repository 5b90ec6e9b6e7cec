// typing's user-facing generics: TypeVar, Generic and Protocol as bases,
// `Stack[int]` (Generic.__class_getitem__, cached as typing's _tp_cache
// caches it: the same alias object for the same class and parameters), and
// calling that alias (_BaseGenericAlias.__call__: the instance, then its
// __orig_class__ set to the alias — an attribute the instance's dict holds).
// The alias is an instance of a Python class with a __dict__ (typing's
// _GenericAlias), so its getsizeof is such an instance's; a TypeVar's varies
// by version (a slotted class, then a C type) and is refused.
import { callObject } from "./calls.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { setAttr } from "./attributes.js";
import { exceptionClasses, exceptionMatches, exceptionObject } from "./exceptions.js";
import { builtinFunction as fn, nativeFunction, False, pyStr, type PyClassObj, type PyObj, type PyTypeObj } from "./objects.js";
import { materialize } from "./seq.js";
import { classDisplayName } from "./repr.js";
import { strText } from "./text.js";
import { newTuple } from "./tuples.js";
import { setClassHooks } from "./classHooks.js";
import { makeClass } from "./classes.js";
import { makeAlias } from "./typingForms.js";
import { protocolInstanceCheck, protocolSubclassCheck } from "./protocolCheck.js";

/** A stand-in for a typing object: a TypeVar, or an alias over `origin` with `args`. */
function typingForm(name: string, extra: Partial<PyTypeObj> = {}): PyTypeObj {
  return { t: "type", name, call: null, attrs: new Map(), typingForm: true, ...extra };
}

/** TypeVar(name, *constraints, bound=None, covariant=False, contravariant=False). */
function typeVar(args: readonly PyObj[], kw: import("./objects.js").Kwargs): PyObj {
  const name = args[0];
  if (name === undefined || name.t !== "str") throw new PymemError("UNSUPPORTED", "TypeVar() without a str name");
  if (args.length === 2) throw typeError("A single constraint is not allowed");
  for (const k of kw.values.keys()) {
    if (!["bound", "covariant", "contravariant"].includes(k)) throw new PymemError("UNSUPPORTED", `TypeVar(${k}=…)`);
  }
  return typingForm(strText(name), { typeVar: true, typingSize: "typeVar", metaclass: "TypeVar" });
}

/** The classes Generic and Protocol of one evaluation (their subclasses' hooks refer to them). */
interface GenericState {
  readonly generic: PyClassObj;
  readonly protocol: PyClassObj;
  /** _tp_cache: one alias per class and parameters. */
  readonly aliases: Map<PyObj, { readonly args: readonly PyObj[]; readonly alias: PyTypeObj }[]>;
}

function state(): GenericState {
  const c = ctx();
  let s = c.moduleState.get("typing.Generic") as GenericState | undefined;
  if (s === undefined) c.moduleState.set("typing.Generic", (s = makeState()));
  return s;
}

function baseClass(name: string, bases: readonly PyClassObj[]): PyClassObj {
  const { heapType } = ctx().layout;
  // class Generic: __slots__ = () — no __dict__, no __weakref__: its subclasses lay out as object's.
  const cls: PyClassObj = {
    t: "class", name, bases, mro: [], attrs: new Map<string, PyObj>([["__module__", pyStr("typing")], ["__qualname__", pyStr(name)], ["__slots__", newTuple([])]]),
    slots: [], hasDict: false, hasWeakref: false, shape: heapType.object, builtinBase: "object",
    cachedKeys: null, frozen: false, tupleFields: null, decorated: null, stdlib: true,
  };
  (cls as { mro: readonly PyClassObj[] }).mro = [cls, ...bases.flatMap((b) => b.mro)];
  return cls;
}

function paramsOf(key: PyObj): readonly PyObj[] {
  return key.t === "tuple" ? materialize(key.items) : [key];
}

/** The protocol classes @runtime_checkable marked. */
const runtimeProtocols = new WeakSet<PyClassObj>();

/** The type variables a class's generic bases declare (its __parameters__). */
const classParams = new WeakMap<PyClassObj, readonly PyObj[]>();

/** cls[params]: Generic[T, …] (type variables only), or a generic class's alias. */
function classGetItem(cls: PyClassObj, key: PyObj): PyObj {
  const s = state();
  const params = paramsOf(key);
  if (builtinGetItemFirst.get(cls) === true && ctx().layout.typing.genericAlias !== null) return builtinAlias(cls, params);
  if (cls === s.generic || cls === s.protocol) {
    if (!params.every((p) => p.t === "type" && p.typeVar === true)) {
      throw typeError(`Parameters to ${cls.name}[...] must all be type variables${ctx().layout.rules.typingParamSpec ? " or parameter specification variables." : ""}`);
    }
  } else {
    const declared = classParams.get(cls) ?? [];
    if (declared.length === 0) throw typeError(`${reprClass(cls)} is not a generic class`);
    if (params.length !== declared.length) {
      throw typeError(`Too ${params.length > declared.length ? "many" : "few"} ${ctx().layout.rules.typingParamSpec ? "arguments" : "parameters"} for ${reprClass(cls)}; actual ${params.length}, expected ${declared.length}`);
    }
  }
  let cached = s.aliases.get(cls);
  if (cached === undefined) s.aliases.set(cls, (cached = []));
  const hit = cached.find((e) => e.args.length === params.length && e.args.every((a, i) => a === params[i]));
  if (hit !== undefined) return hit.alias;
  const alias: PyTypeObj = typingForm(cls.name, { origin: cls, typingArgs: params, typingSize: "alias", metaclass: "_GenericAlias" });
  (alias as { call: PyTypeObj["call"] }).call = (args, kw) => {
    if (cls === s.generic || cls === s.protocol) throw typeError(`Type ${cls.name} cannot be instantiated; it can be used only as a base class`);
    const inst = callObject(cls, args, kw);
    setOrigClass(inst, alias);
    return inst;
  };
  cached.push({ args: params, alias });
  return alias;
}

/** result.__orig_class__ = alias, under except AttributeError (a frozen dataclass's FrozenInstanceError is one), from 3.12 except Exception. */
function setOrigClass(inst: PyObj, alias: PyObj): void {
  try {
    setAttr(inst, "__orig_class__", alias);
  } catch (e) {
    if (!(e instanceof PyException)) throw e;
    const attributeError = exceptionClasses().get("AttributeError") as PyClassObj;
    if (!ctx().layout.rules.origClassCatchesAll && !exceptionMatches(exceptionObject(e), attributeError)) throw e;
  }
}

/** list.__class_getitem__ on a class over list: types.GenericAlias(cls, params), uncached; calling it sets __orig_class__ as _GenericAlias does. */
function builtinAlias(cls: PyClassObj, params: readonly PyObj[]): PyObj {
  const alias: PyTypeObj = makeAlias("GenericAlias", { kind: "genericAlias", name: null, origin: () => cls, args: params }, (args, kw) => {
    const inst = callObject(cls, args, kw);
    setOrigClass(inst, alias);
    return inst;
  }, "genericAlias");
  return alias;
}

function reprClass(cls: PyClassObj): string {
  return `<class '${classDisplayName(cls)}'>`;
}

/**
 * _GenericAlias.__mro_entries__ for `class C(Generic[T])`, `class C(Base[int])`:
 * the origin class (nothing for Generic[…] when a later base is an alias), and
 * the type variables the class declares recorded as its parameters.
 */
export function aliasMroEntries(alias: PyTypeObj, bases: readonly PyObj[]): readonly PyObj[] {
  const origin = alias.origin as PyClassObj;
  const s = state();
  if (origin === s.generic) {
    const i = bases.indexOf(alias);
    if (bases.slice(i + 1).some((b) => b.t === "type" && b.origin !== undefined && b !== alias)) return [];
  }
  if (origin === s.protocol && bases.includes(origin)) return [];
  return [origin];
}

/** Builtin types whose own __class_getitem__ (3.9+) makes a types.GenericAlias: met before Generic in a class's MRO, it answers cls[...]. */
const GENERIC_BUILTINS: ReadonlySet<string> = new Set(["list", "dict", "set", "frozenset", "tuple", "deque", "defaultdict", "OrderedDict", "Counter"]);

/** Whether a builtin with __class_getitem__ precedes Generic in the class's MRO. */
const builtinGetItemFirst = new WeakMap<PyClassObj, boolean>();

function isGenericClass(c: PyObj): boolean {
  return c.t === "class" && c.mro.some((m) => m.stdlib === true && m.name === "Generic" && m.bases.length === 0);
}

function builtinFirst(bases: readonly PyObj[]): boolean {
  for (const b of bases) {
    if (b.t === "type" && GENERIC_BUILTINS.has(b.name)) return true;
    if (b.t === "class" && isGenericClass(b)) return builtinGetItemFirst.get(b) ?? false;
    if (b.t === "class" && GENERIC_BUILTINS.has(b.builtinBase)) return true;
  }
  return false;
}

/**
 * Generic.__init_subclass__: a new class under Generic gets __parameters__, the type
 * variables its generic bases declare (Generic[T] names them all when present).
 */
export function recordParameters(cls: PyObj, origBases: readonly PyObj[], bases: readonly PyObj[]): void {
  if (cls.t !== "class" || !isGenericClass(cls)) return;
  const s = state();
  const vars: PyObj[] = [];
  if (bases !== origBases) {
    const explicit = origBases.find((b) => b.t === "type" && (b.origin === s.generic || b.origin === s.protocol));
    for (const b of explicit !== undefined ? [explicit] : origBases) {
      if (b.t !== "type" || b.typingArgs === undefined) continue;
      collectTypeVars(b.typingArgs, vars);
    }
  }
  classParams.set(cls, vars);
  builtinGetItemFirst.set(cls, builtinFirst(bases));
  (cls.attrs as Map<string, PyObj>).set("__parameters__", newTuple(vars));
}

/** _collect_type_vars: the type variables of the arguments, first seen first, through nested aliases. */
function collectTypeVars(args: readonly PyObj[], vars: PyObj[]): void {
  for (const a of args) {
    if (a.t !== "type") continue;
    if (a.typeVar === true) {
      if (!vars.includes(a)) vars.push(a);
    } else if (a.typingArgs !== undefined) {
      collectTypeVars(a.typingArgs, vars);
    }
  }
}

function makeState(): GenericState {
  const generic = baseClass("Generic", []);
  const protocol = Object.assign(baseClass("Protocol", [generic]), { metaclass: "_ProtocolMeta" });
  const s: GenericState = { generic, protocol, aliases: new Map() };
  const getitem = fn("__class_getitem__", (args) => classGetItem(args[0] as PyClassObj, args[1] as PyObj));
  (generic.attrs as Map<string, PyObj>).set("__class_getitem__", getitem);
  const protocolHooks = {
    // _ProtocolMeta: instantiating a protocol class itself is an error; isinstance against one is protocolCheck.ts.
    subclass: (name: string, bases: readonly PyClassObj[], ns: Map<string, PyObj>): PyObj => {
      // type(cls) is typing's _ProtocolMeta for every class under Protocol.
      const cls = Object.assign(makeClass(name, bases, ns), { metaclass: "_ProtocolMeta" });
      const isProtocol = bases.includes(protocol);
      setClassHooks(cls, isProtocol ? {
        ...protocolHooks,
        call: () => {
          throw typeError("Protocols cannot be instantiated");
        },
        subclasscheck: (c, sub) => protocolSubclassCheck(c, sub, runtimeProtocols.has(c)),
        instancecheck: (c, x) => protocolInstanceCheck(c, x, runtimeProtocols.has(c)),
      } : protocolHooks);
      return cls;
    },
  };
  setClassHooks(protocol, protocolHooks);
  // Generic() itself: a TypeError on 3.8, an instance of a GC-tracked class from 3.9 (not laid out).
  setClassHooks(generic, { call: () => {
    throw new PymemError("UNSUPPORTED", "instantiating typing.Generic itself");
  } });
  return s;
}

/** The names this file gives the typing module. */
export function typingGenericAttrs(): [string, PyObj][] {
  return [
    ["TypeVar", fn("TypeVar", typeVar)],
    ["TYPE_CHECKING", False],
    // NewType('UserId', int): a callable returning its argument (a function before 3.10, a NewType object after).
    ["NewType", fn("NewType", (args) => {
      const name = args[0];
      if (args.length !== 2 || name === undefined || name.t !== "str") throw new PymemError("UNSUPPORTED", "NewType() other than NewType(name, tp)");
      return typingForm(strText(name), { call: (a) => {
        if (a.length !== 1) throw new PymemError("UNSUPPORTED", "calling a NewType with other than one argument");
        return a[0] as PyObj;
      } });
    })],
    ["runtime_checkable", nativeFunction("runtime_checkable", (args) => {
      const cls = args[0];
      if (cls === undefined || cls.t !== "class" || !cls.bases.includes(state().protocol)) throw new PymemError("UNSUPPORTED", "runtime_checkable() of a class that is not a direct Protocol");
      runtimeProtocols.add(cls);
      return cls;
    })],
    ["cast", nativeFunction("cast", (args) => {
      if (args.length !== 2) throw typeError(`cast() takes 2 positional arguments but ${args.length} were given`);
      return args[1] as PyObj;
    })],
  ];
}

/** typing.Generic of the running evaluation. */
export function genericClassNow(): PyClassObj {
  return state().generic;
}

/** Generic and Protocol: made per evaluation (their aliases are cached per evaluation too). */
export function typingGenericClasses(): [string, () => PyObj][] {
  return [["Generic", () => state().generic], ["Protocol", () => state().protocol]];
}
