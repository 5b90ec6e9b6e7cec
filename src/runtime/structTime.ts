// time.struct_time as datetime's timetuple() and utctimetuple() make it
// (Modules/_datetimemodule.c build_struct_time): time.struct_time over the
// nine ints Py_BuildValue("iiiiiiiii") made — a struct sequence
// (Objects/structseq.c), a static tuple subclass whose nine visible fields are
// its items and whose hidden tm_zone and tm_gmtoff stay None. Its
// tp_basicsize is a tuple's; from 3.13 it also holds the hidden fields
// (structSeqBasicsizeHoldsHidden), which sys.getsizeof then counts.
import { ctx } from "./ctx.js";
import { c3 } from "./classes.js";
import { materialize } from "./seq.js";
import { repr } from "./repr.js";
import { newTupleOfClass } from "./tuples.js";
import { makeProperty } from "./opaqueObjects.js";
import { nativeFunction as fn, None, pyInt, pyStr, pyStrFresh, type PyClassObj, type PyObj } from "./objects.js";

const FIELDS = ["tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst"] as const;
const HIDDEN = ["tm_zone", "tm_gmtoff"] as const;

/** The struct_time type: one per evaluation, as the time module's static type is one per process. */
function structTimeClass(): PyClassObj {
  const state = ctx().moduleState;
  const have = state.get("time struct_time") as PyClassObj | undefined;
  if (have !== undefined) return have;
  const { layout } = ctx();
  const tuple = layout.tuple;
  const hidden = layout.rules.structSeqBasicsizeHoldsHidden ? HIDDEN.length * tuple.item.size : 0;
  const cls: PyClassObj = {
    t: "class", name: "struct_time", bases: [], mro: [],
    attrs: new Map<string, PyObj>([
      ["__module__", pyStr("time")],
      // structseq_repr: the type's qualified name and each visible field by name.
      ["__repr__", fn("__repr__", ([self]) => {
        const items = self !== undefined && self.t === "tuple" ? materialize(self.items) : [];
        return pyStrFresh(`time.struct_time(${FIELDS.map((n, i) => `${n}=${repr(items[i] as PyObj)}`).join(", ")})`);
      })],
      ...HIDDEN.map((n): [string, PyObj] => [n, makeProperty(fn(n, () => None), None, None)]),
    ]),
    // tp_basicsize sizeof(PyStructSequence) - sizeof(PyObject *): a tuple's header (3.13+: and the hidden fields).
    slots: [], hasDict: false, hasWeakref: false, shape: { basicsize: tuple.struct.size + hidden, gc: true }, builtinBase: "tuple",
    cachedKeys: null, frozen: false, tupleFields: [...FIELDS], decorated: null, static: true,
  };
  (cls as { mro: readonly PyClassObj[] }).mro = c3(cls, []);
  state.set("time struct_time", cls);
  return cls;
}

/** build_struct_time(y, m, d, hh, mm, ss, dstflag): the weekday and day of the year worked out by the caller. */
export function newStructTime(fields: readonly [number, number, number, number, number, number, number, number, number]): PyObj {
  return newTupleOfClass(fields.map((n) => pyInt(n)), structTimeClass());
}
