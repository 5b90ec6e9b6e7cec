// `pymem check`: budgets from pyproject.toml, exit 1 when any is exceeded.
import { dirname, relative, resolve } from "node:path";
import { runBudget, type BudgetOutcome } from "../budgets/check.js";
import type { ConfigProblem } from "../budgets/config.js";
import { layoutFor } from "../layouts/layout.js";
import { githubAnnotations, humanBudgetReport, jsonBudgetReport, junitBudgetReport } from "./budgetReport.js";
import { parseTimeout } from "./common.js";
import { CliError, type Io } from "./io.js";
import { makeChalk } from "./style.js";

export interface CheckOptions {
  config?: string;
  json?: boolean;
  hidePassed?: boolean;
  reporter?: string;
  color: boolean;
  timeout?: string;
}

/** pyproject.toml in the working directory or the nearest parent that has one. */
async function findConfig(io: Io): Promise<{ path: string; text: string }> {
  let dir = resolve(io.cwd);
  for (;;) {
    const path = resolve(dir, "pyproject.toml");
    try {
      return { path, text: await io.readFile(path) };
    } catch {
      const up = dirname(dir);
      if (up === dir) throw new CliError(`no pyproject.toml found in ${io.cwd} or its parents (or give --config PATH)`, 2, "CONFIG");
      dir = up;
    }
  }
}

function problemText(p: ConfigProblem, file: string): string {
  return `${file}${p.line === null ? "" : `:${p.line}`}: ${p.path} ${p.message}`;
}

export async function checkCommand(io: Io, opts: CheckOptions): Promise<number> {
  const reporter = opts.json === true ? "json" : opts.reporter ?? "human";
  if (!["human", "json", "junit"].includes(reporter)) throw new CliError(`unknown reporter '${reporter}': use human, json or junit`, 2, "CONFIG");
  let found: { path: string; text: string };
  if (opts.config !== undefined) {
    const path = resolve(io.cwd, opts.config);
    try {
      found = { path, text: await io.readFile(path) };
    } catch {
      throw new CliError(`cannot read config file '${opts.config}'`, 2, "CONFIG");
    }
  } else found = await findConfig(io);
  const file = relative(io.cwd, found.path) || "pyproject.toml";
  const { parseConfig } = await import("../budgets/config.js");
  const parsed = parseConfig(found.text);
  if (!parsed.ok) {
    throw new CliError(parsed.problems.map((p) => problemText(p, file)).join("\n"), 2, "CONFIG");
  }
  const cfg = parsed.config;
  const layout = layoutFor(cfg.python);
  if (layout === undefined) throw new CliError(`${file}: tool.pymem.python "${cfg.python}" is not supported`, 2, "CONFIG");
  let shared: string | null = null;
  if (cfg.setupFile !== null) {
    try {
      shared = await io.readFile(resolve(dirname(found.path), cfg.setupFile));
    } catch {
      throw new CliError(`${file}: tool.pymem.setup-file '${cfg.setupFile}' cannot be read`, 2, "CONFIG");
    }
  }
  const timeoutS = opts.timeout !== undefined ? parseTimeout(opts.timeout) : cfg.timeoutS ?? undefined;
  const outcomes: BudgetOutcome[] = cfg.budgets.map((b) => runBudget(b, layout, shared, timeoutS));
  const color = opts.color && io.env["NO_COLOR"] === undefined && io.stdout.isTTY === true;
  const c = makeChalk(color);
  const where = (o: BudgetOutcome): string | null => (o.budget.line === null ? file : `${file}:${o.budget.line}`);
  if (reporter === "json") io.stdout.write(jsonBudgetReport(outcomes));
  else if (reporter === "junit") io.stdout.write(junitBudgetReport(outcomes));
  else io.stdout.write(humanBudgetReport(outcomes, c, opts.hidePassed === true, where));
  if (io.env["GITHUB_ACTIONS"] === "true") io.stdout.write(githubAnnotations(outcomes, file));
  if (outcomes.some((o) => !o.ok)) return 2;
  return outcomes.every((o) => o.ok && o.passed) ? 0 : 1;
}
