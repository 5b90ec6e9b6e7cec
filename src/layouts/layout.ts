// One Layout per CPython version: struct sizes and allocator growth rules.
// The runtime and sizing reach CPython's arithmetic only through it, so another
// version is a new folder beside cpython310 plus an entry in `layouts`.
// Each type also carries its C struct as a table of members (struct.ts), the
// fixed part its getsizeof counts, and the element of each array allocated
// with it or apart: `pymem explain` prints those tables, never its own figures.
import { cpython310 } from "./cpython310/index.js";
import { cpython38 } from "./cpython38/index.js";
import { cpython39 } from "./cpython39/index.js";
import { cpython311 } from "./cpython311/index.js";
import { cpython312 } from "./cpython312/index.js";
import { cpython313 } from "./cpython313/index.js";
import type { CField, CStruct } from "./struct.js";
import type { UnicodeData } from "./unicodeData.js";
import type { CodecRegistry } from "./codecTables.js";
import type { TypingLayout } from "./cpython310/typingobjects.js";

/** An instance's fixed size as type_new lays it out (PyClassObj.shape). */
export interface HeapTypeShape {
  readonly basicsize: number;
  readonly gc: boolean;
  /** Bytes getsizeof counts in front of the GC header: the managed dict's words (3.11+); 0 or absent before. */
  readonly preHeader?: number;
}

export type DictFlavorName = "OrderedDict" | "defaultdict" | "Counter";

/**
 * The rules one version follows differently from another where no struct or
 * formula says so: each names the CPython behaviour and is carried out where
 * the runtime follows it.
 */
/** What the re module does differently from one version to another. */
export interface ReRules {
  /** Atomic groups (?>...) and possessive quantifiers (3.11+). */
  readonly atomicGroups: boolean;
  /** Global inline flags after the start are an error (3.11+); before, a DeprecationWarning. */
  readonly globalFlagsAtStart: boolean;
  /** bpo-35859 (3.11+): REPEAT_ONE and MIN_REPEAT_ONE save the marks inside a REPEAT. */
  readonly repeatOnePushesMarks: boolean;
  /** sub() templates expand in C (_sre.template, 3.12+): the first literal chunk always joined; before, sre_parse.expand_template. */
  readonly templateInC: boolean;
  /** The exception's class name: 'error', 'PatternError' from 3.13. */
  readonly errorName: string;
  /** sre's _equivalences: lowercase code points an IGNORECASE item matches together (fewer in 3.8). */
  readonly ignorecaseEquivalences: readonly (readonly number[])[];
}

/** What Lib/fractions.py does differently from one version to another. */
export interface FractionsRules {
  /** _add/_sub/_mul/_div reduce by gcds first and build the result unnormalized (3.10+). */
  readonly gcdArithmetic: boolean;
  /** TypeError texts name the qualified name, Fraction.__new__() (3.10+). */
  readonly qualifiedMessages: boolean;
  /** Strings may hold underscores between digits; __int__; a decimal part matched by the `d*` typo of the pattern (3.11, 3.12). */
  readonly underscores: boolean;
  /** _from_coprime_ints; an int operand becomes a Fraction before the operation; '3 / 4' with spaces; is_integer; __format__ (float styles) (3.12+). */
  readonly coprime: boolean;
  /** __format__ without a presentation type; //, % and divmod leave complex operands to complex; ** returns NotImplemented for other types (3.13+). */
  readonly generalFormat: boolean;
}

/** What Lib/statistics.py does differently from one version to another. */
export interface StatisticsRules {
  /** geometric_mean's message loses its doubled space; mode() and quantiles() reworded (3.9+). */
  readonly geometricMessage: boolean;
  /** _sum(data) without a start; _exact_ratio tries as_integer_ratio() first; harmonic_mean(weights=); _ss exact from the exact mean (3.10+). */
  readonly exactSs: boolean;
  /** mean through _sum's count; _ss in one pass (the types in a set); stdev/pstdev by _float_sqrt_of_frac; fmean(weights=); multimode by a comprehension (3.11+). */
  readonly onePass: boolean;
  /** fmean(weights=) through math.sumprod (3.12+). */
  readonly sumprod: boolean;
  /** geometric_mean takes zeros; quantiles of one data point (3.13+). */
  readonly zeros: boolean;
}

/** What Lib/random.py and Modules/_randommodule.c do differently from one version to another. */
export interface RandomRules {
  /** getrandbits(0) is 0 and a negative k "must be non-negative" (before: "greater than zero" for k <= 0) (3.9+). */
  readonly getrandbitsZero: boolean;
  /** Random.randbytes(n) (3.9+). */
  readonly randbytes: boolean;
  /** _randbelow(0) returns 0 (`if not n: return 0`); before, getrandbits(0) raised (3.9+). */
  readonly randbelowZeroGuard: boolean;
  /** choice() indexes seq[_randbelow(len(seq))] without the try/except, so an empty seq raises its own IndexError (3.9+). */
  readonly choiceIndexesEmpty: boolean;
  /** sample(..., counts=) (3.9+). */
  readonly sampleCounts: boolean;
  /** choices(): "Total of weights must be greater than zero" (3.9+). */
  readonly choicesTotalPositive: boolean;
  /** TypeError texts of missing arguments name the qualified name, Random.gauss() (3.10+). */
  readonly qualnameInErrors: boolean;
  /** randrange(): operator.index() first (int() of an integral float still accepted, deprecated), the step converted before the fast path, stop=None with a step a TypeError (3.10+). */
  readonly randrangeIndex: boolean;
  /** choices(): "Total of weights must be finite" (3.10+). */
  readonly choicesTotalFinite: boolean;
  /** hash(nan) is the object's address, so a nan seed is not reproducible (3.10+). */
  readonly nanHashIsId: boolean;
  /** _randbelow(0) loops forever (the guard is gone); choice() checks len(seq) itself again (3.11+). */
  readonly randbelowNoGuard: boolean;
  /** normalvariate() and gauss() default mu=0.0, sigma=1.0 (3.11+). */
  readonly normalDefaults: boolean;
  /** randrange(): operator.index() only (floats are a TypeError) and "empty range in randrange(a, b[, c])" texts (3.12+). */
  readonly randrangeIndexOnly: boolean;
  /** expovariate() defaults lambd=1.0 (3.12+). */
  readonly expovariateDefault: boolean;
}

export interface VersionRules {
  /**
   * Objects/descrobject.c's 3.8 texts: a method descriptor called without its object says
   * "descriptor 'join' of 'str' object needs an argument" (later "unbound method str.join() needs
   * an argument"), a classmethod descriptor given a non-type "descriptor 'fromkeys' requires a type
   * but received a 'int' instance" (later "… for type 'dict' needs a type, not a 'int' as arg 2").
   */
  readonly descriptorMessages38?: true;
  /**
   * bytearray_ass_subscript with an int index checks the index's range before the value (3.8, 3.9);
   * GH-91153 (3.10+) converts the value first, so `ba[99] = b''` is a TypeError there, an IndexError here.
   */
  readonly byteArrayIndexCheckedFirst?: true;
  /**
   * dictviews_and is PySet_New(self) then intersection_update(other) (3.8): every item of the view
   * is hashed; 3.9's _PyDictView_Intersect iterates the other side and looks each up in the view.
   */
  readonly dictViewAndCopiesSelf?: true;
  /** 3.8's range_iter takes the fast range_iterator whenever the fields and length fit a C long; 3.9 also checks the last step. */
  readonly rangeIterChecksLengthOnly?: true;
  /**
   * Whether a str interned by a program's code (its constants, sys.intern's results) is freed with its
   * last reference and leaves the interned table (3.8 to 3.11, and 3.13's mortal interned strs); 3.12
   * makes every interned str immortal.
   */
  readonly internedStrsMortal: boolean;
  /**
   * DICT_KEYS_UNICODE (3.11+): a keys table of exact-str keys has 16-byte entries; the first other key
   * stored turns it general by insertion_resize (GROWTH_RATE), before its lookup.
   */
  readonly dictKeyKinds: boolean;
  /** bytearray(list|tuple) resizes once to the length, then fills (3.11+); before, it appends item by item. */
  readonly byteArrayFromListResizesOnce: boolean;
  /** x_divrem's remainder goes through maybe_small_long (3.11+): a small remainder of a multi-digit division is the cached int. */
  readonly divremMaybeSmall: boolean;
  /** bool_repr returns a statically allocated str (3.11+), not the interned 'True'/'False' a constant is. */
  readonly boolReprStatic: boolean;
  /** str % args: an empty str written for a field counts as written (3.11+), so '%s%s' % ('', s) is a new str, not s. */
  readonly percentEmptyFieldWrites: boolean;
  /** _PyTuple_Resize of a tuple to length 0 returns the () singleton (3.11+); before, it shrinks it in place. */
  readonly tupleResizeToEmptySingleton: boolean;
  /** dataclass(slots=True) leaves out the fields a base's __slots__ declares, and takes weakref_slot (3.11+). */
  readonly dataclassSlotsSkipInherited: boolean;
  /** _add_slots of a frozen dataclass keeps the class's own __getstate__/__setstate__ (3.11+); 3.10 overwrites them. */
  readonly dataclassStateKeepsOwn: boolean;
  /** calendar.weekday (and monthrange, day_name's index through it) gives a calendar.Day IntEnum member (3.12+), not an int. */
  readonly calendarDayEnum: boolean;
  /** dataclasses' generated __eq__ compares field by field after an identity check (3.13), not as two tuples. */
  readonly dataclassEqFieldByField: boolean;
  /** str.split/rsplit without maxsplit presize their list for the most parts the string can give (3.12+): min(12, that + 1) slots. */
  readonly strSplitPresizes: boolean;
  /** list.pop of the last item clears the list (3.12+): its item array is freed, so it extends as a new list; before, list_resize keeps a 0-byte block. */
  readonly popToEmptyClears: boolean;
  /** Argument Clinic's bool converter takes any object by its truth (3.12+: sort's reverse, splitlines' keepends); before, an int. */
  readonly boolArgsTruthy: boolean;
  /** PEP 709 (3.12+): list, set and dict comprehensions are inlined, so what they define takes no <listcomp>. in its qualname. */
  readonly inlinedComprehensions: boolean;
  /** A def's call errors name its __qualname__ ("A.m() missing …", 3.10+), not its co_name ("m() …"). */
  readonly callErrorsNameQualname: boolean;
  /** "duplicate argument 'a' in function definition" points at the parameter (3.10+), not the def. */
  readonly duplicateArgumentAtParam: boolean;
  /** "keyword argument repeated: a" names the keyword (3.9+; 3.8's ast.c does not). */
  readonly repeatedKeywordNamed: boolean;
  /** SyntaxError texts this version words otherwise than 3.10's parser (pymem's): 3.10's text -> this version's. */
  readonly syntaxMessages: Readonly<Record<string, string>>;
  /** dataclasses' "non-default argument 'y' follows default argument 'x'" names the default field (3.13+). */
  readonly dataclassNamesDefaultField: boolean;
  /** list_extend takes an exact set, frozenset, dict or a dict view by list_resize(m + n) (3.13+), even into a new list. */
  readonly listExtendSetDictResizes: boolean;
  /** A class body stores __firstlineno__ after __qualname__ and __static_attributes__ after its statements (3.13+). */
  readonly classBodyMetadata: boolean;
  /** typing's generics know ParamSpec (3.10+): their errors say "type variables or parameter specification variables", "Too many arguments". */
  readonly typingParamSpec: boolean;
  /** _BaseGenericAlias.__call__ ignores any Exception setting __orig_class__ (3.12+), not only AttributeError. */
  readonly origClassCatchesAll: boolean;
  /** A TypedDict class has __required_keys__ / __optional_keys__ (3.9+). */
  readonly typedDictKeySets: boolean;
  /** logging.getLogger('root') is the root logger (3.9+); before, a logger named 'root'. */
  readonly getLoggerRootName: boolean;
  /** _strptime's %z takes 'Z' under IGNORECASE, so a 'z' reaches z[3] (3.8); from 3.9 it is (?-i:Z). */
  readonly strptimeZCaseless?: boolean;
  /** The re module's version differences (src/runtime/re/). */
  readonly re: ReRules;
  /** odict_repr shows a dict display, Name({k: v}), not a list of pairs (3.12, gh-101446). */
  readonly odictReprDictStyle?: boolean;
  /**
   * OrderedDict.pop and popitem on a subclass's object go through `key in od`, od[key] and
   * del od[key] (_odict_popkey_hash before 3.11), so the class's own dunders run; from 3.11 not.
   */
  readonly odictPopThroughSubclass?: boolean;
  /**
   * The module object.__repr__ shows before the name of a modelled standard-library type
   * ('_io' for StringIO), by type name; "" or absent: none (tp_name without a module).
   */
  readonly cTypeModules?: Readonly<Record<string, string>>;
  /** Struct has its own repr, Struct('fmt') (3.13); before, object's. */
  readonly structRepr?: boolean;
  /** Counter defines its own ==, !=, <, <=, >, >= (3.10, bpo-44140: missing counts are zero); before, dict's. */
  readonly counterRichCompare?: boolean;
  /** list.sort's count_run extends a descending run over equal keys, reversing each group of them (3.13, gh-116554). */
  readonly sortRunKeepsEqualDescending?: boolean;
  /**
   * The __reduce__ of set, frozenset, bytearray and deque takes its state from object.__getstate__
   * (3.11+: None while the instance dict is empty, filled slots as a second dict); before 3.11 it
   * reads the `__dict__` attribute, which makes an empty dict on the object, and the copy's
   * y.__dict__.update(state) then makes one on the copy too (slots are not part of the state).
   */
  readonly reduceStateFromGetstate: boolean;
  /** sum() adds exact floats with Neumaier's compensation (3.12+); before, one rounded addition each. */
  readonly sumCompensated: boolean;
  /** A TypeError or LookupError out of a codec the registry ran gets a note "decoding with 'x' codec failed" (3.12+); before, its message is rewritten to say so (wrap_codec_error). */
  readonly codecFailureNote: boolean;
  /** del l[i] moves the items down and shrinks ob_size only (3.13+); before, list_ass_slice resizes. */
  readonly delItemKeepsAllocation: boolean;
  /** chr() of an int beyond a C int raises ValueError (3.13+); before, OverflowError. */
  readonly chrRangeValueError: boolean;
  /**
   * Inline values (3.13+): only a class whose instances have nothing but the object header
   * (no slots over the MRO) keeps managed values; another's instances get a split dict over the
   * class's keys at their first attribute store, without taking from dk_usable.
   */
  readonly inlineValuesNeedPlainLayout: boolean;
  /** dict.clear() of a dict made from an instance's inline values empties them and stays split (3.13+). */
  readonly clearKeepsEmbeddedValues: boolean;
  /** `a and b` keeps its left operand with COPY 1 before the jump (3.12+): one more stack slot. */
  readonly boolOpCopies: boolean;
  /** A call with keywords pushes the tuple of their names (3.13+ CALL_KW). */
  readonly kwNamesOnStack: boolean;
  /** The least stack depth of `yield from x` (2; 3.12+ 3, with SEND's handler). */
  readonly yieldFromDepth: number;
  /** The least stack depth of a generator's code (RETURN_GENERATOR: 1; 3.12+ also a handler around the body: 2). */
  readonly generatorMinDepth: number;
  /** co_nlocalsplus + co_stacksize of Lib/asyncio/tasks.py's sleep(), whose coroutine embeds that frame (3.11+); null before, when the frame is apart. */
  readonly asyncioSleepFrameSlots: number | null;
  /**
   * What `async with` over an object without __aenter__ or __aexit__ raises: AttributeError naming
   * the first missing of __aexit__, __aenter__ (3.8, 3.9) or of __aenter__, __aexit__ (3.10); from 3.11
   * the protocol TypeError, which names a missed __aexit__ when __aenter__ is there.
   */
  readonly asyncWithMessage: "attributeExitFirst" | "attribute" | "protocol";
  /** PEP 701 (3.12+): f-string fields may hold strings quoted like the f-string, backslashes, deeper nesting. */
  readonly nestedFStrings: boolean;
  /** dict_merge into an empty split dict clones a clean combined source's keys, making it combined (3.10-3.12); 3.8/3.9 and 3.13 insert key by key. */
  readonly mergeClonesIntoSplitTarget: boolean;
  /** dict_merge into any empty target clones a clean combined source's keys (3.10+); 3.8/3.9 have no clone path, so an
   * emptied target keeps its big table and takes the source key by key. */
  readonly mergeClonesEmptyTarget: boolean;
  /** deque.remove finds the index first, then deque_del_item (3.10+; "X is not in deque"); 3.8/3.9 rotate past each
   * non-matching item, a miss rotating the whole deque once ("deque.remove(x): x not in deque"). */
  readonly dequeRemoveFindsIndex: boolean;
  /** dataclasses.asdict copies an exact list with a list comprehension (3.13+); before, list() of a generator. */
  readonly asdictListComprehension: boolean;
  /** date.isocalendar() returns a datetime.IsoCalendarDate, a tuple subclass with named fields (3.9+); before, a plain tuple. */
  readonly isoCalendarDate: boolean;
  /** A struct sequence's tp_basicsize holds its hidden fields too (3.13+), so getsizeof(date.timetuple()) counts tm_zone and tm_gmtoff; before, a tuple's header only. */
  readonly structSeqBasicsizeHoldsHidden: boolean;
  /** The 'z' option of format specs (3.11+, PEP 682): negative zero made positive after rounding. */
  readonly negativeZeroCoercion: boolean;
  /** iter() of an ASCII str is a str_ascii_iterator (3.11+), of the same struct. */
  readonly asciiStrIterator: boolean;
  /** type(weakref.ref(x)).__name__: weakref before 3.10, then ReferenceType (the leaf table's key). */
  readonly weakrefTypeName: "weakref" | "ReferenceType";
  /** gc.get_threshold() of a fresh interpreter: Modules/gcmodule.c's generations' thresholds (3.13: 2000 for the young one). */
  readonly gcThresholds: readonly [number, number, number];
  /**
   * Instances keep a managed dict (3.11+): no dict object until asked for. pymem does not model
   * it yet, so instances of classes with a __dict__ are refused under such a version.
   */
  readonly managedDicts: boolean;
  /** list_extend into a list with no item array allocates exactly len (3.10+); before, it goes through list_resize. */
  readonly listExtendPreallocates: boolean;
  /**
   * list.append and LIST_APPEND call list_resize(n + 1) every time (app1, before 3.11), so appending to a
   * list whose array is more than twice too big shrinks it; 3.11's _PyList_AppendTakeRef resizes only a full list.
   */
  readonly appendAlwaysResizes: boolean;
  /** _Py_HashBytes's SipHash rounds (compression, finalization): siphash24 before 3.11, siphash13 after (sys.hash_info.algorithm). */
  readonly sipRounds: readonly [number, number];
  /** iter(memoryview): the generic sequence `iterator` (with __length_hint__) before 3.10, then memory_iterator (none). */
  readonly memoryviewIterator: "iterator" | "memory_iterator";
  /** dict_new allocates a PyDict_MINSIZE keys table for an empty dict (before 3.10); 3.10 shares the empty keys. */
  readonly dictNewAllocatesKeys: boolean;
  /**
   * typing.NamedTuple makes its class through collections.namedtuple(..., defaults=[...]) (3.9+), whose
   * _field_defaults is then dict(reversed(list(zip(...)))); 3.8 fills a {} display of its own.
   */
  readonly typingNamedTupleViaDefaults: boolean;
  /** STACK_USE_GUIDELINE (3.10+): displays longer than this are built by appending; null before, when they are built on the stack. */
  readonly stackUseGuideline: number | null;
  /** frozenset() with an empty result returns one shared empty frozenset (before 3.10). */
  readonly emptyFrozensetSingleton: boolean;
  /** C types of the stdlib that are heap types (PyType_FromSpec) in this version, by name. */
  readonly heapExtensionTypes: readonly string[];
  readonly fractions: FractionsRules;
  readonly statistics: StatisticsRules;
  readonly random: RandomRules;
  /**
   * Lib/functools.py and Modules/_functoolsmodule.c: what reduce() calls its argument in
   * the empty-with-no-initial TypeError ("sequence" before 3.10), whether total_ordering's
   * derived methods call self.__lt__(other) (3.8) rather than type(self).__lt__(self, other),
   * and WRAPPER_ASSIGNMENTS (__type_params__ from 3.12).
   */
  readonly functools: { readonly reduceEmptyWord: string; readonly totalOrderingViaInstance: boolean; readonly wrapperAssignments: readonly string[] };
  /** A '0' in a format spec without an alignment means '=' for every type (before 3.10), not only right-aligned ones. */
  readonly zeroFlagAlignsEveryType: boolean;
  /** str/bytes.replace with a count on an empty subject returns it unchanged (before 3.9: ''.replace('', 'x', 1) is ''). */
  readonly replaceCountOnEmptyIsNoop: boolean;
  /** A list or set display of 3+ constants extends from a folded tuple/frozenset constant (3.9+); before, BUILD_LIST/BUILD_SET n. */
  readonly constDisplaysFolded: boolean;
  /**
   * `from __future__ import annotations` writes an annotation back after the AST optimizer (3.8): a
   * subscript's tuple of constants is one constant then, written in parentheses (`Literal[('a', 'b')]`).
   */
  readonly annotationsFoldConstants: boolean;
  /** A def's annotations dict is BUILD_CONST_KEY_MAP's, presized (before 3.10); from 3.10 func_get_annotations fills PyDict_New(). */
  readonly annotationsBuiltByConstKeyMap: boolean;
  /** zip() takes strict= (3.10+); before, no keyword arguments at all. */
  readonly zipStrict: boolean;
  /** int(x) through __trunc__ needs a result with __index__ (3.10+); before, __int__ (a float) will do. */
  readonly truncResultNeedsIndex: boolean;
  /** property's "can't set/delete attribute" names the attribute when __set_name__ gave the property one (3.10+). */
  readonly propertyErrorNamesAttribute: boolean;
  /**
   * PyObject_GenericGetDict of 3.11 on a managed-dict object holding neither inline values nor a dict (a
   * builtin subclass's object before its first attribute): a new plain dict, not one over the class's keys.
   */
  readonly dictGetMakesPlainDict: boolean;
  /** struct's s_pack builds its result from the packed buffer (3.9+), so a one-byte result is bytes' cached character. */
  readonly structPackCachesOneByte: boolean;
  /** `with` over an object lacking __enter__/__exit__ is a TypeError naming the protocol (3.11+); before, an AttributeError naming the method. */
  readonly withProtocolMessage: boolean;
  /** bisect's hi may be None (3.9+, Argument Clinic's Py_ssize_t accepting NoneType); before, only an int. */
  readonly bisectHiAcceptsNone: boolean;
  /** string.Template has get_identifiers() and is_valid() (3.11+). */
  readonly templateIdentifiers: boolean;
  /** TextWrapper._handle_long_word breaks a long word after its last hyphen that fits (3.10+); before, at the width. */
  readonly textwrapLongWordHyphens: boolean;
  /** textwrap.indent joins the prefixes and the lines as separate items (3.13+); before, each prefixed line is one concatenated str. */
  readonly textwrapIndentSeparateItems: boolean;
  /** 3.13's _PyObject_GenericSetAttrWithDict: setting or deleting on an object without a __dict__ (through PyObject_GenericSetAttr itself) adds " and no __dict__ for setting new attributes". */
  readonly noDictSetAttrHint?: boolean;
  /** Before 3.10 the peephole optimizer's folded defaults tuple is a constant of its own, not merged with the equal constants of the compilation. */
  readonly defaultsTupleUnmerged?: boolean;
  /**
   * PyMember_GetOne's AttributeError for an empty T_OBJECT_EX slot: before 3.10 just the name; 3.10-3.12
   * "'C' object has no attribute 'x'" (tp_name); 3.13 "'%T' …", the fully qualified name (module.qualname).
   */
  readonly emptySlotNamesType?: "bare" | "name" | "qualified";
  /**
   * object_new's TypeError for a class with abstract methods left: "with abstract methods a, b" (3.8),
   * "with abstract method a" / "methods a, b" (3.9-3.11), "without an implementation for abstract method 'a'" (3.12+).
   */
  readonly abstractInstantiation: "plural" | "counted" | "implementation";
  /** slice objects hash (3.12+); before, slice.__hash__ is None (not collections.abc.Hashable). */
  readonly sliceHashable: boolean;
  /** the array module registers array.array as a collections.abc.MutableSequence (3.10+). */
  readonly arrayMutableSequence: boolean;
  /** enum members get _sort_order_ after __init__ (3.11+). */
  readonly enumSortOrder: boolean;
  /**
   * What Enum._generate_next_value_ makes of auto() from the values so far (Lib/enum.py): "lastIncrementable" (3.8-3.10) the
   * last value that takes + 1, else start; "largestIfLast" (3.11, 3.12) the last value + 1 when the sorted values end with it,
   * else (or when they do not sort) the first from the end of the sorted list that takes + 1, else start; "largest" (3.13+)
   * the largest value + 1, a TypeError when the values do not sort or the largest takes no + 1.
   */
  readonly enumAutoNext: "lastIncrementable" | "largestIfLast" | "largest";
  /** Enum.__deepcopy__ returns the member (3.11+); before, deepcopy goes through __reduce_ex__'s (cls, (value,)) and _reconstruct memoizes the member as its own copy. */
  readonly enumDeepcopySelf: boolean;
  /** enum has ReprEnum (3.11+): IntEnum/StrEnum's str() and format() are the mixed-in type's, Enum.__format__ formats str(self), and EnumType's repr of a Flag class is "<flag 'X'>"; before, a mixed-in member formats its value and every class is "<enum 'X'>". */
  readonly enumReprEnum: boolean;
  /** enum.Flag as rewritten in 3.11: FlagBoundary (STRICT/CONFORM/EJECT/KEEP), pseudo-members named 'A|B', iteration and len() of a flag value, only single-bit members listed, ~ cached in _inverted_; before, composites are nameless (_name_ None), IntFlag makes a pseudo-member per unknown bit, and ~ decomposes. */
  readonly flagBoundary: boolean;
  /** json's scanner names a trailing comma ("Illegal trailing comma before end of object", 3.13+). */
  readonly jsonTrailingCommaError: boolean;
  /**
   * The nesting depth at which json.load / json.loads called from a script's top level raises RecursionError
   * (scan_once_unicode's Py_EnterRecursiveCall per array or object): 3.8-3.11, recursion limit 1000 less the
   * Python frames (<module>, load, loads, decode, raw_decode) and the scanner's call: 995; 3.12, the C
   * recursion limit (1500) less the calls into C, whatever the Python depth: 1498; 3.13: 9999.
   */
  readonly jsonRecursionDepth: number;
  /** The int/str digit limit's ValueError says "Exceeds the limit (4300 digits)" (3.11+); the 3.8-3.10 backports say "(4300)". */
  readonly intLimitSaysDigits: boolean;
  /** csv.reader reads a NUL character as data (3.11+); before, a line holding one is csv.Error "line contains NUL". */
  readonly csvNulIsData: boolean;
  /** json.dumps(allow_nan=False)'s ValueError shows the value (3.13+: "…: nan"). */
  readonly jsonNanErrorShowsValue: boolean;
  /** math.factorial takes an integral float (3.8, 3.9: deprecated; a TypeError from 3.10). */
  readonly factorialTakesIntegralFloat: boolean;
  /** int() and float() of an unconvertible object: "… or a real number, not 'list'" (3.10+; before, "… or a number"). */
  readonly numberArgsSayReal: boolean;
  /** math.hypot/dist's vector_norm squares without loss and corrects its square root (3.10+), not scaled by the largest coordinate. */
  readonly hypotCorrected: boolean;
  /**
   * Displays with `*`/`**` items are built by BUILD_LIST_UNPACK / BUILD_TUPLE_UNPACK / BUILD_SET_UNPACK /
   * BUILD_MAP_UNPACK (before 3.9): every part is evaluated first, each run of plain items packed into a
   * tuple (a set, a dict), then all parts merged into a new empty container. From 3.9 the container is
   * built from the leading items and extended in place (LIST_EXTEND, SET_UPDATE, DICT_UPDATE).
   */
  readonly unpackOpcodes: boolean;
  /**
   * x_sub ends in maybe_small_long (3.9+), so a small sum or difference is the cached int; before, a
   * nonzero small result of long_add/long_sub whose operands are not both single-digit is a new int.
   */
  readonly xSubMaybeSmall: boolean;
  /**
   * PyLong_FromDouble goes through PyLong_FromLong for values that fit (3.9+), so a small result is
   * cached; before, only 0 (|x| < 1) is: round(float) and float.as_integer_ratio()'s odd numerator.
   */
  readonly fromDoubleMaybeSmall: boolean;
  /** dictviews_to_set hands a keys view's exact dict to PySet_New, whose dict path presizes (3.9+); before, PySet_New(view) iterates. */
  readonly keysViewSetFromDict: boolean;
  /**
   * array('u', s) and a.fromunicode(s) read s through PyUnicode_AsUnicode (before 3.9), which gives s
   * a wchar_t copy, its wstr, counted by its __sizeof__ from then on (shared with the data of a UCS-4 str).
   */
  readonly arrayUnicodeMakesWstr: boolean;
  /**
   * PEP 634 (3.10+): the match statement (`match` a soft keyword; before, `match x:` is "invalid syntax"),
   * and the __match_args__ that dataclasses and named tuples generate for its class patterns.
   */
  readonly patternMatching: boolean;
  /** `try: … except* T:` parses (PEP 654, 3.11+); pymem refuses to run it (exception groups are not modelled). */
  readonly exceptGroups: boolean;
  /** What a class pattern's non-class calls its expected kind: "called match pattern must be a type" (3.10, 3.11), "… a class" (3.12+). */
  readonly matchClassWord: "type" | "class";
  /** PEP 614 (3.9+): any expression after `@`; before, a dotted name with an optional call (else "invalid syntax"). */
  readonly relaxedDecorators: boolean;
  /** `for x in *a, *b:` (3.9+); before, the starred iterable needs parentheses. */
  readonly starredForIterable: boolean;
  /** `{x := 1, 2}` (3.9+); before, := in a set display needs parentheses. */
  readonly walrusInSetDisplay: boolean;
  /** `a[x := 0]` (3.10+); before, := in a subscript needs parentheses. */
  readonly walrusInSubscript: boolean;
  /**
   * The LL(1) parser's stack (before 3.9's PEG parser): MAXSTACK DFA states (Parser/parser.h), past
   * which compile() raises MemoryError ("s_push: parser stack overflow"), and the states one bracket
   * level takes (test down to atom, about 15: 3.8.18 overflows at 100 nested tuples, 101 lists).
   * pymem does not replay the parser, so it refuses brackets nested that deep; null: no such stack.
   */
  readonly pgenStack: { readonly maxStack: number; readonly statesPerLevel: number } | null;
}

export interface CsvMessages {
  /** A line break inside an unquoted field (3.13 names newline=''). */
  readonly newlineInField: string;
  /** The parenthesis after "iterator should return strings, not bytes". */
  readonly notTextHint: string;
}

export interface Layout {
  readonly python: string;
  /** (major, minor, micro) of the patch release modelled: sys.version_info, sys.hexversion. */
  readonly release: readonly [number, number, number];
  readonly rules: VersionRules;
  /** _csv's error texts that changed across versions (Modules/_csv.c). */
  readonly csvMessages: CsvMessages;
  /** The Python source of collections.UserDict, UserList and UserString in this version (generated: fixtures/collections_sources.py). */
  readonly collectionsSource: () => string;
  /** The keyword-only parameters of dataclasses.dataclass. */
  readonly dataclassKeywords: readonly string[];
  /** Attribute names of the real builtin types and modules, space-separated, by type name or "module NAME". */
  readonly attributeNames: () => Readonly<Record<string, string>>;
  /** Per C type: its MRO and its __dict__'s names by kind (descriptorKinds.ts, from fixtures/attribute_names.py). */
  readonly descriptorKinds: () => Readonly<Record<string, Readonly<Record<string, string>>>>;
  /**
   * Identifier characters the interpreter's start-up interned as objects of their own (3.11, 3.12):
   * a 1-character constant of one of them is that object, not the cached latin-1 character.
   */
  readonly preinternedChars: string;
  /**
   * The texts (two characters or more) a fresh interpreter holds interned once the prelude ran
   * (generated: fixtures/interned_texts.py): sys.intern of a new str of one returns that older object.
   */
  readonly startupInterned: () => ReadonlySet<string>;
  /** PyBaseExceptionObject: the members every builtin exception starts with (explain lays them out). */
  readonly baseException: CStruct;
  /** The members a builtin exception struct adds after PyBaseExceptionObject, by the class declaring it. */
  readonly exceptionMembers: Readonly<Record<string, readonly CField[]>>;
  /** The builtin exception classes, bases first: name, bases and tp_basicsize (generated from the interpreter). */
  readonly exceptionTypes: readonly (readonly [string, readonly string[], number])[];
  /** hash(None) where it is a constant (3.12+: none_hash's 0xFCA86420); null while it is the address's. */
  readonly noneHash: number | null;
  /** Low 16 address bits of the static singletons (None, Ellipsis, NotImplemented), the same in every process. */
  readonly staticAddressLow16: Readonly<Record<string, number>>;
  /** Signatures of builtin functions and methods (inspect.signature), by name or "type.method". */
  readonly signatures: () => Readonly<Record<string, string>>;
  /** The interpreter's Unicode character data, as its str methods use it. */
  readonly unicodeData: UnicodeData;
  /** encodings.aliases and the encodings package's modules (codecs.lookup). */
  readonly codecRegistry: CodecRegistry;
  /** The GC header getsizeof adds in front of GC-tracked objects. */
  readonly gcHead: CStruct;
  readonly long: {
    sizeof(v: number | bigint): number;
    sizeofBool(v: boolean): number;
    readonly struct: CStruct;
    /** One element of the trailing ob_digit[]. */
    readonly digit: CField;
    /** abs(ob_size) of an int. */
    digits(v: number | bigint): number;
    /** The digits int___sizeof__ counts: abs(ob_size), at least one from 3.11. */
    countedDigits(v: number | bigint): number;
    /** 2**PyLong_SHIFT: one digit holds values below it. */
    readonly digitBase: number;
  };
  readonly float: { readonly size: number; readonly complexSize: number; readonly struct: CStruct; readonly complexStruct: CStruct };
  readonly unicode: {
    sizeof(length: number, maxChar: number): number;
    /** The compact struct for this widest character (PyASCIIObject or PyCompactUnicodeObject). */
    struct(maxChar: number): CStruct;
    /** Bytes per character (PyUnicode_KIND). */
    kind(maxChar: number): number;
    /** What unicode___sizeof__ adds for a wstr (none when it shares the data: a UCS-4 str, wchar_t being 4 bytes). */
    wstrBytes(length: number, maxChar: number): number;
    /** What a cached one-character str U+0080-U+00FF holds beyond that: its UTF-8 form and NUL from 3.12 (2 + 1), counted by unicode___sizeof__. */
    readonly latin1CharUtf8: number;
  };
  readonly bytes: { sizeof(length: number): number; readonly struct: CStruct; readonly sval: CField };
  readonly bytearray: {
    readonly struct: CStruct;
    /** One byte of the separately allocated buffer. */
    readonly buffer: CField;
    sizeof(alloc: number): number;
    /** ob_alloc after PyByteArray_Resize; `offset` is the logical offset (ob_start - ob_bytes), 0 when omitted. */
    resize(alloc: number, size: number, requested: number, offset?: number): number;
    /** Whether PyByteArray_Resize keeps the buffer (and the logical offset in it) rather than reallocating. */
    keepsBuffer(alloc: number, size: number, requested: number, offset: number): boolean;
    exactAlloc(n: number): number;
  };
  readonly list: {
    readonly struct: CStruct;
    /** One slot of the separately allocated item array. */
    readonly item: CField;
    sizeof(allocated: number): number;
    resize(allocated: number, size: number, newsize: number): number;
    preallocateExact(n: number): number;
  };
  readonly tuple: {
    readonly struct: CStruct;
    /** One element of the trailing ob_item[]. */
    readonly item: CField;
    sizeof(n: number): number;
    /** A tuple subclass instance (namedtuple …): its basicsize plus a pointer per item, with the GC header. */
    sizeofSubclass(basicsize: number, gc: boolean, n: number): number;
  };
  readonly set: {
    readonly struct: CStruct;
    readonly entry: CStruct;
    /** Whether set_sizeof counts a table apart from the smalltable. */
    hasExternalTable(tableSize: number): boolean;
    readonly minsize: number;
    sizeof(tableSize: number): number;
    tableResize(minused: number): number;
    addNeedsResize(fill: number, tableSize: number): boolean;
    growthTarget(used: number): number;
    /** set_table_resize's minused for set_merge's one big resize up front, or null. */
    presizeForMerge(fill: number, tableSize: number, used: number, incoming: number): number | null;
    dummiesNeedResize(fill: number, used: number, tableSize: number): boolean;
    readonly linearProbes: number;
    readonly perturbShift: number;
    /** set_add_entry puts a new key in the last dummy slot its probe passed (3.10+); before, in the unused slot that ends the probe. */
    readonly addReusesDummy: boolean;
  };
  readonly dict: {
    readonly struct: CStruct;
    /** PyDictKeysObject up to dk_indices, and one dk_entries element. */
    readonly keysStruct: CStruct;
    readonly entryStruct: CStruct;
    /** One slot of a split dict's separately allocated ma_values. */
    readonly value: CField;
    readonly minsize: number;
    /** `general`: the keys table holds 24-byte PyDictKeyEntry entries; otherwise (3.11+, DICT_KEYS_UNICODE) 16-byte PyDictUnicodeEntry ones. Before 3.11 every table is general. */
    sizeof(keysSize: number, general: boolean): number;
    usableFraction(n: number): number;
    estimateSize(n: number): number;
    growthRate(used: number): number;
    resizeSize(minsize: number): number;
    presizedSize(minused: number): number;
    /**
     * A split dict over `keys` (dk_size `size`, dk_usable `usable`, `nentries` names, held by
     * `refcnt` owners): the values array it counts, and the keys when it is their only owner.
     */
    sizeofSplit(keys: { readonly size: number; readonly usable: number; readonly nentries: number; readonly refcnt: number }): number;
    /** The value slots _PyDict_SizeOf counts for a split dict over such keys: USABLE_FRACTION(dk_size) before 3.11, dk_nentries + dk_usable from 3.11. */
    splitValues(keys: { readonly size: number; readonly usable: number; readonly nentries: number }): number;
    keysObjectSize(size: number, general: boolean): number;
    /** Header, dk_indices and dk_entries of a keys table (for explanations). */
    keysParts(size: number, general: boolean): { header: number; ixsize: number; indices: number; usable: number; entries: number; entry: CStruct };
  };
  /** typing's aliases, special forms and TypeVar, types.GenericAlias and types.UnionType. */
  readonly typing: TypingLayout;
  readonly heapType: {
    /** The class object: PyHeapTypeObject. */
    readonly struct: CStruct;
    /** The member type_new adds per slot, and for __dict__ and __weakref__. */
    readonly slot: CField;
    /** The instance struct's head (PyObject_HEAD): object's tp_basicsize. */
    readonly objectStruct: CStruct;
    readonly object: { readonly basicsize: number; readonly gc: boolean };
    /**
     * The instance shape type_new gives a class: `varSized` when its base is (tuple), whose
     * __dict__ pointer follows the items; `preHeader`, the words getsizeof counts in front of
     * the GC header (3.11+ managed dicts).
     */
    shape(base: HeapTypeShape, nslots: number, addDict: boolean, addWeakref: boolean, varSized: boolean): HeapTypeShape;
    sizeofInstance(shape: HeapTypeShape): number;
    sizeofType(cachedKeysBytes: number): number;
    /**
     * Slots of the keys table a class whose instances have a __dict__ caches from its creation
     * (3.11+: 2**NEXT_LOG2_SHARED_KEYS_MAX_SIZE, fixed); null when the cached keys follow the
     * instances (PEP 412, before 3.11), created PyDict_MINSIZE and grown with them.
     */
    readonly classKeysSlots: number | null;
    /** dk_usable of those keys when made (SHARED_KEYS_MAX_SIZE, 30); each instance made takes one, down to 1. */
    readonly classKeysUsable: number;
    /**
     * Whether a class over a var-sized base (tuple) keeps its instances' __dict__ managed with
     * shared keys like any class (3.12+; before 3.11 too, PEP 412); in 3.11 its dict is a member
     * holding a plain dict, and the class caches no keys.
     */
    readonly varSizedDictShared: boolean;
    /** Which of __dict__ and __weakref__ type_new keeps in the pre-header rather than as members, over a fixed-size base (3.11: the dict; 3.12+: both). */
    readonly managedMembers: { readonly dict: boolean; readonly weakref: boolean };
  };
  readonly array: {
    readonly struct: CStruct;
    /** Each typecode's C item type and size. */
    readonly itemtype: Readonly<Record<string, { readonly ctype: string; readonly size: number }>>;
    readonly itemsize: Readonly<Record<string, number>>;
    sizeof(allocated: number, itemsize: number): number;
    resize(allocated: number, size: number, newsize: number): number;
    /** Whether arrays are GC-tracked (3.10+), so getsizeof adds the GC header. */
    readonly gc: boolean;
    /** array.typecodes: every typecode the module takes, some (3.13's 'w') maybe not modelled by pymem. */
    readonly typecodes: string;
  };
  readonly deque: {
    readonly struct: CStruct;
    readonly block: CStruct;
    /** How many blocks deque_sizeof counts. */
    blocks(leftindex: number, size: number): number;
    readonly blocklen: number;
    readonly center: number;
    sizeof(leftindex: number, size: number): number;
  };
  readonly dictFlavor: {
    /** `mutated`: an OrderedDict has been changed since it was made or cleared (its od_fast_nodes exist). */
    sizeof(flavor: DictFlavorName, keysSize: number, general: boolean, used: number, mutated: boolean): number;
    /** Each flavor's instance struct: a PyDictObject with more members. */
    readonly structs: Readonly<Record<DictFlavorName, CStruct>>;
    /** Bytes in front of the GC header getsizeof counts per flavor (3.11+: Counter's managed dict words). */
    readonly preHeader: Readonly<Record<DictFlavorName, number>>;
    /** OrderedDict: the per-item node, one od_fast_nodes slot, and how many slots for a keys table. */
    readonly odictNode: CStruct;
    readonly fastNode: CField;
    fastNodesSize(keysSize: number, mutated: boolean): number;
  };
  readonly decimal: {
    readonly struct: CStruct;
    /** Whether Decimal is GC-tracked (3.13+: a heap type), so getsizeof adds the GC header. */
    readonly gc: boolean;
    /** One word of a separately allocated coefficient. */
    readonly word: CField;
    /** Words of the coefficient allocated apart from the struct (0 while in the static data). */
    dynamicWords(digits: number, dynamic: boolean): number;
    readonly minalloc: number;
    sizeof(digits: number, dynamic: boolean): number;
    words(digits: number): number;
    importWords(digits30: number): number;
  };
  /**
   * From 3.11 a generator embeds its frame: getsizeof is `fixed` (PyGenObject with its
   * _PyInterpreterFrame, and the GC header) plus a word per slot (co_nlocalsplus + co_stacksize);
   * null before, when the generator is a leaf of fixed size.
   */
  readonly generatorFrame: { readonly fixed: number; readonly slot: number } | null;
  /** getsizeof of leaf types by type name. */
  readonly leaves: Readonly<Record<string, number>>;
  /** Their structs, whether they are GC-tracked, and the element of the arrays their __sizeof__ adds (itertools' index arrays), if any. */
  readonly leafTypes: Readonly<Record<string, { readonly struct: CStruct; readonly gc: boolean; readonly item?: CField }>>;
}

/** The versions users may ask for, oldest first; a version is offered once its fixture rows pass. */
export const layouts: Readonly<Record<string, Layout>> = { "3.8": cpython38, "3.9": cpython39, "3.10": cpython310, "3.11": cpython311, "3.12": cpython312, "3.13": cpython313 };

export const SUPPORTED_PYTHONS: readonly string[] = Object.keys(layouts);

export function layoutFor(python: string): Layout | undefined {
  return layouts[python];
}
