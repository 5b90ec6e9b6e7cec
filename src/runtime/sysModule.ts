// The sys module's attributes besides getsizeof and intern: the facts of the
// interpreter pymem models (Python/sysmodule.c). version_info is a struct
// sequence (Objects/structseq.c): a tuple subtype of five items whose repr
// names it sys.version_info; its numbers are the patch release each layout
// models. sys.version, whose text carries the build's compiler and date, is
// refused rather than invented.
import type { Layout } from "../layouts/layout.js";
import { namedTupleClass } from "./dataclasses.js";
import { PymemError } from "./errors.js";
import { builtinFunction, nativeFunction, pyInt, pyStr, pyStrFresh, type PyObj } from "./objects.js";
import { repr } from "./repr.js";
import { materialize } from "./seq.js";
import { newTupleOfClass } from "./tuples.js";

const FIELDS = ["major", "minor", "micro", "releaselevel", "serial"] as const;

/** sys.version_info of the modelled release (every modelled release is a 'final' one). */
function versionInfo(layout: Layout): PyObj {
  const cls = namedTupleClass("version_info", FIELDS, []);
  // structseq_repr: the type's tp_name ("sys.version_info") and each field=repr(value).
  cls.attrs.set("__repr__", nativeFunction("__repr__", ([self]) => {
    const items = self !== undefined && self.t === "tuple" ? materialize(self.items) : [];
    return pyStr(`sys.version_info(${items.map((v, i) => `${FIELDS[i] ?? "?"}=${repr(v)}`).join(", ")})`);
  }));
  const [major, minor, micro] = layout.release;
  return newTupleOfClass([pyInt(major), pyInt(minor), pyInt(micro), pyStrFresh("final"), pyInt(0)], cls);
}

/** PY_VERSION_HEX: major, minor, micro, release level (0xF: final) and serial, a byte (nibble) each. */
function hexversion(layout: Layout): number {
  const [major, minor, micro] = layout.release;
  return (major << 24) | (minor << 16) | (micro << 8) | (0xf << 4);
}

/** The attributes made once per version. */
export function sysModuleAttrs(layout: Layout): [string, PyObj][] {
  return [
    ["maxsize", pyInt(2n ** 63n - 1n)],
    ["byteorder", pyStr("little")],
    ["platform", pyStr("linux")],
    ["hexversion", pyInt(hexversion(layout))],
    // The memory articles print it: the function is there, its count is not (pymem keeps no reference counts).
    ["getrefcount", builtinFunction("getrefcount", () => {
      throw new PymemError("UNSUPPORTED", "sys.getrefcount() (pymem keeps no reference counts)");
    }, "sys")],
  ];
}

/** The attributes with an identity of their own in each evaluation. */
export function sysPerEvaluation(layout: Layout): [string, () => PyObj][] {
  return [
    ["version_info", () => versionInfo(layout)],
    ["version", () => {
      throw new PymemError("UNSUPPORTED", "sys.version (its text names the build's compiler and date)");
    }],
  ];
}
