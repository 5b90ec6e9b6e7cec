// The descriptors type_new puts in a class's dict for what it adds to the
// instance layout: a member_descriptor per slot, and the __dict__ and
// __weakref__ getset_descriptors when the class adds those pointers itself
// (type_new_descriptors). Each is one object in the type dict, so C.x is C.x;
// C.__weakref__ is found along the MRO at the class that added the pointer.
import { opaque } from "./opaqueObjects.js";
import type { PyClassObj, PyObj } from "./objects.js";

/** What type_new added for a class: its own __dict__ and __weakref__ pointers. */
const added = new WeakMap<PyClassObj, { readonly dict: boolean; readonly weakref: boolean }>();
const descriptors = new WeakMap<PyClassObj, Map<string, PyObj>>();

/** Record what type_new added to `cls`'s instances (classes.ts makeClass). */
export function noteAddedPointers(cls: PyClassObj, dict: boolean, weakref: boolean): void {
  if (dict || weakref) added.set(cls, { dict, weakref });
}

/** Whether `cls` itself added the __dict__ / __weakref__ pointer (so its dict holds the getset). */
export function addsPointer(cls: PyClassObj, which: "__dict__" | "__weakref__"): boolean {
  const a = added.get(cls);
  return a !== undefined && (which === "__dict__" ? a.dict : a.weakref);
}

/** The one descriptor object named `name` in `cls`'s type dict. */
export function typeDictDescriptor(cls: PyClassObj, name: string, typeName: "member_descriptor" | "getset_descriptor", make: () => PyObj = () => opaque(typeName)): PyObj {
  let own = descriptors.get(cls);
  if (own === undefined) descriptors.set(cls, (own = new Map()));
  let d = own.get(name);
  if (d === undefined) own.set(name, (d = make()));
  return d;
}

/** The member_descriptor of slot `name` in `owner`'s dict (the class whose __slots__ declared it). */
export function memberDescriptor(owner: PyClassObj, name: string): PyObj {
  return typeDictDescriptor(owner, name, "member_descriptor", () => ({ t: "iterator", typeName: "member_descriptor", next: () => undefined, lengthHint: () => null }));
}

/** C.__weakref__: the getset of the first class along the MRO that added the pointer, or undefined. */
export function weakrefGetset(cls: PyClassObj): PyObj | undefined {
  const owner = cls.mro.find((c) => addsPointer(c, "__weakref__"));
  return owner === undefined ? undefined : typeDictDescriptor(owner, "__weakref__", "getset_descriptor");
}
