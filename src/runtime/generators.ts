// Generator functions that suspend for real: the body of a `def` that yields is
// compiled into JS generators, so each next() runs the body to its next yield
// and no further, as CPython's frames do. Statements without a yield run as the
// ordinary compiled closures; a yield may stand as a statement, as the value of
// an assignment, or inside if/while/for/match bodies; anywhere else it is refused by name.
import { contextMethods, exitNormally, exitSwallows } from "./withProtocol.js";
import { callBound } from "./userDunders.js";
import type { Expr, Stmt } from "../python/ast.js";
import type { Compiler } from "./compile.js";
import { truthy } from "./compare.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError, valueError } from "./errors.js";
import { runHandlers } from "./exceptions.js";
import { Break, Continue, Return, type Completion } from "./flow.js";
import { getIter } from "./iteration.js";
import { makeIter } from "./iterObject.js";
import { compileMatch } from "./matchStmt.js";
import { None, type PyObj, type Scope } from "./objects.js";
import type { Target } from "./targets.js";

/** A compiled statement; what it gives back says how it ended (nothing: normally). */
type Exec = (sc: Scope) => Completion | void;
/** A suspendable statement: yields Python values, returns when the statement is done. */
type GenExec = (sc: Scope) => Generator<PyObj, void, undefined>;

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

export class GeneratorBodyCompiler {
  constructor(
    private readonly c: Compiler,
    /** The ordinary statement compiler, for statements that do not yield. */
    private readonly plain: (s: Stmt) => Exec,
  ) {}

  block(body: readonly Stmt[]): GenExec {
    const parts = body.map((s) => this.stmt(s));
    return function* (sc) {
      for (const p of parts) yield* p(sc);
    };
  }

  private stmt(s: Stmt): GenExec {
    if (!hasYield(s)) {
      const f = this.plain(s);
      return function* (sc) {
        // A break, continue or return of a statement without a yield travels on as a throw here.
        const r = f(sc);
        if (r !== undefined) throw r;
      };
    }
    switch (s.kind) {
      case "Expr":
        return this.yieldExpr(s.value, s);
      case "Assign": {
        if (s.value.kind !== "Yield" || hasYield(s.targets)) break;
        const y = this.yieldExpr(s.value, s);
        const targets: Target[] = s.targets.map((t) => this.c.target(t));
        return function* (sc) {
          yield* y(sc);
          // pymem does not model generator.send(): the value of a yield expression is None.
          for (const t of targets) t(sc, None);
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
        if (hasYield(s.iter) || hasYield(s.target) || s.isAsync) break;
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
        if (s.isAsync || s.items.some((it) => hasYield(it.contextExpr) || hasYield(it.optionalVars))) break;
        return this.withStmt(s);
      default:
        break;
    }
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
    const tracked = (inner: GenExec): GenExec => function* (sc) {
      // While the frame is inside this try, a suspension leaves work for CPython's close-on-free.
      const st = runningGenerator();
      st.tryDepth++;
      try {
        yield* inner(sc);
      } finally {
        st.tryDepth--;
      }
    };
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
  private yieldExpr(e: Expr, s: Stmt): GenExec {
    if (e.kind === "Yield") {
      const value = e.value === null ? null : this.c.expr(e.value).run;
      if (e.value !== null && hasYield(e.value)) throw unsupportedNested(s);
      return function* (sc) {
        yield value === null ? None : value(sc);
      };
    }
    if (e.kind === "YieldFrom") {
      if (hasYield(e.value)) throw unsupportedNested(s);
      const value = this.c.expr(e.value).run;
      return function* (sc) {
        const it = getIter(value(sc));
        for (let x = it.next(); x !== undefined; x = it.next()) yield x;
      };
    }
    throw unsupportedNested(s);
  }
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

/**
 * The generator object of one call: each next() resumes the body up to its
 * next yield. A return (or the end of the body) exhausts it.
 */
/** A generator's frame state that its body's statements read while it runs. */
interface GenState {
  /** How many try statements the frame is inside. */
  tryDepth: number;
}

const runningStates: GenState[] = [];

function runningGenerator(): GenState {
  const st = runningStates[runningStates.length - 1];
  if (st === undefined) throw new PymemError("UNSUPPORTED", "a generator body outside its generator");
  return st;
}

/** One resumption of a generator body: its state current while it runs, its suspension inside a try recorded. */
function resume<T>(g: object, st: GenState, step: () => T): T {
  runningStates.push(st);
  try {
    return step();
  } finally {
    runningStates.pop();
    const pending = ctx().suspendedInTry;
    if (st.tryDepth > 0) pending.add(g);
    else pending.delete(g);
  }
}

export function makeGenerator(start: () => Generator<PyObj, void, undefined>, qualname: string, frameSlots: number | null = null): PyObj {
  let gen: Generator<PyObj, void, undefined> | null = null;
  let done = false;
  let running = false;
  const st: GenState = { tryDepth: 0 };
  let self: object | null = null;
  const it = makeIter(
    "generator",
    () => {
      if (done) return undefined;
      if (running) throw valueError("generator already executing");
      gen ??= start();
      running = true;
      const g = gen;
      try {
        const r = resume(self ?? g, st, () => g.next());
        if (r.done !== true) return r.value;
      } catch (e) {
        done = true;
        if (e instanceof Return) return undefined;
        throw e;
      } finally {
        running = false;
      }
      done = true;
      return undefined;
    },
    () => null,
  );
  const g: PyObj = { ...it, qualname, frameSlots };
  self = g;
  throwers.set(g, (e) => {
    // gen_send_ex of an unstarted or finished generator: the exception comes straight back.
    if (done || gen === null) {
      done = true;
      throw e;
    }
    if (running) throw valueError("generator already executing");
    running = true;
    const gn = gen;
    try {
      const r = resume(g, st, () => gn.throw(e));
      if (r.done !== true) return r.value;
    } catch (x) {
      done = true;
      if (x instanceof Return) return undefined;
      throw x;
    } finally {
      running = false;
    }
    done = true;
    return undefined;
  });
  return g;
}

const throwers = new WeakMap<PyObj, (e: PyException) => PyObj | undefined>();

/**
 * generator.throw(exc): the exception raised at the yield where the body is
 * suspended; the next value it yields, or undefined when the body then ends
 * (StopIteration). An exception the body lets out is thrown on.
 */
export function generatorThrow(g: PyObj, e: PyException): PyObj | undefined {
  const t = throwers.get(g);
  if (t === undefined) throw new PymemError("UNSUPPORTED", "throw() into this generator");
  return t(e);
}
