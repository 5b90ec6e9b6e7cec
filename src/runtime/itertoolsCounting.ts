// itertools.count, cycle and repeat (Modules/itertoolsmodule.c): the
// iterators that need no input, or replay what they saw. Identity follows the
// C code: count's fast mode makes each int with PyLong_FromSsize_t (small ints
// cached), its slow mode hands out the start object itself and then the sums
// PyNumber_Add makes; cycle and repeat hand out the very objects they hold.
import { typeError } from "./errors.js";
import { getIter } from "./iteration.js";
import { bindArgs, exactArgs, itertoolsIter, ssizeArg } from "./itertoolsArgs.js";
import { pyInt, type Kwargs, type PyIterObj, type PyObj } from "./objects.js";
import { binaryOp } from "./ops.js";
import { repr } from "./repr.js";
import { isUserObj, lookupDunder } from "./userDunders.js";

const PY_SSIZE_T_MAX = 2n ** 63n - 1n;
const PY_SSIZE_T_MIN = -(2n ** 63n);

/** PyNumber_Check: nb_index, nb_int or nb_float (a class's __index__/__int__/__float__), or a complex. */
function numberCheck(o: PyObj): boolean {
  if (isUserObj(o)) return ["__index__", "__int__", "__float__"].some((n) => lookupDunder(o, n) !== undefined);
  return o.t === "int" || o.t === "bool" || o.t === "float" || o.t === "complex" || o.t === "Decimal";
}

/** PyLong_Check: ints and bools. */
function isLong(o: PyObj): o is PyObj & { t: "int" | "bool" } {
  return o.t === "int" || o.t === "bool";
}

function longValue(o: PyObj & { t: "int" | "bool" }): bigint {
  return o.t === "bool" ? (o.v ? 1n : 0n) : BigInt(o.v);
}

/** count(start=0, step=1): itertools_count_impl, count_next and count_nextlong. */
export function countCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  const [start, step] = bindArgs("count", [{ name: "start", kind: "A" }, { name: "step", kind: "A" }], args, kw);
  if ((start !== undefined && !numberCheck(start)) || (step !== undefined && !numberCheck(step))) throw typeError("a number is required");
  let fast = (start === undefined || isLong(start)) && (step === undefined || isLong(step));
  // Fast mode: a C counter while start fits Py_ssize_t and step is the int 1.
  let cnt = 0n;
  if (start !== undefined && isLong(start)) {
    cnt = longValue(start);
    if (cnt > PY_SSIZE_T_MAX || cnt < PY_SSIZE_T_MIN) fast = false;
  }
  const longStep: PyObj = step ?? pyInt(1);
  if (fast && isLong(longStep) && longValue(longStep) !== 1n) fast = false;
  // Slow mode: long_cnt is the start object itself (0 when absent), then the running sums.
  let longCnt: PyObj | null = fast ? null : start ?? pyInt(0);
  if (!fast) cnt = PY_SSIZE_T_MAX;
  const next = (): PyObj => {
    if (cnt !== PY_SSIZE_T_MAX) return pyInt(cnt++);
    // count_nextlong: a counter that reached PY_SSIZE_T_MAX goes on with a new int object.
    const current: PyObj = longCnt ?? pyInt(PY_SSIZE_T_MAX);
    longCnt = binaryOp("Add", current, longStep);
    return current;
  };
  const countRepr = (): string => {
    if (cnt !== PY_SSIZE_T_MAX) return `count(${cnt})`;
    const current: PyObj = longCnt ?? pyInt(PY_SSIZE_T_MAX);
    if (isLong(longStep) && longValue(longStep) === 1n) return `count(${repr(current)})`;
    return `count(${repr(current)}, ${repr(longStep)})`;
  };
  return itertoolsIter("count", next, { repr: countRepr });
}

/** cycle(iterable): each item of the first pass is saved in a list, then the list replays. */
export function cycleCall(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  exactArgs("cycle", 1, args, kw);
  let it: PyIterObj | null = getIter(args[0] as PyObj);
  const saved: PyObj[] = [];
  let index = 0;
  return itertoolsIter("cycle", () => {
    if (it !== null) {
      const item = it.next();
      if (item !== undefined) {
        saved.push(item);
        return item;
      }
      it = null;
    }
    if (saved.length === 0) return undefined;
    const item = saved[index++] as PyObj;
    if (index >= saved.length) index = 0;
    return item;
  });
}

/** repeat(object[, times]): the same object each time; a negative times is 0. */
export function repeatCall(args: readonly PyObj[], kw: Kwargs): PyIterObj {
  const [element, timesObj] = bindArgs("repeat", [{ name: "object", kind: "A", required: true }, { name: "times", kind: "A" }], args, kw) as [PyObj, PyObj | undefined];
  let cnt = timesObj === undefined ? -1 : ssizeArg(timesObj);
  // repeat_new counts arguments, keywords included: two of them with a negative times mean none.
  if (args.length + kw.values.size === 2 && cnt < 0) cnt = 0;
  return itertoolsIter(
    "repeat",
    () => {
      if (cnt === 0) return undefined;
      if (cnt > 0) cnt--;
      return element;
    },
    {
      // repeat_len: "len() of unsized object" (a TypeError PyObject_LengthHint takes for no hint) when endless.
      lengthHint: () => (cnt === -1 ? null : cnt),
      repr: () => (cnt === -1 ? `repeat(${repr(element)})` : `repeat(${repr(element)}, ${cnt})`),
    },
  );
}
