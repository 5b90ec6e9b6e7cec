// The file's bytes as TextIOWrapper decodes them: the first byte sequence that
// is not UTF-8 from an offset on, and the UnicodeDecodeError CPython reports
// for it (stringlib's utf8_decode ranges and reasons, textCodecs.ts).
import { utf8Step } from "../runtime/textCodecs.js";
import { ByteSource } from "./byteSource.js";

/** A bad sequence: where it starts, where the decoder's error range ends, and why. */
export interface BadUtf8 {
  readonly start: number;
  readonly end: number;
  readonly reason: string;
  /** The bytes from `start` (up to four), for the message. */
  readonly bytes: Uint8Array;
}

/** The first sequence from `from` on that is not UTF-8, or null. */
export function firstBadUtf8(path: string, from: number): BadUtf8 | null {
  const s = ByteSource.ofFile(path, from);
  try {
    for (;;) {
      if (s.pos >= s.end && !s.more()) return null;
      const b = s.buf[s.pos] as number;
      if (b < 0x80) {
        s.pos++;
        continue;
      }
      s.more(4);
      const window = s.buf.subarray(s.pos, Math.min(s.end, s.pos + 4));
      const step = utf8Step(window, 0);
      if (step === null) throw new Error("utf8Step gave no step");
      if ("reason" in step) {
        // A window cut by the end of the file is the file's end: "unexpected end of data" there.
        return { start: s.offset(), end: s.offset() + step.end, reason: step.reason, bytes: window.slice() };
      }
      s.pos += step.n;
    }
  } finally {
    s.close();
  }
}

/** UnicodeDecodeError's text, positions counted from `dataStart` (where the failing decode call's input began). */
export function unicodeDecodeMessage(bad: BadUtf8, dataStart: number): string {
  const start = bad.start - dataStart;
  const end = bad.end - dataStart;
  const where = end - start === 1 ? `byte 0x${(bad.bytes[0] as number).toString(16).padStart(2, "0")} in position ${start}` : `bytes in position ${start}-${end - 1}`;
  return `'utf-8' codec can't decode ${where}: ${bad.reason}`;
}
