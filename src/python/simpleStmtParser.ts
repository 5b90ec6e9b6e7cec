// Simple statements: expression statements and assignments (with CPython's
// invalid_assignment diagnostics), del, return, raise, global, nonlocal,
// assert, import, pass, break, continue.
import type { Alias, BinOpName, Expr, Span, Stmt } from "./ast.js";
import { ParamsParser } from "./paramsParser.js";
import { PySyntaxFailure } from "./syntaxError.js";
import { exprName, invalidTarget, invalidTargetMessage, isSingleTarget } from "./targets.js";
import { GenericFailure, identifier } from "./tokenStream.js";
import type { Token } from "./tokenizer.js";

const AUGASSIGN: Readonly<Record<string, BinOpName>> = {
  "+=": "Add", "-=": "Sub", "*=": "Mult", "@=": "MatMult", "/=": "Div", "%=": "Mod", "&=": "BitAnd",
  "|=": "BitOr", "^=": "BitXor", "<<=": "LShift", ">>=": "RShift", "**=": "Pow", "//=": "FloorDiv",
};
const LAYOUT = new Set(["NEWLINE", "INDENT", "DEDENT", "ENDMARKER"]);

export abstract class SimpleStmtParser extends ParamsParser {
  /** simple_stmts: `;`-separated simple statements ending in NEWLINE. */
  protected simpleStmts(): Stmt[] {
    const stmts = [this.simpleStmt()];
    while (this.eatOp(";")) {
      if (this.peek().kind === "NEWLINE") break;
      stmts.push(this.simpleStmt());
    }
    if (this.peek().kind !== "NEWLINE") {
      const failure = this.generic();
      // the statement parsed, but CPython's `assignment` rule did not match it
      if (this.unmatchedStart >= 0) this.invalidAssignment(this.unmatchedStart);
      throw failure;
    }
    this.advance();
    return stmts;
  }

  /** Start of the last simple statement if CPython's `assignment` rule would not have matched it. */
  private unmatchedStart = -1;

  /** Statement spans end at the last token that is not NEWLINE/INDENT/DEDENT. */
  protected stmtSpan(start: Token): Span {
    let i = this.pos - 1;
    while (i > 0 && LAYOUT.has(this.tokens[i]?.kind ?? "")) i--;
    return this.spanFrom(start, this.tokens[i] ?? start);
  }

  private simpleStmt(): Stmt {
    const t = this.peek();
    this.unmatchedStart = -1;
    if (t.kind === "NAME") {
      switch (t.text) {
        case "pass":
        case "break":
        case "continue": {
          this.advance();
          const kind = t.text === "pass" ? "Pass" : t.text === "break" ? "Break" : "Continue";
          return { kind, span: this.stmtSpan(t) };
        }
        case "return": {
          this.advance();
          const value = this.startsStarExpression(this.peek()) ? this.starExpressions() : null;
          return { kind: "Return", value, span: this.stmtSpan(t) };
        }
        case "raise":
          return this.raiseStmt(t);
        case "global":
        case "nonlocal":
          return this.globalStmt(t);
        case "del":
          return this.delStmt(t);
        case "assert": {
          this.advance();
          const test = this.expression();
          const msg = this.eatOp(",") ? this.expression() : null;
          return { kind: "Assert", test, msg, span: this.stmtSpan(t) };
        }
        case "import":
          return this.importName(t);
        case "from":
          return this.importFrom(t);
      }
    }
    return this.assignmentOrExpr(t);
  }

  private raiseStmt(t: Token): Stmt {
    this.advance();
    if (!this.startsExpression(this.peek())) return { kind: "Raise", exc: null, cause: null, span: this.stmtSpan(t) };
    const exc = this.expression();
    const cause = this.eatKw("from") ? this.expression() : null;
    return { kind: "Raise", exc, cause, span: this.stmtSpan(t) };
  }

  private globalStmt(t: Token): Stmt {
    this.advance();
    const names = [identifier(this.expectName())];
    while (this.eatOp(",")) names.push(identifier(this.expectName()));
    return { kind: t.text === "global" ? "Global" : "Nonlocal", names, span: this.stmtSpan(t) };
  }

  private delStmt(t: Token): Stmt {
    this.advance();
    const start = this.pos;
    const targets = this.alt(() => {
      const items: Expr[] = [this.primary()];
      while (this.eatOp(",")) {
        if (this.isOp(";") || this.peek().kind === "NEWLINE") break;
        items.push(this.primary());
      }
      if (items.some((e) => invalidTarget(e, "del") !== null)) throw this.generic();
      if (!this.isOp(";") && this.peek().kind !== "NEWLINE") throw this.generic();
      return items;
    });
    if (targets !== null) return { kind: "Delete", targets, span: this.stmtSpan(t) };
    // invalid_del_stmt: `'del' star_expressions`, reported by its first bad target
    const failure = this.generic();
    this.pos = start;
    const a = this.attempt(() => this.starExpressions());
    const bad = a && invalidTarget(a, "del");
    if (bad) throw this.errorAt(invalidTargetMessage(bad, "del"), bad);
    throw failure;
  }

  private importName(t: Token): Stmt {
    this.advance();
    const names = [this.alias(true)];
    while (this.eatOp(",")) names.push(this.alias(true));
    return { kind: "Import", names, span: this.stmtSpan(t) };
  }

  private alias(dotted: boolean): Alias {
    const first = this.expectName();
    let name = identifier(first);
    while (dotted && this.eatOp(".")) name += "." + identifier(this.expectName());
    const asname = this.eatKw("as") ? identifier(this.expectName()) : null;
    return { name, asname, span: this.spanFrom(first) };
  }

  private importFrom(t: Token): Stmt {
    this.advance();
    let level = 0;
    for (;;) {
      if (this.eatOp(".")) level += 1;
      else if (this.eatOp("...")) level += 3;
      else break;
    }
    let module: string | null = null;
    if (level === 0 || !this.isKw("import")) module = this.alias(true).name;
    this.expectKw("import");
    const names: Alias[] = [];
    if (this.isOp("*")) {
      const star = this.advance();
      names.push({ name: "*", asname: null, span: this.spanFrom(star, star) });
    } else if (this.eatOp("(")) {
      names.push(this.alias(false));
      while (this.eatOp(",") && !this.isOp(")")) names.push(this.alias(false));
      this.expectOp(")");
    } else {
      names.push(this.alias(false));
      while (this.eatOp(",")) {
        if (this.peek().kind === "NEWLINE") throw this.errorAtLast("trailing comma not allowed without surrounding parentheses");
        names.push(this.alias(false));
      }
    }
    return { kind: "ImportFrom", module, names, level, span: this.stmtSpan(t) };
  }

  /** Expression statements and the four assignment forms. */
  private assignmentOrExpr(start: Token): Stmt {
    const startPos = this.pos;
    const state: MatchState = { matched: false, partialFrom: -1, rhs: false };
    try {
      const stmt = this.assignmentFirstPass(start, state);
      if (!state.matched) this.unmatchedStart = startPos;
      return stmt;
    } catch (e) {
      if (!(e instanceof PySyntaxFailure) || !(e instanceof GenericFailure || isTargetError(e))) throw e;
      if (state.matched || this.matchesPartially(state)) throw e;
      this.pos = startPos;
      this.invalidAssignment(startPos);
      throw e;
    }
  }

  /** PEG matches a rule on a prefix: does the annotation or right-hand side start parsing? */
  private matchesPartially(state: MatchState): boolean {
    if (state.partialFrom < 0) return false;
    this.pos = state.partialFrom;
    return (
      this.attemptWithoutInvalid(() => {
        if (!state.rhs) return this.expression();
        const value = this.annotatedRhs();
        if (this.isOp("=")) throw this.generic();
        return value;
      }) !== null
    );
  }

  private assignmentFirstPass(start: Token, state: MatchState): Stmt {
    if (this.isName() && this.isOp(":", 1)) {
      const target = this.nameExpr(this.advance());
      this.advance();
      state.partialFrom = this.pos;
      const annotation = this.expression();
      state.matched = true;
      const value = this.eatOp("=") ? this.annotatedRhs() : null;
      return { kind: "AnnAssign", target, annotation, value, simple: true, span: this.stmtSpan(start) };
    }
    const first = this.isKw("yield") ? this.yieldExpr() : this.starExpressions();
    const op = this.peek();
    if (this.isOp(":")) {
      // a bare name was handled above, so a Name here was parenthesized
      if (!isSingleTarget(first)) throw this.generic();
      this.advance();
      state.partialFrom = this.pos;
      const annotation = this.expression();
      state.matched = true;
      const value = this.eatOp("=") ? this.annotatedRhs() : null;
      return { kind: "AnnAssign", target: first, annotation, value, simple: false, span: this.stmtSpan(start) };
    }
    const aug = op.kind === "OP" ? AUGASSIGN[op.text] : undefined;
    if (aug !== undefined) {
      if (!isSingleTarget(first)) throw this.generic();
      state.matched = true; // CPython's cut (~) after augassign
      this.advance();
      const value = this.annotatedRhs();
      return { kind: "AugAssign", target: first, op: aug, value, span: this.stmtSpan(start) };
    }
    if (!this.isOp("=")) return { kind: "Expr", value: first, span: this.stmtSpan(start) };
    const targets = [first];
    let value = first;
    while (this.eatOp("=")) {
      // `(star_targets '=')+ rhs !'='` matches once the targets are valid and a prefix of the rhs parses
      state.partialFrom = targets.every(isStarTarget) ? this.pos : -1;
      state.rhs = true;
      value = this.annotatedRhs();
      if (this.isOp("=")) targets.push(value);
    }
    state.matched = targets.every(isStarTarget);
    for (const target of targets) {
      const bad = invalidTarget(target, "star");
      if (bad) throw new TargetFailure(this.errorAt(invalidTargetMessage(bad, "star"), bad).error, "parser");
    }
    return { kind: "Assign", targets, value, span: this.stmtSpan(start) };
  }

  private annotatedRhs(): Expr {
    return this.isKw("yield") ? this.yieldExpr() : this.starExpressions();
  }

  /** CPython's invalid_assignment alternatives, tried in order from the statement start. */
  private invalidAssignment(start: number): void {
    const from = <T>(f: () => T): T | null => {
      this.pos = start;
      return this.attempt(f);
    };
    const ann = from(() => {
      const t = this.starExpression();
      if (t.kind !== "List" && t.kind !== "Tuple") throw this.generic();
      this.expectOp(":");
      this.expression();
      return t;
    });
    if (ann) throw this.errorAt(`only single target (not ${exprName(ann)}) can be annotated`, ann);
    const tuple = from(() => {
      const a = this.starNamedExpression();
      this.expectOp(",");
      // star_named_expressions*: comma lists that may follow each other directly
      while (this.startsStarExpression(this.peek())) {
        this.starNamedExpression();
        this.eatOp(",");
      }
      this.expectOp(":");
      this.expression();
      return a;
    });
    if (tuple) throw this.errorAt("only single target (not tuple) can be annotated", tuple);
    const illegal = from(() => {
      const a = this.expression();
      this.expectOp(":");
      this.expression();
      return a;
    });
    if (illegal) throw this.errorAt("illegal target for annotation", illegal);
    this.invalidAssignTargets(start);
    const aug = from(() => {
      const a = this.starExpressions();
      const op = this.peek();
      if (op.kind !== "OP" || AUGASSIGN[op.text] === undefined) throw this.generic();
      this.advance();
      this.annotatedRhs();
      return a;
    });
    if (aug) throw this.errorAt(`'${exprName(aug)}' is an illegal expression for augmented assignment`, aug);
  }

  /** `(star_targets '=')* a=(star_expressions | yield_expr) '='`. */
  private invalidAssignTargets(start: number): void {
    this.pos = start;
    for (;;) {
      const isYield = this.isKw("yield");
      const a = this.attempt(() => (isYield ? this.yieldExpr() : this.starExpressions()));
      if (a === null || !this.isOp("=")) return;
      if (isYield) throw this.errorAt("assignment to yield expression not possible", a);
      if (!isStarTarget(a)) {
        const bad = invalidTarget(a, "star");
        if (bad) throw this.errorAt(invalidTargetMessage(bad, "star"), bad);
        throw this.errorAtLast("invalid syntax");
      }
      this.advance();
    }
  }
}

interface MatchState {
  matched: boolean;
  /** Where the annotation or right-hand side starts, if the part before it matched. */
  partialFrom: number;
  rhs: boolean;
}

/** A target error found by the first pass; CPython reports it from its second pass. */
class TargetFailure extends PySyntaxFailure {}

function isTargetError(e: PySyntaxFailure): boolean {
  return e instanceof TargetFailure;
}

function isStarTarget(e: Expr): boolean {
  const ok = e.kind === "Name" || e.kind === "Attribute" || e.kind === "Subscript" || e.kind === "Starred" ||
    e.kind === "List" || e.kind === "Tuple";
  return ok && invalidTarget(e, "star") === null;
}
