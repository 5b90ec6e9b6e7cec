// copy.deepcopy's memo (Lib/copy.py): a plain dict keyed by id(x), the copy of
// each object copied so far, and under id(memo) the keep-alive list
// (_keep_alive) that holds every original whose copy is another object. The
// dict is real: a memo the caller passes, or the one handed to a class's own
// __deepcopy__, is what the program sees and measures.
import { emptyKwargs } from "./calls.js";
import { dictGet, dictSet } from "./dicts.js";
import { PymemError } from "./errors.js";
import { listAppend, newListExact } from "./lists.js";
import { idBuiltin } from "./objectIds.js";
import { subOf, type PyDictObj, type PyObj } from "./objects.js";

/** What the copiers ask of the memo: memo.get(id(x)) and memo[id(x)] = y. */
export interface CopyMemo {
  get(x: PyObj): PyObj | undefined;
  set(x: PyObj, y: PyObj): void;
}

function idOf(x: PyObj): PyObj {
  return idBuiltin([x], emptyKwargs);
}

/** deepcopy's memo over the dict object the program holds. */
export class DictMemo implements CopyMemo {
  constructor(readonly dict: PyDictObj) {}

  get(x: PyObj): PyObj | undefined {
    return dictGet(this.dict, idOf(x));
  }

  set(x: PyObj, y: PyObj): void {
    dictSet(this.dict, idOf(x), y);
  }

  /** _keep_alive: memo[id(memo)].append(x), or memo[id(memo)] = [x] the first time. */
  keepAlive(x: PyObj): void {
    const kept = dictGet(this.dict, idOf(this.dict));
    if (kept === undefined) dictSet(this.dict, idOf(this.dict), newListExact([x]));
    else if (kept.t === "list" && subOf(kept) === undefined) listAppend(kept, x);
    else throw new PymemError("UNSUPPORTED", "a deepcopy memo whose own id() key holds something other than a list");
  }
}

/** The memo argument of copy.deepcopy(x, memo): a plain dict (any other mapping is not modelled). */
export function memoOf(memo: PyObj): DictMemo {
  if (memo.t !== "dict" || memo.flavor !== undefined || subOf(memo) !== undefined) {
    throw new PymemError("UNSUPPORTED", "copy.deepcopy with a memo that is not a plain dict");
  }
  return new DictMemo(memo);
}
