// Identity is what `deep` counts, so the objects CPython keeps one of (True,
// False, None, Ellipsis, NotImplemented, the small ints, the empty str/bytes/
// tuple, cached one-character strs and bytes) must only ever come out of their
// constructors in src/runtime/objects.ts and src/runtime/tuples.ts. A literal
// `{ t: "bool", v: … }` anywhere else made a second True once; this test makes
// such a literal fail the build instead.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const CONSTRUCTOR_FILES = new Set(["objects.ts", "tuples.ts"]);
const SINGLETON_TYPES = ["bool", "int", "float", "complex", "str", "bytes", "tuple", "NoneType", "ellipsis", "NotImplementedType"];
// An object literal of one of those types: `{ t: "int", v` or a bare `{ t: "NoneType" }` that is not a type (`& { t: … }`).
const LITERAL = new RegExp(`(?<![&|:<]\\s*)\\{\\s*t:\\s*"(${SINGLETON_TYPES.join("|")})"\\s*(,|\\})`, "g");

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : [],
  );
}

describe("singleton-bearing objects are built only by their constructors", () => {
  const root = new URL("../src/", import.meta.url).pathname;
  const files = [...sources(join(root, "runtime")), ...sources(join(root, "sizing"))];
  it("finds the sources", () => expect(files.length).toBeGreaterThan(10));
  it.each(files.filter((f) => !CONSTRUCTOR_FILES.has(f.split("/").pop() as string)))("%s", (file) => {
    const text = readFileSync(file, "utf8");
    const hits = text.split("\n").flatMap((line, i) => (line.match(LITERAL) !== null && !/readonly t:/.test(line) ? [`${i + 1}: ${line.trim()}`] : []));
    expect(hits).toEqual([]);
  });
  it("catches a literal", () => {
    expect('return { t: "bool", v: x };'.match(LITERAL)).not.toBeNull();
    expect("x ?? { t: \"NoneType\" }".match(LITERAL)).not.toBeNull();
    expect("o: PyObj & { t: \"tuple\" }".match(LITERAL)).toBeNull();
  });
});
