// sys.intern (sys_intern_impl, PyUnicode_InternInPlace): the str already interned under
// the argument's text when there is one, else the argument itself, interned from then on.
// What was interned before the program's code ran is the interpreter's: the layout's
// start-up table (fixtures/interned_texts.py) gives those texts, and a new str of one
// gets back the start-up object, another object than any the program made. A text whose
// interned state pymem cannot know is refused: one that a module the program may have
// imported interns, or an identifier of the program's own code (CPython interns every
// identifier it compiles; for how long depends on references pymem does not count).
import { intern, internedObject, internStartup } from "./constPool.js";
import { ctx } from "./ctx.js";
import { PymemError, typeError } from "./errors.js";
import { subOf, typeName, type PyObj, type PyStrObj } from "./objects.js";
import { strText } from "./text.js";
import { internedStateUnfixed } from "../layouts/internedTexts.js";
import { Tokenizer } from "../python/tokenizer.js";
import { identifier } from "../python/tokenStream.js";

const WORD = /[\p{L}\p{Nl}_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}]*/gu;

/** The identifiers of one source text: its NAME tokens, and every word inside its f-strings (their fields are code). */
function sourceNames(source: string, mode: "exec" | "eval", into: Set<string>): void {
  const tokens = new Tokenizer(source, mode);
  for (let t = tokens.next(); t.kind !== "ENDMARKER"; t = tokens.next()) {
    if (t.kind === "NAME") into.add(identifier(t));
    else if (t.kind === "STRING" && /^[a-zA-Z]*[fF]/.test(t.text)) for (const m of t.text.normalize("NFKC").matchAll(WORD)) into.add(m[0]);
  }
}

const NAMES_STATE = "sys.intern: identifiers of the compiled sources";

/** The identifiers of every source compiled so far in this evaluation. */
function compiledNames(): ReadonlySet<string> {
  const c = ctx();
  let state = c.moduleState.get(NAMES_STATE) as { names: Set<string>; seen: number } | undefined;
  if (state === undefined) c.moduleState.set(NAMES_STATE, (state = { names: new Set(), seen: 0 }));
  for (; state.seen < c.sources.length; state.seen++) {
    const source = c.sources[state.seen]!;
    sourceNames(source.text, source.mode, state.names);
  }
  return state.names;
}

/** The identifiers of the source being compiled now: the parser interned each before any code object of it exists. */
function currentNames(): ReadonlySet<string> {
  const c = ctx();
  const at = c.sources.length - 1;
  const key = "sys.intern: identifiers of the current source";
  let state = c.moduleState.get(key) as { names: Set<string>; at: number } | undefined;
  if (state === undefined || state.at !== at) {
    state = { names: new Set(), at };
    const source = c.sources[at];
    if (source !== undefined) sourceNames(source.text, source.mode, state.names);
    c.moduleState.set(key, state);
  }
  return state.names;
}

/**
 * Whether interning `text`, a str constant of the code unit being compiled now, gives back
 * another object than the constant (PyUnicode_InternInPlace replacing it: intern_string_constants
 * then rebuilds a frozenset holding it); `found` is the str interned under the text before the
 * constant was (asked when a frozenset holding the constant is made): true when the
 * interpreter's start-up (for one character: an object other than the cached str), an identifier of this source or a str an earlier unit interned and
 * CPython still holds has that text; false when nothing interned it, or only this unit's own
 * (merged) constants; null when pymem cannot know (an earlier unit's str CPython may have freed,
 * a text the imported modules may intern).
 */
export function internReplacesConstant(text: string, found: PyStrObj | undefined): boolean | null {
  const c = ctx();
  // A one-character constant is the cached latin-1 str; start-up interned objects of its own for some.
  if (text.length === 1) return c.layout.preinternedChars.includes(text);
  if (found !== undefined) {
    const at = c.internedAt.get(text) ?? 0;
    if (at === c.sources.length) return currentNames().has(text);
    return stillHeld(found, text) ? true : null;
  }
  if (c.layout.startupInterned().has(text) || currentNames().has(text)) return true;
  if (internedStateUnfixed(text)) return null;
  if (compiledNames().has(text)) return c.layout.rules.internedStrsMortal ? null : true;
  return false;
}

/**
 * Whether CPython surely still holds `o`, the session's interned str of its text, when a later code
 * unit asks: where interned strs are mortal, one the setup interned lives on only while referenced,
 * which pymem knows only of a global's value.
 */
function stillHeld(o: PyStrObj, text: string): boolean {
  const c = ctx();
  const at = c.internedAt.get(text) ?? 0;
  if (!c.layout.rules.internedStrsMortal || at === 0 || at === c.sources.length) return true;
  // A constant of a start-up text is the start-up's object, which the interpreter holds.
  if (c.layout.startupInterned().has(text)) return true;
  for (const v of c.globals?.values() ?? []) if (v === o || holdsDirectly(v, o)) return true;
  return false;
}

/** Whether container `v` (a global's value) holds `o` as an item or a key: a small list, tuple, set, frozenset. */
function holdsDirectly(v: PyObj, o: PyStrObj): boolean {
  if (v.t === "set" || v.t === "frozenset") return v.table.size <= 4096 && v.table.keyList().includes(o);
  if ((v.t === "list" || v.t === "tuple") && Array.isArray(v.items)) return v.items.length <= 4096 && v.items.includes(o);
  return false;
}

export function sysIntern(args: readonly PyObj[]): PyObj {
  if (args.length !== 1) throw typeError(`intern() takes exactly one argument (${args.length} given)`);
  const x = args[0]!;
  if (x.t !== "str") throw typeError(`intern() argument must be str, not ${typeName(x)}`);
  // PyUnicode_CheckExact: a subclass's object is refused.
  const sub = subOf(x);
  if (sub !== undefined) throw typeError(`can't intern ${sub.cls.name}`);
  return internInPlace(x, "sys.intern");
}

/**
 * PyUnicode_InternInPlace on an exact str `x`: the str already interned under its text, else `x`
 * itself from then on. `what` names the caller in a refusal ("sys.intern"); with `uncertain`
 * given, a text whose interned state pymem cannot know gets `uncertain(text)` instead.
 */
export function internInPlace(x: PyStrObj, what: string, uncertain?: (text: string) => PyStrObj): PyStrObj {
  const text = strText(x);
  // One character: the cached latin-1 strs and the layout's preinternedChars (constPool.ts).
  if (text.length <= 1 || (text.length === 2 && text.codePointAt(0)! > 0xffff)) return intern(x);
  const found = internedObject(text);
  if (found !== undefined) {
    if (found !== x && !stillHeld(found, text)) {
      if (uncertain !== undefined) return uncertain(text);
      throw new PymemError("UNSUPPORTED", `${what} of ${JSON.stringify(text)}: the setup interned that text, and whether CPython still holds that str (it frees an interned str with its last reference) is not modelled`);
    }
    return found;
  }
  if (ctx().layout.startupInterned().has(text)) return internStartup(text);
  if (uncertain !== undefined && (internedStateUnfixed(text) || compiledNames().has(text))) return uncertain(text);
  if (internedStateUnfixed(text)) {
    throw new PymemError("UNSUPPORTED", `${what} of ${JSON.stringify(text)}: whether CPython already holds that text interned depends on the modules the program imported`);
  }
  if (compiledNames().has(text)) {
    throw new PymemError("UNSUPPORTED", `${what} of ${JSON.stringify(text)}: an identifier of the program's own code, which CPython interned when compiling it (how long it keeps it is not modelled)`);
  }
  return intern(x);
}
