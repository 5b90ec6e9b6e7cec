// How many slots the frame of a generator expression needs from 3.11, where the
// frame lives inside the generator object: co_nlocalsplus (`.0`, the loop
// variables, the free variables) plus co_stacksize, the deepest the value stack
// gets. The depth is worked out from the AST the way the compiler lays out the
// bytecode of each construct (PUSH_NULL/LOAD_GLOBAL before a call, BUILD_* of
// the items on the stack, COPY in chained comparisons ...), for a set of
// constructs checked against the real interpreters; anything else is null, and
// the caller refuses to size the generator.
import type { Comprehension, Expr, Stmt } from "../python/ast.js";
import { resolve, type Block } from "./symtable.js";

/** The bytecode shapes that move the stack depth differently between versions. */
export interface DepthRules {
  /** `a and b` keeps its left value with COPY 1 before the jump (3.12+), one slot more. */
  readonly boolOpCopies: boolean;
  /** A call with keyword arguments pushes the tuple of their names (3.13+ CALL_KW). */
  readonly kwNamesOnStack: boolean;
  /** The least depth of `yield from x`: the iterator and the value sent (2), or from 3.12 also the handler SEND's loop has (3). */
  readonly yieldFromDepth: number;
  /** The least depth of a generator's code: RETURN_GENERATOR's value (1), or from 3.12 the handler around the body that turns StopIteration into RuntimeError (2: the exception and lasti). */
  readonly generatorMinDepth: number;
  /** More items than this in one display are built another way (STACK_USE_GUIDELINE); pymem does not follow that here. */
  readonly maxDisplayItems: number;
}

/** Whether the compiler folded an expression into one constant (LOAD_CONST). */
export type IsFolded = (e: Expr) => boolean;

/** The truth of an expression the compiler folded into a constant; null when it did not fold it. */
export type ConstTruth = (e: Expr) => boolean | null;

/** What the depth of an expression depends on besides its shape: folding and the version's rules. */
export interface DepthContext {
  readonly folded: IsFolded;
  readonly truth: ConstTruth;
  readonly rules: DepthRules;
}

/** The deepest the stack gets while evaluating `e`, its result counted; null for a construct not modelled. */
export function exprDepth(e: Expr, cx: DepthContext): number | null {
  const { folded, truth, rules } = cx;
  const d = (x: Expr): number | null => exprDepth(x, cx);
  if (folded(e)) return 1;
  switch (e.kind) {
    case "Constant":
    case "Name":
      return 1;
    case "Attribute":
      return d(e.value);
    case "Subscript": {
      if (e.slice.kind !== "Slice") return max(d(e.value), plus(1, d(e.slice)));
      // The value, then each bound (None where absent) over it: BINARY_SLICE or BUILD_SLICE + BINARY_SUBSCR.
      const sl = e.slice;
      const part = (x: Expr | null, k: number): number | null => (x === null ? k + 1 : plus(k, d(x)));
      return max(d(e.value), part(sl.lower, 1), part(sl.upper, 2), sl.step === null ? 0 : part(sl.step, 3));
    }
    case "BinOp":
      return max(d(e.left), plus(1, d(e.right)));
    case "UnaryOp":
      return d(e.operand);
    case "Compare": {
      // A chain keeps each middle operand: SWAP 2, COPY 2 before its comparison.
      const n = e.comparators.length;
      const parts: (number | null)[] = [d(e.left)];
      e.comparators.forEach((c, i) => parts.push(i < n - 1 ? max(plus(1, d(c)), 3) : plus(1, d(c))));
      return max(...parts);
    }
    case "BoolOp": {
      const parts: (number | null)[] = [];
      for (const [i, v] of e.values.entries()) {
        const t = i < e.values.length - 1 ? truth(v) : null;
        // A constant's jump is settled at compile time: no COPY is left for it (3.12+).
        parts.push(t === null && rules.boolOpCopies && i < e.values.length - 1 ? max(d(v), 2) : d(v));
        // A constant that decides the result: what follows is dead code, which the optimizer drops.
        if (t !== null && t === (e.op === "Or")) break;
      }
      return max(...parts);
    }
    case "IfExp": {
      // A constant test keeps only the branch it takes.
      const t = truth(e.test);
      return t === true ? d(e.body) : t === false ? d(e.orelse) : max(d(e.test), d(e.body), d(e.orelse));
    }
    case "Call":
      return callDepth(e, d, rules);
    case "Await": {
      // GET_AWAITABLE, then None under SEND, as `yield from` (and 3.12's CLEANUP_THROW handler).
      const v = d(e.value);
      return v === null ? null : Math.max(v, rules.yieldFromDepth);
    }
    case "List":
    case "Tuple":
    case "Set": {
      if (e.elts.some((x) => x.kind === "Starred") || e.elts.length > rules.maxDisplayItems) return null;
      // Three or more constants: an empty list or set extended from one constant (LIST_EXTEND, SET_UPDATE).
      if (e.kind !== "Tuple" && e.elts.length >= 3 && e.elts.every(folded)) return 2;
      return max(1, ...e.elts.map((x, k) => plus(k, d(x))));
    }
    case "Dict": {
      const n = e.keys.length;
      if (e.keys.some((k) => k === null) || 2 * n > rules.maxDisplayItems) return null;
      const keys = e.keys as readonly Expr[];
      // Constant keys (two or more): the values, then the keys' tuple (BUILD_CONST_KEY_MAP).
      if (n > 1 && keys.every(folded)) return max(n + 1, ...e.values.map((v, k) => plus(k, d(v))));
      return max(1, ...keys.flatMap((k, i) => [plus(2 * i, d(k)), plus(2 * i + 1, d(e.values[i] as Expr))]));
    }
    case "JoinedStr": {
      const parts = e.values.map((p) => (p.kind === "FormattedValue" ? (p.formatSpec === null ? d(p.value) : max(d(p.value), plus(1, d(p.formatSpec)))) : 1));
      if (parts.length > rules.maxDisplayItems) return null;
      return max(1, ...parts.map((p, k) => plus(k, p)));
    }
    default:
      return null;
  }
}

/**
 * The depth of `e` as a condition (compiler_jump_if): `not`, `and`/`or` and a conditional
 * expression become jumps on their parts, with nothing kept on the stack between them.
 */
export function testDepth(e: Expr, cx: DepthContext): number | null {
  const t = cx.truth(e);
  if (t !== null) return 1;
  switch (e.kind) {
    case "UnaryOp":
      return e.op === "Not" ? testDepth(e.operand, cx) : exprDepth(e, cx);
    case "BoolOp": {
      const parts: (number | null)[] = [];
      for (const v of e.values) {
        const vt = cx.truth(v);
        // A constant part that settles the test ends it; one that does not is dropped.
        if (vt !== null) {
          if (vt === (e.op === "Or")) break;
          continue;
        }
        parts.push(testDepth(v, cx));
      }
      return parts.length === 0 ? 1 : max(...parts);
    }
    case "IfExp": {
      const tt = cx.truth(e.test);
      if (tt !== null) return testDepth(tt ? e.body : e.orelse, cx);
      return max(testDepth(e.test, cx), testDepth(e.body, cx), testDepth(e.orelse, cx));
    }
    default:
      return exprDepth(e, cx);
  }
}

/** Whether a condition is settled by its constant parts alone (true / false), as the optimizer's jumps make it; null when not. */
function staticTruth(e: Expr, cx: DepthContext): boolean | null {
  const t = cx.truth(e);
  if (t !== null) return t;
  switch (e.kind) {
    case "UnaryOp": {
      if (e.op !== "Not") return null;
      const x = staticTruth(e.operand, cx);
      return x === null ? null : !x;
    }
    case "BoolOp": {
      const parts = e.values.map((v) => staticTruth(v, cx));
      const settles = e.op === "Or";
      if (parts.some((p) => p === settles)) return settles;
      return parts.every((p) => p === !settles) ? !settles : null;
    }
    case "IfExp": {
      const test = staticTruth(e.test, cx);
      if (test !== null) return staticTruth(test ? e.body : e.orelse, cx);
      const a = staticTruth(e.body, cx);
      return a !== null && a === staticTruth(e.orelse, cx) ? a : null;
    }
    default:
      return null;
  }
}

/** The largest of depths, or null when any part is not laid out. */
function max(...xs: (number | null)[]): number | null {
  return xs.some((x) => x === null) ? null : Math.max(...(xs as number[]));
}

/** How many of the names a code reads are its free variables: bound in an enclosing function. */
function freeCount(reads: ReadonlySet<string>, isLocal: (name: string) => boolean, block: Block): number {
  let free = 0;
  for (const name of reads) if (!isLocal(name) && resolve(block, name).kind === "free") free++;
  return free;
}

function plus(k: number, x: number | null): number | null {
  return x === null ? null : k + x;
}

/** A call: the callable and NULL (or self) take two slots under the arguments; 3.13 adds the keyword names. */
function callDepth(
  e: Expr & { kind: "Call" },
  d: (x: Expr) => number | null,
  rules: DepthRules,
): number | null {
  if (e.args.some((a) => a.kind === "Starred") || e.keywords.some((k) => k.arg === null)) return null;
  const n = e.args.length + e.keywords.length;
  if (n > rules.maxDisplayItems) return null;
  const callee = e.func.kind === "Name" ? 2 : e.func.kind === "Attribute" ? max(d(e.func.value), 2) : plus(1, d(e.func));
  const args = [...e.args, ...e.keywords.map((k) => k.value)].map((a, k) => plus(2 + k, d(a)));
  const names = e.keywords.length > 0 && rules.kwNamesOnStack ? 2 + n + 1 : 0;
  return max(callee, 2, ...args, names);
}

/**
 * Names a target binds: a name, or a flat tuple of names, one of them starred (UNPACK_SEQUENCE, or
 * UNPACK_EX for the starred one's list, pushes one value per target); null otherwise.
 */
function targetNames(t: Expr): string[] | null {
  if (t.kind === "Name") return [t.id];
  if (t.kind !== "Tuple" && t.kind !== "List") return null;
  const names: string[] = [];
  for (const x of t.elts) {
    const n = x.kind === "Starred" ? x.value : x;
    if (n.kind !== "Name") return null;
    names.push(n.id);
  }
  return names;
}

/** Every Name read inside `e` (no inner scope may occur: those make the whole thing null beforehand). */
function namesIn(e: Expr, out: Set<string>): void {
  if (e.kind === "Name") out.add(e.id);
  for (const v of Object.values(e)) {
    if (v !== null && typeof v === "object") {
      if (Array.isArray(v)) for (const x of v) visit(x, out);
      else visit(v, out);
    }
  }
}

function visit(v: unknown, out: Set<string>): void {
  if (v !== null && typeof v === "object" && "kind" in v && typeof (v as { kind: unknown }).kind === "string") namesIn(v as Expr, out);
  else if (v !== null && typeof v === "object" && "value" in v && "arg" in v) namesIn((v as { value: Expr }).value, out); // a keyword
}

/**
 * co_nlocalsplus + co_stacksize of a generator expression's code: `.0` and the
 * loop variables, the names it reads from an enclosing function (free), and
 * the stack: each loop's iterator stays on it while the loops inside run.
 */
export function genexprFrameSlots(generators: readonly Comprehension[], elt: Expr, block: Block, cx: DepthContext): number | null {
  const locals = new Set<string>([".0"]);
  let depth: number | null = cx.rules.generatorMinDepth;
  let iters = 1;
  const reads = new Set<string>();
  const deepest = (x: number | null): void => {
    depth = depth === null || x === null ? null : Math.max(depth, x);
  };
  // Free variables are the symbol table's: code the optimizer drops still names them.
  generators.forEach((g, k) => {
    if (k > 0) namesIn(g.iter, reads);
    for (const c of g.ifs) namesIn(c, reads);
  });
  namesIn(elt, reads);
  const frame = (): number | null => {
    if (depth === null) return null;
    return locals.size + freeCount(reads, (n) => locals.has(n), block) + depth;
  };
  for (const [k, g] of generators.entries()) {
    if (g.isAsync) return null;
    if (k > 0) {
      deepest(plus(iters, exprDepth(g.iter, cx)));
      iters++;
    }
    const names = targetNames(g.target);
    if (names === null) return null;
    for (const n of names) locals.add(n);
    deepest(iters + names.length);
    for (const c of g.ifs) {
      // A constant condition: true, it is dropped; false, all that follows is dead code (dropped too).
      const t = cx.truth(c);
      if (t === true) continue;
      if (t === false) return frame();
      deepest(plus(iters, testDepth(c, cx)));
      // A test whose constant parts settle it false (`not (x or 1)`): its jumps never fall through.
      if (staticTruth(c, cx) === false) return frame();
    }
  }
  deepest(plus(iters, exprDepth(elt, cx)));
  return frame();
}

/**
 * co_nlocalsplus + co_stacksize of a generator function's code: its parameters and other
 * locals, the names it reads from an enclosing function, and the deepest stack of a body made
 * of the statements laid out here (expression statements and yields, assignments to names,
 * augmented assignments, returns, if, while and for); null for anything else.
 */
export function generatorFunctionFrameSlots(body: readonly Stmt[], block: Block, cx: DepthContext): number | null {
  const reads = new Set<string>();
  let depth = cx.rules.generatorMinDepth;
  const at = (base: number, x: number | null): boolean => {
    if (x === null) return false;
    depth = Math.max(depth, base + x);
    return true;
  };
  const value = (e: Expr): number | null => {
    namesIn(e, reads);
    if (e.kind === "Yield") return e.value === null ? 1 : exprDepth(e.value, cx);
    // yield from: the iterable, then GET_YIELD_FROM_ITER and None under SEND (and 3.12's CLEANUP_THROW handler).
    if (e.kind === "YieldFrom") {
      const d = exprDepth(e.value, cx);
      return d === null ? null : Math.max(d, cx.rules.yieldFromDepth);
    }
    return exprDepth(e, cx);
  };
  const stmts = (ss: readonly Stmt[], base: number): boolean => ss.every((s) => stmt(s, base));
  // Code the optimizer drops: no depth, but it must still be code pymem lays out, and its names count.
  const dead = (ss: readonly Stmt[]): boolean => {
    const saved = depth;
    const ok = stmts(ss, 0);
    depth = saved;
    return ok;
  };
  const stmt = (s: Stmt, base: number): boolean => {
    switch (s.kind) {
      case "Pass":
      case "Break":
      case "Continue":
        return true;
      case "Expr":
        return at(base, value(s.value));
      case "Return":
        return s.value === null ? at(base, 1) : at(base, value(s.value));
      case "Assign": {
        // `a = b = v`: COPY 1 keeps the value for each target but the last, which takes it.
        if (!at(base, value(s.value))) return false;
        return s.targets.every((t, i) => {
          const names = targetNames(t);
          return names !== null && at(base, i < s.targets.length - 1 ? Math.max(2, 1 + names.length) : names.length);
        });
      }
      case "AugAssign": {
        if (s.target.kind !== "Name") return false;
        namesIn(s.target, reads);
        const v = value(s.value);
        return at(base, v === null ? null : Math.max(1, 1 + v));
      }
      case "If": {
        const t = staticTruth(s.test, cx);
        namesIn(s.test, reads);
        if (cx.truth(s.test) === null && !at(base, testDepth(s.test, cx))) return false;
        // A branch the constant test never takes is dead code, dropped (its names still count).
        if (t === true) return dead(s.orelse) && stmts(s.body, base);
        if (t === false) return dead(s.body) && stmts(s.orelse, base);
        return stmts(s.body, base) && stmts(s.orelse, base);
      }
      case "While": {
        namesIn(s.test, reads);
        if (cx.truth(s.test) === null && !at(base, testDepth(s.test, cx))) return false;
        if (staticTruth(s.test, cx) === false) return dead(s.body) && stmts(s.orelse, base);
        return stmts(s.body, base) && stmts(s.orelse, base);
      }
      case "For": {
        const names = targetNames(s.target);
        if (s.isAsync) {
          // GET_AITER leaves the async iterator under the body; GET_ANEXT's awaitable and None under SEND above it (and 3.12's handler slot).
          if (names === null || !at(base, value(s.iter))) return false;
          return at(base, 1 + cx.rules.yieldFromDepth) && at(base + 1, Math.max(1, names.length)) && stmts(s.body, base + 1) && stmts(s.orelse, base);
        }
        if (names === null || !at(base, value(s.iter))) return false;
        // The iterator stays under the body; FOR_ITER's value, or the names it unpacks into, above it.
        return at(base + 1, Math.max(1, names.length)) && stmts(s.body, base + 1) && stmts(s.orelse, base);
      }
      default:
        return false;
    }
  };
  if (!stmts(body, 0)) return null;
  return block.bound.size + freeCount(reads, (n) => block.bound.has(n), block) + depth;
}
