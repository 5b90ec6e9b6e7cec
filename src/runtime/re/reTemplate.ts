// sub()'s replacement: sre_parse.parse_template's chunks (literal text and
// group numbers) and their expansion for one match — by
// sre_parse.expand_template before 3.12 (the group slice itself when the
// template is one group), by _sre's expand_template from 3.12 (the first
// literal always joined in, so a result is a new str).
import { PyException } from "../errors.js";
import { emptyStr, pyStr, pyStrFresh, type PyObj, type PyStrObj } from "../objects.js";
import { isIdentifier } from "../strPredicates.js";
import { strText } from "../text.js";
import { groupValue, type MatchData } from "./reMatchObject.js";
import { ReError } from "./reError.js";
import type { Pattern } from "./rePattern.js";
import { pyRepr } from "./reSource.js";

export type Chunk = { readonly lit: PyStrObj } | { readonly g: number };

const ESC: Readonly<Record<string, number>> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, "\\": 92 };
const LETTERS = /^[A-Za-z]$/;

/** parse_template: the chunks, or the template's literal str when it names no group. */
export function parseTemplate(tmpl: PyStrObj, p: Pattern): Chunk[] {
  const s = [...strText(tmpl)];
  const chunks: Chunk[] = [];
  let lit = "";
  const flush = (): void => {
    if (lit !== "") chunks.push({ lit: pyStr(lit) });
    lit = "";
  };
  const err = (msg: string, pos: number): never => {
    throw new ReError(msg, pos, s);
  };
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string;
    if (c !== "\\") {
      lit += c;
      continue;
    }
    const n = s[i + 1];
    if (n === undefined) err("bad escape (end of pattern)", s.length - 1);
    const start = i;
    i++;
    if (n === "g") {
      if (s[i + 1] !== "<") err("missing <", i + 1);
      const close = s.indexOf(">", i + 2);
      if (close < 0) err(i + 2 >= s.length ? "missing group name" : "missing >, unterminated name", i + 2);
      const name = s.slice(i + 2, close).join("");
      if (name === "") err("missing group name", i + 2);
      let g = 0;
      if (/^[0-9]+$/.test(name)) g = Number(name);
      else if (isIdentifier(name)) {
        const hit = p.names.find(([k]) => strText(k) === name);
        if (hit === undefined) throw new PyException("IndexError", `unknown group name ${pyRepr(name)}`);
        g = hit[1];
      } else err(`bad character in group name ${pyRepr(name)}`, i + 2);
      if (g > p.groups) err(`invalid group reference ${g as number}`, i + 2);
      flush();
      chunks.push({ g: g as number });
      i = close;
    } else if (n === "0") {
      let oct = "";
      while (oct.length < 2 && /[0-7]/.test(s[i + 1] ?? "")) oct += s[++i] as string;
      lit += String.fromCodePoint(parseInt(oct || "0", 8));
    } else if (/[0-9]/.test(n as string)) {
      let d = n as string;
      if (/[0-9]/.test(s[i + 1] ?? "")) {
        d += s[++i] as string;
        if (/^[0-7]{2}$/.test(d) && /[0-7]/.test(s[i + 1] ?? "")) {
          d += s[++i] as string;
          const v = parseInt(d, 8);
          if (v > 0o377) err(`octal escape value \\${d} outside of range 0-0o377`, start);
          lit += String.fromCodePoint(v);
          continue;
        }
      }
      const g = Number(d);
      if (g > p.groups) err(`invalid group reference ${g}`, start + 1);
      flush();
      chunks.push({ g });
    } else {
      const v = ESC[n as string];
      if (v !== undefined) lit += String.fromCodePoint(v);
      else if (LETTERS.test(n as string)) err(`bad escape \\${n as string}`, start);
      else lit += "\\" + (n as string);
    }
  }
  flush();
  return chunks;
}

function join(items: readonly PyStrObj[]): PyStrObj {
  if (items.length === 1) return items[0] as PyStrObj;
  const text = items.map((x) => strText(x)).join("");
  return text === "" ? emptyStr : pyStrFresh(text);
}

/** One match's replacement. */
export function expandTemplate(chunks: readonly Chunk[], m: MatchData, inC: boolean): PyObj {
  if (!inC) {
    const parts = chunks.map((c) => ("lit" in c ? c.lit : groupValue(m, c.g, emptyStr) as PyStrObj));
    const nonEmpty = parts.map((x) => (x.length === 0 ? emptyStr : x));
    return nonEmpty.length === 0 ? emptyStr : join(nonEmpty);
  }
  const out: PyStrObj[] = [];
  const first = chunks[0];
  out.push(first !== undefined && "lit" in first ? first.lit : emptyStr);
  for (const c of chunks.slice(first !== undefined && "lit" in first ? 1 : 0)) {
    if ("lit" in c) out.push(c.lit);
    else {
      const v = groupValue(m, c.g, emptyStr);
      if (m.spans[c.g] !== null) out.push(v as PyStrObj);
    }
  }
  return join(out);
}
