// What object.__reduce_ex__(4) reads from an instance (or a builtin subclass's
// object's instance part) for copy._reconstruct: the state (the __dict__ and
// the filled slots), and the hooks that would make it read otherwise.
import type { CopyMemo } from "./copyMemo.js";
import { allSlots, lookupClassAttr, slotGet } from "./classes.js";
import { PymemError } from "./errors.js";
import { getAttr, setAttr } from "./attributes.js";
import { updateFrom } from "./methods.js";
import { objectLen } from "./iteration.js";
import { hasManagedValues, forEachManagedValue } from "./managedValues.js";
import { None, pyStr, type PyClassObj, type PyDictObj, type PyInstanceObj, type PyObj, type PyStrObj, type PyTupleObj } from "./objects.js";
import { intern } from "./constPool.js";
import { dictSet, newDict } from "./dicts.js";
import { materialize } from "./seq.js";
import { setItem } from "./subscript.js";
import { strText } from "./text.js";
import { newTuple } from "./tuples.js";

/**
 * Reduction hooks pymem does not run: a class defining one is refused rather than copied another way.
 * __getattr__ / __getattribute__ too: object.__reduce_ex__ and _reconstruct look __getstate__,
 * __getnewargs_ex__ and __setstate__ up on the instance, where these answer (a None is then called).
 */
const REDUCE_HOOKS = ["__reduce__", "__reduce_ex__", "__getstate__", "__setstate__", "__getnewargs__", "__getnewargs_ex__", "__getattr__", "__getattribute__"];

export function refuseHooks(x: PyInstanceObj): void {
  refuseClassHooks(x.cls, REDUCE_HOOKS);
}

/** Refuse copying an object of `cls` when the class defines one of `hooks`. */
export function refuseClassHooks(cls: PyClassObj, hooks: readonly string[]): void {
  for (const h of hooks) {
    if (lookupClassAttr(cls, h) !== undefined) throw new PymemError("UNSUPPORTED", `copying a ${cls.name} (its class defines ${h})`);
  }
}

/** The values an instance's __dict__ holds, without making a dict object (3.11+ managed values). */
function dictIsEmpty(x: PyInstanceObj): boolean {
  if (hasManagedValues(x)) {
    let n = 0;
    forEachManagedValue(x, () => n++);
    return n === 0;
  }
  if (x.dict !== null) return objectLen(x.dict) === 0;
  return x.attrKeys === null || x.attrCount === 0;
}

/**
 * object.__reduce_ex__(4)'s state: the instance __dict__, None when it is not
 * made or empty (_PyObject_GetState: "also return None if the dict is empty"),
 * with the filled slots as a second dict when the class has slots.
 */
export function instanceState(x: PyInstanceObj): { dict: PyObj; slots: [string, PyObj][] } {
  let dict: PyObj = None;
  if (x.cls.hasDict) {
    if (!dictIsEmpty(x)) dict = getAttr(x, "__dict__");
  }
  const slots: [string, PyObj][] = [];
  for (const name of allSlots(x.cls).keys()) {
    const v = slotGet(x, name);
    if (v !== undefined) slots.push([name, v]);
  }
  return { dict, slots };
}

/** The state object.__reduce_ex__ hands _reconstruct: the dict (or None) and the filled slots. */
export interface ReducedState {
  readonly dict: PyObj;
  readonly slots: readonly (readonly [string, PyObj])[];
}

type DeepCopy = (o: PyObj, memo: CopyMemo) => PyObj;

/** _reconstruct's dictitems step: y[key] = value for each pair (through y's class), each deep-copied first for deepcopy. */
export function setReducedItems(y: PyObj, pairs: readonly { readonly key: PyObj; readonly value: PyObj }[], memo: CopyMemo | null, deepcopy: DeepCopy): void {
  for (const e of pairs) {
    const k = memo === null ? e.key : deepcopy(e.key, memo);
    setItem(y, k, memo === null ? e.value : deepcopy(e.value, memo));
  }
}

/**
 * _reconstruct's state step on y: deep-copied first for deepcopy (the (dict, slots) pair when slots
 * are filled, else the dict), then y.__dict__.update(state) and setattr for each slot.
 */
export function setReducedState(y: PyObj, state: ReducedState, memo: CopyMemo | null, deepcopy: DeepCopy): void {
  let dict = state.dict;
  let slots = state.slots;
  if (memo !== null && slots.length > 0) {
    // The state is the tuple (dict or None, {slot: value}): deepcopy copies that tuple, so the
    // memo also holds the slots dict's copy and the new tuple (and keeps both originals alive).
    const slotDict = newDict();
    for (const [k, v] of slots) dictSet(slotDict, intern(pyStr(k)), v);
    const copied = deepcopy(newTuple([dict, slotDict]), memo);
    const [d, sd] = materialize((copied as PyTupleObj).items) as [PyObj, PyDictObj];
    dict = d;
    slots = [...sd.table.map.values()].map((e) => [strText(e.key as PyStrObj), e.value] as const);
  } else if (memo !== null && dict.t !== "NoneType") dict = deepcopy(dict, memo);
  if (dict.t !== "NoneType") updateFrom(getAttr(y, "__dict__") as PyDictObj, dict);
  for (const [k, v] of slots) setAttr(y, k, v);
}
