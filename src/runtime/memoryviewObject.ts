// memoryview (Objects/memoryobject.c) over a one-dimensional buffer: bytes and
// bytearray (format 'B', itemsize 1) and array.array (its typecode and
// itemsize). A view is its exporter plus a start, a step and a length in
// items, as init_slice leaves a slice of a view: m[1:5:2] is a new view of the
// same exporter, so m[:4].tobytes() is those 4 bytes, not the whole buffer.
// Items of an array's view (struct unpacking of other formats) are refused.
import { bufferBytes } from "./arrayObject.js";
import { PyException, PymemError, typeError, valueError } from "./errors.js";
import { isReleased, noteExport, releaseView } from "./memoryviewExports.js";
import { makeIter } from "./iterObject.js";
import { ctx } from "./ctx.js";
import { newListExact } from "./lists.js";
import { nativeObject, nativeSlots, type NativeCmpOp } from "./nativeObjects.js";
import { intValue } from "./numbers.js";
import { builtinFunction, False, None, pyBool, pyBytes, pyInt, pyStr, typeName, type PyObj } from "./objects.js";
import { sliceIndices } from "./sliceIndices.js";
import { isUserObj } from "./userDunders.js";

interface View {
  readonly base: PyObj;
  readonly format: string;
  readonly itemsize: number;
  readonly start: number;
  readonly step: number;
  readonly len: number;
}

const views = new WeakMap<object, View>();

function viewOf(o: PyObj): View | undefined {
  return views.get(o);
}

/** memoryview(x): a view of all of x's items (of the view x is one of, for a memoryview). */
export function newMemoryView(x: PyObj | undefined): PyObj {
  const inner = x === undefined ? undefined : viewOf(x);
  if (inner !== undefined) return makeView(inner);
  if (x !== undefined && (x.t === "bytes" || x.t === "bytearray")) return makeView({ base: x, format: "B", itemsize: 1, start: 0, step: 1, len: (bufferBytes(x) as Uint8Array).length });
  if (x !== undefined && x.t === "array") {
    const itemsize = (bufferBytes(x) as Uint8Array).length / Math.max(1, x.values.length);
    return makeView({ base: x, format: x.typecode, itemsize: x.values.length === 0 ? 1 : itemsize, start: 0, step: 1, len: x.values.length });
  }
  throw typeError(`memoryview: a bytes-like object is required, not '${x === undefined ? "NoneType" : typeName(x)}'`);
}

/** The bytes of the view's items, in order (PyBuffer_ToContiguous). */
function viewBytes(v: View): Uint8Array {
  const all = bufferBytes(v.base) ?? new Uint8Array(0);
  const out = new Uint8Array(v.len * v.itemsize);
  for (let i = 0; i < v.len; i++) out.set(all.subarray((v.start + i * v.step) * v.itemsize, (v.start + i * v.step + 1) * v.itemsize), i * v.itemsize);
  return out;
}

function byteItems(v: View, what: string): Uint8Array {
  if (v.format !== "B") throw new PymemError("UNSUPPORTED", `memoryview ${what} over an array of format '${v.format}' (struct unpacking of its items)`);
  return viewBytes(v);
}

function getItem(v: View, key: PyObj): PyObj {
  if (key.t === "slice") {
    // memory_subscript: the slice is a new view registered with the same managed buffer.
    const [start, step, len] = sliceIndices(key, v.len);
    return makeView({ ...v, start: v.start + start * v.step, step: v.step * step, len });
  }
  const n = intValue(key);
  if (n === null || key.t === "float") throw typeError("memoryview: invalid slice key");
  let i = Number(n);
  if (i < 0) i += v.len;
  if (i < 0 || i >= v.len) throw new PyException("IndexError", "index out of bounds on dimension 1");
  return pyInt(byteItems(v, "indexing")[i] as number);
}

/** memory_richcompare: equal when both are buffers of the same shape and items; anything else (not a buffer) is unequal. */
function compare(op: NativeCmpOp, a: PyObj, b: PyObj): PyObj {
  if (op !== "Eq" && op !== "NotEq") throw typeError(`'${opText[op]}' not supported between instances of '${typeName(a)}' and '${typeName(b)}'`);
  if (isUserObj(a) || isUserObj(b)) throw new PymemError("UNSUPPORTED", "comparing a memoryview with an instance of a class (its reflected __eq__)");
  // memory_richcompare: a released view equals only itself.
  if (isReleased(a) || isReleased(b)) return op === "Eq" ? pyBool(a === b) : pyBool(a !== b);
  const va = viewOf(a) ?? tryView(a);
  const vb = viewOf(b) ?? tryView(b);
  let eq: boolean;
  if (va === undefined || vb === undefined) eq = a === b;
  else {
    const x = byteItems(va, "comparison");
    const y = byteItems(vb, "comparison");
    eq = x.length === y.length && x.every((c, i) => c === y[i]);
  }
  return op === "Eq" ? pyBool(eq) : pyBool(!eq);
}

const opText: Record<NativeCmpOp, string> = { Eq: "==", NotEq: "!=", Lt: "<", LtE: "<=", Gt: ">", GtE: ">=" };

function tryView(o: PyObj): View | undefined {
  if (o.t !== "bytes" && o.t !== "bytearray" && o.t !== "array") return undefined;
  return viewOf(newMemoryView(o));
}

function attr(v: View, self: PyObj, name: string): PyObj | undefined {
  if (name === "release") return builtinFunction("release", () => (releaseView(self), None));
  if (name === "__exit__") return builtinFunction("__exit__", () => (releaseView(self), None));
  checkReleased(self);
  switch (name) {
    case "__enter__": return builtinFunction("__enter__", () => (checkReleased(self), self));
    case "tobytes": return builtinFunction("tobytes", () => pyBytes(viewBytes(v)));
    case "hex": return builtinFunction("hex", () => pyStr([...viewBytes(v)].map((c) => c.toString(16).padStart(2, "0")).join("")));
    case "tolist": return builtinFunction("tolist", () => newListExact([...byteItems(v, "tolist()")].map((c) => pyInt(c))));
    case "nbytes": return pyInt(v.len * v.itemsize);
    case "itemsize": return pyInt(v.itemsize);
    case "format": return pyStr(v.format);
    case "ndim": return pyInt(1);
    case "readonly": return v.base.t === "bytes" ? pyBool(true) : False;
    case "obj": return v.base;
    case "__len__": return builtinFunction("__len__", () => pyInt(v.len));
    default: return name === "cast" || name === "toreadonly" ? refuse(self, name) : undefined;
  }
}

function refuse(_self: PyObj, name: string): never {
  throw new PymemError("UNSUPPORTED", `memoryview.${name} is not supported by pymem yet`);
}

/** CHECK_RELEASED: a released view's operations raise ValueError. */
function checkReleased(self: PyObj): void {
  if (isReleased(self)) throw valueError("operation forbidden on released memoryview object");
}

function makeView(v: View): PyObj {
  const self = nativeObject("memoryview", {
    getitem: (key) => (checkReleased(self), getItem(v, key)),
    len: () => (checkReleased(self), v.len),
    iter: () => {
      checkReleased(self);
      const items = byteItems(v, "iteration");
      let i = 0;
      const kind = ctx().layout.rules.memoryviewIterator;
      return makeIter(kind, () => (i < items.length ? pyInt(items[i++] as number) : undefined), () => (kind === "iterator" ? items.length - i : null));
    },
    attr: (name) => attr(v, self, name),
    compare,
    buffer: () => (checkReleased(self), viewBytes(v)),
  });
  views.set(self, v);
  if (v.base.t === "bytearray") noteExport(v.base, self);
  return self;
}

/** Whether o is a memoryview pymem made. */
export function isMemoryView(o: PyObj): boolean {
  return nativeSlots(o) !== null && views.has(o);
}
