// AST -> closures over a scope. Compiling folds and merges constants as
// CPython 3.10 does for one code unit (ast_opt.c, compile.c), so identity in
// the result matches the interpreter's.
import type { ConstValue, Comprehension, Expr, ExprOf, Span } from "../python/ast.js";
import { annotationText } from "../python/unparse.js";
import { compileDefaults, setFunctionDefaults } from "./functionDefaults.js";
import { callObject, emptyKwargs } from "./calls.js";
import { ConstPool } from "./constPool.js";
import { internReplacesConstant } from "./sysIntern.js";
import { ctx } from "./ctx.js";
import { compareObj, truthy } from "./compare.js";
import type { CmpOp } from "./richCompare.js";
import { buildConstSeqDisplay, buildDictDisplay, buildSeqDisplay, type DictItem, type Run } from "./displays.js";
import { dictInsertRunLazily, dictSet, newDict } from "./dicts.js";
import { checkAsyncComprehension, inPlaceAsyncIter } from "./asyncComprehensions.js";
import { awaitSync } from "./coroutines.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { attempt, foldBinOp } from "./fold.js";
import { genexprFrameSlots, type DepthContext } from "../compiler/stackDepth.js";
import { formatObj, reprObject, strObj } from "./format.js";
import { forEach, getIter } from "./iteration.js";
import { makeIter } from "./iterObject.js";
import { listAppend, newEmptyList } from "./lists.js";
import { affineOf, affineRun, appendAllocated, runSource, type Affine } from "./intRuns.js";
import { getAttr } from "./attributes.js";
import {
  PyListObj, pyBool,
  Ellipsis, False, None, True, emptyBytes, pyBytes, pyComplex, pyFloat, pyInt, pyStr, pyStrFresh, pyStrCheckedPairs, typeName,
  subOf, type Kwargs, type PyObj, type PyStrObj, type Scope,
} from "./objects.js";
import { binaryOp, contains, unaryOp } from "./ops.js";
import { asciiRepr, intToDecimal, str } from "./repr.js";
import { strText } from "./text.js";
import { newSet, setAdd, setFrom } from "./sets.js";
import { getItem, makeSlice } from "./subscript.js";
import { assignTarget, type Target } from "./targets.js";
import { newTuple } from "./tuples.js";
import { bindArguments, frameLayout, paramSpec, type FrameLayout } from "./params.js";
import { mangle } from "./classes.js";
import { zeroArgSuper, type FrameWithCell } from "./superObjects.js";
import { nameDeleter, nameLoader, nameStorer } from "./scope.js";
import { freeVars, resolve, SymbolError, symtableOfExpression, symtableOfModule, type Block, type FreeVar, type Symtable } from "../compiler/symtable.js";
import { freeOf } from "./closures.js";

/** A str literal CPython holds as two lone surrogates and a JS string as one astral character. */
const JOINED_SURROGATES = "a str literal whose escapes put a lone high surrogate before a lone low one (CPython keeps two code points; a JS string reads one astral character)";
import type { Stmt } from "../python/ast.js";

/** A compiled expression: how to run it, and its value when it is a compile-time constant. */
export interface Compiled {
  readonly run: Run;
  readonly konst: PyObj | null;
}

/** Python's own error raised at a node: its span becomes the error's position. */
function at(span: Span, f: Run, counted = true): Run {
  return (sc) => {
    // One counted step per evaluated node that does work (a name lookup does not): the work budget follows what a loop body does.
    if (counted) ctx().tick();
    try {
      return f(sc);
    } catch (e) {
      if ((e instanceof PyException || e instanceof PymemError) && e.span === null) e.span = span;
      throw e;
    }
  };
}

/** future_parse: the __future__ imports that head a module (after its docstring) include annotations. */
function futureAnnotations(body: readonly Stmt[]): boolean {
  let i = 0;
  const first = body[0];
  if (first !== undefined && first.kind === "Expr" && first.value.kind === "Constant" && first.value.value.t === "str") i = 1;
  for (; i < body.length; i++) {
    const s = body[i] as Stmt;
    if (s.kind !== "ImportFrom" || s.module !== "__future__") return false;
    if (s.names.some((a) => a.name === "annotations")) return true;
  }
  return false;
}

export class Compiler {
  readonly pool = new ConstPool(internReplacesConstant);
  /** The block (module, function, class body, comprehension) whose code is being compiled. */
  block: Block;

  private constructor(
    private readonly table: Symtable,
    /** Which input this code unit is: errors inside its functions point there. */
    readonly where: "setup" | "expr",
    /** `from __future__ import annotations` heads the module: annotations are their own text, not evaluated. */
    readonly postponedAnnotations = false,
  ) {
    this.block = table.top;
  }

  /** A code unit of statements: its symbol table is built first, as CPython's compiler does. */
  static forModule(body: readonly Stmt[]): Compiler {
    return new Compiler(symbols(() => symtableOfModule(body)), "setup", futureAnnotations(body));
  }

  /**
   * An annotation as the code evaluates it: the expression, or under `from __future__ import
   * annotations` the str constant of its text (compiler_visit_annexpr), a code constant like any
   * literal (interned when it is all name characters).
   */
  annotation(e: Expr): Compiled {
    if (!this.postponedAnnotations) return this.expr(e);
    const text = annotationText(e, { foldedConstantTuples: ctx().layout.rules.annotationsFoldConstants });
    if (text === null) {
      return { run: () => { throw new PymemError("UNSUPPORTED", "a postponed annotation (from __future__ import annotations) of this form: pymem does not write its text", e.span); }, konst: null };
    }
    return this.expr({ kind: "Constant", value: { t: "str", v: text }, span: e.span });
  }

  static forExpression(e: Expr): Compiler {
    return new Compiler(symbols(() => symtableOfExpression(e)), "expr");
  }

  /** What __qualname__ prefixes a name defined in the current block (compiler_set_qualname). */
  qualPrefix = "";

  /** The __qualname__ of a def, class or lambda named `name` in the current block. */
  qualnameOf(name: string): string {
    // A function or class declared global in a function is a module-level name.
    if (this.block.kind === "function" && this.block.declaredGlobal.has(name)) return name;
    return this.qualPrefix + name;
  }

  withQualPrefix<T>(prefix: string, f: () => T): T {
    const saved = this.qualPrefix;
    this.qualPrefix = prefix;
    try {
      return f();
    } finally {
      this.qualPrefix = saved;
    }
  }

  /** Compile `f` inside the block the symbol table made for `node`. */
  inBlock<T>(node: object, f: () => T): T {
    const b = this.table.blocks.get(node);
    if (b === undefined) throw new Error("no symbol table block for a scope node");
    const saved = this.block;
    this.block = b;
    try {
      return f();
    } finally {
      this.block = saved;
    }
  }

  /** Where a scope created in the current block chains to: class bodies are part of no closure. */
  closure(): (sc: Scope) => Scope {
    return this.block.kind === "class" ? (sc) => sc.parent as Scope : (sc) => sc;
  }

  loadName(name: string): (sc: Scope) => PyObj {
    return nameLoader(resolve(this.block, name), this.namespaceKey(name));
  }

  storeName(name: string): (sc: Scope, v: PyObj) => void {
    return nameStorer(resolve(this.block, name), this.namespaceKey(name));
  }

  deleteName(name: string): (sc: Scope) => void {
    return nameDeleter(resolve(this.block, name), this.namespaceKey(name));
  }

  /** The key a name has in a namespace: in a class body a private name (__x) is _Class__x, as the compiler mangles it. */
  private namespaceKey(name: string): string {
    return this.block.kind === "class" && this.className !== null ? mangle(this.className, name) : name;
  }

  /** The class whose body is being compiled: its private names (__x) are mangled to _Class__x. */
  className: string | null = null;
  /** Compiling the body of a generator function: yield collects into the running generator. */
  inGenerator = false;
  /** Where an await would be: outside any function, in a function that is not async, in an async def (comprehensions inherit it). */
  awaitContext: "none" | "function" | "async" = "none";

  /** _Py_Mangle for an attribute name in the current class. */
  mangled(name: string): string {
    return this.className === null ? name : mangle(this.className, name);
  }

  constant(o: PyObj): Compiled {
    const k = this.pool.add(o);
    return { run: () => k, konst: k };
  }

  dynamic(run: Run): Compiled {
    return { run, konst: null };
  }

  fromLiteral(v: ConstValue): PyObj {
    switch (v.t) {
      case "int":
        return pyInt(v.v);
      case "float":
        return pyFloat(v.v);
      case "complex":
        return pyComplex(0, v.imag);
      case "str":
        if (v.joinsSurrogates === true) throw new PymemError("UNSUPPORTED", JOINED_SURROGATES);
        return pyStrCheckedPairs(v.v);
      case "bytes":
        return v.v.length === 0 ? emptyBytes : pyBytes(v.v);
      case "bool":
        return v.v ? True : False;
      case "None":
        return None;
      case "Ellipsis":
        return Ellipsis;
    }
  }

  /** The expressions compiled into one constant (LOAD_CONST in CPython's bytecode), for stack depths. */
  private readonly folded = new WeakMap<Expr, PyObj>();

  /** What stack depths of the code compiled so far depend on: what folded, and the version's bytecode shapes. */
  depthContext(): DepthContext {
    const folded = this.folded;
    const rules = ctx().layout.rules;
    return {
      folded: (x) => folded.has(x),
      // A folded constant is a builtin object: its truth runs no user code.
      truth: (x) => {
        const k = folded.get(x);
        return k === undefined ? null : truthy(k);
      },
      rules: { boolOpCopies: rules.boolOpCopies, kwNamesOnStack: rules.kwNamesOnStack, maxDisplayItems: rules.stackUseGuideline ?? Infinity, generatorMinDepth: rules.generatorMinDepth, yieldFromDepth: rules.yieldFromDepth },
    };
  }

  expr(e: Expr): Compiled {
    const c = this.exprOf(e);
    if (c.konst !== null) this.folded.set(e, c.konst);
    return c;
  }

  private exprOf(e: Expr): Compiled {
    switch (e.kind) {
      case "Constant":
        if (e.value.t === "str" && e.value.joinsSurrogates === true) throw new PymemError("UNSUPPORTED", JOINED_SURROGATES, e.span);
        return this.constant(this.fromLiteral(e.value));
      case "Name":
        if (e.id === "__debug__") return this.constant(True);
        if (e.id === "__class__") {
          const cell = this.classCellName(e);
          if (cell !== null) return cell;
        }
        return this.dynamic(at(e.span, this.loadName(e.id), false));
      case "BinOp":
        return this.binOp(e);
      case "UnaryOp": {
        const operand = this.expr(e.operand);
        if (operand.konst !== null) {
          const folded = attempt(() => unaryOp(e.op, operand.konst as PyObj));
          if (folded !== null) return this.constant(folded);
        }
        const r = operand.run;
        return this.dynamic(at(e.span, (sc) => unaryOp(e.op, r(sc))));
      }
      case "BoolOp": {
        const runs = e.values.map((v) => this.expr(v).run);
        const isAnd = e.op === "And";
        return this.dynamic((sc) => {
          let v: PyObj = None;
          for (const r of runs) {
            v = r(sc);
            if (truthy(v) !== isAnd) return v;
          }
          return v;
        });
      }
      case "Compare":
        return this.compare(e);
      case "IfExp": {
        const test = this.expr(e.test).run;
        const body = this.expr(e.body).run;
        const orelse = this.expr(e.orelse).run;
        return this.dynamic((sc) => (truthy(test(sc)) ? body(sc) : orelse(sc)));
      }
      case "Tuple":
        return this.tuple(e);
      case "List":
        return this.seqDisplay("list", e.elts, e.span);
      case "Set":
        return this.seqDisplay("set", e.elts, e.span);
      case "Dict":
        return this.dict(e);
      case "ListComp":
      case "SetComp":
      case "DictComp":
      case "GeneratorExp":
        return this.comprehension(e);
      case "JoinedStr":
        return this.joinedStr(e);
      case "FormattedValue":
        return this.dynamic(this.formattedValue(e));
      case "Call":
        return this.call(e);
      case "Attribute": {
        const value = this.expr(e.value).run;
        const name = this.mangled(e.attr);
        // An attribute lookup is cheap: like a name lookup, not a counted step.
        return this.dynamic(at(e.span, (sc) => getAttr(value(sc), name), false));
      }
      case "Subscript":
        return this.subscript(e);
      case "Slice":
        throw new PymemError("UNSUPPORTED", "a slice outside of a subscript", e.span);
      case "Starred":
        throw new PyException("SyntaxError", "can't use starred expression here", e.span);
      case "NamedExpr": {
        const value = this.expr(e.value).run;
        if (e.target.kind !== "Name") throw new PyException("SyntaxError", "cannot use assignment expressions with this target", e.span);
        const store = this.storeName(e.target.id);
        return this.dynamic((sc) => {
          const v = value(sc);
          store(sc, v);
          return v;
        });
      }
      case "Lambda":
        return this.lambda(e);
      case "Await": {
        if (this.awaitContext !== "async") throw new PyException("SyntaxError", this.awaitContext === "none" ? "'await' outside function" : "'await' outside async function", e.span);
        // Where the body cannot suspend (generators.ts decides), the await runs in place.
        const value = this.expr(e.value).run;
        return this.dynamic((sc) => awaitSync(value(sc)));
      }
      case "Yield":
      case "YieldFrom":
        if (!this.inGenerator) throw new PyException("SyntaxError", "'yield' outside function", e.span);
        // Statement-level yields are compiled by src/runtime/generators.ts; this one sits inside an expression.
        throw new PymemError("UNSUPPORTED", "a yield nested inside an expression is not supported by pymem yet", e.span);
    }
  }

  private binOp(e: ExprOf<"BinOp">): Compiled {
    const l = this.expr(e.left);
    const r = this.expr(e.right);
    if (l.konst !== null && r.konst !== null) {
      const folded = foldBinOp(e.op, l.konst, r.konst);
      if (folded !== null) return this.constant(folded);
    }
    const lr = l.run;
    const rr = r.run;
    const op = e.op;
    return this.dynamic(at(e.span, (sc) => binaryOp(op, lr(sc), rr(sc))));
  }

  private compare(e: ExprOf<"Compare">): Compiled {
    const left = this.expr(e.left).run;
    const last = e.comparators.length - 1;
    const rights = e.comparators.map((c, i) => {
      const op = e.ops[i];
      // fold_iter: the last `in` operand, a list or set display, becomes a tuple or frozenset.
      if (i === last && (op === "In" || op === "NotIn") && (c.kind === "List" || c.kind === "Set")) {
        return this.iterOperand(c);
      }
      return this.expr(c).run;
    });
    const ops = e.ops;
    return this.dynamic(
      at(e.span, (sc) => {
        // a < b < c is a < b and b < c: the last result, or the first false one, is the value.
        let a = left(sc);
        let r: PyObj = True;
        for (let i = 0; i < ops.length; i++) {
          const b = (rights[i] as Run)(sc);
          r = compareOp(ops[i] as string, a, b);
          if (i < ops.length - 1 && !truthy(r)) return r;
          a = b;
        }
        return r;
      }),
    );
  }

  /** fold_iter: a list display iterated (a comprehension's or a for statement's) or tested with `in` is built as a tuple (a set as a frozenset). */
  iterOperand(c: Expr): Run {
    if (c.kind === "List" && !c.elts.some((x) => x.kind === "Starred")) return this.tuple({ ...c, kind: "Tuple" }).run;
    if (c.kind === "Set" && !c.elts.some((x) => x.kind === "Starred")) {
      const parts = c.elts.map((x) => this.expr(x));
      if (parts.every((p) => p.konst !== null)) {
        return this.constant(setFrom("frozenset", newTuple(parts.map((p) => p.konst as PyObj)))).run;
      }
    }
    return this.expr(c).run;
  }

  private tuple(e: ExprOf<"Tuple">): Compiled {
    const parts = e.elts.map((x) => (x.kind === "Starred" ? null : this.expr(x)));
    if (parts.every((p) => p !== null && p.konst !== null)) {
      return this.constant(newTuple(parts.map((p) => (p as Compiled).konst as PyObj)));
    }
    return this.dynamic(at(e.span, buildSeqDisplay("tuple", this.elts(e.elts))));
  }

  private elts(elts: readonly Expr[]): { star: boolean; run: Run }[] {
    return elts.map((x) => (x.kind === "Starred" ? { star: true, run: this.expr(x.value).run } : { star: false, run: this.expr(x).run }));
  }

  private seqDisplay(kind: "list" | "set", elts: readonly Expr[], span: Span): Compiled {
    if (elts.length > 2 && ctx().layout.rules.constDisplaysFolded && elts.every((x) => x.kind !== "Starred")) {
      const parts = elts.map((x) => this.expr(x));
      if (parts.every((p) => p.konst !== null)) {
        const items = parts.map((p) => p.konst as PyObj);
        const folded = kind === "list" ? this.pool.add(newTuple(items)) : this.pool.add(setFrom("frozenset", newTuple(items)));
        return this.dynamic(at(span, buildConstSeqDisplay(kind, folded)));
      }
    }
    return this.dynamic(at(span, buildSeqDisplay(kind, this.elts(elts))));
  }

  private dict(e: ExprOf<"Dict">): Compiled {
    const items: DictItem[] = e.keys.map((k, i) => {
      const value = this.expr(e.values[i] as Expr).run;
      if (k === null) return { key: null, value, constKey: false };
      const key = this.expr(k);
      return { key: key.run, value, constKey: key.konst !== null };
    });
    return this.dynamic(at(e.span, buildDictDisplay(items)));
  }

  private subscript(e: ExprOf<"Subscript">): Compiled {
    const value = this.expr(e.value);
    if (e.slice.kind === "Slice") {
      const s = e.slice;
      const parts = [s.lower, s.upper, s.step].map((x) => (x === null ? null : this.expr(x).run));
      const v = value.run;
      return this.dynamic(
        at(e.span, (sc) => {
          const obj = v(sc);
          const [lo, hi, st] = parts.map((p) => (p === null ? None : p(sc))) as [PyObj, PyObj, PyObj];
          return getItem(obj, makeSlice(lo, hi, st));
        }),
      );
    }
    const index = this.subscriptIndex(e.slice);
    if (value.konst !== null && index.konst !== null) {
      const folded = attempt(() => getItem(value.konst as PyObj, index.konst as PyObj));
      if (folded !== null) return this.constant(folded);
    }
    const v = value.run;
    const i = index.run;
    return this.dynamic(at(e.span, (sc) => getItem(v(sc), i(sc))));
  }

  private subscriptIndex(x: Expr): Compiled {
    if (x.kind === "Tuple" && x.elts.some((el) => el.kind === "Slice")) {
      const runs = x.elts.map((el) => {
        if (el.kind !== "Slice") return this.expr(el).run;
        const parts = [el.lower, el.upper, el.step].map((p) => (p === null ? null : this.expr(p).run));
        return (sc: Scope): PyObj => {
          const [lo, hi, st] = parts.map((p) => (p === null ? None : p(sc))) as [PyObj, PyObj, PyObj];
          return makeSlice(lo, hi, st);
        };
      });
      return this.dynamic((sc) => newTuple(runs.map((r) => r(sc))));
    }
    return this.expr(x);
  }

  private joinedStr(e: ExprOf<"JoinedStr">): Compiled {
    if (e.values.length === 1) {
      const v = e.values[0] as Expr;
      return v.kind === "Constant" ? this.expr(v) : this.dynamic(this.formattedValue(v as ExprOf<"FormattedValue">));
    }
    // The parts as text: an int or str formatted plainly is read as characters, without its str object.
    const texts = e.values.map((v): ((sc: Scope) => string) => {
      if (v.kind === "Constant") {
        const run = this.expr(v).run;
        return (sc) => strOf(run(sc));
      }
      const fv = v as ExprOf<"FormattedValue">;
      if (fv.conversion === -1 && fv.formatSpec === null) {
        const value = this.expr(fv.value).run;
        return (sc) => {
          ctx().tick();
          try {
            const o = value(sc);
            // An int or str subclass's object (an enum member …) formats through its class.
            if (o.t === "int" && subOf(o) === undefined) return intToDecimal(o.v);
            if (o.t === "str" && subOf(o) === undefined) return strText(o);
            return strOf(formatObj(o, ""));
          } catch (err) {
            if ((err instanceof PyException || err instanceof PymemError) && err.span === null) err.span = fv.span;
            throw err;
          }
        };
      }
      const run = this.formattedValue(fv);
      return (sc) => strOf(run(sc));
    });
    // BUILD_STRING: _PyUnicode_JoinArray makes a new string (the empty one when empty).
    return this.dynamic((sc) => {
      let text = "";
      for (let i = 0; i < texts.length; i++) text += (texts[i] as (sc: Scope) => string)(sc);
      return pyStrFresh(text);
    });
  }

  private formattedValue(e: ExprOf<"FormattedValue">): Run {
    const value = this.expr(e.value).run;
    const spec = e.formatSpec === null ? null : this.expr(e.formatSpec).run;
    const conv = e.conversion;
    return at(e.span, (sc) => {
      let v = value(sc);
      if (conv === "r") v = reprObject(v);
      else if (conv === "a") v = pyStrFresh(asciiRepr(v));
      else if (conv === "s") v = strObj(v);
      const specText = spec === null ? "" : strOf(spec(sc));
      return formatObj(v, specText);
    });
  }

  private lambda(e: ExprOf<"Lambda">): Compiled {
    const qualname = this.qualnameOf("<lambda>");
    const spec = paramSpec("<lambda>", e.args, qualname);
    const defaults = compileDefaults(e.args, e.span, (d) => this.expr(d));
    let layout: FrameLayout | null = null;
    let freeVarList: FreeVar[] | null = null;
    const savedAwait = this.awaitContext;
    this.awaitContext = "function";
    let body: Run;
    try {
      body = this.withQualPrefix(`${qualname}.<locals>.`, () =>
        this.inBlock(e, () => {
          layout = frameLayout(spec, this.block);
          freeVarList = freeVars(this.block);
          return this.expr(e.body).run;
        }),
      );
    } finally {
      this.awaitContext = savedAwait;
    }
    const frame = layout as unknown as FrameLayout;
    const vars = freeVarList as FreeVar[] | null;
    const closureOf = this.closure();
    const inSetup = this.where === "setup";
    return this.dynamic((sc) => {
      // A function object with its closure is costly to make: counted like a generator.
      ctx().tick(GENERATOR_STEPS);
      const given = defaults(sc);
      const { defs, kwDefs } = given;
      const closure = closureOf(sc);
      const call = (args: readonly PyObj[], kw: Kwargs): PyObj => {
        try {
          return body({ vars: null, fast: bindArguments(spec, frame, defs, kwDefs, args, kw), parent: closure });
        } catch (err) {
          if (inSetup && (err instanceof PyException || err instanceof PymemError) && err.span !== null && err.where === null) err.where = "setup";
          throw err;
        }
      };
      const free = freeOf(vars, closure, undefined);
      const f: PyObj = qualname === "<lambda>" ? { t: "function", name: "<lambda>", call, free } : { t: "function", name: "<lambda>", qualname, call, free };
      setFunctionDefaults(f, given);
      return f;
    });
  }

  /**
   * The method whose body is being compiled (a def directly in a class body):
   * its block and first parameter, for zero-argument super(); `usesSuper` is
   * set when its body calls it, so its frames carry the class cell.
   */
  method: { block: Block; readonly first: string | null; usesSuper: boolean } | null = null;

  /** Whether a method of the class body being compiled uses its __class__ cell (the body then stores __classcell__). */
  classCellUsed = false;

  /** `__class__` in a method: the class cell zero-argument super() reads (null: an ordinary name here). */
  private classCellName(e: ExprOf<"Name">): Compiled | null {
    if (resolve(this.block, "__class__").kind !== "global" || this.block.kind === "class") return null;
    const m = this.method;
    if (m === null || m.block !== this.block) {
      for (let b = this.block.parent; b !== null; b = b.parent) {
        if (b.kind === "class") throw new PymemError("UNSUPPORTED", "__class__ outside a method's own body (in a nested function, lambda or comprehension)", e.span);
      }
      return null;
    }
    m.usesSuper = true;
    return this.dynamic(at(e.span, (sc) => {
      const cls = (sc as FrameWithCell).classCell?.cls;
      if (cls === undefined || cls === null) throw new PyException("NameError", "free variable '__class__' referenced before assignment in enclosing scope");
      return cls;
    }));
  }

  /** super() with no arguments: super(__class__, <first argument>), as the compiler's implicit cell gives it. */
  private zeroArgSuper(e: ExprOf<"Call">): Compiled | null {
    if (e.func.kind !== "Name" || e.func.id !== "super" || e.args.length > 0 || e.keywords.length > 0) return null;
    if (resolve(this.block, "super").kind !== "global") return null;
    const m = this.method;
    if (m === null || m.block !== this.block) {
      if (this.block.kind === "module" || this.block.kind === "class") return null; // the builtin's own "super(): no arguments"
      for (let b = this.block.parent; b !== null; b = b.parent) {
        if (b.kind === "class") throw new PymemError("UNSUPPORTED", "super() outside a method's own body (in a nested function, lambda or comprehension)", e.span);
      }
      // A function outside any class has no __class__ cell.
      return this.dynamic(at(e.span, () => { throw new PyException("RuntimeError", "super(): __class__ cell not found"); }));
    }
    m.usesSuper = true;
    if (m.first === null) return this.dynamic(at(e.span, () => { throw new PyException("RuntimeError", "super(): no arguments"); }));
    const i = this.block.localIndex(m.first);
    return this.dynamic(at(e.span, (sc) => zeroArgSuper((sc as FrameWithCell).classCell, (sc.fast as (PyObj | undefined)[])[i])));
  }

  private call(e: ExprOf<"Call">): Compiled {
    const sup = this.zeroArgSuper(e);
    if (sup !== null) return sup;
    const func = this.expr(e.func).run;
    const args = this.elts(e.args);
    const hasStar = args.some((a) => a.star);
    const kwargsOf = this.keywords(e.keywords);
    const argRuns = args.map((a) => a.run);
    return this.dynamic(
      at(e.span, (sc) => {
        const f = func(sc);
        let argv: PyObj[];
        if (!hasStar) argv = argRuns.map((r) => r(sc));
        else {
          argv = [];
          for (const a of args) {
            const v = a.run(sc);
            if (a.star) forEach(v, (x) => argv.push(x));
            else argv.push(v);
          }
        }
        return callObject(f, argv, kwargsOf(sc));
      }),
    );
  }

  /** A call's (or class statement's) keyword arguments, `**mapping` unpacked, as one Kwargs per run. */
  keywords(keywords: ExprOf<"Call">["keywords"]): (sc: Scope) => Kwargs {
    if (keywords.length === 0) return () => emptyKwargs;
    const kws = keywords.map((k) => ({
      arg: k.arg,
      // kwnames are constants of the code unit: interned strs.
      key: k.arg === null ? null : (this.pool.add(pyStr(k.arg)) as PyStrObj),
      run: this.expr(k.value).run,
    }));
    return (sc) => {
      const values = new Map<string, PyObj>();
      const keys = new Map<string, PyStrObj>();
      for (const k of kws) {
        const v = k.run(sc);
        if (k.key !== null) {
          if (values.has(k.arg as string)) throw typeError(`keyword argument repeated: ${k.arg}`);
          values.set(k.arg as string, v);
          keys.set(k.arg as string, k.key);
        } else {
          if (v.t !== "dict") throw typeError(`argument after ** must be a mapping, not ${typeName(v)}`);
          for (const ent of v.table.map.values()) {
            if (ent.key.t !== "str") throw typeError("keywords must be strings");
            const name = strOf(ent.key);
            if (values.has(name)) throw typeError(`got multiple values for keyword argument '${name}'`);
            values.set(name, ent.value);
            keys.set(name, ent.key);
          }
        }
      }
      return { values, keys };
    };
  }

  private comprehension(e: ExprOf<"ListComp" | "SetComp" | "DictComp" | "GeneratorExp">): Compiled {
    const gens = e.generators;
    const g0 = gens[0] as Comprehension;
    checkAsyncComprehension(e, this.awaitContext);
    // The first iterable is evaluated in the enclosing scope; the rest in the comprehension's own.
    const first = g0.isAsync ? inPlaceAsyncIter(this.expr(g0.iter).run) : this.iterOperand(g0.iter);
    const closureOf = this.closure();
    const codeName = { ListComp: "<listcomp>", SetComp: "<setcomp>", DictComp: "<dictcomp>", GeneratorExp: "<genexpr>" }[e.kind];
    const qualname = this.qualnameOf(codeName);
    // PEP 709: an inlined comprehension adds nothing to the qualnames of what it defines.
    const inlined = e.kind !== "GeneratorExp" && ctx().layout.rules.inlinedComprehensions;
    return this.withQualPrefix(inlined ? this.qualPrefix : `${qualname}.`, () => this.inBlock(e, () => this.comprehensionBody(e, first, closureOf, qualname)));
  }

  /** The element as a*i + b of the one loop variable i (no condition, one loop), or null. */
  private closedForm(e: ExprOf<"ListComp" | "SetComp" | "DictComp" | "GeneratorExp">): Affine | null {
    const g = e.generators[0] as Comprehension;
    if (e.generators.length !== 1 || g.ifs.length > 0 || g.target.kind !== "Name") return null;
    return affineOf(e.kind === "DictComp" ? e.key : e.elt, g.target.id);
  }

  private comprehensionBody(e: ExprOf<"ListComp" | "SetComp" | "DictComp" | "GeneratorExp">, first: Run, closureOf: (sc: Scope) => Scope, genQualname: string): Compiled {
    const gens = e.generators;
    const loops = gens.map((g, i) => ({
      target: this.target(g.target),
      iter: i === 0 ? null : g.isAsync ? inPlaceAsyncIter(this.expr(g.iter).run) : this.iterOperand(g.iter),
      ifs: g.ifs.map((c) => this.expr(c).run),
    }));
    const size = this.block.frameSize;
    const drive = (sc: Scope, firstIterable: PyObj, emit: (inner: Scope) => void): void => {
      // A comprehension's own scope and result are made each time it runs: counted as several steps.
      ctx().tick(COMPREHENSION_STEPS);
      const inner: Scope = { vars: null, fast: new Array<PyObj | undefined>(size).fill(undefined), parent: closureOf(sc) };
      const level = (i: number, iterable: PyObj): void => {
        const loop = loops[i] as (typeof loops)[number];
        forEach(iterable, (x) => {
          loop.target(inner, x);
          for (const c of loop.ifs) if (!truthy(c(inner))) return;
          if (i + 1 === loops.length) emit(inner);
          else level(i + 1, ((loops[i + 1] as (typeof loops)[number]).iter as Run)(inner));
        });
      };
      level(0, firstIterable);
    };
    const closed = this.closedForm(e);
    if (e.kind === "ListComp") {
      const elt = this.expr(e.elt).run;
      return this.dynamic(
        at(e.span, (sc) => {
          const iterable = getIterable(first(sc));
          const src = closed === null ? null : runSource(iterable);
          const items = src === null || closed === null ? null : affineRun(src, closed);
          if (items !== null) {
            ctx().tick(COMPREHENSION_STEPS);
            return new PyListObj(items, appendAllocated(ctx().layout, items.len));
          }
          const l = newEmptyList();
          drive(sc, iterable, (inner) => listAppend(l, elt(inner)));
          return l;
        }),
      );
    }
    if (e.kind === "SetComp") {
      const elt = this.expr(e.elt).run;
      return this.dynamic(
        at(e.span, (sc) => {
          const s = newSet();
          const iterable = getIterable(first(sc));
          const src = closed === null ? null : runSource(iterable);
          const items = src === null || closed === null ? null : affineRun(src, closed);
          if (items !== null && s.table.addRunLazily(items)) {
            ctx().tick(COMPREHENSION_STEPS);
            return s;
          }
          drive(sc, iterable, (inner) => setAdd(s, elt(inner)));
          return s;
        }),
      );
    }
    if (e.kind === "DictComp") {
      const key = this.expr(e.key).run;
      const value = this.expr(e.value).run;
      const g = e.generators[0] as Comprehension;
      // The value: i itself, a*i + b, or a constant (the same object each time).
      const valueForm = closed === null || g.target.kind !== "Name" ? null : affineOf(e.value, g.target.id);
      const valueConst = closed !== null && e.value.kind === "Constant";
      return this.dynamic(
        at(e.span, (sc) => {
          const d = newDict();
          const iterable = getIterable(first(sc));
          const src = closed === null || (valueForm === null && !valueConst) ? null : runSource(iterable);
          const keys = src === null || closed === null ? null : affineRun(src, closed);
          if (src !== null && keys !== null) {
            const values = valueForm === null ? { each: value(sc) } : closed?.same === true && valueForm.same ? keys : affineRun(src, valueForm);
            if (values !== null && dictInsertRunLazily(d, { keys, values })) {
              ctx().tick(COMPREHENSION_STEPS);
              return d;
            }
          }
          drive(sc, getIterable(first(sc)), (inner) => {
            const k = key(inner);
            dictSet(d, k, value(inner));
          });
          return d;
        }),
      );
    }
    const elt = this.expr(e.elt).run;
    // From 3.11 the generator holds its frame: its size follows these slots (null: a construct pymem does not lay out).
    const frameSlots = genexprFrameSlots(gens, e.elt, this.block, this.depthContext());
    return this.dynamic(
      at(e.span, (sc) => {
        const it = getIterable(first(sc));
        // A generator runs lazily: collect one item at a time through a JS generator.
        // A generator object with its frame and JS generator is costly to make: counted as several steps.
        ctx().tick(GENERATOR_STEPS);
        const gen = (function* (): Generator<PyObj> {
          const inner: Scope = { vars: null, fast: new Array<PyObj | undefined>(size).fill(undefined), parent: closureOf(sc) };
          function* level(i: number, iterable: PyObj): Generator<PyObj> {
            const loop = loops[i] as (typeof loops)[number];
            const src = getIter(iterable);
            for (let x = src.next(); x !== undefined; x = src.next()) {
              ctx().tick();
              loop.target(inner, x);
              if (!loop.ifs.every((c) => truthy(c(inner)))) continue;
              if (i + 1 === loops.length) yield elt(inner);
              else yield* level(i + 1, ((loops[i + 1] as (typeof loops)[number]).iter as Run)(inner));
            }
          }
          yield* level(0, it);
        })();
        return {
          ...makeIter(
            "generator",
            () => {
              const r = gen.next();
              return r.done === true ? undefined : r.value;
            },
            () => null,
          ),
          qualname: genQualname,
          frameSlots,
        };
      }),
    );
  }

  target(t: Expr): Target {
    return assignTarget(t, this);
  }
}

/** What running a list, set or dict comprehension costs before its first item, in counted steps. */
const COMPREHENSION_STEPS = 4;

/** What making a generator expression's generator costs, in counted steps (about as much as eight loop iterations). */
const GENERATOR_STEPS = 8;

/** GET_ITER on the first iterable happens before the comprehension runs (TypeError if not iterable). */
function getIterable(o: PyObj): PyObj {
  if (o.t === "range" || o.t === "list" || o.t === "tuple") return o;
  return getIter(o);
}

function strOf(o: PyObj): string {
  return str(o);
}

export function compareOp(op: string, a: PyObj, b: PyObj): PyObj {
  switch (op) {
    case "Is":
      return pyBool(a === b);
    case "IsNot":
      return pyBool(a !== b);
    case "In":
      return pyBool(contains(b, a));
    case "NotIn":
      return pyBool(!contains(b, a));
    default:
      return compareObj(op as CmpOp, a, b);
  }
}


/** Symbol-table errors are CPython's SyntaxErrors, raised before anything runs. */
function symbols(build: () => Symtable): Symtable {
  try {
    return build();
  } catch (e) {
    if (e instanceof SymbolError) {
      const older = e.older !== undefined && !ctx().layout.rules[e.older.rule] ? e.older : e;
      throw new PyException("SyntaxError", older.message, older.span);
    }
    throw e;
  }
}
