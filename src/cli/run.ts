// `run(io)`: parse argv, evaluate, report, and return the exit status. The
// only place that does IO is the Io given to it.
import { Command, CommanderError, Option } from "commander";
import { sizeRows } from "../api/sizeRows.js";
import { PymemError } from "../api/pymemError.js";
import { progressLine } from "./progress.js";
import { CliError, type Io } from "./io.js";
import { HumanReporter, JsonReporter, type Reporter, type Row } from "./reporters.js";
import { checkCommand, type CheckOptions } from "./checkCommand.js";
import { outcomeLine } from "./budgetReport.js";
import { LIMIT_HELP, parseLimit } from "../budgets/limits.js";
import type { Budget } from "../budgets/config.js";
import { compareCommand, explainCommand } from "./explainCompare.js";
import { loadCommand, type LoadOptions } from "./loadCommand.js";
import { resolveVersions, type CommonOptions } from "./common.js";
import { SUPPORTED_PYTHONS } from "../layouts/layout.js";
import { terminalWidth } from "./tableFit.js";

export const VERSION = "0.1.0";

interface SizeOptions extends CommonOptions {
  stdin?: boolean;
  max?: string;
  metric?: string;
}

/** Arguments that start with '-' but are Python (-1, -x, -(2)) are expressions, not options. */
function protectNegativeExpressions(argv: readonly string[]): string[] {
  const dd = argv.indexOf("--");
  const head = dd < 0 ? [...argv] : argv.slice(0, dd);
  const tail = dd < 0 ? [] : argv.slice(dd + 1);
  const moved: string[] = [];
  const kept: string[] = [];
  const valueOptions = new Set(["--setup", "--setup-file", "--python", "--max", "--metric", "--count", "--timeout"]);
  for (let i = 0; i < head.length; i++) {
    const t = head[i] as string;
    if (valueOptions.has(t)) {
      kept.push(t);
      if (i + 1 < head.length) kept.push(head[++i] as string);
    } else if (/^-(?![-a-zA-Z]|$)/.test(t) || /^-[a-zA-Z_]*[^a-zA-Z_\-=]/.test(t) && !/^--/.test(t)) moved.push(t);
    else kept.push(t);
  }
  return [...kept, "--", ...moved, ...tail];
}

/** Offset of the first byte that is not part of a well-formed UTF-8 sequence. */
function firstInvalidUtf8(b: Uint8Array): number {
  for (let i = 0; i < b.length; ) {
    const c = b[i] as number;
    const n = c < 0x80 ? 0 : c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
    if (n < 0) return i;
    for (let k = 1; k <= n; k++) {
      const d = b[i + k];
      if (d === undefined || (d & 0xc0) !== 0x80) return i;
    }
    // Overlong three/four-byte forms, surrogates and code points past U+10FFFF.
    const d1 = b[i + 1] as number;
    if ((c === 0xe0 && d1 < 0xa0) || (c === 0xed && d1 > 0x9f) || (c === 0xf0 && d1 < 0x90) || (c === 0xf4 && d1 > 0x8f)) return i;
    i += n + 1;
  }
  return -1;
}

function decodeStdin(bytes: Uint8Array): string {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) throw new CliError(`standard input is not valid UTF-8 (bad byte at offset ${bad})`);
  return new TextDecoder("utf-8").decode(bytes);
}

async function sizeCommand(io: Io, exprs: string[], opts: SizeOptions): Promise<number> {
  const { c, ...resolved } = await resolveVersions(io, opts);
  const all = [...exprs];
  if (opts.stdin === true) {
    const text = decodeStdin(await io.readStdin());
    for (const line of text.split(/\r?\n/)) if (line.trim() !== "") all.push(line);
  }
  if (all.length === 0) throw new CliError("no expression given: pymem size EXPR... (or --stdin)");
  const reporter: Reporter = opts.json === true ? new JsonReporter(io) : new HumanReporter(io, c);
  const metric = opts.metric ?? "deep";
  if (metric !== "deep" && metric !== "size") throw new CliError(`--metric must be deep or size, not '${metric}'`, 2, "CONFIG");
  if (opts.metric !== undefined && opts.max === undefined) throw new CliError("--metric applies to a --max limit", 2, "CONFIG");
  const limit = opts.max === undefined ? null : parseLimit(/^\d+$/.test(opts.max.trim()) ? Number(opts.max) : opts.max);
  if (opts.max !== undefined && limit === null) throw new CliError(`--max '${opts.max}' is not a size: use ${LIMIT_HELP}`, 2, "CONFIG");
  // One row per expression per version (the library's step), the versions of an expression together.
  const rows: Row[] = all.flatMap((expr, i) => sizeRows(expr, resolved, (label) => progressLine(io, label)).map((row): Row => {
    const result = row.result;
    if (limit === null || !result.ok) return row;
    const value = metric === "deep" ? result.m.deep : result.m.size;
    const name = resolved.layouts.length > 1 ? `${expr} (${row.python})` : expr;
    const budget: Budget = { index: i, name, expr, limit, metric, setup: row.setup, line: null };
    const line = outcomeLine({ budget, ok: true, value, passed: value <= limit.bytes }, c, null);
    return { ...row, budget: { limit: limit.bytes, metric, passed: value <= limit.bytes, line } };
  }));
  reporter.report(rows);
  if (!rows.every((r) => r.result.ok)) return 2;
  return rows.every((r) => r.budget === undefined || r.budget.passed) ? 0 : 1;
}

export async function run(io: Io): Promise<number> {
  let status = 0;
  const program = new Command("pymem")
    .description("Exact CPython memory sizes of Python values, without running Python")
    .version(VERSION)
    .exitOverride()
    .configureOutput({
      writeOut: (s) => io.stdout.write(s),
      writeErr: (s) => io.stderr.write(s),
      // Help wraps to the terminal it is printed on (80 columns elsewhere).
      getOutHelpWidth: () => terminalWidth(io) ?? 80,
      getErrHelpWidth: () => (io.stderr.isTTY === true ? terminalWidth(io) ?? 80 : 80),
    });
  program
    .command("size")
    .description("print sys.getsizeof, the deep size and the object count of each expression")
    .argument("[expr...]", "Python expressions")
    .option("--stdin", "read one expression per line from standard input")
    .option("--json", "print one JSON object per expression per line")
    .option("--setup <code>", "setup statements run before the expression")
    .option("--setup-file <path>", "a file of setup statements")
    .addOption(new Option("--python <versions>", `CPython version(s) to model: ${SUPPORTED_PYTHONS.join(", ")}, a comma list of them, or all (default: [tool.pymem] python of the nearest pyproject.toml, else 3.10)`))
    .option("--timeout <seconds>", "work allowed per value (default 4): scales the step budget and the wall-clock safety net")
    .option("--max <limit>", "exit 1 when a value is over this limit (bytes, or e.g. \"1.5 KiB\")")
    .option("--metric <metric>", "what --max limits: deep (default) or size")
    .option("--no-color", "plain output (also NO_COLOR); FORCE_COLOR forces colour")
    .action(async (exprs: string[], opts: SizeOptions) => {
      status = await sizeCommand(io, exprs, opts);
    });
  program
    .command("explain")
    .description("show the value's CPython struct field by field, and where its deep size goes")
    .argument("<expr>", "a Python expression")
    .option("--deep", "also explain one object of each other type the value reaches")
    .option("--json", "print the explanation as JSON")
    .option("--setup <code>", "setup statements run before the expression")
    .option("--setup-file <path>", "a file of setup statements")
    .addOption(new Option("--python <versions>", `CPython version(s) to model: ${SUPPORTED_PYTHONS.join(", ")}, a comma list of them, or all (default: [tool.pymem] python of the nearest pyproject.toml, else 3.10)`))
    .option("--timeout <seconds>", "work allowed per value (default 4): scales the step budget and the wall-clock safety net")
    .option("--no-color", "plain output (also NO_COLOR); FORCE_COLOR forces colour")
    .action(async (expr: string, opts: CommonOptions & { deep?: boolean }) => {
      status = await explainCommand(io, expr, opts);
    });
  program
    .command("compare")
    .description("compare the sizes of alternative expressions side by side")
    .argument("<expr...>", "Python expressions; the first is the baseline")
    .option("--count <n>", "also show the totals for N such values")
    .option("--json", "one JSON object per expression per line")
    .option("--setup <code>", "setup statements run before each expression")
    .option("--setup-file <path>", "a file of setup statements")
    .addOption(new Option("--python <versions>", `CPython version(s) to model: ${SUPPORTED_PYTHONS.join(", ")}, a comma list of them, or all (default: [tool.pymem] python of the nearest pyproject.toml, else 3.10)`))
    .option("--timeout <seconds>", "work allowed per value (default 4): scales the step budget and the wall-clock safety net")
    .option("--no-color", "plain output (also NO_COLOR); FORCE_COLOR forces colour")
    .action(async (exprs: string[], opts: CommonOptions & { count?: string }) => {
      status = await compareCommand(io, exprs, opts);
    });
  program
    .command("load")
    .description("print the sizes of what Python's loader returns for each data file: json.load (.json), one json.loads per line (.ndjson, .jsonl), list(csv.reader) (.csv, .tsv)")
    .argument("<path...>", "data files")
    .option("--as <loader>", "json, ndjson, csv or csv-dicts (list(csv.DictReader)); default: from the file's extension")
    .option("--json", "print one JSON object per file per version per line")
    .option("--top <n>", "also show the N JSON paths holding the most bytes ($.items[*].tags …)")
    .addOption(new Option("--python <versions>", `CPython version(s) to model: ${SUPPORTED_PYTHONS.join(", ")}, a comma list of them, or all (default: [tool.pymem] python of the nearest pyproject.toml, else 3.10)`))
    .option("--no-color", "plain output (also NO_COLOR)")
    .action(async (paths: string[], opts: LoadOptions) => {
      status = await loadCommand(io, paths, opts);
    });
  program
    .command("check")
    .description("check the size budgets of [tool.pymem] in pyproject.toml; exit 1 when any is exceeded")
    .option("--config <path>", "the pyproject.toml to read (default: the nearest one up from here)")
    .option("--json", "print the results as a JSON array")
    .option("--reporter <name>", "human (default), json, junit or markdown (a table for a job summary or a pull-request comment)")
    .option("--output <file>", "write the reporter's output to FILE; the human report still goes to standard output")
    .option("--baseline <file>", "an earlier `pymem check --json` output: show each budget's value then and the change")
    .addOption(new Option("--python <versions>", `check against these CPython version(s) instead of [tool.pymem] python: ${SUPPORTED_PYTHONS.join(", ")}, a comma list of them, or all`))
    .option("--hide-passed", "list only the budgets that fail")
    .option("--timeout <seconds>", "work allowed per budget (default: [tool.pymem] timeout, else 4)")
    .option("--no-color", "plain output (also NO_COLOR); FORCE_COLOR forces colour")
    .action(async (opts: CheckOptions) => {
      status = await checkCommand(io, opts);
    });
  const cmd = io.argv[0];
  const argv = cmd === "size" || cmd === "explain" || cmd === "compare" ? [cmd, ...protectNegativeExpressions(io.argv.slice(1))] : [...io.argv];
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    // The options' errors (src/api/options.ts) are the library's PymemError; the CLI's own are CliError.
    if (e instanceof CliError || e instanceof PymemError) {
      if (io.argv.includes("--json") || io.argv.includes("json")) io.stdout.write(JSON.stringify({ error: { code: e.code, message: e.message, line: null, column: null } }) + "\n");
      else io.stderr.write(`pymem: ${e.message}\n`);
      return e instanceof CliError ? e.exitCode : 2;
    }
    io.stderr.write(`pymem: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  return status;
}
