// The io module: the in-memory streams StringIO and BytesIO (stringIO.ts,
// bytesIO.ts). Files on disk are not pymem's business.
import { pyInt, type PyObj } from "./objects.js";
import { stringIOCall } from "./stringIO.js";
import { bytesIOCall } from "./bytesIO.js";

/** The io module's attributes (what pymem models of it). */
export function ioModuleAttrs(): [string, PyObj][] {
  return [
    ["StringIO", { t: "type", name: "StringIO", call: stringIOCall, attrs: new Map() }],
    ["BytesIO", { t: "type", name: "BytesIO", call: bytesIOCall, attrs: new Map() }],
    ["SEEK_SET", pyInt(0)],
    ["SEEK_CUR", pyInt(1)],
    ["SEEK_END", pyInt(2)],
  ];
}
