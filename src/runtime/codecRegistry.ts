// codecs.lookup as encodings.search_function answers it: the name lowered
// (Python/codecs.c normalizestring), encodings.normalize_encoding (runs of
// punctuation become one '_', the ends dropped), encodings.aliases, then the
// module of that name in the encodings package — per version the layout's
// registry. The modules pymem models give their codec; the bytes-to-bytes
// ones are not text encodings; the rest (CJK, idna, utf-7 …) are refused.
import { CHARMAP_ENCODE_OVERRIDES, CHARMAP_TABLES, CODEC_INFO_NAMES } from "../layouts/codecTables.js";
import { ctx } from "./ctx.js";
import { PyException, unsupported } from "./errors.js";
import { ESCAPE_CODECS } from "./escapeCodecs.js";
import { ASCII, charmapCodec, LATIN_1, UTF_8, UTF_8_SIG, type TextCodec } from "./textCodecs.js";
import { utfCodec } from "./utfCodecs.js";

const MODELLED: Readonly<Record<string, TextCodec>> = {
  ascii: ASCII,
  latin_1: LATIN_1,
  utf_8: UTF_8,
  utf_8_sig: UTF_8_SIG,
  utf_16: utfCodec(2, null),
  utf_16_le: utfCodec(2, "le"),
  utf_16_be: utfCodec(2, "be"),
  utf_32: utfCodec(4, null),
  utf_32_le: utfCodec(4, "le"),
  utf_32_be: utfCodec(4, "be"),
  ...ESCAPE_CODECS,
};

/** CodecInfo._is_text_encoding False: str.encode and bytes.decode refuse them with a LookupError. */
const NOT_TEXT = new Set(["base64_codec", "bz2_codec", "hex_codec", "quopri_codec", "rot_13", "uu_codec", "zlib_codec"]);
/** Modules whose import fails off Windows, so the search goes on. */
const WINDOWS_ONLY = new Set(["mbcs", "oem"]);

const charmaps = new Map<string, TextCodec>();

export type CodecEntry = { readonly module: string; readonly name: string; readonly codec: TextCodec | null };

/** encodings.normalize_encoding over an ASCII name. */
function normalizeEncoding(name: string): string {
  let out = "";
  let punct = false;
  for (const c of name) {
    if (/^[A-Za-z0-9.]$/.test(c)) {
      if (punct && out !== "") out += "_";
      out += c;
      punct = false;
    } else punct = true;
  }
  return out;
}

/** The codec module an encoding name finds, or null (LookupError). */
function findModule(encoding: string): string | null {
  if (!/^[\x00-\x7f]*$/.test(encoding)) throw unsupported("a non-ASCII encoding name");
  if (encoding.includes("\0")) throw new PyException("ValueError", "embedded null character");
  const norm = normalizeEncoding(encoding.toLowerCase());
  const { aliases, modules } = ctx().layout.codecRegistry;
  const aliased = aliases.get(norm) ?? aliases.get(norm.replace(/\./g, "_"));
  for (const mod of aliased === undefined ? [norm] : [aliased, norm]) {
    if (mod === "" || mod.includes(".") || WINDOWS_ONLY.has(mod)) continue;
    if (mod === "aliases" || mod === "__init__") return null;
    if (modules.has(mod)) return mod;
  }
  return null;
}

/** codecs.lookup(encoding): the module, CodecInfo.name, and the codec when pymem models it (null: refused when used). */
export function lookupCodec(encoding: string): CodecEntry {
  const mod = findModule(encoding);
  if (mod === null) throw new PyException("LookupError", `unknown encoding: ${encoding}`);
  const table = CHARMAP_TABLES[mod];
  if (table !== undefined) {
    let codec = charmaps.get(mod);
    if (codec === undefined) charmaps.set(mod, (codec = charmapCodec(table, CHARMAP_ENCODE_OVERRIDES[mod])));
    return { module: mod, name: CODEC_INFO_NAMES[mod] as string, codec };
  }
  const codec = MODELLED[mod];
  if (codec !== undefined) return { module: mod, name: CODEC_INFO_NAMES[mod] as string, codec };
  return { module: mod, name: mod, codec: null };
}

/** The text codec str.encode / bytes.decode use: a LookupError for a bytes-to-bytes codec, refused when not modelled. */
export function textCodec(encoding: string, use: "encode" | "decode"): TextCodec {
  const entry = lookupCodec(encoding);
  if (NOT_TEXT.has(entry.module)) {
    throw new PyException("LookupError", `'${encoding}' is not a text encoding; use codecs.${use}() to handle arbitrary codecs`);
  }
  if (entry.codec === null) throw unsupported(`the '${entry.module}' codec`);
  return entry.codec;
}

/** PyUnicode_Decode / PyUnicode_AsEncodedString's own codecs, reached without the registry. */
const FAST_PATHS = new Set(["utf8", "utf_8", "utf16", "utf_16", "utf32", "utf_32", "ascii", "us_ascii", "latin1", "latin_1", "iso_8859_1", "iso8859_1"]);

/**
 * Runs a codec as str.encode / bytes.decode (fast: its own codecs by name) or
 * codecs.encode / decode (always through the registry) run it: through the
 * registry, wrap_codec_error rewrites a plain TypeError or LookupError's message
 * (3.8-3.11; later versions add a note, which str(e) does not show).
 */
export function runCodec<T>(encoding: string, op: "encoding" | "decoding", viaRegistry: boolean, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (!(e instanceof PyException) || (e.pyType !== "TypeError" && e.pyType !== "LookupError")) throw e;
    if (ctx().layout.rules.codecFailureNote) throw e;
    if (!viaRegistry && FAST_PATHS.has(normalizeEncoding(encoding.toLowerCase()))) throw e;
    throw new PyException(e.pyType, `${op} with '${encoding}' codec failed (${e.pyType}: ${e.pyMessage})`);
  }
}
