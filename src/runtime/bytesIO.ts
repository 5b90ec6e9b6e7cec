// io.BytesIO (Modules/_io/bytesio.c): a bytes object as buffer, shared with
// the caller while its refcount is above one (SHARED_BUF), and grown by
// resize_buffer. __sizeof__ adds sys.getsizeof(buf) when the buffer is its
// own: pymem knows that after a write (the buffer is then a private copy) and
// for the empty bytes singleton (always shared); when the buffer is an object
// someone else may hold (the initial bytes, what getvalue() or read()
// returned) the count hangs on refcounts, and the size is refused.
import { ctx } from "./ctx.js";
import { PymemError, typeError, valueError } from "./errors.js";
import { toIndex } from "./numbers.js";
import { nativeObject } from "./nativeObjects.js";
import { builtinFunction as fn, emptyBytes, None, pyBytes, pyInt, True, False, typeName, type Kwargs, type PyBytesObj, type PyObj, type PyOpaqueObj } from "./objects.js";
import { bytesData } from "./text.js";
import { bindArgs } from "./itertoolsArgs.js";
import { listAppend, newEmptyList } from "./lists.js";

interface BytesIOState {
  data: Uint8Array; // the first string_size bytes are the content
  size: number; // string_size
  pos: number;
  closed: boolean;
  /** The buffer is this existing object (shared, or maybe shared), or null: a private buffer of `alloc` bytes. */
  buf: PyBytesObj | null;
  alloc: number;
}

function checkOpen(s: BytesIOState): void {
  if (s.closed) throw valueError("I/O operation on closed file.");
}

/** resize_buffer: the buffer's new length for `size` bytes (exact on a big change, list-like overallocation on a moderate one). */
function resizedAlloc(alloc: number, size: number): number {
  if (size < Math.floor(alloc / 2)) return size + 1;
  if (size < alloc) return alloc;
  if (size <= alloc * 1.125) return size + (size >> 3) + (size < 9 ? 3 : 6);
  return size + 1;
}

function writeBytes(s: BytesIOState, b: Uint8Array): number {
  checkOpen(s);
  const len = b.length;
  if (len === 0) return 0;
  const endpos = s.pos + len;
  const current = s.buf === null ? s.alloc : s.buf.length;
  if (endpos > current) s.alloc = resizedAlloc(current, endpos);
  else if (s.buf !== null) s.alloc = Math.max(endpos, s.size); // unshare_buffer
  s.buf = null;
  const data = new Uint8Array(Math.max(endpos, s.size));
  data.set(s.data.subarray(0, s.size));
  data.set(b, s.pos);
  s.data = data;
  s.pos = endpos;
  s.size = Math.max(s.size, endpos);
  return len;
}

function bytesLike(o: PyObj | undefined): Uint8Array {
  if (o !== undefined && (o.t === "bytes" || o.t === "bytearray")) return bytesData(o);
  throw typeError(`a bytes-like object is required, not '${o === undefined ? "NoneType" : typeName(o)}'`);
}

function sizeArg(o: PyObj | undefined): number {
  if (o === undefined || o.t === "NoneType") return -1;
  if (o.t !== "int" && o.t !== "bool") throw typeError(`argument should be integer or None, not '${typeName(o)}'`);
  return toIndex(o);
}

/** read_bytes: the whole buffer read from 0 is the buffer object itself. */
function readBytes(s: BytesIOState, n: number): PyObj {
  const start = Math.min(s.pos, s.size);
  const size = n < 0 ? s.size - start : Math.min(n, s.size - start);
  if (size > 1 && s.pos === 0 && s.buf !== null && size === s.buf.length) {
    s.pos += size;
    return s.buf;
  }
  s.pos = start + size;
  return pyBytes(s.data.slice(start, start + size));
}

function getvalue(s: BytesIOState): PyObj {
  checkOpen(s);
  if (s.size <= 1) return pyBytes(s.data.slice(0, s.size));
  if (s.buf === null) s.buf = pyBytes(s.data.slice(0, s.size)) as PyBytesObj;
  return s.buf;
}

function methods(s: BytesIOState): (name: string) => PyObj | undefined {
  const table: Record<string, (args: readonly PyObj[], kw: Kwargs) => PyObj> = {
    write: ([x]) => pyInt(writeBytes(s, bytesLike(x))),
    getvalue: () => getvalue(s),
    read: ([n]) => (checkOpen(s), readBytes(s, sizeArg(n))),
    read1: ([n]) => (checkOpen(s), readBytes(s, sizeArg(n))),
    readline: ([n]) => {
      checkOpen(s);
      const limit = sizeArg(n);
      const start = Math.min(s.pos, s.size);
      const nl = s.data.subarray(start, s.size).indexOf(10);
      let end = nl < 0 ? s.size : start + nl + 1;
      if (limit >= 0) end = Math.min(end, start + limit);
      return readBytes(s, end - start);
    },
    // _io_BytesIO_readlines_impl: lines appended to a new list until the end, or once the hint's size is reached.
    readlines: ([h]) => {
      checkOpen(s);
      if (h !== undefined && h.t !== "NoneType" && h.t !== "int" && h.t !== "bool") throw typeError(`integer argument expected, got '${typeName(h)}'`);
      const hint = h === undefined || h.t === "NoneType" ? 0 : toIndex(h);
      const out = newEmptyList();
      let total = 0;
      while (s.pos < s.size) {
        const nl = s.data.subarray(s.pos, s.size).indexOf(10);
        const n = nl < 0 ? s.size - s.pos : nl + 1;
        // PyBytes_FromStringAndSize: a new bytes (the cached one for a single byte), never the buffer itself.
        listAppend(out, pyBytes(s.data.slice(s.pos, s.pos + n)));
        s.pos += n;
        total += n;
        if (hint > 0 && total >= hint) break;
      }
      return out;
    },
    tell: () => (checkOpen(s), pyInt(s.pos)),
    seek: (args, kw) => {
      checkOpen(s);
      const [p, w] = bindArgs("seek", [{ name: "pos", kind: "P", required: true }, { name: "whence", kind: "P" }], args, kw);
      let pos = toIndex(p as PyObj);
      const whence = w === undefined ? 0 : toIndex(w);
      if (whence === 0 && pos < 0) throw valueError(`negative seek value ${pos}`);
      if (whence !== 0 && whence !== 1 && whence !== 2) throw valueError(`invalid whence (${whence}, should be 0, 1 or 2)`);
      if (whence === 1) pos += s.pos;
      else if (whence === 2) pos += s.size;
      s.pos = Math.max(pos, 0);
      return pyInt(s.pos);
    },
    close: () => {
      s.closed = true;
      return None;
    },
    readable: () => (checkOpen(s), True),
    writable: () => (checkOpen(s), True),
    seekable: () => (checkOpen(s), True),
  };
  return (name) => {
    if (name === "closed") return s.closed ? True : False;
    const m = table[name];
    return m === undefined ? undefined : fn(name, m);
  };
}

/** io.BytesIO(initial_bytes=b''). */
export function bytesIOCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  const [init] = bindArgs("BytesIO", [{ name: "initial_bytes", kind: "A" }], args, kw);
  const s: BytesIOState = { data: new Uint8Array(0), size: 0, pos: 0, closed: false, buf: emptyBytes, alloc: 0 };
  if (init !== undefined && init.t === "bytes") {
    s.buf = init;
    s.data = bytesData(init);
    s.size = init.length;
  } else if (init !== undefined && init.t !== "NoneType") {
    writeBytes(s, bytesLike(init));
    s.pos = 0;
  }
  const obj: PyOpaqueObj = {
    ...nativeObject("BytesIO", {
      attr: methods(s),
      next: () => {
        checkOpen(s);
        const start = Math.min(s.pos, s.size);
        if (start >= s.size) return undefined;
        const nl = s.data.subarray(start, s.size).indexOf(10);
        return readBytes(s, (nl < 0 ? s.size : start + nl + 1) - start);
      },
      hasDict: true,
    }),
    // BytesIO.__sizeof__: the struct, plus getsizeof(buf) for a buffer of its own.
    get indexWords(): number {
      if (s.buf === emptyBytes) return 0;
      if (s.buf !== null) throw new PymemError("UNSUPPORTED", "the size of a BytesIO whose buffer is a bytes object that may be referenced elsewhere (CPython counts it only while BytesIO holds the sole reference)");
      return ctx().layout.bytes.sizeof(s.alloc);
    },
  };
  return obj;
}
