// The state one evaluation runs in: the CPython layout, the interned-string
// table, and the work budget that keeps every evaluation bounded.
import type { Layout } from "../layouts/layout.js";
import { limitError } from "./errors.js";
import type { PyStrObj } from "./objects.js";

export class Ctx {
  /** PyUnicode_InternInPlace's table: identifier-like constants of every code unit meet here. */
  readonly interned = new Map<string, PyStrObj>();
  /** sys.getsizeof, supplied by the sizing stage (the runtime never computes sizes itself). */
  sizeof: ((o: import("./objects.js").PyObj) => number) | null = null;
  /** decimal.getcontext().prec */
  decimalPrec = 28;
  private steps = 0;
  private nextCheck = 1 << 16;
  private readonly deadline: number;

  constructor(
    readonly layout: Layout,
    readonly timeLimitMs: number,
  ) {
    this.deadline = performance.now() + timeLimitMs;
  }

  /** Account for `n` units of work; refuses to go on past the time limit. */
  tick(n = 1): void {
    this.steps += n;
    if (this.steps >= this.nextCheck) {
      this.nextCheck = this.steps + (1 << 16);
      if (performance.now() > this.deadline) {
        throw limitError(`evaluation stopped after ${this.timeLimitMs / 1000} s: pymem bounds the work of one value`);
      }
    }
  }
}

let current: Ctx | null = null;

export function ctx(): Ctx {
  if (current === null) throw new Error("no evaluation in progress");
  return current;
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
