// Issue 9: values built from ranges answer in closed form, so 10**8 and 10**9
// items take no more work than ten. The figures themselves are checked against
// CPython by the closed.jsonl fixture rows (fixtures/closed.py, boundary n up to
// 10**6); here: that the closed form is the path taken (a budget of a few
// thousand steps would stop any item-by-item path), and that it agrees with the
// item-by-item path (`iter(range(...))` defeats the closed form) wherever both run.
import { describe, expect, it } from "vitest";
import { cpython310 } from "../src/layouts/cpython310/index.js";
import { cpython38 } from "../src/layouts/cpython38/index.js";
import { cpython39 } from "../src/layouts/cpython39/index.js";
import { measure } from "../src/sizing/measure.js";

// 3.8 is not offered yet, but its layout's growth rules drive the same closed forms.
const LAYOUTS = [
  ["3.10", cpython310],
  ["3.9", cpython39],
  ["3.8", cpython38],
] as const;

/** Closed forms at 10**8 or 10**9, with the setup they need. */
export const CLOSED: readonly (readonly [string, string | null])[] = [
  ["[i for i in range(10**8)]", null],
  ["[i for i in range(10**9)]", null],
  ["[2*i + 1 for i in range(10**9)]", null],
  ["[-3*i + 7 for i in range(-10**8, 10**8, 5)]", null],
  ["[1000 - i for i in range(10**8, 0, -1)]", null],
  ["[x for x in l]", "l = list(range(10**8))"],
  ["[x * 2 for x in l]", "l = list(range(10**8))"],
  ["list(range(10**9))[::2]", null],
  ["list(range(10**8))[::-1]", null],
  ["[l, l[::2], l[1::3], l[::-1]]", "l = list(range(10**8))"],
  ["[l[-1], l[12345678], l]", "l = list(range(10**8))"],
  ["tuple(range(10**8))[5::7]", null],
  ["sorted(range(10**9))", null],
  ["sorted(range(10**8), reverse=True)", null],
  ["[*range(10**8)]", null],
  ["l", "l = list(range(10**8))\nl.reverse()\nl.sort()\nl.sort(reverse=True)"],
  ["sum(list(range(10**9)))", null],
  ["(10**9 - 1 in l, -1 in l, l.index(123456789), l.count(7), min(l), max(l), len(l), l[-1])", "l = list(range(10**9))"],
  ["next(reversed(l))", "l = list(range(10**8))"],
  ["[l, list(reversed(l))]", "l = list(range(10**8))"],
  ["set(range(10**9))", null],
  ["{*range(10**8)}", null],
  ["frozenset(range(-10**8, 10**8, 3))", null],
  ["{2*i + 1 for i in range(10**8)}", null],
  ["s", "s = set()\ns.update(range(10**8))"],
  ["(10**8 - 1 in s, -1 in s, len(s))", "s = set(range(10**8))"],
  ["(l, set(l), {i: i for i in l})", "l = list(range(10**8))"],
  ["{i: i for i in range(10**8)}", null],
  ["{i: 2*i for i in range(10**8)}", null],
  ["{-i: None for i in range(10**8)}", null],
  ["dict.fromkeys(range(10**9))", null],
  ["dict.fromkeys(range(10**8), 0)", null],
  ["(d[12345678], d.get(-1), 10**8 - 1 in d, True in d, d)", "d = {i: 2*i for i in range(10**8)}"],
];

describe("closed forms take a handful of steps", () => {
  it.each(CLOSED)("%s", (expr, setup) => {
    for (const [v, layout] of LAYOUTS) {
      const r = measure({ expr, setup, layout, timeoutS: 0.01 });
      expect([v, r.ok ? "ok" : r.error.message]).toEqual([v, "ok"]);
    }
  });
});

/** The same value built item by item: iter() hides the range from the closed form. */
const AGREE: readonly (readonly [string, string, string | null])[] = [
  ["[i for i in range(10**5)]", "[i for i in iter(range(10**5))]", null],
  ["[3*i - 1000 for i in range(-500, 10**5, 7)]", "[3*i - 1000 for i in iter(range(-500, 10**5, 7))]", null],
  ["[l, l[::2], l[1::3], l[::-1], l[5:9]]", "[m, m[::2], m[1::3], m[::-1], m[5:9]]", "l = list(range(-300, 10**5))\nm = list(tuple(iter(range(-300, 10**5)))))"],
  ["[l, l[::2], l[::3]]", "[m, m[::2], m[::3]]", "l = list(range(10**5))\nm = list(tuple(iter(range(10**5)))))"],
  ["[l[::2], l[::3]]", "[m[::2], m[::3]]", "l = list(range(10**5))\nm = list(tuple(iter(range(10**5)))))"],
  ["[sorted(l), sorted(l, reverse=True), l[0]]", "[sorted(m), sorted(m, reverse=True), m[0]]", "l = list(range(10**5, 0, -3))\nm = list(tuple(iter(range(10**5, 0, -3)))))"],
  ["(sum(l), max(l), min(l), l.index(-2), l.count(4), 7 in l, 8 in l)", "(sum(m), max(m), min(m), m.index(-2), m.count(4), 7 in m, 8 in m)", "l = list(range(10**5, -10**5, -3))\nm = list(tuple(iter(range(10**5, -10**5, -3)))))"],
  ["(set(l), l[7])", "(set(m), m[7])", "l = list(range(-10**4, 10**5, 3))\nm = list(tuple(iter(range(-10**4, 10**5, 3)))))"],
  ["({i: i for i in l}, l[7])", "({i: i for i in m}, m[7])", "l = list(range(-10**4, 10**5, 3))\nm = list(tuple(iter(range(-10**4, 10**5, 3)))))"],
  ["{i: 3*i - 7 for i in range(-10**4, 10**5, 3)}", "{i: 3*i - 7 for i in iter(range(-10**4, 10**5, 3))}", null],
  ["{-i - 1 for i in range(10**5)}", "{-i - 1 for i in iter(range(10**5))}", null],
  ["list(set(range(-300, 10**4)))[:50]", "list(set(iter(range(-300, 10**4))))[:50]", null],
  ["list({i: 1 for i in range(-300, 10**4)}.items())[-50:]", "list({i: 1 for i in iter(range(-300, 10**4))}.items())[-50:]", null],
  ["(d[77], d.get(-1), 5 in d, True in d, d.get(True), d[-3], d)", "(e[77], e.get(-1), 5 in e, True in e, e.get(True), e[-3], e)", "d = {i: 2*i for i in range(-300, 10**5)}\ne = {i: 2*i for i in iter(range(-300, 10**5))}"],
  ["(list(it), l[5])", "(list(jt), m[5])", "l = list(range(-300, 10**5))\nm = list(tuple(iter(range(-300, 10**5)))))\nit = reversed(l)\njt = reversed(m)\nnext(it)\nnext(jt)"],
  ["[l[-1], l[300], l[::-2], l]", "[m[-1], m[300], m[::-2], m]", "l = list(range(10**5))\nm = list(tuple(iter(range(10**5)))))"],
];

describe("closed forms agree with the item-by-item path", () => {
  it.each(AGREE)("%s", (closed, open, setup) => {
    for (const [v, layout] of LAYOUTS) {
      const a = measure({ expr: closed, setup, layout });
      const b = measure({ expr: open, setup, layout });
      const fig = (r: typeof a): unknown => (r.ok ? [r.m.type, r.m.size, r.m.deep, r.m.objects] : r.error.message);
      expect([v, fig(a)]).toEqual([v, fig(b)]);
    }
  });
});
