// `pymem load PATH...`: the figures of what Python's own loader returns for
// each data file, per version, in the table or JSON lines of `size`.
import { checkLoader, loadRows } from "../api/loadRows.js";
import { resolveVersions, type CommonOptions } from "./common.js";
import { CliError, type Io } from "./io.js";
import { HumanReporter, JsonReporter } from "./reporters.js";

export interface LoadOptions extends CommonOptions {
  as?: string;
}

export async function loadCommand(io: Io, paths: readonly string[], opts: LoadOptions): Promise<number> {
  const as = checkLoader(opts.as, "--as");
  const { layouts, c } = await resolveVersions(io, opts);
  if (paths.length === 0) throw new CliError("no file given: pymem load PATH...");
  const rows = loadRows(paths, as, layouts, io.cwd);
  (opts.json === true ? new JsonReporter(io) : new HumanReporter(io, c)).report(rows);
  return rows.every((r) => r.result.ok) ? 0 : 2;
}
