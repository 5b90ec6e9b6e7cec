// CPython 3.9 on x86-64 Linux: what differs from 3.10 (cpython310/index.ts).
// Only the data lives here; each rule that 3.9 follows differently is named in
// `rules` and carried out where 3.10's is.
import { TYPING_310 } from "../cpython310/typingobjects.js";
import type { Layout } from "../layout.js";
import { STRUCT_HEAP_TYPES } from "../cpython310/structobject.js";
import { cpython310 } from "../cpython310/index.js";
import { arraySizer } from "../cpython310/arrayobject.js";
import { heapTypeObjectStruct, heapTypeSizer } from "../cpython310/PyHeapTypeObject.js";
import { leafSizesOf } from "../cpython310/leaves.js";
import { ptr } from "../cpython310/platform.js";
import { cstruct } from "../struct.js";
import { ATTRIBUTE_NAMES_CHANGES } from "./attributeNames.js";
import { DESCRIPTOR_KINDS_CHANGES } from "./descriptorKinds.js";
import { SIGNATURES_CHANGES } from "./signatures.js";
import { linesAfter, nestedTableAfter, once, wordTableAfter } from "../tableChanges.js";
import { STATIC_ADDRESS_LOW16 } from "./staticAddresses.js";
import { PREINTERNED_CHARS } from "./internedChars.js";
import { startupInternedAdded, startupInternedDropped } from "./startupInterned.js";
import { textSetDelta } from "../internedTexts.js";
import { EXCEPTION_TYPES } from "./exceptionTypes.js";
import { syntaxErrorMembers38 } from "../cpython310/exceptionMembers.js";
import { PyBaseExceptionObject } from "../cpython310/leaves.js";
import { leafTypes } from "./leaves.js";
import { USER_CLASSES_CHANGES } from "./collectionsSource.js";

/** PyAsyncMethods before am_send (3.10). */
export const PyAsyncMethodsStruct = cstruct("PyAsyncMethods", [ptr("am_await", "unaryfunc"), ptr("am_aiter", "unaryfunc"), ptr("am_anext", "unaryfunc")]);
const PyHeapTypeObjectStruct = heapTypeObjectStruct(PyAsyncMethodsStruct);

export const cpython39: Layout = {
  ...cpython310,
  python: "3.9",
  collectionsSource: once(() => linesAfter(cpython310.collectionsSource(), USER_CLASSES_CHANGES)),
  // The patch release whose figures this layout gives (fixtures/versions.json): sys.version_info.
  release: [3, 9, 18],
  attributeNames: once(() => wordTableAfter(cpython310.attributeNames(), ATTRIBUTE_NAMES_CHANGES)),
  descriptorKinds: once(() => nestedTableAfter(cpython310.descriptorKinds(), DESCRIPTOR_KINDS_CHANGES)),
  signatures: once(() => wordTableAfter(cpython310.signatures(), SIGNATURES_CHANGES)),
  staticAddressLow16: STATIC_ADDRESS_LOW16,
  preinternedChars: PREINTERNED_CHARS,
  startupInterned: textSetDelta(cpython310.startupInterned, startupInternedAdded, startupInternedDropped),
  exceptionTypes: EXCEPTION_TYPES,
  baseException: PyBaseExceptionObject,
  // Before 3.10: no end position in SyntaxError, no name/obj in NameError and AttributeError.
  exceptionMembers: { ...Object.fromEntries(Object.entries(cpython310.exceptionMembers).filter(([k]) => k !== "NameError" && k !== "AttributeError")), SyntaxError: syntaxErrorMembers38 },
  rules: { ...cpython310.rules, counterRichCompare: false, cTypeModules: { ...cpython310.rules.cTypeModules, arrayiterator: "" }, annotationsBuiltByConstKeyMap: true, weakrefTypeName: "weakref", fractions: { ...cpython310.rules.fractions, gcdArithmetic: false, qualifiedMessages: false }, statistics: { ...cpython310.rules.statistics, exactSs: false }, random: { ...cpython310.rules.random, qualnameInErrors: false, randrangeIndex: false, choicesTotalFinite: false, nanHashIsId: false }, byteArrayIndexCheckedFirst: true, callErrorsNameQualname: false, duplicateArgumentAtParam: false, emptySlotNamesType: "bare", asyncWithMessage: "attributeExitFirst", typingParamSpec: false, arrayMutableSequence: false, textwrapLongWordHyphens: false, patternMatching: false, mergeClonesIntoSplitTarget: false, mergeClonesEmptyTarget: false, dequeRemoveFindsIndex: false, listExtendPreallocates: false, memoryviewIterator: "iterator", dictNewAllocatesKeys: true, stackUseGuideline: null, emptyFrozensetSingleton: true, heapExtensionTypes: [...STRUCT_HEAP_TYPES], functools: { ...cpython310.rules.functools, reduceEmptyWord: "sequence" }, zeroFlagAlignsEveryType: true, constDisplaysFolded: true, zipStrict: false, truncResultNeedsIndex: false, walrusInSubscript: false, propertyErrorNamesAttribute: false, factorialTakesIntegralFloat: true, numberArgsSayReal: false, hypotCorrected: false, defaultsTupleUnmerged: true },
  csvMessages: { ...cpython310.csvMessages, notTextHint: "did you open the file in text mode?" },
  dataclassKeywords: ["init", "repr", "eq", "order", "unsafe_hash", "frozen"],
  list: {
    ...cpython310.list,
    // list_preallocate_exact: exactly n (3.10 rounds up to even).
    preallocateExact: (n) => n,
  },
  set: { ...cpython310.set, addReusesDummy: false },
  dict: {
    ...cpython310.dict,
    // dictresize: the first power of two from PyDict_MINSIZE up that is at least minsize (3.10 takes a bit length of (minsize | 8) - 1).
    resizeSize: (minsize) => {
      let size = cpython310.dict.minsize;
      while (size < minsize) size *= 2;
      return size;
    },
  },
  // int | str and isinstance against a Union arrived in 3.10.
  typing: { ...TYPING_310, hintsModuleBySubscript: true, unionType: null, unionInstanceCheck: false, protocolCheck: "late" },
  heapType: { ...cpython310.heapType, struct: PyHeapTypeObjectStruct, sizeofType: heapTypeSizer(PyHeapTypeObjectStruct) },
  // arrayobject is not GC-tracked before 3.10.
  array: { ...cpython310.array, sizeof: arraySizer(false), gc: false },
  leaves: leafSizesOf(leafTypes),
  leafTypes,
};
