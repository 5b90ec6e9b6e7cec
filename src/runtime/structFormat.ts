// The struct format mini-language and its codecs (Modules/_struct.c):
// prepare_s's parse into codes (sizes, offsets, repeats; native alignment
// by align()), and each code's pack and unpack on bytes. Sizes and
// alignments are x86-64 Linux's native table (native_table) and the
// standard tables' (lilendian_table / bigendian_table). Values are plain JS
// data here; the module file turns them into Python objects.

/** A formatdef: its size and native alignment (0 in the standard tables). */
interface FormatDef {
  readonly size: number;
  readonly alignment: number;
}

/** native_table on x86-64 Linux: sizeof and the alignment of each C type. */
const NATIVE: Readonly<Record<string, FormatDef>> = {
  x: { size: 1, alignment: 0 }, b: { size: 1, alignment: 0 }, B: { size: 1, alignment: 0 }, c: { size: 1, alignment: 0 },
  s: { size: 1, alignment: 0 }, p: { size: 1, alignment: 0 }, h: { size: 2, alignment: 2 }, H: { size: 2, alignment: 2 },
  i: { size: 4, alignment: 4 }, I: { size: 4, alignment: 4 }, l: { size: 8, alignment: 8 }, L: { size: 8, alignment: 8 },
  n: { size: 8, alignment: 8 }, N: { size: 8, alignment: 8 }, q: { size: 8, alignment: 8 }, Q: { size: 8, alignment: 8 },
  "?": { size: 1, alignment: 1 }, e: { size: 2, alignment: 2 }, f: { size: 4, alignment: 4 }, d: { size: 8, alignment: 8 },
  P: { size: 8, alignment: 8 },
};

/** lilendian_table / bigendian_table: standard sizes, no alignment, no n, N or P. */
const STANDARD: Readonly<Record<string, FormatDef>> = {
  x: { size: 1, alignment: 0 }, b: { size: 1, alignment: 0 }, B: { size: 1, alignment: 0 }, c: { size: 1, alignment: 0 },
  s: { size: 1, alignment: 0 }, p: { size: 1, alignment: 0 }, h: { size: 2, alignment: 0 }, H: { size: 2, alignment: 0 },
  i: { size: 4, alignment: 0 }, I: { size: 4, alignment: 0 }, l: { size: 4, alignment: 0 }, L: { size: 4, alignment: 0 },
  q: { size: 8, alignment: 0 }, Q: { size: 8, alignment: 0 }, "?": { size: 1, alignment: 0 }, e: { size: 2, alignment: 0 },
  f: { size: 4, alignment: 0 }, d: { size: 8, alignment: 0 },
};

/** A formatcode: one code of the parsed format (s and p take one value whatever their count). */
export interface FormatCode {
  readonly format: string;
  readonly offset: number;
  /** The bytes of one item (s, p: the count). */
  readonly size: number;
  readonly repeat: number;
}

export interface ParsedFormat {
  readonly size: number; // s_size
  readonly len: number; // s_len: the values packed / unpacked
  readonly codes: readonly FormatCode[]; // s_codes, without the terminating sentinel
  readonly littleEndian: boolean;
}

/** What the parse or a codec rejects: struct.error, or another Python exception type. */
export class StructFormatError extends Error {
  constructor(readonly pyType: "error" | "OverflowError" | "TypeError", message: string) {
    super(message);
  }
}

const SSIZE_MAX = Number.MAX_SAFE_INTEGER; // beyond it a JS number loses units; CPython's bound (2**63-1) is larger still

function structError(message: string): StructFormatError {
  return new StructFormatError("error", message);
}

/** whichtable: the byte-order prefix, and the table and endianness it selects. */
function whichTable(fmt: string): { table: Readonly<Record<string, FormatDef>>; little: boolean; start: number } {
  switch (fmt[0]) {
    case "<":
    case "=": // native order on a little-endian machine
      return { table: STANDARD, little: true, start: 1 };
    case ">":
    case "!":
      return { table: STANDARD, little: false, start: 1 };
    case "@":
      return { table: NATIVE, little: true, start: 1 };
    default:
      return { table: NATIVE, little: true, start: 0 };
  }
}

function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\v" || c === "\f";
}

/** align(): the offset rounded up to the code's alignment (native codes only). */
function align(size: number, e: FormatDef): number {
  if (e.alignment === 0 || size <= 0) return size;
  return size + ((e.alignment - 1) - ((size - 1) % e.alignment));
}

/** prepare_s: the codes, the total size and the number of values, or struct.error. */
export function parseFormat(fmt: string): ParsedFormat {
  const { table, little, start } = whichTable(fmt);
  const items: { c: string; num: number; e: FormatDef }[] = [];
  let size = 0;
  let len = 0;
  let i = start;
  while (i < fmt.length) {
    let c = fmt[i++] as string;
    if (isSpace(c)) continue;
    let num = 1;
    if (c >= "0" && c <= "9") {
      num = c.charCodeAt(0) - 48;
      while (i < fmt.length && (fmt[i] as string) >= "0" && (fmt[i] as string) <= "9") {
        const digit = (fmt[i++] as string).charCodeAt(0) - 48;
        if (num >= Math.floor((SSIZE_MAX - digit) / 10)) throw structError("total struct size too long");
        num = num * 10 + digit;
      }
      if (i >= fmt.length) throw structError("repeat count given without format specifier");
      c = fmt[i++] as string;
    }
    const e = table[c];
    if (e === undefined) throw structError("bad char in struct format");
    size = align(size, e);
    if (c === "s" || c === "p") len++;
    else if (c !== "x") len += num;
    const itemsize = e.size;
    if (num > (SSIZE_MAX - size) / itemsize) throw structError("total struct size too long");
    size += num * itemsize;
    items.push({ c, num, e });
  }
  // The second pass of prepare_s: offsets, with s and p one code of `num` bytes and x no code.
  const codes: FormatCode[] = [];
  let off = 0;
  for (const { c, num, e } of items) {
    off = align(off, e);
    if (c === "s" || c === "p") {
      codes.push({ format: c, offset: off, size: num, repeat: 1 });
      off += num;
    } else if (c === "x") {
      off += num;
    } else if (num > 0) {
      codes.push({ format: c, offset: off, size: e.size, repeat: num });
      off += e.size * num;
    }
  }
  return { size, len, codes, littleEndian: little };
}
