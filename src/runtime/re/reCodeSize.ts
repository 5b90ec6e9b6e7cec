// How many SRE_CODE words sre_compile._code emits for a parsed pattern
// (_compile_info + _compile + SUCCESS), which pattern_sizeof counts: for the
// shapes whose code length pymem follows exactly — literals, '.', anchors,
// sets (_optimize_charset: up to two runs as LITERAL/RANGE, else an 8-word
// CHARSET bitmap below 256 or a BIGCHARSET of distinct chunks), groups, repeats,
// lookarounds, backreferences, conditionals, atomic groups and
// alternation (after sre_parse's own rewrites: non-capturing groups
// unpacked, a branch's common first items moved out, a branch of single
// characters made a set), without IGNORECASE or LOCALE. Anything else gives null (the size is then
// refused, naming the construct).
import { FLAG, type Item, type ParsedPattern, type SetItem } from "./reSource.js";

class Unmodelled extends Error {}

/** _optimize_charset without a fixup, then _compile_charset: the words it emits, FAILURE included. */
function charsetWords(items: readonly SetItem[]): number {
  const words = (op: SetItem["op"] | "charset" | "bigcharset"): number => (op === "negate" ? 1 : op === "lit" ? 2 : op === "range" ? 3 : op === "cat" ? 2 : 9);
  const out: SetItem["op"][] = [];
  const tail: SetItem["op"][] = [];
  const charmap = new Set<number>();
  let big = false;
  for (const it of items) {
    if (it.op === "negate") out.push("negate");
    else if (it.op === "cat") tail.push("cat");
    else if (it.op === "lit") {
      if (it.c > 0xffff) {
        tail.push("lit");
        big = true;
      } else {
        if (it.c > 0xff) big = true;
        charmap.add(it.c);
      }
    } else {
      for (let i = it.lo; i <= Math.min(it.hi, 0xffff); i++) charmap.add(i);
      if (it.hi > 0xff) big = true;
      if (it.hi > 0xffff) tail.push("range");
    }
  }
  const sorted = [...charmap].sort((a, b) => a - b);
  let runs = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || (sorted[k] as number) !== (sorted[k - 1] as number) + 1) runs++;
  let ops: (SetItem["op"] | "charset" | "bigcharset")[];
  if (runs <= 2) {
    const runOps: SetItem["op"][] = [];
    let k = 0;
    while (k < sorted.length) {
      let j = k;
      while (j + 1 < sorted.length && (sorted[j + 1] as number) === (sorted[j] as number) + 1) j++;
      runOps.push(j === k ? "lit" : "range");
      k = j + 1;
    }
    const optimized = [...out, ...runOps, ...tail];
    // "if the case was changed or new representation is more compact", else the set as parsed.
    ops = optimized.length < items.length ? optimized : items.map((i) => i.op);
  } else {
    ops = [...out, big ? "bigcharset" : "charset", ...tail];
  }
  const bigWords = big ? bigCharsetWords(sorted) : 0;
  return ops.reduce((n, op) => n + (op === "bigcharset" ? bigWords : words(op)), 0) + 1;
}

/** sre_parse compares a branch's first items as tuples: equal by value only where no SubPattern is inside. */
function sameItem(a: Item, b: Item): boolean {
  const plain = (i: Item): boolean => i.op === "lit" || i.op === "notlit" || i.op === "any" || i.op === "in" || i.op === "at" || i.op === "ref";
  return plain(a) && plain(b) && JSON.stringify(a) === JSON.stringify(b);
}

/** _parse_sub's rewrites of an alternation: the common prefix moved out, single characters made one set. */
function normBranch(alts0: readonly Item[][]): Item[] {
  const alts = alts0.map((a) => norm(a));
  const out: Item[] = [];
  for (;;) {
    const first = alts[0]?.[0];
    if (first === undefined || !alts.every((a) => a[0] !== undefined && sameItem(a[0], first))) break;
    for (const a of alts) a.shift();
    out.push(first);
  }
  const set: SetItem[] = [];
  const allChars = alts.every((a) => {
    const it = a[0];
    if (a.length !== 1 || it === undefined) return false;
    if (it.op === "lit") set.push({ op: "lit", c: it.c });
    else if (it.op === "in" && it.items[0]?.op !== "negate") set.push(...it.items);
    else return false;
    return true;
  });
  if (allChars) {
    const seen = new Set<string>();
    out.push({ op: "in", items: set.filter((i) => (seen.has(JSON.stringify(i)) ? false : (seen.add(JSON.stringify(i)), true))) });
  } else out.push({ op: "branch", alts });
  return out;
}

/** The tree as sre_parse leaves it: non-capturing groups without flags unpacked, branches rewritten. */
function norm(p: readonly Item[]): Item[] {
  const out: Item[] = [];
  for (const it of p) {
    if (it.op === "sub") {
      const inner = norm(it.p);
      if (it.group === null && it.add === 0 && it.del === 0) out.push(...inner);
      else out.push({ ...it, p: inner });
    } else if (it.op === "rep") out.push({ ...it, item: norm(it.item) });
    else if (it.op === "branch") out.push(...normBranch(it.alts));
    else if (it.op === "assert" || it.op === "atomic") out.push({ ...it, p: norm(it.p) });
    else if (it.op === "exists") out.push({ ...it, yes: norm(it.yes), no: it.no === null ? null : norm(it.no) });
    else out.push(it);
  }
  return out;
}

/**
 * BIGCHARSET: the op, the number of distinct 256-character chunks of the
 * 65536-entry charmap, 64 words of chunk numbers, and 8 words per distinct chunk.
 */
function bigCharsetWords(sorted: readonly number[]): number {
  const chunks = new Map<number, number[]>();
  for (const c of sorted) {
    const k = c >> 8;
    const list = chunks.get(k);
    if (list === undefined) chunks.set(k, [c & 0xff]);
    else list.push(c & 0xff);
  }
  const distinct = new Set<string>([...chunks.values()].map((l) => l.join(",")));
  // The chunks with no member are one more block, unless every chunk has members.
  const blocks = distinct.size + (chunks.size < 256 ? 1 : 0);
  return 1 + 1 + 64 + 8 * blocks;
}

function minWidth(p: readonly Item[], groupwidths: ParsedPattern["groupwidths"]): number {
  let lo = 0;
  for (const it of p) {
    if (it.op === "lit" || it.op === "notlit" || it.op === "any" || it.op === "in") lo += 1;
    else if (it.op === "sub" || it.op === "atomic") lo += minWidth(it.p, groupwidths);
    else if (it.op === "rep") lo += it.min * minWidth(it.item, groupwidths);
    else if (it.op === "branch") lo += Math.min(...it.alts.map((a) => minWidth(a, groupwidths)));
    else if (it.op === "ref") lo += groupwidths[it.g]?.[0] ?? 0;
    else if (it.op === "exists" && it.no !== null) lo += Math.min(minWidth(it.yes, groupwidths), minWidth(it.no, groupwidths));
  }
  return lo;
}

function compileWords(p: readonly Item[]): number {
  let n = 0;
  for (const it of p) {
    switch (it.op) {
      case "lit":
      case "notlit":
      case "at":
        n += 2;
        break;
      case "any":
        n += 1;
        break;
      case "in":
        n += 2 + charsetWords(it.items);
        break;
      case "sub":
        // MARK pairs for a group; flags alone (IGNORECASE refused) change no length.
        if ((it.add | it.del) & (FLAG.I | FLAG.L)) throw new Unmodelled("IGNORECASE");
        n += (it.group === null ? 0 : 4) + compileWords(it.p);
        break;
      case "branch":
        // BRANCH, per alternative a skip word, its code, JUMP and its offset, then FAILURE.
        n += 2 + it.alts.reduce((k, a) => k + 3 + compileWords(a), 0);
        break;
      case "ref":
        n += 2;
        break;
      case "assert":
        // ASSERT/ASSERT_NOT, skip, the look-behind width (0 ahead), the body, SUCCESS.
        n += 4 + compileWords(it.p);
        break;
      case "atomic":
        n += 3 + compileWords(it.p);
        break;
      case "exists":
        // GROUPREF_EXISTS, group, skip, yes; a non-empty no adds JUMP, its offset and itself.
        n += 3 + compileWords(it.yes) + (it.no !== null && it.no.length > 0 ? 2 + compileWords(it.no) : 0);
        break;
      case "rep":
        // REPEAT_ONE/MIN_REPEAT_ONE/POSSESSIVE_REPEAT_ONE or REPEAT ... MAX_UNTIL: four words, the body, one.
        n += 5 + compileWords(it.item);
        break;
      default:
        throw new Unmodelled(`'${it.op}'`);
    }
  }
  return n;
}

/** _get_literal_prefix without IGNORECASE: its length, and whether it ended the pattern. */
function literalPrefix(p: readonly Item[]): [number, boolean] {
  let n = 0;
  for (const it of p) {
    if (it.op === "lit") n++;
    else if (it.op === "sub") {
      const [m, all] = literalPrefix(it.p);
      n += m;
      if (!all) return [n, false];
    } else return [n, false];
  }
  return [n, true];
}

/** _get_charset_prefix: the first item's set (or a branch's first literals), through leading groups. */
function charsetPrefix(p: readonly Item[]): readonly SetItem[] | null {
  const first = p[0];
  if (first === undefined) return null;
  if (first.op === "sub") return charsetPrefix(first.p);
  if (first.op === "branch") {
    const lits: SetItem[] = [];
    for (const a of first.alts) {
      const it = a[0];
      if (it === undefined || it.op !== "lit") return null;
      lits.push({ op: "lit", c: it.c });
    }
    return lits;
  }
  return first.op === "in" ? first.items : null;
}

/** _compile_info's words. */
function infoWords(p: readonly Item[], groupwidths: ParsedPattern["groupwidths"]): number {
  if (minWidth(p, groupwidths) === 0) return 5;
  const [prefix] = literalPrefix(p);
  if (prefix > 0) return 5 + 2 + 2 * prefix;
  const set = charsetPrefix(p);
  return 5 + (set === null ? 0 : charsetWords(set));
}

/** len(sre_compile._code(p, flags)), or the construct that keeps pymem from counting it. */
export function codeSize(parsed: ParsedPattern): number | string {
  if (parsed.flags & (FLAG.I | FLAG.L)) return "IGNORECASE";
  try {
    const items = norm(parsed.items);
    const body = compileWords(items);
    return infoWords(items, parsed.groupwidths) + body + 1;
  } catch (e) {
    if (e instanceof Unmodelled) return e.message;
    throw e;
  }
}
