// A generated table of another version, stored as its changes from 3.10's table
// (fixtures/attribute_names.py and collections_sources.py write them): a version's
// file then states only what differs, as the hand-written layouts do.

/**
 * Per key, how a version's space-separated word list differs from the base's: null
 * when the version lacks the key, "=WORDS" for the list in full, else the words it
 * adds ("+w") and drops ("-w"); the generator uses that form only for a sorted list
 * without repeats, which is how the result is rebuilt.
 */
export type WordChanges = Readonly<Record<string, string | null>>;

/** One word list after its changes. */
function wordsAfter(base: string | undefined, change: string): string {
  if (change.startsWith("=")) return change.slice(1);
  const words = new Set(base === undefined || base === "" ? [] : base.split(" "));
  for (const op of change.split(" ")) {
    if (op.startsWith("+")) words.add(op.slice(1));
    else words.delete(op.slice(1));
  }
  return [...words].sort().join(" ");
}

/** `base` with `changes` applied (keys kept in the base's order, new keys after). */
export function wordTableAfter(base: Readonly<Record<string, string>>, changes: WordChanges): Readonly<Record<string, string>> {
  const out: Record<string, string> = { ...base };
  for (const [key, change] of Object.entries(changes)) {
    if (change === null) delete out[key];
    else out[key] = wordsAfter(base[key], change);
  }
  return out;
}

/** Per key, null when the version lacks it, else the changes of its inner table. */
export type NestedChanges = Readonly<Record<string, WordChanges | null>>;

/** A table of word tables (descriptor kinds by type) with `changes` applied. */
export function nestedTableAfter(
  base: Readonly<Record<string, Readonly<Record<string, string>>>>,
  changes: NestedChanges,
): Readonly<Record<string, Readonly<Record<string, string>>>> {
  const out: Record<string, Readonly<Record<string, string>>> = { ...base };
  for (const [key, inner] of Object.entries(changes)) {
    if (inner === null) delete out[key];
    else out[key] = wordTableAfter(base[key] ?? {}, inner);
  }
  return out;
}

/** Line edits, each [first base line, base lines dropped, lines put in their place], in order. */
export type LineChanges = readonly (readonly [number, number, readonly string[]])[];

/** `base` (lines joined by "\n") with `changes` applied. */
export function linesAfter(base: string, changes: LineChanges): string {
  if (changes.length === 0) return base;
  const lines = base.split("\n");
  const out: string[] = [];
  let at = 0;
  for (const [first, dropped, put] of changes) {
    for (; at < first; at++) out.push(lines[at] as string);
    out.push(...put);
    at += dropped;
  }
  for (; at < lines.length; at++) out.push(lines[at] as string);
  return out.join("\n");
}

/** `make()`'s result, made on the first call: a version's table costs nothing until a run asks for it. */
export function once<T>(make: () => T): () => T {
  let made: T | undefined;
  return () => (made ??= make());
}
