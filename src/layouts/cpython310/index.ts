// CPython 3.10 on x86-64 Linux.
import type { Layout } from "../layout.js";
import { byteArrayExactAlloc, byteArrayResize, sizeofByteArray } from "./PyByteArrayObject.js";
import { sizeofBytes } from "./PyBytesObject.js";
import {
  dictPresizedSize, dictResizeSize, ESTIMATE_SIZE, GROWTH_RATE, PyDict_MINSIZE, keysObjectSize, keysParts, sizeofDict, sizeofSplitDict, USABLE_FRACTION,
} from "./PyDictObject.js";
import { sizeofPyComplexObject, sizeofPyFloatObject } from "./PyFloatObject.js";
import { listPreallocateExact, listResize, sizeofList } from "./PyListObject.js";
import { sizeofBool, sizeofLong } from "./PyLongObject.js";
import {
  LINEAR_PROBES, PERTURB_SHIFT, PySet_MINSIZE, setAddNeedsResize, setDummiesNeedResize, setGrowthTarget, setPresizeForMerge,
  setTableResize, sizeofSet,
} from "./PySetObject.js";
import { sizeofTuple, sizeofTupleSubclass } from "./PyTupleObject.js";
import { sizeofUnicode } from "./PyUnicodeObject.js";
import { leafSizes } from "./leaves.js";
import { ARRAY_ITEMSIZE, arrayResize, sizeofArray } from "./arrayobject.js";
import { BLOCKLEN, CENTER, sizeofDeque } from "./dequeobject.js";
import { sizeofFlavoredDict } from "./odictobject.js";
import { DECIMAL_MINALLOC, decimalImportWords, decimalWords, sizeofDecimal } from "./PyDecObject.js";
import { heapTypeShape, objectBasicsize, sizeofHeapType, sizeofInstance } from "./PyHeapTypeObject.js";

export const cpython310: Layout = {
  python: "3.10",
  long: { sizeof: sizeofLong, sizeofBool },
  float: { size: sizeofPyFloatObject, complexSize: sizeofPyComplexObject },
  unicode: { sizeof: sizeofUnicode },
  bytes: { sizeof: sizeofBytes },
  bytearray: { sizeof: sizeofByteArray, resize: byteArrayResize, exactAlloc: byteArrayExactAlloc },
  list: { sizeof: sizeofList, resize: listResize, preallocateExact: listPreallocateExact },
  tuple: { sizeof: sizeofTuple, sizeofSubclass: sizeofTupleSubclass },
  set: {
    minsize: PySet_MINSIZE,
    sizeof: sizeofSet,
    tableResize: setTableResize,
    addNeedsResize: setAddNeedsResize,
    growthTarget: setGrowthTarget,
    presizeForMerge: setPresizeForMerge,
    dummiesNeedResize: setDummiesNeedResize,
    linearProbes: LINEAR_PROBES,
    perturbShift: PERTURB_SHIFT,
  },
  dict: {
    minsize: PyDict_MINSIZE,
    sizeof: sizeofDict,
    usableFraction: USABLE_FRACTION,
    estimateSize: ESTIMATE_SIZE,
    growthRate: GROWTH_RATE,
    resizeSize: dictResizeSize,
    presizedSize: dictPresizedSize,
    sizeofSplit: sizeofSplitDict,
    keysObjectSize,
    keysParts,
  },
  heapType: {
    object: { basicsize: objectBasicsize, gc: false },
    shape: heapTypeShape,
    sizeofInstance,
    sizeofType: sizeofHeapType,
  },
  array: { itemsize: ARRAY_ITEMSIZE, sizeof: sizeofArray, resize: arrayResize },
  deque: { blocklen: BLOCKLEN, center: CENTER, sizeof: sizeofDeque },
  dictFlavor: { sizeof: sizeofFlavoredDict },
  decimal: { minalloc: DECIMAL_MINALLOC, sizeof: sizeofDecimal, words: decimalWords, importWords: decimalImportWords },
  leaves: leafSizes,
};
