// The io module: the in-memory streams StringIO and BytesIO (stringIO.ts,
// bytesIO.ts). Files on disk are not pymem's business.
import { pyInt, type PyObj } from "./objects.js";
import { stringIOCall } from "./stringIO.js";
import { bytesIOCall } from "./bytesIO.js";
import { newBuiltinType } from "./typeObjects.js";

/** The io module's attributes (what pymem models of it). */
export function ioModuleAttrs(): [string, PyObj][] {
  return [
    ["StringIO", newBuiltinType("StringIO", stringIOCall, [], "extension")],
    ["BytesIO", newBuiltinType("BytesIO", bytesIOCall, [], "extension")],
    ["SEEK_SET", pyInt(0)],
    ["SEEK_CUR", pyInt(1)],
    ["SEEK_END", pyInt(2)],
  ];
}
