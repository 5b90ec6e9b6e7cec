// Which layout the table test (tests/fixtures.test.ts) and scripts/check-fixtures.ts
// measure each CPython version's fixture rows with, and the rows pymem is known to
// get wrong there. A committed version (fixtures/versions.json) without an entry
// here is not run: its rows are reported as one todo with their count, never as
// passes. To offer a version, add its layout and its own known gaps, those 3.10 does
// not share (`scripts/known-gaps.sh 3.9` writes tests/knownGaps39.ts):
//   ["3.9", { layout: cpython39, knownGaps: KNOWN_GAPS_39 }],
import type { Layout } from "../src/layouts/layout.js";
import { cpython310 } from "../src/layouts/cpython310/index.js";
import { cpython38 } from "../src/layouts/cpython38/index.js";
import { cpython39 } from "../src/layouts/cpython39/index.js";
import { cpython311 } from "../src/layouts/cpython311/index.js";
import { cpython312 } from "../src/layouts/cpython312/index.js";
import { cpython313 } from "../src/layouts/cpython313/index.js";
import { KNOWN_GAPS } from "./knownGaps.js";
import { KNOWN_GAPS_INTERN } from "./knownGapsIntern.js";
import { KNOWN_GAPS_38 } from "./knownGaps38.js";
import { KNOWN_GAPS_39 } from "./knownGaps39.js";
import { KNOWN_GAPS_311 } from "./knownGaps311.js";
import { KNOWN_GAPS_312 } from "./knownGaps312.js";
import { KNOWN_GAPS_313 } from "./knownGaps313.js";

interface VersionUnderTest {
  readonly layout: Layout;
  /** Fixture id -> why pymem does not answer it yet (reported as todo). */
  readonly knownGaps: ReadonlyMap<string, string>;
}

const MODELLED: ReadonlyMap<string, VersionUnderTest> = new Map([
  ["3.10", { layout: cpython310, knownGaps: KNOWN_GAPS }],
  ["3.9", { layout: cpython39, knownGaps: KNOWN_GAPS_39 }],
  ["3.8", { layout: cpython38, knownGaps: KNOWN_GAPS_38 }],
  ["3.11", { layout: cpython311, knownGaps: KNOWN_GAPS_311 }],
  ["3.12", { layout: cpython312, knownGaps: KNOWN_GAPS_312 }],
  ["3.13", { layout: cpython313, knownGaps: KNOWN_GAPS_313 }],
]);

/** The layout pymem measures CPython `version` ("3.10") with, or undefined when it has none yet. */
export function layoutFor(version: string): Layout | undefined {
  return MODELLED.get(version)?.layout;
}

/**
 * The fixture ids of `version` pymem is known to get wrong, each with the reason (empty without
 * a layout): the version's own, plus 3.10's, which every version shares (a version's file lists
 * only what 3.10 gets right, so a gap fixed once is fixed everywhere).
 */
export function knownGapsFor(version: string): ReadonlyMap<string, string> {
  const own = MODELLED.get(version)?.knownGaps;
  if (own === undefined) return new Map();
  const gaps = new Map([...KNOWN_GAPS, ...own, ...(KNOWN_GAPS_INTERN.get(version) ?? [])]);
  // A version's own "exact: …" entry takes back a shared gap that version answers exactly.
  for (const [id, why] of [...gaps]) if (why.startsWith("exact:")) gaps.delete(id);
  return gaps;
}
