// What a metaclass adds to its classes' own behaviour (type slots of the
// class object itself: EnumType's __call__, __iter__, __len__, __getitem__,
// __contains__, and its class creation). A module that makes such classes
// registers them here; the generic operations (calls, iteration, subscripts,
// `in`, attribute misses, the class statement) ask before their defaults.
// A leaf module: it depends on nothing but the object types.
import type { BuiltinBase, Kwargs, PyClassObj, PyObj } from "./objects.js";

export interface ClassHooks {
  /** Calling the class (EnumType.__call__: a member by value). */
  readonly call?: (cls: PyClassObj, args: readonly PyObj[], kw: Kwargs) => PyObj;
  /** Iterating the class: its items in order. */
  readonly iter?: (cls: PyClassObj) => readonly PyObj[];
  readonly len?: (cls: PyClassObj) => number;
  /** cls[key] (EnumType.__getitem__: a member by name). */
  readonly getitem?: (cls: PyClassObj, key: PyObj) => PyObj;
  readonly contains?: (cls: PyClassObj, x: PyObj) => boolean;
  /** An attribute the class lacks: the metaclass's own (refused when pymem does not model it). */
  readonly missing?: (cls: PyClassObj, name: string) => PyObj;
  /** repr(cls) (EnumType.__repr__: "<enum 'Color'>"). */
  readonly repr?: (cls: PyClassObj) => string;
  /** A class statement over this class: the metaclass's __new__ making the subclass (`builtin`: a builtin type among the bases, as in `class X(int, Enum)`). */
  readonly subclass?: (name: string, bases: readonly PyClassObj[], ns: Map<string, PyObj>, builtin?: BuiltinBase, kw?: Kwargs) => PyObj;
  /** __prepare__: the mapping a class statement over this class runs its body into (EnumType's _EnumDict). */
  readonly prepare?: () => Map<string, PyObj>;
  /** The class statement's keywords go to `subclass` (EnumType's boundary=) instead of being refused. */
  readonly keywords?: boolean;
  /** issubclass(sub, cls) and isinstance through type(x) (ABCMeta.__subclasscheck__: registered virtual subclasses). */
  readonly subclasscheck?: (cls: PyClassObj, sub: PyObj) => boolean;
  /** isinstance(x, cls) through the metaclass's own __instancecheck__ (typing's _ProtocolMeta), after type(x) is cls. */
  readonly instancecheck?: (cls: PyClassObj, x: PyObj) => boolean;
}

/** What `class X(..., metaclass=M)` runs for a metaclass object pymem models (ABCMeta.__new__). */
export type MetaclassNew = (name: string, bases: readonly PyObj[], ns: Map<string, PyObj>) => PyObj;

const metaclassNews = new WeakMap<PyObj, MetaclassNew>();

export function setMetaclassNew(meta: PyObj, f: MetaclassNew): void {
  metaclassNews.set(meta, f);
}

/** The class-making function of a metaclass given as `metaclass=`, if pymem models it. */
export function metaclassNew(meta: PyObj): MetaclassNew | undefined {
  return metaclassNews.get(meta);
}

const hooks = new WeakMap<PyClassObj, ClassHooks>();

export function setClassHooks(cls: PyClassObj, h: ClassHooks): void {
  hooks.set(cls, h);
}

/** The metaclass behaviour of a class object, if it has any. */
export function classHooks(o: PyObj): ClassHooks | undefined {
  return o.t === "class" ? hooks.get(o) : undefined;
}
