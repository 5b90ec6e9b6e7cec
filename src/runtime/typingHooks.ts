// The slots of typing's objects (their Python classes' __eq__, __hash__,
// __getattr__, __repr__, __instancecheck__, __or__), installed by
// typingAliasOps.ts: attribute lookup, comparison, hashing, repr, isinstance
// and | reach them through here without importing typing's files back.
import type { PyHash } from "./hashing.js";
import type { PyObj, PyTypeObj } from "./objects.js";

export interface TypingHooks {
  /** getattr(o, name); undefined when o is not one of typing's objects. */
  attr(o: PyTypeObj, name: string): PyObj | undefined;
  /** a == b with a a typing object; null when neither operand is one. */
  eq(a: PyObj, b: PyObj): boolean | null;
  hash(o: PyTypeObj, itemHash: (x: PyObj) => PyHash): PyHash | null;
  /** The key equal objects share in a dict's or set's table (hashTable.ts), from the items' own keys; null: identity. */
  key(o: PyTypeObj, itemKey: (x: PyObj) => string): string | null;
  repr(o: PyTypeObj, itemRepr: (x: PyObj) => string): string | null;
  /** isinstance(x, t) / issubclass(x, t) for t one of typing's objects (`check` is the builtin over another type). */
  instanceCheck(t: PyTypeObj, x: PyObj, check: (x: PyObj, t: PyObj) => boolean, subclass: boolean): boolean | null;
  /** a | b over types (types.UnionType, 3.10+) or typing objects (Union[a, b]); null when neither applies. */
  or(a: PyObj, b: PyObj): PyObj | null;
}

let hooks: TypingHooks | null = null;

export function setTypingHooks(h: TypingHooks): void {
  hooks = h;
}

export function typingHooks(): TypingHooks | null {
  return hooks;
}
