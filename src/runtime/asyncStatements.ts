// `async for` and `async with` in a coroutine or async generator body, where
// each await of the protocol (__anext__'s, __aenter__'s, __aexit__'s) suspends
// the body as a statement-level await does.
import { anextOf, aiterOf, isStopAsyncIteration } from "./asyncGenerators.js";
import { awaitSteps } from "./coroutines.js";
import { truthy } from "./compare.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { exceptionObject } from "./exceptions.js";
import { None, typeName, type PyObj, type Scope } from "./objects.js";
import type { Target } from "./targets.js";
import { callBound, isUserObj, lookupDunder } from "./userDunders.js";

type GenExec = (sc: Scope) => Generator<PyObj, void, undefined>;
type LoopBody = (body: GenExec, sc: Scope) => Generator<PyObj, "break" | "next", undefined>;

/** GET_AITER, then GET_ANEXT and its await per pass; StopAsyncIteration ends the loop (its else runs). */
export function asyncFor(iter: (sc: Scope) => PyObj, target: Target, body: GenExec, orelse: GenExec, loopBody: LoopBody): GenExec {
  return function* (sc) {
    const it = aiterOf(iter(sc));
    for (;;) {
      let x: PyObj;
      try {
        x = yield* awaitSteps(anextOf(it));
      } catch (e) {
        if (isStopAsyncIteration(e)) break;
        throw e;
      }
      ctx().tick();
      target(sc, x);
      if ((yield* loopBody(body, sc)) === "break") return;
    }
    yield* orelse(sc);
  };
}

export interface AsyncWithItem {
  readonly ctx: (sc: Scope) => PyObj;
  readonly target: Target | null;
}

/**
 * BEFORE_ASYNC_WITH: __aenter__ and __aexit__ looked up on the type, __aenter__()
 * awaited and bound; __aexit__ awaited on every way out of the body, told of an
 * exception (a true result swallows it).
 */
export function asyncWith(items: readonly AsyncWithItem[], body: GenExec, tracked: (g: GenExec) => GenExec): GenExec {
  const run = function* (sc: Scope, i: number): Generator<PyObj, void, undefined> {
    const item = items[i];
    if (item === undefined) {
      yield* body(sc);
      return;
    }
    const mgr = item.ctx(sc);
    const { enter, exit } = asyncContextMethods(mgr);
    const v = yield* awaitSteps(callBound(enter, mgr, []), (x) => typeError(`'async with' received an object from __aenter__ that does not implement __await__: ${typeName(x)}`));
    if (item.target !== null) item.target(sc, v);
    const exitAwait = (args: readonly PyObj[]): Generator<PyObj, PyObj, undefined> =>
      awaitSteps(callBound(exit, mgr, args), (x) => typeError(`'async with' received an object from __aexit__ that does not implement __await__: ${typeName(x)}`));
    try {
      yield* tracked((s) => run(s, i + 1))(sc);
    } catch (e) {
      if (!(e instanceof PyException)) {
        // A break, continue or return of the body leaves it normally.
        if (e instanceof Error) throw e;
        yield* exitAwait([None, None, None]);
        throw e;
      }
      const obj = exceptionObject(e);
      const handling = ctx().handling;
      handling.push(obj);
      let swallow: boolean;
      try {
        swallow = truthy(yield* exitAwait([obj.cls, obj, None]));
      } finally {
        handling.pop();
      }
      if (swallow) return;
      throw e;
    }
    yield* exitAwait([None, None, None]);
  };
  return (sc) => run(sc, 0);
}

/** A manager's __aenter__ and __aexit__, or the version's error for an object without them. */
function asyncContextMethods(mgr: PyObj): { readonly enter: PyObj; readonly exit: PyObj } {
  const enter = lookupDunder(mgr, "__aenter__");
  const exit = lookupDunder(mgr, "__aexit__");
  if (enter !== undefined && exit !== undefined) return { enter, exit };
  const names = ctx().layout.attributeNames()[typeName(mgr)]?.split(" ") ?? [];
  if (!isUserObj(mgr) && (names.length === 0 || names.includes("__aenter__"))) throw new PymemError("UNSUPPORTED", `a '${typeName(mgr)}' as an async context manager`);
  const message = ctx().layout.rules.asyncWithMessage;
  if (message === "attributeExitFirst") throw new PyException("AttributeError", exit === undefined ? "__aexit__" : "__aenter__");
  if (message === "attribute") throw new PyException("AttributeError", enter === undefined ? "__aenter__" : "__aexit__");
  if (enter === undefined) throw typeError(`'${typeName(mgr)}' object does not support the asynchronous context manager protocol`);
  throw typeError(`'${typeName(mgr)}' object does not support the asynchronous context manager protocol (missed __aexit__ method)`);
}
