// Subscribing typing's forms and aliases, and builtin types (Lib/typing.py's
// __getitem__ methods; Objects/genericaliasobject.c for list[int]): the
// argument checks (_type_check), the arity check (_check_generic), Union's
// flattening and de-duplication, Literal's, and the lru_cache each goes
// through (tpCache), so the object returned is the one typing returns.
import { ctx } from "./ctx.js";
import { PymemError, typeError } from "./errors.js";
import { callObject } from "./calls.js";
import { Ellipsis, subOf, typeName, type PyObj, type PyTypeObj } from "./objects.js";
import { materialize } from "./seq.js";
import { newTuple } from "./tuples.js";
import { typeObject } from "./typeObjects.js";
import { pyEq } from "./compare.js";
import {
  aliasCall, aliasInfo, collectParameters, currentForms, makeAlias, paramsOf, specialFormsOf, tpCache, typeCheck, type AliasInfo, type SpecialForms,
} from "./typingForms.js";

/** Builtin and collections types with a __class_getitem__ (3.9+) that pymem models: list[int] is a types.GenericAlias over them. */
const GENERIC_BUILTINS: ReadonlySet<string> = new Set(["list", "dict", "set", "frozenset", "tuple", "type", "deque", "defaultdict", "OrderedDict", "Counter"]);
/** Builtin types without one: subscribing them is a TypeError on every version. */
const PLAIN_BUILTINS: ReadonlySet<string> = new Set(["int", "str", "float", "bool", "bytes", "bytearray", "complex", "object", "range", "NoneType"]);

/** o[key] for a type object: a typing form or alias, a TypeVar, or a builtin type. */
export function typeSubscript(o: PyTypeObj, key: PyObj): PyObj {
  const forms = specialFormsOf(o);
  if (forms !== undefined) return formSubscript(o, key, forms);
  const info = aliasInfo(o);
  if (info !== undefined) return info.kind === "special" ? specialSubscript(o, info, key) : substitute(o, info);
  if (o.typeVar === true) throw typeError("'TypeVar' object is not subscriptable");
  if (o.typingForm === true) throw new PymemError("UNSUPPORTED", `subscripting typing.${o.name}`);
  return builtinSubscript(o, key);
}

function formSubscript(o: PyTypeObj, key: PyObj, forms: SpecialForms): PyObj {
  const { classes } = ctx().layout.typing;
  switch (o) {
    case forms.Union:
      return unionOf(forms, key);
    case forms.Optional:
      return tpCache(o, [key], false, () => {
        const arg = typeCheck(key, "Optional[t] requires a single type.", forms);
        return unionOf(forms, newTuple([arg, typeObject("NoneType")]));
      });
    case forms.ClassVar:
    case forms.Final:
      return tpCache(o, [key], false, () => {
        const item = typeCheck(key, `typing.${o.name} accepts only single type.`, forms);
        const info: AliasInfo = { kind: "form", name: o.name, origin: () => o, args: [item] };
        return makeAlias(classes.generic, info, aliasCall(o.name, info));
      });
    case forms.Literal:
      return literalOf(forms, key);
    default:
      throw typeError(o.typingSize === "anyClass" ? `type '${o.name}' is not subscriptable` : `typing.${o.name} is not subscriptable`);
  }
}

/** Union[…]: each argument checked, nested unions flattened, repeats dropped (first kept); one left is itself. */
export function unionOf(forms: SpecialForms, key: PyObj): PyObj {
  return tpCache(forms.Union, [key], false, () => {
    if (key.t === "tuple" && materialize(key.items).length === 0) throw typeError("Cannot take a Union of no types.");
    const checked = paramsOf(key).map((p) => typeCheck(p, "Union[arg, ...]: each arg must be a type.", forms));
    const flat: PyObj[] = [];
    for (const p of checked) {
      const inner = aliasInfo(p);
      if (inner !== undefined && (inner.kind === "union" || inner.kind === "unionType")) flat.push(...inner.args);
      else flat.push(p);
    }
    const args = dedupe(flat, (x, y) => pyEq(x, y));
    if (args.length === 1) return args[0] as PyObj;
    const info: AliasInfo = { kind: "union", name: null, origin: () => forms.Union, args };
    return makeAlias(ctx().layout.typing.classes.union, info, aliasCall("Union", info));
  });
}

function dedupe(items: readonly PyObj[], same: (a: PyObj, b: PyObj) => boolean): PyObj[] {
  const out: PyObj[] = [];
  for (const x of items) if (!out.some((y) => x === y || same(x, y))) out.push(x);
  return out;
}

const LITERAL_VALUES: ReadonlySet<string> = new Set(["int", "bool", "str", "bytes", "NoneType"]);

function literalOf(forms: SpecialForms, key: PyObj): PyObj {
  const { typing } = ctx().layout;
  const params = paramsOf(key);
  for (const p of params) {
    if (!LITERAL_VALUES.has(p.t) && aliasInfo(p)?.kind !== "literal") throw new PymemError("UNSUPPORTED", `a ${typeName(p)} inside Literal[...]`);
  }
  const make = (): PyObj => {
    let args = params;
    if (typing.literalDedup) {
      const flat = params.flatMap((p) => (aliasInfo(p)?.kind === "literal" ? (aliasInfo(p) as AliasInfo).args : [p]));
      args = dedupe(flat, (x, y) => typeName(x) === typeName(y) && pyEq(x, y));
    } else if (params.some((p) => aliasInfo(p) !== undefined)) {
      throw new PymemError("UNSUPPORTED", "a Literal inside Literal[...] under CPython 3.8");
    }
    const info: AliasInfo = { kind: "literal", name: null, origin: () => forms.Literal, args };
    return makeAlias(typing.classes.literalAlias, info, aliasCall("Literal", info));
  };
  // 3.9+: Literal(self, *parameters) under _tp_cache(typed=True); 3.8: _SpecialForm.__getitem__(self, parameters), untyped.
  return typing.literalTypedCache ? tpCache(forms.Literal, params, true, make) : tpCache(forms.Literal, [key], false, make);
}

/** List[int], Dict[str, int], Tuple[…], Callable[[…], R]: typing's checks, then one cached _GenericAlias. */
function specialSubscript(o: PyTypeObj, info: AliasInfo, key: PyObj): PyObj {
  const forms = currentForms();
  const name = info.name as string;
  const { classes } = ctx().layout.typing;
  if (name === "Callable") return callableSubscript(o, info, key, forms);
  return tpCache(o, [key], false, () => {
    const raw = paramsOf(key);
    let params: PyObj[];
    if (name === "Tuple") {
      if (raw.length === 0) throw new PymemError("UNSUPPORTED", "Tuple[()] (typing's _TypingEmpty)");
      params = raw.length === 2 && raw[1] === Ellipsis
        ? [typeCheck(raw[0] as PyObj, "Tuple[t, ...]: t must be a type.", forms), Ellipsis]
        : raw.map((p) => typeCheck(p, "Tuple[t0, t1, ...]: each t must be a type.", forms));
    } else {
      params = raw.map((p) => typeCheck(p, "Parameters to generic types must be types.", forms));
      const expected = info.nparams ?? 0;
      if (params.length !== expected) {
        const word = ctx().layout.rules.typingParamSpec ? "arguments" : "parameters";
        throw typeError(`Too ${params.length > expected ? "many" : "few"} ${word} for typing.${name}; actual ${params.length}, expected ${expected}`);
      }
    }
    const alias: AliasInfo = { kind: "generic", name, origin: info.origin, args: params, inst: info.inst ?? true };
    return makeAlias(classes.generic, alias, aliasCall(name, alias));
  });
}

function callableSubscript(o: PyTypeObj, info: AliasInfo, key: PyObj, forms: SpecialForms): PyObj {
  if (key.t !== "tuple" || materialize(key.items).length !== 2) throw typeError("Callable must be used as Callable[[arg, ...], result].");
  const [args, result] = materialize(key.items) as [PyObj, PyObj];
  if (args.t !== "list" && args !== Ellipsis) throw new PymemError("UNSUPPORTED", "Callable[X, R] with X not a list or ... (ParamSpec and Concatenate)");
  const inner = newTuple([args.t === "list" ? newTuple(materialize(args.items)) : args, result]);
  // __getitem_inner__ is the cached part: its key is the (args tuple, result) pair.
  return tpCache(o, [inner], false, () => {
    const r = typeCheck(result, "Callable[args, result]: result must be a type.", forms);
    const params = args === Ellipsis ? [Ellipsis, r] : [...materialize(args.t === "list" ? args.items : []).map((p) => typeCheck(p, "Callable[[arg, ...], result]: each arg must be a type.", forms)), r];
    const alias: AliasInfo = { kind: "callable", name: "Callable", origin: info.origin, args: params, inst: true };
    return makeAlias(ctx().layout.typing.classes.callableAlias, alias, aliasCall("Callable", alias));
  });
}

/** A subscripted alias subscripted again: its type variables substituted (not modelled), or TypeError when it has none. */
function substitute(o: PyTypeObj, info: AliasInfo): PyObj {
  if (collectParameters(info.args).length === 0) throw typeError(`${info.kind === "genericAlias" ? typeName(o) : "typing alias"} is not a generic class`);
  throw new PymemError("UNSUPPORTED", "substituting the type variables of a typing alias (alias[...][...])");
}

/** list[int] (3.9+): a new types.GenericAlias every time, no checks on the arguments. */
function builtinSubscript(o: PyTypeObj, key: PyObj): PyObj {
  const { typing } = ctx().layout;
  if (PLAIN_BUILTINS.has(o.name) || (typing.genericAlias === null && o.heap === undefined)) throw typeError("'type' object is not subscriptable");
  if (typing.genericAlias === null || !GENERIC_BUILTINS.has(o.name)) throw new PymemError("UNSUPPORTED", `subscripting the type ${o.name}`);
  const info: AliasInfo = { kind: "genericAlias", name: null, origin: () => o, args: paramsOf(key) };
  return makeAlias("GenericAlias", info, (args, kw) => {
    const result = callObject(o, args, kw);
    // ga_call sets __orig_class__ and ignores the AttributeError of an object without a __dict__.
    if (result.t === "instance" || subOf(result) !== undefined) throw new PymemError("UNSUPPORTED", `calling ${o.name}[...] on a class whose objects take __orig_class__`);
    return result;
  }, "genericAlias");
}
