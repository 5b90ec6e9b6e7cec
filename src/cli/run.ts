// `run(io)`: parse argv, evaluate, report, and return the exit status. The
// only place that does IO is the Io given to it.
import { Command, CommanderError, Option } from "commander";
import { layoutFor, SUPPORTED_PYTHONS } from "../layouts/layout.js";
import { measure } from "../sizing/measure.js";
import { CliError, type Io } from "./io.js";
import { HumanReporter, JsonReporter, type Reporter, type Row } from "./reporters.js";
import { makeChalk } from "./style.js";

export const VERSION = "0.1.0";

interface SizeOptions {
  stdin?: boolean;
  json?: boolean;
  setup?: string;
  setupFile?: string;
  python: string;
  color: boolean;
}

/** Arguments that start with '-' but are Python (-1, -x, -(2)) are expressions, not options. */
function protectNegativeExpressions(argv: readonly string[]): string[] {
  const dd = argv.indexOf("--");
  const head = dd < 0 ? [...argv] : argv.slice(0, dd);
  const tail = dd < 0 ? [] : argv.slice(dd + 1);
  const moved: string[] = [];
  const kept: string[] = [];
  const valueOptions = new Set(["--setup", "--setup-file", "--python"]);
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

function decodeStdin(bytes: Uint8Array): string {
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch {
    let offset = 0;
    for (let n = bytes.length; offset < n; offset++) {
      try {
        new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, offset + 1));
      } catch {
        if (offset + 4 < n) {
          try {
            new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, offset + 4));
            continue;
          } catch {
            break;
          }
        }
        break;
      }
    }
    throw new CliError(`standard input is not valid UTF-8 (bad byte at offset ${offset})`);
  }
}

async function sizeCommand(io: Io, exprs: string[], opts: SizeOptions): Promise<number> {
  const layout = layoutFor(opts.python);
  if (layout === undefined) {
    throw new CliError(`Python ${opts.python} is not supported; supported versions: ${SUPPORTED_PYTHONS.join(", ")}`, 2, "CONFIG");
  }
  let setup: string | null = opts.setup ?? null;
  if (opts.setupFile !== undefined) {
    if (setup !== null) throw new CliError("give either --setup or --setup-file, not both");
    try {
      setup = await io.readFile(opts.setupFile);
    } catch {
      throw new CliError(`cannot read setup file '${opts.setupFile}'`, 2, "CONFIG");
    }
  }
  const all = [...exprs];
  if (opts.stdin === true) {
    const text = decodeStdin(await io.readStdin());
    for (const line of text.split(/\r?\n/)) if (line.trim() !== "") all.push(line);
  }
  if (all.length === 0) throw new CliError("no expression given: pymem size EXPR... (or --stdin)");
  const color = opts.color && io.env["NO_COLOR"] === undefined && io.stdout.isTTY === true;
  const reporter: Reporter = opts.json === true ? new JsonReporter(io) : new HumanReporter(io, makeChalk(color));
  const rows: Row[] = all.map((expr) => ({ expr, python: layout.python, setup, result: measure({ expr, setup, layout }) }));
  reporter.report(rows);
  return rows.every((r) => r.result.ok) ? 0 : 2;
}

export async function run(io: Io): Promise<number> {
  let status = 0;
  const program = new Command("pymem")
    .description("Exact CPython memory sizes of Python values, without running Python")
    .version(VERSION)
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout.write(s), writeErr: (s) => io.stderr.write(s) });
  program
    .command("size")
    .description("print sys.getsizeof, the deep size and the object count of each expression")
    .argument("[expr...]", "Python expressions")
    .option("--stdin", "read one expression per line from standard input")
    .option("--json", "print one JSON object per expression per line")
    .option("--setup <code>", "setup statements run before the expression")
    .option("--setup-file <path>", "a file of setup statements")
    .addOption(new Option("--python <version>", "CPython version to model").default("3.10"))
    .option("--no-color", "plain output (also NO_COLOR)")
    .action(async (exprs: string[], opts: SizeOptions) => {
      status = await sizeCommand(io, exprs, opts);
    });
  const argv = io.argv[0] === "size" ? ["size", ...protectNegativeExpressions(io.argv.slice(1))] : [...io.argv];
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof CliError) {
      if (io.argv.includes("--json")) io.stdout.write(JSON.stringify({ error: { code: e.code, message: e.message, line: null, column: null } }) + "\n");
      else io.stderr.write(`pymem: ${e.message}\n`);
      return e.exitCode;
    }
    io.stderr.write(`pymem: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
  return status;
}
