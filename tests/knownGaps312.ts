// CPython 3.12's fixture rows (fixtures/3.12/).
// Fixture rows pymem does not answer yet under this version only, each for a stated
// reason; tests/layoutFor.ts adds 3.10's own gaps (tests/knownGaps.ts), which every
// version shares. A reason starting "refused:" is a construct pymem does not model for
// this version: the table test checks that pymem refuses the row (UNSUPPORTED) rather
// than answer it; the others are reported as todo. Removing an id makes its row a real test.
import { KNOWN_GAPS_FROM_311 } from "./knownGapsFrom311.js";
export const KNOWN_GAPS_312: ReadonlyMap<string, string> = new Map([
  ...KNOWN_GAPS_FROM_311,
  ["fuzz9/enum/021", "refused: auto() after values that do not sort (3.11/3.12 then fall back over the partly sorted list)"],
  ["fuzz9/enum/022", "refused: auto() after values that do not sort (3.11/3.12 then fall back over the partly sorted list)"],
  ["fuzz9/enum/038", "refused: auto() after values that do not sort (3.11/3.12 then fall back over the partly sorted list)"],
  ["usercode10/sched/024", "refused: calendar.monthrange() (a calendar.Day member in this version)"],
  ["usercode10/sched/025", "refused: calendar.monthrange() (a calendar.Day member in this version)"],
  ["usercode10/sched/026", "refused: calendar.monthrange() (a calendar.Day member in this version)"],
  ["usercode10/sched/027", "refused: calendar.monthrange() (a calendar.Day member in this version)"],
  ["usercode10/sched/028", "refused: calendar.monthrange() (a calendar.Day member in this version)"],
  ["usercode10/sched/029", "refused: calendar.monthrange() (a calendar.Day member in this version)"],
  ["usercode10/sched/030", "refused: calendar.monthrange() (a calendar.Day member in this version)"],
  ["gaps13/seq/016", "refused: a slice as a dict key or set item (slice_hash, 3.12+)"],
  ["gaps13/seq/017", "refused: a slice as a dict key or set item (slice_hash, 3.12+)"],
]);
