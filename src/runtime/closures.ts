// f.__closure__ (func_closure): the tuple of cells MAKE_FUNCTION was given, one
// per co_freevars name in order, and each cell's cell_contents. pymem keeps no
// cell objects: a free variable is read from the enclosing frame's slot, so a
// cell is made on first sight for one (frame, slot) and kept for it, which is
// exactly CPython's identity (one cell per variable per call of the enclosing
// function, shared by every function made in that call). The method's
// __class__ cell is the class statement's own. Cells are leaves of the walk.
import { PyException, PymemError } from "./errors.js";
import { None, type FunctionFree, type PyFunctionObj, type PyObj, type PyOpaqueObj, type Scope } from "./objects.js";
import { nativeObject } from "./nativeObjects.js";
import { newTuple } from "./tuples.js";
import type { FreeVar } from "../compiler/symtable.js";

const tuples = new WeakMap<object, PyObj>();
const frameCells = new WeakMap<object, PyOpaqueObj[]>();
const classCellObjects = new WeakMap<object, PyOpaqueObj>();

function cell(read: () => PyObj | null | undefined): PyOpaqueObj {
  return nativeObject("cell", {
    attr: (name) => {
      if (name !== "cell_contents") return undefined;
      const v = read();
      if (v === undefined || v === null) throw new PyException("ValueError", "Cell is empty");
      return v;
    },
    unhashableAs: "cell",
    repr: () => {
      throw new PymemError("UNSUPPORTED", "the repr of a cell (it shows addresses)");
    },
    compare: () => {
      throw new PymemError("UNSUPPORTED", "comparing cells (cell_richcompare compares their contents)");
    },
  });
}

/** The cell of slot `index` of a frame's locals. */
function frameCell(fast: (PyObj | undefined)[], index: number): PyOpaqueObj {
  let cells = frameCells.get(fast);
  if (cells === undefined) frameCells.set(fast, (cells = []));
  return (cells[index] ??= cell(() => fast[index]));
}

function classCellObject(c: { cls: PyObj | null }): PyOpaqueObj {
  let o = classCellObjects.get(c);
  if (o === undefined) classCellObjects.set(c, (o = cell(() => c.cls)));
  return o;
}

function cells(free: FunctionFree): PyOpaqueObj[] {
  if (free.vars === "refused") throw new PymemError("UNSUPPORTED", "function.__closure__ of a function whose nested code uses super() or __class__");
  return free.vars.map((v) => {
    if (v.name === "__class__" && v.hops === 0) return classCellObject(free.classCell as { cls: PyObj | null });
    let sc: Scope = free.scope;
    for (let h = 1; h < v.hops; h++) sc = sc.parent as Scope;
    return frameCell(sc.fast as (PyObj | undefined)[], v.index);
  });
}

/** f.__closure__: None without free variables, else the same tuple of cells on every read. */
export function functionClosure(f: PyFunctionObj): PyObj {
  if (f.free === undefined) throw new PymemError("UNSUPPORTED", `function.__closure__ of ${f.name} (a function pymem's own library made)`);
  if (f.free === null) return None;
  let t = tuples.get(f);
  if (t === undefined) tuples.set(f, (t = newTuple(cells(f.free))));
  return t;
}

/** A new function's `free`: null without free variables; refused when they could not be told at compile time. */
export function freeOf(vars: readonly FreeVar[] | null, scope: Scope, classCell: object | undefined): FunctionFree | null {
  if (vars === null) return { vars: "refused", scope, classCell };
  return vars.length === 0 ? null : { vars, scope, classCell };
}

/** A method's free variables with the implicit __class__ (zero-argument super()) in its sorted place. */
export function withClassFree(vars: readonly FreeVar[] | null): FreeVar[] | null {
  if (vars === null) return null;
  return [...vars, { name: "__class__", hops: 0, index: 0 }].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
