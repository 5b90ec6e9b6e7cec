// CPython 3.13's fixture rows (fixtures/3.13/).
// Fixture rows pymem does not answer yet under this version only, each for a stated
// reason; tests/layoutFor.ts adds 3.10's own gaps (tests/knownGaps.ts), which every
// version shares. A reason starting "refused:" is a construct pymem does not model for
// this version: the table test checks that pymem refuses the row (UNSUPPORTED) rather
// than answer it; the others are reported as todo. Removing an id makes its row a real test.
export const KNOWN_GAPS_313: ReadonlyMap<string, string> = new Map([
  ["more/hashorder/016", "set iteration order follows hash slots (str hashes are randomized per process)"],
  ["more/hashorder/017", "set iteration order follows hash slots (str hashes are randomized per process)"],
  ["more/hashorder/022", "set iteration order follows hash slots (str hashes are randomized per process)"],
  ["more/hashorder/026", "set iteration order follows hash slots (str hashes are randomized per process)"],
  ["classes/inherit/043", "refused: an instance of a tuple subclass with a __dict__ (its dict follows the items; not modelled from 3.11 yet)"],
  ["classes/inherit/058", "refused: an instance of a tuple subclass with a __dict__ (its dict follows the items; not modelled from 3.11 yet)"],
  ["classes/inherit/059", "refused: an instance of a tuple subclass with a __dict__ (its dict follows the items; not modelled from 3.11 yet)"],
  ["classes/inherit/060", "refused: an instance of a tuple subclass with a __dict__ (its dict follows the items; not modelled from 3.11 yet)"],
  ["classes/inherit/061", "refused: an instance of a tuple subclass with a __dict__ (its dict follows the items; not modelled from 3.11 yet)"],
  ["classes/inherit/062", "refused: an instance of a tuple subclass with a __dict__ (its dict follows the items; not modelled from 3.11 yet)"],
  ["classes/inherit/063", "refused: an instance of a tuple subclass with a __dict__ (its dict follows the items; not modelled from 3.11 yet)"],
  ["classes/inherit/064", "refused: an instance of a tuple subclass with a __dict__ (its dict follows the items; not modelled from 3.11 yet)"],
  ["classes/inherit/065", "refused: an instance of a tuple subclass with a __dict__ (its dict follows the items; not modelled from 3.11 yet)"],
  ["classes/inherit/066", "refused: an instance of a tuple subclass with a __dict__ (its dict follows the items; not modelled from 3.11 yet)"],
  ["classes/inherit/067", "refused: an instance of a tuple subclass with a __dict__ (its dict follows the items; not modelled from 3.11 yet)"],
  ["classes/inherit/068", "refused: an instance of a tuple subclass with a __dict__ (its dict follows the items; not modelled from 3.11 yet)"],
  ["classes/inherit/069", "refused: an instance of a tuple subclass with a __dict__ (its dict follows the items; not modelled from 3.11 yet)"],
  ["classes/inherit/071", "refused: an instance of a tuple subclass with a __dict__ (its dict follows the items; not modelled from 3.11 yet)"],
  ["classes/inherit/075", "refused: an instance of a tuple subclass with a __dict__ (its dict follows the items; not modelled from 3.11 yet)"],
  ["classes/inherit/076", "refused: an instance of a tuple subclass with a __dict__ (its dict follows the items; not modelled from 3.11 yet)"],
  ["classes/namedtuple/049", "refused: an instance of a tuple subclass with a __dict__ (its dict follows the items; not modelled from 3.11 yet)"],
  ["classes/namedtuple/051", "refused: an instance of a tuple subclass with a __dict__ (its dict follows the items; not modelled from 3.11 yet)"],
  ["classes/namedtuple/052", "refused: an instance of a tuple subclass with a __dict__ (its dict follows the items; not modelled from 3.11 yet)"],
]);
