// Measure one expression under each resolved version: the step `pymem size`
// and the library's measure() share. Returns data; reporting is the caller's.
import { measure, type MeasureResult } from "../sizing/measure.js";
import type { ProgressSink } from "../runtime/progress.js";
import type { ResolvedOptions } from "./options.js";
import type { ErrorPlace } from "./errorPlace.js";

/** One expression under one version, with what its error positions are relative to. */
export interface Measured {
  readonly expr: string;
  readonly python: string;
  readonly setup: string | null;
  /** The file the setup was read from, as the user named it, or null. */
  readonly setupFile: string | null;
  readonly result: MeasureResult;
  /** `load`: the data file (as named) and its loader, in place of an expression, and where its error points. */
  readonly file?: { readonly path: string; readonly loader: string; readonly place: ErrorPlace | null; readonly paths?: readonly { readonly path: string; readonly count: number; readonly bytes: number }[] };
}

/** Progress of one long measurement, shown by whoever asks (the CLI's terminal line). */
export type ProgressHook = (label: string) => { readonly options: { readonly onProgress?: ProgressSink }; finish(): void };

export function sizeRows(expr: string, opts: ResolvedOptions, progress?: ProgressHook): Measured[] {
  const { setup, setupFile, timeoutS } = opts;
  return opts.layouts.map((layout): Measured => {
    const line = progress?.(expr);
    const result = measure({ expr, setup, layout, timeoutS, ...line?.options });
    line?.finish();
    return { expr, python: layout.python, setup, setupFile, result };
  });
}
