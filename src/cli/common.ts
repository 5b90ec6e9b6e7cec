// What size, explain and compare share: the Python version, the setup, colour.
// The options themselves are checked where the library checks them (src/api/options.ts).
import { DEFAULT_TIMEOUT_S } from "../runtime/ctx.js";
import type { Layout } from "../layouts/layout.js";
import { checkTimeout, DEFAULT_PYTHON, resolveOptions, type OptionNames } from "../api/options.js";
import type { Io } from "./io.js";
import { projectPython } from "./pyproject.js";
import { colorLevel, makeChalk, type Chalk } from "./style.js";

export { DEFAULT_PYTHON };
export { resolvePythons } from "../api/options.js";

const FLAGS: OptionNames = { setup: "--setup", setupFile: "--setup-file" };

export interface CommonOptions {
  setup?: string;
  setupFile?: string;
  /** --python; absent: [tool.pymem] python of the nearest pyproject.toml, else 3.10. */
  python?: string;
  color: boolean;
  json?: boolean;
  timeout?: string;
}

export interface Common {
  readonly layout: Layout;
  readonly setup: string | null;
  /** --setup-file as the user gave it, for error positions. */
  readonly setupFile: string | null;
  readonly c: Chalk;
  /** `--timeout`: seconds of work allowed per value (scales pymem's step budget and its wall-clock safety net). */
  readonly timeoutS: number;
}

export function parseTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_TIMEOUT_S;
  return checkTimeout(text.trim() === "" ? Number.NaN : Number(text.trim()), `--timeout '${text}'`);
}

/** The version(s) a command models: --python, else the project's [tool.pymem] python, else 3.10. */
async function pythonsOf(io: Io, opts: CommonOptions): Promise<string> {
  return opts.python ?? (await projectPython(io)) ?? DEFAULT_PYTHON;
}

/** The common options with every version `--python` names (one, a comma list, or all). */
export async function resolveVersions(io: Io, opts: CommonOptions): Promise<Common & { readonly layouts: readonly Layout[] }> {
  const python = await pythonsOf(io, opts);
  const timeoutS = parseTimeout(opts.timeout);
  const r = await resolveOptions({ python, setup: opts.setup, setupFile: opts.setupFile, timeoutS }, io, FLAGS);
  const color = colorLevel(opts.color, io.env, io.stdout.isTTY);
  return { ...r, layout: r.layouts[0] as Layout, c: makeChalk(color) };
}
