// The typing module's objects in 3.10 (Lib/typing.py, Objects/genericaliasobject.c,
// Objects/unionobject.c). typing's aliases and special forms are instances of
// Python classes over _Final (`__slots__ = ('__weakref__',)`): the alias classes
// declare no __slots__, so their instances carry a __dict__; _SpecialForm
// declares its own slots. list[int] and int | str are C objects.
import { cstruct, field, padding, type CStruct } from "../struct.js";
import { ptr } from "./platform.js";
import { HEAD } from "./leaves.js";

/** The class typing gives each kind of object (type(x).__name__). */
export interface TypingClasses {
  /** A bare alias of a builtin or collections type (List, Dict, Deque). */
  readonly special: string;
  /** Bare Tuple and Callable. */
  readonly tuple: string;
  readonly callable: string;
  /** A subscripted alias (List[int], ClassVar[int]). */
  readonly generic: string;
  /** Union[…] and Optional[…]. */
  readonly union: string;
  /** Callable[[…], R]. */
  readonly callableAlias: string;
  /** Literal[…]. */
  readonly literalAlias: string;
  /** Literal itself: a _SpecialForm subclass without __slots__ (so with a __dict__), or _SpecialForm (3.8). */
  readonly literalForm: string;
}

export interface TypingLayout {
  readonly classes: TypingClasses;
  /** The names in _SpecialForm's own __slots__. */
  readonly specialFormSlots: number;
  /** _SpecialForm's instances get a __dict__ from a base without __slots__ (3.8's _Immutable). */
  readonly specialFormDict: boolean;
  /** TypeVar: a Python class over _Final with these __slots__ and a __dict__, or a C type with managed dict and weakref words (3.12+). */
  readonly typeVar: { readonly slots: number } | { readonly struct: CStruct; readonly preHeader: number };
  /** Any is a class of metaclass _AnyMeta (3.11+), no longer a _SpecialForm. */
  readonly anyIsClass: boolean;
  /** types.GenericAlias (list[int], 3.9+): null where builtin types are not subscriptable. */
  readonly genericAlias: CStruct | null;
  /** types.UnionType (int | str, 3.10+). */
  readonly unionType: CStruct | null;
  /** Literal's _tp_cache is typed (3.9.1+): Literal[1] and Literal[True] are different objects. */
  readonly literalTypedCache: boolean;
  /** Literal[…] flattens nested Literals and drops repeated (value, type) pairs (3.9.1+). */
  readonly literalDedup: boolean;
  /** _type_check requires a type argument to be callable (List[1] is a TypeError); from 3.11 it takes anything but a tuple. */
  readonly argsMustBeCallable: boolean;
  /** isinstance(x, Union[...]) checks each argument (3.10+); before, a subscripted generic's TypeError. */
  readonly unionInstanceCheck: boolean;
  /** typing.final sets __final__ = True on what it decorates (3.11+). */
  readonly finalSetsAttribute: boolean;
  /** get_type_hints takes include_extras (3.9+). */
  readonly hintsIncludeExtras: boolean;
  /** get_type_hints' _eval_type rebuilds a types.GenericAlias (list[int]) as origin[args], a new object (3.11+). */
  readonly hintsRebuildGenericAlias: boolean;
  /**
   * get_type_hints(cls) without globalns reads each base's module as sys.modules[base.__module__]
   * (3.8, 3.9: a KeyError for a class of a module not in sys.modules, such as the setup's);
   * 3.10+ uses sys.modules.get(...) and goes on with {}.
   */
  readonly hintsModuleBySubscript: boolean;
  /**
   * _ProtocolMeta.__instancecheck__: "hasattr" (3.10, 3.11: hasattr() of each member, a protocol not
   * @runtime_checkable refused first), "late" (3.8, 3.9: the same, refused only once the members fail),
   * "static" (3.12+: the class check first, then inspect.getattr_static).
   */
  readonly protocolCheck: "late" | "hasattr" | "static";
}

/** Objects/genericaliasobject.c: gaobject. */
export const gaobjectStruct = cstruct("gaobject", [HEAD, ptr("origin"), ptr("args"), ptr("parameters"), ptr("weakreflist")]);
/** 3.11+: starred (PEP 646's *tuple[int]) and the vectorcall of the origin. */
export const gaobjectStruct311 = cstruct("gaobject", [HEAD, ptr("origin"), ptr("args"), ptr("parameters"), ptr("weakreflist"),
  field("starred", "int", 4), padding(4), ptr("vectorcall", "vectorcallfunc")]);
/** Objects/unionobject.c: unionobject. */
export const unionobjectStruct = cstruct("unionobject", [HEAD, ptr("args"), ptr("parameters")]);

export const TYPING_310: TypingLayout = {
  classes: {
    special: "_SpecialGenericAlias", tuple: "_TupleType", callable: "_CallableType", generic: "_GenericAlias", union: "_UnionGenericAlias",
    callableAlias: "_CallableGenericAlias", literalAlias: "_LiteralGenericAlias", literalForm: "_LiteralSpecialForm",
  },
  // __slots__ = ('_name', '__doc__', '_getitem')
  specialFormSlots: 3,
  specialFormDict: false,
  // __slots__ = ('__name__', '__bound__', '__constraints__', '__covariant__', '__contravariant__', '__dict__')
  typeVar: { slots: 5 },
  anyIsClass: false,
  genericAlias: gaobjectStruct,
  unionType: unionobjectStruct,
  literalTypedCache: true,
  literalDedup: true,
  argsMustBeCallable: true,
  finalSetsAttribute: false,
  hintsRebuildGenericAlias: false,
  hintsModuleBySubscript: false,
  hintsIncludeExtras: true,
  unionInstanceCheck: true,
  protocolCheck: "hasattr",
};
