// What size, explain and compare share: the Python version, the setup, colour.
import { resolve } from "node:path";
import { DEFAULT_TIMEOUT_S } from "../runtime/ctx.js";
import { layoutFor, SUPPORTED_PYTHONS, type Layout } from "../layouts/layout.js";
import { CliError, type Io } from "./io.js";
import { projectPython } from "./pyproject.js";

/** The version modelled when neither --python nor pyproject.toml names one (the project's brief). */
export const DEFAULT_PYTHON = "3.10";
import { colorLevel, makeChalk, type Chalk } from "./style.js";

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

/** The most `--timeout` accepts: one value for an hour is past any use, and keeps the budgets exact. */
const MAX_TIMEOUT_S = 3600;

export function parseTimeout(text: string | undefined): number {
  if (text === undefined) return DEFAULT_TIMEOUT_S;
  const s = Number(text.trim());
  if (text.trim() === "" || !Number.isFinite(s) || s <= 0 || s > MAX_TIMEOUT_S) {
    throw new CliError(`--timeout '${text}' is not a number of seconds between 0 and ${MAX_TIMEOUT_S}`, 2, "CONFIG");
  }
  return s;
}

/** `--python`: one version, a comma list ("3.10,3.11") or "all" (every supported one, oldest first), as layouts. */
export function resolvePythons(text: string): Layout[] {
  const names = text.trim() === "all" ? [...SUPPORTED_PYTHONS] : text.split(",").map((v) => v.trim());
  const out: Layout[] = [];
  for (const name of names) {
    const layout = layoutFor(name);
    if (layout === undefined) throw new CliError(`Python ${name} is not supported; supported versions: ${SUPPORTED_PYTHONS.join(", ")} (or a comma list of them, or all)`, 2, "CONFIG");
    if (!out.includes(layout)) out.push(layout);
  }
  return out;
}

/** The common options with every version `--python` names (one, a comma list, or all). */
/** The version(s) a command models: --python, else the project's [tool.pymem] python, else 3.10. */
async function pythonsOf(io: Io, opts: CommonOptions): Promise<string> {
  return opts.python ?? (await projectPython(io)) ?? DEFAULT_PYTHON;
}

export async function resolveVersions(io: Io, opts: CommonOptions): Promise<Common & { readonly layouts: readonly Layout[] }> {
  const layouts = resolvePythons(await pythonsOf(io, opts));
  const common = await resolveCommon(io, { ...opts, python: (layouts[0] as Layout).python });
  return { ...common, layouts };
}

export async function resolveCommon(io: Io, opts: CommonOptions): Promise<Common> {
  const python = await pythonsOf(io, opts);
  const layouts = resolvePythons(python);
  if (layouts.length !== 1) throw new CliError(`--python takes one version here, not '${python}'`, 2, "CONFIG");
  const layout = layouts[0] as Layout;
  let setup: string | null = opts.setup ?? null;
  if (opts.setupFile !== undefined) {
    if (setup !== null) throw new CliError("give either --setup or --setup-file, not both");
    try {
      setup = await io.readFile(resolve(io.cwd, opts.setupFile));
    } catch {
      throw new CliError(`cannot read setup file '${opts.setupFile}'`, 2, "CONFIG");
    }
  }
  const color = colorLevel(opts.color, io.env, io.stdout.isTTY);
  return { layout, setup, setupFile: opts.setupFile ?? null, c: makeChalk(color), timeoutS: parseTimeout(opts.timeout) };
}
