// collections.abc (Lib/_collections_abc.py): the ABCs, made per evaluation
// (register() changes them), with the hierarchy, the builtins the module
// registers, and the __subclasshook__ of the one-trick ponies: _check_methods
// looks each method up along the class's MRO, a None entry (a __hash__ that
// __eq__ cleared) answering NotImplemented. For a builtin type the methods
// are those of its dir() (the version's attribute table, which leaves out
// object's: none of the checked methods but __hash__), and whether __hash__ is
// None is the known table below; a builtin type outside it is refused.
import type { Layout } from "../layouts/layout.js";
import { isModelledAbc, stdlibAbc } from "./abcModule.js";
import { installAbcMixins } from "./abcMixins.js";
import { ctx } from "./ctx.js";
import { PymemError } from "./errors.js";
import type { PyClassObj, PyObj, PyTypeObj } from "./objects.js";
import { builtinTypeBase, typeObject } from "./typeObjects.js";

interface AbcDef {
  readonly name: string;
  readonly bases: readonly string[];
  /** The methods its own __subclasshook__ checks, or null (no hook of its own). */
  readonly hook: readonly string[] | null;
  /** Builtin types registered with it (by type name). */
  readonly registered: (layout: Layout) => readonly string[];
}

const none = (): readonly string[] => [];

const DEFS: readonly AbcDef[] = [
  { name: "Hashable", bases: [], hook: ["__hash__"], registered: none },
  { name: "Awaitable", bases: [], hook: ["__await__"], registered: none },
  { name: "Coroutine", bases: ["Awaitable"], hook: ["__await__", "send", "throw", "close"], registered: none },
  { name: "AsyncIterable", bases: [], hook: ["__aiter__"], registered: none },
  { name: "AsyncIterator", bases: ["AsyncIterable"], hook: ["__anext__", "__aiter__"], registered: none },
  { name: "AsyncGenerator", bases: ["AsyncIterator"], hook: ["__aiter__", "__anext__", "asend", "athrow", "aclose"], registered: none },
  { name: "Iterable", bases: [], hook: ["__iter__"], registered: none },
  { name: "Iterator", bases: ["Iterable"], hook: ["__iter__", "__next__"], registered: none },
  { name: "Reversible", bases: ["Iterable"], hook: ["__reversed__", "__iter__"], registered: none },
  { name: "Generator", bases: ["Iterator"], hook: ["__iter__", "__next__", "send", "throw", "close"], registered: () => ["generator"] },
  { name: "Sized", bases: [], hook: ["__len__"], registered: none },
  { name: "Container", bases: [], hook: ["__contains__"], registered: none },
  { name: "Collection", bases: ["Sized", "Iterable", "Container"], hook: ["__len__", "__iter__", "__contains__"], registered: none },
  { name: "Buffer", bases: [], hook: ["__buffer__"], registered: none },
  { name: "Callable", bases: [], hook: ["__call__"], registered: none },
  { name: "Set", bases: ["Collection"], hook: null, registered: () => ["frozenset"] },
  { name: "MutableSet", bases: ["Set"], hook: null, registered: () => ["set"] },
  { name: "Mapping", bases: ["Collection"], hook: null, registered: () => ["mappingproxy"] },
  { name: "MappingView", bases: ["Sized"], hook: null, registered: none },
  { name: "KeysView", bases: ["MappingView", "Set"], hook: null, registered: () => ["dict_keys"] },
  { name: "ItemsView", bases: ["MappingView", "Set"], hook: null, registered: () => ["dict_items"] },
  { name: "ValuesView", bases: ["MappingView", "Collection"], hook: null, registered: () => ["dict_values"] },
  { name: "MutableMapping", bases: ["Mapping"], hook: null, registered: () => ["dict"] },
  { name: "Sequence", bases: ["Reversible", "Collection"], hook: null, registered: () => ["tuple", "str", "range", "memoryview"] },
  { name: "ByteString", bases: ["Sequence"], hook: null, registered: () => ["bytes", "bytearray"] },
  // collections registers deque; the array module (3.10+) registers array.
  { name: "MutableSequence", bases: ["Sequence"], hook: null, registered: (l) => ["list", "bytearray", "deque", ...(l.rules.arrayMutableSequence ? ["array"] : [])] },
];

/** Builtin and stdlib types (by type(x).__name__) whose __hash__ is None; every other type named in KNOWN_HASHABLE hashes. */
const UNHASHABLE: ReadonlySet<string> = new Set(["list", "dict", "set", "bytearray", "dict_keys", "dict_items", "odict_keys", "odict_items", "array", "deque",
  "OrderedDict", "defaultdict", "Counter", "ChainMap", "SimpleNamespace"]);
const KNOWN_HASHABLE: ReadonlySet<string> = new Set(["int", "bool", "float", "complex", "str", "bytes", "tuple", "frozenset", "range", "memoryview", "NoneType",
  "ellipsis", "NotImplementedType", "object", "type", "function", "builtin_function_or_method", "method", "property", "staticmethod", "classmethod",
  "generator", "zip", "map", "filter", "enumerate", "reversed", "dict_values", "odict_values", "Decimal", "flags", "chain", "count",
  "list_iterator", "list_reverseiterator", "tuple_iterator", "str_iterator", "str_ascii_iterator", "bytes_iterator", "bytearray_iterator",
  "set_iterator", "range_iterator", "longrange_iterator", "dict_keyiterator", "dict_valueiterator", "dict_itemiterator",
  "dict_reversekeyiterator", "dict_reversevalueiterator", "dict_reverseitemiterator", "odict_iterator", "arrayiterator",
  "_deque_iterator", "_deque_reverse_iterator"]);

/** Whether `name` has `method` (not None) in its MRO's dicts: builtin types by their attribute table. */
function builtinHas(name: string, method: string): boolean {
  const layout = ctx().layout;
  if (method === "__hash__") {
    for (let n: string | undefined = name; n !== undefined; n = builtinTypeBase(n)) {
      if (n === "slice") return layout.rules.sliceHashable;
      if (UNHASHABLE.has(n)) return false;
      if (KNOWN_HASHABLE.has(n)) return true;
    }
    throw new PymemError("UNSUPPORTED", `whether '${name}' is collections.abc.Hashable`);
  }
  for (let n: string | undefined = name; n !== undefined; n = builtinTypeBase(n)) {
    // EnumType gives its classes __iter__, __len__, __contains__ … beyond type's.
    if (n === "EnumMeta" || n === "EnumType") throw new PymemError("UNSUPPORTED", `the methods of '${n}' for a collections.abc check`);
    const names = layout.attributeNames()[n];
    if (names !== undefined) return names.split(" ").includes(method);
  }
  throw new PymemError("UNSUPPORTED", `the methods of '${name}' for a collections.abc check`);
}

/** Where `method` is found along a class's MRO: its value is None, it is there, or it is absent. */
function classHas(cls: PyClassObj, method: string): boolean {
  for (const c of cls.mro) {
    // What a decorator (@dataclass) makes of __hash__ depends on its options: not read here.
    if (method === "__hash__" && c.decorated !== null) throw new PymemError("UNSUPPORTED", "collections.abc.Hashable of a decorated class");
    // A standard-library class pymem models natively keeps only part of its real namespace.
    if (c.stdlib === true && !isModelledAbc(c)) throw new PymemError("UNSUPPORTED", `a collections.abc check over ${c.name} (its namespace is not modelled whole)`);
    const v = c.attrs.get(method) ?? c.decorated?.generated(method);
    if (v !== undefined) return v.t !== "NoneType";
    // type_new sets __hash__ = None in the dict of a class defining __eq__ without __hash__.
    if (method === "__hash__" && c.attrs.has("__eq__") && c.stdlib !== true) return false;
  }
  if (cls.builtinBase !== "object" && cls.builtinBase !== "BaseException") return builtinHas(cls.builtinBase, method);
  if (cls.builtinBase === "BaseException") throw new PymemError("UNSUPPORTED", "a collections.abc check of an exception class");
  return method === "__hash__"; // object's
}

/** _check_methods(C, *methods). */
function checkMethods(methods: readonly string[]): (sub: PyClassObj | PyTypeObj) => boolean {
  return (sub) => methods.every((m) => (sub.t === "class" ? classHas(sub, m) : builtinHas(sub.name, m)));
}

/** The module's ABCs of this evaluation, by name (those the version has). */
function abcs(layout: Layout): ReadonlyMap<string, PyClassObj> {
  const state = ctx().moduleState;
  const have = state.get("module collections.abc") as ReadonlyMap<string, PyClassObj> | undefined;
  if (have !== undefined) return have;
  const offered = new Set((layout.attributeNames()["module collections.abc"] ?? "").split(" "));
  const made = new Map<string, PyClassObj>();
  for (const d of DEFS) {
    if (!offered.has(d.name)) continue;
    const bases = d.bases.map((b) => made.get(b) as PyClassObj);
    const own = d.hook === null ? null : checkMethods(d.hook);
    const hook = (sub: PyClassObj | PyTypeObj): boolean => {
      // A stdlib Python class pymem keeps as a type object without its real bases (ChainMap derives MutableMapping).
      if (sub.t === "type" && sub.name === "ChainMap") throw new PymemError("UNSUPPORTED", "collections.abc checks of ChainMap");
      return own !== null && own(sub);
    };
    made.set(d.name, stdlibAbc(d.name, "collections.abc", bases, hook, d.registered(layout).map((n) => typeObject(n))));
  }
  state.set("module collections.abc", made);
  installAbcMixins(made);
  return made;
}

/** The names offered: ByteString (a deprecated metaclass of its own from 3.12) stays internal, for the registry. */
export function collectionsAbcModuleAttrs(layout: Layout): [string, () => PyObj][] {
  return DEFS.filter((d) => (layout.attributeNames()["module collections.abc"] ?? "").split(" ").includes(d.name))
    .map((d): [string, () => PyObj] => [d.name, d.name === "ByteString" ? refusedByteString : () => abcs(ctx().layout).get(d.name) as PyObj]);
}

function refusedByteString(): PyObj {
  throw new PymemError("UNSUPPORTED", "collections.abc.ByteString (deprecated, its own metaclass from 3.12)");
}
