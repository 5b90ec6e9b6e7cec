// The itertools module (Modules/itertoolsmodule.c): its types, each a
// constructor of an iterator object (a leaf of the deep walk, sized by its
// struct in the layout's leaf table), and tee, a function. Only the names the
// version's itertools has are offered (its generated attribute names: pairwise
// from 3.10, batched from 3.12); _grouper, _tee and _tee_dataobject, which
// code does not call, are not offered (the module has them: refused as
// UNSUPPORTED), but are the type objects of the objects that have them.
import type { Layout } from "../layouts/layout.js";
import { PymemError } from "./errors.js";
import { accumulateCall, chainCall, chainFromIterable, compressCall, dropwhileCall, filterfalseCall, isliceCall, starmapCall, takewhileCall } from "./itertoolsFilters.js";
import { countCall, cycleCall, repeatCall } from "./itertoolsCounting.js";
import { combinationsCall, cwrCall, permutationsCall, productCall } from "./itertoolsCombinatorics.js";
import { groupbyCall, teeCall, teeTypeCall } from "./itertoolsGroupTee.js";
import { batchedCall, pairwiseCall, zipLongestCall } from "./itertoolsZip.js";
import type { NativeFn, PyObj, PyTypeObj } from "./objects.js";
import { newBuiltinType } from "./typeObjects.js";

const TYPES: readonly (readonly [string, NativeFn])[] = [
  ["count", countCall],
  ["cycle", cycleCall],
  ["repeat", repeatCall],
  ["accumulate", accumulateCall],
  ["compress", compressCall],
  ["dropwhile", dropwhileCall],
  ["filterfalse", filterfalseCall],
  ["groupby", groupbyCall],
  ["islice", isliceCall],
  ["starmap", starmapCall],
  ["takewhile", takewhileCall],
  ["zip_longest", zipLongestCall],
  ["product", productCall],
  ["permutations", permutationsCall],
  ["combinations", combinationsCall],
  ["combinations_with_replacement", cwrCall],
  ["pairwise", pairwiseCall],
  ["batched", batchedCall],
  ["_tee", teeTypeCall],
];

/** Types whose constructor takes the internals of another object (a groupby parent, a tee's buffer). */
const INTERNAL = ["_grouper", "_tee_dataobject"];

let made: ReadonlyMap<string, PyObj> | null = null;

/**
 * The module's objects, made once: each type is the type object of its name (type(x) is
 * itertools.count), a heap type in the versions whose layout lists it.
 */
function moduleObjects(): ReadonlyMap<string, PyObj> {
  if (made !== null) return made;
  const fromIterable: PyObj = { t: "builtin", name: "from_iterable", self: null, fn: chainFromIterable };
  const types: [string, PyTypeObj][] = [
    ...TYPES.map(([name, call]): [string, PyTypeObj] => [name, newBuiltinType(name, call, [], "extension")]),
    ["chain", newBuiltinType("chain", chainCall, [["from_iterable", fromIterable]], "extension")],
    ...INTERNAL.map((name): [string, PyTypeObj] => [name, newBuiltinType(name, () => {
      throw new PymemError("UNSUPPORTED", `calling itertools.${name}`);
    }, [], "extension")]),
  ];
  made = new Map<string, PyObj>([...types, ["tee", { t: "builtin", name: "tee", self: null, fn: teeCall, module: "itertools" }]]);
  return made;
}

/** Names code does not use: the module has them, pymem refuses them (the types exist for type(x)). */
const NOT_OFFERED = new Set(["_tee", ...INTERNAL]);

/** The itertools module's attributes for a version: only the names its itertools has. */
export function itertoolsModuleAttrs(layout: Layout): [string, PyObj][] {
  const names = new Set((layout.attributeNames()["module itertools"] ?? "").split(" "));
  return [...moduleObjects()].filter(([n]) => names.has(n) && !NOT_OFFERED.has(n));
}
