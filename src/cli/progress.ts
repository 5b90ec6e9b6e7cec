// The progress line: on a terminal only, on stderr, for a value that takes more
// than a second (the runtime decides when to report; this shows it and clears it).
import { groupDigits } from "../budgets/limits.js";
import type { Progress, ProgressSink } from "../runtime/progress.js";
import type { Io } from "./io.js";

const LABEL_MAX = 40;
const CLEAR = "\r\u001b[2K";

export interface ProgressLine {
  /** For measure(): no sink when stderr is not a terminal, so nothing is reported at all. */
  readonly options: { readonly onProgress?: ProgressSink };
  /** Clears the line, if one was shown. */
  finish(): void;
}

function shorten(label: string): string {
  const flat = label.replace(/\s+/g, " ");
  if (flat.length <= LABEL_MAX) return flat;
  const half = (LABEL_MAX - 1) / 2;
  return `${flat.slice(0, Math.ceil(half))}…${flat.slice(flat.length - Math.floor(half))}`;
}

export function describeProgress(label: string, p: Progress): string {
  const what =
    p.of === null
      ? `${groupDigits(p.done)} objects reached`
      : `${groupDigits(Math.floor(p.done))} steps of work (${Math.floor((100 * p.done) / p.of)}% of the --timeout budget)`;
  return `pymem: ${p.phase} ${shorten(label)}: ${what}`;
}

export function progressLine(io: Io, label: string): ProgressLine {
  if (io.stderr.isTTY !== true) return { options: {}, finish: () => undefined };
  let shown = false;
  return {
    options: {
      onProgress: (p) => {
        shown = true;
        io.stderr.write(CLEAR + describeProgress(label, p));
      },
    },
    finish: () => {
      if (shown) io.stderr.write(CLEAR);
      shown = false;
    },
  };
}
