// Async generators (`async def` with `yield`) and the protocol of `async for`:
// __aiter__ once, then __anext__'s awaitable awaited until StopAsyncIteration.
// An async generator's body is a generator body whose yields are wrapped
// (_PyAsyncGenWrappedValue) so that its asend awaitable tells a value for the
// `async for` from a suspension its awaits pass up to the loop.
import { awaitSync, codeNames, setNativeAwait, isAwaitable, type AwaitSteps } from "./coroutines.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { exceptionMatches, exceptionObject, exceptionClasses } from "./exceptions.js";
import { makeGenerator } from "./generatorObject.js";
import { makeIter } from "./iterObject.js";
import { nativeObject, type NativeSlots } from "./nativeObjects.js";
import { builtinFunction as fn, None, typeName, type PyIterObj, type PyObj } from "./objects.js";
import { AT_ADDRESS } from "./repr.js";
import { callBound, isUserObj, lookupDunder } from "./userDunders.js";

interface AsyncGenState {
  readonly inner: PyIterObj;
}

const asyncGens = new WeakMap<PyObj, AsyncGenState>();
/** The values an async generator's yields pass to its asend (never seen by Python code). */
const wrapped = new WeakMap<PyObj, PyObj>();

/** ASYNC_GEN_WRAP: a yielded value, told apart from the loop's suspensions. */
export function wrapYielded(v: PyObj): PyObj {
  const w: PyObj = { t: "opaque", typeName: "async_generator_wrapped_value", data: null };
  wrapped.set(w, v);
  return w;
}

export function makeAsyncGenerator(start: () => Generator<PyObj, void, undefined>, name: string, qualname: string, frameSlots: number | null): PyObj {
  const inner = makeGenerator(start, qualname, frameSlots) as PyIterObj;
  let self: PyObj | null = null;
  const slots: NativeSlots = {
    attr: (n) => {
      switch (n) {
        case "__name__":
        case "__qualname__":
          return codeNames(n, name, qualname);
        case "__aiter__":
          return fn("__aiter__", () => self as PyObj);
        case "__anext__":
          return fn("__anext__", () => asend(inner));
        case "asend":
          return fn("asend", ([v]) => {
            if (v !== undefined && v !== None) throw new PymemError("UNSUPPORTED", "asend() of a value other than None");
            return asend(inner);
          });
        case "aclose":
          throw new PymemError("UNSUPPORTED", "aclose() of an async generator");
        default:
          return undefined;
      }
    },
    repr: () => `<async_generator object ${qualname}${AT_ADDRESS}>`,
  };
  const g: PyObj = { ...nativeObject("async_generator", slots), frameSlots };
  self = g;
  asyncGens.set(g, { inner });
  return g;
}

/** __anext__() / asend(None): an awaitable running the body to its next yield (its value) or its end (StopAsyncIteration). */
function asend(inner: PyIterObj): PyObj {
  const a = nativeObject("async_generator_asend", {});
  setNativeAwait(a, function* (): AwaitSteps {
    for (;;) {
      const v = inner.next();
      if (v === undefined) {
        throw new PyException("StopAsyncIteration", "");
      }
      const value = wrapped.get(v);
      if (value !== undefined) return value;
      yield v;
    }
  });
  return a;
}

/** GET_AITER: type(o).__aiter__(o). */
export function aiterOf(o: PyObj): PyObj {
  if (asyncGens.has(o)) return o;
  const m = isUserObj(o) ? lookupDunder(o, "__aiter__") : undefined;
  if (m === undefined) throw typeError(`'async for' requires an object with __aiter__ method, got ${typeName(o)}`);
  return callBound(m, o, []);
}

/** GET_ANEXT: type(it).__anext__(it), which must give an awaitable. */
export function anextOf(it: PyObj): PyObj {
  const st = asyncGens.get(it);
  if (st !== undefined) return asend(st.inner);
  const m = isUserObj(it) ? lookupDunder(it, "__anext__") : undefined;
  if (m === undefined) throw typeError(`'async for' received an object from __aiter__ that does not implement __anext__: ${typeName(it)}`);
  const aw = callBound(m, it, []);
  if (!isAwaitable(aw)) throw anextError(aw);
  return aw;
}

function anextError(x: PyObj): PyException {
  return typeError(`'async for' received an invalid object from __anext__: ${typeName(x)}`);
}

/** Whether an exception is a StopAsyncIteration (the end of an `async for`). */
export function isStopAsyncIteration(e: unknown): boolean {
  if (!(e instanceof PyException)) return false;
  const cls = exceptionClasses().get("StopAsyncIteration");
  return cls !== undefined && exceptionMatches(exceptionObject(e), cls);
}

/**
 * The loop of an async comprehension as an iterator: each item an __anext__
 * awaited in place, StopAsyncIteration its end.
 */
export function asyncIterInPlace(o: PyObj): PyIterObj {
  const it = aiterOf(o);
  let done = false;
  return makeIter(
    "async_for",
    () => {
      if (done) return undefined;
      try {
        return awaitSync(anextOf(it));
      } catch (e) {
        if (!isStopAsyncIteration(e)) throw e;
        done = true;
        return undefined;
      }
    },
    () => null,
  );
}
