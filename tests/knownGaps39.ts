// CPython 3.9's fixture rows (fixtures/3.9/).
// Fixture rows pymem does not answer yet under this version only, each for a stated
// reason; tests/layoutFor.ts adds 3.10's own gaps (tests/knownGaps.ts), which every
// version shares. The table test reports them as todo; removing an id here makes
// its row a real test.
// Regenerate with scripts/known-gaps.sh 3.9.
export const KNOWN_GAPS_39: ReadonlyMap<string, string> = new Map([
  ["typing2/annotations/036", "exact: get_type_hints raises KeyError('__pymem_setup__') before it reaches the string annotation, as sys.modules[base.__module__] does on 3.9"],
  ["errors/setup/015", "3.9 reports an unclosed bracket where the input ends (unexpected EOF, or invalid syntax on the next line) rather than at the bracket as 3.10 does: pymem's parser follows 3.10"],
  ["errors/syntax/012", "3.9 reports a blank expression as SyntaxError (unexpected EOF) where 3.10 raises IndentationError: pymem's parser follows 3.10"],
  ["errors/syntax/032", "3.9 reports an unclosed bracket where the input ends (unexpected EOF, or invalid syntax on the next line) rather than at the bracket as 3.10 does: pymem's parser follows 3.10"],
  ["more/errors/065", "3.9 reports an unclosed bracket where the input ends (unexpected EOF, or invalid syntax on the next line) rather than at the bracket as 3.10 does: pymem's parser follows 3.10"],
]);
