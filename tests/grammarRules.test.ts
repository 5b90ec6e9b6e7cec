// Syntax a layout's version does not have yet is that version's "invalid syntax"
// (src/python/grammarRules.ts), at the construct; the parenthesised forms the older
// grammar does take still run. Checked against CPython 3.8.18, 3.9.18 and 3.10.13.
import { describe, expect, it } from "vitest";
import { cpython310 } from "../src/layouts/cpython310/index.js";
import { cpython38 } from "../src/layouts/cpython38/index.js";
import { cpython39 } from "../src/layouts/cpython39/index.js";
import type { Layout } from "../src/layouts/layout.js";
import { measure } from "../src/sizing/measure.js";

const layouts: Readonly<Record<string, Layout>> = { "3.8": cpython38, "3.9": cpython39, "3.10": cpython310 };

// setup, then the versions whose compile() raises SyntaxError for it (and its line).
const CASES: readonly (readonly [string, readonly string[]])[] = [
  ["@(lambda f: f)\ndef g(): pass", ["3.8"]],
  ["@[lambda f: f][0]\nclass C: pass", ["3.8"]],
  ["@staticmethod\ndef g(): pass", []],
  ["x = 1\n@(staticmethod)\ndef g(): pass", ["3.8"]],
  ["for x in *[1], *[2]:\n    pass", ["3.8"]],
  ["for x in (*[1], *[2]):\n    pass", []],
  ["a = [1]\nb = a[x := 0]", ["3.8", "3.9"]],
  ["a = [1]\nb = a[(x := 0)]", []],
  ["s = {x := 1, 2}", ["3.8"]],
  ["s = {(x := 1), 2}", []],
  ["def f():\n    return [y := 1, y ** 2]", []],
];

describe.each(Object.keys(layouts))("grammar of %s", (version) => {
  it.each(CASES)("%s", (setup, failing) => {
    const r = measure({ expr: "1", setup, layout: layouts[version] as Layout });
    if (failing.includes(version)) {
      expect(r.ok).toBe(false);
      // The line of the construct: the one that is not a plain `x = 1` / `a = [1]` before it.
      if (!r.ok) expect([r.error.pyType, r.error.message, r.error.span?.line]).toEqual(["SyntaxError", "invalid syntax", setup.split("\n").findIndex((l) => !/^(x = 1|a = \[1\])$/.test(l)) + 1]);
    } else {
      expect(r.ok ? null : r.error).toBeNull();
    }
  });
});
