// `pymem check`: budgets from pyproject.toml, exit 1 when any is exceeded.
import { dirname, isAbsolute, relative, resolve, sep } from "node:path";
import { budgetSetupParts, runBudget, type BudgetOutcome } from "../budgets/check.js";
import type { ConfigProblem } from "../budgets/config.js";
import { layoutFor, type Layout } from "../layouts/layout.js";
import { requiresPythonAllows } from "../budgets/requiresPython.js";
import type { SetupPart } from "../setupParts.js";
import {
  configAnnotations,
  githubAnnotations,
  humanBudgetReport,
  jsonBudgetReport,
  jsonConfigErrorReport,
  junitBudgetReport,
  junitConfigErrorReport,
  type Annotation,
  type BudgetPlaces,
} from "./budgetReport.js";
import { errorPlace } from "./format.js";
import { parseTimeout, resolvePythons } from "./common.js";
import { baselineView, parseBaseline, type BaselineEntry, type BaselineView } from "../budgets/baseline.js";
import { markdownBudgetReport, markdownConfigErrorReport } from "./markdownReport.js";
import { findConfig } from "./pyproject.js";
import { CliError, type Io } from "./io.js";
import { colorLevel, makeChalk, type ColorLevel } from "./style.js";
import { terminalWidth } from "./tableFit.js";

export interface CheckOptions {
  config?: string;
  json?: boolean;
  hidePassed?: boolean;
  reporter?: string;
  output?: string;
  baseline?: string;
  python?: string;
  color: boolean;
  timeout?: string;
}

const REPORTERS = ["human", "json", "junit", "markdown"] as const;
type ReporterName = (typeof REPORTERS)[number];

/** A file the check read, named for people (from the working directory) and for CI (from the repository root). */
interface ConfigFile {
  readonly path: string;
  readonly text: string;
  readonly shown: string;
  readonly annotated: string;
}

type Loaded =
  | {
      readonly ok: true;
      readonly outcomes: readonly BudgetOutcome[];
      /** The versions checked, oldest first as configured. */
      readonly pythons: readonly string[];
      readonly config: ConfigFile;
      /** The setup file, its part named as people see it; and its name for CI. */
      readonly shared: { readonly part: SetupPart; readonly annotated: string } | null;
    }
  | { readonly ok: false; readonly message: string; readonly annotations: readonly Annotation[] };

/** A path as GitHub wants it in an annotation: relative to the repository root, with '/'. */
function repoPath(io: Io, path: string): string {
  const rel = relative(resolve(io.cwd, io.env["GITHUB_WORKSPACE"] ?? "."), path);
  if (rel === "" || rel.startsWith("..") || isAbsolute(rel)) return path; // outside the repository: nothing to point into
  return rel.split(sep).join("/");
}

function problemText(p: ConfigProblem, file: string): string {
  return `${file}${p.line === null ? "" : `:${p.line}`}: ${p.path} ${p.message}`;
}

async function loadAndRun(io: Io, opts: CheckOptions): Promise<Loaded> {
  const found = await findConfig(io, opts.config);
  if (typeof found === "string") return { ok: false, message: found, annotations: [] };
  const config: ConfigFile = { ...found, shown: relative(io.cwd, found.path) || "pyproject.toml", annotated: repoPath(io, found.path) };
  const fail = (message: string): Loaded => ({ ok: false, message, annotations: [{ file: config.annotated, line: null, message }] });
  const { parseConfig } = await import("../budgets/config.js");
  const parsed = parseConfig(found.text);
  if (!parsed.ok) {
    return {
      ok: false,
      message: parsed.problems.map((p) => problemText(p, config.shown)).join("\n"),
      annotations: parsed.problems.map((p) => ({ file: config.annotated, line: p.line, message: `${p.path} ${p.message}` })),
    };
  }
  // --python overrides the versions [tool.pymem] names.
  const cfg = opts.python === undefined ? parsed.config : { ...parsed.config, pythons: resolvePythons(opts.python).map((l) => l.python), pythonGiven: true };
  const layouts: Layout[] = [];
  for (const python of cfg.pythons) {
    const layout = layoutFor(python);
    if (layout === undefined) return fail(`${config.shown}: tool.pymem.python "${python}" is not supported`);
    layouts.push(layout);
  }
  if (!cfg.pythonGiven && cfg.requiresPython !== null && !requiresPythonAllows(cfg.requiresPython, cfg.pythons[0] as string)) {
    io.stderr.write(
      `pymem: warning: ${config.shown}: [project] requires-python "${cfg.requiresPython}" excludes CPython ${cfg.pythons[0]}, which pymem checks against by default; set [tool.pymem] python\n`,
    );
  }
  let shared: { part: SetupPart; annotated: string } | null = null;
  if (cfg.setupFile !== null) {
    const path = resolve(dirname(found.path), cfg.setupFile);
    try {
      shared = { part: { file: relative(io.cwd, path), text: await io.readFile(path) }, annotated: repoPath(io, path) };
    } catch {
      return fail(`${config.shown}: tool.pymem.setup-file '${cfg.setupFile}' cannot be read`);
    }
  }
  const sharedPart = shared?.part ?? null;
  const timeoutS = opts.timeout !== undefined ? parseTimeout(opts.timeout) : cfg.timeoutS ?? undefined;
  // Several versions: every budget once per version, its name saying which.
  const runs = layouts.flatMap((layout) =>
    cfg.budgets.map((b) => runBudget(layouts.length > 1 ? { ...b, name: `${b.name} (${layout.python})`, python: layout.python } : b, layout, sharedPart, timeoutS, dirname(found.path))),
  );
  return { ok: true, config, shared, outcomes: runs, pythons: cfg.pythons };
}

/** `--baseline FILE`: the earlier report's budgets; a note on stderr when it holds none. */
async function readBaseline(io: Io, file: string): Promise<readonly BaselineEntry[]> {
  let text: string;
  try {
    text = await io.readFile(resolve(io.cwd, file));
  } catch {
    throw new CliError(`cannot read the baseline '${file}'`, 2, "CONFIG");
  }
  const b = parseBaseline(text);
  if (!b.ok) throw new CliError(`the baseline '${file}' ${b.message}`, 2, "CONFIG");
  if (b.note !== null) io.stderr.write(`pymem: warning: the baseline '${file}' ${b.note}\n`);
  return b.entries;
}

function configErrorReport(reporter: ReporterName, message: string): string | null {
  if (reporter === "json") return jsonConfigErrorReport(message);
  if (reporter === "junit") return junitConfigErrorReport(message);
  if (reporter === "markdown") return markdownConfigErrorReport(message);
  return null;
}

export async function checkCommand(io: Io, opts: CheckOptions): Promise<number> {
  const reporterName = opts.json === true ? "json" : opts.reporter ?? "human";
  const reporter = REPORTERS.find((r) => r === reporterName);
  if (reporter === undefined) throw new CliError(`unknown reporter '${reporterName}': use ${REPORTERS.slice(0, -1).join(", ")} or ${REPORTERS.at(-1) ?? ""}`, 2, "CONFIG");
  const output = opts.output;
  // A machine report on stdout must be all that stdout carries: annotations then go to stderr
  // (the Actions runner reads workflow commands from both). With --output, stdout is the human report's.
  const side = output === undefined && reporter !== "human" ? io.stderr : io.stdout;
  /** The chosen report to the --output file (else stdout); false when the file cannot be written. */
  const emit = async (text: string): Promise<boolean> => {
    if (output === undefined) {
      io.stdout.write(text);
      return true;
    }
    try {
      await io.writeFile(resolve(io.cwd, output), text);
      return true;
    } catch {
      io.stderr.write(`pymem: cannot write the report to '${output}'\n`);
      return false;
    }
  };
  const annotate = io.env["GITHUB_ACTIONS"] === "true";
  const baseEntries = opts.baseline === undefined ? null : await readBaseline(io, opts.baseline);

  const loaded = await loadAndRun(io, opts);
  if (!loaded.ok) {
    // People read the message on stderr; a CI system reading the report file still gets one, with the error in it.
    const report = configErrorReport(reporter, loaded.message);
    if (report !== null) await emit(report);
    io.stderr.write(`pymem: ${loaded.message}\n`);
    if (annotate) side.write(configAnnotations(loaded.annotations));
    return 2;
  }
  const { outcomes, config, shared } = loaded;
  const baseline: BaselineView | null = baseEntries === null ? null : baselineView(baseEntries, outcomes, loaded.pythons[0] ?? "");
  const color = colorLevel(opts.color, io.env, io.stdout.isTTY);
  const places: BudgetPlaces = {
    budget: (o) => (o.budget.line === null ? config.shown : `${config.shown}:${o.budget.line}`),
    error: (o) => (o.ok ? null : errorPlace(o.error, o.budget.expr, budgetSetupParts(shared?.part ?? null, o.budget))),
  };
  // The terminal's report fits its width; a file's has whole names.
  const human = (colored: ColorLevel, width: number | null): string => humanBudgetReport(outcomes, makeChalk(colored), opts.hidePassed === true, places, baseline, width);
  const report =
    reporter === "json"
      ? jsonBudgetReport(outcomes, places, baseline)
      : reporter === "junit"
        ? junitBudgetReport(outcomes, places)
        : reporter === "markdown"
          ? markdownBudgetReport(outcomes, baseline)
          : output === undefined ? human(color, terminalWidth(io)) : human(0, null);
  if (!(await emit(report))) return 2;
  // The report went to a file: the terminal still gets the human one.
  if (output !== undefined) io.stdout.write(human(color, terminalWidth(io)));
  if (annotate) {
    // An error in the setup file is annotated there; anything else at the budget's table.
    const locate = (o: BudgetOutcome): Pick<Annotation, "file" | "line" | "col"> => {
      const place = places.error(o);
      if (place !== null && place.file !== null && shared !== null) return { file: shared.annotated, line: place.line, col: place.col };
      return { file: config.annotated, line: o.budget.line };
    };
    side.write(githubAnnotations(outcomes, locate));
  }
  if (outcomes.some((o) => !o.ok)) return 2;
  return outcomes.every((o) => o.ok && o.passed) ? 0 : 1;
}
