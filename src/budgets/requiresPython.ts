// [project] requires-python (PEP 440 version specifiers, as PEP 621 uses
// them): whether a CPython minor version is allowed by it, i.e. whether some
// patch release of it satisfies every clause. Used to warn when `pymem check`
// falls back to its default version and the project says it never runs there.

type Release = readonly number[];

function parseRelease(text: string): Release | null {
  if (!/^\d+(\.\d+)*$/.test(text)) return null;
  return text.split(".").map(Number);
}

function cmp(a: Release, b: Release): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const d = (a[i] ?? 0) - (b[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

function prefixMatch(v: Release, prefix: Release): boolean {
  return prefix.every((p, i) => (v[i] ?? 0) === p);
}

/** One clause against a release; null when the clause is not understood (it then rules nothing out). */
function clauseAllows(clause: string, v: Release): boolean | null {
  const m = /^(~=|===|==|!=|<=|>=|<|>)\s*(.+)$/.exec(clause.trim());
  if (m === null) return null;
  const [, op, rawVersion] = m as unknown as [string, string, string];
  const wildcard = rawVersion.endsWith(".*");
  const target = parseRelease(wildcard ? rawVersion.slice(0, -2) : rawVersion);
  if (target === null) return null;
  switch (op) {
    case "==":
      return wildcard ? prefixMatch(v, target) : cmp(v, target) === 0;
    case "!=":
      return wildcard ? !prefixMatch(v, target) : cmp(v, target) !== 0;
    case ">=":
      return cmp(v, target) >= 0;
    case "<=":
      return cmp(v, target) <= 0;
    case ">":
      return cmp(v, target) > 0;
    case "<":
      return cmp(v, target) < 0;
    case "~=":
      return target.length >= 2 && cmp(v, target) >= 0 && prefixMatch(v, target.slice(0, -1));
    default:
      return null;
  }
}

/** Whether `spec` allows some release of the minor version `python` ("3.10"). */
export function requiresPythonAllows(spec: string, python: string): boolean {
  const minor = parseRelease(python);
  if (minor === null) return true;
  const clauses = spec.split(",").filter((c) => c.trim() !== "");
  for (const patch of [0, 1, 2, 5, 9, 10, 13, 18, 20, 50, 99]) {
    const v = [...minor, patch];
    if (clauses.every((c) => clauseAllows(c, v) !== false)) return true;
  }
  return false;
}
