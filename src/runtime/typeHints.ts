// typing.get_type_hints(cls) for a class whose annotations are objects (not
// strings): Lib/typing.py walks reversed(cls.__mro__), takes each base's own
// __annotations__ in order (None as NoneType), evaluates each value (a
// ForwardRef or an alias holding one is what changes) and stores it in a new
// dict, a later base's entry overwriting an earlier one in place. Without
// include_extras (3.9+) the result is a comprehension over that dict with
// Annotated stripped: a second dict of the same keys, so the same size.
// What would make new objects (a string annotation, a ForwardRef, Annotated,
// 3.11+'s rebuilt list[int]) is refused, as is a function's hints (3.8–3.10
// wrap a None default in Optional).
import { ctx } from "./ctx.js";
import { PymemError, keyError } from "./errors.js";
import { repr } from "./repr.js";
import { strText } from "./text.js";
import { SETUP_MODULE } from "./typeNew.js";
import { newDict, dictSet } from "./dicts.js";
import { lookupClassAttr } from "./classes.js";
import { typeName, type PyClassObj, type PyObj } from "./objects.js";
import { typeObject } from "./typeObjects.js";
import { aliasInfo, forwardRefText } from "./typingForms.js";

function refuse(what: string): PymemError {
  return new PymemError("UNSUPPORTED", `typing.get_type_hints ${what}`);
}

/** _eval_type + _strip_annotations of an annotation that holds no string: the object itself, or refused. */
function evaluated(v: PyObj, depth = 0): PyObj {
  if (v.t === "NoneType" && depth === 0) return typeObject("NoneType");
  if (v.t === "str" || forwardRefText(v) !== undefined) throw refuse("of a string annotation (a ForwardRef evaluated in the module's namespace)");
  const info = aliasInfo(v);
  if (info !== undefined) {
    if (info.name === "Annotated" || typeName(v) === "_AnnotatedAlias") throw refuse("of an Annotated annotation (stripped to a new alias)");
    if (info.kind === "genericAlias" && ctx().layout.typing.hintsRebuildGenericAlias) throw refuse("of a types.GenericAlias annotation (3.11+ rebuilds it as origin[args])");
    for (const a of info.args) evaluated(a, depth + 1);
  }
  return v;
}

/** get_type_hints(obj, globalns=None, localns=None, include_extras=False). */
export function getTypeHints(obj: PyObj, globalns: PyObj | undefined): PyObj {
  if (obj.t === "type") return newDict(); // a builtin type: no base has __annotations__
  if (obj.t !== "class") throw refuse(`of a ${typeName(obj)} (only classes are modelled)`);
  if (lookupClassAttr(obj, "__no_type_check__") !== undefined) throw refuse("of a class with __no_type_check__");
  const hints = newDict();
  for (const base of [...obj.mro].reverse() as PyClassObj[]) {
    // 3.8/3.9: base_globals = sys.modules[base.__module__].__dict__, before the annotations are read.
    const mod = base.attrs.get("__module__");
    if (ctx().layout.typing.hintsModuleBySubscript && (globalns === undefined || globalns.t === "NoneType") && mod !== undefined && mod.t === "str" && strText(mod) === SETUP_MODULE) {
      throw keyError(mod, repr(mod));
    }
    const ann = base.attrs.get("__annotations__");
    if (ann === undefined) continue;
    if (ann.t !== "dict") throw refuse(`of ${base.name}, whose __annotations__ is not a dict`);
    const items: [PyObj, PyObj][] = [];
    ann.table.forEachEntry((k, v) => void items.push([k, v]));
    for (const [name, value] of items) dictSet(hints, name, evaluated(value));
  }
  return hints;
}
