// Coroutines (`async def`): calling a coroutine function makes a coroutine
// object whose body runs only when something drives it — an `await`, or a task
// of asyncio's loop (asyncioModule.ts). The body is a generator body
// (generators.ts) whose suspensions are the values its awaits pass up to the
// loop: None for a bare yield (asyncio.sleep(0)), a future it waits on.
// An await that is not a whole statement, assignment or return cannot suspend
// its JS frame: it runs in place (awaitSync), which is exact while the loop has
// nothing else ready to run; otherwise it is refused.
import type { Span, Stmt } from "../python/ast.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { generatorReturnValue, makeGenerator } from "./generatorObject.js";
import { makeIter } from "./iterObject.js";
import { AT_ADDRESS } from "./repr.js";
import { nativeObject, type NativeSlots } from "./nativeObjects.js";
import { builtinFunction as fn, None, pyBool, pyStr, typeName, type PyIterObj, type PyObj } from "./objects.js";
import { callBound, isUserObj, lookupDunder } from "./userDunders.js";

/** A JS generator of what an awaitable passes up to the loop, returning the await's value. */
export type AwaitSteps = Generator<PyObj, PyObj, undefined>;

interface CoroState {
  /** The body as a generator: next() runs it to its next suspension (undefined at its end). */
  readonly inner: PyIterObj;
  started: boolean;
  finished: boolean;
  running: boolean;
  /** An await is driving it (a second await of it is an error). */
  awaited: boolean;
}

const coroutines = new WeakMap<PyObj, CoroState>();
/** The objects `await` drives natively: coroutines, asend objects, futures. */
const nativeAwaits = new WeakMap<PyObj, () => AwaitSteps>();
/** Functions made by `async def` (asyncio.iscoroutinefunction). */
const coroutineFunctions = new WeakSet<PyObj>();
/** What coroutine.__await__()'s wrappers returned when their coroutine ended. */
const wrapperReturns = new WeakMap<PyObj, PyObj>();

export function markCoroutineFunction(f: PyObj): void {
  coroutineFunctions.add(f);
}

/** inspect.iscoroutinefunction: an `async def` function, or a method over one. */
export function isCoroutineFunction(f: PyObj): boolean {
  return coroutineFunctions.has(f.t === "method" ? f.func : f);
}

export function isCoroutine(o: PyObj): boolean {
  return coroutines.has(o);
}

/** Register how `await` drives a native awaitable (an asend object, a future). */
export function setNativeAwait(o: PyObj, steps: () => AwaitSteps): void {
  nativeAwaits.set(o, steps);
}

/** One step of a coroutine (send(None)): what it passes up, or what it returned. */
export type Step = { readonly yielded: PyObj } | { readonly returned: PyObj };

export function coroutineStep(c: PyObj): Step {
  const st = coroutines.get(c);
  if (st === undefined) throw new PymemError("UNSUPPORTED", `driving a '${typeName(c)}' as a coroutine`);
  if (st.finished) throw new PyException("RuntimeError", "cannot reuse already awaited coroutine");
  st.started = true;
  st.running = true;
  let v: PyObj | undefined;
  try {
    v = st.inner.next();
  } catch (e) {
    st.finished = true;
    throw e;
  } finally {
    st.running = false;
  }
  if (v !== undefined) return { yielded: v };
  st.finished = true;
  return { returned: generatorReturnValue(st.inner) };
}

/** Whether a coroutine's body has begun and not ended: it sits at an await. */
export function coroutineSuspended(c: PyObj): boolean {
  const st = coroutines.get(c);
  return st !== undefined && st.started && !st.finished;
}

export function makeCoroutine(start: () => Generator<PyObj, void, undefined>, name: string, qualname: string, frameSlots: number | null): PyObj {
  const inner = makeGenerator(start, qualname, frameSlots) as PyIterObj;
  const st: CoroState = { inner, started: false, finished: false, running: false, awaited: false };
  let self: PyObj | null = null;
  const slots: NativeSlots = {
    attr: (n) => {
      switch (n) {
        case "__name__":
        case "__qualname__":
          return codeNames(n, name, qualname);
        case "cr_running":
          return pyBool(st.running);
        case "__await__":
          return fn("__await__", () => coroutineWrapper(self as PyObj));
        case "send":
          return fn("send", ([v]) => {
            if (v !== undefined && v !== None) throw new PymemError("UNSUPPORTED", "coroutine.send() of a value other than None");
            const s = coroutineStep(self as PyObj);
            if ("yielded" in s) return s.yielded;
            throw stopIteration(s.returned);
          });
        case "close":
          return fn("close", () => {
            if (st.started && !st.finished) throw new PymemError("UNSUPPORTED", "close() of a suspended coroutine (GeneratorExit thrown into its body)");
            st.finished = true;
            return None;
          });
        default:
          return undefined;
      }
    },
    repr: () => `<coroutine object ${qualname}${AT_ADDRESS}>`,
  };
  const c: PyObj = { ...nativeObject("coroutine", slots), frameSlots };
  self = c;
  coroutines.set(c, st);
  nativeAwaits.set(c, () => awaitCoroutine(c, st));
  return c;
}

/** A coroutine's or async generator's __name__ and __qualname__ (its function's). */
export function codeNames(n: "__name__" | "__qualname__", name: string, qualname: string): PyObj {
  return pyStr(n === "__name__" ? name : qualname);
}

function* awaitCoroutine(c: PyObj, st: CoroState): AwaitSteps {
  if (st.awaited) throw new PyException("RuntimeError", "coroutine is being awaited already");
  st.awaited = true;
  try {
    for (;;) {
      const s = coroutineStep(c);
      if ("returned" in s) return s.returned;
      yield s.yielded;
    }
  } finally {
    st.awaited = false;
  }
}

/** coroutine.__await__(): an iterator over the coroutine's suspensions. */
function coroutineWrapper(c: PyObj): PyObj {
  const w: PyIterObj = makeIter(
    "coroutine_wrapper",
    () => {
      const s = coroutineStep(c);
      if ("yielded" in s) return s.yielded;
      wrapperReturns.set(w, s.returned);
      return undefined;
    },
    () => null,
  );
  return w;
}

function stopIteration(value: PyObj): PyException {
  const e = new PyException("StopIteration", "");
  if (value !== None) e.args = [value];
  return e;
}

/** Whether `await x` accepts x (a native awaitable, or an object whose type has __await__). */
export function isAwaitable(x: PyObj): boolean {
  return nativeAwaits.has(x) || (isUserObj(x) && lookupDunder(x, "__await__") !== undefined);
}

/**
 * GET_AWAITABLE and the SEND loop over it: what the awaitable passes up is
 * passed on, and the await's value is what it ends with. `notAwaitable` is the
 * TypeError for an object that is none (async for and async with word theirs).
 */
export function* awaitSteps(x: PyObj, notAwaitable: (x: PyObj) => PyException = awaitError): AwaitSteps {
  const native = nativeAwaits.get(x);
  if (native !== undefined) return yield* native();
  const m = isUserObj(x) ? lookupDunder(x, "__await__") : undefined;
  if (m === undefined) throw notAwaitable(x);
  const it = callBound(m, x, []);
  if (coroutines.has(it)) throw typeError("__await__() returned a coroutine");
  if (it.t !== "iterator") {
    if (isUserObj(it)) throw new PymemError("UNSUPPORTED", "an __await__ returning an iterator of a class the setup wrote");
    throw typeError(`__await__() returned non-iterator of type '${typeName(it)}'`);
  }
  for (let v = it.next(); v !== undefined; v = it.next()) yield v;
  return wrapperReturns.get(it) ?? generatorReturnValue(it);
}

function awaitError(x: PyObj): PyException {
  return typeError(`object ${typeName(x)} can't be used in 'await' expression`);
}

/** What the running loop does with a suspension of an await that runs in place; null while no loop runs. */
let inPlace: ((v: PyObj) => void) | null = null;

/** The loop's handler of in-place suspensions while it runs (the previous one back when it stops). */
export function setInPlaceSuspension(f: ((v: PyObj) => void) | null): ((v: PyObj) => void) | null {
  const old = inPlace;
  inPlace = f;
  return old;
}

/** `await x` inside an expression: driven to its end here, each suspension handed to the loop. */
export function awaitSync(x: PyObj, notAwaitable?: (x: PyObj) => PyException): PyObj {
  const it = awaitSteps(x, notAwaitable);
  for (let r = it.next(); ; r = it.next()) {
    if (r.done === true) return r.value;
    if (inPlace === null) throw new PymemError("UNSUPPORTED", "an await that suspends outside asyncio.run");
    inPlace(r.value);
  }
}

/**
 * The compiler's checks of an async def's body (Python/compile.c, symtable.c):
 * `yield from` has no place in it, nor `return value` in an async generator.
 */
export function checkAsyncBody(body: readonly Stmt[], isGenerator: boolean): void {
  const walk = (node: unknown): void => {
    if (node === null || typeof node !== "object") return;
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    const k = (node as { kind?: string }).kind;
    if (k === "FunctionDef" || k === "ClassDef" || k === "Lambda") return;
    const span = (node as { span?: Span }).span ?? null;
    if (k === "YieldFrom") throw new PyException("SyntaxError", "'yield from' inside async function", span);
    if (k === "Return" && isGenerator && (node as { value: unknown }).value !== null) throw new PyException("SyntaxError", "'return' with value in async generator", span);
    for (const [key, v] of Object.entries(node)) if (key !== "span") walk(v);
  };
  walk(body);
}
