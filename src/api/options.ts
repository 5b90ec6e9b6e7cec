// The options of a measurement, checked and resolved once for both faces of
// pymem: the library's measure() and the CLI's flags (src/cli/common.ts).
import { resolve } from "node:path";
import { layoutFor, SUPPORTED_PYTHONS, type Layout } from "../layouts/layout.js";
import { DEFAULT_TIMEOUT_S } from "../runtime/ctx.js";
import { PymemError } from "./pymemError.js";

/** The version modelled when no option or pyproject.toml names one (the project's brief). */
export const DEFAULT_PYTHON = "3.10";

/** The most a timeout may be: one value for an hour is past any use, and keeps the budgets exact. */
const MAX_TIMEOUT_S = 3600;

export interface ResolvedOptions {
  /** Each version once, in the order named ("all": oldest first). */
  readonly layouts: readonly Layout[];
  readonly setup: string | null;
  /** The setup file as the caller named it, for error positions. */
  readonly setupFile: string | null;
  readonly timeoutS: number;
}

/** What resolving needs from the host: the setup file's text. */
export interface OptionsHost {
  readonly readFile: (path: string) => Promise<string>;
  readonly cwd: string;
}

/** How messages name the options: the CLI's flags or the library's keys. */
export interface OptionNames {
  readonly setup: string;
  readonly setupFile: string;
}

export interface RawOptions {
  /** One version, a comma list ("3.10,3.11"), "all", or a list of versions. */
  readonly python: string | readonly string[];
  readonly setup?: string | undefined;
  readonly setupFile?: string | undefined;
  /** Seconds, already a number: checked by checkTimeout. */
  readonly timeoutS: number;
}

/** The versions named, as layouts; an unknown one is refused with the list of supported ones. */
export function resolvePythons(python: string | readonly string[]): Layout[] {
  const names = typeof python !== "string" ? python : python.trim() === "all" ? [...SUPPORTED_PYTHONS] : python.split(",").map((v) => v.trim());
  if (names.length === 0) throw new PymemError({ code: "CONFIG", message: "no Python version given" });
  const out: Layout[] = [];
  for (const name of names) {
    const layout = layoutFor(name);
    if (layout === undefined) throw new PymemError({ code: "CONFIG", message: `Python ${name} is not supported; supported versions: ${SUPPORTED_PYTHONS.join(", ")} (or a comma list of them, or all)` });
    if (!out.includes(layout)) out.push(layout);
  }
  return out;
}

/** A timeout in seconds, in (0, 3600]; `shown` is how the message names it ("--timeout '0'"). */
export function checkTimeout(seconds: unknown, shown: string): number {
  if (seconds === undefined) return DEFAULT_TIMEOUT_S;
  if (typeof seconds !== "number" || !Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_TIMEOUT_S) {
    throw new PymemError({ code: "CONFIG", message: `${shown} is not a number of seconds between 0 and ${MAX_TIMEOUT_S}` });
  }
  return seconds;
}

export async function resolveOptions(opts: RawOptions, host: OptionsHost, names: OptionNames): Promise<ResolvedOptions> {
  const layouts = resolvePythons(opts.python);
  let setup: string | null = opts.setup ?? null;
  if (opts.setupFile !== undefined) {
    if (setup !== null) throw new PymemError({ code: "INPUT", message: `give either ${names.setup} or ${names.setupFile}, not both` });
    try {
      setup = await host.readFile(resolve(host.cwd, opts.setupFile));
    } catch {
      throw new PymemError({ code: "CONFIG", message: `cannot read setup file '${opts.setupFile}'` });
    }
  }
  return { layouts, setup, setupFile: opts.setupFile ?? null, timeoutS: opts.timeoutS };
}
