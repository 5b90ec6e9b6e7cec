// CPython 3.11 on x86-64 Linux: what differs from 3.10 (cpython310/index.ts).
// Only the data lives here; each rule that 3.11 follows differently is named in
// `rules` and carried out where 3.10's is.
import { gaobjectStruct311 } from "../cpython310/typingobjects.js";
import type { Layout } from "../layout.js";
import { cpython310 } from "../cpython310/index.js";
import { leafSizesOf } from "../cpython310/leaves.js";
import { dictFlavorStructs, flavoredDictSizer } from "../cpython310/odictobject.js";
import { PyDictObjectStruct } from "../cpython310/PyDictObject.js";
import { cstruct } from "../struct.js";
import { ptr } from "../cpython310/platform.js";
import { dequeobjectStruct, sizeofDeque } from "./dequeobject.js";
import { keysObjectSize, keysParts, PyDictKeysObjectStruct, PyDictUnicodeEntryStruct, sizeofDict, sizeofSplitDict } from "./PyDictObject.js";
import { CLASS_KEYS_SLOTS, heapTypeShape, MANAGED_DICT_PREHEADER, PyHeapTypeObjectStruct, SHARED_KEYS_MAX_SIZE, sizeofHeapType } from "./PyHeapTypeObject.js";
import { sizeofBool, sizeofLong } from "./PyLongObject.js";
import { leafTypes } from "./leaves.js";
import { ATTRIBUTE_NAMES_CHANGES } from "./attributeNames.js";
import { DESCRIPTOR_KINDS_CHANGES } from "./descriptorKinds.js";
import { SIGNATURES_CHANGES } from "./signatures.js";
import { linesAfter, nestedTableAfter, once, wordTableAfter } from "../tableChanges.js";
import { STATIC_ADDRESS_LOW16 } from "./staticAddresses.js";
import { PREINTERNED_CHARS } from "./internedChars.js";
import { startupInternedAdded, startupInternedDropped } from "./startupInterned.js";
import { textSetDelta } from "../internedTexts.js";
import { EXCEPTION_TYPES } from "./exceptionTypes.js";

import { PyBaseExceptionObject } from "./leaves.js";
import { unicodeData311 } from "./unicodeData.js";
import { USER_CLASSES_CHANGES } from "./collectionsSource.js";

/**
 * A Counter instance: a dict subclass in Python, whose __dict__ is managed (two words in front
 * of the GC header, which getsizeof counts) and whose __weakref__ is a member.
 */
const CounterStruct = cstruct("Counter instance", [{ embed: PyDictObjectStruct }, ptr("__weakref__")]);
const flavorStructs = { ...dictFlavorStructs, Counter: CounterStruct };
const flavorPreHeader = { OrderedDict: 0, defaultdict: 0, Counter: MANAGED_DICT_PREHEADER.size };

export const cpython311: Layout = {
  ...cpython310,
  python: "3.11",
  collectionsSource: once(() => linesAfter(cpython310.collectionsSource(), USER_CLASSES_CHANGES)),
  rules: { ...cpython310.rules, exceptGroups: true, enumAutoNext: "largestIfLast", appendAlwaysResizes: false, sipRounds: [1, 3], fractions: { ...cpython310.rules.fractions, underscores: true }, statistics: { ...cpython310.rules.statistics, onePass: true }, random: { ...cpython310.rules.random, randbelowNoGuard: true, normalDefaults: true }, csvNulIsData: true, intLimitSaysDigits: true, asyncioSleepFrameSlots: 11, asyncWithMessage: "protocol", re: { ...cpython310.rules.re, atomicGroups: true, globalFlagsAtStart: true, repeatOnePushesMarks: true }, enumReprEnum: true, flagBoundary: true, templateIdentifiers: true, dictKeyKinds: true, byteArrayFromListResizesOnce: true, asciiStrIterator: true, negativeZeroCoercion: true, divremMaybeSmall: true, boolReprStatic: true, percentEmptyFieldWrites: true, tupleResizeToEmptySingleton: true, dataclassSlotsSkipInherited: true, dataclassStateKeepsOwn: true, managedDicts: true, enumSortOrder: true, enumDeepcopySelf: true, withProtocolMessage: true, dictGetMakesPlainDict: true, odictPopThroughSubclass: false, reduceStateFromGetstate: true },
  // The patch release whose figures this layout gives (fixtures/versions.json): sys.version_info.
  release: [3, 11, 7],
  dataclassKeywords: [...cpython310.dataclassKeywords, "weakref_slot"],
  attributeNames: once(() => wordTableAfter(cpython310.attributeNames(), ATTRIBUTE_NAMES_CHANGES)),
  descriptorKinds: once(() => nestedTableAfter(cpython310.descriptorKinds(), DESCRIPTOR_KINDS_CHANGES)),
  signatures: once(() => wordTableAfter(cpython310.signatures(), SIGNATURES_CHANGES)),
  staticAddressLow16: STATIC_ADDRESS_LOW16,
  preinternedChars: PREINTERNED_CHARS,
  startupInterned: textSetDelta(cpython310.startupInterned, startupInternedAdded, startupInternedDropped),
  exceptionTypes: EXCEPTION_TYPES,
  baseException: PyBaseExceptionObject,
  // 3.11: exception groups.
  exceptionMembers: { ...cpython310.exceptionMembers, BaseExceptionGroup: [ptr("msg"), ptr("excs")] },
  unicodeData: unicodeData311,
  long: { ...cpython310.long, sizeof: sizeofLong, sizeofBool, countedDigits: (v) => Math.max(1, cpython310.long.digits(v)) },
  dict: {
    ...cpython310.dict,
    keysStruct: PyDictKeysObjectStruct,
    entryStruct: PyDictUnicodeEntryStruct,
    sizeof: sizeofDict,
    sizeofSplit: sizeofSplitDict,
    splitValues: (keys) => keys.nentries + keys.usable,
    keysObjectSize,
    keysParts,
  },
  dictFlavor: {
    ...cpython310.dictFlavor,
    structs: flavorStructs,
    preHeader: flavorPreHeader,
    sizeof: flavoredDictSizer(flavorStructs, keysObjectSize, flavorPreHeader),
  },
  // TypeVar lost its __slots__ (a managed __dict__), Any became a class, list[int] gained starred and a vectorcall,
  // and _type_check takes non-callable arguments (List[1]).
  typing: { ...cpython310.typing, typeVar: { slots: 0 }, anyIsClass: true, genericAlias: gaobjectStruct311, argsMustBeCallable: false, finalSetsAttribute: true, hintsRebuildGenericAlias: true },
  heapType: { ...cpython310.heapType, struct: PyHeapTypeObjectStruct, sizeofType: sizeofHeapType, classKeysSlots: CLASS_KEYS_SLOTS, classKeysUsable: SHARED_KEYS_MAX_SIZE, shape: heapTypeShape, managedMembers: { dict: true, weakref: false }, varSizedDictShared: false },
  deque: { ...cpython310.deque, struct: dequeobjectStruct, sizeof: sizeofDeque },
  // Measured: sizeof(PyGenObject) with its embedded frame up to localsplus (152), and the GC header.
  generatorFrame: { fixed: 168, slot: 8 },
  leaves: leafSizesOf(leafTypes),
  leafTypes,
};
