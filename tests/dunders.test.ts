// Special methods pymem does not honour are refused by name, never skipped:
// a class defining one fails with UNSUPPORTED naming the dunder and the class.
import { describe, expect, it } from "vitest";
import { cpython310 } from "../src/layouts/cpython310/index.js";
import { measure } from "../src/sizing/measure.js";

const REFUSED = [
  "__sizeof__", "__del__", "__mro_entries__",
] as const;

describe("dunders pymem does not honour", () => {
  it.each(REFUSED)("a class defining %s is refused when it is made", (name) => {
    const setup = `class K:\n    def ${name}(self, *args):\n        return 0`;
    const r = measure({ expr: "1", setup, layout: cpython310 });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe("UNSUPPORTED");
    expect(r.error.message).toBe(`the dunder ${name} of class K is not supported by pymem yet`);
  });

  it("an inherited refusal names the class that defines it", () => {
    const r = measure({ expr: "1", setup: "class A:\n    def __sizeof__(self):\n        return 1\nclass B(A):\n    pass", layout: cpython310 });
    expect(r.ok ? null : r.error.message).toBe("the dunder __sizeof__ of class A is not supported by pymem yet");
  });

  it.each(["__copy__", "__reduce__", "__enter__", "__exit__", "__floor__", "__fspath__", "__instancecheck__", "__missing__"])(
    "%s, which only modules or statements pymem lacks would call, does not stop the setup",
    (name) => {
      const r = measure({ expr: "K()", setup: `class K:\n    def ${name}(self, *args):\n        return 0`, layout: cpython310 });
      expect(r.ok ? r.m.type : r.error).toBe("K");
    },
  );

  it("honoured dunders are not refused", () => {
    const setup = "class K:\n    def __len__(self):\n        return 3\n    def __iter__(self):\n        return iter('abc')";
    const r = measure({ expr: "list(K())", setup, layout: cpython310 });
    expect(r.ok ? r.m.type : r.error).toBe("list");
  });

  it("a refused dunder set on the class later is refused too", () => {
    const r = measure({ expr: "1", setup: "class K:\n    pass\nK.__sizeof__ = lambda self: 0", layout: cpython310 });
    expect(r.ok ? null : r.error.message).toBe("the dunder __sizeof__ of class K is not supported by pymem yet");
  });
});
