// Objects/dict-common.h and Objects/dictobject.c of 3.11: the keys header
// shrinks to 32 bytes (dk_log2_size, dk_log2_index_bytes, dk_kind, dk_version
// replace dk_size and dk_lookup), and a table of the DICT_KEYS_UNICODE kind
// (every key an exact str) holds 16-byte PyDictUnicodeEntry entries, no hash.
// Table sizes follow 3.10's rules unchanged.
import { cstruct, field, padding } from "../struct.js";
import { ma_valuesElement, PyDictKeyEntryStruct, PyDictObjectStruct, keysPartsOf, type KeysParts } from "../cpython310/PyDictObject.js";
import { ptr, PyGC_Head, SIZEOF, ssize } from "../cpython310/platform.js";

/** struct _dictkeysobject up to its trailing dk_indices[]. */
export const PyDictKeysObjectStruct = cstruct("PyDictKeysObject", [
  ssize("dk_refcnt"),
  field("dk_log2_size", "uint8_t", SIZEOF.uint8_t),
  field("dk_log2_index_bytes", "uint8_t", SIZEOF.uint8_t),
  field("dk_kind", "uint8_t", SIZEOF.uint8_t),
  padding(1),
  field("dk_version", "uint32_t", 4),
  ssize("dk_usable"),
  ssize("dk_nentries"),
]);
export const PyDictUnicodeEntryStruct = cstruct("PyDictUnicodeEntry", [ptr("me_key"), ptr("me_value")]);

export function keysParts(size: number, general: boolean): KeysParts {
  return keysPartsOf(PyDictKeysObjectStruct, general ? PyDictKeyEntryStruct : PyDictUnicodeEntryStruct, size);
}

/** _PyDict_KeysSize. */
export function keysObjectSize(size: number, general: boolean): number {
  const p = keysParts(size, general);
  return p.header + p.indices + p.entries;
}

/** getsizeof of a combined dict; keysSize 0 stands for the shared Py_EMPTY_KEYS. */
export function sizeofDict(keysSize: number, general: boolean): number {
  return PyGC_Head + PyDictObjectStruct.size + (keysSize > 0 ? keysObjectSize(keysSize, general) : 0);
}

/**
 * _PyDict_SizeOf of a split dict: its values array as shared_keys_usable_size (dk_nentries +
 * dk_usable of the keys now, not when the values were made), and the keys when it owns them alone.
 */
export function sizeofSplitDict(keys: { readonly size: number; readonly usable: number; readonly nentries: number; readonly refcnt: number }): number {
  return PyGC_Head + PyDictObjectStruct.size + ma_valuesElement.size * (keys.nentries + keys.usable) + (keys.refcnt === 1 ? keysObjectSize(keys.size, false) : 0);
}
