// In-place operators (+=, |=, …): list, set, dict and bytearray mutate in
// place through CPython's own paths; everything else rebinds.
import { isCollectionSubObject } from "./collectionCtors.js";
import { typeHasAttribute } from "./missingAttribute.js";
import type { BinOpName } from "../python/ast.js";
import { byteArrayResize } from "./byteArrays.js";
import { ctx } from "./ctx.js";
import { counterInplace } from "./counterInplace.js";
import { dictMerge } from "./dicts.js";
import { listExtend } from "./lists.js";
import { updateFrom } from "./methods.js";
import { NotImplemented, typeName, type PyObj } from "./objects.js";
import { binaryOp, repeatCount, userBinaryTail, userNumberSlots } from "./ops.js";
import { dequeExtend, dequeInplaceRepeat } from "./dequeMethods.js";
import { userInplaceCall, userTakesPart } from "./binaryProtocol.js";
import { setUpdate } from "./sets.js";
import { setDifferenceUpdate, setIntersectionUpdate, setSymmetricDifferenceUpdate } from "./setAlgebra.js";
import { arrayExtendArray, arrayInplaceRepeat, bufferBytes } from "./arrayObject.js";
import { PyException, PymemError, typeError } from "./errors.js";

/** In-place operators: list +=, set |=, dict |= … mutate; the rest rebind. */
export function inplaceOp(op: BinOpName, a: PyObj, b: PyObj): PyObj {
  // Counter.__iadd__ …, deque_inplace_concat, dict_ior on such an object: in place, not modelled for a subclass's.
  if (isCollectionSubObject(a) || isCollectionSubObject(b)) throw new PymemError("UNSUPPORTED", `an augmented assignment on an object of ${typeName(isCollectionSubObject(a) ? a : b)} (a collections subclass)`);
  const user = userTakesPart(op, a) || userTakesPart(op, b);
  if (user) {
    // binary_iop1: the left operand's __iadd__ …, then binary_op1's __add__/__radd__ …
    const r = userInplaceCall(op, a, b);
    if (r !== NotImplemented) return r;
    const x = userNumberSlots(op, a, b);
    if (x !== NotImplemented) return x;
  }
  if (a.t === "list" && op === "Add") {
    listExtend(a, b);
    return a;
  }
  if (a.t === "list" && op === "Mult") {
    // list_inplace_repeat: list_resize(size * n), or clear for n <= 0.
    const nv = binaryOp("Mult", a, b);
    if (nv.t !== "list") return nv;
    const n = Array.isArray(a.items) ? a.items.length : 0;
    const count = n === 0 ? 0 : (Array.isArray(nv.items) ? nv.items.length : 0) / n;
    if (count <= 0) {
      a.items = [];
      a.allocated = 0;
      delete a.zeroBlock;
    } else if (count !== 1) {
      a.allocated = ctx().layout.list.resize(a.allocated, n, n * count);
      a.items = nv.items;
    }
    return a;
  }
  if (a.t === "set" && (b.t === "set" || b.t === "frozenset")) {
    // set_ior / set_isub / set_ixor / set_iand.
    if (op === "BitOr") setUpdate(a, b);
    else if (op === "Sub") setDifferenceUpdate(a, b);
    else if (op === "BitXor") setSymmetricDifferenceUpdate(a, b);
    else if (op === "BitAnd") setIntersectionUpdate(a, [b]);
    if (op === "BitOr" || op === "Sub" || op === "BitXor" || op === "BitAnd") return a;
  }
  if (a.t === "dict" && a.flavor?.name === "Counter" && (op === "Add" || op === "Sub" || op === "BitOr" || op === "BitAnd")) {
    return counterInplace(op, a, b);
  }
  if (a.t === "dict" && op === "BitOr" && typeHasAttribute("dict", "__ior__")) {
    if (b.t === "dict") dictMerge(a, b, true);
    else updateFrom(a, b);
    return a;
  }
  if (a.t === "array" && op === "Mult" && (b.t === "int" || b.t === "bool")) {
    arrayInplaceRepeat(a, Number(b.v));
    return a;
  }
  if (a.t === "array" && op === "Add") {
    if (b.t !== "array" || b.typecode !== a.typecode) throw typeError(`can only extend array with array (not "${b.t}")`);
    arrayExtendArray(a, b);
    return a;
  }
  if (a.t === "bytearray" && op === "Mult") {
    // bytearray_irepeat: PyByteArray_Resize(self, size * max(count, 0)) on the same object (so *= 0 keeps a
    // 1-byte buffer, as clear() does), the checks and copies being bytearray_repeat's.
    const nv = binaryOp("Mult", a, b);
    if (nv.t !== "bytearray") return nv;
    byteArrayResize(a, nv.length);
    a.data = nv.data;
    a.rep = nv.rep;
    return a;
  }
  if (a.t === "deque" && op === "Add") {
    // deque_inplace_concat: deque_extend(self, other) on the same object, any iterable on the right.
    dequeExtend(a, b, false);
    return a;
  }
  if (a.t === "deque" && op === "Mult") {
    const n = repeatCount(b);
    if (n !== null) return dequeInplaceRepeat(a, n);
  }
  if (a.t === "bytearray" && op === "Add") {
    // bytearray_iconcat: any buffer on the right, its export held while self resizes, so ba += ba refuses
    // (BufferError) unless ba is empty and no resize happens.
    const add = bufferBytes(b);
    if (add === null) throw typeError(`can't concat ${typeName(b)} to bytearray`);
    if (b === a && a.length > 0) throw new PyException("BufferError", "Existing exports of data: object cannot be re-sized");
    if (add.length === 0) return a;
    const data = add.slice();
    const start = a.length;
    byteArrayResize(a, start + data.length);
    (a.data as Uint8Array).set(data, start);
    return a;
  }
  return user ? userBinaryTail(op, a, b) : binaryOp(op, a, b);
}
