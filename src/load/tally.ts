// The figures of a loaded value (size, deep, objects, the per-type breakdown)
// summed as the loader makes its objects, and the identity that decides what
// is counted once: the cached small ints, the empty and one-latin-1-character
// strs, the singletons, json.decoder's NaN/Infinity constants, and a scan's key
// memo (the first str of each key text is the object every later key is).
import type { Layout } from "../layouts/layout.js";
import { SMALL_INT_MAX, SMALL_INT_MIN } from "../layouts/smallInts.js";
import type { TypeTotal } from "../sizing/deep.js";

export type Constant = "True" | "False" | "None" | "NaN" | "Infinity" | "-Infinity";

const CONSTANT_TYPES: Readonly<Record<Constant, string>> = { True: "bool", False: "bool", None: "NoneType", NaN: "float", Infinity: "float", "-Infinity": "float" };

/** How many distinct paths `--top` keeps apart; the bytes of further ones are summed under OTHER_PATHS. */
const MAX_PATHS = 10000;
export const OTHER_PATHS = "(other paths)";

/**
 * A JSON path's segment for a key: `.name` for an identifier-like key (a field name), `.*`
 * for any other (the keys of a mapping: package names, ids, URLs), so a mapping's values
 * are summed together.
 */
export function keySegment(text: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(text) && text.length <= 40 ? `.${text}` : ".*";
}

export class Tally {
  /** With --top: the bytes by JSON path ("$.items[*].tags"), and the path the objects being added belong to. */
  paths: Map<string, { count: number; bytes: number }> | null = null;
  path = "$";
  deep = 0;
  objects = 0;
  readonly breakdown = new Map<string, TypeTotal>();
  private readonly smallInts = new Uint8Array(SMALL_INT_MAX - SMALL_INT_MIN + 1);
  /** The empty str (index 256) and the 256 one-character latin-1 strs. */
  private readonly cachedChars = new Uint8Array(257);
  private readonly constants = new Set<Constant>();
  /** The key texts of the current scan (json's memo), cleared per json.loads call. */
  readonly memo = new Set<string>();

  constructor(readonly layout: Layout) {}

  add(type: string, bytes: number, count = 1): void {
    const t = this.breakdown.get(type);
    if (t === undefined) this.breakdown.set(type, { count, bytes });
    else {
      t.count += count;
      t.bytes += bytes;
    }
    this.deep += bytes;
    this.objects += count;
    if (this.paths !== null) {
      const key = this.paths.has(this.path) || this.paths.size < MAX_PATHS ? this.path : OTHER_PATHS;
      const p = this.paths.get(key);
      if (p === undefined) this.paths.set(key, { count, bytes });
      else {
        p.count += count;
        p.bytes += bytes;
      }
    }
  }

  /** An int object the loader made (PyLong_FromString): a small one is the cached object. */
  int(v: number | bigint, size: number): void {
    if (v >= SMALL_INT_MIN && v <= SMALL_INT_MAX) {
      const i = Number(v) - SMALL_INT_MIN;
      if (this.smallInts[i] === 1) return;
      this.smallInts[i] = 1;
    }
    this.add("int", size);
  }

  /**
   * A str of `length` code points, the largest `maxChar`, made through unicode_result /
   * PyUnicode_Substring: the empty str and a one-character latin-1 str are the cached objects
   * (`first` is that character's code).
   */
  str(length: number, maxChar: number, first: number): void {
    if (length <= 1 && maxChar < 256) {
      const i = length === 0 ? 256 : first;
      if (this.cachedChars[i] === 1) return;
      this.cachedChars[i] = 1;
    }
    this.add("str", this.strSize(length, maxChar));
  }

  /** getsizeof of such a str (a cached latin-1 character with its UTF-8 form from 3.12). */
  strSize(length: number, maxChar: number): number {
    const cachedUtf8 = length === 1 && maxChar >= 0x80 && maxChar <= 0xff ? this.layout.unicode.latin1CharUtf8 : 0;
    return this.layout.unicode.sizeof(length, maxChar) + cachedUtf8;
  }

  /** A key str of a json scan: the memo's object when an earlier key had the same text. */
  key(text: string, length: number, maxChar: number): void {
    if (length <= 1 && maxChar < 256) return this.str(length, maxChar, text.codePointAt(0) ?? 0);
    if (this.memo.has(text)) return;
    this.memo.add(text);
    this.add("str", this.strSize(length, maxChar));
  }

  constant(c: Constant): void {
    if (this.constants.has(c)) return;
    this.constants.add(c);
    const type = CONSTANT_TYPES[c];
    const l = this.layout;
    this.add(type, type === "bool" ? l.long.sizeofBool(c === "True") : type === "float" ? l.float.size : (l.leaves["NoneType"] ?? 0));
  }
}
