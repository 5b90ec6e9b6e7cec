// asyncio, as far as coroutines that never really block need it: asyncio.run's
// loop (a FIFO of ready callbacks run in batches, as BaseEventLoop._run_once
// does), Tasks stepping their coroutines, futures whose done-callbacks are
// scheduled with call_soon, asyncio.sleep(0) (a bare yield), asyncio.gather
// (Lib/asyncio/tasks.py: children as tasks, results appended in argument order
// by the last done-callback), iscoroutine and iscoroutinefunction. What needs
// timers or IO is refused.
import type { Layout } from "../layouts/layout.js";
import { coroutineStep, coroutineSuspended, isCoroutine, isCoroutineFunction, makeCoroutine, setInPlaceSuspension, setNativeAwait, type AwaitSteps } from "./coroutines.js";
import { ctx } from "./ctx.js";
import { PyException, PymemError, typeError, valueError } from "./errors.js";
import { exceptionObject } from "./exceptions.js";
import { Return } from "./flow.js";
import { listAppend, newEmptyList } from "./lists.js";
import { nativeObject } from "./nativeObjects.js";
import { nativeFunction, None, pyBool, type Kwargs, type PyObj } from "./objects.js";
import { repr } from "./repr.js";
import { truthy } from "./compare.js";

interface Future {
  readonly obj: PyObj;
  done: boolean;
  result: PyObj;
  exc: PyException | null;
  callbacks: (() => void)[];
}

interface Loop {
  readonly ready: (() => void)[];
  readonly tasks: { readonly coro: PyObj; readonly fut: Future }[];
  /** Callbacks of the current _run_once batch still to run (those ready when it began). */
  batchLeft: number;
  /** run_until_complete's callback ran: the loop stops after this batch. */
  stopping: boolean;
  /** How many awaits are waiting in place, one inside the other's JS frame. */
  depth: number;
}

/** One callback of the ready queue, in FIFO order; a new batch begins when the last one's is done. */
function runOne(l: Loop): void {
  if (l.batchLeft === 0) {
    if (l.stopping) throw new PymemError("UNSUPPORTED", "tasks still running when asyncio.run's coroutine ends (their cancellation)");
    l.batchLeft = l.ready.length;
    if (l.batchLeft === 0) throw new PymemError("UNSUPPORTED", "a loop with nothing ready to run (waiting on timers or IO)");
  }
  l.batchLeft--;
  ctx().tick();
  (l.ready.shift() as () => void)();
}

let running: Loop | null = null;
const futures = new WeakMap<PyObj, Future>();

function loop(what: string): Loop {
  if (running === null) throw new PymemError("UNSUPPORTED", `${what} outside asyncio.run (a loop pymem does not run)`);
  return running;
}

function newFuture(typeName: string): Future {
  const obj = nativeObject(typeName, {});
  const f: Future = { obj, done: false, result: None, exc: null, callbacks: [] };
  futures.set(obj, f);
  setNativeAwait(obj, () => awaitFuture(f));
  return f;
}

/** Future.__await__: yield the future to the task until it is done, then its result. */
function* awaitFuture(f: Future): AwaitSteps {
  if (!f.done) yield f.obj;
  if (!f.done) throw new PyException("RuntimeError", "await wasn't used with future");
  if (f.exc !== null) throw f.exc;
  return f.result;
}

/** Future.add_done_callback: call_soon at once when already done. */
function addDoneCallback(f: Future, cb: () => void): void {
  if (f.done) loop("a future").ready.push(cb);
  else f.callbacks.push(cb);
}

function settle(f: Future, result: PyObj, exc: PyException | null): void {
  f.done = true;
  f.result = result;
  f.exc = exc;
  const l = loop("a future");
  for (const cb of f.callbacks) l.ready.push(cb);
  f.callbacks = [];
}

/** loop.create_task: the first step is scheduled at once. */
function newTask(coro: PyObj): Future {
  const l = loop("a task");
  const fut = newFuture("Task");
  l.tasks.push({ coro, fut });
  const step = (): void => {
    let s;
    try {
      s = coroutineStep(coro);
    } catch (e) {
      if (!(e instanceof PyException)) throw e;
      settle(fut, None, e);
      return;
    }
    if ("returned" in s) {
      settle(fut, s.returned, null);
      return;
    }
    const v = s.yielded;
    if (v === None) l.ready.push(step);
    else {
      const waited = futures.get(v);
      if (waited === undefined) throw new PymemError("UNSUPPORTED", "a task's coroutine yielding something other than None or a future (Task got bad yield)");
      addDoneCallback(waited, step);
    }
  };
  l.ready.push(step);
  return fut;
}

/**
 * An await running in place inside a task's step: the task's wakeup is scheduled
 * as Task.__step would (call_soon on a bare yield, a done-callback on a future)
 * and the loop runs here until it comes. Exact while the wakeups come in the
 * order the JS frames can return in; otherwise refused.
 */
function inPlace(l: Loop): (v: PyObj) => void {
  return (v) => {
    const level = ++l.depth;
    let woken = false;
    const wake = (): void => {
      if (l.depth !== level) throw new PymemError("UNSUPPORTED", "awaits inside expressions of two tasks resuming in another order than they suspended (pymem suspends an await only as a statement, an assignment's value or a return's)");
      woken = true;
    };
    try {
      const f = futures.get(v);
      if (v === None) l.ready.push(wake);
      else if (f !== undefined) addDoneCallback(f, wake);
      else throw new PymemError("UNSUPPORTED", "a task's coroutine yielding something other than None or a future (Task got bad yield)");
      while (!woken) runOne(l);
    } finally {
      l.depth--;
    }
  };
}

/** asyncio.run(main): a new loop runs main's task; then the loop stops as run_until_complete's callback asks. */
function asyncioRun(args: readonly PyObj[], kw: Kwargs): PyObj {
  if (args.length !== 1 || [...kw.values.keys()].some((k) => k !== "debug")) throw typeError(`run() takes 1 positional argument but ${args.length} were given`);
  const main = args[0] as PyObj;
  if (running !== null) throw new PyException("RuntimeError", "asyncio.run() cannot be called from a running event loop");
  if (!isCoroutine(main)) throw valueError(`a coroutine was expected, got ${repr(main)}`);
  const l: Loop = { ready: [], tasks: [], batchLeft: 0, stopping: false, depth: 0 };
  running = l;
  const saved = setInPlaceSuspension(inPlace(l));
  try {
    const fut = newTask(main);
    fut.callbacks.push(() => {
      l.stopping = true;
    });
    while (!(l.stopping && l.batchLeft === 0)) runOne(l);
    // _cancel_all_tasks: a task begun and not done would get CancelledError at its await.
    for (const t of l.tasks) if (!t.fut.done && coroutineSuspended(t.coro)) throw new PymemError("UNSUPPORTED", "tasks still running when asyncio.run's coroutine ends (their cancellation)");
    if (fut.exc !== null) throw fut.exc;
    return fut.result;
  } finally {
    running = null;
    setInPlaceSuspension(saved);
  }
}

/** asyncio.gather(*aws, return_exceptions=False). */
function gather(args: readonly PyObj[], kw: Kwargs): PyObj {
  const returnExceptions = truthy(kw.values.get("return_exceptions") ?? None);
  if ([...kw.values.keys()].some((k) => k !== "return_exceptions")) throw new PymemError("UNSUPPORTED", "asyncio.gather() with keywords other than return_exceptions");
  if (args.length === 0) {
    loop("asyncio.gather()");
    const outer = newFuture("Future");
    settle(outer, newEmptyList(), null);
    return outer.obj;
  }
  const children: Future[] = [];
  const argToFut = new Map<PyObj, Future>();
  for (const a of args) {
    let f = argToFut.get(a);
    if (f === undefined) {
      f = futures.get(a) ?? (isCoroutine(a) ? newTask(a) : undefined);
      if (f === undefined) throw typeError("An asyncio.Future, a coroutine or an awaitable is required");
      argToFut.set(a, f);
    }
    children.push(f);
  }
  const outer = newFuture("_GatheringFuture");
  const nfuts = argToFut.size;
  let nfinished = 0;
  for (const f of argToFut.values()) {
    const child = f;
    addDoneCallback(child, () => {
      nfinished++;
      if (outer.done) return;
      if (!returnExceptions && child.exc !== null) {
        settle(outer, None, child.exc);
        return;
      }
      if (nfinished === nfuts) {
        const results = newEmptyList();
        for (const c of children) listAppend(results, c.exc !== null ? exceptionObject(c.exc) : c.result);
        settle(outer, results, null);
      }
    });
  }
  return outer.obj;
}

/** asyncio.sleep(delay, result=None): a coroutine; a delay above 0 needs a timer. */
function sleep(layout: Layout): (args: readonly PyObj[], kw: Kwargs) => PyObj {
  return (args, kw) => {
    const delay = args[0] ?? kw.values.get("delay");
    const result = args[1] ?? kw.values.get("result") ?? None;
    if (delay === undefined) throw typeError("sleep() missing 1 required positional argument: 'delay'");
    if (!((delay.t === "int" && Number(delay.v) <= 0) || (delay.t === "float" && delay.v <= 0))) throw new PymemError("UNSUPPORTED", "asyncio.sleep() with a delay above 0 (a timer)");
    return makeCoroutine(function* () {
      yield None;
      throw new Return(result);
    }, "sleep", "sleep", layout.rules.asyncioSleepFrameSlots);
  };
}

/** The rest of asyncio's names in 3.8 to 3.13 (those of one version only too): refused by name, never an AttributeError. */
const REFUSED: readonly string[] = [
  "ALL_COMPLETED", "AbstractChildWatcher", "AbstractEventLoop", "AbstractEventLoopPolicy", "AbstractServer",
  "Barrier", "BaseEventLoop", "BaseProtocol", "BaseTransport", "BoundedSemaphore", "BrokenBarrierError",
  "BufferedProtocol", "CancelledError", "Condition", "DatagramProtocol", "DatagramTransport",
  "DefaultEventLoopPolicy", "Event", "EventLoop", "FIRST_COMPLETED", "FIRST_EXCEPTION", "FastChildWatcher",
  "Future", "Handle", "IncompleteReadError", "InvalidStateError", "LifoQueue", "LimitOverrunError", "Lock",
  "MultiLoopChildWatcher", "PidfdChildWatcher", "PriorityQueue", "Protocol", "Queue", "QueueEmpty",
  "QueueFull", "QueueShutDown", "ReadTransport", "Runner", "SafeChildWatcher", "SelectorEventLoop",
  "Semaphore", "SendfileNotAvailableError", "Server", "StreamReader", "StreamReaderProtocol", "StreamWriter",
  "SubprocessProtocol", "SubprocessTransport", "Task", "TaskGroup", "ThreadedChildWatcher", "Timeout",
  "TimeoutError", "TimerHandle", "Transport", "WriteTransport", "all_tasks", "as_completed", "base_events",
  "base_futures", "base_subprocess", "base_tasks", "constants", "coroutine", "coroutines",
  "create_eager_task_factory", "create_subprocess_exec", "create_subprocess_shell", "create_task",
  "current_task", "eager_task_factory", "ensure_future", "events", "exceptions", "format_helpers", "futures",
  "get_child_watcher", "get_event_loop", "get_event_loop_policy", "get_running_loop", "isfuture", "locks",
  "log", "mixins", "new_event_loop", "open_connection", "open_unix_connection", "protocols", "queues",
  "run_coroutine_threadsafe", "runners", "selector_events", "set_child_watcher", "set_event_loop",
  "set_event_loop_policy", "shield", "sslproto", "staggered", "start_server", "start_unix_server", "streams",
  "subprocess", "sys", "taskgroups", "tasks", "threads", "timeout", "timeout_at", "timeouts", "to_thread",
  "transports", "trsock", "unix_events", "wait", "wait_for", "wrap_future",
];

/** What an evaluation reads of asyncio that pymem does not run: a refusal naming it. */
export function asyncioRefusals(): [string, () => PyObj][] {
  return REFUSED.map((n) => [n, (): PyObj => {
    throw new PymemError("UNSUPPORTED", `asyncio.${n} (pymem's loop only runs coroutines that never block: asyncio.run, sleep(0), gather)`);
  }]);
}

export function asyncioModuleAttrs(layout: Layout): [string, PyObj][] {
  return [
    // Functions of Lib/asyncio written in Python: function objects, as their size and type show.
    ["run", nativeFunction("run", asyncioRun)],
    ["sleep", nativeFunction("sleep", sleep(layout))],
    ["gather", nativeFunction("gather", gather)],
    ["iscoroutine", nativeFunction("iscoroutine", ([o]) => pyBool(o !== undefined && isCoroutine(o)))],
    ["iscoroutinefunction", nativeFunction("iscoroutinefunction", ([o]) => pyBool(o !== undefined && isCoroutineFunction(o)))],
  ];
}
