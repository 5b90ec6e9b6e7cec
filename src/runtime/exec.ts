// Setup statements: run as one code unit in the module namespace.
import type { BinOpName, Expr, Stmt } from "../python/ast.js";
import type { Compiler } from "./compile.js";
import { ctx } from "./ctx.js";
import { truthy } from "./compare.js";
import { dictMerge } from "./dicts.js";
import { PyException, PymemError } from "./errors.js";
import { forEach } from "./iteration.js";
import { listExtend } from "./lists.js";
import { lookupName } from "./scope.js";
import type { PyModuleObj, PyObj, Scope } from "./objects.js";
import { binaryOp } from "./ops.js";
import { setAdd, setClear, setDiscard, setUpdate } from "./sets.js";
import { delItem } from "./subscript.js";
import { byteArrayExtend } from "./byteArrays.js";
import { updateFrom } from "./methods.js";
import { newSet } from "./sets.js";

class Break {}
class Continue {}

const IMPORTABLE = new Set(["array", "collections", "decimal", "sys"]);

function withSpan<T>(s: Stmt, f: () => T): T {
  try {
    return f();
  } catch (e) {
    if ((e instanceof PyException || e instanceof PymemError) && e.span === null) e.span = s.span;
    throw e;
  }
}

/** In-place operators: list +=, set |=, dict |= … mutate; the rest rebind. */
export function inplaceOp(op: BinOpName, a: PyObj, b: PyObj): PyObj {
  if (a.t === "list" && op === "Add") {
    listExtend(a, b);
    return a;
  }
  if (a.t === "list" && op === "Mult") {
    // list_inplace_repeat: list_resize(size * n), or clear for n <= 0.
    const nv = binaryOp("Mult", a, b);
    if (nv.t !== "list") return nv;
    const n = Array.isArray(a.items) ? a.items.length : 0;
    const count = n === 0 ? 0 : (Array.isArray(nv.items) ? nv.items.length : 0) / n;
    if (count <= 0) {
      a.items = [];
      a.allocated = 0;
    } else if (count !== 1) {
      a.allocated = ctx().layout.list.resize(a.allocated, n, n * count);
      a.items = nv.items;
    }
    return a;
  }
  if (a.t === "set" && (b.t === "set" || b.t === "frozenset")) {
    if (op === "BitOr") {
      setUpdate(a, b);
      return a;
    }
    if (op === "Sub") {
      // set_difference_update_internal: discard in place, then drop dummies past a quarter of the table.
      if (a === b) setClear(a);
      else for (const e of [...b.table.map.values()]) setDiscard(a, e.key);
      const t = a.table;
      if (t.fill - t.used > (t.size - 1) >> 2) {
        t.size = ctx().layout.set.tableResize(ctx().layout.set.growthTarget(t.used));
        t.fill = t.used;
      }
      return a;
    }
    if (op === "BitXor") {
      // set_symmetric_difference_update: toggle each of the other's keys in place.
      if (a === b) setClear(a);
      else for (const e of [...b.table.map.values()]) if (!setDiscard(a, e.key)) setAdd(a, e.key);
      return a;
    }
    if (op === "BitAnd") {
      // set_intersection_update: the intersection's table replaces ours.
      const r = binaryOp(op, a, b);
      if (r.t === "set" || r.t === "frozenset") {
        a.table.map.clear();
        for (const [k, e] of r.table.map) a.table.map.set(k, e);
        a.table.size = r.table.size;
        a.table.fill = r.table.fill;
      }
      return a;
    }
  }
  if (a.t === "dict" && op === "BitOr") {
    if (b.t === "dict") dictMerge(a, b, true);
    else updateFrom(a, b);
    return a;
  }
  if (a.t === "bytearray" && op === "Add") {
    byteArrayExtend(a, b);
    return a;
  }
  return binaryOp(op, a, b);
}

export function execBlock(body: readonly Stmt[], sc: Scope, c: Compiler, modules: ReadonlyMap<string, PyModuleObj>): void {
  for (const s of body) execStmt(s, sc, c, modules);
}

function execStmt(s: Stmt, sc: Scope, c: Compiler, modules: ReadonlyMap<string, PyModuleObj>): void {
  ctx().tick();
  withSpan(s, () => {
    switch (s.kind) {
      case "Expr":
        c.expr(s.value).run(sc);
        return;
      case "Assign": {
        const v = c.expr(s.value).run(sc);
        for (const t of s.targets) c.target(t)(sc, v);
        return;
      }
      case "AnnAssign":
        if (s.value !== null) c.target(s.target)(sc, c.expr(s.value).run(sc));
        return;
      case "AugAssign": {
        const cur = c.expr(s.target).run(sc);
        const v = inplaceOp(s.op, cur, c.expr(s.value).run(sc));
        c.target(s.target)(sc, v);
        return;
      }
      case "Delete":
        for (const t of s.targets) deleteTarget(t, sc, c);
        return;
      case "Pass":
        return;
      case "Import":
        for (const a of s.names) {
          const m = modules.get(a.name);
          if (m === undefined) throw refusedImport(a.name);
          sc.vars.set(a.asname ?? a.name, m);
        }
        return;
      case "ImportFrom": {
        const m = s.module === null ? undefined : modules.get(s.module);
        if (m === undefined || s.level > 0) throw refusedImport(s.module ?? ".");
        for (const a of s.names) {
          if (a.name === "*") {
            for (const [k, v] of m.attrs) sc.vars.set(k, v);
            continue;
          }
          const v = m.attrs.get(a.name);
          if (v === undefined) throw new PyException("ImportError", `cannot import name '${a.name}' from '${m.name}'`);
          sc.vars.set(a.asname ?? a.name, v);
        }
        return;
      }
      case "If":
        execBlock(truthy(c.expr(s.test).run(sc)) ? s.body : s.orelse, sc, c, modules);
        return;
      case "While": {
        const test = c.expr(s.test).run;
        let broke = false;
        while (truthy(test(sc))) {
          ctx().tick();
          try {
            execBlock(s.body, sc, c, modules);
          } catch (e) {
            if (e instanceof Break) {
              broke = true;
              break;
            }
            if (!(e instanceof Continue)) throw e;
          }
        }
        if (!broke) execBlock(s.orelse, sc, c, modules);
        return;
      }
      case "For": {
        const target = c.target(s.target);
        let broke = false;
        try {
          forEach(c.expr(s.iter).run(sc), (x) => {
            target(sc, x);
            try {
              execBlock(s.body, sc, c, modules);
            } catch (e) {
              if (!(e instanceof Continue)) throw e;
            }
          });
        } catch (e) {
          if (!(e instanceof Break)) throw e;
          broke = true;
        }
        if (!broke) execBlock(s.orelse, sc, c, modules);
        return;
      }
      case "Break":
        throw new Break();
      case "Continue":
        throw new Continue();
      case "Assert":
        if (!truthy(c.expr(s.test).run(sc))) throw new PyException("AssertionError", "");
        return;
      case "Global":
      case "Nonlocal":
        return;
      case "FunctionDef":
        throw new PymemError("UNSUPPORTED", "def statements in the setup (planned with classes)", s.span);
      case "ClassDef":
        throw new PymemError("UNSUPPORTED", "class statements in the setup (planned)", s.span);
      default:
        throw new PymemError("UNSUPPORTED", `the ${s.kind.toLowerCase()} statement`, s.span);
    }
  });
}

function refusedImport(name: string): PymemError {
  return new PymemError(
    "FORBIDDEN",
    `import of '${name}' is not allowed: pymem's sandbox offers only array, collections, decimal and sys`,
  );
}

function deleteTarget(t: Expr, sc: Scope, c: Compiler): void {
  switch (t.kind) {
    case "Name":
      if (!sc.vars.delete(t.id)) {
        lookupName(sc, t.id);
        throw new PyException("NameError", `name '${t.id}' is not defined`);
      }
      return;
    case "Subscript": {
      const obj = c.expr(t.value).run(sc);
      if (t.slice.kind === "Slice") {
        const sl = t.slice;
        const part = (x: Expr | null): PyObj => (x === null ? { t: "NoneType" } : c.expr(x).run(sc));
        delItem(obj, { t: "slice", start: part(sl.lower), stop: part(sl.upper), step: part(sl.step) });
        return;
      }
      delItem(obj, c.expr(t.slice).run(sc));
      return;
    }
    case "Tuple":
    case "List":
      for (const x of t.elts) deleteTarget(x, sc, c);
      return;
    default:
      throw new PymemError("UNSUPPORTED", `del of ${t.kind}`, t.span);
  }
}

export { newSet };
