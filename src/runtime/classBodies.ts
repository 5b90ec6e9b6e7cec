// What a class statement's namespace held when type_new received it: the
// names a class's __dict__ lists before the descriptors type_new adds.

/** The keys of a class's namespace (its attrs map) as type_new got them, and whether PyType_Ready added __doc__. */
export interface ClassBody {
  readonly keys: ReadonlySet<string>;
  readonly docAdded: boolean;
}

const bodies = new WeakMap<object, ClassBody>();

/** Records the namespace `ns` before type_new adds to it. */
export function noteClassBody(ns: ReadonlyMap<string, unknown>): void {
  bodies.set(ns, { keys: new Set(ns.keys()), docAdded: !ns.has("__doc__") });
}

/** The record of the namespace map `ns`, or undefined for a class made without one. */
export function classBody(ns: ReadonlyMap<string, unknown>): ClassBody | undefined {
  return bodies.get(ns);
}
