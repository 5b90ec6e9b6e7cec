// The zlib module's checksums as Modules/zlibmodule.c computes them:
// crc32(data, value=0, /) and adler32(data, value=1, /) over the bytes a
// buffer-protocol object exposes, the running value taken modulo 2**32
// (Argument Clinic's unsigned_int(bitwise=True)), the result an unsigned int.
// compress/decompress and the stream objects are not modelled: the module's
// other names are refused through its attribute table.
import { bufferBytes } from "./arrayObject.js";
import { PymemError, typeError } from "./errors.js";
import { builtinFunction, pyInt, typeName, type PyObj } from "./objects.js";
import type { Layout } from "../layouts/layout.js";

/** The reflected CRC-32 table of zlib (polynomial 0xEDB88320). */
const CRC_TABLE: Uint32Array = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(data: Uint8Array, start: number): number {
  let c = (start ^ 0xffffffff) >>> 0;
  for (const b of data) c = ((CRC_TABLE[(c ^ b) & 0xff] as number) ^ (c >>> 8)) >>> 0;
  return (c ^ 0xffffffff) >>> 0;
}

/** adler32: two sums modulo BASE = 65521, the high half b, the low half a. */
function adler32(data: Uint8Array, start: number): number {
  let a = start & 0xffff;
  let b = (start >>> 16) & 0xffff;
  for (const x of data) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** The positional-only (data, value) of a checksum function, as its clinic wrapper checks them. */
function checksum(name: string, initial: number, run: (data: Uint8Array, start: number) => number): PyObj {
  return builtinFunction(name, (args, kw) => {
    if (kw.values.size > 0) throw typeError(`${name}() takes no keyword arguments`);
    if (args.length < 1 || args.length > 2) {
      throw typeError(args.length < 1 ? `${name}() takes at least 1 positional argument (0 given)` : `${name}() takes at most 2 arguments (${args.length} given)`);
    }
    const data = bufferBytes(args[0] as PyObj);
    if (data === null) throw typeError(`a bytes-like object is required, not '${typeName(args[0] as PyObj)}'`);
    let start = initial;
    const v = args[1];
    if (v !== undefined) {
      if (v.t !== "int") throw new PymemError("UNSUPPORTED", `a ${typeName(v)} as zlib.${name}()'s running value (only an int is modelled)`);
      start = Number(BigInt.asUintN(32, BigInt(v.v)));
    }
    return pyInt(run(data, start));
  }, "zlib");
}

export function zlibModuleAttrs(_layout: Layout): [string, PyObj][] {
  return [
    ["crc32", checksum("crc32", 0, crc32)],
    ["adler32", checksum("adler32", 1, adler32)],
  ];
}
