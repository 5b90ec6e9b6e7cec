// The json module: loads (jsonDecode.ts), dumps (jsonEncode.ts) and
// JSONDecodeError.
import { builtinFunction as fn } from "./objects.js";
import type { Layout } from "../layouts/layout.js";
import type { PyObj } from "./objects.js";
import { decodeErrorClassOf, load, loads } from "./jsonDecode.js";
import { dumps } from "./jsonEncode.js";
import { jsonEncoderOf } from "./jsonEncoderClass.js";


/** The json module's attributes (what pymem models of it). */
export function jsonModuleAttrs(_layout: Layout): [string, PyObj][] {
  return [
    ["loads", fn("loads", loads)],
    ["load", fn("load", load)],
    ["dumps", fn("dumps", dumps)],
    ["JSONDecodeError", decodeErrorClassOf(_layout)],
  ];
}

/** The json names made per evaluation: JSONEncoder (its instances' dicts share its keys). */
export const jsonPerEvaluation: [string, () => PyObj][] = [["JSONEncoder", jsonEncoderOf]];
