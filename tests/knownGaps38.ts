// CPython 3.8's fixture rows (fixtures/3.8/).
// Fixture rows pymem does not answer yet under this version only, each for a stated
// reason; tests/layoutFor.ts adds 3.10's own gaps (tests/knownGaps.ts), which every
// version shares. The table test reports them as todo; removing an id here makes
// its row a real test.
// Regenerate with scripts/known-gaps.sh 3.8.
export const KNOWN_GAPS_38: ReadonlyMap<string, string> = new Map([
  ["typing2/annotations/036", "exact: get_type_hints raises KeyError('__pymem_setup__') before it reaches the string annotation, as sys.modules[base.__module__] does on 3.8"],
  ["contextlib/generators/010", "list.extend over a generator that appends to the list being extended and then raises: 3.8 leaves a smaller allocation than pymem's list_extend model (also without a try; pre-existing)"],
  ["errors/setup/015", "3.8's parser (pgen, LL(1)) reports an unclosed bracket where the input ends, and a blank expression as unexpected EOF: pymem's parser follows 3.10"],
  ["errors/syntax/012", "3.8's parser (pgen, LL(1)) reports an unclosed bracket where the input ends, and a blank expression as unexpected EOF: pymem's parser follows 3.10"],
  ["errors/syntax/032", "3.8's parser (pgen, LL(1)) reports an unclosed bracket where the input ends, and a blank expression as unexpected EOF: pymem's parser follows 3.10"],
  ["more/errors/065", "3.8's parser (pgen, LL(1)) reports an unclosed bracket where the input ends: pymem's parser follows 3.10"],
  ["more/limits/001", "refused: brackets nested 100 deep may overflow CPython 3.8's parser stack (MemoryError), which pymem does not model"],
  ["more/limits/003", "refused: brackets nested 101 deep may overflow CPython 3.8's parser stack (MemoryError), which pymem does not model"],
  ["more/limits/004", "refused: brackets nested 101 deep may overflow CPython 3.8's parser stack (MemoryError), which pymem does not model"],
  ["more/limits/005", "refused: brackets nested 102 deep may overflow CPython 3.8's parser stack (MemoryError), which pymem does not model"],
  ["more/limits/006", "refused: brackets nested 200 deep may overflow CPython 3.8's parser stack (MemoryError), which pymem does not model"],
  ["more/limits/007", "refused: brackets nested 200 deep may overflow CPython 3.8's parser stack (MemoryError), which pymem does not model"],
  ["more/limits/008", "refused: brackets nested 100 deep may overflow CPython 3.8's parser stack (MemoryError), which pymem does not model"],
  ["more/limits/015", "refused: brackets nested 101 deep may overflow CPython 3.8's parser stack (MemoryError), which pymem does not model"],
  ["probes/future/023", "refused: a postponed annotation (from __future__ import annotations) of this form: pymem does not write its text"],
  ["typing2/more/041", "refused: the size of typing's class _GenericAlias is not supported by pymem yet"],
]);
