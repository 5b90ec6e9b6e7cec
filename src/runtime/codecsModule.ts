// The codecs module as scripts use it: encode/decode (_codecs.encode/decode:
// the codec's own encoder over a str, its decoder over a bytes-like object),
// lookup(name) (a CodecInfo whose .name pymem answers), and the BOM constants
// (Lib/codecs.py: BOM_UTF16 is BOM_UTF16_LE on x86-64, one object).
import { lookupCodec, runCodec, textCodec } from "./codecRegistry.js";
import { textOfCodePoints } from "./codecErrors.js";
import { typeError, unsupported } from "./errors.js";
import { nativeObject } from "./nativeObjects.js";
import { builtinFunction, pyBytes, pyBytesFresh, pyStr, pyStrCheckedPairs, typeName, type Kwargs, type PyObj } from "./objects.js";
import { bindDef, pyDef } from "./pyParams.js";
import { bytesData, codePoints, strText } from "./text.js";

const CALLS = {
  encode: pyDef("encode", ["obj", "encoding", "errors"], [pyStr("utf-8"), pyStr("strict")]),
  decode: pyDef("decode", ["obj", "encoding", "errors"], [pyStr("utf-8"), pyStr("strict")]),
};

function strArg(o: PyObj, fn: string, n: number): string {
  if (o.t !== "str") throw typeError(`${fn}() argument ${n} must be str, not ${typeName(o)}`);
  return strText(o);
}

function encode(args: readonly PyObj[], kw: Kwargs): PyObj {
  const [obj, enc, errors] = bindDef(CALLS.encode, args, kw) as [PyObj, PyObj, PyObj];
  const encoding = strArg(enc, "encode", 2);
  const codec = textCodec(encoding, "encode");
  const err = strArg(errors, "encode", 3);
  if (obj.t !== "str") throw unsupported(`codecs.encode of a ${typeName(obj)}`);
  const data = runCodec(encoding, "encoding", true, () => codec.encode(codePoints(strText(obj)), err));
  return codec.freshBytes ? pyBytesFresh(data) : pyBytes(data);
}

function decode(args: readonly PyObj[], kw: Kwargs): PyObj {
  const [obj, enc, errors] = bindDef(CALLS.decode, args, kw) as [PyObj, PyObj, PyObj];
  const encoding = strArg(enc, "decode", 2);
  const codec = textCodec(encoding, "decode");
  const err = strArg(errors, "decode", 3);
  if (obj.t !== "bytes" && obj.t !== "bytearray") throw unsupported(`codecs.decode of a ${typeName(obj)}`);
  return pyStrCheckedPairs(textOfCodePoints(runCodec(encoding, "decoding", true, () => codec.decode(bytesData(obj), err))));
}

function lookup([name]: readonly PyObj[]): PyObj {
  if (name === undefined || name.t !== "str") throw typeError(`lookup() argument must be str, not ${name === undefined ? "NoneType" : typeName(name)}`);
  const entry = lookupCodec(strText(name));
  const info = pyStr(entry.name);
  return nativeObject("CodecInfo", { attr: (a) => (a === "name" ? info : undefined) });
}

/** The module's attributes. */
export function codecsModuleAttrs(): [string, PyObj][] {
  const b = (...xs: number[]): PyObj => pyBytes(Uint8Array.from(xs));
  const utf16le = b(0xff, 0xfe);
  const utf16be = b(0xfe, 0xff);
  const utf32le = b(0xff, 0xfe, 0, 0);
  const utf32be = b(0, 0, 0xfe, 0xff);
  return [
    ["encode", builtinFunction("encode", encode)],
    ["decode", builtinFunction("decode", decode)],
    ["lookup", builtinFunction("lookup", lookup)],
    ["BOM_UTF8", b(0xef, 0xbb, 0xbf)],
    ["BOM_LE", utf16le], ["BOM_UTF16_LE", utf16le], ["BOM32_LE", utf16le], ["BOM_UTF16", utf16le], ["BOM", utf16le],
    ["BOM_BE", utf16be], ["BOM_UTF16_BE", utf16be], ["BOM32_BE", utf16be],
    ["BOM_UTF32_LE", utf32le], ["BOM64_LE", utf32le], ["BOM_UTF32", utf32le],
    ["BOM_UTF32_BE", utf32be], ["BOM64_BE", utf32be],
  ];
}
