// Reading the generated truth in fixtures/<version>/*.jsonl (one directory per
// CPython version, listed in fixtures/versions.json).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";

export interface FixtureOk {
  readonly id: string;
  readonly expr: string;
  readonly setup: string | null;
  readonly type: string;
  readonly size: number;
  readonly deep: number;
  readonly objects: number;
  readonly breakdown: Readonly<Record<string, readonly [number, number]>>;
}

export interface FixtureErr {
  readonly id: string;
  readonly expr: string;
  readonly setup: string | null;
  readonly error: { readonly type: string; readonly message: string; readonly line?: number; readonly column?: number; readonly where?: string };
}

export type FixtureRow = FixtureOk | FixtureErr;

/** fixtures/<version>/<name>; a name with a "/" is a path from the repository root instead. */
export function fixturePath(name: string, version: string): string {
  return fileURLToPath(new URL(name.includes("/") ? `../${name}` : `../fixtures/${version}/${name}`, import.meta.url));
}

/** The rows of one corpus file as CPython `version` wrote them. */
export function loadFixtures(name: string, version: string): FixtureRow[] {
  return readFileSync(fixturePath(name, version), "utf8")
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as FixtureRow);
}

export function isError(r: FixtureRow): r is FixtureErr {
  return "error" in r;
}

/**
 * Rows that need what pymem does not offer: modules outside SEMANTICS.md's
 * scope (math, itertools), exception objects, metaclasses, super(). They stay in the corpus so the
 * truth is ready; the table test reports them as todo, not as passing.
 */
const LATER = /\b(import (math|itertools|collections\.abc)|from itertools|itertools\.|math\.|super\b|[A-Z][a-z]+Error\(|\((Exception|ValueError|KeyError)\)|StopIteration\(|sys\.(float_info|version_info)|print\b|metaclass)/;

export function isLater(r: FixtureRow): boolean {
  return LATER.test(r.expr) || (r.setup !== null && LATER.test(r.setup));
}
