// Setup statements, compiled once into closures (a def body runs many times):
// assignments, imports of the offered modules, control flow with bounded work,
// def (functions with return) and class (with decorators such as @dataclass).
import { isAsciiIdentifierChars } from "./text.js";
import { compileDefaults, setFunctionDefaults } from "./functionDefaults.js";
import { intern } from "./constPool.js";
import { setAnnotations, setFunctionDoc } from "./functionDicts.js";
import { contextMethods, exitNormally, exitSwallows } from "./withProtocol.js";
import { classHooks } from "./classHooks.js";
import { buildClassStatement } from "./classStatement.js";
import { mangle } from "./classes.js";
import { opaque } from "./opaqueObjects.js";
import { SETUP_MODULE } from "./typeNew.js";
import { generatorFunctionFrameSlots } from "../compiler/stackDepth.js";
import type { Expr, Stmt } from "../python/ast.js";
import { callObject } from "./calls.js";
import { compileMatch } from "./matchStmt.js";
import { Compiler } from "./compile.js";
import { BREAK, Break, CONTINUE, Continue, Return, type Completion } from "./flow.js";
import { GeneratorBodyCompiler, hasYield, makeGenerator, type BodyKind } from "./generators.js";
import { checkAsyncBody, makeCoroutine, markCoroutineFunction } from "./coroutines.js";
import { makeAsyncGenerator } from "./asyncGenerators.js";
import { inPlaceAsyncIter } from "./asyncComprehensions.js";
import { truthy } from "./compare.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError, exceptStarRefusal } from "./errors.js";
import { PURE_STDLIB_MODULES } from "./pureStdlibModules.js";
import { inplaceOp } from "./inplace.js";
import { forEachUntil } from "./iteration.js";
import { delAttr } from "./attributes.js";
import type { PyInstanceObj, PyModuleObj, PyObj, Scope } from "./objects.js";
import { missingAttribute, noteStarImport } from "./missingAttribute.js";
import { None, pyInt, pyStr } from "./objects.js";
import { newTuple } from "./tuples.js";
import { bindArguments, frameLayout, paramSpec, type FrameLayout } from "./params.js";
import { delItem } from "./subscript.js";
import { dictSet, newDict } from "./dicts.js";
import { classCells, type ClassCell, type FrameWithCell } from "./superObjects.js";
import { exceptionClasses, raiseException, reraise, runHandlers } from "./exceptions.js";
import { callBound } from "./userDunders.js";
import { moduleAttr, moduleItems } from "./moduleAttrs.js";
import { noteDefFunction } from "./functionDicts.js";
import { freeOf, withClassFree } from "./closures.js";
import { freeVars, type FreeVar } from "../compiler/symtable.js";

/** A compiled statement; what it gives back says how it ended (nothing: normally). */
type Exec = (sc: Scope) => Completion | void;


function refusedImport(name: string, modules: ReadonlyMap<string, PyModuleObj>): PymemError {
  // A standard-library module pymem will model (its names are generated per version) is not yet modelled, not forbidden.
  if (ctx().layout.attributeNames()[`module ${name}`] !== undefined || PURE_STDLIB_MODULES.has(name)) {
    return new PymemError("UNSUPPORTED", `the module '${name}' is not supported by pymem yet (it offers ${[...modules.keys()].sort().join(", ")})`);
  }
  return new PymemError(
    "FORBIDDEN",
    `import of '${name}' is not allowed: pymem's sandbox offers only ${[...modules.keys()].sort().join(", ")}`,
  );
}

const refuseExceptStar: Exec = () => {
  throw exceptStarRefusal();
};

function withSpan(s: Stmt, f: Exec): Exec {
  return (sc) => {
    ctx().tick();
    try {
      return f(sc);
    } catch (e) {
      if ((e instanceof PyException || e instanceof PymemError) && e.span === null) e.span = s.span;
      throw e;
    }
  };
}

/** The error of a `with` whose manager lacks __enter__ or __exit__: each version's wording. */

/** A method's frame that carries its class's __class__ cell (for zero-argument super()). */
function withCell(fast: (PyObj | undefined)[], parent: Scope, classCell: ClassCell | undefined): FrameWithCell {
  return { vars: null, fast, parent, classCell };
}

/** An error positioned inside setup code stays in the setup when it surfaces through the expression. */
function markSetup(e: unknown): void {
  if ((e instanceof PyException || e instanceof PymemError) && e.span !== null && e.where === null) e.where = "setup";
}

export class StatementCompiler {
  constructor(
    private readonly c: Compiler,
    private readonly modules: ReadonlyMap<string, PyModuleObj>,
  ) {}

  block(body: readonly Stmt[]): Exec {
    const parts = body.map((s) => withSpan(s, this.stmt(s)));
    return (sc) => {
      for (let i = 0; i < parts.length; i++) {
        const r = (parts[i] as Exec)(sc);
        if (r !== undefined) return r;
      }
      return undefined;
    };
  }

  stmt(s: Stmt): Exec {
    const c = this.c;
    switch (s.kind) {
      case "Expr": {
        const v = c.expr(s.value).run;
        return (sc) => void v(sc);
      }
      case "Assign": {
        const v = c.expr(s.value).run;
        const targets = s.targets.map((t) => c.target(t));
        return (sc) => {
          const x = v(sc);
          for (const t of targets) t(sc, x);
        };
      }
      case "AnnAssign": {
        const target = c.target(s.target);
        const value = s.value === null ? null : c.expr(s.value).run;
        const name = s.target.kind === "Name" && s.simple && c.block.kind === "class" ? s.target.id : null;
        const annotation = name === null ? null : c.annotation(s.annotation).run;
        return (sc) => {
          // In a class body, simple annotations are recorded in order in __annotations__.
          if (name !== null) {
            const ns = sc.vars as Map<string, PyObj>;
            let ann = ns.get("__annotations__");
            if (ann === undefined) {
              ann = newDict();
              ns.set("__annotations__", ann);
            }
            // The key is the name as a code constant: an interned str.
            if (ann.t === "dict" && annotation !== null) dictSet(ann, intern(pyStr(name)), annotation(sc));
          }
          if (value !== null) target(sc, value(sc));
        };
      }
      case "AugAssign": {
        const cur = c.expr(s.target).run;
        const value = c.expr(s.value).run;
        const target = c.target(s.target);
        const op = s.op;
        return (sc) => target(sc, inplaceOp(op, cur(sc), value(sc)));
      }
      case "Delete": {
        const dels = s.targets.map((t) => this.deleteTarget(t));
        return (sc) => {
          for (const d of dels) d(sc);
        };
      }
      case "Pass":
      case "Global":
      case "Nonlocal":
        return () => undefined;
      case "Import": {
        // A module pymem does not offer is refused when the import runs (at its line, after the lines before it).
        const refused = s.names.find((a) => this.modules.get(a.name) === undefined || this.modules.get(a.name.split(".")[0] as string) === undefined);
        if (refused !== undefined) {
          const err = refusedImport(refused.name, this.modules);
          return () => {
            throw err;
          };
        }
        const names = s.names.map((a) => {
          const top = a.name.split(".")[0] as string;
          const m = this.modules.get(a.name) as PyModuleObj;
          const topModule = this.modules.get(top) as PyModuleObj;
          // `import collections.abc` binds collections (whose abc attribute is the submodule); `as` binds the submodule.
          return { bind: a.asname ?? top, m: a.asname === null ? topModule : m };
        });
        const stores = names.map((n) => ({ store: c.storeName(n.bind), m: n.m }));
        return (sc) => {
          for (const n of stores) n.store(sc, n.m);
        };
      }
      case "ImportFrom": {
        const m = s.module === null ? undefined : this.modules.get(s.module);
        if (m === undefined || s.level > 0) {
          if (s.module === "__future__") return () => undefined;
          const err = refusedImport(s.module ?? ".", this.modules);
          return () => {
            throw err;
          };
        }
        const binds = s.names.map((a) => ({ a, store: a.name === "*" ? null : c.storeName(a.asname ?? a.name) }));
        return (sc) => {
          for (const { a, store } of binds) {
            if (store === null) {
              for (const [k, v] of moduleItems(m)) (sc.vars as Map<string, PyObj>).set(k, v);
              noteStarImport(m.name);
              continue;
            }
            const v = moduleAttr(m, a.name);
            if (v === undefined) {
              // A name the version's module has but pymem does not model is refused, not an ImportError.
              const miss = missingAttribute([`module ${m.name}`], a.name, m.name, "");
              if (miss instanceof PymemError) throw miss;
              throw new PyException("ImportError", `cannot import name '${a.name}' from '${m.name}'`);
            }
            store(sc, v);
          }
        };
      }
      case "If": {
        const test = c.expr(s.test).run;
        const body = this.block(s.body);
        const orelse = this.block(s.orelse);
        return (sc) => (truthy(test(sc)) ? body(sc) : orelse(sc));
      }
      case "While": {
        const test = c.expr(s.test).run;
        const body = this.block(s.body);
        const orelse = this.block(s.orelse);
        return (sc) => {
          while (truthy(test(sc))) {
            ctx().tick();
            const r = body(sc);
            if (r === BREAK) return undefined;
            if (r instanceof Return) return r;
          }
          return orelse(sc);
        };
      }
      case "For": {
        if (s.isAsync && c.awaitContext !== "async") throw new PyException("SyntaxError", "'async for' outside async function", s.span);
        const target = c.target(s.target);
        // fold_iter applies to a for statement's iterable, not an async for's.
        const iterOf = s.isAsync ? c.expr(s.iter).run : c.iterOperand(s.iter);
        // An async for where the body cannot suspend: each __anext__ awaited in place.
        const iter = s.isAsync ? inPlaceAsyncIter(iterOf) : iterOf;
        const body = this.block(s.body);
        const orelse = this.block(s.orelse);
        return (sc) => {
          const r = forEachUntil(iter(sc), (x): Completion | void => {
            target(sc, x);
            const c = body(sc);
            return c === CONTINUE ? undefined : c;
          });
          if (r === BREAK) return undefined;
          if (r !== undefined) return r;
          return orelse(sc);
        };
      }
      case "Break":
        return () => BREAK;
      case "Continue":
        return () => CONTINUE;
      case "Return": {
        const v = s.value === null ? null : c.expr(s.value).run;
        return (sc) => new Return(v === null ? None : v(sc));
      }
      case "Assert": {
        const test = c.expr(s.test).run;
        const msg = s.msg === null ? null : c.expr(s.msg).run;
        return (sc) => {
          if (truthy(test(sc))) return;
          if (msg === null) throw new PyException("AssertionError", "");
          // LOAD_ASSERTION_ERROR; <msg>; CALL 1; RAISE_VARARGS 1: the message is the exception's one arg.
          const handling = ctx().handling;
          const current = (handling[handling.length - 1] as PyInstanceObj | undefined) ?? null;
          const cls = exceptionClasses().get("AssertionError") as PyObj;
          throw raiseException(callObject(cls, [msg(sc)]), undefined, current, (k) => callObject(k, []));
        };
      }
      case "Raise":
        return this.raise(s);
      case "Try":
        return this.try(s);
      case "With":
        return this.with(s);
      case "FunctionDef":
        return this.functionDef(s);
      case "ClassDef":
        return this.classDef(s);
      case "Match": {
        const choose = compileMatch(s, c);
        const bodies = s.cases.map((k) => this.block(k.body));
        return (sc) => {
          const i = choose(sc);
          return i < 0 ? undefined : (bodies[i] as Exec)(sc);
        };
      }
    }
  }

  /** RAISE_VARARGS: `raise` (the exception being handled again), `raise exc`, `raise exc from cause`. */
  private raise(s: Extract<Stmt, { kind: "Raise" }>): Exec {
    const exc = s.exc === null ? null : this.c.expr(s.exc).run;
    const cause = s.cause === null ? null : this.c.expr(s.cause).run;
    return (sc) => {
      const handling = ctx().handling;
      const current = (handling[handling.length - 1] as PyInstanceObj | undefined) ?? null;
      if (exc === null) {
        if (current === null) throw new PyException("RuntimeError", "No active exception to reraise");
        throw reraise(current);
      }
      const e = exc(sc);
      const c = cause === null ? undefined : cause(sc);
      throw raiseException(e, c, current, (cls) => callObject(cls, []));
    };
  }

  /**
   * try/except/else/finally. A handler matches by isinstance against its
   * class or tuple of classes (pymem's own refusals and limits are never
   * caught); the name it binds is deleted when it ends, as CPython's
   * compiler does; `finally` runs on every way out, and a break, continue or
   * return of its own replaces the one pending.
   */
  private try(s: Extract<Stmt, { kind: "Try" }>): Exec {
    if (s.handlers.some((h) => h.star === true)) return refuseExceptStar;
    const body = this.block(s.body);
    const handlers = s.handlers.map((h) => ({
      type: h.type === null ? null : this.c.expr(h.type).run,
      store: h.name === null ? null : this.c.storeName(h.name),
      del: h.name === null ? null : this.c.deleteName(h.name),
      body: this.block(h.body),
      span: h.span,
    }));
    const orelse = s.orelse.length === 0 ? null : this.block(s.orelse);
    const finalbody = s.finalbody.length === 0 ? null : this.block(s.finalbody);
    const guarded = (sc: Scope): Completion | void => {
      let r: Completion | void;
      try {
        r = body(sc);
      } catch (e) {
        if (!(e instanceof PyException) || handlers.length === 0) throw e;
        return runHandlers(handlers, sc, e);
      }
      if (r === undefined && orelse !== null) return orelse(sc);
      return r;
    };
    if (finalbody === null) return guarded;
    return (sc) => {
      let r: Completion | void;
      try {
        r = guarded(sc);
      } catch (e) {
        const f = finalbody(sc);
        if (f !== undefined) return f; // a break/continue/return in finally discards the exception
        throw e;
      }
      const f = finalbody(sc);
      return f !== undefined ? f : r;
    };
  }

  /**
   * `with` (SETUP_WITH / WITH_EXCEPT_START): each item's __enter__ and
   * __exit__ are looked up on its type, __enter__'s result bound to the
   * target; __exit__ gets (type, value, None) when the body raised — a true
   * result swallows the exception — and three Nones otherwise. Items nest as
   * if written one inside the other. Context managers of the setup's classes
   * are modelled (a traceback object is not: __exit__ sees None for it).
   */
  private with(s: Extract<Stmt, { kind: "With" }>): Exec {
    if (s.isAsync && this.c.awaitContext !== "async") throw new PyException("SyntaxError", "'async with' outside async function", s.span);
    if (s.isAsync) throw new PymemError("UNSUPPORTED", "an async with where its body cannot suspend (inside an except handler, or a yield's expression)", s.span);
    const items = s.items.map((it) => ({ ctx: this.c.expr(it.contextExpr).run, target: it.optionalVars === null ? null : this.c.target(it.optionalVars) }));
    const body = this.block(s.body);
    const run = (sc: Scope, i: number): Completion | void => {
      const item = items[i];
      if (item === undefined) return body(sc);
      const mgr = item.ctx(sc);
      const { enter, exit } = contextMethods(mgr);
      const v = callBound(enter, mgr, []);
      if (item.target !== null) item.target(sc, v);
      let r: Completion | void;
      try {
        r = run(sc, i + 1);
      } catch (e) {
        if (!(e instanceof PyException)) throw e;
        if (exitSwallows(mgr, exit, e)) return undefined;
        throw e;
      }
      exitNormally(mgr, exit);
      return r;
    };
    return (sc) => run(sc, 0);
  }

  private functionDef(s: Extract<Stmt, { kind: "FunctionDef" }>): Exec {
    const qualname = this.c.qualnameOf(s.name);
    const spec = paramSpec(s.name, s.args, qualname);
    const defaults = compileDefaults(s.args, s.span, (d) => this.c.expr(d));
    // compiler_visit_annotations: args, then posonlyargs (sic), *args, kwonlyargs, **kwargs, return;
    // each name mangled in a class body.
    const a = s.args;
    const params = [...a.args, ...a.posonlyargs, ...(a.vararg === null ? [] : [a.vararg]), ...a.kwonlyargs, ...(a.kwarg === null ? [] : [a.kwarg])];
    const owner = this.c.className;
    const annotations = [
      ...params.flatMap((p) => (p.annotation === null ? [] : [{ name: owner === null ? p.arg : mangle(owner, p.arg), run: this.c.annotation(p.annotation).run }])),
      ...(s.returns === null ? [] : [{ name: "return", run: this.c.annotation(s.returns).run }]),
    ];
    const decorators = s.decorators.map((d) => this.c.expr(d).run);
    const isGenerator = hasYield(s.body);
    // An async def's body suspends at its awaits too: a coroutine's, or with a yield an async generator's.
    const bodyKind: BodyKind | null = s.isAsync ? (isGenerator ? "async generator" : "coroutine") : isGenerator ? "generator" : null;
    if (s.isAsync) checkAsyncBody(s.body, isGenerator);
    const savedGen = this.c.inGenerator;
    const savedAwait = this.c.awaitContext;
    this.c.inGenerator = isGenerator;
    this.c.awaitContext = s.isAsync ? "async" : "function";
    let body: Exec = () => undefined;
    let genBody: ((sc: Scope) => Generator<PyObj, void, undefined>) | null = null;
    let layout: FrameLayout = { size: 0, positional: [], index: new Map() };
    let frameSlots: number | null = null;
    let freeVarList: FreeVar[] | null = null;
    // The docstring is the first constant of the function's code (func_doc).
    const first = s.body[0];
    const docstring = first !== undefined && first.kind === "Expr" && first.value.kind === "Constant" && first.value.value.t === "str" ? first.value : null;
    let doc: ((sc: Scope) => PyObj) | null = null;
    // A def directly in a class body is a method: zero-argument super() in it reads the class cell.
    const savedMethod = this.c.method;
    const inClass = this.c.block.kind === "class";
    const method = { block: this.c.block, first: spec.positional[0] ?? spec.vararg, usesSuper: false };
    try {
      this.c.withQualPrefix(`${qualname}.<locals>.`, () =>
        this.c.inBlock(s, () => {
          method.block = this.c.block;
          this.c.method = inClass ? method : null;
          if (docstring !== null && docstring.value.t === "str" && !docstring.value.v.includes("\n")) doc = this.c.expr(docstring).run;
          layout = frameLayout(spec, this.c.block);
          freeVarList = freeVars(this.c.block);
          if (bodyKind === null) body = this.block(s.body);
          else {
            genBody = new GeneratorBodyCompiler(this.c, (x) => withSpan(x, this.stmt(x)), bodyKind).block(s.body);
            // From 3.11 the generator object holds the frame: its size follows these slots (null: not laid out).
            frameSlots = generatorFunctionFrameSlots(s.body, this.c.block, this.c.depthContext());
          }
        }),
      );
    } catch (e) {
      // A generator body pymem cannot suspend is refused when it is called, not when it is defined.
      if (!(bodyKind !== null && e instanceof PymemError)) throw e;
      const refusal = e;
      genBody = () => {
        throw refusal;
      };
    } finally {
      this.c.inGenerator = savedGen;
      this.c.awaitContext = savedAwait;
      this.c.method = savedMethod;
    }
    const usesSuper = method.usesSuper;
    if (usesSuper && inClass) this.c.classCellUsed = true;
    const vars = usesSuper ? withClassFree(freeVarList) : freeVarList;
    const name = s.name;
    const closureOf = this.c.closure();
    const store = this.c.storeName(name);
    return (sc) => {
      const given = defaults(sc);
      const { defs, kwDefs } = given;
      const closure = closureOf(sc);
      const classCell = usesSuper ? classCells.get(sc) : undefined;
      let f: PyObj = {
        t: "function",
        name,
        ...(qualname === name ? {} : { qualname }),
        free: freeOf(vars, closure, classCell),
        call: (args, kw) => {
          const fast = bindArguments(spec, layout, defs, kwDefs, args, kw);
          ctx().tick();
          const frame: Scope = usesSuper ? withCell(fast, closure, classCell) : { vars: null, fast, parent: closure };
          if (genBody !== null) {
            const g = genBody;
            const start = function* (): Generator<PyObj, void, undefined> {
              try {
                yield* g(frame);
              } catch (e) {
                markSetup(e);
                throw e;
              }
            };
            if (bodyKind === "coroutine") return makeCoroutine(start, name, qualname, frameSlots);
            if (bodyKind === "async generator") return makeAsyncGenerator(start, name, qualname, frameSlots);
            return makeGenerator(start, qualname, frameSlots);
          }
          let r: Completion | void;
          try {
            r = body(frame);
          } catch (e) {
            markSetup(e);
            throw e;
          }
          return r instanceof Return ? r.value : None;
        },
      };
      if (bodyKind === "coroutine") markCoroutineFunction(f);
      noteDefFunction(f);
      setFunctionDefaults(f, given);
      if (docstring !== null) setFunctionDoc(f, doc === null ? null : (doc as (sc: Scope) => PyObj)(sc));
      if (annotations.length > 0) setAnnotations(f, annotations.map((e) => [e.name, annotationValue(e.run, sc)] as const));
      for (const d of [...decorators].reverse()) f = callObject(d(sc), [f]);
      store(sc, f);
    };
  }

  private classDef(s: Extract<Stmt, { kind: "ClassDef" }>): Exec {
    const bases = s.bases.map((b) => this.c.expr(b).run);
    const decorators = s.decorators.map((d) => this.c.expr(d).run);
    // metaclass= chooses the metaclass; the other keywords go to it (and on to __init_subclass__).
    const metaArg = s.keywords.find((k) => k.arg === "metaclass");
    const metaKw = metaArg === undefined ? null : this.c.expr(metaArg.value).run;
    const kwargsOf = this.c.keywords(s.keywords.filter((k) => k !== metaArg));
    const saved = this.c.className;
    this.c.className = s.name;
    const qualname = this.c.qualnameOf(s.name);
    const savedCell = this.c.classCellUsed;
    this.c.classCellUsed = false;
    // compiler_body: SETUP_ANNOTATIONS when an annotation is anywhere in the body, then the docstring as __doc__.
    const first = s.body[0];
    const docstring = first !== undefined && first.kind === "Expr" && first.value.kind === "Constant" && first.value.value.t === "str" ? first.value : null;
    const setupAnnotations = findAnnotation(s.body);
    const metadata = ctx().layout.rules.classBodyMetadata;
    // 3.13's __firstlineno__ (the first decorator's line, else the class statement's).
    const firstLine = pyInt((s.decorators[0] ?? s).span.line);
    let doc: ((sc: Scope) => PyObj) | null = null;
    let staticAttributes: PyObj = None;
    // A class body is no function: an await in it is outside one.
    const savedAwait = this.c.awaitContext;
    this.c.awaitContext = "none";
    let body: Exec;
    try {
      body = this.c.withQualPrefix(`${qualname}.`, () => this.c.inBlock(s, () => {
        if (docstring !== null) doc = this.c.expr(docstring).run;
        if (metadata) staticAttributes = this.c.pool.add(newTuple([...this.c.block.staticAttributes].sort().map((n) => this.c.pool.add(pyStr(n)))));
        return this.block(docstring === null ? s.body : s.body.slice(1));
      }));
    } finally {
      this.c.awaitContext = savedAwait;
    }
    // The body's last act when a method uses the class cell: ns['__classcell__'] = the cell (type_new takes it out).
    const storesCell = this.c.classCellUsed;
    this.c.classCellUsed = savedCell;
    this.c.className = saved;
    const name = s.name;
    const closureOf = this.c.closure();
    const store = this.c.storeName(name);
    // The qualname constant of the enclosing code: one object for every run of this class statement.
    let qualnameObj: PyObj | null = null;
    return (sc) => {
      // The decorators first, then the bases and keywords, then the body (inside __build_class__).
      const decoratorObjs = decorators.map((d) => d(sc));
      const baseObjs = bases.map((b) => b(sc));
      const meta = metaKw === null ? null : metaKw(sc);
      const kw = kwargsOf(sc);
      // The metaclass's __prepare__ (EnumType's _EnumDict), else a plain namespace.
      const vars = baseObjs.map((b) => classHooks(b)?.prepare).find((p) => p !== undefined)?.() ?? new Map<string, PyObj>();
      // The body's first statements: __module__ = the global __name__ (one interned object) and
      // __qualname__ = a constant of the enclosing code, interned when identifier-like (all_name_chars).
      vars.set("__module__", intern(pyStr(SETUP_MODULE))).set("__qualname__", (qualnameObj ??= qualnameConst(qualname)));
      if (metadata) vars.set("__firstlineno__", firstLine);
      if (setupAnnotations) vars.set("__annotations__", newDict());
      const ns: Scope = { vars, fast: null, parent: closureOf(sc) };
      const cell: ClassCell = { cls: null };
      classCells.set(ns, cell);
      if (doc !== null) vars.set("__doc__", (doc as (sc: Scope) => PyObj)(ns));
      body(ns);
      if (metadata) vars.set("__static_attributes__", staticAttributes);
      if (storesCell) vars.set("__classcell__", opaque("cell", cell));
      let cls: PyObj = buildClassStatement(meta, name, baseObjs, vars, kw);
      // type_new fills the __class__ cell (__classcell__) with the class it made, before any decorator runs.
      if (cls.t === "class") cell.cls = cls;
      for (const d of decoratorObjs.reverse()) cls = callObject(d, [cls]);
      store(sc, cls);
    };
  }

  private deleteTarget(t: Expr): Exec {
    const c = this.c;
    switch (t.kind) {
      case "Name":
        return this.c.deleteName(t.id);
      case "Subscript": {
        const obj = c.expr(t.value).run;
        if (t.slice.kind === "Slice") {
          const sl = t.slice;
          const parts = [sl.lower, sl.upper, sl.step].map((x) => (x === null ? null : c.expr(x).run));
          return (sc) => {
            const [lo, hi, st] = parts.map((p) => (p === null ? None : p(sc))) as [PyObj, PyObj, PyObj];
            delItem(obj(sc), { t: "slice", start: lo, stop: hi, step: st });
          };
        }
        const key = c.expr(t.slice).run;
        return (sc) => delItem(obj(sc), key(sc));
      }
      case "Attribute": {
        const obj = c.expr(t.value).run;
        const name = c.mangled(t.attr);
        return (sc) => delAttr(obj(sc), name);
      }
      case "Tuple":
      case "List": {
        const parts = t.elts.map((x) => this.deleteTarget(x));
        return (sc) => {
          for (const p of parts) p(sc);
        };
      }
      default:
        throw new PymemError("UNSUPPORTED", `del of ${t.kind}`, t.span);
    }
  }
}

/** find_ann: whether an annotated assignment is anywhere in these statements, outside nested functions and classes. */
function findAnnotation(stmts: readonly Stmt[]): boolean {
  return stmts.some((st) => {
    switch (st.kind) {
      case "AnnAssign":
        return true;
      case "For":
      case "While":
      case "If":
        return findAnnotation(st.body) || findAnnotation(st.orelse);
      case "With":
        return findAnnotation(st.body);
      case "Try":
        return st.handlers.some((h) => findAnnotation(h.body)) || findAnnotation(st.body) || findAnnotation(st.finalbody) || findAnnotation(st.orelse);
      case "Match":
        return st.cases.some((c) => findAnnotation(c.body));
      default:
        return false;
    }
  });
}

export function execBlock(body: readonly Stmt[], sc: Scope, modules: ReadonlyMap<string, PyModuleObj>): void {
  const r = new StatementCompiler(Compiler.forModule(body), modules).block(body)(sc);
  if (r instanceof Return) throw new PyException("SyntaxError", "'return' outside function");
  if (r instanceof Break || r instanceof Continue) throw new PyException("SyntaxError", "'break' outside loop");
}

function qualnameConst(qualname: string): PyObj {
  return isAsciiIdentifierChars(qualname) ? intern(pyStr(qualname)) : pyStr(qualname);
}

/** An annotation's value; one pymem cannot evaluate is null (refused when read), a Python exception propagates as CPython raises it at the def. */
function annotationValue(run: (sc: Scope) => PyObj, sc: Scope): PyObj | null {
  try {
    return run(sc);
  } catch (e) {
    if (e instanceof PymemError && e.code === "UNSUPPORTED") return null;
    throw e;
  }
}
