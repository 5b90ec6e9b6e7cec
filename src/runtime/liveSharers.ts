// Before 3.11 a split dict's size and the class's key-cache decisions read the
// shared keys' dk_refcnt: the type (while it caches them) plus every dict using
// them. pymem counts a dict when it is made and when it stops sharing, but it
// has no reference counts, so it cannot tell when a dict died with its instance
// (a global name rebound, a list dropped). What it can do is prove that a
// sharer is alive: reachable from the module's names (or from objects known to
// be alive) through items, dict entries, instance dicts, packed attributes,
// slots and class attributes; and it can tell which sharers only a value a
// module name let go of (a rebound or deleted name) still reaches. A decision
// that would hold only on such possibly freed sharers is refused, never
// answered as if the dead were still counted.
import { ctx } from "./ctx.js";
import { PymemError } from "./errors.js";
import { subOf, type PyInstanceObj, type PyObj, type SharedKeys } from "./objects.js";
import type { Seq } from "./seq.js";

/** What a walk over the shared keys' users found: those proven alive, and those only a dropped module name reached. */
export interface SharerCensus {
  readonly alive: number;
  readonly maybeFreed: number;
  /** Values were let go of beyond those remembered: the unaccounted sharers may be among them. */
  readonly overflowed: boolean;
}

/**
 * The dicts (or packed instance dicts) sharing `keys` reachable from the module's names and `alive` (proven alive),
 * and, among the rest, those reachable from a value a module name let go of (ModuleVars): possibly freed. Sharers
 * neither walk finds (temporaries of the running code, locals) are taken as alive, as CPython's count holds them.
 */
export function sharerCensus(keys: SharedKeys, alive: readonly PyObj[]): SharerCensus {
  const seen = new Set<object>();
  const live = countSharers(keys, [...alive, ...(ctx().globals?.values() ?? [])], seen);
  const dropped = ctx().globals;
  const maybeFreed = dropped instanceof ModuleVars ? countSharers(keys, [...dropped.released], seen) : 0;
  return { alive: live, maybeFreed, overflowed: dropped instanceof ModuleVars && dropped.overflowed };
}

function countSharers(keys: SharedKeys, roots: readonly PyObj[], seen: Set<object>): number {
  let count = 0;
  walkHeld(roots, seen, (o) => {
    if (o.t === "dict" ? o.split === keys : o.t === "instance" && o.attrKeys === keys && o.dict === null) count++;
    return false;
  });
  return count;
}

/**
 * Visits the objects `roots` hold through items, dict entries, instance dicts, packed attributes, slots and
 * class attributes (each once, `seen` shared between walks), until `visit` returns true; whether it did.
 */
function walkHeld(roots: readonly PyObj[], seen: Set<object>, visit: (o: PyObj) => boolean): boolean {
  const stack: PyObj[] = [...roots];
  const pushSeq = (s: Seq): void => {
    if (Array.isArray(s)) stack.push(...s);
    else if (s.kind === "repeat") stack.push(...s.unit);
    // an int run holds ints only
  };
  const visitInstance = (o: PyInstanceObj): boolean => {
    if (visit(o)) return true;
    if (o.dict !== null) stack.push(o.dict);
    if (o.attrValues !== null) for (let i = 0; i < o.attrCount; i++) stack.push(o.attrValues[i] as PyObj);
    if (o.slotValues !== null) for (const v of o.slotValues) if (v !== undefined) stack.push(v);
    stack.push(o.cls);
    return false;
  };
  for (;;) {
    const o = stack.pop();
    if (o === undefined) return false;
    if (seen.has(o)) continue;
    seen.add(o);
    if (o.t === "instance") {
      if (visitInstance(o)) return true;
      continue;
    }
    if (visit(o)) return true;
    switch (o.t) {
      case "list":
        pushSeq(o.items);
        break;
      case "tuple":
        pushSeq(o.items);
        if (o.dict != null) stack.push(o.dict);
        break;
      case "set":
      case "frozenset":
        if (o.table.pendingRun === null) for (const k of o.table.slotKeys()) if (k !== null && k !== undefined) stack.push(k);
        break;
      case "dict": {
        const p = o.table.pendingEntries;
        if (p === null) o.table.forEachEntry((k, v) => void stack.push(k, v));
        else if ("each" in p.values) stack.push(p.values.each);
        break;
      }
      case "deque":
        stack.push(...o.items);
        break;
      case "class":
        for (const v of o.attrs.values()) stack.push(v);
        break;
      default:
        break;
    }
    const sub = subOf(o);
    if (sub !== undefined && visitInstance(sub)) return true;
  }
}

/**
 * Whether `target` is proven alive: the module's names or the objects known to be alive (the value being
 * measured) reach it. An object neither reaches may still be held by a running function's locals or a
 * temporary; the callers that need it alive refuse then, as pymem cannot tell.
 */
export function provenAlive(target: PyObj): boolean {
  const roots = [...ctx().liveRoots, ...(ctx().globals?.values() ?? [])];
  return walkHeld(roots, new Set<object>(), (o) => o === target);
}

/** Whether an object can hold (or be) an instance dict: what a released module name is remembered for. */
function mayHoldInstances(o: PyObj): boolean {
  switch (o.t) {
    case "list":
    case "tuple":
    case "dict":
    case "set":
    case "frozenset":
    case "deque":
    case "instance":
      return true;
    default:
      return subOf(o) !== undefined;
  }
}

/** The module namespace, remembering each container or instance a name stopped referring to (rebound or deleted). */
export class ModuleVars extends Map<string, PyObj> {
  readonly released = new Set<PyObj>();
  /** Classes a module name let go of (a class statement rebinding the name, del): a cycle the collector may have freed. */
  readonly releasedClasses = new Set<PyObj>();
  /**
   * More values were let go of than are remembered (a module-level loop rebinding a name a million
   * times must not keep every value alive): a sharer none of the remembered reach may be one of those.
   */
  overflowed = false;

  override set(name: string, value: PyObj): this {
    const old = super.get(name);
    if (old !== undefined && old !== value && mayHoldInstances(old)) this.release(old);
    if (old !== undefined && old !== value && old.t === "class") this.releasedClasses.add(old);
    return super.set(name, value);
  }

  override delete(name: string): boolean {
    const old = super.get(name);
    if (old !== undefined && mayHoldInstances(old)) this.release(old);
    if (old !== undefined && old.t === "class") this.releasedClasses.add(old);
    return super.delete(name);
  }

  release(old: PyObj): void {
    if (this.released.size < RELEASED_REMEMBERED) this.released.add(old);
    else this.overflowed = true;
  }
}

/**
 * A container let go of an item (a list item or dict value replaced or deleted): before 3.11 it is
 * remembered with the values module names let go of, so a sharer only it reaches counts as possibly
 * freed (CPython frees it with its last reference), never as a live temporary.
 */
export function noteReleasedItem(old: PyObj | undefined): void {
  const g = ctx().globals;
  if (old !== undefined && g instanceof ModuleVars && releasesNoted() && mayHoldInstances(old)) g.release(old);
}

/** Whether let-go items are remembered at all (before 3.11): callers skip finding them otherwise. */
export function releasesNoted(): boolean {
  return !ctx().layout.rules.managedDicts;
}

/** How many let-go values the module namespace remembers. */
const RELEASED_REMEMBERED = 1024;

/**
 * Whether every one of `others` counted sharers (beyond `selfFound` of the census's alive ones, the caller's own)
 * may have been freed: none proven alive, none unaccounted for (taken as alive), some only a released name reached.
 */
export function othersMaybeAllFreed(others: number, census: SharerCensus, selfFound = 0): boolean {
  const alive = census.alive - selfFound;
  const unaccounted = others - alive - census.maybeFreed;
  // Past the remembered values, a sharer no walk found may have been let go of too.
  if (census.overflowed) return alive <= 0;
  return census.maybeFreed > 0 && alive <= 0 && unaccounted <= 0;
}

/** The refusal when whether CPython freed a sharer decides the answer. */
export function sharerLivenessUnknown(what: string): PymemError {
  return new PymemError("UNSUPPORTED", `${what}, while instance dicts that may have been freed still share those keys (whether CPython freed them depends on reference counts pymem does not keep)`);
}

/**
 * A class still caching `keys` (counted in their dk_refcnt) that a module name let go of and nothing proven alive
 * reaches: a class is always in a reference cycle, so only the garbage collector frees it, at a moment set by
 * allocation counts pymem does not keep; once freed, a dict sharing the keys alone counts their table.
 */
export function keysOwnerMaybeCollected(keys: SharedKeys): boolean {
  const g = ctx().globals;
  if (!(g instanceof ModuleVars)) return false;
  for (const c of g.releasedClasses) if (c.t === "class" && c.cachedKeys === keys && !provenAlive(c)) return true;
  return false;
}

/** The refusal when whether the collector freed the class caching a dict's keys decides the answer. */
export function keysOwnerCollectable(what: string): PymemError {
  return new PymemError("UNSUPPORTED", `${what} whose class a module name let go of (the garbage collector frees the class, and the dict then counts the keys it shared, at a moment pymem does not model)`);
}
