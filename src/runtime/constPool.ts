// The constants of one code unit. CPython 3.10 merges equal constants of a
// compilation (merge_consts_recursive, keyed by _PyCode_ConstantKey: type and
// value, -0.0 apart from 0.0) and interns identifier-like str constants
// (intern_string_constants: all_name_chars), also inside constant tuples and
// frozensets. Interned strings are shared by every code unit of the session.
import { ctx } from "./ctx.js";
import { PymemError } from "./errors.js";
import { pyStrFresh, type PyObj, type PyStrObj } from "./objects.js";
import { materialize } from "./seq.js";
import { setFrom } from "./sets.js";
import { bytesData, isAsciiIdentifierChars, strText } from "./text.js";
import { newTuple } from "./tuples.js";

/**
 * The session's interned strs, holding from the start what the interpreter's start-up interned as
 * objects of their own (the layout's preinternedChars: not the cached one-character strs).
 */
function internTable(): Map<string, PyStrObj> {
  const c = ctx();
  if (!c.internSeeded) {
    c.internSeeded = true;
    for (const ch of c.layout.preinternedChars) c.interned.set(ch, pyStrFresh(ch));
  }
  return c.interned;
}

/** PyUnicode_InternInPlace: the session's one object for this text. */
export function intern(s: PyStrObj): PyStrObj {
  const table = internTable();
  const text = strText(s);
  const found = table.get(text);
  if (found !== undefined) return found;
  table.set(text, s);
  const c = ctx();
  c.internedAt.set(text, c.sources.length);
  return s;
}

/** A str the interpreter's start-up interned, made on first use: the session's object for its text from then on. */
export function internStartup(text: string): PyStrObj {
  const s = intern(pyStrFresh(text));
  ctx().internedAt.set(text, 0);
  return s;
}

/** The session's interned object of this text, if one was interned. */
export function internedObject(text: string): PyStrObj | undefined {
  return internTable().get(text);
}

/** Whether `s` is the session's interned object for its text (the empty str always is). */
export function isInterned(s: PyStrObj): boolean {
  return s.length === 0 || internTable().get(strText(s)) === s;
}

/** _PyCode_ConstantKey for a leaf constant: type and value, -0.0 apart from 0.0. */
function leafKey(o: PyObj): string | null {
  switch (o.t) {
    case "int":
      return `i${o.v}`;
    case "bool":
      return o.v ? "T" : "F";
    case "float":
      return Object.is(o.v, -0) ? "f-0" : `f${o.v}`;
    case "complex":
      return `c${Object.is(o.re, -0) ? "-0" : o.re},${Object.is(o.im, -0) ? "-0" : o.im}`;
    case "str":
      return `s${strText(o)}`;
    case "bytes":
      return `b${Buffer.from(bytesData(o)).toString("latin1")}`;
    case "NoneType":
    case "ellipsis":
      return o.t;
    default:
      return null;
  }
}

/**
 * internReplacesConstant (sysIntern.ts), given by the compiler: whether interning a str constant
 * of this text replaced it, from the str interned under the text before the constant was.
 */
export type InternReplaces = (text: string, before: PyStrObj | undefined) => boolean | null;

export class ConstPool {
  constructor(private readonly internReplaces: InternReplaces) {}

  /**
   * For each identifier-like str constant's text: the str interned under it before this unit's
   * constant was (null: none), kept for internReplaces, which only a frozenset constant asks.
   */
  private readonly internedBefore = new Map<string, PyStrObj | null>();

  private readonly byKey = new Map<string, PyObj>();
  /**
   * Every object add() has returned, with the number standing for it in its
   * containers' keys (null: it has no key). Items of a tuple or frozenset are
   * canonical before the container is keyed, so equal keys of items are the
   * same object, and a container's key is its items' numbers: nesting costs
   * one step per level, not a rebuilt (or re-escaped) key of the whole subtree.
   */
  private readonly canon = new Map<PyObj, number | null>();

  /** The unit's canonical object for this constant. */
  add(o: PyObj): PyObj {
    if (this.canon.has(o)) return o;
    // Counted, so a compiler that re-walked nested constants would show in the work budget.
    ctx().tick();
    let key: string | null;
    if (o.t === "tuple") {
      const items = materialize(o.items);
      const merged = items.map((x) => this.add(x));
      if (merged.some((x, i) => x !== items[i])) o = newTuple(merged);
      key = this.containerKey("t(", merged, false);
    } else if (o.t === "frozenset") {
      const merged = o.table.keyList().map((x) => this.add(x));
      const replaced = this.itemsReplaced(merged);
      key = this.containerKey("z{", merged, true);
      const known = key === null ? undefined : this.byKey.get(key);
      if (known !== undefined) return known;
      // merge_consts_recursive: a frozenset not seen yet is rebuilt from its
      // merged items in slot order, which can reorder colliding keys.
      if (merged.length > 0) o = setFrom("frozenset", newTuple(merged));
      // intern_string_constants (at code creation): a frozenset one of whose strs interning
      // replaced by the object already interned under its text is rebuilt again, from its
      // slot order after the first rebuild.
      if (replaced !== false && merged.length > 0) {
        const again = setFrom("frozenset", newTuple(o.table.keyList()));
        if (replaced === true) o = again;
        else if (!sameOrder(o, again)) {
          const text = merged.map((x) => (x.t === "str" && this.replaced(strText(x)) === null ? strText(x) : null)).find((t) => t !== null);
          const why = `the order of the set display ${reprFrozen(o)}: CPython rebuilds its constant once more if ${JSON.stringify(text)} was already interned when the code was made, which depends on what the imported modules or the setup's freed objects interned (not modelled)`;
          // The caller may try both ways (sizing.measure keeps the answer when they agree).
          const c = ctx();
          if (c.rebuildGuess === null) throw new PymemError("UNSUPPORTED", why);
          if (c.rebuildGuess(why)) o = again;
        }
      }
    } else {
      if (o.t === "str" && isAsciiIdentifierChars(strText(o))) {
        // What was interned under its text before this unit's first constant of it.
        const text = strText(o);
        if (!this.internedBefore.has(text)) this.internedBefore.set(text, internedObject(text) ?? null);
        o = intern(o);
      }
      key = leafKey(o);
    }
    if (key === null) {
      this.canon.set(o, null);
      return o;
    }
    const found = this.byKey.get(key);
    if (found !== undefined) return found;
    this.byKey.set(key, o);
    this.canon.set(o, this.byKey.size);
    return o;
  }

  /** Whether interning this unit's str constant of `text` replaced it (undefined: no such interned constant). */
  private replaced(text: string): boolean | null | undefined {
    const before = this.internedBefore.get(text);
    return before === undefined ? undefined : this.internReplaces(text, before ?? undefined);
  }

  /** Whether interning some str item replaced it: true, false, or null (not known). */
  private itemsReplaced(items: readonly PyObj[]): boolean | null {
    let known: boolean | null = false;
    for (const x of items) {
      if (x.t !== "str") continue;
      const r = this.replaced(strText(x));
      if (r === undefined) continue;
      if (r === true) return true;
      if (r === null) known = null;
    }
    return known;
  }

  private containerKey(open: string, items: readonly PyObj[], unordered: boolean): string | null {
    const ids: number[] = [];
    for (const x of items) {
      const id = this.canon.get(x);
      if (id === undefined || id === null) return null;
      ids.push(id);
    }
    if (unordered) ids.sort((a, b) => a - b);
    return open + ids.join(",");
  }
}

function sameOrder(a: PyObj, b: PyObj): boolean {
  if (a.t !== "frozenset" || b.t !== "frozenset") return false;
  const x = a.table.keyList();
  const y = b.table.keyList();
  return x.length === y.length && x.every((k, i) => k === y[i]);
}

function reprFrozen(o: PyObj): string {
  if (o.t !== "frozenset") return "";
  return `{${o.table.keyList().map((k) => (k.t === "str" ? `'${strText(k)}'` : "...")).join(", ")}}`;
}
