// Generator objects: each next() resumes the body (a JS generator) up to its
// next yield; the frame state its statements read while it runs (how many try
// statements it is inside, for CPython's close-on-free); throw() and the value
// its `return` gave. Coroutines and async generators are built on them.
import { ctx } from "./ctx.js";
import { PyException, PymemError, valueError } from "./errors.js";
import { Return } from "./flow.js";
import { makeIter } from "./iterObject.js";
import { None, type PyObj } from "./objects.js";

/**
 * The generator object of one call: each next() resumes the body up to its
 * next yield. A return (or the end of the body) exhausts it.
 */
/** A generator's frame state that its body's statements read while it runs. */
export interface GenState {
  /** How many try statements the frame is inside. */
  tryDepth: number;
}

const runningStates: GenState[] = [];

export function runningGenerator(): GenState {
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
  let self: PyObj | null = null;
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
        if (e instanceof Return) {
          if (self !== null) returnValues.set(self, e.value);
          return undefined;
        }
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

/** What a finished generator's body returned (StopIteration.value), for `await` and `yield from` of it. */
const returnValues = new WeakMap<PyObj, PyObj>();

/** The value a generator's `return v` gave (None when it ended otherwise or has not ended). */
export function generatorReturnValue(g: PyObj): PyObj {
  return returnValues.get(g) ?? None;
}

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

