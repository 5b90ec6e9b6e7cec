// Fixture rows pymem does not answer under 3.11, 3.12 and 3.13 alike, each for a stated
// reason (the same rules as tests/knownGaps311.ts): listed once here, spread into each
// of those versions' lists.
export const KNOWN_GAPS_FROM_311: ReadonlyArray<readonly [string, string]> = [
  ["more/hashorder/016", "set iteration order follows hash slots (str hashes are randomized per process)"],
  ["more/hashorder/017", "set iteration order follows hash slots (str hashes are randomized per process)"],
  ["more/hashorder/022", "set iteration order follows hash slots (str hashes are randomized per process)"],
  ["more/hashorder/026", "set iteration order follows hash slots (str hashes are randomized per process)"],
  ["match/generators/004", "refused: a generator whose code holds a match statement (from 3.11 its frame is sized by the compiler's stack depth, which pymem does not lay out for match)"],
  ["match/generators/007", "refused: a generator whose code holds a match statement (from 3.11 its frame is sized by the compiler's stack depth, which pymem does not lay out for match)"],
  ["async/edges/023", "refused: a coroutine whose code holds an async with (from 3.11 its frame is sized by the compiler's stack depth, which pymem does not lay out for async with)"],
  ["async/frames/008", "refused: a coroutine whose code assigns to a subscript (from 3.11 its frame is sized by the compiler's stack depth, which pymem does not lay out for that statement)"],
  ["typing2/values/010", "refused: the size of typing.Any, a class from CPython 3.11 (its type object and class dict are not laid out) is not supported by pymem yet"],
  ["typing2/decorators/012", "refused: typing.final on a function from 3.11 (it sets the function's __final__)"],
  ["typing2/decorators/013", "refused: typing.final on a function from 3.11 (it sets the function's __final__)"],
  ["typing2/decorators/014", "refused: typing.final on a function from 3.11 (it sets the function's __final__)"],
  ["typing2/decorators/015", "refused: typing.final on a function from 3.11 (it sets the function's __final__)"],
  ["typing2/decorators/016", "refused: typing.final on a function from 3.11 (it sets the function's __final__)"],
  ["typing2/decorators/017", "refused: typing.final on a function from 3.11 (it sets the function's __final__)"],
  ["typing2/decorators/018", "refused: typing.final on a function from 3.11 (it sets the function's __final__)"],
  ["typing2/decorators/019", "refused: typing.final on a function from 3.11 (it sets the function's __final__)"],
  ["typing2/errors/026", "refused: a class over typing.Any (a class from 3.11)"],
  ["usercode2/lru/001", "refused: the instance __dict__ of an OrderedDict subclass from CPython 3.11 (od_inst_dict)"],
  ["usercode2/lru/002", "refused: the instance __dict__ of an OrderedDict subclass from CPython 3.11 (od_inst_dict)"],
  ["usercode2/lru/003", "refused: the instance __dict__ of an OrderedDict subclass from CPython 3.11 (od_inst_dict)"],
  ["usercode2/lru/004", "refused: the instance __dict__ of an OrderedDict subclass from CPython 3.11 (od_inst_dict)"],
  ["usercode4/errors/033", "refused: these arguments of BaseExceptionGroup() (its own argument parsing is not modelled)"],
  ["usercode4/errors/034", "refused: these arguments of BaseExceptionGroup() (its own argument parsing is not modelled)"],
];
