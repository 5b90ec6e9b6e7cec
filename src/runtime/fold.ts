// Python/ast_opt.c (3.10): which operations on constants the compiler folds.
// A fold that raises, or whose result would be too big, is left to run time.
import type { BinOpName } from "../python/ast.js";
import { PyException, PymemError } from "./errors.js";
import { bitLength, intValue } from "./numbers.js";
import type { PyObj } from "./objects.js";
import { binaryOp } from "./ops.js";
import { materialize, seqLen } from "./seq.js";

const MAX_INT_SIZE = 128; // bits
const MAX_COLLECTION_SIZE = 256;
const MAX_STR_SIZE = 4096;
const MAX_TOTAL_ITEMS = 1024;

/** check_complexity: the items of nested constant tuples/frozensets, against a limit. */
function checkComplexity(o: PyObj, limit: number): number {
  if (o.t === "tuple") {
    limit -= seqLen(o.items);
    for (const x of materialize(o.items)) {
      if (limit < 0) break;
      limit = checkComplexity(x, limit);
    }
  } else if (o.t === "frozenset") {
    limit -= o.table.used;
    for (const k of o.table.keyList()) {
      if (limit < 0) break;
      limit = checkComplexity(k, limit);
    }
  }
  return limit;
}

function isLong(o: PyObj): boolean {
  return o.t === "int" || o.t === "bool";
}

function nonZero(o: PyObj): boolean {
  const v = intValue(o);
  return v !== null && v !== 0 && v !== 0n;
}

function asLong(o: PyObj): number | null {
  const v = intValue(o);
  if (v === null) return null;
  if (typeof v === "bigint") return v > 0n ? Infinity : -Infinity;
  return v;
}

/** safe_multiply: false when the product would be too big to fold. */
function multiplyOk(v: PyObj, w: PyObj): boolean {
  if (isLong(v) && isLong(w)) {
    if (nonZero(v) && nonZero(w)) return bitLength(intValue(v) as number) + bitLength(intValue(w) as number) <= MAX_INT_SIZE;
    return true;
  }
  if (isLong(v) && (w.t === "tuple" || w.t === "frozenset")) {
    const size = w.t === "tuple" ? seqLen(w.items) : w.table.used;
    if (size) {
      const n = asLong(v) as number;
      if (n < 0 || n > Math.floor(MAX_COLLECTION_SIZE / size)) return false;
      if (n && checkComplexity(w, Math.floor(MAX_TOTAL_ITEMS / n)) < 0) return false;
    }
    return true;
  }
  if (isLong(v) && (w.t === "str" || w.t === "bytes")) {
    const size = w.length;
    if (size) {
      const n = asLong(v) as number;
      if (n < 0 || n > Math.floor(MAX_STR_SIZE / size)) return false;
    }
    return true;
  }
  if (isLong(w) && (v.t === "tuple" || v.t === "frozenset" || v.t === "str" || v.t === "bytes")) return multiplyOk(w, v);
  return true;
}

function powerOk(v: PyObj, w: PyObj): boolean {
  if (isLong(v) && isLong(w) && nonZero(v) && (asLong(w) as number) > 0) {
    const wbits = asLong(w) as number;
    return bitLength(intValue(v) as number) <= Math.floor(MAX_INT_SIZE / wbits);
  }
  return true;
}

function lshiftOk(v: PyObj, w: PyObj): boolean {
  if (isLong(v) && isLong(w) && nonZero(v) && nonZero(w)) {
    const wbits = asLong(w) as number;
    if (wbits < 0) return false;
    return !(wbits > MAX_INT_SIZE || bitLength(intValue(v) as number) > MAX_INT_SIZE - wbits);
  }
  return true;
}

/** fold_binop: the folded constant, or null to compute at run time. */
export function foldBinOp(op: BinOpName, v: PyObj, w: PyObj): PyObj | null {
  switch (op) {
    case "Mult":
      if (!multiplyOk(v, w)) return null;
      break;
    case "Pow":
      if (!powerOk(v, w)) return null;
      break;
    case "LShift":
      if (!lshiftOk(v, w)) return null;
      break;
    case "Mod":
      if (v.t === "str" || v.t === "bytes") return null;
      break;
    case "MatMult":
      return null;
    default:
      break;
  }
  return attempt(() => binaryOp(op, v, w));
}

/** make_const: an exception while folding leaves the expression to run time. */
export function attempt(f: () => PyObj): PyObj | null {
  try {
    return f();
  } catch (e) {
    if (e instanceof PyException) return null;
    if (e instanceof PymemError && e.code === "LIMIT") return null;
    throw e;
  }
}
