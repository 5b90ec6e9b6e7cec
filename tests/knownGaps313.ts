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
  ["match/generators/004", "refused: a generator whose code holds a match statement (from 3.11 its frame is sized by the compiler's stack depth, which pymem does not lay out for match)"],
  ["match/generators/007", "refused: a generator whose code holds a match statement (from 3.11 its frame is sized by the compiler's stack depth, which pymem does not lay out for match)"],
  ["statistics/errors/028", "refused: statistics.kde (3.13's kernel density estimation returns a closure pymem does not model)"],
  ["async/edges/023", "refused: a coroutine whose code holds an async with (from 3.11 its frame is sized by the compiler's stack depth, which pymem does not lay out for async with)"],
  ["async/frames/008", "refused: a coroutine whose code assigns to a subscript (from 3.11 its frame is sized by the compiler's stack depth, which pymem does not lay out for that statement)"],
  ["subcoll/errors/014", "refused: the instance __dict__ of an OrderedDict subclass under CPython 3.13 (od_inst_dict)"],
  ["subcoll/fuzz-OrderedDict/001", "refused: the instance __dict__ of an OrderedDict subclass under CPython 3.13 (od_inst_dict)"],
  ["subcoll/fuzz-OrderedDict/004", "refused: the instance __dict__ of an OrderedDict subclass under CPython 3.13 (od_inst_dict)"],
  ["subcoll/fuzz-OrderedDict/016", "refused: the instance __dict__ of an OrderedDict subclass under CPython 3.13 (od_inst_dict)"],
  ["subcoll/fuzz-OrderedDict/019", "refused: the instance __dict__ of an OrderedDict subclass under CPython 3.13 (od_inst_dict)"],
  ["subcoll/fuzz-OrderedDict/023", "refused: the instance __dict__ of an OrderedDict subclass under CPython 3.13 (od_inst_dict)"],
  ["subcoll/ordereddict/007", "refused: the instance __dict__ of an OrderedDict subclass under CPython 3.13 (od_inst_dict)"],
  ["subcoll/ordereddict/028", "refused: the instance __dict__ of an OrderedDict subclass under CPython 3.13 (od_inst_dict)"],
  ["subcoll/ordereddict/029", "refused: the instance __dict__ of an OrderedDict subclass under CPython 3.13 (od_inst_dict)"],
  ["subcoll/ordereddict/034", "refused: the instance __dict__ of an OrderedDict subclass under CPython 3.13 (od_inst_dict)"],
  ["subcoll/ordereddict/035", "refused: the instance __dict__ of an OrderedDict subclass under CPython 3.13 (od_inst_dict)"],
  ["subcoll/ordereddict/036", "refused: the instance __dict__ of an OrderedDict subclass under CPython 3.13 (od_inst_dict)"],
  ["subcoll/ordereddict/038", "refused: the instance __dict__ of an OrderedDict subclass under CPython 3.13 (od_inst_dict)"],
  ["codecs/names/085", "refused: the 'cp932' codec is not supported by pymem yet"],
  ["typing2/values/010", "refused: the size of typing.Any, a class from CPython 3.11 (its type object and class dict are not laid out)"],
  ["typing2/decorators/012", "refused: typing.final on a function from 3.11 (it sets the function's __final__)"],
  ["typing2/decorators/013", "refused: typing.final on a function from 3.11 (it sets the function's __final__)"],
  ["typing2/decorators/014", "refused: typing.final on a function from 3.11 (it sets the function's __final__)"],
  ["typing2/decorators/015", "refused: typing.final on a function from 3.11 (it sets the function's __final__)"],
  ["typing2/decorators/016", "refused: typing.final on a function from 3.11 (it sets the function's __final__)"],
  ["typing2/decorators/017", "refused: typing.final on a function from 3.11 (it sets the function's __final__)"],
  ["typing2/decorators/018", "refused: typing.final on a function from 3.11 (it sets the function's __final__)"],
  ["typing2/decorators/019", "refused: typing.final on a function from 3.11 (it sets the function's __final__)"],
  ["typing2/errors/026", "refused: a class over typing.Any (a class from 3.11)"],
]);
