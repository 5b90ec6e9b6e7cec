// json.JSONEncoder (Lib/json/encoder.py) as the Python class it is: made per
// evaluation, subclassable (a subclass's methods are user functions).
// __init__ stores the options on the instance as encoder.py does
// (separators -> item_separator/key_separator, default= -> self.default);
// encode() reads them back from the instance and calls self.default (bound,
// so an override runs) for objects JSON has no form for; default() raises
// the TypeError. A subclass overriding iterencode is refused (encode runs
// it); iterencode itself is refused.
import { getAttr, setAttr } from "./attributes.js";
import { callObject, emptyKwargs } from "./calls.js";
import { lookupClassAttr } from "./classes.js";
import { setClassHooks } from "./classHooks.js";
import { truthy } from "./compare.js";
import { ctx } from "./ctx.js";
import { PymemError, typeError } from "./errors.js";
import { False, nativeFunction, None, pyStr, True, typeName, type PyClassObj, type PyObj } from "./objects.js";
import { bindDef, pyDef } from "./pyParams.js";
import { encodeTop, indentText, separatorPair } from "./jsonEncode.js";
import { strText } from "./text.js";
import { refusedMethod, stdlibClass } from "./stdlibClass.js";

const INIT_NAMES = ["skipkeys", "ensure_ascii", "check_circular", "allow_nan", "sort_keys", "indent", "separators", "default"] as const;
const INIT = pyDef("__init__", ["self"], [], { kwonly: [...INIT_NAMES], kwDefaults: [False, True, True, True, False, None, None, None] });
const DEFAULT = pyDef("default", ["self", "o"], []);
const ENCODE = pyDef("encode", ["self", "o"], []);

function jsonEncoderClass(): PyClassObj {
  let cls: PyClassObj | null = null;
  cls = stdlibClass("JSONEncoder", "json.encoder", [
    ["item_separator", pyStr(", ")],
    ["key_separator", pyStr(": ")],
    ["__init__", nativeFunction("__init__", (args, kw) => {
      const v = bindDef(INIT, args, kw);
      const self = v[0] as PyObj;
      const [skipkeys, ensureAscii, checkCircular, allowNan, sortKeys, indent, separators, dflt] = v.slice(1) as PyObj[];
      setAttr(self, "skipkeys", skipkeys as PyObj);
      setAttr(self, "ensure_ascii", ensureAscii as PyObj);
      setAttr(self, "check_circular", checkCircular as PyObj);
      setAttr(self, "allow_nan", allowNan as PyObj);
      setAttr(self, "sort_keys", sortKeys as PyObj);
      setAttr(self, "indent", indent as PyObj);
      if ((separators as PyObj).t !== "NoneType") {
        const [item, key] = separatorPair(separators as PyObj);
        setAttr(self, "item_separator", item);
        setAttr(self, "key_separator", key);
      } else if ((indent as PyObj).t !== "NoneType") setAttr(self, "item_separator", pyStr(","));
      if ((dflt as PyObj).t !== "NoneType") setAttr(self, "default", dflt as PyObj);
      return None;
    })],
    ["default", nativeFunction("default", (args, kw) => {
      const [, o] = bindDef(DEFAULT, args, kw) as [PyObj, PyObj];
      throw typeError(`Object of type ${typeName(o)} is not JSON serializable`);
    })],
    ["encode", nativeFunction("encode", (args, kw) => {
      const [self, o] = bindDef(ENCODE, args, kw) as [PyObj, PyObj];
      if (self.t !== "instance" || !self.cls.mro.includes(cls as PyClassObj)) throw new PymemError("UNSUPPORTED", `JSONEncoder.encode on a '${typeName(self)}'`);
      if (lookupClassAttr(self.cls, "iterencode") !== (cls as PyClassObj).attrs.get("iterencode")) throw new PymemError("UNSUPPORTED", "a JSONEncoder subclass with its own iterencode");
      if (!truthy(getAttr(self, "check_circular"))) throw new PymemError("UNSUPPORTED", "JSONEncoder(check_circular=False)");
      const item = getAttr(self, "item_separator");
      const key = getAttr(self, "key_separator");
      if (item.t !== "str" || key.t !== "str") throw new PymemError("UNSUPPORTED", "JSONEncoder separators other than strs");
      return encodeTop(o, {
        ensureAscii: truthy(getAttr(self, "ensure_ascii")),
        allowNan: truthy(getAttr(self, "allow_nan")),
        sortKeys: truthy(getAttr(self, "sort_keys")),
        skipKeys: truthy(getAttr(self, "skipkeys")),
        indent: indentText(getAttr(self, "indent")),
        itemSep: strText(item),
        keySep: strText(key),
        dflt: getAttr(self, "default"),
      });
    })],
    refusedMethod("JSONEncoder", "iterencode"),
  ]);
  // A subclass is made as any class; encode refuses one overriding iterencode.
  setClassHooks(cls, {});
  return cls;
}

/** json.JSONEncoder of this evaluation. */
export function jsonEncoderOf(): PyClassObj {
  const state = ctx().moduleState;
  const key = "module json.JSONEncoder";
  let cls = state.get(key) as PyClassObj | undefined;
  if (cls === undefined) {
    state.set(key, (cls = jsonEncoderClass()));
    // json/__init__.py makes _default_encoder at import: the class's shared keys hold its six options.
    state.set("module json._default_encoder", callObject(cls, [], emptyKwargs));
  }
  return cls;
}
