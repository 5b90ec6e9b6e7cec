// typing.TypedDict: `class Movie(TypedDict)` (total=, inheritance between
// TypedDicts) and the functional TypedDict('Movie', {...}, total=...). The
// class records __annotations__, __total__ and the frozensets
// __required_keys__ / __optional_keys__ as _TypedDictMeta.__new__ does;
// calling it makes a plain dict exactly as dict(*args, **kwargs) does (from
// 3.9 the metaclass's __call__ is dict itself, slot_tp_call handing the call
// on to dict's own call; in 3.8 _dict_new returns dict(*args, **kwargs)).
// isinstance / issubclass against one raise TypeError. Methods, non-TypedDict
// bases and Required/NotRequired are refused.
import { callObject } from "./calls.js";
import { setClassHooks, type ClassHooks } from "./classHooks.js";
import { makeClass } from "./classes.js";
import { truthy } from "./compare.js";
import { ctx } from "./ctx.js";
import { dictSet, newDict } from "./dicts.js";
import { PymemError, typeError } from "./errors.js";
import { None, pyBool, pyStr, type Kwargs, type PyClassObj, type PyDictObj, type PyObj } from "./objects.js";
import { newSet, setAdd } from "./sets.js";
import { typeObject } from "./typeObjects.js";

/** The TypedDict classes of one evaluation. */
const typedDicts = new WeakSet<PyClassObj>();

function state(): PyClassObj {
  const c = ctx();
  let s = c.moduleState.get("typing.TypedDict") as PyClassObj | undefined;
  if (s === undefined) c.moduleState.set("typing.TypedDict", (s = makeRoot()));
  return s;
}

function dictEntries(d: PyObj): [PyObj, PyObj][] {
  if (d.t !== "dict") return [];
  const out: [PyObj, PyObj][] = [];
  d.table.forEachEntry((k, v) => void out.push([k, v]));
  return out;
}

function frozenOf(keys: readonly PyObj[]): PyObj {
  const s = newSet();
  for (const k of keys) setAdd(s, k);
  return callObject(typeObject("frozenset"), [s]);
}

/** _TypedDictMeta.__new__: the class with its merged annotations, totality and key sets. */
function makeTypedDict(name: string, bases: readonly PyClassObj[], ns: Map<string, PyObj>, total: boolean): PyClassObj {
  for (const b of bases) if (!typedDicts.has(b) && b !== state()) throw typeError("cannot inherit from both a TypedDict type and a non-TypedDict base class");
  for (const k of ns.keys()) {
    if (!(k.startsWith("__") && k.endsWith("__"))) throw new PymemError("UNSUPPORTED", `a TypedDict class body defining '${k}' (only annotations are modelled)`);
  }
  const own = ns.get("__annotations__");
  const ownEntries = own === undefined ? [] : dictEntries(own);
  for (const [, tp] of ownEntries) {
    if ((tp.t === "type" || tp.t === "builtin") && ["Required", "NotRequired", "ReadOnly"].includes(tp.name)) throw new PymemError("UNSUPPORTED", `typing.${tp.name} in a TypedDict`);
    if (tp.t === "type" && tp.origin !== undefined && tp.origin.t !== "class" && ["Required", "NotRequired", "ReadOnly"].includes(tp.name)) throw new PymemError("UNSUPPORTED", `typing.${tp.name} in a TypedDict`);
  }
  const annotations: PyDictObj = newDict();
  const required: PyObj[] = [];
  const optional: PyObj[] = [];
  for (const b of bases) {
    if (b === state()) continue;
    for (const [k, v] of dictEntries(b.attrs.get("__annotations__") ?? None)) dictSet(annotations, k, v);
    for (const [set, into] of [["__required_keys__", required], ["__optional_keys__", optional]] as const) {
      const fs = b.attrs.get(set);
      if (fs !== undefined && (fs.t === "frozenset" || fs.t === "set")) for (const k of fs.table.keyList()) into.push(k);
    }
  }
  for (const [k, v] of ownEntries) {
    dictSet(annotations, k, v);
    (total ? required : optional).push(k);
  }
  ns.set("__annotations__", annotations);
  if (ctx().layout.rules.typedDictKeySets) {
    ns.set("__required_keys__", frozenOf(required));
    ns.set("__optional_keys__", frozenOf(optional));
  }
  ns.set("__total__", pyBool(total));
  const cls = Object.assign(makeClass(name, [], ns, { builtinBase: "dict" }), { metaclass: "_TypedDictMeta" });
  typedDicts.add(cls);
  setClassHooks(cls, hooks);
  return cls;
}

function totalOf(kw: Kwargs | undefined, what: string): boolean {
  if (kw === undefined) return true;
  for (const k of kw.values.keys()) if (k !== "total") throw new PymemError("UNSUPPORTED", `${what} with the keyword ${k}=`);
  const t = kw.values.get("total");
  return t === undefined ? true : truthy(t);
}

const hooks: ClassHooks = {
  keywords: true,
  subclass: (name, bases, ns, builtin, kw) => {
    if (builtin !== undefined) throw typeError("cannot inherit from both a TypedDict type and a non-TypedDict base class");
    return makeTypedDict(name, bases, ns, totalOf(kw, "a TypedDict class"));
  },
  // The metaclass's __call__: dict(*args, **kwargs), a plain dict.
  call: (_cls, args, kw) => callObject(typeObject("dict"), args, kw),
  subclasscheck: () => {
    throw typeError("TypedDict does not support instance and class checks");
  },
};

/** TypedDict itself: a base for class statements, and the functional TypedDict('Name', {field: type}, total=...). */
function makeRoot(): PyClassObj {
  const root = makeClass("TypedDict", [], new Map<string, PyObj>([["__module__", pyStr("typing")]]), { builtinBase: "dict" });
  setClassHooks(root, {
    ...hooks,
    call: (_cls, args, kw) => {
      const name = args[0];
      const fields = args[1];
      if (name === undefined || name.t !== "str" || args.length > 2 || (fields !== undefined && fields.t !== "dict")) {
        throw new PymemError("UNSUPPORTED", "TypedDict() other than TypedDict('Name', {field: type}, total=...)");
      }
      const ns = new Map<string, PyObj>([["__annotations__", fields ?? newDict()], ["__module__", pyStr("__main__")]]);
      return makeTypedDict(name.text as string, [], ns, totalOf(kw, "TypedDict()"));
    },
  });
  return root;
}

/** The names this file gives the typing module. */
export function typedDictClasses(): [string, () => PyObj][] {
  return [["TypedDict", () => state()]];
}
