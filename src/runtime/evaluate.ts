// The runtime's entry point: setup statements and one expression in, a
// modelled object (or an error value) out — SEMANTICS.md's "value".
import { ModuleVars } from "./liveSharers.js";
import { registerModuleType } from "./typeObjects.js";
import { intern } from "./constPool.js";
import type { Span } from "../python/ast.js";
import { findLaterGrammar } from "../python/grammarRules.js";
import { bracketDepth, parseExpression, parseModule, type PySyntaxError } from "../python/parse.js";
import { TOO_DEEP_MESSAGE } from "../python/syntaxError.js";
import type { Layout } from "../layouts/layout.js";
import { makeBuiltins } from "./builtins.js";
import { Compiler } from "./compile.js";
import { Ctx, withCtx, type Budget, type SizeOracle } from "./ctx.js";
import type { ProgressClock } from "./progress.js";
import { PyException, PymemError, type ErrorCode } from "./errors.js";
import { execBlock } from "./exec.js";
import { makeModules } from "./modules.js";
import { pyStr, type PyObj, type PyModuleObj, type Scope } from "./objects.js";
import { installBuiltins } from "./scope.js";

export interface EvalError {
  readonly code: ErrorCode;
  /** Python's exception name for SYNTAX and PYTHON errors. */
  readonly pyType: string | null;
  readonly message: string;
  readonly span: Span | null;
  /** Which input the span points into. */
  readonly where: "expr" | "setup";
}

export type EvalResult = { readonly ok: true; readonly value: PyObj; readonly ctx: Ctx } | { readonly ok: false; readonly error: EvalError };

export interface EvalRequest {
  readonly expr: string;
  readonly setup: string | null;
  readonly layout: Layout;
  readonly budget: Budget;
  readonly sizes?: (ctx: Ctx) => SizeOracle;
  readonly progress?: ProgressClock;
  /** Ctx.rebuildGuess: how to build each frozenset constant whose order pymem cannot know (else refused). */
  readonly rebuildGuess?: (why: string) => boolean;
}

let builtinsInstalled = false;
/** The stdlib C types whose objects pymem makes: type(obj) is the module's attribute. */
const MODULE_TYPES: readonly (readonly [string, string])[] = [
  ["array", "array"], ["collections", "deque"], ["collections", "OrderedDict"], ["collections", "Counter"], ["collections", "defaultdict"], ["decimal", "Decimal"],
  ["collections", "ChainMap"], ["random", "Random"], ["re", "Pattern"], ["re", "Match"],
];
const modulesByLayout = new Map<Layout, ReadonlyMap<string, PyModuleObj>>();

/** Builtins and modules are immutable tables: made once per process (modules once per version), on first use. */
function ensureBuiltins(layout: Layout): ReadonlyMap<string, PyModuleObj> {
  if (!builtinsInstalled) {
    installBuiltins(makeBuiltins());
    builtinsInstalled = true;
  }
  let modules = modulesByLayout.get(layout);
  if (modules === undefined) {
    modulesByLayout.set(layout, (modules = makeModules(layout)));
    // type(x) of their objects is these very type objects.
    for (const [mod, name] of MODULE_TYPES) {
      const t = modules.get(mod)?.attrs.get(name);
      if (t?.t === "type") registerModuleType(layout, t);
    }
  }
  return modules;
}

function toError(e: unknown, where: "expr" | "setup"): EvalError {
  if (e instanceof PyException) {
    const code: ErrorCode = e.pyType === "SyntaxError" ? "SYNTAX" : e.pyType === "NameError" ? "NAME" : "PYTHON";
    return { code, pyType: e.pyType, message: e.pyMessage, span: e.span, where: e.where ?? where };
  }
  if (e instanceof PymemError) return { code: e.code, pyType: null, message: e.message, span: e.span, where: e.where ?? where };
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return { code: "LIMIT", pyType: null, message: "the input nests too deeply for pymem to evaluate", span: null, where };
  }
  if (e instanceof RangeError && /Invalid (string|array|typed array) length|Array buffer allocation failed/i.test(e.message)) {
    // What CPython would spell out is past what one JS string or array can hold (V8 caps a string at 2**29 - 24 units).
    return { code: "LIMIT", pyType: null, message: `this value needs a string or array longer than pymem can hold (${e.message})`, span: null, where };
  }
  const detail = e instanceof Error ? e.message : String(e);
  return { code: "INTERNAL", pyType: null, message: `pymem failed on this input (${detail}); please report it`, span: null, where };
}

/** A parse failure as an error value: nesting past pymem's own bound is a LIMIT (CPython accepts about 3000 levels). */
function parseError(e: PySyntaxError, where: "expr" | "setup", layout: Layout): EvalError {
  if (e.message === TOO_DEEP_MESSAGE) return { code: "LIMIT", pyType: null, message: e.message, span: e.span, where };
  // pymem's parser words its errors as 3.10's does; a version that rewords one says it its way.
  return { code: "SYNTAX", pyType: e.type, message: layout.rules.syntaxMessages[e.message] ?? e.message, span: e.span, where };
}

/** Syntax of a later version than the layout's: that version's parser says "invalid syntax" there. */
function laterGrammarError(span: Span, where: "expr" | "setup"): EvalError {
  return { code: "SYNTAX", pyType: "SyntaxError", message: "invalid syntax", span, where };
}

/**
 * Source nested so deep in brackets that the layout's LL(1) parser's stack may overflow (MemoryError):
 * refused, since pymem does not replay that parser. Each bracket level takes a grammar's worth of
 * states (test down to atom); nesting without brackets (`not not …`, `lambda: lambda: …`) takes far
 * fewer, and is not counted.
 */
function beyondParserStack(source: string, mode: "eval" | "exec", layout: Layout, where: "expr" | "setup"): EvalError | null {
  const stack = layout.rules.pgenStack;
  if (stack === null || source.length * stack.statesPerLevel < stack.maxStack) return null;
  const levels = bracketDepth(source, mode);
  if (levels * stack.statesPerLevel < stack.maxStack) return null;
  return {
    code: "UNSUPPORTED",
    pyType: null,
    message: `brackets nested ${levels} deep may overflow CPython ${layout.python}'s parser stack (MemoryError), which pymem does not model`,
    span: null,
    where,
  };
}

/** The refusal of an evaluation that left a generator suspended inside a try (its finally would run when CPython frees it). */
function closedLater(c: Ctx): PymemError | null {
  if (c.suspendedInTry.size === 0) return null;
  return new PymemError("UNSUPPORTED", "a generator left suspended inside a try or with statement (CPython runs its finally, handlers or __exit__ when it is freed)");
}

export function evaluate(req: EvalRequest): EvalResult {
  const modules = ensureBuiltins(req.layout);
  const c = new Ctx(req.layout, req.budget, req.progress ?? null);
  if (req.sizes !== undefined) c.sizes = req.sizes(c);
  if (req.rebuildGuess !== undefined) c.rebuildGuess = req.rebuildGuess;
  return withCtx(c, (): EvalResult => {
    // The generator's ns literal {"__name__": "__pymem_setup__"}: an interned constant, the object every class's __module__ is.
    const vars = new ModuleVars([["__name__", intern(pyStr("__pymem_setup__"))]]);
    const globals: Scope = { vars, fast: null, parent: null };
    c.globals = vars;
    // SEMANTICS.md: array, collections, decimal and sys are imported before the setup runs.
    for (const name of ["array", "collections", "decimal", "sys"]) vars.set(name, modules.get(name) as PyModuleObj);
    // Blank: only what Python's tokenizer skips (JS's trim() would also drop U+FEFF, U+3000 and \v,
    // each a SyntaxError in CPython).
    if (req.setup !== null && !/^[ \t\n\r\f]*$/.test(req.setup)) {
      const parsed = parseModule(req.setup, { nestedFStrings: req.layout.rules.nestedFStrings, matchStatement: req.layout.rules.patternMatching, exceptStar: req.layout.rules.exceptGroups });
      if (!parsed.ok) return { ok: false, error: parseError(parsed.error, "setup", req.layout) };
      const later = findLaterGrammar(req.setup, parsed.value, req.layout.rules);
      if (later !== null) return { ok: false, error: laterGrammarError(later, "setup") };
      const deep = beyondParserStack(req.setup, "exec", req.layout, "setup");
      if (deep !== null) return { ok: false, error: deep };
      c.sources.push({ text: req.setup, mode: "exec" });
      try {
        execBlock(parsed.value, globals, modules);
      } catch (e) {
        return { ok: false, error: toError(closedLater(c) ?? e, "setup") };
      }
    }
    const parsed = parseExpression(req.expr, { nestedFStrings: req.layout.rules.nestedFStrings });
    if (!parsed.ok) return { ok: false, error: parseError(parsed.error, "expr", req.layout) };
    const later = findLaterGrammar(req.expr, parsed.value, req.layout.rules);
    if (later !== null) return { ok: false, error: laterGrammarError(later, "expr") };
    const deep = beyondParserStack(req.expr, "eval", req.layout, "expr");
    if (deep !== null) return { ok: false, error: deep };
    c.sources.push({ text: req.expr, mode: "eval" });
    try {
      const value = Compiler.forExpression(parsed.value).expr(parsed.value).run(globals);
      const left = closedLater(c);
      if (left !== null) return { ok: false, error: toError(left, "expr") };
      return { ok: true, value, ctx: c };
    } catch (e) {
      return { ok: false, error: toError(closedLater(c) ?? e, "expr") };
    }
  });
}
