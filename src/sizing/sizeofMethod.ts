// o.__sizeof__(): what the type's tp_methods entry returns, which is
// sys.getsizeof without what getsizeof adds in front of the object: the GC
// header of a GC type and (3.11+) the managed dict/weakref pre-header. Read off
// explain's laid-out struct, so the two cannot disagree; an object explain
// cannot lay out is refused rather than guessed.
import type { Layout } from "../layouts/layout.js";
import { unsupported } from "../runtime/errors.js";
import type { PyObj } from "../runtime/objects.js";
import { explainObject, type StructRow } from "./explain.js";

/** The rows in front of the object proper: PyGC_Head (negative offsets) and the pre-header. */
function inFront(r: StructRow): boolean {
  return r.field === "(pre-header)" || (r.offset !== null && r.offset < 0);
}

export function sizeofMethod(o: PyObj, layout: Layout): number {
  const e = explainObject(o, layout);
  if (e.unsupported !== undefined) throw unsupported(`${e.type}.__sizeof__() (${e.unsupported})`);
  return e.rows.reduce((n, r) => (inFront(r) ? n : n + r.size), 0);
}
