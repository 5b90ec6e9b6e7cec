// CPython 3.12 on x86-64 Linux: what differs from 3.11 (cpython311/index.ts).
import { TYPING_312 } from "./typingobjects.js";
import { IO_HEAP_TYPES } from "./ioobjects.js";
import type { Layout } from "../layout.js";
import { cpython311 } from "../cpython311/index.js";
import { leafSizesOf } from "../cpython310/leaves.js";
import { dictFlavorStructs, flavoredDictSizer } from "../cpython310/odictobject.js";
import { PyDictObjectStruct } from "../cpython310/PyDictObject.js";
import { unicodeKind } from "../cpython310/PyUnicodeObject.js";
import { cstruct } from "../struct.js";
import { keysObjectSize } from "../cpython311/PyDictObject.js";
import { heapTypeShape, PREHEADER } from "./PyHeapTypeObject.js";
import { PyHeapTypeObjectStruct, sizeofHeapType } from "./PyTypeObject.js";
import { sizeofUnicode, unicodeStruct, wstrBytes } from "./PyUnicodeObject.js";
import { leafTypes } from "./leaves.js";
import { ITERTOOLS_HEAP_TYPES } from "./itertoolsobject.js";
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
import { ptr } from "../cpython310/platform.js";
import { PyBaseExceptionObject } from "../cpython311/leaves.js";
import { unicodeData312 } from "./unicodeData.js";
import { USER_CLASSES_CHANGES } from "./collectionsSource.js";

/** A Counter instance: a dict subclass in Python whose __dict__ and __weakref__ are the pre-header's words. */
const CounterStruct = cstruct("Counter instance", [{ embed: PyDictObjectStruct }]);
const flavorStructs = { ...dictFlavorStructs, Counter: CounterStruct };
const flavorPreHeader = { OrderedDict: 0, defaultdict: 0, Counter: PREHEADER.size };

export const cpython312: Layout = {
  ...cpython311,
  python: "3.12",
  collectionsSource: once(() => linesAfter(cpython311.collectionsSource(), USER_CLASSES_CHANGES)),
  // The patch release whose figures this layout gives (fixtures/versions.json): sys.version_info.
  release: [3, 12, 1],
  rules: {
    ...cpython311.rules,
    calendarDayEnum: true,
    cTypeModules: { ...cpython311.rules.cTypeModules, _deque_iterator: "collections", _deque_reverse_iterator: "collections" },
    fractions: { ...cpython311.rules.fractions, coprime: true },
    statistics: { ...cpython311.rules.statistics, sumprod: true },
    random: { ...cpython311.rules.random, randrangeIndexOnly: true, expovariateDefault: true },
    jsonRecursionDepth: 1498,
    internedStrsMortal: false,
    origClassCatchesAll: true,
    re: { ...cpython311.rules.re, templateInC: true },
    odictReprDictStyle: true,
    abstractInstantiation: "implementation",
    codecFailureNote: true,
    sumCompensated: true,
    sliceHashable: true,
    matchClassWord: "class",
    functools: { ...cpython311.rules.functools, wrapperAssignments: [...cpython311.rules.functools.wrapperAssignments, "__type_params__"] },
    strSplitPresizes: true,
    dictGetMakesPlainDict: false,
    jsonNanErrorShowsValue: true,
    popToEmptyClears: true,
    boolArgsTruthy: true,
    inlinedComprehensions: true,
    // 3.12 reworded the PEG parser's invalid_parameters message.
    syntaxMessages: { "non-default argument follows default argument": "parameter without a default follows parameter with a default" },
    boolReprStatic: false,
    boolOpCopies: true,
    nestedFStrings: true,
    generatorMinDepth: 2,
    yieldFromDepth: 3,
    heapExtensionTypes: [...cpython311.rules.heapExtensionTypes, "deque", "defaultdict", "_deque_iterator", "_deque_reverse_iterator", "_tuplegetter", ...ITERTOOLS_HEAP_TYPES, ...IO_HEAP_TYPES],
  },
  attributeNames: once(() => wordTableAfter(cpython311.attributeNames(), ATTRIBUTE_NAMES_CHANGES)),
  descriptorKinds: once(() => nestedTableAfter(cpython311.descriptorKinds(), DESCRIPTOR_KINDS_CHANGES)),
  signatures: once(() => wordTableAfter(cpython311.signatures(), SIGNATURES_CHANGES)),
  staticAddressLow16: STATIC_ADDRESS_LOW16,
  preinternedChars: PREINTERNED_CHARS,
  startupInterned: textSetDelta(cpython310.startupInterned, startupInternedAdded, startupInternedDropped),
  exceptionTypes: EXCEPTION_TYPES,
  baseException: PyBaseExceptionObject,
  // 3.12: ImportError keeps the name of a `from` import.
  exceptionMembers: { ...cpython311.exceptionMembers, ImportError: [ptr("msg"), ptr("name"), ptr("path"), ptr("name_from")] },
  // none_hash (Objects/object.c): a constant from 3.12.
  noneHash: 0xfca86420,
  unicodeData: unicodeData312,
  // The cached latin-1 characters U+0080-U+00FF carry their 2-byte UTF-8 form and its NUL.
  unicode: { sizeof: sizeofUnicode, struct: unicodeStruct, kind: unicodeKind, wstrBytes, latin1CharUtf8: 2 + 1 },
  dictFlavor: {
    ...cpython311.dictFlavor,
    structs: flavorStructs,
    preHeader: flavorPreHeader,
    sizeof: flavoredDictSizer(flavorStructs, keysObjectSize, flavorPreHeader),
  },
  typing: TYPING_312,
  heapType: { ...cpython311.heapType, struct: PyHeapTypeObjectStruct, sizeofType: sizeofHeapType, shape: heapTypeShape, managedMembers: { dict: true, weakref: true }, varSizedDictShared: true },
  // The frame lost prev_instr's word to instr_ptr's place and f_locals moved: 144 + GC header (measured).
  generatorFrame: { fixed: 160, slot: 8 },
  leaves: leafSizesOf(leafTypes),
  leafTypes,
};
