// bytes/bytearray.translate and bytes.maketrans (Objects/bytesobject.c
// bytes_translate_impl, bytearrayobject.c bytearray_translate_impl,
// bytes_methods.c _Py_bytes_maketrans).
import { bufferBytes } from "./arrayObject.js";
import { PyException, typeError } from "./errors.js";
import { byteArrayResize } from "./byteArrays.js";
import { newByteArrayExact } from "./ops.js";
import { emptyBytes, pyBytesFresh, subOf, typeName, type NativeFn, type PyByteArrayObj, type PyBytesObj, type PyObj } from "./objects.js";
import { bytesData } from "./text.js";

/** A Py_buffer argument ("y*"). */
function buffer(o: PyObj | undefined): Uint8Array {
  const b = o === undefined ? null : bufferBytes(o);
  if (b === null) throw typeError(`a bytes-like object is required, not '${o === undefined ? "NoneType" : typeName(o)}'`);
  return b;
}

/** bytes.maketrans(frm, to): a new 256-byte bytes object. */
export const bytesMaketrans: NativeFn = (args) => {
  if (args.length !== 2) throw typeError(`maketrans expected 2 arguments, got ${args.length}`);
  const frm = buffer(args[0]);
  const to = buffer(args[1]);
  if (frm.length !== to.length) throw new PyException("ValueError", "maketrans arguments must have same length");
  const out = Uint8Array.from({ length: 256 }, (_, i) => i);
  frm.forEach((c, i) => (out[c] = to[i] as number));
  return pyBytesFresh(out);
};

/** translate(table, /, delete=b''): the translated bytes, and whether any byte changed or went. */
function translated(self: Uint8Array, args: readonly PyObj[], kw: ReadonlyMap<string, PyObj>): [Uint8Array, boolean] {
  for (const k of kw.keys()) if (k !== "delete") throw typeError(`'${k}' is an invalid keyword argument for translate()`);
  if (args.length === 0) throw typeError("translate() missing required argument 'table' (pos 1)");
  if (args.length > 2) throw typeError(`translate() takes at most 2 arguments (${args.length} given)`);
  if (args.length === 2 && kw.has("delete")) throw typeError("argument for translate() given by name ('delete') and position (2)");
  const tableArg = args[0] as PyObj;
  const table = tableArg.t === "NoneType" ? null : buffer(tableArg);
  if (table !== null && table.length !== 256) throw new PyException("ValueError", "translation table must be 256 characters long");
  const delArg = args[1] ?? kw.get("delete");
  const del = new Set(delArg === undefined ? [] : buffer(delArg));
  const out: number[] = [];
  let changed = false;
  for (const c of self) {
    if (del.has(c)) {
      changed = true;
      continue;
    }
    const t = table === null ? c : (table[c] as number);
    if (t !== c) changed = true;
    out.push(t);
  }
  return [Uint8Array.from(out), changed];
}

/** bytes.translate: the object itself when nothing changed and it is an exact bytes; the empty singleton when empty. */
export function bytesTranslate(b: PyBytesObj): NativeFn {
  return (args, kw) => {
    const [out, changed] = translated(bytesData(b), args, kw.values);
    if (!changed && subOf(b) === undefined) return b;
    // PyBytes_FromStringAndSize(NULL, n), shrunk by _PyBytes_Resize: a fresh object, the singleton at 0 bytes.
    return out.length === 0 ? emptyBytes : pyBytesFresh(out);
  };
}

/** bytearray.translate: always a new bytearray of the input's length, then PyByteArray_Resize to what is left. */
export function byteArrayTranslate(b: PyByteArrayObj): NativeFn {
  return (args, kw) => {
    const [out] = translated(bytesData(b), args, kw.values);
    const r = newByteArrayExact(new Uint8Array(b.length)) as PyByteArrayObj;
    if (b.length > 0) byteArrayResize(r, out.length);
    r.data = out;
    r.rep = null;
    return r;
  };
}
