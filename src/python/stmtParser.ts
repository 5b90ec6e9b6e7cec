// Compound statements: if/while/for/try/with/def/class (with decorators and
// async forms), match (3.10+), and indented blocks.
import type { ExceptHandler, Expr, Keyword, MatchCase, Stmt, WithItem } from "./ast.js";
import { PatternParser } from "./patternParser.js";
import { invalidTarget, invalidTargetMessage } from "./targets.js";
import { GenericFailure, identifier } from "./tokenStream.js";
import type { Token } from "./tokenizer.js";

export abstract class StmtParser extends PatternParser {
  /** `match` is a soft keyword (3.10+); before, `match x:` is a plain statement's "invalid syntax". */
  matchStatements = true;
  /** `except*` (PEP 654, 3.11+); before, the `*` is a plain "invalid syntax". */
  exceptStars = false;

  protected statement(): Stmt[] {
    const t = this.peek();
    if (t.kind === "OP" && t.text === "@") return [this.decorated()];
    if (t.kind === "NAME") {
      switch (t.text) {
        case "if":
          return [this.ifStmt("if")];
        case "while":
          return [this.whileStmt()];
        case "for":
          return [this.forStmt(t, false)];
        case "try":
          return [this.tryStmt()];
        case "with":
          return [this.withStmt(t, false)];
        case "def":
          return [this.funcDef(t, [], false)];
        case "class":
          return [this.classDef(t, [])];
        case "async":
          return [this.asyncStmt(t)];
        case "match":
          return this.matchOrSimple(t);
      }
    }
    return this.simpleStmts();
  }

  private matchOrSimple(t: Token): Stmt[] {
    const m = this.matchStmt(t);
    if (typeof m !== "string") return [m];
    try {
      return this.simpleStmts();
    } catch (e) {
      // invalid_match_stmt: `match subject` followed by the end of the line
      if (m === "noColon" && e instanceof GenericFailure) throw this.errorAtLast("expected ':'");
      throw e;
    }
  }

  /** block: NEWLINE INDENT statements DEDENT | simple_stmts */
  protected block(header: Token, what: string): Stmt[] {
    if (this.peek().kind !== "NEWLINE") return this.simpleStmts();
    this.advance();
    if (this.peek().kind !== "INDENT") {
      throw this.errorAtLast(`expected an indented block after ${what} on line ${header.line}`, "IndentationError");
    }
    this.advance();
    const body: Stmt[] = [];
    while (this.peek().kind !== "DEDENT" && this.peek().kind !== "ENDMARKER") body.push(...this.statement());
    this.advance();
    return body;
  }

  /** A header's ':'; CPython says "expected ':'" when the line ends instead. */
  private colon(): void {
    if (this.eatOp(":")) return;
    if (this.peek().kind === "NEWLINE") throw this.errorAtLast("expected ':'");
    throw this.generic();
  }

  private ifStmt(kw: "if" | "elif"): Stmt {
    const t = this.advance();
    const test = this.namedExpression();
    this.colon();
    const body = this.block(t, `'${kw}' statement`);
    let orelse: Stmt[] = [];
    if (this.isKw("elif")) orelse = [this.ifStmt("elif")];
    else if (this.isKw("else")) orelse = this.elseBlock();
    return { kind: "If", test, body, orelse, span: this.stmtSpan(t) };
  }

  private elseBlock(): Stmt[] {
    const t = this.advance();
    this.forceOp(":");
    return this.block(t, "'else' statement");
  }

  private whileStmt(): Stmt {
    const t = this.advance();
    const test = this.namedExpression();
    this.colon();
    const body = this.block(t, "'while' statement");
    const orelse = this.isKw("else") ? this.elseBlock() : [];
    return { kind: "While", test, body, orelse, span: this.stmtSpan(t) };
  }

  private forStmt(start: Token, isAsync: boolean): Stmt {
    const t = this.advance();
    const target = this.forTarget();
    const iter = this.starExpressions();
    this.colon();
    const body = this.block(t, "'for' statement");
    const orelse = this.isKw("else") ? this.elseBlock() : [];
    return { kind: "For", target, iter, body, orelse, isAsync, span: this.stmtSpan(start) };
  }

  private tryStmt(): Stmt {
    const t = this.advance();
    this.forceOp(":");
    const body = this.block(t, "'try' statement");
    const handlers: ExceptHandler[] = [];
    while (this.isKw("except")) handlers.push(this.exceptBlock());
    const stars = handlers.filter((h) => h.star === true).length;
    if (stars > 0 && stars < handlers.length) {
      const other = handlers.find((h) => (h.star === true) !== (handlers[0]?.star === true)) as ExceptHandler;
      throw this.errorAt("cannot have both 'except' and 'except*' on the same 'try'", other);
    }
    const orelse = handlers.length > 0 && this.isKw("else") ? this.elseBlock() : [];
    let finalbody: Stmt[] = [];
    if (this.isKw("finally")) {
      const f = this.advance();
      this.forceOp(":");
      finalbody = this.block(f, "'finally' statement");
    } else if (handlers.length === 0) {
      throw this.errorAtLast("expected 'except' or 'finally' block");
    }
    return { kind: "Try", body, handlers, orelse, finalbody, span: this.stmtSpan(t) };
  }

  private exceptBlock(): ExceptHandler {
    const t = this.advance();
    let type: Expr | null = null;
    let name: string | null = null;
    const star = this.exceptStars && this.isOp("*");
    if (star) {
      this.advance();
      if (this.isOp(":")) throw this.errorAtLast("expected one or more exception types");
    }
    if (!this.isOp(":") && this.peek().kind !== "NEWLINE") {
      type = this.expression();
      if (this.isOp(",") && this.invalidChecks) {
        const multi = this.attempt(() => {
          this.advance();
          this.expressions();
          if (this.eatKw("as")) this.expectName();
          return this.isOp(":");
        });
        if (multi) throw this.errorAt("multiple exception types must be parenthesized", type);
      }
      if (this.eatKw("as")) name = identifier(this.expectName());
    }
    this.colon();
    const body = this.block(t, star ? "'except*' statement" : "'except' statement");
    return star ? { star: true, type, name, body, span: this.stmtSpan(t) } : { type, name, body, span: this.stmtSpan(t) };
  }

  private withStmt(start: Token, isAsync: boolean): Stmt {
    const t = this.advance();
    let items = this.isOp("(")
      ? this.alt(() => {
          this.advance();
          const inner = this.withItems(")");
          this.expectOp(")");
          if (!this.isOp(":")) throw this.generic();
          return inner;
        })
      : null;
    items ??= this.withItems(":");
    this.colon();
    const body = this.block(t, "'with' statement");
    return { kind: "With", items, body, isAsync, span: this.stmtSpan(start) };
  }

  private withItems(close: string): WithItem[] {
    const items = [this.withItem()];
    while (this.eatOp(",")) {
      if (close === ")" && this.isOp(close)) break;
      items.push(this.withItem());
    }
    return items;
  }

  private withItem(): WithItem {
    const contextExpr = this.expression();
    if (!this.eatKw("as")) return { contextExpr, optionalVars: null };
    const start = this.pos;
    const itemEnds = (): boolean => this.isOp(",") || this.isOp(")") || this.isOp(":");
    const target = this.alt(() => {
      const t = this.targetItem();
      // NEWLINE lets `with a as b` reach the "expected ':'" of invalid_with_stmt
      if (invalidTarget(t, "star") !== null || !(itemEnds() || this.peek().kind === "NEWLINE")) throw this.generic();
      return t;
    });
    if (target !== null) return { contextExpr, optionalVars: target };
    // invalid_with_item: `expression 'as' expression &(',' | ')' | ':')`
    const failure = this.generic();
    this.pos = start;
    const a = this.attempt(() => this.expression());
    const bad = a && itemEnds() ? invalidTarget(a, "star") : null;
    if (bad) throw this.errorAt(invalidTargetMessage(bad, "star"), bad);
    throw failure;
  }

  private decorated(): Stmt {
    const decorators: Expr[] = [];
    while (this.eatOp("@")) {
      decorators.push(this.namedExpression());
      if (this.peek().kind !== "NEWLINE") throw this.generic();
      this.advance();
    }
    const t = this.peek();
    if (this.isKw("def")) return this.funcDef(t, decorators, false);
    if (this.isKw("class")) return this.classDef(t, decorators);
    if (this.isKw("async") && this.isKw("def", 1)) {
      this.advance();
      return this.funcDef(t, decorators, true);
    }
    throw this.generic();
  }

  private asyncStmt(t: Token): Stmt {
    this.advance();
    if (this.isKw("def")) return this.funcDef(t, [], true);
    if (this.isKw("for")) return this.forStmt(t, true);
    if (this.isKw("with")) return this.withStmt(t, true);
    throw this.generic();
  }

  private funcDef(start: Token, decorators: Expr[], isAsync: boolean): Stmt {
    const t = this.advance();
    const name = identifier(this.expectName());
    this.expectOp("(");
    const args = this.parameters(false);
    this.expectOp(")");
    const returns = this.isOp("->") ? this.alt(() => (this.advance(), this.expression())) : null;
    this.forceOp(":");
    const body = this.block(t, "function definition");
    return { kind: "FunctionDef", name, args, body, decorators, returns, isAsync, span: this.stmtSpan(start) };
  }

  private classDef(start: Token, decorators: Expr[]): Stmt {
    const t = this.advance();
    const nameTok = this.expectName();
    let bases: readonly Expr[] = [];
    let keywords: readonly Keyword[] = [];
    if (this.isOp("(")) {
      const call = this.call(this.nameExpr(nameTok), nameTok);
      if (call.kind === "Call") ({ args: bases, keywords } = call);
    }
    this.colon();
    const body = this.block(t, "class definition");
    return { kind: "ClassDef", name: identifier(nameTok), bases, keywords, body, decorators, span: this.stmtSpan(start) };
  }

  /** match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT */
  private matchStmt(t: Token): Stmt | "noColon" | "no" {
    if (!this.matchStatements) return "no";
    const start = this.pos;
    this.advance();
    const subject = this.attemptWithoutInvalid(() => this.subjectExpr(), true);
    const colon = subject !== null && this.isOp(":") && this.peek(1).kind === "NEWLINE";
    if (!colon) {
      const noColon = subject !== null && this.peek().kind === "NEWLINE";
      this.pos = start;
      return noColon ? "noColon" : "no";
    }
    this.advance();
    this.advance();
    if (this.peek().kind !== "INDENT") {
      throw this.errorAtLast(`expected an indented block after 'match' statement on line ${t.line}`, "IndentationError");
    }
    this.advance();
    const cases: MatchCase[] = [];
    while (this.isKw("case")) cases.push(this.caseBlock());
    if (cases.length === 0 || this.peek().kind !== "DEDENT") throw this.generic();
    this.advance();
    return { kind: "Match", subject: subject as Expr, cases, span: this.stmtSpan(t) };
  }

  /** subject_expr: star_named_expression ',' star_named_expressions? | named_expression */
  private subjectExpr(): Expr {
    const start = this.peek();
    const first = this.starNamedExpression();
    if (!this.isOp(",")) {
      if (first.kind === "Starred") throw this.generic();
      return first;
    }
    const elts = [first];
    while (this.eatOp(",")) {
      if (!this.startsStarExpression(this.peek())) break;
      elts.push(this.starNamedExpression());
    }
    return { kind: "Tuple", elts, span: this.spanFrom(start) };
  }

  /** case_block: "case" patterns guard? ':' block (invalid_case_block: "expected ':'"). */
  private caseBlock(): MatchCase {
    const t = this.advance();
    const pattern = this.patterns();
    const guard = this.eatKw("if") ? this.namedExpression() : null;
    if (this.peek().kind === "NEWLINE") throw this.errorAtLast("expected ':'");
    this.expectOp(":");
    const body = this.block(t, "'case' statement");
    return { pattern, guard, body, span: this.stmtSpan(t) };
  }

  protected abstract expressions(): Expr;
}
