// weakref.ref as Objects/weakrefobject.c makes one: a GC-tracked leaf of the
// deep walk (it holds no strong reference), and one basic reference per
// referent (a second ref(x) without a callback is the first, while it lives;
// pymem never sees it die, and handing out the same object is what CPython
// does whenever both are alive at once). Calling it gives the referent while
// the referent lives. pymem has no reference counts, so it answers only for
// a referent proven alive (the module's names reach it) and refuses
// otherwise; a callback, which CPython calls when the referent dies, is
// refused alike. proxy, the weak containers and finalize are refused through
// the module's attribute table.
import { ctx } from "./ctx.js";
import { PymemError, typeError } from "./errors.js";
import { provenAlive } from "./liveSharers.js";
import { nativeObject } from "./nativeObjects.js";
import { None, subOf, typeName, type NativeFn, type PyObj } from "./objects.js";
import type { Layout } from "../layouts/layout.js";

/** The types whose objects have no tp_weaklistoffset: ref() raises TypeError for them. */
const NOT_WEAKREFABLE: ReadonlySet<string> = new Set(["int", "bool", "float", "complex", "str", "bytes", "bytearray", "tuple", "list", "dict", "NoneType", "range", "slice"]);

/** Whether objects like `o` carry a weakref list; undefined when pymem does not know for this type. */
function weakrefable(o: PyObj): boolean | undefined {
  const sub = subOf(o);
  if (sub !== undefined) return sub.cls.hasWeakref || o.t === "set" || o.t === "frozenset" ? true : undefined;
  switch (o.t) {
    case "instance":
      return o.cls.hasWeakref;
    case "class":
    case "type":
    case "function":
    case "builtin":
    case "method":
    case "set":
    case "frozenset":
      return true;
    default:
      return NOT_WEAKREFABLE.has(o.t) ? false : undefined;
  }
}

/** The basic references made in this evaluation, by referent. */
function basicRefs(): WeakMap<object, PyObj> {
  const state = ctx().moduleState;
  let refs = state.get("weakref.ref basic") as WeakMap<object, PyObj> | undefined;
  if (refs === undefined) state.set("weakref.ref basic", (refs = new WeakMap()));
  return refs;
}

function newRef(target: PyObj, name: string): PyObj {
  const deref = (): PyObj => {
    if (!provenAlive(target)) {
      throw new PymemError("UNSUPPORTED", `calling a weak reference whose referent (a '${typeName(target)}') nothing pymem can see holds: whether CPython freed it depends on reference counts pymem does not keep`);
    }
    return target;
  };
  return nativeObject(name, {
    call: (args, kw) => {
      if (args.length > 0 || kw.values.size > 0) throw typeError(`${name}() takes no arguments`);
      return deref();
    },
    attr: (n) => (n === "__callback__" ? None : undefined),
    repr: () => { throw new PymemError("UNSUPPORTED", "the repr of a weak reference (it shows addresses)"); },
    compare: () => { throw new PymemError("UNSUPPORTED", "a comparison of weak references (it compares the referents while they live)"); },
  });
}

export function weakrefModuleAttrs(layout: Layout): [string, PyObj][] {
  const name = layout.rules.weakrefTypeName;
  const call: NativeFn = (args, kw) => {
    if (kw.values.size > 0) throw typeError(`${name}() takes no keyword arguments`);
    if (args.length < 1 || args.length > 2) throw typeError(`${name} expected at most 2 arguments, got ${args.length}`);
    const target = args[0] as PyObj;
    const ok = weakrefable(target);
    if (ok === false) throw typeError(`cannot create weak reference to '${typeName(target)}' object`);
    if (ok === undefined) throw new PymemError("UNSUPPORTED", `a weak reference to a '${typeName(target)}' object`);
    const callback = args[1];
    if (callback !== undefined && callback !== None) {
      throw new PymemError("UNSUPPORTED", "weakref.ref with a callback (CPython calls it when the referent dies; pymem has no reference counts)");
    }
    const refs = basicRefs();
    let r = refs.get(target);
    if (r === undefined) refs.set(target, (r = newRef(target, name)));
    return r;
  };
  const ref: PyObj = { t: "type", name, call, attrs: new Map() };
  return [
    ["ref", ref],
    ["ReferenceType", ref],
  ];
}
