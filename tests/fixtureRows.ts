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

/** A case that killed the interpreter (a CPython bug: 3.12.1 and 3.13.0 segfault compiling 50 nested comprehensions, more/limits/014). */
export interface FixtureCrash {
  readonly id: string;
  readonly expr: string;
  readonly setup: string | null;
  readonly crash: string;
}

export type FixtureRow = FixtureOk | FixtureErr;

/** The corpus files, the same cases in every version's directory. */
export const CORPORA = ["core.jsonl", "more.jsonl", "classes.jsonl", "stdlib.jsonl", "closed.jsonl", "attrs.jsonl", "fuzz.jsonl", "genexprs.jsonl", "realcode.jsonl", "itertools.jsonl", "subfuzz.jsonl", "match.jsonl", "functools.jsonl", "textmods.jsonl", "fractions.jsonl", "ctxabc.jsonl", "enum2.jsonl", "flag.jsonl", "small.jsonl", "meta.jsonl", "usercode.jsonl", "usercode2.jsonl", "usercode3.jsonl", "usercode4.jsonl", "csvio.jsonl", "re.jsonl", "async.jsonl", "subcoll.jsonl", "codecs.jsonl", "tdict.jsonl", "jenc.jsonl", "clsdict.jsonl", "typing2.jsonl", "dtre.jsonl", "fuzz2.jsonl", "descr.jsonl", "intern.jsonl", "calls.jsonl", "loadsize.jsonl", "gaps11.jsonl", "fuzz5.jsonl", "probes.jsonl", "usercode5.jsonl", "fuzz6.jsonl", "fuzz7.jsonl", "fuzz9.jsonl", "usercode6.jsonl", "usercode7.jsonl", "usercode8.jsonl", "setorder.jsonl", "usercode9.jsonl", "gaps12.jsonl", "usercode10.jsonl", "fuzz10.jsonl", "gaps13.jsonl", "fuzz11.jsonl", "usercode11.jsonl"] as const;

const VERSIONS = JSON.parse(readFileSync(fileURLToPath(new URL("../fixtures/versions.json", import.meta.url)), "utf8")) as {
  readonly releases: Readonly<Record<string, string>>;
  readonly committed: readonly string[];
};

/** The CPython versions whose fixtures are committed ("3.8", "3.9", "3.10", ...). */
export const FIXTURE_VERSIONS: readonly string[] = VERSIONS.committed;

/** The patch release a version's fixtures come from: "3.10" -> "3.10.13". */
export function releaseOf(version: string): string | undefined {
  return VERSIONS.releases[version];
}

/** fixtures/<version>/<name>; a name with a "/" is a path from the repository root instead. */
export function fixturePath(name: string, version: string): string {
  return fileURLToPath(new URL(name.includes("/") ? `../${name}` : `../fixtures/${version}/${name}`, import.meta.url));
}

const read = new Map<string, readonly (FixtureRow | FixtureCrash)[]>();

function readRows(name: string, version: string): readonly (FixtureRow | FixtureCrash)[] {
  const path = fixturePath(name, version);
  let rows = read.get(path);
  if (rows === undefined) {
    rows = readFileSync(path, "utf8")
      .split("\n")
      .filter((l) => l.trim() !== "")
      .map((l) => JSON.parse(l) as FixtureRow | FixtureCrash);
    read.set(path, rows);
  }
  return rows;
}

/** The rows of one corpus file as CPython `version` wrote them, less the crash rows (crashRows). */
export function loadFixtures(name: string, version: string): FixtureRow[] {
  return readRows(name, version).filter((r): r is FixtureRow => !("crash" in r));
}

/** The cases of one corpus file that killed CPython `version` (no committed version has any yet). */
export function crashRows(name: string, version: string): FixtureCrash[] {
  return readRows(name, version).filter((r): r is FixtureCrash => "crash" in r);
}

export function isError(r: FixtureRow): r is FixtureErr {
  return "error" in r;
}

/**
 * Rows that need what pymem does not offer yet: collections.abc,
 * sys.float_info/version_info, print, metaclasses. They stay in the corpus so the
 * truth is ready; the table test reports them as todo, not as passing.
 */
const LATER = /\b(import collections\.abc|sys\.float_info|print\b|metaclass)/;

export function isLater(r: FixtureRow): boolean {
  return LATER.test(r.expr) || (r.setup !== null && LATER.test(r.setup));
}
