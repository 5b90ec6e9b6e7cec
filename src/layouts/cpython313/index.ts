// CPython 3.13 on x86-64 Linux: what differs from 3.12 (cpython312/index.ts).
import { TYPING_313 } from "./typingobjects.js";
import type { Layout } from "../layout.js";
import { cpython312 } from "../cpython312/index.js";
import { leafSizesOf, leaf } from "../cpython310/leaves.js";
import { PyHeapTypeObjectStruct, PyTypeObjectStruct, sizeofHeapType } from "./PyTypeObject.js";
import { sizeofDecimal } from "./PyDecObject.js";
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
import { PyBaseExceptionObject } from "../cpython311/leaves.js";
import { unicodeData313 } from "./unicodeData.js";
import { CODEC_REGISTRY } from "./codecRegistry.js";
import { itertoolsLeafTypes } from "./itertoolsobject.js";
import { functoolsLeafTypes313 } from "../cpython310/functoolsobject.js";
import { USER_CLASSES_CHANGES } from "./collectionsSource.js";

// Static types are immortal and no longer counted as GC objects by getsizeof.
const leafTypes = { ...cpython312.leafTypes, type: leaf(PyTypeObjectStruct, false), ...itertoolsLeafTypes, ...functoolsLeafTypes313 };

export const cpython313: Layout = {
  ...cpython312,
  python: "3.13",
  collectionsSource: once(() => linesAfter(cpython312.collectionsSource(), USER_CLASSES_CHANGES)),
  // The patch release whose figures this layout gives (fixtures/versions.json): sys.version_info.
  release: [3, 13, 0],
  csvMessages: { ...cpython312.csvMessages, newlineInField: "new-line character seen in unquoted field - do you need to open the file with newline=''?" },
  rules: {
    ...cpython312.rules,
    structRepr: true,
    sortRunKeepsEqualDescending: true,
    fractions: { ...cpython312.rules.fractions, generalFormat: true },
    statistics: { ...cpython312.rules.statistics, zeros: true },
    jsonRecursionDepth: 9999,
    gcThresholds: [2000, 10, 10],
    internedStrsMortal: true,
    re: { ...cpython312.rules.re, errorName: "PatternError" },
    listExtendSetDictResizes: true,
    dataclassEqFieldByField: true,
    dataclassNamesDefaultField: true,
    classBodyMetadata: true,
    delItemKeepsAllocation: true,
    chrRangeValueError: true,
    inlineValuesNeedPlainLayout: true,
    clearKeepsEmbeddedValues: true,
    kwNamesOnStack: true,
    mergeClonesIntoSplitTarget: false,
    asdictListComprehension: true,
    heapExtensionTypes: [...cpython312.rules.heapExtensionTypes, "Decimal"],
    jsonTrailingCommaError: true,
    enumAutoNext: "largest",
    textwrapIndentSeparateItems: true,
    noDictSetAttrHint: true,
    emptySlotNamesType: "qualified",
    structSeqBasicsizeHoldsHidden: true,
  },
  // 'w' (Py_UCS4) joins the typecodes; pymem refuses arrays of it.
  array: { ...cpython312.array, typecodes: "bBuwhHiIlLqQfd" },
  attributeNames: once(() => wordTableAfter(cpython312.attributeNames(), ATTRIBUTE_NAMES_CHANGES)),
  descriptorKinds: once(() => nestedTableAfter(cpython312.descriptorKinds(), DESCRIPTOR_KINDS_CHANGES)),
  signatures: once(() => wordTableAfter(cpython312.signatures(), SIGNATURES_CHANGES)),
  staticAddressLow16: STATIC_ADDRESS_LOW16,
  preinternedChars: PREINTERNED_CHARS,
  startupInterned: textSetDelta(cpython310.startupInterned, startupInternedAdded, startupInternedDropped),
  exceptionTypes: EXCEPTION_TYPES,
  baseException: PyBaseExceptionObject,
  unicodeData: unicodeData313,
  codecRegistry: CODEC_REGISTRY,
  decimal: { ...cpython312.decimal, sizeof: sizeofDecimal, gc: true },
  typing: TYPING_313,
  heapType: { ...cpython312.heapType, struct: PyHeapTypeObjectStruct, sizeofType: sizeofHeapType },
  leaves: leafSizesOf(leafTypes),
  leafTypes,
};
