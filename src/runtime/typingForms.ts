// typing's aliases and special forms as values (Lib/typing.py): List, Dict …
// (aliases of builtin and collections types), List[int] and the other
// subscripted aliases, Union/Optional, Callable, Literal, ClassVar, Final, Any,
// and the C objects list[int] (types.GenericAlias, 3.9+) and int | str
// (types.UnionType, 3.10+). Each is the object its version makes — its class
// (layout.typing.classes) and size — and typing's _tp_cache decides identity:
// a subscription is an lru_cache call keyed by the form and the subscript as
// written, so List[int] is List[int] but List[int,] is another object, and
// list[int] is never cached. Aliases' own operations live in typingAliasOps.ts.
import { callObject } from "./calls.js";
import { ctx } from "./ctx.js";
import { PymemError, typeError } from "./errors.js";
import { moduleAttr } from "./moduleAttrs.js";
import type { Layout } from "../layouts/layout.js";
import { subOf, typeName, type PyModuleObj, type PyObj, type PyTypeObj } from "./objects.js";
import { materialize } from "./seq.js";
import { strText } from "./text.js";
import { newTuple } from "./tuples.js";
import { typeObject } from "./typeObjects.js";
import { pyEq } from "./compare.js";

export type AliasKind = "special" | "generic" | "union" | "callable" | "literal" | "form" | "genericAlias" | "unionType";

/** What typing keeps on an alias: its _name, __origin__ and __args__ (Callable's flattened, Ellipsis first for Callable[..., R]). */
export interface AliasInfo {
  readonly kind: AliasKind;
  readonly name: string | null;
  readonly origin: () => PyObj;
  readonly args: readonly PyObj[];
  /** A bare alias's arity (-1: Tuple's and Callable's own rules) and whether calling it makes an object (_inst). */
  readonly nparams?: number;
  readonly inst?: boolean;
}

const aliases = new WeakMap<PyTypeObj, AliasInfo>();

/** The alias behind a typing object, or undefined for any other value. */
export function aliasInfo(o: PyObj): AliasInfo | undefined {
  return o.t === "type" ? aliases.get(o) : undefined;
}

/** The special forms (Any, Union …) of one layout, which subscriptions and checks compare against. */
export interface SpecialForms {
  readonly Any: PyTypeObj;
  readonly Union: PyTypeObj;
  readonly Optional: PyTypeObj;
  readonly ClassVar: PyTypeObj;
  readonly Final: PyTypeObj;
  readonly Literal: PyTypeObj;
  readonly NoReturn: PyTypeObj;
}

const formsOfObject = new WeakMap<PyTypeObj, SpecialForms>();

/** The special forms `o` belongs with when it is one of them. */
export function specialFormsOf(o: PyObj): SpecialForms | undefined {
  return o.t === "type" ? formsOfObject.get(o) : undefined;
}

function typingObject(name: string, metaclass: string, typingSize: NonNullable<PyTypeObj["typingSize"]>, call: PyTypeObj["call"]): PyTypeObj {
  return { t: "type", name, call, attrs: new Map(), typingForm: true, metaclass, typingSize };
}

/** One alias object of class `cls`, with __origin__, __args__ and __parameters__ as attributes where typing sets them. */
export function makeAlias(cls: string, info: AliasInfo, call: PyTypeObj["call"], size: "alias" | "genericAlias" | "unionType" = "alias"): PyTypeObj {
  const attrs = new Map<string, PyObj>();
  const alias: PyTypeObj = { t: "type", name: info.name ?? cls, call, attrs, typingForm: true, metaclass: cls, typingSize: size, typingArgs: info.args };
  aliases.set(alias, info);
  if (info.kind !== "special") {
    attrs.set("__args__", newTuple([...info.args]));
    attrs.set("__parameters__", newTuple(collectParameters(info.args)));
  }
  return alias;
}

/** _collect_type_vars / _collect_parameters: the type variables of the arguments, first seen first, through nested aliases. */
export function collectParameters(args: readonly PyObj[]): PyObj[] {
  const out: PyObj[] = [];
  for (const a of args) {
    if (a.t !== "type") continue;
    if (a.typeVar === true) {
      if (!out.includes(a)) out.push(a);
      continue;
    }
    const inner = aliases.get(a);
    if (inner !== undefined && inner.kind !== "special") for (const p of collectParameters(inner.args)) if (!out.includes(p)) out.push(p);
  }
  return out;
}

// ---- _tp_cache --------------------------------------------------------------

interface CacheState {
  readonly entries: Map<object, { readonly key: readonly PyObj[]; readonly value: PyObj }[]>;
  count: number;
}

/** functools.lru_cache's default maxsize: past it typing's caches evict, which pymem does not follow. */
const LRU_MAXSIZE = 128;

function cacheState(): CacheState {
  const state = ctx().moduleState;
  let s = state.get("typing._tp_cache") as CacheState | undefined;
  if (s === undefined) state.set("typing._tp_cache", (s = { entries: new Map(), count: 0 }));
  return s;
}

function sameKey(a: readonly PyObj[], b: readonly PyObj[], typed: boolean): boolean {
  return a.length === b.length && a.every((x, i) => {
    const y = b[i] as PyObj;
    return x === y || ((!typed || typeName(x) === typeName(y)) && pyEq(x, y));
  });
}

/** The lru_cache of typing's function `owner` called with `key`: the object an equal earlier call made, else make()'s. */
export function tpCache(owner: object, key: readonly PyObj[], typed: boolean, make: () => PyObj): PyObj {
  // An unhashable argument (a list) makes lru_cache fall through to an uncached call.
  if (key.some(unhashable)) return make();
  const s = cacheState();
  let list = s.entries.get(owner);
  if (list === undefined) s.entries.set(owner, (list = []));
  const hit = list.find((e) => sameKey(e.key, key, typed));
  if (hit !== undefined) return hit.value;
  const value = make();
  if (++s.count > LRU_MAXSIZE) throw new PymemError("UNSUPPORTED", `more than ${LRU_MAXSIZE} typing aliases in one evaluation (typing's lru_cache starts to evict them)`);
  list.push({ key, value });
  return value;
}

function unhashable(o: PyObj): boolean {
  if (o.t === "list" || o.t === "dict" || o.t === "set") return true;
  return o.t === "tuple" && materialize(o.items).some(unhashable);
}

// ---- _type_check --------------------------------------------------------------

/** _type_check / _type_convert: None is NoneType; a str would be a ForwardRef (not modelled); a bare special form is refused by typing. */
export function typeCheck(arg: PyObj, msg: string, forms: SpecialForms, allowForms = false): PyObj {
  if (arg.t === "NoneType") return typeObject("NoneType");
  if (arg.t === "str") return forwardRef(strText(arg));
  const info = aliasInfo(arg);
  if (info !== undefined && info.kind === "form" && !allowForms) throw typeError(`${info.name === "ClassVar" ? "typing.ClassVar" : "typing.Final"}[...] is not valid as type argument`);
  if (arg.t === "type" && formsOfObject.has(arg) && arg !== forms.Any && arg !== forms.NoReturn && !allowForms) {
    if (arg.typingSize === "anyClass") return arg;
    throw typeError(`Plain typing.${arg.name} is not valid as type argument`);
  }
  if (arg.t === "tuple") throw typeError(`${msg} Got ${typeName(arg)}.`);
  if (ctx().layout.typing.argsMustBeCallable && !isCallable(arg)) throw typeError(`${msg} Got ${typeName(arg)}.`);
  if (!isCallable(arg) && !["int", "bool", "float"].includes(arg.t)) throw new PymemError("UNSUPPORTED", `a ${typeName(arg)} as a typing argument`);
  return arg;
}

function isCallable(o: PyObj): boolean {
  return o.t === "type" || o.t === "class" || o.t === "function" || o.t === "builtin";
}

const forwardRefs = new WeakMap<PyTypeObj, string>();

/** ForwardRef('Name'): what a string becomes inside an alias; equal to another of the same text. */
export function forwardRef(text: string): PyTypeObj {
  const ref: PyTypeObj = { t: "type", name: "ForwardRef", call: () => {
    throw typeError("'ForwardRef' object is not callable");
  }, attrs: new Map(), typingForm: true, metaclass: "ForwardRef", typingSize: "forwardRef" };
  forwardRefs.set(ref, text);
  return ref;
}

/** The text of a ForwardRef, or undefined for any other value. */
export function forwardRefText(o: PyObj): string | undefined {
  return o.t === "type" ? forwardRefs.get(o) : undefined;
}

export function paramsOf(key: PyObj): PyObj[] {
  return key.t === "tuple" ? materialize(key.items) : [key];
}

// ---- the bare aliases of builtin, collections and collections.abc types ----

type OriginRef = { readonly builtin: string } | { readonly collections: string } | { readonly abc: string };

interface SpecialSpec {
  readonly name: string;
  readonly origin: OriginRef;
  readonly nparams: number;
  readonly inst: boolean;
  readonly cls: "special" | "tuple" | "callable";
}

const b = (name: string, builtin: string, nparams: number): SpecialSpec => ({ name, origin: { builtin }, nparams, inst: false, cls: "special" });
const c = (name: string, collections: string, nparams: number): SpecialSpec => ({ name, origin: { collections }, nparams, inst: true, cls: "special" });
const a = (name: string, nparams: number): SpecialSpec => ({ name, origin: { abc: name === "AbstractSet" ? "Set" : name }, nparams, inst: true, cls: "special" });

/** typing's _alias(...) table (the ones pymem models): name, origin, arity, _inst. */
const SPECIALS: readonly SpecialSpec[] = [
  b("List", "list", 1), b("Dict", "dict", 2), b("Set", "set", 1), b("FrozenSet", "frozenset", 1), b("Type", "type", 1),
  { name: "Tuple", origin: { builtin: "tuple" }, nparams: -1, inst: false, cls: "tuple" },
  { name: "Callable", origin: { abc: "Callable" }, nparams: -1, inst: true, cls: "callable" },
  c("Deque", "deque", 1), c("DefaultDict", "defaultdict", 2), c("OrderedDict", "OrderedDict", 2), c("Counter", "Counter", 1), c("ChainMap", "ChainMap", 2),
  a("Sequence", 1), a("MutableSequence", 1), a("Mapping", 2), a("MutableMapping", 2), a("Iterable", 1), a("Iterator", 1), a("AbstractSet", 1),
  a("MutableSet", 1), a("Collection", 1), a("Container", 1), a("Reversible", 1), a("Generator", 3),
];

/** typing's attributes this file makes for one layout (the modules collections and collections.abc give the origins). */
export function typingFormAttrs(layout: Layout, collections: PyModuleObj, collectionsAbc: PyModuleObj): [string, PyObj][] {
  const { typing } = layout;
  const formCall = (name: string): PyTypeObj["call"] => () => {
    throw typeError(`Cannot instantiate typing.${name}`);
  };
  const form = (name: string): PyTypeObj => typingObject(name, "_SpecialForm", "specialForm", formCall(name));
  const forms: SpecialForms = {
    Any: typing.anyIsClass ? typingObject("Any", "_AnyMeta", "anyClass", () => {
      throw typeError("Any cannot be instantiated");
    }) : form("Any"),
    Union: form("Union"),
    Optional: form("Optional"),
    ClassVar: form("ClassVar"),
    Final: form("Final"),
    Literal: typingObject("Literal", typing.classes.literalForm, "literalForm", formCall("Literal")),
    NoReturn: form("NoReturn"),
  };
  for (const f of Object.values(forms)) formsOfObject.set(f, forms);
  const originOf = (ref: OriginRef): (() => PyObj) => {
    if ("builtin" in ref) return () => typeObject(ref.builtin);
    if ("collections" in ref) return () => collections.attrs.get(ref.collections) as PyObj;
    return () => {
      const cls = moduleAttr(collectionsAbc, ref.abc);
      if (cls === undefined) throw new PymemError("UNSUPPORTED", `collections.abc.${ref.abc}`);
      return cls;
    };
  };
  const out: [string, PyObj][] = Object.entries(forms);
  for (const spec of SPECIALS) {
    const origin = originOf(spec.origin);
    const info: AliasInfo = { kind: "special", name: spec.name, origin, args: [], nparams: spec.nparams, inst: spec.inst };
    out.push([spec.name, makeAlias(typing.classes[spec.cls], info, aliasCall(spec.name, info))]);
  }
  specialFormsByLayout.set(typing, forms);
  return out;
}

const specialFormsByLayout = new WeakMap<object, SpecialForms>();

/** The special forms of the running evaluation's layout. */
export function currentForms(): SpecialForms {
  const forms = specialFormsByLayout.get(ctx().layout.typing);
  if (forms === undefined) throw new PymemError("UNSUPPORTED", "typing's special forms before the typing module is made");
  return forms;
}

/** _BaseGenericAlias.__call__: _inst aliases make their origin's object, whose __orig_class__ assignment deque and defaultdict refuse (AttributeError, swallowed). */
export function aliasCall(name: string, info: AliasInfo): PyTypeObj["call"] {
  return (args, kw) => {
    if (info.kind === "union" || info.kind === "literal" || info.kind === "form") {
      throw typeError(`Cannot instantiate typing.${info.kind === "union" ? "Union" : info.kind === "literal" ? "Literal" : name}`);
    }
    if (info.inst === false) {
      const origin = info.origin();
      throw typeError(`Type ${name} cannot be instantiated; use ${origin.t === "type" ? origin.name : name.toLowerCase()}() instead`);
    }
    const origin = info.origin();
    if (origin.t === "class") throw new PymemError("UNSUPPORTED", `calling typing.${name} (an abstract collections.abc class)`);
    const result = callObject(origin, args, kw);
    const kind = typeName(result);
    // A Counter takes __orig_class__ into its own __dict__, which neither its getsizeof nor the deep walk (a stdlib class) reads.
    if (subOf(result) !== undefined || !["deque", "defaultdict", "list", "dict", "set", "frozenset", "tuple", "Counter"].includes(kind)) {
      throw new PymemError("UNSUPPORTED", `calling the alias ${name}[...] (it sets __orig_class__ on a ${kind}, which pymem does not follow)`);
    }
    return result;
  };
}
