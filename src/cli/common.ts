// What size, explain and compare share: the Python version, the setup, colour.
import { resolve } from "node:path";
import { layoutFor, SUPPORTED_PYTHONS, type Layout } from "../layouts/layout.js";
import { CliError, type Io } from "./io.js";
import { makeChalk, type Chalk } from "./style.js";

export interface CommonOptions {
  setup?: string;
  setupFile?: string;
  python: string;
  color: boolean;
  json?: boolean;
}

export interface Common {
  readonly layout: Layout;
  readonly setup: string | null;
  /** --setup-file as the user gave it, for error positions. */
  readonly setupFile: string | null;
  readonly c: Chalk;
}

export async function resolveCommon(io: Io, opts: CommonOptions): Promise<Common> {
  const layout = layoutFor(opts.python);
  if (layout === undefined) {
    throw new CliError(`Python ${opts.python} is not supported; supported versions: ${SUPPORTED_PYTHONS.join(", ")}`, 2, "CONFIG");
  }
  let setup: string | null = opts.setup ?? null;
  if (opts.setupFile !== undefined) {
    if (setup !== null) throw new CliError("give either --setup or --setup-file, not both");
    try {
      setup = await io.readFile(resolve(io.cwd, opts.setupFile));
    } catch {
      throw new CliError(`cannot read setup file '${opts.setupFile}'`, 2, "CONFIG");
    }
  }
  const color = opts.color && io.env["NO_COLOR"] === undefined && io.stdout.isTTY === true;
  return { layout, setup, setupFile: opts.setupFile ?? null, c: makeChalk(color) };
}
