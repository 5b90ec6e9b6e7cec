// The architecture's rules for src/, checked rather than reviewed: no import
// cycle among modules (type-only imports aside: a cycle means a generic
// operation reaches back into a type's module instead of calling a slot), and
// no code outside the version data (src/layouts) naming a CPython version.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const SRC = resolve(__dirname, "../src");

function tsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? tsFiles(p) : p.endsWith(".ts") ? [p] : [];
  });
}

/** Relative imports that load a module at run time (not `import type`, not all-`type` bindings). */
function runtimeImports(file: string): string[] {
  const text = readFileSync(file, "utf8");
  const out: string[] = [];
  for (const m of text.matchAll(/^import\s+(type\s+)?([^;]*?)\s+from\s+"(\.[^"]+)";/gms)) {
    if (m[1] !== undefined) continue;
    const clause = m[2] as string;
    const named = /^\{([^}]*)\}$/.exec(clause.trim());
    if (named !== null && (named[1] as string).split(",").map((s) => s.trim()).filter((s) => s !== "").every((s) => s.startsWith("type "))) continue;
    out.push(resolve(dirname(file), (m[3] as string).replace(/\.js$/, ".ts")));
  }
  return out;
}

/** Strongly connected components with more than one module (Tarjan). */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) === index.get(v)) {
      const comp: string[] = [];
      let w: string;
      do {
        w = stack.pop() as string;
        onStack.delete(w);
        comp.push(relative(SRC, w));
      } while (w !== v);
      if (comp.length > 1) found.push(comp.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe("src/ imports", () => {
  const files = tsFiles(SRC);
  const graph = new Map(files.map((f) => [f, runtimeImports(f)]));

  it("reads the imports it checks (the runtime imports the layouts it sizes by)", () => {
    const evaluate = graph.get(join(SRC, "runtime/evaluate.ts")) ?? [];
    expect(evaluate.length).toBeGreaterThan(3);
  });

  it("form no cycle", () => {
    expect(cycles(graph)).toEqual([]);
  });

  it("finds a cycle when there is one", () => {
    expect(cycles(new Map([["/a.ts", ["/b.ts"]], ["/b.ts", ["/a.ts"]], ["/c.ts", ["/a.ts"]]]))).toHaveLength(1);
  });
});

/** The text without comments (a version named in a comment says where a rule comes from). */
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:"'`])\/\/.*$/gm, "$1");
}

describe("versions are data", () => {
  const VERSION_LITERAL = /["'`]3\.(?:[89]|1\d)["'`]/;
  for (const dir of ["runtime", "sizing", "python", "compiler"]) {
    it(`no code in src/${dir} names a CPython version`, () => {
      const named = tsFiles(join(SRC, dir)).filter((f) => VERSION_LITERAL.test(code(readFileSync(f, "utf8"))));
      expect(named.map((f) => relative(SRC, f))).toEqual([]);
    });
  }

  it("the check sees a version literal in code but not in a comment", () => {
    expect(VERSION_LITERAL.test(code('if (python === "3.10") x();'))).toBe(true);
    expect(VERSION_LITERAL.test(code('// "3.10" grows lists differently'))).toBe(false);
  });
});
