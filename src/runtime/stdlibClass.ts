// A class a standard-library module defines in Python (string.Template,
// textwrap.TextWrapper): a heap type with a __dict__ and __weakref__ over
// object, its methods native. Made once per evaluation (moduleAttrs.ts), so
// the keys it shares with its instances' dicts start empty as they do in a
// fresh interpreter; its instances are leaves of the deep walk (`stdlib`).
import { setClassHooks } from "./classHooks.js";
import { ctx } from "./ctx.js";
import { PymemError } from "./errors.js";
import { newClassKeys } from "./instanceDict.js";
import { nativeFunction, pyStr, type PyClassObj, type PyObj } from "./objects.js";
import { opaque } from "./opaqueObjects.js";

export function stdlibClass(name: string, module: string, attrs: readonly [string, PyObj][], metaclass?: string): PyClassObj {
  const { heapType } = ctx().layout;
  const cls: PyClassObj = {
    t: "class", name, bases: [], mro: [], attrs: new Map<string, PyObj>([["__module__", pyStr(module)], ["__qualname__", pyStr(name)], ...attrs]),
    slots: [], hasDict: true, hasWeakref: true, shape: heapType.shape(heapType.object, 0, true, true, false), builtinBase: "object",
    cachedKeys: newClassKeys(), frozen: false, tupleFields: null, decorated: null, stdlib: true,
    ...(metaclass === undefined ? {} : { metaclass }),
  };
  (cls as { mro: readonly PyClassObj[] }).mro = [cls];
  // A subclass may override the methods and patterns the native methods stand for.
  setClassHooks(cls, {
    subclass: () => {
      throw new PymemError("UNSUPPORTED", `subclassing ${module}.${name} (its subclasses may override what pymem runs natively)`);
    },
  });
  return cls;
}

/** A method of the real class that pymem does not run: present, refused when called. */
export function refusedMethod(owner: string, name: string): [string, PyObj] {
  return [name, nativeFunction(name, () => {
    throw new PymemError("UNSUPPORTED", `${owner}.${name}()`);
  })];
}

/** A class attribute holding an object pymem does not model (a compiled re pattern): present, refused when sized or used. */
export function unmodelled(name: string, typeName: string): [string, PyObj] {
  return [name, opaque(typeName)];
}
