// The modelled Python heap. A JS object is one Python object: JS identity is
// Python identity, which is what the deep size counts. Containers keep the
// allocator state CPython keeps (list `allocated`, set `fill/mask`, dict keys
// table), so sizes follow from the same arithmetic CPython does.
import { SMALL_INT_MAX, SMALL_INT_MIN } from "../layouts/smallInts.js";
import { ALLOCATION_STEPS, chargeSteps, chargeText, surrogatesMet } from "./ctx.js";
import type { IntRunSeq, Seq } from "./seq.js";
import type { HashTable } from "./hashTable.js";
import type { SetTable } from "./setTable.js";
import type { HeapTypeShape } from "../layouts/layout.js";
import type { FreeVar } from "../compiler/symtable.js";

/**
 * `w` on the most numerous kinds is the deep walk's mark: the number of the
 * last walk that reached the object (a Set of millions of objects costs the
 * walk more time and memory than the objects' own word does).
 */
/** An int: a class for the same reason as PyStrObj (the tag on the prototype: two fields). */
export class PyIntObj {
  declare readonly t: "int";
  declare private readonly made: "by constructor";
  /** A number iff a safe integer. */
  readonly v: number | bigint;
  w = 0;
  declare readonly sub?: PyInstanceObj;

  constructor(v: number | bigint) {
    this.v = v;
  }
}
Object.defineProperty(PyIntObj.prototype, "t", { value: "int" });
export interface PyBoolObj { readonly t: "bool"; readonly v: boolean }
/** A float (a class as PyIntObj is: one field). */
export class PyFloatObj {
  declare readonly t: "float";
  declare private readonly made: "by constructor";
  readonly v: number;
  declare readonly sub?: PyInstanceObj;

  constructor(v: number) {
    this.v = v;
  }
}
Object.defineProperty(PyFloatObj.prototype, "t", { value: "float" });
export interface PyComplexObj { readonly t: "complex"; readonly re: number; readonly im: number }
export interface PyNoneObj { readonly t: "NoneType" }
export interface PyEllipsisObj { readonly t: "ellipsis" }
export interface PyNotImplementedObj { readonly t: "NotImplementedType" }

/** A str: JS text, or a repeat of a unit when too large to hold. */
/**
 * A str's contents kept closed: `unit` repeated `count` times, then the runs of
 * `next` — what repetition and concatenation of big strings make, whose
 * figures need only their length and widest character.
 */
export interface StrRun {
  readonly unit: string;
  readonly count: number;
  readonly next?: StrRun;
}

/**
 * A str. A class, not a literal, because it is the most numerous object: its
 * type tag lives on the prototype and its length in code points is the text's
 * own (a BMP string's UTF-16 length), so a str costs three fields; a str whose
 * length the text cannot tell (astral characters, runs) is a PyCountedStr.
 */
export class PyStrObj {
  declare readonly t: "str";
  /** Object literals cannot pass for a str: every one comes from the constructors below. */
  declare private readonly made: "by constructor";
  w = 0;
  /**
   * The characters, or the runs of a str kept closed (a huge repeat) until an
   * operation needs its characters (strText then keeps them here instead).
   */
  text: string | StrRun;
  /** The widest code point: decides the PEP 393 kind. */
  readonly maxChar: number;
  declare readonly sub?: PyInstanceObj;

  constructor(text: string | StrRun, maxChar: number) {
    this.text = text;
    this.maxChar = maxChar;
  }

  /** Code points. */
  get length(): number {
    return (this.text as string).length;
  }
}
Object.defineProperty(PyStrObj.prototype, "t", { value: "str" });

/** A str whose length in code points is kept apart from its text. */
class PyCountedStr extends PyStrObj {
  readonly count: number;

  constructor(text: string | StrRun, count: number, maxChar: number) {
    super(text, maxChar);
    this.count = count;
  }

  override get length(): number {
    return this.count;
  }
}

/** A new str object of `text` (`length` code points, widest `maxChar`). */
function newStr(text: string | StrRun, length: number, maxChar: number): PyStrObj {
  return typeof text === "string" && text.length === length ? new PyStrObj(text, maxChar) : new PyCountedStr(text, length, maxChar);
}

/** A copy of `o` (its own fields, its prototype): an object of the same kind made from another. */
export function cloneObject<T extends object>(o: T): T {
  return Object.assign(Object.create(Object.getPrototypeOf(o) as object | null) as T, o);
}

export interface PyBytesObj {
  readonly t: "bytes";
  /** null: see `rep`, until an operation needs the bytes (bytesData then keeps them here). */
  data: Uint8Array | null;
  readonly rep: { readonly unit: Uint8Array; readonly count: number } | null;
  readonly length: number;
  readonly sub?: PyInstanceObj;
}

export interface PyByteArrayObj {
  readonly t: "bytearray";
  data: Uint8Array | null;
  rep: { readonly unit: Uint8Array; readonly count: number } | null;
  length: number;
  alloc: number; // ob_alloc
  offset?: number; // ob_start - ob_bytes: bytes dropped from the front that the buffer still holds
  readonly sub?: PyInstanceObj;
}

/**
 * A list; `zeroBlock` marks ob_item kept as a 0-byte block after list_resize
 * to 0 (PyMem_Realloc(p, 0) is not NULL), which list_extend tells from NULL.
 */
export class PyListObj {
  declare readonly t: "list";
  declare private readonly made: "by constructor";
  items: Seq;
  allocated: number;
  w = 0;
  declare zeroBlock?: boolean;
  declare readonly sub?: PyInstanceObj;

  constructor(items: Seq, allocated: number) {
    this.items = items;
    this.allocated = allocated;
  }
}
Object.defineProperty(PyListObj.prototype, "t", { value: "list" });
/**
 * A tuple; `cls` is set on an instance of a tuple subclass, and `dict` is its
 * __dict__ once allocated (a var-sized base puts the pointer after the items:
 * tp_dictoffset < 0), when the class has one.
 */
export class PyTupleObj {
  declare readonly t: "tuple";
  declare private readonly made: "by constructor";
  readonly items: Seq;
  w = 0;
  declare readonly cls?: PyClassObj;
  declare dict?: PyDictObj | null;

  constructor(items: Seq, cls?: PyClassObj) {
    this.items = items;
    if (cls !== undefined) (this as { cls?: PyClassObj }).cls = cls;
  }
}
Object.defineProperty(PyTupleObj.prototype, "t", { value: "tuple" });
export interface PySetObj { readonly t: "set" | "frozenset"; readonly table: SetTable; readonly sub?: PyInstanceObj }
/** The keys a class shares with its instances' dicts (PEP 412): names in insertion order. */
export interface SharedKeys {
  readonly order: PyStrObj[];
  /** Each name's position in `order`, by its text. */
  readonly index: Map<string, number>;
  size: number; // dk_size
  usable: number; // dk_usable
  /** The type (while it caches these keys) plus every split dict using them. */
  refcnt: number;
  /** Set once the type stopped caching these keys (before 3.11): then only dicts hold them. */
  dropped?: boolean;
}

/** collections' dict subclasses, with what they add to a dict. */
export interface DictFlavor {
  readonly name: "OrderedDict" | "defaultdict" | "Counter";
  /** defaultdict.default_factory. */
  factory?: PyObj;
  /** OrderedDict: changed since made or cleared, so od_fast_nodes is allocated. */
  mutated?: boolean;
}

/** A dict; `split` is set while it is a key-sharing instance dict. */
/** A dict (the class HashTable: the object and its keys table in one). */
export interface PyDictObj { readonly t: "dict"; readonly table: HashTable; split: SharedKeys | null; w: number; flavor: DictFlavor | undefined; readonly sub?: PyInstanceObj }

/** array.array: machine values, not objects. */
export interface PyArrayObj {
  readonly t: "array";
  readonly typecode: string;
  values: (number | bigint | string)[];
  allocated: number;
}

/** collections.deque: items, and where the first sits in its block. */
export interface PyDequeObj {
  readonly t: "deque";
  items: PyObj[];
  leftindex: number;
  readonly maxlen: number | null;
  /** The instance part of a deque subclass's object. */
  readonly sub?: PyInstanceObj;
}

/** decimal.Decimal: (-1)**sign * coeff * 10**exp, or a special value. */
export interface PyDecimalObj {
  readonly t: "Decimal";
  readonly sign: 0 | 1;
  readonly coeff: bigint;
  readonly exp: number;
  readonly special: "NaN" | "sNaN" | "Infinity" | null;
  /** The coefficient was moved to dynamically allocated words. */
  readonly dynamic: boolean;
}
export interface PyRangeObj { readonly t: "range"; readonly start: bigint; readonly stop: bigint; readonly step: bigint; readonly len: bigint }
export interface PySliceObj { readonly t: "slice"; readonly start: PyObj; readonly stop: PyObj; readonly step: PyObj }

/** Iterators, views and generators: leaves whose getsizeof is their struct size. */
export interface PyIterObj {
  readonly t: "iterator";
  readonly typeName: string; // type(x).__name__: list_iterator, map, generator …
  readonly next: () => PyObj | undefined;
  readonly lengthHint: () => number | null; // __length_hint__, null when the type has none
  /** A generator's __qualname__ (its repr shows it). */
  readonly qualname?: string;
  /** A generator's frame slots from 3.11 (co_nlocalsplus + co_stacksize); null when pymem cannot tell them. */
  readonly frameSlots?: number | null;
  /** The items still to come, taken all at once as a run of existing objects (a reversed() run), or null. */
  readonly rest?: () => IntRunSeq | null;
  /** Py_ssize_t elements its type's __sizeof__ adds to tp_basicsize (the index arrays of itertools.product, combinations, permutations). */
  readonly indexWords?: number;
  /** Its repr where its type has its own tp_repr or a module-qualified name (itertools: `count(5)`, `<itertools.cycle object at 0x…>`). */
  readonly repr?: () => string;
}

export interface PyViewObj {
  readonly t: "dictview";
  readonly typeName: "dict_keys" | "dict_values" | "dict_items";
  readonly dict: PyDictObj;
}

/** Keyword arguments by name; `keys` keeps the str objects CPython passes as kwnames. */
export interface Kwargs {
  readonly values: ReadonlyMap<string, PyObj>;
  readonly keys: ReadonlyMap<string, PyStrObj>;
}

export type NativeFn = (args: readonly PyObj[], kwargs: Kwargs) => PyObj;

export interface PyBuiltinObj {
  readonly t: "builtin";
  readonly name: string;
  readonly self: PyObj | null; // bound method receiver
  readonly fn: NativeFn;
  /** The module whose C function this is (math.floor): its arguments are bound by that module's generated signature. */
  readonly module?: string;
  /** type(x).__name__ when not builtin_function_or_method: a slot wrapper or method descriptor of a C type, or a bound one (builtinDescriptors.ts). */
  readonly kind?: DescrKind;
  /** The C type whose __dict__ holds it (__objclass__), by name. */
  readonly objclass?: string;
}

/** The C callables of a type's __dict__ other than builtin_function_or_method, and what a slot wrapper or METH_METHOD function binds to. */
export type DescrKind = "wrapper_descriptor" | "method_descriptor" | "classmethod_descriptor" | "method-wrapper" | "builtin_method";

export interface PyTypeObj {
  readonly t: "type";
  readonly name: string;
  readonly call: NativeFn | null;
  readonly attrs: ReadonlyMap<string, PyObj>;
  /**
   * A stdlib type that may be a heap type: "class" for one defined in Python
   * (Counter, ChainMap: with the keys its instances' dicts share), "extension"
   * for a C type that is a heap type in the versions the layout names
   * (array.array from 3.10); "metaclass" for a Python class over `type`
   * (ABCMeta, EnumMeta), which caches a keys table only while types keep
   * their dict apart (before 3.11); otherwise a static type.
   */
  readonly heap?: "class" | "extension" | "metaclass";
  /** type(x).__name__ of the type object itself when not 'type' (ChainMap's is ABCMeta). */
  readonly metaclass?: string;
  /** A typing construct pymem stands in for with a type (List, Optional[int], TypeVar …): not the real object, so never sized. */
  readonly typingForm?: true;
  /** A TypeVar's stand-in. */
  readonly typeVar?: true;
  /** An alias's class (Generic[T], Stack[int]) and parameters: __mro_entries__ gives the class. */
  readonly origin?: PyObj;
  readonly typingArgs?: readonly PyObj[];
  /**
   * Sized as what the real object is (layout.typing): an alias, an instance of a Python class with a
   * __dict__ and __weakref__ (typing._GenericAlias); a _SpecialForm, Literal's form, a TypeVar; the C
   * objects list[int] (types.GenericAlias) and int | str (types.UnionType); Any as a class (refused).
   */
  readonly typingSize?: "alias" | "specialForm" | "literalForm" | "typeVar" | "genericAlias" | "unionType" | "anyClass" | "forwardRef";
}

export interface PyModuleObj {
  readonly t: "module";
  readonly name: string;
  readonly attrs: ReadonlyMap<string, PyObj>;
  /** Names whose value each evaluation makes for itself on first use (moduleAttrs.ts): interned constants, classes holding shared keys. */
  readonly perEvaluation?: ReadonlyMap<string, () => PyObj>;
}

/** A lambda: its compiled body behind a native-call interface. */
export interface PyFunctionObj {
  readonly t: "function";
  readonly name: string;
  /** __qualname__ when it is not the name (nested, method, lambda in a comprehension …). */
  readonly qualname?: string;
  readonly call: NativeFn;
  /**
   * What f.__closure__ reads (src/runtime/closures.ts): its free variables and the scope its def or
   * lambda ran in; null: it has none (None); absent: a function pymem made, whose closure it does not know.
   */
  readonly free?: FunctionFree | null;
}

/** A def's or lambda's free variables (co_freevars, in order) with the scope their cells are found from. */
export interface FunctionFree {
  readonly vars: readonly FreeVar[] | "refused";
  readonly scope: Scope;
  /** The class cell of a method that uses zero-argument super() (its __class__ free variable). */
  readonly classCell: object | undefined;
}

/** The builtin a class derives from (its solid base's C type). */
export type BuiltinBase = "object" | "tuple" | "BaseException" | SubclassableBuiltin;
/** Builtin types whose subclasses' instances are those builtins' objects carrying the instance part in `sub`. */
export type SubclassableBuiltin = "list" | "dict" | "set" | "frozenset" | "str" | "int" | "float" | "bytes" | "bytearray" | CollectionBase;
/** collections' types a class statement may derive from (collectionSubclass.ts). */
export type CollectionBase = "deque" | "OrderedDict" | "defaultdict" | "Counter";

/**
 * The instance part of an object of a subclass of list, dict, str, int …:
 * its class, __dict__ and slots (the object itself is the builtin's).
 */
export function subOf(o: PyObj): PyInstanceObj | undefined {
  return (o as { readonly sub?: PyInstanceObj }).sub;
}

/** A class made by a `class` statement (or dataclass/namedtuple machinery). */
export interface PyClassObj {
  readonly t: "class";
  readonly name: string;
  readonly bases: readonly PyClassObj[];
  readonly mro: readonly PyClassObj[];
  readonly attrs: Map<string, PyObj>;
  /** Own slot names (mangled), in order. */
  readonly slots: readonly string[];
  /** Whether instances have a __dict__ (own or inherited). */
  readonly hasDict: boolean;
  readonly hasWeakref: boolean;
  readonly shape: HeapTypeShape;
  /** The builtin this class derives from: instances are that builtin's objects with `cls` set. */
  readonly builtinBase: BuiltinBase;
  /** A builtin class modelled as a class (the exception hierarchy): a static type, its instances leaves of the deep walk. */
  readonly static?: boolean;
  /** type(cls).__name__ when its metaclass is not `type` (an Enum class's EnumType). */
  readonly metaclass?: string;
  /** type(cls) when it is a metaclass the setup wrote (class M(type)); its dunders are this class's slots. */
  readonly meta?: PyClassObj;
  /** A class deriving from type (a metaclass the setup wrote): its instances are classes. */
  readonly isMeta?: true;
  /** The class pymem gives object()'s instances: type(x) of one is the builtin type `object`. */
  readonly objectInstances?: true;
  /** A class of a standard-library module (json.JSONDecodeError): a heap type the setup did not create, its instances leaves of the deep walk. */
  readonly stdlib?: boolean;
  /**
   * A stdlib class whose instances never get attributes (statistics.StatisticsError):
   * CPython caches a fresh keys table for their dicts, counted in the class's size,
   * which pymem does not keep as state (cachedKeys stays null).
   */
  readonly freshKeys?: boolean;
  cachedKeys: SharedKeys | null;
  /** Dataclass(frozen=True): attribute assignment raises FrozenInstanceError. */
  frozen: boolean;
  /** Fields of a namedtuple / NamedTuple class, in order. */
  tupleFields: readonly string[] | null;
  /** What a class decorator (@dataclass) gave this very class beyond its body; null for most classes. */
  decorated: ClassExtras | null;
}

/** A decorated class's own slots: read by the lookups that reach it, with no hook installed from above. */
export interface ClassExtras {
  /** A method the decorator generated, found after the class's own attributes (undefined when none). */
  generated(name: string): PyObj | undefined;
  /** The values an instance hashes and compares by as a dict key (frozen eq dataclasses), or null. */
  hashFields(o: PyInstanceObj): PyObj[] | null;
}

/** An object of a class (a class, as PyIntObj is, for its numbers: the tag on the prototype). */
export class PyInstanceObj {
  declare readonly t: "instance";
  declare private readonly made: "by constructor";
  readonly cls: PyClassObj;
  w = 0;
  /** The instance dict once a dict object was asked for (see attrKeys). */
  dict: PyDictObj | null = null;
  /**
   * A split instance dict that no one has asked for as an object yet: its
   * shared keys and its values in their order (CPython made the dict at the
   * first attribute store; it is counted from these, and made on demand).
   */
  attrKeys: SharedKeys | null = null;
  attrValues: PyObj[] | null = null;
  attrCount = 0;
  /** __slots__ values by position over the MRO (classes.ts allSlots), undefined while empty; null until the first is set (most classes have none). */
  slotValues: (PyObj | undefined)[] | null = null;
  /** Set when this is the instance part (`sub`) of a builtin subclass's object: that object, the Python one. */
  declare readonly owner?: PyObj;

  constructor(cls: PyClassObj, owner?: PyObj) {
    this.cls = cls;
    if (owner !== undefined) (this as { owner?: PyObj }).owner = owner;
  }
}
Object.defineProperty(PyInstanceObj.prototype, "t", { value: "instance" });

/** An object of a setup class that may hold a __dict__: a class instance, or an instance of a tuple subclass. */
export type DictOwner = PyInstanceObj | (PyTupleObj & { readonly cls: PyClassObj });

/** A function bound to an instance (types.MethodType). */
export interface PyMethodObj { readonly t: "method"; readonly func: PyObj; readonly self: PyObj }

export type PyObj =
  | PyIntObj | PyBoolObj | PyFloatObj | PyComplexObj | PyNoneObj | PyEllipsisObj | PyNotImplementedObj
  | PyStrObj | PyBytesObj | PyByteArrayObj
  | PyListObj | PyTupleObj | PySetObj | PyDictObj | PyRangeObj | PySliceObj
  | PyIterObj | PyViewObj | PyBuiltinObj | PyTypeObj | PyModuleObj | PyFunctionObj
  | PyClassObj | PyInstanceObj | PyMethodObj | PyArrayObj | PyDequeObj | PyDecimalObj | PyOpaqueObj;

/** A leaf pymem sizes by its type alone (memoryview, property, ChainMap …), with what its behaviour needs. */
export interface PyOpaqueObj {
  readonly t: "opaque";
  readonly typeName: string;
  readonly data: unknown;
  /** Elements its type's __sizeof__ adds to tp_basicsize (a Struct's formatcodes), of the leaf table's `item`. */
  readonly indexWords?: number;
  /** A coroutine's or async generator's frame slots from 3.11 (co_nlocalsplus + co_stacksize); null when pymem cannot tell them. */
  readonly frameSlots?: number | null;
}

export type PyTag = PyObj["t"];

/**
 * One running block's namespace: a module's globals, a class body's namespace,
 * or a function's (lambda's, comprehension's) locals and cells. `parent` is the
 * closure: the enclosing function or module scope (never a class body).
 */
/**
 * A runtime namespace: a module's or class body's names (`vars`), or a
 * function's or comprehension's frame of locals by index (`fast`, undefined
 * while unbound), as the compiler resolved them (src/compiler/symtable.ts).
 */
export interface Scope {
  readonly vars: Map<string, PyObj> | null;
  readonly fast: (PyObj | undefined)[] | null;
  readonly parent: Scope | null;
}

export const None: PyNoneObj = { t: "NoneType" };
export const Ellipsis: PyEllipsisObj = { t: "ellipsis" };
export const NotImplemented: PyNotImplementedObj = { t: "NotImplementedType" };
export const True: PyBoolObj = { t: "bool", v: true };
export const False: PyBoolObj = { t: "bool", v: false };

export function pyBool(b: boolean): PyBoolObj {
  return b ? True : False;
}

const smallInts: PyIntObj[] = [];
for (let i = SMALL_INT_MIN; i <= SMALL_INT_MAX; i++) smallInts.push(new PyIntObj(i));

export function isSmallInt(v: number): boolean {
  return v >= SMALL_INT_MIN && v <= SMALL_INT_MAX;
}

/** An int result of a runtime operation: cached when small, else a new object. */
export function pyInt(v: number | bigint): PyIntObj {
  if (typeof v === "bigint") {
    if (v >= -9007199254740991n && v <= 9007199254740991n) v = Number(v);
    else return new PyIntObj(v);
  }
  if (v >= SMALL_INT_MIN && v <= SMALL_INT_MAX) return smallInts[v - SMALL_INT_MIN] as PyIntObj;
  return new PyIntObj(v === 0 ? 0 : v); // no -0
}

/** A new int object even when small: only for C paths that skip the cache (x_divrem's remainder). */
export function pyIntFresh(v: bigint): PyIntObj {
  return new PyIntObj(v >= -9007199254740991n && v <= 9007199254740991n ? Number(v) : v);
}

/** A builtin function object (builtin_function_or_method) running native code; `module` names the module whose generated signature binds its arguments. */
export function builtinFunction(name: string, fn: NativeFn, module?: string): PyBuiltinObj {
  return module === undefined ? { t: "builtin", name, self: null, fn } : { t: "builtin", name, self: null, fn, module };
}

/** A function object running native code: a method of a modelled class, bound as functions bind (self first). */
export function nativeFunction(name: string, call: NativeFn): PyFunctionObj {
  return { t: "function", name, call };
}

export function pyFloat(v: number): PyFloatObj {
  return new PyFloatObj(v);
}

export function pyComplex(re: number, im: number): PyComplexObj {
  return { t: "complex", re, im };
}

/** Code points of a JS string and its widest one. */
export function measureText(text: string, pairsChecked = false): { length: number; maxChar: number } {
  let length = 0;
  let maxChar = 0;
  let lone = false;
  let pair = false;
  for (let i = 0; i < text.length; i++) {
    let c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdfff) {
      const d = c <= 0xdbff && i + 1 < text.length ? text.charCodeAt(i + 1) : 0;
      if (d >= 0xdc00 && d <= 0xdfff) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
        pair = true;
      } else lone = true;
    }
    if (c > maxChar) maxChar = c;
    length++;
  }
  if (lone || pair) surrogatesMet(lone, pair && !pairsChecked);
  return { length, maxChar };
}

export const emptyStr: PyStrObj = new PyStrObj("", 0);
// unicode_latin1[256]: CPython's cached one-character strings.
const latin1Chars: PyStrObj[] = [];
for (let i = 0; i < 256; i++) {
  latin1Chars.push(new PyStrObj(String.fromCharCode(i), i));
}

/**
 * Non-ASCII strs whose UTF-8 form CPython has cached in the object (PyUnicode_AsUTF8AndSize: type_new does it for a
 * class's __doc__), so that their getsizeof counts it too.
 */
export const utf8Cached = new WeakSet<PyStrObj>();

export function latin1Char(code: number): PyStrObj {
  return latin1Chars[code] as PyStrObj;
}

/**
 * A str produced at run time the way unicode_result() finishes most results:
 * the empty string and one latin-1 character come from the caches.
 */
export function pyStr(text: string): PyStrObj {
  return strOfText(text, false);
}

function strOfText(text: string, pairsChecked: boolean): PyStrObj {
  if (text.length === 0) return emptyStr;
  if (text.length === 1 && text.charCodeAt(0) < 256) return latin1Char(text.charCodeAt(0));
  chargeText(text.length);
  const { length, maxChar } = measureText(text, pairsChecked);
  return newStr(text, length, maxChar);
}

/** A str whose maker checked that its surrogate pairs are astral characters, not lone surrogates joined (a literal: ConstValue.joinsSurrogates; json.loads; a decoder: textOfCodePoints). */
export function pyStrCheckedPairs(text: string): PyStrObj {
  return strOfText(text, true);
}

/** A str built without unicode_result (e.g. str(int)): never taken from a cache unless empty. */
export function pyStrFresh(text: string): PyStrObj {
  if (text.length === 0) return emptyStr;
  chargeText(text.length);
  const { length, maxChar } = measureText(text);
  return newStr(text, length, maxChar);
}

/** A fresh str of `length` code points kept as runs. */
export function pyStrRuns(rep: StrRun, length: number, maxChar: number): PyStrObj {
  return new PyCountedStr(rep, length, maxChar);
}

export function pyStrRepeat(unit: string, count: number, unitLength: number, maxChar: number): PyStrObj {
  return new PyCountedStr({ unit, count }, unitLength * count, maxChar);
}

export const emptyBytes: PyBytesObj = { t: "bytes", data: new Uint8Array(0), rep: null, length: 0 };
// characters[256] in bytesobject.c: cached one-byte bytes objects.
const byteChars: PyBytesObj[] = [];
for (let i = 0; i < 256; i++) byteChars.push({ t: "bytes", data: Uint8Array.of(i), rep: null, length: 1 });

export function pyBytes(data: Uint8Array): PyBytesObj {
  if (data.length === 0) return emptyBytes;
  if (data.length === 1) return byteChars[data[0] as number] as PyBytesObj;
  chargeSteps(ALLOCATION_STEPS.buffer);
  chargeText(data.length);
  return { t: "bytes", data, rep: null, length: data.length };
}

/** `unit` repeated `count` times, held as a repeat (too large to materialise). */
export function pyBytesRepeat(unit: Uint8Array, count: number): PyBytesObj {
  return { t: "bytes", data: null, rep: { unit, count }, length: unit.length * count };
}

export function pyBytesFresh(data: Uint8Array): PyBytesObj {
  if (data.length === 0) return emptyBytes;
  chargeSteps(ALLOCATION_STEPS.buffer);
  chargeText(data.length);
  return { t: "bytes", data, rep: null, length: data.length };
}

export function typeName(o: PyObj): string {
  switch (o.t) {
    case "iterator":
    case "opaque":
      return o.typeName;
    case "dictview":
      // An OrderedDict's views are odict_keys/odict_values/odict_items.
      return o.dict.flavor?.name === "OrderedDict" ? `o${o.typeName}` : o.typeName;
    case "builtin":
      return o.kind ?? "builtin_function_or_method";
    case "instance":
      return o.cls.name;
    case "list":
    case "set":
    case "frozenset":
    case "str":
    case "int":
    case "float":
    case "bytes":
    case "bytearray":
      return o.sub !== undefined ? o.sub.cls.name : o.t;
    case "tuple":
      return o.cls !== undefined ? o.cls.name : "tuple";
    case "class":
      return o.metaclass ?? "type";
    case "type":
      return o.metaclass ?? "type";
    case "dict":
      return o.sub !== undefined ? o.sub.cls.name : o.flavor?.name ?? "dict";
    case "deque":
      return o.sub !== undefined ? o.sub.cls.name : "deque";
    default:
      return o.t;
  }
}
