// Decimal.__format__ (_decimal's dec_format over mpd_qformat_spec) for the specs money code
// writes: [[fill]align][sign][0][width][,][.precision][f|F|%], and no type without a
// precision (str(d) padded). The value is rounded half-even (the default context's
// rounding) to the precision, never through a float. Anything else is refused by the caller.
import type { PyDecimalObj } from "./objects.js";
import { codePointCount } from "./text.js";

const SPEC = /^(?:(.)?([<>=^]))?([-+ ])?(0)?([0-9]+)?(,)?(?:\.([0-9]+))?([fF%])?$/su;

/**
 * Every spec mpd_parse_fmt_str (and dec_format's preprocessing) can accept:
 * [[fill]align][sign][z][#][0][width][,][.precision][type], the type one of
 * eEfFgGnN% (N deprecated in 3.13). What falls outside it is ValueError("invalid format string") on
 * every version ('#' itself only from 3.13, 'z' from 3.11: a spec that needs
 * them to be valid is left to the caller's refusal).
 */
const GRAMMAR = /^(?:(.)?([<>=^]))?([-+ ])?(z)?(#)?(0)?([0-9]+)?(,)?(?:\.([0-9]+))?([eEfFgGnN%])?$/su;

/** Whether libmpdec rejects the spec on this version: zero padding after an explicit alignment, ',' with 'n', 'z' before 3.11. */
export function decimalSpecInvalid(spec: string, zAllowed: boolean): boolean {
  const m = GRAMMAR.exec(spec);
  if (m === null) return true;
  const [, , align, , z, , zero, , comma, , type] = m;
  return (zero !== undefined && align !== undefined) || (comma !== undefined && (type === "n" || type === "N")) || (z !== undefined && !zAllowed);
}

/** Round coeff·10^exp half-even to exponent `to` (to < exp: exact). */
function roundTo(coeff: bigint, exp: number, to: number): bigint {
  if (exp >= to) return coeff * 10n ** BigInt(exp - to);
  const div = 10n ** BigInt(to - exp);
  const q = coeff / div;
  const r = coeff % div;
  const twice = 2n * r;
  if (twice > div || (twice === div && q % 2n === 1n)) return q + 1n;
  return q;
}

/** coeff·10^exp (exp <= 0) in fixed notation with -exp digits after the point. */
function fixedText(coeff: bigint, exp: number): string {
  const digits = coeff.toString();
  if (exp >= 0) return digits + "0".repeat(exp);
  const frac = -exp;
  const padded = digits.padStart(frac + 1, "0");
  return `${padded.slice(0, padded.length - frac)}.${padded.slice(padded.length - frac)}`;
}

function groupThousands(text: string): string {
  const dot = text.indexOf(".");
  const int = dot < 0 ? text : text.slice(0, dot);
  const rest = dot < 0 ? "" : text.slice(dot);
  return int.replace(/\B(?=(\d{3})+(?!\d))/g, ",") + rest;
}

/** format(d, spec) for the specs above; null for anything else (refused, never guessed). */
export function formatDecimal(d: PyDecimalObj, spec: string, strText: string): string | null {
  const m = SPEC.exec(spec);
  if (m === null || d.special !== null) return null;
  const [, fillGiven, alignGiven, signFlag, zero, widthText, comma, precText, type] = m;
  if (zero !== undefined && (fillGiven !== undefined || alignGiven !== undefined || comma !== undefined)) return null;
  const fill = fillGiven ?? (zero !== undefined ? "0" : " ");
  const align = alignGiven ?? (zero !== undefined ? "=" : ">");
  const width = widthText === undefined ? 0 : Number(widthText);
  let body: string;
  if (type === undefined) {
    if (precText !== undefined) return null;
    body = strText.startsWith("-") ? strText.slice(1) : strText;
    if (/[^0-9.]/.test(body)) return null;
  } else {
    const exp = type === "%" ? d.exp + 2 : d.exp;
    const to = precText === undefined ? Math.min(exp, 0) : -Number(precText);
    body = fixedText(roundTo(d.coeff, exp, to), to);
    if (type === "%") body += "%";
  }
  if (comma !== undefined) body = groupThousands(body);
  const sign = d.sign === 1 ? "-" : signFlag === "+" ? "+" : signFlag === " " ? " " : "";
  const len = codePointCount(body) + sign.length;
  if (len >= width) return sign + body;
  const n = width - len;
  if (align === "<") return sign + body + fill.repeat(n);
  if (align === ">") return fill.repeat(n) + sign + body;
  if (align === "=") return sign + fill.repeat(n) + body;
  const left = Math.floor(n / 2);
  return fill.repeat(left) + sign + body + fill.repeat(n - left);
}
