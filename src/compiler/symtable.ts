// Python's scoping rules, decided before anything runs, as CPython's
// Python/symtable.c does: one block per module, function, lambda, class body
// and comprehension; in each, which names are bound there, declared global or
// nonlocal. A name bound anywhere in a function body is local to all of it.
import type { Arguments, Comprehension, Expr, Keyword, Pattern, Span, Stmt } from "../python/ast.js";

export type BlockKind = "module" | "function" | "class" | "comprehension";

export class Block {
  /** Names bound in this block (assigned, deleted, imported, defined, parameters). */
  readonly bound = new Set<string>();
  readonly declaredGlobal = new Set<string>();
  readonly declaredNonlocal = new Set<string>();
  /** Names read or bound so far while walking the block: `global x` after a use is an error. */
  readonly seen = new Map<string, "use" | "assign">();
  readonly params = new Set<string>();
  /** A comprehension's iteration variables (an assignment expression may not rebind them). */
  readonly iterVars = new Set<string>();
  /** Names an assignment expression in this comprehension (or one inside it) binds outside it. */
  readonly walrusTargets = new Set<string>();
  /** A class body's `self.<name>` stores in the code nested in it (3.13's __static_attributes__). */
  readonly staticAttributes = new Set<string>();

  /** The blocks nested directly in this one. */
  readonly children: Block[] = [];

  constructor(
    readonly kind: BlockKind,
    readonly parent: Block | null,
  ) {
    parent?.children.push(this);
  }

  private slots: Map<string, number> | null = null;

  /**
   * Where a local of this function or comprehension sits in its frame (its
   * co_varnames index): the bound names in the order first bound. Asked only
   * once the whole module is walked, when `bound` is complete.
   */
  localIndex(name: string): number {
    this.slots ??= new Map([...this.bound].map((n, i) => [n, i]));
    const i = this.slots.get(name);
    if (i === undefined) throw new Error(`symtable: '${name}' is not a local of this block`);
    return i;
  }

  /** How many locals a frame of this block holds. */
  get frameSize(): number {
    return this.bound.size;
  }
}

/** Where a name lives, seen from one block. `hops` counts runtime scopes outward (class bodies are not in the chain). */
export type NameRef =
  | { readonly kind: "fast"; readonly index: number } // a function's or comprehension's own local, by its frame index
  | { readonly kind: "name" } // module or class body: the block's namespace, then globals, then builtins
  | { readonly kind: "global" } // explicitly or implicitly global: module namespace, then builtins
  | { readonly kind: "free"; readonly hops: number; readonly index: number } // bound in an enclosing function, at `index` of its frame
  | { readonly kind: "classFree"; readonly hops: number; readonly index: number }; // class body: its namespace first, then the enclosing function's

/** Which version rule decides between a symbol error's two wordings (src/layouts/layout.ts VersionRules). */
export type SymbolErrorRule = "duplicateArgumentAtParam" | "repeatedKeywordNamed";

export class SymbolError extends Error {
  constructor(
    message: string,
    readonly span: Span,
    /** What versions without `rule` say instead (another text or place). */
    readonly older?: { readonly rule: SymbolErrorRule; readonly message: string; readonly span: Span },
  ) {
    super(message);
  }
}

export interface Symtable {
  readonly top: Block;
  /** The block of each FunctionDef, Lambda, ClassDef and comprehension node. */
  readonly blocks: ReadonlyMap<object, Block>;
}

const NAME: NameRef = { kind: "name" };
const GLOBAL: NameRef = { kind: "global" };

/** analyze_name: resolve `name` as seen from `b`. */
export function resolve(b: Block, name: string): NameRef {
  if (b.declaredGlobal.has(name)) return GLOBAL;
  if (b.declaredNonlocal.has(name)) {
    const f = freeTarget(b, name);
    return { kind: "free", hops: f?.hops ?? 1, index: f?.index ?? 0 };
  }
  if (b.bound.has(name)) return b.kind === "function" || b.kind === "comprehension" ? { kind: "fast", index: b.localIndex(name) } : NAME;
  const f = freeTarget(b, name);
  if (f !== null) return b.kind === "class" ? { kind: "classFree", ...f } : { kind: "free", ...f };
  return b.kind === "function" || b.kind === "comprehension" ? GLOBAL : NAME;
}

/** The enclosing function binding `name`: how many runtime scopes outward it is, and the name's index in its frame; null when global. */
function freeTarget(b: Block, name: string): { hops: number; index: number } | null {
  let hops = 0;
  for (let a = b.parent; a !== null; a = a.parent) {
    if (a.kind === "class") continue;
    hops++;
    if (a.kind === "module") return null;
    if (a.declaredGlobal.has(name)) return null;
    if (a.declaredNonlocal.has(name)) continue;
    if (a.bound.has(name)) return { hops, index: a.localIndex(name) };
  }
  return null;
}

/** A free variable of a function block: where its cell lives, seen from the block (as resolve gives it). */
export interface FreeVar {
  readonly name: string;
  readonly hops: number;
  readonly index: number;
}

/**
 * co_freevars of a function or lambda block, sorted by name as the compiler sorts them: the names it
 * uses, binds by nonlocal or passes on to a nested block that are bound in an enclosing function.
 * null when a block under it reads super or __class__ (its implicit __class__ cell is not followed here).
 */
export function freeVars(b: Block): FreeVar[] | null {
  const names = new Set<string>();
  if (!collectFree(b, b, names)) return null;
  const out: FreeVar[] = [];
  for (const name of [...names].sort(codePointOrder)) {
    const r = resolve(b, name);
    if (r.kind === "free") out.push({ name, hops: r.hops, index: r.index });
  }
  return out;
}

function codePointOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The names block `c` (in `top`'s subtree, `dist` runtime scopes inside it) binds in a function
 * enclosing `top`; false on super/__class__ below `top`.
 */
function collectFree(top: Block, c: Block, names: Set<string>, dist = 0): boolean {
  for (const name of [...c.seen.keys(), ...c.declaredNonlocal]) {
    if (c !== top && (name === "super" || name === "__class__")) return false;
    const r = resolve(c, name);
    if ((r.kind === "free" || r.kind === "classFree") && r.hops > dist) names.add(name);
  }
  for (const d of c.children) if (!collectFree(top, d, names, c.kind === "class" ? dist : dist + 1)) return false;
  return true;
}

export function symtableOfModule(body: readonly Stmt[]): Symtable {
  const w = new Walker();
  w.stmts(body);
  return w.finish();
}

export function symtableOfExpression(e: Expr): Symtable {
  const w = new Walker();
  w.expr(e);
  return w.finish();
}

class Walker {
  private cur: Block;
  private readonly top: Block;
  private readonly blocks = new Map<object, Block>();
  /** Nonlocal declarations to check once every block is known. */
  private readonly nonlocals: { block: Block; name: string; span: Span }[] = [];
  /** Inside a comprehension's iterable: an assignment expression there is an error. */
  private inIterable = 0;

  constructor() {
    this.top = new Block("module", null);
    this.cur = this.top;
  }

  finish(): Symtable {
    for (const n of this.nonlocals) {
      if (freeTarget(n.block, n.name) === null) throw new SymbolError(`no binding for nonlocal '${n.name}' found`, n.span);
    }
    return { top: this.top, blocks: this.blocks };
  }

  private enter(node: object, kind: BlockKind, f: () => void): void {
    const b = new Block(kind, this.cur);
    this.blocks.set(node, b);
    const saved = this.cur;
    this.cur = b;
    try {
      f();
    } finally {
      this.cur = saved;
    }
  }

  private bind(name: string): void {
    const b = this.cur;
    if (b.declaredGlobal.has(name) || b.declaredNonlocal.has(name)) return;
    b.bound.add(name);
    if (!b.seen.has(name)) b.seen.set(name, "assign");
  }

  private use(name: string): void {
    if (!this.cur.seen.has(name)) this.cur.seen.set(name, "use");
  }

  stmts(body: readonly Stmt[]): void {
    for (const s of body) this.stmt(s);
  }

  private stmt(s: Stmt): void {
    switch (s.kind) {
      case "Expr":
        this.expr(s.value);
        return;
      case "Assign":
        this.expr(s.value);
        for (const t of s.targets) this.target(t);
        return;
      case "AugAssign":
        this.expr(s.value);
        if (s.target.kind === "Name") this.use(s.target.id);
        this.target(s.target);
        return;
      case "AnnAssign":
        if (s.value !== null) this.expr(s.value);
        this.expr(s.annotation);
        if (s.target.kind === "Name") {
          const name = s.target.id;
          if (this.cur.declaredGlobal.has(name) || this.cur.declaredNonlocal.has(name)) {
            const which = this.cur.declaredGlobal.has(name) ? "global" : "nonlocal";
            throw new SymbolError(`annotated name '${name}' can't be ${which}`, s.span);
          }
        }
        this.target(s.target);
        return;
      case "Delete":
        for (const t of s.targets) this.target(t, false);
        return;
      case "Pass":
      case "Break":
      case "Continue":
        return;
      case "Return":
        if (s.value !== null) this.expr(s.value);
        return;
      case "Raise":
        if (s.exc !== null) this.expr(s.exc);
        if (s.cause !== null) this.expr(s.cause);
        return;
      case "Global":
      case "Nonlocal":
        this.declare(s.kind, s.names, s.span);
        return;
      case "Assert":
        this.expr(s.test);
        if (s.msg !== null) this.expr(s.msg);
        return;
      case "Import":
        for (const a of s.names) this.bind(a.asname ?? (a.name.split(".")[0] as string));
        return;
      case "ImportFrom":
        for (const a of s.names) {
          if (a.name === "*") {
            if (this.cur.kind !== "module") throw new SymbolError("import * only allowed at module level", s.span);
            continue;
          }
          this.bind(a.asname ?? a.name);
        }
        return;
      case "If":
      case "While":
        this.expr(s.test);
        this.stmts(s.body);
        this.stmts(s.orelse);
        return;
      case "For":
        this.expr(s.iter);
        this.target(s.target);
        this.stmts(s.body);
        this.stmts(s.orelse);
        return;
      case "FunctionDef":
        for (const d of s.decorators) this.expr(d);
        this.argumentDefaults(s.args);
        if (s.returns !== null) this.expr(s.returns);
        this.bind(s.name);
        this.enter(s, "function", () => {
          this.parameters(s.args, s.span);
          this.stmts(s.body);
        });
        return;
      case "ClassDef":
        for (const d of s.decorators) this.expr(d);
        for (const b of s.bases) this.expr(b);
        for (const k of s.keywords) this.expr(k.value);
        this.bind(s.name);
        this.enter(s, "class", () => this.stmts(s.body));
        return;
      case "Try":
        this.stmts(s.body);
        for (const h of s.handlers) {
          if (h.type !== null) this.expr(h.type);
          if (h.name !== null) this.bind(h.name);
          this.stmts(h.body);
        }
        this.stmts(s.orelse);
        this.stmts(s.finalbody);
        return;
      case "With":
        for (const item of s.items) {
          this.expr(item.contextExpr);
          if (item.optionalVars !== null) this.target(item.optionalVars);
        }
        this.stmts(s.body);
        return;
      case "Match":
        this.expr(s.subject);
        for (const c of s.cases) {
          this.pattern(c.pattern);
          if (c.guard !== null) this.expr(c.guard);
          this.stmts(c.body);
        }
        return;
    }
  }

  /** symtable_visit_pattern: captures bind names; values, keys and class names are read. */
  private pattern(p: Pattern): void {
    switch (p.kind) {
      case "MatchValue":
        this.expr(p.value);
        return;
      case "MatchSingleton":
        return;
      case "MatchSequence":
      case "MatchOr":
        for (const x of p.patterns) this.pattern(x);
        return;
      case "MatchStar":
        if (p.name !== null) this.bind(p.name);
        return;
      case "MatchMapping":
        for (const k of p.keys) this.expr(k);
        for (const x of p.patterns) this.pattern(x);
        if (p.rest !== null) this.bind(p.rest);
        return;
      case "MatchClass":
        this.expr(p.cls);
        for (const x of p.patterns) this.pattern(x);
        for (const x of p.kwdPatterns) this.pattern(x);
        return;
      case "MatchAs":
        if (p.pattern !== null) this.pattern(p.pattern);
        if (p.name !== null) this.bind(p.name);
        return;
    }
  }

  /** symtable_visit_stmt's Global_kind / Nonlocal_kind checks. */
  private declare(kind: "Global" | "Nonlocal", names: readonly string[], span: Span): void {
    const b = this.cur;
    const word = kind === "Global" ? "global" : "nonlocal";
    if (kind === "Nonlocal" && b.kind === "module") throw new SymbolError("nonlocal declaration not allowed at module level", span);
    for (const name of names) {
      if (b.params.has(name)) throw new SymbolError(`name '${name}' is parameter and ${word}`, span);
      if (kind === "Global" && b.declaredNonlocal.has(name)) throw new SymbolError(`name '${name}' is nonlocal and global`, span);
      if (kind === "Nonlocal" && b.declaredGlobal.has(name)) throw new SymbolError(`name '${name}' is nonlocal and global`, span);
      const seen = b.seen.get(name);
      if (seen !== undefined) {
        throw new SymbolError(`name '${name}' is ${seen === "use" ? "used prior to" : "assigned to before"} ${word} declaration`, span);
      }
      if (kind === "Global") b.declaredGlobal.add(name);
      else {
        b.declaredNonlocal.add(name);
        this.nonlocals.push({ block: b, name, span });
      }
    }
  }

  private argumentDefaults(a: Arguments): void {
    for (const d of a.defaults) this.expr(d);
    for (const d of a.kwDefaults) if (d !== null) this.expr(d);
    for (const p of [...a.posonlyargs, ...a.args, ...a.kwonlyargs, a.vararg, a.kwarg]) {
      if (p !== null && p.annotation !== null) this.expr(p.annotation);
    }
  }

  /** validate_keywords (ast.c in 3.8): a keyword given twice in one call, at its second use. */
  private repeatedKeyword(keywords: readonly Keyword[]): void {
    const seen = new Set<string>();
    for (const k of keywords) {
      if (k.arg === null) continue;
      if (seen.has(k.arg)) throw new SymbolError(`keyword argument repeated: ${k.arg}`, k.span, { rule: "repeatedKeywordNamed", message: "keyword argument repeated", span: k.span });
      seen.add(k.arg);
    }
  }

  private parameters(a: Arguments, defSpan: Span): void {
    for (const p of [...a.posonlyargs, ...a.args, a.vararg, ...a.kwonlyargs, a.kwarg]) {
      if (p === null) continue;
      // symtable_add_def: at the parameter from 3.10, at the def or lambda before.
      const message = `duplicate argument '${p.arg}' in function definition`;
      if (this.cur.params.has(p.arg)) throw new SymbolError(message, p.span, { rule: "duplicateArgumentAtParam", message, span: defSpan });
      this.cur.params.add(p.arg);
      this.bind(p.arg);
    }
  }

  /** An assignment or deletion target: names are bound, everything else is read. */
  private target(t: Expr, store = true): void {
    switch (t.kind) {
      case "Name":
        this.bind(t.id);
        return;
      case "Tuple":
      case "List":
        for (const x of t.elts) this.target(x, store);
        return;
      case "Starred":
        this.target(t.value, store);
        return;
      case "Attribute":
        // compiler_maybe_add_static_attribute_to_class: a store to self.<name> counts for the nearest class enclosing this block.
        if (store && t.value.kind === "Name" && t.value.id === "self") {
          for (let b = this.cur.parent; b !== null; b = b.parent) {
            if (b.kind === "class") {
              b.staticAttributes.add(t.attr);
              break;
            }
          }
        }
        this.expr(t);
        return;
      default:
        this.expr(t);
    }
  }

  expr(e: Expr): void {
    if (e.kind === "Call") this.repeatedKeyword(e.keywords);
    switch (e.kind) {
      case "Name":
        this.use(e.id);
        return;
      case "Lambda":
        this.argumentDefaults(e.args);
        this.enter(e, "function", () => {
          this.parameters(e.args, e.span);
          this.expr(e.body);
        });
        return;
      case "ListComp":
      case "SetComp":
      case "GeneratorExp":
        this.comprehension(e, e.generators, [e.elt]);
        return;
      case "DictComp":
        this.comprehension(e, e.generators, [e.key, e.value]);
        return;
      case "NamedExpr":
        this.namedExpr(e);
        return;
      default:
        this.children(e);
    }
  }

  private children(e: Expr): void {
    for (const [key, v] of Object.entries(e)) {
      if (key === "span" || key === "kind" || v === null || typeof v !== "object") continue;
      if (Array.isArray(v)) {
        for (const x of v as unknown[]) if (isNode(x)) this.expr(x);
      } else if (isNode(v)) this.expr(v);
    }
    if (e.kind === "Call") for (const k of e.keywords) this.expr(k.value);
  }

  private comprehension(node: Expr, gens: readonly Comprehension[], elts: readonly Expr[]): void {
    const first = gens[0];
    if (first === undefined) return;
    this.iterable(first.iter);
    this.enter(node, "comprehension", () => {
      gens.forEach((g, i) => {
        if (i > 0) this.iterable(g.iter);
        this.iterTarget(g.target);
        for (const c of g.ifs) this.expr(c);
      });
      for (const x of elts) this.expr(x);
    });
  }

  private iterable(e: Expr): void {
    this.inIterable++;
    try {
      this.expr(e);
    } finally {
      this.inIterable--;
    }
  }

  private iterTarget(t: Expr): void {
    if (t.kind === "Name") {
      if (this.cur.walrusTargets.has(t.id)) throw new SymbolError(`comprehension inner loop cannot rebind assignment expression target '${t.id}'`, t.span);
      this.cur.iterVars.add(t.id);
    }
    if (t.kind === "Tuple" || t.kind === "List") for (const x of t.elts) this.iterTarget(x.kind === "Starred" ? x.value : x);
    this.target(t);
  }

  /** symtable_extend_namedexpr_scope: in a comprehension, the target belongs to the enclosing function or module. */
  private namedExpr(e: Extract<Expr, { kind: "NamedExpr" }>): void {
    if (this.inIterable > 0) throw new SymbolError("assignment expression cannot be used in a comprehension iterable expression", e.span);
    this.expr(e.value);
    if (e.target.kind !== "Name") return;
    const name = e.target.id;
    if (this.cur.kind !== "comprehension") {
      this.bind(name);
      return;
    }
    for (let b: Block | null = this.cur; b !== null; b = b.parent) {
      if (b.kind === "comprehension") {
        if (b.iterVars.has(name)) throw new SymbolError(`assignment expression cannot rebind comprehension iteration variable '${name}'`, e.span);
        b.walrusTargets.add(name);
        continue;
      }
      if (b.kind === "class") throw new SymbolError("assignment expression within a comprehension cannot be used in a class body", e.span);
      // Bound in the enclosing function (free in every comprehension between) or global at module level.
      if (b.kind === "module" || b.declaredGlobal.has(name)) {
        for (let c: Block | null = this.cur; c !== b && c !== null; c = c.parent) c.declaredGlobal.add(name);
        if (b.kind === "module") b.bound.add(name);
      } else {
        if (!b.declaredGlobal.has(name) && !b.declaredNonlocal.has(name)) b.bound.add(name);
        for (let c: Block | null = this.cur; c !== b && c !== null; c = c.parent) c.declaredNonlocal.add(name);
      }
      return;
    }
  }
}

function isNode(x: unknown): x is Expr {
  return typeof x === "object" && x !== null && "kind" in x;
}
