// CPython 3.10 on x86-64 Linux.
import { TYPING_310 } from "./typingobjects.js";
import type { Layout } from "../layout.js";
import { STRUCT_HEAP_TYPES } from "./structobject.js";
import { CSV_HEAP_TYPES } from "./ioobjects.js";
import { byteArrayExactAlloc, byteArrayKeepsBuffer, byteArrayResize, ob_bytesElement, PyByteArrayObjectStruct, sizeofByteArray } from "./PyByteArrayObject.js";
import { ob_svalField, PyBytesObjectStruct, sizeofBytes } from "./PyBytesObject.js";
import {
  dictPresizedSize, dictResizeSize, ESTIMATE_SIZE, GROWTH_RATE, keysObjectSize, keysParts, ma_valuesElement, PyDict_MINSIZE, PyDictKeyEntryStruct,
  PyDictKeysObjectStruct, PyDictObjectStruct, sizeofDict, sizeofSplitDict, USABLE_FRACTION,
} from "./PyDictObject.js";
import { PyComplexObjectStruct, PyFloatObjectStruct, sizeofPyComplexObject, sizeofPyFloatObject } from "./PyFloatObject.js";
import { listPreallocateExact, listResize, ob_itemElement, PyListObjectStruct, sizeofList } from "./PyListObject.js";
import { digitField, longDigits, PyLongObjectStruct, PyLong_SHIFT, sizeofBool, sizeofLong } from "./PyLongObject.js";
import {
  LINEAR_PROBES, PERTURB_SHIFT, PySet_MINSIZE, PySetObjectStruct, setAddNeedsResize, setDummiesNeedResize, setentryStruct, setGrowthTarget,
  setHasExternalTable, setPresizeForMerge, setTableResize, sizeofSet,
} from "./PySetObject.js";
import { PyTupleObjectStruct, sizeofTuple, sizeofTupleSubclass, tupleItemElement } from "./PyTupleObject.js";
import { sizeofUnicode, unicodeKind, unicodeStruct, wstrBytes } from "./PyUnicodeObject.js";
import { leafSizes, leafTypes } from "./leaves.js";
import { FUNCTOOLS_HEAP_TYPES } from "./functoolsobject.js";
import { ATTRIBUTE_NAMES } from "./attributeNames.js";
import { DESCRIPTOR_KINDS } from "./descriptorKinds.js";
import { SIGNATURES } from "./signatures.js";
import { STATIC_ADDRESS_LOW16 } from "./staticAddresses.js";
import { PREINTERNED_CHARS } from "./internedChars.js";
import { startupInterned } from "./startupInterned.js";
import { textSet } from "../internedTexts.js";
import { EXCEPTION_TYPES } from "./exceptionTypes.js";
import { exceptionMembers } from "./exceptionMembers.js";
import { PyBaseExceptionObject } from "./leaves.js";
import { unicodeData310 } from "./unicodeData.js";
import { SRE_EQUIVALENCES } from "./sreCaseFixes.js";
import { BASE_CODEC_REGISTRY } from "../codecTables.js";
import { ARRAY_ITEMSIZE, ARRAY_ITEMTYPE, arrayobjectStruct, arrayResize, sizeofArray } from "./arrayobject.js";
import { BLOCKLEN, blockStruct, CENTER, dequeBlocks, dequeobjectStruct, sizeofDeque } from "./dequeobject.js";
import { _odictnodeStruct, dictFlavorStructs, od_fast_nodesElement, odFastNodesSize, sizeofFlavoredDict } from "./odictobject.js";
import {
  DECIMAL_MINALLOC, decimalDynamicWords, decimalImportWords, decimalWords, mpd_uintElement, PyDecObjectStruct, sizeofDecimal,
} from "./PyDecObject.js";
import { heapTypeShape, heapTypeSlotMember, objectBasicsize, PyHeapTypeObjectStruct, sizeofHeapType, sizeofInstance } from "./PyHeapTypeObject.js";
import { PyGC_HeadStruct, PyObjectStruct } from "./platform.js";
import { USER_CLASSES_SOURCE } from "./collectionsSource.js";

export const cpython310: Layout = {
  python: "3.10",
  collectionsSource: () => USER_CLASSES_SOURCE,
  rules: { calendarDayEnum: false, annotationsFoldConstants: false, annotationsBuiltByConstKeyMap: false, appendAlwaysResizes: true, sipRounds: [2, 4], internedStrsMortal: true, emptySlotNamesType: "name", structPackCachesOneByte: true, enumReprEnum: false, flagBoundary: false, abstractInstantiation: "counted", sliceHashable: false, arrayMutableSequence: true, bisectHiAcceptsNone: true, templateIdentifiers: false, textwrapLongWordHyphens: true, textwrapIndentSeparateItems: false, dictKeyKinds: false, byteArrayFromListResizesOnce: false, asciiStrIterator: false, weakrefTypeName: "ReferenceType", gcThresholds: [700, 10, 10], negativeZeroCoercion: false, divremMaybeSmall: false, boolReprStatic: false, percentEmptyFieldWrites: false, tupleResizeToEmptySingleton: false, dataclassSlotsSkipInherited: false, dataclassStateKeepsOwn: false, strSplitPresizes: false, asdictListComprehension: false, isoCalendarDate: true, structSeqBasicsizeHoldsHidden: false, mergeClonesIntoSplitTarget: true, mergeClonesEmptyTarget: true, dequeRemoveFindsIndex: true, nestedFStrings: false, generatorMinDepth: 1, yieldFromDepth: 2, asyncioSleepFrameSlots: null, asyncWithMessage: "attribute", boolOpCopies: false, kwNamesOnStack: false, delItemKeepsAllocation: false, chrRangeValueError: false, inlineValuesNeedPlainLayout: false, clearKeepsEmbeddedValues: false, listExtendSetDictResizes: false, popToEmptyClears: false, boolArgsTruthy: false, inlinedComprehensions: false, managedDicts: false, listExtendPreallocates: true, memoryviewIterator: "memory_iterator", dictNewAllocatesKeys: false, typingNamedTupleViaDefaults: true, stackUseGuideline: 30, emptyFrozensetSingleton: false, heapExtensionTypes: ["array", "arrayiterator", "Pattern", "Match", "SRE_Scanner", ...FUNCTOOLS_HEAP_TYPES, ...STRUCT_HEAP_TYPES, ...CSV_HEAP_TYPES, ...STRUCT_HEAP_TYPES], fractions: { gcdArithmetic: true, qualifiedMessages: true, underscores: false, coprime: false, generalFormat: false }, statistics: { geometricMessage: true, exactSs: true, onePass: false, sumprod: false, zeros: false }, random: { getrandbitsZero: true, randbytes: true, randbelowZeroGuard: true, choiceIndexesEmpty: true, sampleCounts: true, choicesTotalPositive: true, qualnameInErrors: true, randrangeIndex: true, choicesTotalFinite: true, nanHashIsId: true, randbelowNoGuard: false, normalDefaults: false, randrangeIndexOnly: false, expovariateDefault: false }, functools: { reduceEmptyWord: "iterable", totalOrderingViaInstance: false, wrapperAssignments: ["__module__", "__name__", "__qualname__", "__doc__", "__annotations__"] }, zeroFlagAlignsEveryType: false, replaceCountOnEmptyIsNoop: false, constDisplaysFolded: true, zipStrict: true, truncResultNeedsIndex: true, unpackOpcodes: false, xSubMaybeSmall: true, fromDoubleMaybeSmall: true, keysViewSetFromDict: true, arrayUnicodeMakesWstr: false, patternMatching: true, exceptGroups: false, matchClassWord: "type", relaxedDecorators: true, starredForIterable: true, walrusInSetDisplay: true, walrusInSubscript: true, pgenStack: null, propertyErrorNamesAttribute: true, factorialTakesIntegralFloat: false, numberArgsSayReal: true, hypotCorrected: true, jsonTrailingCommaError: false, intLimitSaysDigits: false, jsonRecursionDepth: 995, csvNulIsData: false, jsonNanErrorShowsValue: false, enumSortOrder: false, enumDeepcopySelf: false, enumAutoNext: "lastIncrementable", withProtocolMessage: false, dictGetMakesPlainDict: false, classBodyMetadata: false, typingParamSpec: true, origClassCatchesAll: false, typedDictKeySets: true, getLoggerRootName: true , re: { atomicGroups: false, globalFlagsAtStart: false, repeatOnePushesMarks: false, templateInC: false, errorName: "error", ignorecaseEquivalences: SRE_EQUIVALENCES } , odictPopThroughSubclass: true, counterRichCompare: true, cTypeModules: { _deque_iterator: "_collections", _deque_reverse_iterator: "_collections", arrayiterator: "array", reader: "_csv", writer: "_csv", StringIO: "_io", BytesIO: "_io", Struct: "_struct", unpack_iterator: "_struct", Random: "random", KeyWrapper: "functools", cached_property: "functools", _lru_cache_wrapper: "functools" } , reduceStateFromGetstate: false, codecFailureNote: false, dataclassEqFieldByField: false, sumCompensated: false, callErrorsNameQualname: true, dataclassNamesDefaultField: false, syntaxMessages: {}, duplicateArgumentAtParam: true, repeatedKeywordNamed: true },
  csvMessages: {
    newlineInField: "new-line character seen in unquoted field - do you need to open the file in universal-newline mode?",
    notTextHint: "the file should be opened in text mode",
  },
  // The patch release whose figures this layout gives (fixtures/versions.json): sys.version_info.
  release: [3, 10, 13],
  dataclassKeywords: ["init", "repr", "eq", "order", "unsafe_hash", "frozen", "match_args", "kw_only", "slots"],
  attributeNames: () => ATTRIBUTE_NAMES,
  descriptorKinds: () => DESCRIPTOR_KINDS,
  signatures: () => SIGNATURES,
  staticAddressLow16: STATIC_ADDRESS_LOW16,
  preinternedChars: PREINTERNED_CHARS,
  startupInterned: textSet(startupInterned),
  exceptionTypes: EXCEPTION_TYPES,
  baseException: PyBaseExceptionObject,
  exceptionMembers,
  noneHash: null,
  unicodeData: unicodeData310,
  codecRegistry: BASE_CODEC_REGISTRY,
  gcHead: PyGC_HeadStruct,
  long: { sizeof: sizeofLong, sizeofBool, struct: PyLongObjectStruct, digit: digitField, digits: longDigits, countedDigits: longDigits, digitBase: 2 ** PyLong_SHIFT },
  float: { size: sizeofPyFloatObject, complexSize: sizeofPyComplexObject, struct: PyFloatObjectStruct, complexStruct: PyComplexObjectStruct },
  unicode: { sizeof: sizeofUnicode, struct: unicodeStruct, kind: unicodeKind, wstrBytes, latin1CharUtf8: 0 },
  bytes: { sizeof: sizeofBytes, struct: PyBytesObjectStruct, sval: ob_svalField },
  bytearray: { struct: PyByteArrayObjectStruct, buffer: ob_bytesElement, sizeof: sizeofByteArray, resize: byteArrayResize, keepsBuffer: byteArrayKeepsBuffer, exactAlloc: byteArrayExactAlloc },
  list: { struct: PyListObjectStruct, item: ob_itemElement, sizeof: sizeofList, resize: listResize, preallocateExact: listPreallocateExact },
  tuple: { struct: PyTupleObjectStruct, item: tupleItemElement, sizeof: sizeofTuple, sizeofSubclass: sizeofTupleSubclass },
  set: {
    struct: PySetObjectStruct,
    entry: setentryStruct,
    hasExternalTable: setHasExternalTable,
    minsize: PySet_MINSIZE,
    sizeof: sizeofSet,
    tableResize: setTableResize,
    addNeedsResize: setAddNeedsResize,
    growthTarget: setGrowthTarget,
    presizeForMerge: setPresizeForMerge,
    dummiesNeedResize: setDummiesNeedResize,
    linearProbes: LINEAR_PROBES,
    perturbShift: PERTURB_SHIFT,
    addReusesDummy: true,
  },
  dict: {
    struct: PyDictObjectStruct,
    keysStruct: PyDictKeysObjectStruct,
    entryStruct: PyDictKeyEntryStruct,
    value: ma_valuesElement,
    minsize: PyDict_MINSIZE,
    sizeof: sizeofDict,
    usableFraction: USABLE_FRACTION,
    estimateSize: ESTIMATE_SIZE,
    growthRate: GROWTH_RATE,
    resizeSize: dictResizeSize,
    presizedSize: dictPresizedSize,
    sizeofSplit: sizeofSplitDict,
    splitValues: (keys) => USABLE_FRACTION(keys.size),
    keysObjectSize,
    keysParts,
  },
  typing: TYPING_310,
  heapType: {
    struct: PyHeapTypeObjectStruct,
    slot: heapTypeSlotMember,
    objectStruct: PyObjectStruct,
    object: { basicsize: objectBasicsize, gc: false },
    shape: heapTypeShape,
    sizeofInstance,
    sizeofType: sizeofHeapType,
    classKeysSlots: null,
    classKeysUsable: 0,
    managedMembers: { dict: false, weakref: false },
    varSizedDictShared: true,
  },
  array: { struct: arrayobjectStruct, itemtype: ARRAY_ITEMTYPE, itemsize: ARRAY_ITEMSIZE, sizeof: sizeofArray, resize: arrayResize, gc: true, typecodes: "bBuhHiIlLqQfd" },
  deque: { struct: dequeobjectStruct, block: blockStruct, blocks: dequeBlocks, blocklen: BLOCKLEN, center: CENTER, sizeof: sizeofDeque },
  dictFlavor: { sizeof: sizeofFlavoredDict, structs: dictFlavorStructs, preHeader: { OrderedDict: 0, defaultdict: 0, Counter: 0 }, odictNode: _odictnodeStruct, fastNode: od_fast_nodesElement, fastNodesSize: odFastNodesSize },
  decimal: {
    struct: PyDecObjectStruct,
    gc: false,
    word: mpd_uintElement,
    dynamicWords: decimalDynamicWords,
    minalloc: DECIMAL_MINALLOC,
    sizeof: sizeofDecimal,
    words: decimalWords,
    importWords: decimalImportWords,
  },
  generatorFrame: null,
  leaves: leafSizes,
  leafTypes,
};
