// The match statement (PEP 634), compiled as CPython's compile.c compiles it
// (compiler_match, compiler_pattern_*) with its compile-time SyntaxErrors, and
// run as ceval's MATCH_SEQUENCE / MATCH_MAPPING / MATCH_KEYS / MATCH_CLASS run:
// a case's names are bound only once its whole pattern matched, then its guard
// is tested.
import type { Expr, MatchCase, Pattern, Span, Stmt } from "../python/ast.js";
import { compareObj, truthy } from "./compare.js";
import type { Compiler } from "./compile.js";
import { ctx } from "./ctx.js";
import { dictDelete, dictGet, dictSet, newDict } from "./dicts.js";
import { dictUpdate } from "./displays.js";
import { PyException, valueError } from "./errors.js";
import { reprObject } from "./format.js";
import { objectLen, toArray } from "./iteration.js";
import { isOtherMapping, isSequence, matchClass } from "./matchObjects.js";
import { None, pyInt, type PyObj, type Scope } from "./objects.js";
import { getItem } from "./subscript.js";
import { unpackStarList } from "./targets.js";
import { strText } from "./text.js";

type MatchStmt = Extract<Stmt, { kind: "Match" }>;

/** A name a pattern captured, stored once the case's whole pattern matched. */
interface Bind {
  readonly store: (sc: Scope, v: PyObj) => void;
  readonly v: PyObj;
}

/** A compiled pattern: whether `v` matches, pushing what it captures onto `out`. */
type Matcher = (sc: Scope, v: PyObj, out: Bind[]) => boolean;

/** compile.c's pattern_context: the names this pattern stores so far, and whether an irrefutable pattern is allowed here. */
interface PatternContext {
  stores: string[];
  allowIrrefutable: boolean;
}

function syntaxError(message: string, span: Span): PyException {
  return new PyException("SyntaxError", message, span);
}

const isWildcard = (p: Pattern): boolean => p.kind === "MatchAs" && p.pattern === null && p.name === null;

/**
 * A match statement as a choice: the subject is evaluated, the cases tried in
 * order, and the index of the one whose pattern and guard held comes back
 * (its captures stored), or -1. Its caller runs that case's body (plain or
 * generator code alike).
 */
export function compileMatch(s: MatchStmt, c: Compiler): (sc: Scope) => number {
  const subject = c.expr(s.subject).run;
  const last = s.cases.length - 1;
  const cases = s.cases.map((k: MatchCase, i) => {
    const pc: PatternContext = { stores: [], allowIrrefutable: k.guard !== null || i === last };
    const match = new PatternCompiler(c).pattern(k.pattern, pc);
    const guard = k.guard === null ? null : c.expr(k.guard).run;
    return { match, guard };
  });
  return (sc) => {
    const v = subject(sc);
    for (let i = 0; i < cases.length; i++) {
      const k = cases[i] as (typeof cases)[number];
      ctx().tick();
      const out: Bind[] = [];
      if (!k.match(sc, v, out)) continue;
      for (const b of out) b.store(sc, b.v);
      if (k.guard !== null && !truthy(k.guard(sc))) continue;
      return i;
    }
    return -1;
  };
}

class PatternCompiler {
  constructor(private readonly c: Compiler) {}

  pattern(p: Pattern, pc: PatternContext): Matcher {
    switch (p.kind) {
      case "MatchValue":
        return this.value(p.value, p.span);
      case "MatchSingleton": {
        const k = this.c.fromLiteral(p.value);
        return (_sc, v) => v === k;
      }
      case "MatchSequence":
        return this.sequence(p, pc);
      case "MatchMapping":
        return this.mapping(p, pc);
      case "MatchClass":
        return this.classPattern(p, pc);
      case "MatchStar":
        // Only inside a sequence pattern, which handles it.
        return this.store(p.name, p.span, pc);
      case "MatchAs":
        return this.as(p, pc);
      case "MatchOr":
        return this.or(p, pc);
    }
  }

  /** compiler_pattern_subpattern: a sub-pattern may always be irrefutable. */
  private sub(p: Pattern, pc: PatternContext): Matcher {
    const saved = pc.allowIrrefutable;
    pc.allowIrrefutable = true;
    try {
      return this.pattern(p, pc);
    } finally {
      pc.allowIrrefutable = saved;
    }
  }

  /** pattern_helper_store_name: a capture (or nothing, for `_`). */
  private store(name: string | null, span: Span, pc: PatternContext): Matcher {
    if (name === null) return () => true;
    if (name === "__debug__") throw syntaxError("cannot assign to __debug__", span);
    if (pc.stores.includes(name)) throw syntaxError(`multiple assignments to name '${name}' in pattern`, span);
    pc.stores.push(name);
    const store = this.c.storeName(name);
    return (_sc, v, out) => {
      out.push({ store, v });
      return true;
    };
  }

  /** MatchValue: `subject == value`, the value a literal (folded) or a dotted name. */
  private value(e: Expr, span: Span): Matcher {
    if (e.kind === "JoinedStr") throw syntaxError("patterns may only match literals and attribute lookups", span);
    const value = this.c.expr(e).run;
    return (sc, v) => truthy(compareObj("Eq", v, value(sc)));
  }

  /** compiler_pattern_as: a capture or `_` alone is irrefutable; `p as name` stores after p matched. */
  private as(p: Extract<Pattern, { kind: "MatchAs" }>, pc: PatternContext): Matcher {
    if (p.pattern === null) {
      if (!pc.allowIrrefutable) {
        if (p.name !== null) throw syntaxError(`name capture '${p.name}' makes remaining patterns unreachable`, p.span);
        throw syntaxError("wildcard makes remaining patterns unreachable", p.span);
      }
      return this.store(p.name, p.span, pc);
    }
    const inner = this.pattern(p.pattern, pc);
    const store = this.store(p.name, p.span, pc);
    return (sc, v, out) => inner(sc, v, out) && store(sc, v, out);
  }

  /** compiler_pattern_or: alternatives in order, each binding the same names; the first that matches wins. */
  private or(p: Extract<Pattern, { kind: "MatchOr" }>, pc: PatternContext): Matcher {
    const lastAlt = p.patterns.length - 1;
    let control: string[] | null = null;
    const alts = p.patterns.map((alt, i) => {
      const altPc: PatternContext = { stores: [], allowIrrefutable: i === lastAlt && pc.allowIrrefutable };
      const m = this.pattern(alt, altPc);
      if (control === null) control = altPc.stores;
      else if (altPc.stores.length !== control.length || control.some((n) => !altPc.stores.includes(n))) {
        throw syntaxError("alternative patterns bind different names", alt.span);
      }
      return m;
    });
    // The names the alternatives bind join the enclosing pattern's (each once).
    for (const name of control ?? []) {
      if (pc.stores.includes(name)) throw syntaxError(`multiple assignments to name '${name}' in pattern`, p.span);
      pc.stores.push(name);
    }
    return (sc, v, out) => {
      const mark = out.length;
      for (const m of alts) {
        if (m(sc, v, out)) return true;
        out.length = mark;
      }
      return false;
    };
  }

  /** compiler_pattern_sequence: MATCH_SEQUENCE, a length check, then the items by unpacking (UNPACK_EX for a named star) or by index around `*_`. */
  private sequence(p: Extract<Pattern, { kind: "MatchSequence" }>, pc: PatternContext): Matcher {
    const size = p.patterns.length;
    let star = -1;
    p.patterns.forEach((x, i) => {
      if (x.kind !== "MatchStar") return;
      if (star >= 0) throw syntaxError("multiple starred names in sequence pattern", p.span);
      star = i;
    });
    const starPattern = star < 0 ? null : (p.patterns[star] as Extract<Pattern, { kind: "MatchStar" }>);
    const starWildcard = starPattern !== null && starPattern.name === null;
    const onlyWildcard = p.patterns.every((x) => isWildcard(x) || (x.kind === "MatchStar" && x.name === null));
    const subs = p.patterns.map((x) => this.sub(x, pc));
    const at = star;
    return (sc, v, out) => {
      if (!isSequence(v)) return false;
      const n = objectLen(v) ?? 0;
      if (at < 0 ? n !== size : n < size - 1) return false;
      if (onlyWildcard) return true;
      if (starWildcard) {
        for (let i = 0; i < size; i++) {
          if (i === at || isWildcard(p.patterns[i] as Pattern)) continue;
          const item = getItem(v, pyInt(i < at ? i : n - (size - i)));
          if (!(subs[i] as Matcher)(sc, item, out)) return false;
        }
        return true;
      }
      const items = toArray(v);
      let values: PyObj[] = items;
      if (at >= 0) {
        const after = size - at - 1;
        // UNPACK_EX: the subject's iterator; a list, tuple, range or deque iterator gives a length hint, an array's does not.
        const starList = unpackStarList(items.slice(at), v.t !== "array", after);
        values = [...items.slice(0, at), starList, ...items.slice(items.length - after)];
      }
      for (let i = 0; i < size; i++) if (!(subs[i] as Matcher)(sc, values[i] as PyObj, out)) return false;
      return true;
    };
  }

  /** compiler_pattern_mapping: MATCH_MAPPING, len >= number of keys, MATCH_KEYS by get(key, dummy), then `**rest` (a copy less the keys). */
  private mapping(p: Extract<Pattern, { kind: "MatchMapping" }>, pc: PatternContext): Matcher {
    const seen = newDict();
    const keys = p.keys.map((k) => {
      // An f-string folds to a constant here, but is no literal to the compiler.
      const compiled = this.c.expr(k);
      if (compiled.konst !== null && k.kind !== "JoinedStr") {
        if (dictGet(seen, compiled.konst) !== undefined) {
          throw syntaxError(`mapping pattern checks duplicate key (${strText(reprObject(compiled.konst))})`, p.span);
        }
        dictSet(seen, compiled.konst, None);
      } else if (k.kind !== "Attribute") {
        throw syntaxError("mapping pattern keys may only match literals and attribute lookups", p.span);
      }
      return compiled.run;
    });
    const subs = p.patterns.map((x) => this.sub(x, pc));
    const rest = p.rest === null ? null : this.store(p.rest, p.span, pc);
    const size = keys.length;
    return (sc, v, out) => {
      if (v.t !== "dict") return isOtherMapping(v);
      if (size === 0 && rest === null) return true;
      if (size > 0 && (objectLen(v) ?? 0) < size) return false;
      const keyObjs = keys.map((k) => k(sc));
      const checked = newDict();
      const values: PyObj[] = [];
      for (const key of keyObjs) {
        if (dictGet(checked, key) !== undefined) throw valueError(`mapping pattern checks duplicate key (${strText(reprObject(key))})`);
        dictSet(checked, key, None);
        // dict.get: no __missing__ (a defaultdict gains no key).
        const value = dictGet(v, key);
        if (value === undefined) return false;
        values.push(value);
      }
      for (let i = 0; i < size; i++) if (!(subs[i] as Matcher)(sc, values[i] as PyObj, out)) return false;
      if (rest === null) return true;
      // rest = {}; rest.update(subject); del rest[key] for each key.
      const copy = newDict();
      dictUpdate(copy, v);
      for (const key of keyObjs) dictDelete(copy, key);
      return rest(sc, copy, out);
    };
  }

  /** compiler_pattern_class and ceval's match_class: isinstance, then the attributes __match_args__ names and the keywords name. */
  private classPattern(p: Extract<Pattern, { kind: "MatchClass" }>, pc: PatternContext): Matcher {
    p.kwdAttrs.forEach((name, i) => {
      const span = (p.kwdPatterns[i] as Pattern).span;
      if (name === "__debug__") throw syntaxError("cannot assign to __debug__", span);
      if (p.kwdAttrs.indexOf(name) !== i) throw syntaxError(`attribute name repeated in class pattern: ${name}`, span);
    });
    const cls = this.c.expr(p.cls).run;
    const subs = [...p.patterns, ...p.kwdPatterns].map((x) => this.sub(x, pc));
    const nargs = p.patterns.length;
    const kwdAttrs = p.kwdAttrs;
    return (sc, v, out) => {
      const attrs = matchClass(v, cls(sc), nargs, kwdAttrs);
      if (attrs === null) return false;
      for (let i = 0; i < subs.length; i++) if (!(subs[i] as Matcher)(sc, attrs[i] as PyObj, out)) return false;
      return true;
    };
  }
}
