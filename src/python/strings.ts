// The `strings` rule: implicit concatenation of adjacent STRING tokens into a
// Constant or a JoinedStr, following CPython 3.10's string_parser.c.
import type { Expr } from "./ast.js";
import { parseFStringBody, type FStringHost } from "./fstring.js";
import { JoinedStrBuilder, guard, tokenSpan } from "./joinedStr.js";
import { checkBytesAscii, decodeBytesEscapes, decodeUnicodeEscapes, splitString } from "./literals.js";
import type { Token } from "./tokenizer.js";

/**
 * Concatenates the STRING tokens of one atom. `host.fail` reports at the token
 * after the group, which is where CPython points for all of these errors.
 */
export function concatenateStrings(tokens: readonly Token[], host: FStringHost): Expr {
  const first = tokens[0];
  const last = tokens[tokens.length - 1];
  if (first === undefined || last === undefined) return host.fail("invalid syntax");
  const span = tokenSpan(first, last);
  const builder = new JoinedStrBuilder(span);
  let bytesMode = false;
  const chunks: Uint8Array[] = [];
  tokens.forEach((tok, i) => {
    const parts = splitString(tok.text);
    if (parts.bytes) guard(host, () => checkBytesAscii(parts.body));
    if (i !== 0 && bytesMode !== parts.bytes) host.fail("cannot mix bytes and nonbytes literals");
    bytesMode = parts.bytes;
    if (parts.fstring) {
      builder.fmode = true;
      parseFStringBody(parts, tok, builder, host, span);
    } else if (parts.bytes) {
      chunks.push(guard(host, () => decodeBytesEscapes(parts.body, parts.raw)));
    } else {
      builder.concat(parts.raw ? parts.body : guard(host, () => decodeUnicodeEscapes(parts.body, builder.joined)));
    }
  });
  if (bytesMode) {
    const v = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (v.set(c, at), at + c.length), 0);
    return { kind: "Constant", value: { t: "bytes", v }, span };
  }
  return builder.finish(span);
}
