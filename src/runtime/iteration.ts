// iter(), next() and length hints, with the iterator types CPython would create.
import { rangeIterIsFast } from "./rangeIterKind.js";
import { refuseModelledSlot } from "./missingAttribute.js";
import { classHooks } from "./classHooks.js";
import { chargeChars, ctx } from "./ctx.js";
import { PyException, typeError } from "./errors.js";
import { latin1Char, pyInt, pyStr, subOf, typeName, type PyIterObj, type PyObj, type PyDictObj, type PyClassObj, type PyRangeObj } from "./objects.js";
import { isUserObj, lookupDunder, userLen, userLengthHint } from "./userDunders.js";
import { userGetIter } from "./userIter.js";
import { materialize, seqLen } from "./seq.js";
import { bytesData, strText } from "./text.js";
import { newTuple } from "./tuples.js";
import { arrayIter } from "./arrayObject.js";
import { dequeIter } from "./dequeObject.js";
import { arrayBackedIter, makeIter } from "./iterObject.js";
import { nativeSlots } from "./nativeObjects.js";

function dictIter(typeName: string, d: PyDictObj, pick: (k: PyObj, v: PyObj) => PyObj): PyIterObj {
  const it = d.table.map.values();
  let left = d.table.used;
  return makeIter(
    typeName,
    () => {
      const r = it.next();
      if (r.done === true) return undefined;
      left--;
      return pick(r.value.key, r.value.value);
    },
    // odict_iterator has no __length_hint__ (dict's own iterators have).
    typeName === "odict_iterator" ? () => null : () => Math.max(left, 0),
  );
}

export function getIter(o: PyObj): PyIterObj {
  if (isUserObj(o)) {
    const it = userGetIter(o);
    if (it !== null) return it;
  }
  const meta = classHooks(o)?.iter;
  if (meta !== undefined) return arrayBackedIter("generator", () => meta(o as PyClassObj) as PyObj[]);
  switch (o.t) {
    case "iterator":
      return o;
    case "list":
      return arrayBackedIter("list_iterator", () => {
        if (!Array.isArray(o.items)) o.items = materialize(o.items);
        return o.items;
      });
    case "tuple": {
      const items = materialize(o.items);
      return arrayBackedIter("tuple_iterator", () => items);
    }
    case "range":
      return rangeIter(o, rangeIterIsFast(o.start, o.stop, o.step, o.len));
    case "str": {
      chargeChars(o.length);
      const chars = Array.from(strText(o));
      let i = 0;
      return makeIter(
        o.maxChar < 0x80 && ctx().layout.rules.asciiStrIterator ? "str_ascii_iterator" : "str_iterator",
        () => (i < chars.length ? pyStr(chars[i++] as string) : undefined),
        () => chars.length - i,
      );
    }
    case "bytes":
    case "bytearray": {
      const data = bytesData(o);
      let i = 0;
      return makeIter(
        o.t === "bytes" ? "bytes_iterator" : "bytearray_iterator",
        () => (i < data.length ? pyInt(data[i++] as number) : undefined),
        () => data.length - i,
      );
    }
    case "set":
    case "frozenset": {
      // setiter_iternext: slot order, and an error once the set changed size.
      const keys = o.table.keyList();
      const used = o.table.used;
      let i = 0;
      return makeIter(
        "set_iterator",
        () => {
          if (o.table.used !== used) throw new PyException("RuntimeError", "Set changed size during iteration");
          return keys[i++];
        },
        () => keys.length - i,
      );
    }
    case "dict":
      return dictIter(o.flavor?.name === "OrderedDict" ? "odict_iterator" : "dict_keyiterator", o, (k) => k);
    case "array":
      return arrayIter(o);
    case "deque":
      return dequeIter(o);
    case "dictview":
      if (o.dict.flavor?.name === "OrderedDict") {
        const pick = o.typeName === "dict_keys" ? (k: PyObj): PyObj => k : o.typeName === "dict_values" ? (_k: PyObj, v: PyObj): PyObj => v : (k: PyObj, v: PyObj): PyObj => newTuple([k, v]);
        return dictIter("odict_iterator", o.dict, pick);
      }
      if (o.typeName === "dict_keys") return dictIter("dict_keyiterator", o.dict, (k) => k);
      if (o.typeName === "dict_values") return dictIter("dict_valueiterator", o.dict, (_k, v) => v);
      return dictIter("dict_itemiterator", o.dict, (k, v) => newTuple([k, v]));
    case "opaque": {
      const next = nativeSlots(o)?.next;
      if (next !== undefined) return makeIter(o.typeName, next, () => null);
      const iter = nativeSlots(o)?.iter;
      if (iter !== undefined) return getIter(iter());
      refuseModelledSlot(o, "__iter__");
      throw typeError(`'${typeName(o)}' object is not iterable`);
    }
    default:
      throw typeError(`'${typeName(o)}' object is not iterable`);
  }
}

/** Every item of an iterable, in order; the work is accounted. */
export function toArray(o: PyObj): PyObj[] {
  if (o.t === "list" && (o.sub === undefined || lookupDunder(o, "__iter__") === undefined)) {
    if (!Array.isArray(o.items)) o.items = materialize(o.items);
    return o.items.slice();
  }
  if (o.t === "tuple" && (o.cls === undefined || lookupDunder(o, "__iter__") === undefined)) return materialize(o.items);
  const c = ctx();
  const it = getIter(o);
  const out: PyObj[] = [];
  for (let x = it.next(); x !== undefined; x = it.next()) {
    out.push(x);
    c.tick();
  }
  return out;
}

/** Iterate with a callback, accounting the work. */
export function forEach(o: PyObj, f: (x: PyObj) => void): void {
  forEachUntil(o, (x) => {
    f(x);
    return undefined;
  });
}

/** forEach that stops at the first item for which `f` gives something, and gives that (a for loop's break or return). */
export function forEachUntil<T>(o: PyObj, f: (x: PyObj) => T | undefined): T | undefined {
  const c = ctx();
  if (o.t === "range" && o.len < 2n ** 31n && o.start > -(2n ** 52n) && o.stop < 2n ** 52n) {
    const n = Number(o.len);
    const start = Number(o.start);
    const step = Number(o.step);
    for (let i = 0; i < n; i++) {
      const r = f(pyInt(start + i * step));
      c.tick();
      if (r !== undefined) return r;
    }
    return undefined;
  }
  const it = getIter(o);
  for (let x = it.next(); x !== undefined; x = it.next()) {
    const r = f(x);
    c.tick();
    if (r !== undefined) return r;
  }
  return undefined;
}

/** PyObject_HasLen: the length CPython would ask for before iterating, or null. */
export function objectLen(o: PyObj): number | null {
  const nativeLen = nativeSlots(o)?.len;
  if (nativeLen !== undefined) return nativeLen();
  const meta = classHooks(o)?.len;
  if (meta !== undefined) return meta(o as PyClassObj);
  if (subOf(o) !== undefined) {
    const own = userLen(o);
    if (own !== null) return own;
  }
  switch (o.t) {
    case "instance":
      return userLen(o);
    case "class":
      return o.meta === undefined ? null : userLen(o);
    case "tuple":
      if (o.cls !== undefined) return userLen(o) ?? seqLen(o.items);
      return seqLen(o.items);
    case "list":
      return seqLen(o.items);
    case "str":
    case "bytes":
    case "bytearray":
      return o.length;
    case "set":
    case "frozenset":
    case "dict":
      return o.table.used;
    case "dictview":
      return o.dict.table.used;
    case "array":
      return o.values.length;
    case "deque":
      return o.items.length;
    case "range":
      return Number(o.len);
    default:
      return null;
  }
}

/** PyObject_LengthHint(o, dflt): len() when there is one, else __length_hint__, else dflt. */
/** PyObject_Size where a length is only a hint: null when the object has none (a TypeError from __len__ included). */
export function sizedLength(o: PyObj): number | null {
  try {
    return objectLen(o);
  } catch (e) {
    // A TypeError from __len__ only means there is no length to go by.
    if (!(e instanceof PyException && e.pyType === "TypeError")) throw e;
    return null;
  }
}

export function lengthHint(o: PyObj, dflt: number): number {
  const n = sizedLength(o);
  if (n !== null) return n;
  if (o.t === "iterator") return o.lengthHint() ?? dflt;
  if (isUserObj(o)) return userLengthHint(o) ?? dflt;
  return dflt;
}

export function oneCharStr(code: number): PyObj {
  return code < 256 ? latin1Char(code) : pyStr(String.fromCodePoint(code));
}

/** A range's iterator: range_iterator (fast) or longrange_iterator, over the same values. */
export function rangeIter(o: PyRangeObj, fast: boolean): PyIterObj {
  let i = 0n;
  const typeName = fast ? "range_iterator" : "longrange_iterator";
  return makeIter(
    typeName,
    () => (i < o.len ? pyInt(o.start + o.step * i++) : undefined),
    () => {
      // __length_hint__ as PyObject_LengthHint reads it: a Py_ssize_t, so a longer remainder overflows.
      const left = o.len - i;
      if (left > 2n ** 63n - 1n) throw new PyException("OverflowError", "Python int too large to convert to C ssize_t");
      return Number(left);
    },
  );
}
