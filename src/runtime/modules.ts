// The modules SEMANTICS.md puts in scope: array, collections, decimal, sys.
// Only what pymem models is offered; the rest is refused as UNSUPPORTED.
import { ctx } from "./ctx.js";
import { PymemError, typeError } from "./errors.js";
import { intern } from "./constPool.js";
import { arrayAttrs, collectionsAttrs, decimalAttrs, setDictMergeHook, setListAppendHook } from "./stdlib.js";
import { listAppend } from "./lists.js";
import { dictMerge } from "./dicts.js";
import { dataclassesModuleAttrs, namedTupleFromClassBody, namedtupleFunction, typingModuleAttrs } from "./dataclasses.js";
import { setNamedTupleFactory } from "./exec.js";
import "./instanceHash.js";

setNamedTupleFactory(namedTupleFromClassBody);
setListAppendHook(listAppend);
setDictMergeHook((d, src) => dictMerge(d, src, true));
import { pyInt, pyStr, type NativeFn, type PyModuleObj, type PyObj } from "./objects.js";

function fn(name: string, f: NativeFn): PyObj {
  return { t: "builtin", name, self: null, fn: f };
}

function module(name: string, attrs: [string, PyObj][]): PyModuleObj {
  return { t: "module", name, attrs: new Map(attrs) };
}

export function makeModules(): Map<string, PyModuleObj> {
  const sys = module("sys", [
    ["getsizeof", fn("getsizeof", ([x]) => {
      if (x === undefined) throw typeError("getsizeof() missing required argument 'object' (pos 1)");
      const sizeof = ctx().sizeof;
      if (sizeof === null) throw new PymemError("UNSUPPORTED", "sys.getsizeof here");
      return pyInt(sizeof(x));
    })],
    ["intern", fn("intern", ([x]) => {
      if (x === undefined || x.t !== "str") throw typeError("intern() argument must be str");
      return intern(x);
    })],
    ["maxsize", pyInt(2n ** 63n - 1n)],
    ["byteorder", pyStr("little")],
  ]);
  const array = module("array", arrayAttrs());
  const collections = module("collections", [...collectionsAttrs(), ["namedtuple", namedtupleFunction()]]);
  const decimal = module("decimal", decimalAttrs());
  return new Map([
    ["array", array],
    ["collections", collections],
    ["decimal", decimal],
    ["sys", sys],
    ["dataclasses", module("dataclasses", dataclassesModuleAttrs())],
    ["typing", module("typing", typingModuleAttrs())],
  ]);
}
