// CPython 3.8 on x86-64 Linux: what differs from 3.9 (cpython39/index.ts).
import { TYPING_310 } from "../cpython310/typingobjects.js";
import type { Layout } from "../layout.js";
import { cpython39 } from "../cpython39/index.js";
import { shiftRight } from "../cpython310/bits.js";
import { SRE_EQUIVALENCES_38 } from "../cpython310/sreCaseFixes.js";
import { leaf, leafSizesOf, type LeafType } from "../cpython310/leaves.js";
import { functoolsLeafTypes38 } from "../cpython310/functoolsobject.js";
import { PyHeapTypeObjectStruct, PyTypeObjectStruct, sizeofHeapType } from "./PyTypeObject.js";
import { ATTRIBUTE_NAMES_CHANGES } from "./attributeNames.js";
import { DESCRIPTOR_KINDS_CHANGES } from "./descriptorKinds.js";
import { SIGNATURES_CHANGES } from "./signatures.js";
import { linesAfter, nestedTableAfter, once, wordTableAfter } from "../tableChanges.js";
import { STATIC_ADDRESS_LOW16 } from "./staticAddresses.js";
import { PREINTERNED_CHARS } from "./internedChars.js";
import { startupInternedAdded, startupInternedDropped } from "./startupInterned.js";
import { textSetDelta } from "../internedTexts.js";
import { cpython310 } from "../cpython310/index.js";
import { EXCEPTION_TYPES } from "./exceptionTypes.js";
import { PyBaseExceptionObject } from "../cpython310/leaves.js";
import { unicodeData38 } from "./unicodeData.js";
import { CODEC_REGISTRY } from "./codecRegistry.js";
import { USER_CLASSES_CHANGES } from "./collectionsSource.js";

/** list_resize of 3.8: newsize + newsize/8 + (3 or 6), with no rounding to a multiple of 4. */
function listResize(allocated: number, _size: number, newsize: number): number {
  if (allocated >= newsize && newsize >= shiftRight(allocated, 1)) return allocated;
  if (newsize === 0) return 0;
  return newsize + shiftRight(newsize, 3) + (newsize < 9 ? 3 : 6);
}

const leafTypes: Readonly<Record<string, LeafType>> = { ...cpython39.leafTypes, type: leaf(PyTypeObjectStruct, false), ...functoolsLeafTypes38 };

export const cpython38: Layout = {
  ...cpython39,
  python: "3.8",
  collectionsSource: once(() => linesAfter(cpython39.collectionsSource(), USER_CLASSES_CHANGES)),
  // The patch release whose figures this layout gives (fixtures/versions.json): sys.version_info.
  release: [3, 8, 18],
  attributeNames: once(() => wordTableAfter(cpython39.attributeNames(), ATTRIBUTE_NAMES_CHANGES)),
  descriptorKinds: once(() => nestedTableAfter(cpython39.descriptorKinds(), DESCRIPTOR_KINDS_CHANGES)),
  signatures: once(() => wordTableAfter(cpython39.signatures(), SIGNATURES_CHANGES)),
  staticAddressLow16: STATIC_ADDRESS_LOW16,
  preinternedChars: PREINTERNED_CHARS,
  startupInterned: textSetDelta(cpython310.startupInterned, startupInternedAdded, startupInternedDropped),
  exceptionTypes: EXCEPTION_TYPES,
  baseException: PyBaseExceptionObject,
  unicodeData: unicodeData38,
  codecRegistry: CODEC_REGISTRY,
  rules: { ...cpython39.rules, cTypeModules: { ...cpython39.rules.cTypeModules, Struct: "", unpack_iterator: "" }, annotationsFoldConstants: true, statistics: { ...cpython39.rules.statistics, geometricMessage: false }, random: { ...cpython39.rules.random, getrandbitsZero: false, randbytes: false, randbelowZeroGuard: false, choiceIndexesEmpty: false, sampleCounts: false, choicesTotalPositive: false }, typingNamedTupleViaDefaults: false, isoCalendarDate: false, dictViewAndCopiesSelf: true, rangeIterChecksLengthOnly: true, repeatedKeywordNamed: false, descriptorMessages38: true, strptimeZCaseless: true, re: { ...cpython39.rules.re, ignorecaseEquivalences: SRE_EQUIVALENCES_38 }, typedDictKeySets: false, getLoggerRootName: false, heapExtensionTypes: [], structPackCachesOneByte: false, abstractInstantiation: "plural", bisectHiAcceptsNone: false, functools: { ...cpython39.rules.functools, totalOrderingViaInstance: true }, replaceCountOnEmptyIsNoop: true, constDisplaysFolded: false, unpackOpcodes: true, xSubMaybeSmall: false, fromDoubleMaybeSmall: false, keysViewSetFromDict: false, arrayUnicodeMakesWstr: true, relaxedDecorators: false, starredForIterable: false, walrusInSetDisplay: false, pgenStack: { maxStack: 1500, statesPerLevel: 16 } },
  list: { ...cpython39.list, resize: listResize },
  // set_add_entry puts a new key in a dummy slot its probe passed, as 3.10 does (3.9 does not).
  set: { ...cpython39.set, addReusesDummy: true },
  // 3.8's typing: one _GenericAlias class for every alias, Literal a plain _SpecialForm with an untyped cache,
  // _SpecialForm's __slots__ = ('_name', '_doc') and a __dict__ from _Immutable; builtin types not subscriptable.
  typing: {
    ...TYPING_310,
    hintsModuleBySubscript: true,
    hintsIncludeExtras: false,
    classes: {
      special: "_GenericAlias", tuple: "_VariadicGenericAlias", callable: "_VariadicGenericAlias", generic: "_GenericAlias", union: "_GenericAlias",
      callableAlias: "_GenericAlias", literalAlias: "_GenericAlias", literalForm: "_SpecialForm",
    },
    specialFormSlots: 2,
    specialFormDict: true,
    genericAlias: null,
    unionType: null,
    literalTypedCache: false,
    literalDedup: false,
    unionInstanceCheck: false,
    protocolCheck: "late",
  },
  heapType: { ...cpython39.heapType, struct: PyHeapTypeObjectStruct, sizeofType: sizeofHeapType },
  leaves: leafSizesOf(leafTypes),
  leafTypes,
};
