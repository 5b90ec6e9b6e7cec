// Generator objects: each next() resumes the body (a JS generator) up to its
// next yield; the frame state its statements read while it runs (how many try
// statements it is inside, for CPython's close-on-free); throw() and the value
// its `return` gave. Coroutines and async generators are built on them.
import { ctx } from "./ctx.js";
import { PyException, PymemError, typeError, valueError } from "./errors.js";
import { Return } from "./flow.js";
import { makeIter } from "./iterObject.js";
import { None, type NativeFn, type PyObj } from "./objects.js";

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

/** What a generator body's JS generator is resumed with: the value send() passes in (next(): undefined). */
export type Sent = PyObj | undefined;

export function makeGenerator(start: () => Generator<PyObj, void, Sent>, qualname: string, frameSlots: number | null = null): PyObj {
  let gen: Generator<PyObj, void, Sent> | null = null;
  let done = false;
  let running = false;
  const st: GenState = { tryDepth: 0 };
  let self: PyObj | null = null;
  /** gen_send_ex: resume the body with `sent` as the value of the yield it is suspended at. */
  const step = (sent: Sent): PyObj | undefined => {
    if (done) return undefined;
    if (running) throw valueError("generator already executing");
    if (gen === null && sent !== undefined && sent !== None) throw typeError("can't send non-None value to a just-started generator");
    gen ??= start();
    running = true;
    const g = gen;
    try {
      const r = resume(self ?? g, st, () => g.next(sent));
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
  };
  const it = makeIter("generator", () => step(undefined), () => null);
  const g: PyObj = { ...it, qualname, frameSlots };
  self = g;
  senders.set(g, (v) => {
    // send() into a finished generator: a bare StopIteration.
    if (done) throw new PyException("StopIteration", "");
    return step(v);
  });
  closers.set(g, () => {
    // gen_close: GeneratorExit thrown at the yield; outside any try or with it leaves the frame at once.
    if (done || gen === null) {
      done = true;
      return;
    }
    if (st.tryDepth > 0) {
      // Inside a try or with: the GeneratorExit raised at the yield runs the body's finally blocks,
      // handlers and __exit__s; a GeneratorExit or StopIteration coming back out means it closed.
      let yielded: PyObj | undefined;
      try {
        yielded = (throwers.get(g) as (e: PyException) => PyObj | undefined)(new PyException("GeneratorExit", ""));
      } catch (x) {
        if (x instanceof PyException && (x.pyType === "GeneratorExit" || x.pyType === "StopIteration")) return;
        throw x;
      }
      if (yielded !== undefined) throw new PyException("RuntimeError", "generator ignored GeneratorExit");
      return;
    }
    done = true;
    ctx().suspendedInTry.delete(g);
  });
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
const senders = new WeakMap<PyObj, (v: Sent) => PyObj | undefined>();
const closers = new WeakMap<PyObj, () => void>();

/** Whether `g` is a generator object of a generator function (send(), throw(), close()). */
export function isGeneratorObject(g: PyObj): boolean {
  return senders.has(g);
}

/**
 * generator.send(v): the body resumed with v as the value of its yield; the next value it yields,
 * or undefined when it then ends (StopIteration carrying generatorReturnValue).
 */
export function generatorSend(g: PyObj, v: PyObj): PyObj | undefined {
  const s = senders.get(g);
  if (s === undefined) throw new PymemError("UNSUPPORTED", "send() into this generator");
  return s(v);
}

/** The generator methods pymem runs: send(value) and close(). */
export function generatorMethod(g: PyObj, name: string): NativeFn | null {
  switch (name) {
    case "send":
      return (args) => {
        if (args.length !== 1) throw typeError(`send() takes exactly one argument (${args.length} given)`);
        const v = generatorSend(g, args[0] as PyObj);
        if (v !== undefined) return v;
        // The body ended: StopIteration carrying what its return gave.
        const r = generatorReturnValue(g);
        const e = new PyException("StopIteration", "");
        if (r !== None) e.args = [r];
        throw e;
      };
    case "close":
      return () => {
        generatorClose(g);
        return None;
      };
    default:
      return null;
  }
}

/** generator.close(). */
export function generatorClose(g: PyObj): void {
  const c = closers.get(g);
  if (c === undefined) throw new PymemError("UNSUPPORTED", "close() of this generator");
  c();
}

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

