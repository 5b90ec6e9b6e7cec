// The state one evaluation runs in: the CPython layout, the interned-string
// table, and the work budget that keeps every evaluation bounded.
import type { Layout } from "../layouts/layout.js";
import { getHeapStatistics } from "node:v8";
import { groupDigits } from "../budgets/limits.js";
import { limitError, PymemError } from "./errors.js";
import type { PyStrObj } from "./objects.js";
import { noteHeapUsed } from "./heapPolicy.js";
import type { ProgressClock } from "./progress.js";

/**
 * pymem's bounds on one evaluation. The counted ones decide: the same input is
 * answered or refused the same way on any machine, loaded or not. The clock is
 * only a safety net for work nothing counts.
 */
export interface Budget {
  /** The `--timeout` these bounds were made for, in seconds. */
  readonly timeoutS: number;
  /** Steps of work: loop iterations, items visited or copied, characters produced. */
  readonly steps: number;
  /** Characters and bytes of str/bytes contents pymem may produce, in bytes of JS memory. */
  readonly text: number;
  /** The wall-clock safety net, in milliseconds. */
  readonly wallMs: number;
}

export const DEFAULT_TIMEOUT_S = 4;
/**
 * Steps per second of --timeout: the default 5,000,000 answers every fixture
 * and most workloads of scripts/bench.mjs at 10^6 items (the heaviest, a list
 * of 10^6 three-key record dicts, takes 6.2 million: --timeout 5), while the
 * costliest steps, those that keep millions of tables alive for the garbage
 * collector, still end with LIMIT within about 5 s of CPU (at 5 and 10, a
 * mutation fuzz found inputs taking 5 to 12 s to refuse). A cheap node is one
 * step; the costly ones count more (builtin calls, new generators and
 * functions, format fields, produced text, the heaviest allocations), so an
 * input ends with LIMIT within about 0.8 s of CPU per second of --timeout on
 * this project's machines, whatever it spends its steps on.
 */
const STEPS_PER_TIMEOUT_S = 1_250_000;
/**
 * Characters or bytes produced per counted step. Copying them is cheap, but
 * what produces them (number formatting, codecs, case mapping) is not: at 64 a
 * step a loop building long strings stops within the same time as any other.
 */
const TEXT_PER_STEP = 64;
/**
 * Text contents held or produced over one evaluation. Not scaled by --timeout:
 * it bounds pymem's own memory, well under Node's default heap.
 */
export const MAX_TEXT_TOTAL = 1 << 30;

export function budgetFor(timeoutS: number = DEFAULT_TIMEOUT_S): Budget {
  return {
    timeoutS,
    steps: Math.round(STEPS_PER_TIMEOUT_S * timeoutS),
    text: MAX_TEXT_TOTAL,
    // The last resort, for work nothing counts: far past where the steps end any counted input.
    wallMs: 4000 * timeoutS,
  };
}

const HINT = "give a larger --timeout SECONDS for big values";

/**
 * The share of Node's heap limit an evaluation may fill: past it V8 spends its
 * time in full collections and then aborts the process, which pymem must
 * never do; refusing with LIMIT leaves room to report.
 */
const HEAP_SHARE = 0.75;
const heapBound = HEAP_SHARE * getHeapStatistics().heap_size_limit;

/** The sizes the runtime hands out (sys.getsizeof, x.__sizeof__()), computed by the sizing stage. */
export interface SizeOracle {
  /** sys.getsizeof(o). */
  getsizeof(o: import("./objects.js").PyObj): number;
  /** o.__sizeof__(): getsizeof without the GC header and pre-header in front of the object. */
  sizeofMethod(o: import("./objects.js").PyObj): number;
}

export class Ctx {
  /** The exceptions being handled, innermost last (sys.exc_info): a bare `raise` re-raises the last, a new one takes it as __context__. */
  readonly handling: import("./objects.js").PyObj[] = [];
  /** The classes made over each class in this evaluation, in the order they were made (tp_subclasses; classRegistry.ts). */
  readonly subclasses = new WeakMap<object, import("./objects.js").PyClassObj[]>();
  /** The random module's hidden Random, once random.seed() made it (null: never seeded in this evaluation). */
  randomState: import("./randomState.js").PyRandom | null = null;
  /** Module-level objects a module makes once per evaluation (json.decoder's NaN and infinities), by name. */
  readonly moduleState = new Map<string, unknown>();
  /**
   * Generators suspended inside a try statement: CPython closes one when it is freed, running its
   * finally (or handlers) then; pymem has no reference counts, so an evaluation leaving any is refused.
   */
  readonly suspendedInTry = new Set<object>();
  /** PyUnicode_InternInPlace's table: identifier-like constants of every code unit meet here (constPool.ts seeds it). */
  readonly interned = new Map<string, PyStrObj>();
  /** Whether `interned` holds what the interpreter's start-up interned (the layout's preinternedChars). */
  internSeeded = false;
  /** When each text of `interned` was interned: how many sources had been compiled then (0: the start-up's). */
  readonly internedAt = new Map<string, number>();
  /** Objects known to be alive besides the module's names (the value being measured): see liveSharers.ts. */
  liveRoots: readonly import("./objects.js").PyObj[] = [];
  /** The setup's module namespace, once the evaluation made it. */
  globals: ReadonlyMap<string, import("./objects.js").PyObj> | null = null;
  /** The source texts compiled so far (setup, then expression): their identifiers are interned (sysIntern.ts). */
  readonly sources: { readonly text: string; readonly mode: "exec" | "eval" }[] = [];
  /** The interpreter's statically allocated strs met so far (3.11+ bool_repr's 'True' and 'False'), by text. */
  readonly staticStrs = new Map<string, PyStrObj>();
  /** sys.getsizeof and __sizeof__, supplied by the sizing stage (the runtime never computes sizes itself). */
  sizes: SizeOracle | null = null;
  /** decimal.getcontext().prec */
  decimalPrec = 28;
  /** The strs given a wchar_t copy (wstr) by PyUnicode_AsUnicode, where the layout's rules say array('u') does so. */
  readonly wstr = new WeakSet<PyStrObj>();
  /**
   * Whether a lone surrogate was made in this evaluation: from then on a surrogate pair in a new
   * str's text may be two lone code points that JS concatenation joined (see surrogatesMet).
   */
  loneSurrogates = false;
  /**
   * How to build the next frozenset constant whose order depends on an interned state pymem
   * cannot know (constPool.ts), told why: true, rebuilt a second time; false, once. Without it such a
   * constant is refused; sizing.measure tries each way and answers when the figures agree.
   */
  rebuildGuess: ((why: string) => boolean) | null = null;
  /** The empty frozenset singleton of versions that have one, once made. */
  emptyFrozenset: import("./objects.js").PySetObj | null = null;
  private stepsUsed = 0;
  private textUsed = 0;
  private nextClockCheck = 1 << 16;
  private readonly deadline: number;

  constructor(
    readonly layout: Layout,
    readonly budget: Budget = budgetFor(),
    /** Told how far a long evaluation has got (the CLI's progress line). */
    readonly progress: ProgressClock | null = null,
  ) {
    this.deadline = performance.now() + budget.wallMs;
  }

  get steps(): number {
    return this.stepsUsed;
  }

  get textProduced(): number {
    return this.textUsed;
  }

  /** Account for `n` units of work; refuses to go on past the step budget. */
  tick(n = 1): void {
    this.stepsUsed += n;
    if (this.stepsUsed >= this.nextClockCheck) {
      if (this.stepsUsed > this.budget.steps) {
        throw limitError(`evaluation stopped after ${groupDigits(this.budget.steps)} steps of work (the step budget of --timeout ${this.budget.timeoutS}): ${HINT}`);
      }
      this.nextClockCheck = this.stepsUsed + (1 << 16);
      this.progress?.report("evaluating", this.stepsUsed, this.budget.steps);
      const used = getHeapStatistics().used_heap_size;
      noteHeapUsed(used);
      if (used > heapBound) {
        throw limitError(`this value needs more than ${Math.round(heapBound / 2 ** 20)} MiB of pymem's memory to model (${Math.round(HEAP_SHARE * 100)}% of Node's heap limit)`);
      }
      if (performance.now() > this.deadline) {
        throw limitError(`evaluation stopped after ${this.budget.wallMs / 1000} s of wall-clock time (the safety net of --timeout ${this.budget.timeoutS}): ${HINT}`);
      }
    }
  }

  /** Account for `units` bytes of str/bytes contents about to be produced; call before doing the work. */
  text(units: number): void {
    this.textUsed += units;
    if (this.textUsed > this.budget.text) {
      throw limitError(`this value needs more than ${this.budget.text / 2 ** 20} MiB of string and bytes contents spelled out, pymem's memory bound`);
    }
    this.tick(units / TEXT_PER_STEP);
  }
}

let current: Ctx | null = null;

export function ctx(): Ctx {
  if (current === null) throw new Error("no evaluation in progress");
  return current;
}

/** Whether this evaluation gave `s` a wstr copy (false outside one). */
export function hasWstr(s: PyStrObj): boolean {
  return current !== null && current.wstr.has(s);
}

/** Account for str/bytes contents about to be produced (a no-op outside an evaluation: the builtins' own constants). */
export function chargeText(units: number): void {
  if (current !== null) current.text(units);
}

/** A producer of code points (chr of a number, a codec, a mapping) made a surrogate code point. */
export function noteSurrogate(cp: number): void {
  if (current !== null && cp >= 0xd800 && cp <= 0xdfff) current.loneSurrogates = true;
}

/**
 * A new str's text holds lone surrogates and/or surrogate pairs. CPython keeps '\ud83d' + '\ude00'
 * as two code points; a JS string reads them as one astral character. So once a lone surrogate
 * exists in an evaluation, a pair in any new text may be such a join, and the str is refused
 * rather than sized as one character (the builtins' own constants, outside an evaluation, hold none).
 */
export function surrogatesMet(lone: boolean, pair: boolean): void {
  if (current === null) return;
  if (lone) current.loneSurrogates = true;
  if (pair && current.loneSurrogates) {
    throw new PymemError("UNSUPPORTED", "a str holding a surrogate pair in an evaluation that made lone surrogates (CPython may keep two lone code points where a JS string reads one astral character)");
  }
}

/** Characters a character-by-character JS loop gets through per counted step. */
const CHARS_PER_STEP = 4;

/**
 * Account for a pass over `n` characters or bytes one at a time (code point
 * arrays, per-character loops): far slower than copying, so counted before it
 * starts. Short texts are not worth the bookkeeping.
 */
export function chargeChars(n: number): void {
  if (current !== null && n >= CHARS_COUNTED_FROM) current.tick(n / (n >= 1 << 16 ? CHARS_PER_STEP : SHORT_CHARS_PER_STEP));
}

/** Passes over a few hundred characters add up too in a loop ('key' * 100).strip(): counted from here, more lightly. */
const CHARS_COUNTED_FROM = 256;
const SHORT_CHARS_PER_STEP = 16;

/**
 * Steps charged for making the objects whose JS model is heaviest — an
 * iterator (closures over its state), a set or dict (a hash table), bytes and
 * bytearray contents (a typed array), a range (four BigInts): a loop making
 * them is slowed by the garbage collector more than by its own work.
 */
export const ALLOCATION_STEPS = { iterator: 2, table: 1, buffer: 1, range: 2 } as const;

/** Account for work done outside an evaluation too (a no-op there). */
export function chargeSteps(n: number): void {
  if (current !== null) current.tick(n);
}

export function withCtx<T>(c: Ctx, f: () => T): T {
  const saved = current;
  current = c;
  try {
    return f();
  } finally {
    current = saved;
  }
}
