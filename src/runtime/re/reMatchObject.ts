// re.Match (_sre's MatchObject): its groups are new slices of the subject at
// each call (PyUnicode_Substring: the subject itself when the slice is all
// of it, the cached '' and one-character latin-1 strings), span() a new
// tuple; getsizeof counts mark[] for every group (the layout's 'Match').
import { PyException } from "../errors.js";
import { nativeObject } from "../nativeObjects.js";
import { builtinFunction as fn, None, pyBytes, pyInt, pyStr, type PyByteArrayObj, type PyBytesObj, type PyObj, type PyOpaqueObj, type PyStrObj } from "../objects.js";
import { bytesRepr } from "../repr.js";
import { newDict, dictSet } from "../dicts.js";
import { newTuple, tuple2 } from "../tuples.js";
import { bytesData, strText } from "../text.js";
import type { Pattern } from "./rePattern.js";

/** The subject as code points (a bytes subject's bytes), with its str or bytes object. */
export interface Subject {
  readonly obj: PyStrObj | PyBytesObj | PyByteArrayObj;
  readonly cps: readonly number[];
}

export function subjectOf(o: PyStrObj | PyBytesObj | PyByteArrayObj): Subject {
  if (o.t === "bytes" || o.t === "bytearray") return { obj: o, cps: Array.from(bytesData(o)) };
  const cps: number[] = [];
  for (const ch of strText(o)) cps.push(ch.codePointAt(0) as number);
  return { obj: o, cps };
}

/** getslice(): PyUnicode_Substring, or for bytes the subject itself when whole and exact bytes, else PyBytes_FromStringAndSize (b'' and the one-byte objects cached). */
export function substr(s: Subject, a: number, b: number): PyStrObj | PyBytesObj {
  if (a === 0 && b === s.cps.length && s.obj.t !== "bytearray") return s.obj;
  if (s.obj.t !== "str") return pyBytes(Uint8Array.from(s.cps.slice(a, Math.max(a, b))));
  if (b <= a) return pyStr("");
  return pyStr(String.fromCodePoint(...s.cps.slice(a, b)));
}

export interface MatchData {
  readonly pattern: Pattern;
  readonly subject: Subject;
  /** Spans of group 0..groups (null: did not take part). */
  readonly spans: readonly ([number, number] | null)[];
  readonly lastindex: number;
  readonly pos: number;
  readonly endpos: number;
}

function index(m: MatchData, g: PyObj | undefined): number {
  if (g === undefined) return 0;
  if (g.t === "int" || g.t === "bool") {
    const i = Number(g.v);
    if (i >= 0 && i <= m.pattern.groups) return i;
  } else if (g.t === "str") {
    const hit = m.pattern.names.find(([n]) => strText(n) === strText(g));
    if (hit !== undefined) return hit[1];
  }
  throw new PyException("IndexError", "no such group");
}

export function groupValue(m: MatchData, i: number, dflt: PyObj): PyObj {
  const span = m.spans[i];
  return span === null || span === undefined ? dflt : substr(m.subject, span[0], span[1]);
}

export function makeMatch(m: MatchData): PyOpaqueObj {
  const spanOf = (g: PyObj | undefined): [number, number] => m.spans[index(m, g)] ?? [-1, -1];
  const attr = (name: string): PyObj | undefined => {
    switch (name) {
      case "group":
        return fn("group", (args) => {
          if (args.length <= 1) return groupValue(m, index(m, args[0]), None);
          return newTuple(args.map((a) => groupValue(m, index(m, a), None)));
        });
      case "groups":
        return fn("groups", (args, kw) => {
          const d = args[0] ?? kw.values.get("default") ?? None;
          return newTuple(Array.from({ length: m.pattern.groups }, (_, i) => groupValue(m, i + 1, d)));
        });
      case "groupdict":
        return fn("groupdict", (args, kw) => {
          const d = args[0] ?? kw.values.get("default") ?? None;
          const out = newDict();
          for (const [n, g] of m.pattern.names) dictSet(out, n, groupValue(m, g, d));
          return out;
        });
      case "span":
        return fn("span", ([g]) => {
          const [a, b] = spanOf(g);
          return tuple2(pyInt(a), pyInt(b));
        });
      case "start":
        return fn("start", ([g]) => pyInt(spanOf(g)[0]));
      case "end":
        return fn("end", ([g]) => pyInt(spanOf(g)[1]));
      case "string":
        return m.subject.obj;
      case "re":
        return m.pattern.obj ?? None;
      case "pos":
        return pyInt(m.pos);
      case "endpos":
        return pyInt(m.endpos);
      case "lastindex":
        return m.lastindex >= 0 ? pyInt(m.lastindex) : None;
      case "lastgroup": {
        const hit = m.pattern.names.find(([, g]) => g === m.lastindex);
        return hit === undefined ? None : hit[0];
      }
      default:
        return undefined;
    }
  };
  const [a, b] = m.spans[0] as [number, number];
  const whole = substr(m.subject, a, b);
  const shown = whole.t === "bytes" ? bytesRepr(bytesData(whole)) : reprText(strText(whole));
  return { ...nativeObject("Match", { attr, getitem: (g) => groupValue(m, index(m, g), None), repr: () => `<re.Match object; span=(${a}, ${b}), match=${shown}>` }), indexWords: 2 * (m.pattern.groups + 1) };
}

function reprText(t: string): string {
  return t.includes("'") && !t.includes('"') ? `"${t}"` : `'${t.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}
