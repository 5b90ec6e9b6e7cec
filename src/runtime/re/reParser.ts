// A port of sre_parse.py (3.8-3.10; re/_parser.py from 3.11) for str
// patterns: the same tree of (op, argument) items, the same group numbering
// and the same re.error messages and positions. The tree keeps SUBPATTERN's
// add/del flags; reCompile.ts resolves them as sre_compile.py does.
import { isIdentifier } from "../strPredicates.js";
import { ReError } from "./reError.js";
import {
  classEscape, DIGITS, escapeItem, FLAG, FLAGS, MAXGROUPS, MAXREPEAT, pyRepr, REPEAT_CHARS, SPECIAL, State, Tokenizer, TYPE_FLAGS, Verbose, WHITESPACE,
  type Item, type ParsedPattern, type SetItem,
} from "./reSource.js";

export interface ParseRules {
  /** Atomic groups and possessive quantifiers (3.11+). */
  readonly atomic: boolean;
  /** Global inline flags must start the pattern (3.11+); before, anywhere (with a DeprecationWarning). */
  readonly globalFlagsAtStart: boolean;
}

/** Parse a pattern; a bytes pattern comes as the latin-1 text of its bytes with istext false. */
export function parse(pattern: string, flags: number, rules: ParseRules, istext = true): ParsedPattern {
  const s = [...pattern];
  const tokenizer = (): Tokenizer => {
    const t = new Tokenizer(s);
    t.istext = istext;
    return t;
  };
  let state = new State();
  state.flags = flags;
  let source = tokenizer();
  let p: Item[];
  try {
    p = parseSub(source, state, (flags & FLAG.X) !== 0, 0, rules);
  } catch (e) {
    if (!(e instanceof Verbose)) throw e;
    state = new State();
    state.flags = flags | FLAG.X;
    source = tokenizer();
    p = parseSub(source, state, true, 0, rules);
  }
  state.flags = istext ? fixFlags(state.flags) : fixBytesFlags(state.flags);
  if (source.next !== null) throw source.error("unbalanced parenthesis");
  for (const [g, pos] of state.grouprefpos) if (g >= state.groups) throw new ReError(`invalid group reference ${g}`, pos, s);
  return { items: p, flags: state.flags, groups: state.groups, groupdict: state.groupdict, groupwidths: state.groupwidths };
}

function fixFlags(flags: number): number {
  if (flags & FLAG.L) throw new ReError("cannot use LOCALE flag with a str pattern", -2, null);
  if (!(flags & FLAG.A)) return flags | FLAG.U;
  if (flags & FLAG.U) throw new ReError("ASCII and UNICODE flags are incompatible", -2, null);
  return flags;
}

function fixBytesFlags(flags: number): number {
  if (flags & FLAG.U) throw new ReError("cannot use UNICODE flag with a bytes pattern", -2, null);
  if (flags & FLAG.L && flags & FLAG.A) throw new ReError("ASCII and LOCALE flags are incompatible", -2, null);
  return flags;
}

function parseSub(source: Tokenizer, state: State, verbose: boolean, nested: number, rules: ParseRules): Item[] {
  const items: Item[][] = [];
  do items.push(parseSeq(source, state, verbose, nested + 1, nested === 0 && items.length === 0, rules));
  while (source.match("|"));
  if (items.length === 1) return items[0] as Item[];
  return [{ op: "branch", alts: items }];
}

function parseSet(source: Tokenizer): Item {
  const here = source.tell() - 1;
  const set: SetItem[] = [];
  const negate = source.match("^");
  for (;;) {
    const t = source.get();
    if (t === null) throw source.error("unterminated character set", source.tell() - here);
    if (t === "]" && set.length > 0) break;
    const code1: SetItem = t[0] === "\\" ? classEscape(source, t) : { op: "lit", c: t.codePointAt(0) as number };
    if (source.match("-")) {
      const that = source.get();
      if (that === null) throw source.error("unterminated character set", source.tell() - here);
      if (that === "]") {
        set.push(code1, { op: "lit", c: 45 });
        break;
      }
      const code2: SetItem = that[0] === "\\" ? classEscape(source, that) : { op: "lit", c: that.codePointAt(0) as number };
      const msg = `bad character range ${t}-${that}`;
      if (code1.op !== "lit" || code2.op !== "lit" || code2.c < code1.c) throw source.error(msg, [...t].length + 1 + [...that].length);
      set.push({ op: "range", lo: code1.c, hi: code2.c });
    } else set.push(code1);
  }
  const uniq: SetItem[] = [];
  const seen = new Set<string>();
  for (const it of set) {
    const key = JSON.stringify(it);
    if (!seen.has(key)) {
      seen.add(key);
      uniq.push(it);
    }
  }
  const one = uniq[0] as SetItem;
  if (uniq.length === 1 && one.op === "lit") return negate ? { op: "notlit", c: one.c } : { op: "lit", c: one.c };
  return { op: "in", items: negate ? [{ op: "negate" }, ...uniq] : uniq };
}

function parseRepeat(source: Tokenizer, sub: Item[], ch: string, rules: ParseRules): boolean {
  const here = source.tell();
  let min = 0;
  let max = MAXREPEAT;
  if (ch === "?") max = 1;
  else if (ch === "+") min = 1;
  else if (ch === "{") {
    if (source.next === "}") return false;
    let lo = "";
    let hi = "";
    while (source.next !== null && source.next.length === 1 && DIGITS.includes(source.next)) lo += source.get() as string;
    if (source.match(",")) {
      while (source.next !== null && source.next.length === 1 && DIGITS.includes(source.next)) hi += source.get() as string;
    } else hi = lo;
    if (!source.match("}")) {
      source.seek(here);
      return false;
    }
    if (lo !== "") {
      min = Number(lo);
      if (min >= MAXREPEAT) throw new ReError("the repetition number is too large", -3, null);
    }
    if (hi !== "") {
      max = Number(hi);
      if (max >= MAXREPEAT) throw new ReError("the repetition number is too large", -3, null);
      if (max < min) throw source.error("min repeat greater than max repeat", source.tell() - here);
    }
  }
  const last = sub[sub.length - 1];
  if (last === undefined || last.op === "at") throw source.error("nothing to repeat", source.tell() - here + 1);
  if (last.op === "rep") throw source.error("multiple repeat", source.tell() - here + 1);
  const item = last.op === "sub" && last.group === null && last.add === 0 && last.del === 0 ? last.p : [last];
  let mode: "max" | "min" | "poss" = "max";
  if (source.match("?")) mode = "min";
  else if (rules.atomic && source.match("+")) mode = "poss";
  sub[sub.length - 1] = { op: "rep", min, max, mode, item };
  return true;
}

function groupName(source: Tokenizer, name: string): void {
  if (!isIdentifier(name)) throw source.error(`bad character in group name ${pyRepr(name)}`, [...name].length + 1);
}

function parseFlags(source: Tokenizer, state: State, first: string): [number, number] | null {
  let ch: string | null = first;
  let add = 0;
  let del = 0;
  if (ch !== "-") {
    for (;;) {
      const flag = FLAGS[ch] as number;
      if (ch === "L" && source.istext) throw source.error("bad inline flags: cannot use 'L' flag with a str pattern");
      if (ch === "u" && !source.istext) throw source.error("bad inline flags: cannot use 'u' flag with a bytes pattern");
      add |= flag;
      if (flag & TYPE_FLAGS && (add & TYPE_FLAGS) !== flag) throw source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
      ch = source.get();
      if (ch === null) throw source.error("missing -, : or )");
      if (ch === ")" || ch === "-" || ch === ":") break;
      if (FLAGS[ch] === undefined) throw source.error(/^\p{L}$/u.test(ch) ? "unknown flag" : "missing -, : or )", [...ch].length);
    }
  }
  if (ch === ")") {
    state.flags |= add;
    return null;
  }
  if (ch === "-") {
    ch = source.get();
    if (ch === null) throw source.error("missing flag");
    if (FLAGS[ch] === undefined) throw source.error(/^\p{L}$/u.test(ch) ? "unknown flag" : "missing flag", [...ch].length);
    for (;;) {
      const flag = FLAGS[ch] as number;
      if (flag & TYPE_FLAGS) throw source.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
      del |= flag;
      ch = source.get();
      if (ch === null) throw source.error("missing :");
      if (ch === ":") break;
      if (FLAGS[ch] === undefined) throw source.error(/^\p{L}$/u.test(ch) ? "unknown flag" : "missing :", [...ch].length);
    }
  }
  if (add & del) throw source.error("bad inline flags: flag turned on and off", 1);
  return [add, del];
}

function parseGroup(source: Tokenizer, state: State, sub: Item[], verbose: boolean, nested: number, first: boolean, rules: ParseRules): void {
  const start = source.tell() - 1;
  let capture = true;
  let name: string | null = null;
  let add = 0;
  let del = 0;
  let atomic = false;
  if (source.match("?")) {
    const ch = source.get();
    if (ch === null) throw source.error("unexpected end of pattern");
    if (ch === "P") {
      if (source.match("<")) {
        name = source.getuntil(">", "group name");
        groupName(source, name);
      } else if (source.match("=")) {
        const ref = source.getuntil(")", "group name");
        groupName(source, ref);
        const gid = state.groupdict.get(ref);
        if (gid === undefined) throw source.error(`unknown group name ${pyRepr(ref)}`, [...ref].length + 1);
        if (!state.checkgroup(gid)) throw source.error("cannot refer to an open group", [...ref].length + 1);
        state.checklookbehindgroup(gid, source);
        sub.push({ op: "ref", g: gid });
        return;
      } else {
        const c = source.get();
        if (c === null) throw source.error("unexpected end of pattern");
        throw source.error("unknown extension ?P" + c, [...c].length + 2);
      }
    } else if (ch === ":") capture = false;
    else if (ch === "#") {
      for (;;) {
        if (source.next === null) throw source.error("missing ), unterminated comment", source.tell() - start);
        if (source.get() === ")") break;
      }
      return;
    } else if (ch === "=" || ch === "!" || ch === "<") {
      let dir: 1 | -1 = 1;
      let kind = ch;
      let outer: number | null = null;
      if (ch === "<") {
        const c = source.get();
        if (c === null) throw source.error("unexpected end of pattern");
        if (c !== "=" && c !== "!") throw source.error("unknown extension ?<" + c, [...c].length + 2);
        kind = c;
        dir = -1;
        outer = state.lookbehindgroups;
        if (outer === null) state.lookbehindgroups = state.groups;
      }
      const p = parseSub(source, state, verbose, nested + 1, rules);
      if (dir < 0 && outer === null) state.lookbehindgroups = null;
      if (!source.match(")")) throw source.error("missing ), unterminated subpattern", source.tell() - start);
      sub.push({ op: "assert", dir, neg: kind === "!", p });
      return;
    } else if (ch === "(") {
      const condname = source.getuntil(")", "group name");
      let g: number;
      if (isIdentifier(condname)) {
        const gid = state.groupdict.get(condname);
        if (gid === undefined) throw source.error(`unknown group name ${pyRepr(condname)}`, [...condname].length + 1);
        g = gid;
      } else {
        if (!/^[0-9]+$/.test(condname)) throw source.error(`bad character in group name ${pyRepr(condname)}`, [...condname].length + 1);
        g = Number(condname);
        if (g === 0) throw source.error("bad group number", condname.length + 1);
        if (g >= MAXGROUPS) throw source.error(`invalid group reference ${g}`, condname.length + 1);
        if (!state.grouprefpos.has(g)) state.grouprefpos.set(g, source.tell() - condname.length - 1);
      }
      state.checklookbehindgroup(g, source);
      const yes = parseSeq(source, state, verbose, nested + 1, false, rules);
      let no: Item[] | null = null;
      if (source.match("|")) {
        no = parseSeq(source, state, verbose, nested + 1, false, rules);
        if (source.next === "|") throw source.error("conditional backref with more than two branches");
      }
      if (!source.match(")")) throw source.error("missing ), unterminated subpattern", source.tell() - start);
      sub.push({ op: "exists", g, yes, no });
      return;
    } else if (ch === ">" && rules.atomic) {
      capture = false;
      atomic = true;
    } else if (FLAGS[ch] !== undefined || ch === "-") {
      const f = parseFlags(source, state, ch);
      if (f === null) {
        if (!first || sub.length > 0) {
          if (rules.globalFlagsAtStart) throw source.error("global flags not at the start of the expression", source.tell() - start);
          throw new ReError("global inline flags after the start of the pattern", -1, null);
        }
        if (state.flags & FLAG.X && !verbose) throw new Verbose();
        return;
      }
      [add, del] = f;
      capture = false;
    } else throw source.error("unknown extension ?" + ch, [...ch].length + 1);
  }
  let group: number | null = null;
  if (capture) {
    try {
      group = state.opengroup(name);
    } catch (e) {
      if (e instanceof ReError) throw source.error(e.msg, [...(name ?? "")].length + 1);
      throw e;
    }
  }
  const subVerbose = (verbose || (add & FLAG.X) !== 0) && !(del & FLAG.X);
  const p = parseSub(source, state, subVerbose, nested + 1, rules);
  if (!source.match(")")) throw source.error("missing ), unterminated subpattern", source.tell() - start);
  if (group !== null) state.closegroup(group, p);
  sub.push(atomic ? { op: "atomic", p } : { op: "sub", group, add, del, p });
}

function parseSeq(source: Tokenizer, state: State, verbose: boolean, nested: number, first: boolean, rules: ParseRules): Item[] {
  const sub: Item[] = [];
  for (;;) {
    const t = source.next;
    if (t === null || t === "|" || t === ")") break;
    source.get();
    if (verbose) {
      if (WHITESPACE.includes(t)) continue;
      if (t === "#") {
        for (;;) {
          const c = source.get();
          if (c === null || c === "\n") break;
        }
        continue;
      }
    }
    if (t[0] === "\\") sub.push(escapeItem(source, t, state));
    else if (!SPECIAL.includes(t)) sub.push({ op: "lit", c: t.codePointAt(0) as number });
    else if (t === "[") sub.push(parseSet(source));
    else if (REPEAT_CHARS.includes(t)) {
      if (!parseRepeat(source, sub, t, rules)) sub.push({ op: "lit", c: t.codePointAt(0) as number });
    } else if (t === ".") sub.push({ op: "any" });
    else if (t === "(") parseGroup(source, state, sub, verbose, nested, first, rules);
    else if (t === "^") sub.push({ op: "at", at: "beg" });
    else if (t === "$") sub.push({ op: "at", at: "end" });
  }
  // Unpack non-capturing groups without flags.
  const out: Item[] = [];
  for (const it of sub) {
    if (it.op === "sub" && it.group === null && it.add === 0 && it.del === 0) out.push(...it.p);
    else out.push(it);
  }
  return out;
}
