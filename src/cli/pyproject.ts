// Finding the project's pyproject.toml, and the version its [tool.pymem]
// names, which size/explain/compare use when --python is not given.
import { dirname, resolve } from "node:path";
import type { Io } from "./io.js";

/** --config, or pyproject.toml in the working directory or the nearest parent that has one. */
export async function findConfig(io: Io, given: string | undefined): Promise<{ path: string; text: string } | string> {
  if (given !== undefined) {
    const path = resolve(io.cwd, given);
    try {
      return { path, text: await io.readFile(path) };
    } catch {
      return `cannot read config file '${given}'`;
    }
  }
  let dir = resolve(io.cwd);
  for (;;) {
    const path = resolve(dir, "pyproject.toml");
    try {
      return { path, text: await io.readFile(path) };
    } catch {
      const up = dirname(dir);
      if (up === dir) return `no pyproject.toml found in ${io.cwd} or its parents (or give --config PATH)`;
      dir = up;
    }
  }
}

/**
 * [tool.pymem] python of the nearest pyproject.toml (a version, or a list joined as --python
 * takes it), or null when there is none or the file does not parse (check reports that).
 */
export async function projectPython(io: Io): Promise<string | null> {
  const found = await findConfig(io, undefined);
  if (typeof found === "string" || !/^\s*\[\s*tool\s*\.\s*pymem\s*\]/m.test(found.text)) return null;
  const { parseToml } = await import("../budgets/toml.js");
  let doc: Record<string, unknown>;
  try {
    doc = parseToml(found.text) as Record<string, unknown>;
  } catch {
    return null;
  }
  const python = ((doc["tool"] as Record<string, unknown> | undefined)?.["pymem"] as Record<string, unknown> | undefined)?.["python"];
  if (typeof python === "string") return python;
  if (Array.isArray(python) && python.length > 0 && python.every((v) => typeof v === "string")) return python.join(",");
  return null;
}
