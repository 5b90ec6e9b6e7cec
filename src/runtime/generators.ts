// Generator functions that suspend for real: the body of a `def` that yields is
// compiled into JS generators, so each next() runs the body to its next yield
// and no further, as CPython's frames do. Statements without a yield run as the
// ordinary compiled closures; a yield may stand as a statement, as the value of
// an assignment, or inside if/while/for/match bodies; anywhere else it is refused by name.
import { contextMethods, exitNormally, exitSwallows } from "./withProtocol.js";
import { generatorReturnValue, generatorSend, isGeneratorObject, runningGenerator, type Sent } from "./generatorObject.js";
export { generatorReturnValue, generatorThrow, makeGenerator } from "./generatorObject.js";
import { asyncFor, asyncWith } from "./asyncStatements.js";
import { wrapYielded } from "./asyncGenerators.js";
import { awaitSteps } from "./coroutines.js";
import { callBound } from "./userDunders.js";
import type { Expr, Stmt } from "../python/ast.js";
import type { Compiler } from "./compile.js";
import { truthy } from "./compare.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError, exceptStarRefusal } from "./errors.js";
import { runHandlers } from "./exceptions.js";
import { Break, Continue, Return, type Completion } from "./flow.js";
import { getIter } from "./iteration.js";
import { compileMatch } from "./matchStmt.js";
import { None, type PyObj, type Scope } from "./objects.js";
import { materialize } from "./seq.js";
import type { Target } from "./targets.js";

/** A compiled statement; what it gives back says how it ended (nothing: normally). */
type Exec = (sc: Scope) => Completion | void;
/** A suspendable statement: yields Python values, returns when the statement is done. */
type GenExec = (sc: Scope) => Generator<PyObj, void, Sent>;

// eslint-disable-next-line require-yield
const refuseExceptStar: GenExec = function* () {
  throw exceptStarRefusal();
};
/** A yield or yield from: suspends, then gives the value of the expression (what send() passed, what the subiterator returned). */
type YieldExec = (sc: Scope) => Generator<PyObj, PyObj, Sent>;

/** Whether a node holds a yield of its own (not one of a nested def, class or lambda). */
export function hasYield(node: unknown): boolean {
  if (node === null || typeof node !== "object") return false;
  if (Array.isArray(node)) return node.some(hasYield);
  const k = (node as { kind?: string }).kind;
  if (k === "Yield" || k === "YieldFrom") return true;
  if (k === "FunctionDef" || k === "ClassDef" || k === "Lambda") return false;
  for (const [key, v] of Object.entries(node)) if (key !== "span" && hasYield(v)) return true;
  return false;
}

/** Whether a node holds an await, async for or async with of its own (not one of a nested def, class or lambda). */
export function hasAwait(node: unknown): boolean {
  if (node === null || typeof node !== "object") return false;
  if (Array.isArray(node)) return node.some(hasAwait);
  const n = node as { kind?: string; isAsync?: boolean };
  if (n.kind === "Await" || ((n.kind === "For" || n.kind === "With") && n.isAsync === true)) return true;
  if (n.kind === "FunctionDef" || n.kind === "ClassDef" || n.kind === "Lambda") return false;
  for (const [key, v] of Object.entries(node)) if (key !== "span" && hasAwait(v)) return true;
  return false;
}

/** What kind of body: a generator's, a coroutine's (its awaits suspend) or an async generator's (its yields are wrapped too). */
export type BodyKind = "generator" | "coroutine" | "async generator";

export class GeneratorBodyCompiler {
  constructor(
    private readonly c: Compiler,
    /** The ordinary statement compiler, for statements that do not yield. */
    private readonly plain: (s: Stmt) => Exec,
    private readonly kind: BodyKind = "generator",
  ) {}

  /** Whether a node suspends the body: a yield, or in an async body an await. */
  private suspends(node: unknown): boolean {
    return hasYield(node) || (this.kind !== "generator" && hasAwait(node));
  }

  block(body: readonly Stmt[]): GenExec {
    const parts = body.map((s) => this.stmt(s));
    return function* (sc) {
      for (const p of parts) yield* p(sc);
    };
  }

  /** A statement that does not suspend, run whole: its awaits, if any, run in place. */
  private plainGen(s: Stmt): GenExec {
    const f = this.plain(s);
    return function* (sc) {
      // A break, continue or return of a statement without a yield travels on as a throw here.
      const r = f(sc);
      if (r !== undefined) throw r;
    };
  }

  private stmt(s: Stmt): GenExec {
    if (!this.suspends(s)) return this.plainGen(s);
    switch (s.kind) {
      case "Expr": {
        if (s.value.kind !== "Yield" && s.value.kind !== "YieldFrom" && s.value.kind !== "Await") break;
        const y = this.yieldExpr(s.value, s);
        return function* (sc) {
          yield* y(sc);
        };
      }
      case "Assign": {
        if (this.suspends(s.targets)) break;
        if (s.value.kind === "Await" && !hasYield(s.value.value)) {
          const aw = this.c.expr(s.value.value).run;
          const targets: Target[] = s.targets.map((t) => this.c.target(t));
          return function* (sc) {
            const v = yield* awaitSteps(aw(sc));
            for (const t of targets) t(sc, v);
          };
        }
        if (s.value.kind !== "Yield" && s.value.kind !== "YieldFrom") break;
        const y = this.yieldExpr(s.value, s);
        const targets: Target[] = s.targets.map((t) => this.c.target(t));
        return function* (sc) {
          const v = yield* y(sc);
          for (const t of targets) t(sc, v);
        };
      }
      case "Return": {
        if (s.value === null || s.value.kind !== "Await" || hasYield(s.value.value)) break;
        const aw = this.c.expr(s.value.value).run;
        return function* (sc) {
          throw new Return(yield* awaitSteps(aw(sc)));
        };
      }
      case "Match": {
        if (hasYield(s.subject) || s.cases.some((k) => hasYield(k.pattern) || hasYield(k.guard))) break;
        const choose = compileMatch(s, this.c);
        const bodies = s.cases.map((k) => this.block(k.body));
        return function* (sc) {
          const i = choose(sc);
          if (i >= 0) yield* (bodies[i] as GenExec)(sc);
        };
      }
      case "If": {
        if (hasYield(s.test)) break;
        const test = this.c.expr(s.test).run;
        const body = this.block(s.body);
        const orelse = this.block(s.orelse);
        return function* (sc) {
          yield* truthy(test(sc)) ? body(sc) : orelse(sc);
        };
      }
      case "While": {
        if (hasYield(s.test)) break;
        const test = this.c.expr(s.test).run;
        const body = this.block(s.body);
        const orelse = this.block(s.orelse);
        return function* (sc) {
          while (truthy(test(sc))) {
            ctx().tick();
            if ((yield* loopBody(body, sc)) === "break") return;
          }
          yield* orelse(sc);
        };
      }
      case "For": {
        if (hasYield(s.iter) || hasYield(s.target)) break;
        // In a plain generator an async for is the compiler's SyntaxError, which the statement compiler raises.
        if (s.isAsync && this.kind === "generator") return this.plainGen(s);
        if (s.isAsync) return asyncFor(this.c.expr(s.iter).run, this.c.target(s.target), this.block(s.body), this.block(s.orelse), loopBody);
        const iter = this.c.expr(s.iter).run;
        const target = this.c.target(s.target);
        const body = this.block(s.body);
        const orelse = this.block(s.orelse);
        return function* (sc) {
          const it = getIter(iter(sc));
          for (let x = it.next(); x !== undefined; x = it.next()) {
            ctx().tick();
            target(sc, x);
            if ((yield* loopBody(body, sc)) === "break") return;
          }
          yield* orelse(sc);
        };
      }
      case "Try":
        if (s.handlers.some((h) => hasYield(h.type) || hasYield(h.body))) break;
        return this.tryStmt(s);
      case "With":
        if (s.items.some((it) => hasYield(it.contextExpr) || hasYield(it.optionalVars))) break;
        if (s.isAsync && this.kind === "generator") return this.plainGen(s);
        if (s.isAsync) return asyncWith(s.items.map((it) => ({ ctx: this.c.expr(it.contextExpr).run, target: it.optionalVars === null ? null : this.c.target(it.optionalVars) })), this.block(s.body), tracked);
        return this.withStmt(s);
      default:
        break;
    }
    // Awaits where the body cannot suspend run in place (an async for or with there is refused by the statement compiler).
    if (!hasYield(s)) return this.plainGen(s);
    throw new PymemError("UNSUPPORTED", `a yield inside ${describe(s)} is not supported by pymem yet`, s.span);
  }

  /**
   * A with statement whose body yields: the protocol of the ordinary `with`
   * (withProtocol.ts), __exit__ on every way out of the body. While the frame
   * is suspended inside it, CPython would call __exit__ when it frees the
   * generator: tracked as a try is, so such an evaluation is refused.
   */
  private withStmt(s: Extract<Stmt, { kind: "With" }>): GenExec {
    const items = s.items.map((it) => ({ ctx: this.c.expr(it.contextExpr).run, target: it.optionalVars === null ? null : this.c.target(it.optionalVars) }));
    const body = this.block(s.body);
    const run = function* (sc: Scope, i: number): Generator<PyObj, void, undefined> {
      const item = items[i];
      if (item === undefined) {
        yield* body(sc);
        return;
      }
      const mgr = item.ctx(sc);
      const { enter, exit } = contextMethods(mgr);
      const v = callBound(enter, mgr, []);
      if (item.target !== null) item.target(sc, v);
      const st = runningGenerator();
      st.tryDepth++;
      try {
        yield* run(sc, i + 1);
      } catch (e) {
        if (!(e instanceof PyException)) {
          // A break, continue or return of the body leaves it normally.
          if (e instanceof Error) throw e;
          exitNormally(mgr, exit);
          throw e;
        }
        if (exitSwallows(mgr, exit, e)) return;
        throw e;
      } finally {
        st.tryDepth--;
      }
      exitNormally(mgr, exit);
    };
    return (sc) => run(sc, 0);
  }

  /**
   * A try statement whose body, else or finally yields (its handlers may not:
   * the exception being handled would stay pushed while the frame is suspended).
   * As the ordinary try: handlers by class, the bound name deleted after, and
   * `finally` on every way out — a break/continue/return of its own (thrown
   * here) replaces the pending exception, as JS's finally does.
   */
  private tryStmt(s: Extract<Stmt, { kind: "Try" }>): GenExec {
    if (s.handlers.some((h) => h.star === true)) return refuseExceptStar;
    const body = this.block(s.body);
    const handlers = s.handlers.map((h) => ({
      type: h.type === null ? null : this.c.expr(h.type).run,
      store: h.name === null ? null : this.c.storeName(h.name),
      del: h.name === null ? null : this.c.deleteName(h.name),
      body: plainBlock(h.body.map((x) => this.plain(x))),
    }));
    const orelse = this.block(s.orelse);
    const finalbody = s.finalbody.length === 0 ? null : this.block(s.finalbody);
    const guarded = function* (sc: Scope): Generator<PyObj, void, undefined> {
      try {
        yield* body(sc);
      } catch (e) {
        if (!(e instanceof PyException) || handlers.length === 0) throw e;
        const r = runHandlers(handlers, sc, e);
        // A break, continue or return of the handler travels on as a throw here.
        if (r !== undefined) throw r;
        return;
      }
      yield* orelse(sc);
    };
    // Handlers that only catch Exception's subclasses let the GeneratorExit of CPython's close-on-free pass: no work left.
    const typeExprs = s.handlers.map((h) => h.type);
    const plainNames = finalbody === null && typeExprs.every((t) => t !== null && (t.kind === "Name" || (t.kind === "Tuple" && t.elts.every((x) => x.kind === "Name"))));
    if (plainNames) {
      const types = handlers.map((h) => h.type as NonNullable<typeof h.type>);
      const tracking = tracked(guarded);
      return function* (sc) {
        yield* (types.every((t) => catchesOnlyExceptions(t(sc))) ? guarded : tracking)(sc);
      };
    }
    if (finalbody === null) return tracked(guarded);
    return tracked(function* (sc) {
      try {
        yield* guarded(sc);
      } finally {
        yield* finalbody(sc);
      }
    });
  }

  /** `yield v` / `yield from it` as a whole statement or assigned value. */
  private yieldExpr(e: Expr, s: Stmt): YieldExec {
    if (e.kind === "Yield") {
      const value = e.value === null ? null : this.c.expr(e.value).run;
      if (e.value !== null && hasYield(e.value)) throw unsupportedNested(s);
      // An async generator's values are wrapped, told apart from what its awaits pass up to the loop.
      const wrap = this.kind === "async generator" ? wrapYielded : (v: PyObj): PyObj => v;
      return function* (sc) {
        // The value of the yield expression: what send() passed in (next(): None).
        const sent = yield wrap(value === null ? None : value(sc));
        return sent ?? None;
      };
    }
    if (e.kind === "Await") {
      if (hasYield(e.value)) throw unsupportedNested(s);
      const value = this.c.expr(e.value).run;
      return function* (sc) {
        return yield* awaitSteps(value(sc));
      };
    }
    if (e.kind === "YieldFrom") {
      if (hasYield(e.value)) throw unsupportedNested(s);
      const value = this.c.expr(e.value).run;
      return function* (sc) {
        const inner = value(sc);
        const it = getIter(inner);
        // YIELD_FROM: next() of the subiterator for None, its send() for any other value.
        for (let x = it.next(); x !== undefined; ) {
          const sent = yield x;
          if (sent === undefined || sent === None) x = it.next();
          else if (isGeneratorObject(it)) x = generatorSend(it, sent);
          else throw new PymemError("UNSUPPORTED", "send() through yield from into an iterator that is not a generator", s.span);
        }
        return isGeneratorObject(it) ? generatorReturnValue(it) : None;
      };
    }
    throw unsupportedNested(s);
  }
}

/** An except clause's class (or tuple of them) that GeneratorExit, a BaseException, never matches. */
function catchesOnlyExceptions(t: PyObj): boolean {
  const items = t.t === "tuple" ? materialize(t.items) : [t];
  return items.every((c) => c.t === "class" && c.static === true && c.mro.some((m) => m.static === true && m.name === "Exception"));
}

/** A statement inside which a suspension leaves work for CPython's close-on-free (a try, a with): tracked while the frame is in it. */
function tracked(inner: GenExec): GenExec {
  return function* (sc) {
    const st = runningGenerator();
    st.tryDepth++;
    try {
      yield* inner(sc);
    } finally {
      st.tryDepth--;
    }
  };
}

/** Statements without a yield, in order: the first that ends otherwise than normally ends the block. */
function plainBlock(parts: readonly Exec[]): Exec {
  return (sc) => {
    for (const p of parts) {
      const r = p(sc);
      if (r !== undefined) return r;
    }
    return undefined;
  };
}

/** One pass of a loop body: `break` ends the loop (its else is skipped), `continue` the pass. */
function* loopBody(body: GenExec, sc: Scope): Generator<PyObj, "break" | "next", undefined> {
  try {
    yield* body(sc);
  } catch (e) {
    if (e instanceof Break) return "break";
    if (!(e instanceof Continue)) throw e;
  }
  return "next";
}

function unsupportedNested(s: Stmt): PymemError {
  return new PymemError("UNSUPPORTED", "a yield nested inside an expression is not supported by pymem yet", s.span);
}

function describe(s: Stmt): string {
  switch (s.kind) {
    case "Assign":
      return "an assignment other than `x = yield v`";
    case "AugAssign":
      return "an augmented assignment";
    case "Return":
      return "a return statement";
    default:
      return `a ${s.kind.toLowerCase()} statement`;
  }
}
