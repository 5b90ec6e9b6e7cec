// `for line in open(path, encoding="utf-8", newline=…)`: the lines of a file as
// TextIOWrapper yields them (universal line ends "\n", "\r\n", "\r"; with
// newline=None each end becomes "\n"), and the moment a UnicodeDecodeError
// surfaces: TextIOWrapper decodes 8192-byte chunks as a line needs them, so a
// bad byte fails the first line whose reading decodes its chunk, and its
// position counts from the start of that decode call's input.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { ByteSource } from "./byteSource.js";
import { LoadFailure } from "./loadFailure.js";
import { firstBadUtf8, unicodeDecodeMessage, type BadUtf8 } from "./utf8Check.js";

/** TextIOWrapper's _CHUNK_SIZE: each readline reads the buffer by read1(8192). */
export const TEXT_CHUNK = 8192;

export interface Line {
  /** The line's bytes, its end included (as "\n" when translated). */
  readonly bytes: Uint8Array;
  /** Offset of its first byte in the file. */
  readonly start: number;
  /** 1-based number of the line in the file. */
  readonly number: number;
}

export function fileSize(path: string): number {
  const fd = openSync(path, "r");
  try {
    return fstatSync(fd).size;
  } finally {
    closeSync(fd);
  }
}

/** Where the decoder notices a bad sequence: the start byte, the first bad continuation byte, or the end of the file. */
function detectedAt(bad: BadUtf8, size: number): number {
  if (bad.reason === "unexpected end of data") return size;
  if (bad.reason === "invalid start byte") return bad.start;
  return bad.end;
}

/** The incomplete UTF-8 sequence a chunk ending at `at` leaves to the next decode call: its length. */
function leftoverBefore(path: string, at: number): number {
  const fd = openSync(path, "r");
  try {
    const b = new Uint8Array(3);
    const from = Math.max(0, at - 3);
    const n = readSync(fd, b, 0, at - from, from);
    for (let k = 1; k <= n; k++) {
      const c = b[n - k] as number;
      if ((c & 0xc0) === 0x80) continue;
      const len = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
      return len > k ? k : 0;
    }
    return 0;
  } finally {
    closeSync(fd);
  }
}

/** The UnicodeDecodeError of `bad` as TextIOWrapper's chunked decoding raises it. */
export function chunkedDecodeFailure(path: string, bad: BadUtf8, size: number): LoadFailure {
  const d = detectedAt(bad, size);
  let dataStart: number;
  if (d >= size) dataStart = bad.start;
  else {
    const chunkStart = Math.floor(d / TEXT_CHUNK) * TEXT_CHUNK;
    dataStart = bad.start < chunkStart ? bad.start : chunkStart - leftoverBefore(path, chunkStart);
  }
  return new LoadFailure("UnicodeDecodeError", unicodeDecodeMessage(bad, dataStart), bad.start);
}

/** The lines of a file, in order; `translate`: newline=None (each line end read as "\n"), else newline="". */
export function* fileLines(path: string, translate: boolean): Generator<Line> {
  const size = fileSize(path);
  const bad = firstBadUtf8(path, 0);
  // The chunk whose decoding raises, and the error (Infinity: the final decode call).
  const badChunk = bad === null ? Number.POSITIVE_INFINITY : detectedAt(bad, size) >= size ? Number.POSITIVE_INFINITY : Math.floor(detectedAt(bad, size) / TEXT_CHUNK);
  const s = ByteSource.ofFile(path, 0, true);
  let out: Uint8Array = new Uint8Array(256);
  let number = 0;
  try {
    for (;;) {
      if (s.pos >= s.end && !s.more()) {
        if (bad !== null) throw chunkedDecodeFailure(path, bad, size);
        return;
      }
      const start = s.offset();
      let n = 0;
      let ended = false;
      let lastCr = false;
      while (s.pos < s.end || s.more()) {
        const b = s.buf[s.pos++] as number;
        if (b === 0x0d && s.peek() === 0x0a) {
          s.pos++;
          if (translate) out = put(out, n++, 0x0a);
          else {
            out = put(out, n++, 0x0d);
            out = put(out, n++, 0x0a);
          }
          ended = true;
          break;
        }
        out = put(out, n++, translate && b === 0x0d ? 0x0a : b);
        if (b === 0x0a || b === 0x0d) {
          ended = true;
          lastCr = b === 0x0d;
          break;
        }
      }
      const end = s.offset();
      // The chunk this line needs decoded: its last byte's, the next one's after a "\r" that ends a chunk (is "\n" next?), the final call's without a line end.
      const needed = !ended ? Number.POSITIVE_INFINITY : lastCr && end % TEXT_CHUNK === 0 ? (end >= size ? Number.POSITIVE_INFINITY : end / TEXT_CHUNK) : Math.floor((end - 1) / TEXT_CHUNK);
      if (bad !== null && (needed >= badChunk || end > bad.start)) throw chunkedDecodeFailure(path, bad, size);
      number++;
      yield { bytes: out.subarray(0, n), start, number };
    }
  } finally {
    s.close();
  }
}

function put(out: Uint8Array, i: number, b: number): Uint8Array {
  let o = out;
  if (i >= o.length) {
    o = new Uint8Array(o.length * 2);
    o.set(out);
  }
  o[i] = b;
  return o;
}
