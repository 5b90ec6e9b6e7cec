// Decimal //, % and divmod (mpd_qdivint, mpd_qrem, mpd_qdivmod): the integer part of a / b
// truncated toward zero (exponent 0, sign a.sign ^ b.sign) and the remainder a - b * q
// (exponent min(a.exp, b.exp), sign of a), refused with DivisionImpossible when the quotient
// needs more digits than the precision. _mpd_qdivmod aligns the operands' exponents and sizes
// its quotient and remainder from their words: when both fit the static words
// (_Py_DEC_MINALLOC), so do the results; longer operands are refused.
import { ctx } from "./ctx.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { makeDecimal, roundToContext, toDecimal } from "./decimals.js";
import { typeName, type PyDecimalObj, type PyObj } from "./objects.js";
import { newTuple } from "./tuples.js";

type Kind = "FloorDiv" | "Mod" | "divmod";

const sig = (name: string): string => `<class 'decimal.${name}'>`;

function invalid(...names: string[]): PyException {
  return new PyException("InvalidOperation", `[${names.map(sig).join(", ")}]`);
}

function digits(c: bigint): number {
  return c === 0n ? 1 : c.toString().length;
}

/** `x op y` for Decimal operands (an int converts exactly); null when neither is a Decimal or the other is not an int. */
export function decimalIntDiv(kind: Kind, x: PyObj, y: PyObj): PyObj | null {
  if (x.t !== "Decimal" && y.t !== "Decimal") return null;
  if (x.t === "float" || y.t === "float") {
    const sym = kind === "FloorDiv" ? "//" : kind === "Mod" ? "%" : "divmod()";
    throw typeError(`unsupported operand type(s) for ${sym}: '${typeName(x)}' and '${typeName(y)}'`);
  }
  const a = toDecimal(x);
  const b = toDecimal(y);
  if (a === null || b === null) return null;
  if (a.special !== null || b.special !== null) return specials(kind, a, b);
  const qsign = a.sign === b.sign ? 0 : 1;
  if (b.coeff === 0n) {
    if (a.coeff === 0n) throw invalid("DivisionUndefined");
    if (kind === "FloorDiv") throw new PyException("DivisionByZero", `[${sig("DivisionByZero")}]`);
    throw kind === "Mod" ? invalid("InvalidOperation") : invalid("InvalidOperation", "DivisionByZero");
  }
  const e = Math.min(a.exp, b.exp);
  const ac = a.coeff * 10n ** BigInt(a.exp - e);
  const bc = b.coeff * 10n ** BigInt(b.exp - e);
  const minalloc = ctx().layout.decimal.minalloc;
  if (Math.max(ctx().layout.decimal.words(digits(ac)), ctx().layout.decimal.words(digits(bc))) > minalloc) {
    throw new PymemError("UNSUPPORTED", "Decimal //, % or divmod of operands longer than the static words (their results' allocation is not modelled)");
  }
  const q = ac / bc;
  if (digits(q) > ctx().decimalPrec) throw invalid("DivisionImpossible");
  const quotient = makeDecimal(qsign as 0 | 1, q, 0);
  const rem = roundToContext(makeDecimal(a.sign, ac - q * bc, e));
  if (kind === "FloorDiv") return quotient;
  if (kind === "Mod") return rem;
  return newTuple([quotient, rem]);
}

/** The operations on NaNs and infinities (the default context traps InvalidOperation). */
function specials(kind: Kind, a: PyDecimalObj, b: PyDecimalObj): PyObj {
  if (a.special === "sNaN" || b.special === "sNaN") throw invalid("InvalidOperation");
  if (a.special === "NaN" || b.special === "NaN") {
    const nan = a.special === "NaN" ? a : b;
    const n = makeDecimal(nan.sign, nan.coeff, 0, "NaN");
    return kind === "divmod" ? newTuple([n, n]) : n;
  }
  const qsign = a.sign === b.sign ? 0 : 1;
  if (a.special === "Infinity") {
    if (b.special === "Infinity" || kind !== "FloorDiv") throw invalid("InvalidOperation");
    return makeDecimal(qsign, 0n, 0, "Infinity");
  }
  // A finite a over an infinite b: the quotient is a signed zero, the remainder a itself.
  const quotient = makeDecimal(qsign, 0n, 0);
  const rem = roundToContext(a);
  if (kind === "FloorDiv") return quotient;
  if (kind === "Mod") return rem;
  return newTuple([quotient, rem]);
}
