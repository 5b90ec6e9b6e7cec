// The subject tests of the match statement as ceval.c runs them: which
// objects MATCH_SEQUENCE and MATCH_MAPPING accept (Py_TPFLAGS_SEQUENCE /
// Py_TPFLAGS_MAPPING), and match_class's isinstance, __match_args__ and
// attribute lookups.
import { getAttr } from "./attributes.js";
import { isInstanceOf, lookupClassAttr } from "./classes.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { typeName, type PyObj, type PyTypeObj } from "./objects.js";
import { materialize } from "./seq.js";
import { strText } from "./text.js";

/** Builtin types with _Py_TPFLAGS_MATCH_SELF (and their subclasses): one positional sub-pattern matches the subject itself. */
const MATCH_SELF = new Set(["bool", "bytearray", "bytes", "dict", "float", "frozenset", "int", "list", "set", "str", "tuple", "OrderedDict", "defaultdict", "Counter"]);

/** Py_TPFLAGS_SEQUENCE: list, tuple (named tuples too), range, deque, array; never str, bytes or bytearray. */
export function isSequence(v: PyObj): boolean {
  if (v.t === "list" || v.t === "tuple" || v.t === "range" || v.t === "deque" || v.t === "array") return true;
  if (v.t === "opaque" && v.typeName === "memoryview") throw new PymemError("UNSUPPORTED", "a memoryview as the subject of a sequence pattern");
  return false;
}

/** Py_TPFLAGS_MAPPING beyond dict and its subclasses (OrderedDict, defaultdict, Counter): the others pymem has are refused. */
export function isOtherMapping(v: PyObj): false {
  // ChainMap (a MutableMapping) and mappingproxy match by their own get() and keys(), not modelled here.
  if (v.t === "opaque" && (v.typeName === "ChainMap" || v.typeName === "mappingproxy")) {
    throw new PymemError("UNSUPPORTED", `a ${v.typeName} as the subject of a mapping pattern`);
  }
  return false;
}

/** isinstance(v, t) for a builtin type: its own objects (bool under int, dict subclasses under dict, named tuples under tuple, classes under type). */
function instanceOfBuiltin(v: PyObj, t: PyTypeObj): boolean {
  if (t.name === "object") return true;
  if (v.t === "instance") return false;
  if (t.name === "type") return v.t === "class" || v.t === "type";
  if (typeName(v) === t.name) return true;
  if (t.name === "int") return v.t === "bool";
  if (t.name === "dict" || t.name === "tuple") return v.t === t.name;
  return false;
}

/** ceval.c match_class: the sub-pattern subjects, or null when `v` does not match. */
export function matchClass(v: PyObj, type: PyObj, nargs: number, kwdAttrs: readonly string[]): PyObj[] | null {
  if (type.t !== "class" && type.t !== "type") throw typeError(`called match pattern must be a ${ctx().layout.rules.matchClassWord}`);
  if (type.t === "class" ? !isInstanceOf(v, type) : !instanceOfBuiltin(v, type)) return null;
  const seen = new Set<string>();
  const attrs: PyObj[] = [];
  const attr = (name: string): boolean => {
    if (seen.has(name)) throw typeError(`${type.name}() got multiple sub-patterns for attribute '${name}'`);
    seen.add(name);
    try {
      attrs.push(getAttr(v, name));
      return true;
    } catch (e) {
      if (e instanceof PyException && e.pyType === "AttributeError") return false;
      throw e;
    }
  };
  if (nargs > 0) {
    const matchArgs = type.t === "class" ? lookupClassAttr(type, "__match_args__") : type.attrs.get("__match_args__");
    let names: readonly PyObj[] = [];
    let matchSelf = false;
    if (matchArgs !== undefined) {
      if (matchArgs.t !== "tuple" || matchArgs.cls !== undefined) throw typeError(`${type.name}.__match_args__ must be a tuple (got ${typeName(matchArgs)})`);
      names = materialize(matchArgs.items);
    } else {
      matchSelf = type.t === "type" ? MATCH_SELF.has(type.name) : type.builtinBase === "tuple";
    }
    const allowed = matchSelf ? 1 : names.length;
    if (allowed < nargs) throw typeError(`${type.name}() accepts ${allowed} positional sub-pattern${allowed === 1 ? "" : "s"} (${nargs} given)`);
    if (matchSelf) attrs.push(v);
    else {
      for (let i = 0; i < nargs; i++) {
        const name = names[i] as PyObj;
        if (name.t !== "str") throw typeError(`__match_args__ elements must be strings (got ${typeName(name)})`);
        if (!attr(strText(name))) return null;
      }
    }
  }
  for (const name of kwdAttrs) if (!attr(name)) return null;
  return attrs;
}
