// Progress of a long evaluation or deep walk, for the CLI's progress line:
// nothing is reported for work that ends within a second, then at most four
// reports a second. The runtime only counts; whoever supplies the sink shows it.

export interface Progress {
  readonly phase: "evaluating" | "sizing";
  /** Steps of work so far (evaluating) or objects reached (sizing). */
  readonly done: number;
  /** The step budget while evaluating; null while sizing. */
  readonly of: number | null;
}

export type ProgressSink = (p: Progress) => void;

const QUIET_MS = 1000;
const EVERY_MS = 250;

export class ProgressClock {
  private last = 0;
  private readonly start = performance.now();

  constructor(private readonly sink: ProgressSink) {}

  /** Called at the callers' own checkpoints (every few thousand units of work). */
  report(phase: Progress["phase"], done: number, of: number | null): void {
    const now = performance.now();
    if (now - this.start < QUIET_MS || now - this.last < EVERY_MS) return;
    this.last = now;
    this.sink({ phase, done, of });
  }
}
