// A byte offset of the file as the position CPython names: the index in the
// decoded (newline-translated) text, its line and column — JSONDecodeError's
// `pos`, `lineno = doc.count("\n", 0, pos) + 1`, `colno = pos - doc.rfind("\n", 0, pos)`.
import { ByteSource } from "./byteSource.js";

export interface TextPosition {
  /** Code points before the offset, each line end one. */
  readonly pos: number;
  readonly line: number;
  readonly column: number;
}

/** The position of byte `offset` in `src` read from its start (`translate`: "\r\n" and "\r" are one "\n"). */
export function textPosition(src: ByteSource, offset: number, translate = true): TextPosition {
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  let prevCr = false;
  while (src.offset() < offset && (src.pos < src.end || src.more())) {
    const b = src.buf[src.pos++] as number;
    if ((b & 0xc0) === 0x80) continue;
    if (b === 0x0a && prevCr && translate) {
      prevCr = false;
      lineStart = pos;
      continue;
    }
    prevCr = b === 0x0d;
    pos++;
    if (b === 0x0a || (b === 0x0d && translate)) {
      line++;
      lineStart = pos;
    }
  }
  return { pos, line, column: pos - lineStart + 1 };
}

/** JSONDecodeError's str: "msg: line L column C (char P)". */
export function jsonErrorText(reason: string, p: TextPosition): string {
  return `${reason}: line ${p.line} column ${p.column} (char ${p.pos})`;
}
