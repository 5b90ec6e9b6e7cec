// [tool.pymem] in pyproject.toml: parsed with smol-toml, validated with zod;
// every problem is reported with its key path.
import { parseToml, TomlError } from "./toml.js";
import { z } from "zod";
import { SUPPORTED_PYTHONS } from "../layouts/layout.js";
import { LIMIT_HELP, parseLimit, type Limit } from "./limits.js";

export interface Budget {
  readonly index: number;
  readonly name: string;
  /** The expression sized; for a `load` budget, `load(PATH)` as shown in reports. */
  readonly expr: string;
  /** A data-file budget: the file (relative to pyproject.toml) and its loader (null: from the extension). */
  readonly load?: { readonly path: string; readonly as: string | null };
  readonly limit: Limit;
  readonly metric: "deep" | "size";
  readonly setup: string | null;
  /** 1-based line of the budget's table in the file, for CI annotations. */
  readonly line: number | null;
  /** The version it is checked against, when the config names several (the name then says it too). */
  readonly python?: string;
  /** `message`: what to tell whoever sees the budget fail (why it matters, what to do). */
  readonly message?: string;
}

export interface PymemConfig {
  /** The versions every budget is checked against: `python = "3.12"` or a list; 3.10 when absent. */
  readonly pythons: readonly string[];
  /** Whether [tool.pymem] named a version (else the default applies and requires-python is looked at). */
  readonly pythonGiven: boolean;
  /** [project] requires-python, when the file has one. */
  readonly requiresPython: string | null;
  readonly setupFile: string | null;
  /** `timeout`: seconds of work per budget, as `--timeout` (null: the default). */
  readonly timeoutS: number | null;
  readonly budgets: readonly Budget[];
}

export interface ConfigProblem {
  readonly path: string;
  readonly message: string;
  readonly line: number | null;
}

export type ConfigResult = { readonly ok: true; readonly config: PymemConfig } | { readonly ok: false; readonly problems: readonly ConfigProblem[] };

const BudgetSchema = z
  .object({
    name: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }),
    expr: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }).optional(),
    load: z.string({ error: "must be a string (a data file's path, relative to pyproject.toml)" }).min(1, { error: "must not be empty" }).optional(),
    as: z.enum(["json", "ndjson", "csv", "csv-dicts"], { error: 'must be "json", "ndjson", "csv" or "csv-dicts"' }).optional(),
    max: z.unknown().refine((v) => v !== undefined, { error: "is required" }),
    metric: z.enum(["deep", "size"], { error: 'must be "deep" or "size"' }).optional(),
    setup: z.string({ error: "must be a string" }).optional(),
    message: z.string({ error: "must be a string" }).min(1, { error: "must not be empty" }).optional(),
  })
  .strict();

const ToolSchema = z
  .object({
    python: z.union([z.string(), z.array(z.string()).min(1)], { error: "must be a version string or a non-empty list of them" }).optional(),
    "setup-file": z.string({ error: "must be a string" }).optional(),
    timeout: z.number({ error: "must be a number of seconds" }).positive({ error: "must be a positive number of seconds" }).max(3600, { error: "must be at most 3600 seconds" }).optional(),
    budgets: z.array(BudgetSchema, { error: "must be an array of tables ([[tool.pymem.budgets]])" }).min(1, { error: "needs at least one budget" }),
  })
  .strict();

function keyPath(path: readonly PropertyKey[]): string {
  let out = "tool.pymem";
  for (const p of path) out += typeof p === "number" ? `[${p}]` : `.${String(p)}`;
  return out;
}

/** Lines of `[[tool.pymem.budgets]]` headers, in order. */
function budgetLines(text: string): number[] {
  const out: number[] = [];
  text.split(/\r?\n/).forEach((l, i) => {
    if (/^\s*\[\[\s*tool\s*\.\s*pymem\s*\.\s*budgets\s*\]\]/.test(l)) out.push(i + 1);
  });
  return out;
}

export function parseConfig(text: string): ConfigResult {
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(text) as Record<string, unknown>;
  } catch (e) {
    if (e instanceof TomlError) {
      return { ok: false, problems: [{ path: "pyproject.toml", message: `is not valid TOML: ${e.message.split("\n")[0] ?? ""}`, line: e.line }] };
    }
    throw e;
  }
  const tool = (doc["tool"] as Record<string, unknown> | undefined)?.["pymem"];
  if (tool === undefined) return { ok: false, problems: [{ path: "tool.pymem", message: "is missing: add a [tool.pymem] table with [[tool.pymem.budgets]]", line: null }] };
  const lines = budgetLines(text);
  const parsed = ToolSchema.safeParse(tool);
  const problems: ConfigProblem[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const unknownKeys = issue.code === "unrecognized_keys" ? issue.keys : [];
      const where = typeof issue.path[1] === "number" && issue.path[0] === "budgets" ? lines[issue.path[1]] ?? null : null;
      if (unknownKeys.length > 0) {
        for (const k of unknownKeys) problems.push({ path: keyPath([...issue.path, k]), message: "is not a known key", line: where });
      } else problems.push({ path: keyPath(issue.path), message: issue.message, line: where });
    }
    return { ok: false, problems };
  }
  const t = parsed.data;
  const pythons = t.python === undefined ? ["3.10"] : typeof t.python === "string" ? [t.python] : [...new Set(t.python)];
  for (const python of pythons) {
    if (!SUPPORTED_PYTHONS.includes(python)) {
      problems.push({ path: "tool.pymem.python", message: `"${python}" is not supported; supported versions: ${SUPPORTED_PYTHONS.join(", ")}`, line: null });
    }
  }
  const seen = new Map<string, number>();
  const budgets: Budget[] = [];
  t.budgets.forEach((b, i) => {
    const line = lines[i] ?? null;
    const limit = parseLimit(b.max);
    if (limit === null) {
      problems.push({ path: `tool.pymem.budgets[${i}].max`, message: `${JSON.stringify(b.max)} is not a size: use ${LIMIT_HELP}`, line });
    }
    const prev = seen.get(b.name);
    if (prev !== undefined) {
      problems.push({ path: `tool.pymem.budgets[${i}].name`, message: `"${b.name}" is already the name of budgets[${prev}]; names must be unique`, line });
    } else seen.set(b.name, i);
    if ((b.expr === undefined) === (b.load === undefined)) {
      problems.push({ path: `tool.pymem.budgets[${i}]`, message: "needs either expr (a Python expression) or load (a data file), not both", line });
    } else if (b.as !== undefined && b.load === undefined) {
      problems.push({ path: `tool.pymem.budgets[${i}].as`, message: "applies to a load budget", line });
    } else if (b.load !== undefined && b.setup !== undefined) {
      problems.push({ path: `tool.pymem.budgets[${i}].setup`, message: "a load budget takes no setup", line });
    }
    const expr = b.expr ?? `load(${JSON.stringify(b.load ?? "")})`;
    const load = b.load === undefined ? {} : { load: { path: b.load, as: b.as ?? null } };
    if (limit !== null) {
      budgets.push({ index: i, name: b.name, expr, ...load, limit, metric: b.metric ?? "deep", setup: b.setup ?? null, line, ...(b.message === undefined ? {} : { message: b.message }) });
    }
  });
  if (problems.length > 0) return { ok: false, problems };
  const project = doc["project"] as Record<string, unknown> | undefined;
  const requires = project?.["requires-python"];
  return {
    ok: true,
    config: { pythons, pythonGiven: t.python !== undefined, requiresPython: typeof requires === "string" ? requires : null, setupFile: t["setup-file"] ?? null, timeoutS: t.timeout ?? null, budgets },
  };
}
