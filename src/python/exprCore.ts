// Operator-level expression rules of CPython 3.10's grammar: conditional
// expressions, boolean operators, comparisons, binary and unary operators,
// power, await, primaries and atoms. Displays, calls, slices and lambdas are
// in exprParser.ts.
import type { BinOpName, CmpOpName, Expr, UnaryOpName } from "./ast.js";
import type { InnerLocation } from "./fstring.js";
import { LiteralError, decodeNumber } from "./literals.js";
import { concatenateStrings } from "./strings.js";
import { syntaxFailure } from "./syntaxError.js";
import { ExprChecks } from "./exprChecks.js";
import { exprName } from "./targets.js";
import { identifier } from "./tokenStream.js";
import type { Token } from "./tokenizer.js";

const BINARY: Readonly<Record<string, readonly [number, BinOpName]>> = {
  "|": [1, "BitOr"], "^": [2, "BitXor"], "&": [3, "BitAnd"], "<<": [4, "LShift"], ">>": [4, "RShift"],
  "+": [5, "Add"], "-": [5, "Sub"], "*": [6, "Mult"], "/": [6, "Div"], "//": [6, "FloorDiv"],
  "%": [6, "Mod"], "@": [6, "MatMult"],
};
const UNARY: Readonly<Record<string, UnaryOpName>> = { "+": "UAdd", "-": "USub", "~": "Invert" };
const COMPARE: Readonly<Record<string, CmpOpName>> = {
  "==": "Eq", "!=": "NotEq", "<": "Lt", "<=": "LtE", ">": "Gt", ">=": "GtE",
};

export abstract class ExprCore extends ExprChecks {
  protected abstract braceAtom(): Expr;
  protected abstract call(func: Expr, start: Token): Expr;
  protected abstract slices(): Expr;
  protected abstract lambdef(): Expr;
  /** Compiles an f-string replacement field; implemented by the parser that owns the tokenizer. */
  protected abstract compileFStringExpr(source: string, where: InnerLocation): Expr;

  /** star_expressions: a bare tuple when commas are present. */
  protected starExpressions(): Expr {
    const start = this.peek();
    const first = this.starExpression();
    if (!this.isOp(",")) return first;
    const elts = [first];
    while (this.eatOp(",")) {
      if (!this.startsStarExpression(this.peek())) break;
      const next = this.partial(() => this.starExpression());
      if (next === null) break;
      elts.push(next);
    }
    return { kind: "Tuple", elts, span: this.spanFrom(start) };
  }

  protected startsStarExpression(t: Token): boolean {
    return this.startsExpression(t) || (t.kind === "OP" && t.text === "*");
  }

  protected starExpression(): Expr {
    if (this.isOp("*")) return this.starred(() => this.bitwiseOr());
    return this.expression();
  }

  protected starNamedExpression(): Expr {
    if (this.isOp("*")) return this.starred(() => this.bitwiseOr());
    return this.namedExpression();
  }

  protected starred(operand: () => Expr): Expr {
    const star = this.advance();
    const value = operand();
    return { kind: "Starred", value, span: this.spanFrom(star) };
  }

  /** named_expression, with the invalid_named_expression diagnostics of the second pass. */
  protected namedExpression(): Expr {
    if (this.isName() && this.isOp(":=", 1)) return this.walrus();
    const start = this.pos;
    const e = this.expression();
    if (this.invalidChecks && this.isOp(":=")) {
      this.advance();
      if (this.attemptWithoutInvalid(() => this.expression())) {
        throw this.errorAt(`cannot use assignment expressions with ${exprName(e)}`, e);
      }
      throw this.generic();
    }
    if (this.invalidChecks && this.isOp("=")) this.checkNamedAssignment(start);
    return e;
  }

  protected walrus(): Expr {
    const name = this.advance();
    this.advance();
    const value = this.expression();
    return { kind: "NamedExpr", target: this.nameExpr(name), value, span: this.spanFrom(name) };
  }

  /** expression: lambda, conditional expression, or disjunction. */
  expression(): Expr {
    this.enter();
    try {
      if (this.isKw("lambda")) return this.lambdef();
      const start = this.pos;
      const startTok = this.peek();
      const a = this.disjunction();
      if (this.isKw("if")) {
        const ifExp = this.partial((): Expr => {
          this.advance();
          const test = this.disjunction();
          if (!this.eatKw("else")) {
            if (this.invalidChecks && !this.isOp(":")) throw this.errorAt("expected 'else' after 'if' expression", a, test);
            throw this.generic();
          }
          const orelse = this.expression();
          return { kind: "IfExp", test, body: a, orelse, span: this.spanFrom(startTok) };
        });
        if (ifExp !== null) return ifExp;
      }
      if (this.invalidChecks) this.checkMissingComma(a, start);
      return a;
    } finally {
      this.leave();
    }
  }

  protected disjunction(): Expr {
    const start = this.peek();
    const first = this.conjunction();
    if (!this.isKw("or")) return first;
    const values = [first];
    while (this.isKw("or")) {
      const v = this.partial(() => (this.advance(), this.conjunction()));
      if (v === null) break;
      values.push(v);
    }
    return { kind: "BoolOp", op: "Or", values, span: this.spanFrom(start) };
  }

  protected conjunction(): Expr {
    const start = this.peek();
    const first = this.inversion();
    if (!this.isKw("and")) return first;
    const values = [first];
    while (this.isKw("and")) {
      const v = this.partial(() => (this.advance(), this.inversion()));
      if (v === null) break;
      values.push(v);
    }
    return { kind: "BoolOp", op: "And", values, span: this.spanFrom(start) };
  }

  protected inversion(): Expr {
    // iterative, so `not not ... x` cannot exhaust the stack
    const nots: Token[] = [];
    while (this.isKw("not")) nots.push(this.advance());
    let e = this.comparison();
    for (let i = nots.length - 1; i >= 0; i--) {
      const t = nots[i] as Token;
      e = { kind: "UnaryOp", op: "Not", operand: e, span: this.spanFrom(t) };
    }
    return e;
  }

  protected comparison(): Expr {
    const start = this.peek();
    const left = this.bitwiseOr();
    const ops: CmpOpName[] = [];
    const comparators: Expr[] = [];
    while (this.atCompareOp()) {
      const pair = this.partial(() => {
        const op = this.compareOp();
        return op === null ? null : ([op, this.bitwiseOr()] as const);
      });
      if (pair === null) break;
      ops.push(pair[0]);
      comparators.push(pair[1]);
    }
    if (ops.length === 0) return left;
    return { kind: "Compare", left, ops, comparators, span: this.spanFrom(start) };
  }

  private atCompareOp(): boolean {
    const t = this.peek();
    if (t.kind === "OP") return COMPARE[t.text] !== undefined;
    return t.kind === "NAME" && (t.text === "in" || t.text === "not" || t.text === "is");
  }

  private compareOp(): CmpOpName | null {
    const t = this.peek();
    if (t.kind === "OP") {
      const op = COMPARE[t.text];
      if (op !== undefined) this.advance();
      return op ?? null;
    }
    if (t.kind !== "NAME") return null;
    if (t.text === "in") {
      this.advance();
      return "In";
    }
    if (t.text === "not" && this.isKw("in", 1)) {
      this.pos += 2;
      return "NotIn";
    }
    if (t.text === "is") {
      this.advance();
      return this.eatKw("not") ? "IsNot" : "Is";
    }
    return null;
  }

  /** bitwise_or down to term, by precedence climbing (all left-associative). */
  protected bitwiseOr(): Expr {
    return this.memoActive() ? this.memoized("bitwise_or", () => this.binary(1)) : this.binary(1);
  }

  private binary(minPrec: number): Expr {
    const start = this.peek();
    let left = this.factor();
    for (;;) {
      const t = this.peek();
      const entry = t.kind === "OP" ? BINARY[t.text] : undefined;
      if (entry === undefined || entry[0] < minPrec) return left;
      const right = this.partial(() => (this.advance(), this.binary(entry[0] + 1)));
      if (right === null) return left;
      left = { kind: "BinOp", op: entry[1], left, right, span: this.spanFrom(start) };
    }
  }

  protected factor(): Expr {
    const ops: Token[] = [];
    for (;;) {
      const t = this.peek();
      if (t.kind !== "OP" || UNARY[t.text] === undefined) break;
      ops.push(this.advance());
    }
    let e = this.power();
    for (let i = ops.length - 1; i >= 0; i--) {
      const t = ops[i] as Token;
      e = { kind: "UnaryOp", op: UNARY[t.text] as UnaryOpName, operand: e, span: this.spanFrom(t) };
    }
    return e;
  }

  protected power(): Expr {
    const start = this.peek();
    const base = this.awaitPrimary();
    if (!this.isOp("**")) return base;
    this.enter();
    try {
      const exponent = this.partial(() => (this.advance(), this.factor()));
      if (exponent === null) return base;
      return { kind: "BinOp", op: "Pow", left: base, right: exponent, span: this.spanFrom(start) };
    } finally {
      this.leave();
    }
  }

  protected awaitPrimary(): Expr {
    if (!this.isKw("await")) return this.primary();
    const t = this.advance();
    const value = this.primary();
    return { kind: "Await", value, span: this.spanFrom(t) };
  }

  protected primary(): Expr {
    return this.memoActive() ? this.memoized("primary", () => this.primaryRule()) : this.primaryRule();
  }

  private primaryRule(): Expr {
    const start = this.peek();
    let e = this.atom();
    for (;;) {
      const t = this.peek();
      if (t.kind !== "OP" || (t.text !== "." && t.text !== "(" && t.text !== "[")) return e;
      const value = e;
      const next = this.partial(() => this.trailer(value, start));
      if (next === null) return e;
      e = next;
    }
  }

  /** `.name`, `(args)` or `[slices]` after a primary; null when none follows. */
  private trailer(e: Expr, start: Token): Expr | null {
    if (this.eatOp(".")) {
      const name = this.expectName();
      return { kind: "Attribute", value: e, attr: identifier(name), span: this.spanFrom(start) };
    }
    if (this.isOp("(")) return this.call(e, start);
    if (!this.eatOp("[")) return null;
    const slice = this.slices();
    this.expectOp("]");
    return { kind: "Subscript", value: e, slice, span: this.spanFrom(start) };
  }

  protected atom(): Expr {
    const t = this.peek();
    switch (t.kind) {
      case "NAME":
        if (t.text === "True" || t.text === "False") return this.constant({ t: "bool", v: t.text === "True" });
        if (t.text === "None") return this.constant({ t: "None" });
        if (this.isKeyword(t)) throw this.generic();
        this.advance();
        return this.nameExpr(t);
      case "NUMBER":
        return this.number();
      case "STRING":
        return this.strings();
      case "OP":
        if (t.text === "(") return this.parenAtom();
        if (t.text === "[") return this.listAtom();
        if (t.text === "{") return this.braceAtom();
        if (t.text === "...") return this.constant({ t: "Ellipsis" });
        throw this.generic();
      default:
        throw this.generic();
    }
  }

  private constant(value: Extract<Expr, { kind: "Constant" }>["value"]): Expr {
    const t = this.advance();
    return { kind: "Constant", value, span: this.spanFrom(t, t) };
  }

  private number(): Expr {
    const t = this.advance();
    try {
      return { kind: "Constant", value: decodeNumber(t.text), span: this.spanFrom(t, t) };
    } catch (e) {
      if (!(e instanceof LiteralError)) throw e;
      // CPython omits the column so the caret does not underline thousands of digits
      throw syntaxFailure(e.message, { line: t.line, col: 0, endLine: t.endLine, endCol: 0 });
    }
  }

  protected strings(): Expr {
    const toks: Token[] = [];
    while (this.peek().kind === "STRING") toks.push(this.advance());
    this.peek(); // CPython reads the token after the group before decoding it
    return concatenateStrings(toks, {
      fail: (message: string): never => {
        throw this.errorAtLast(message);
      },
      compileFStringExpr: (source, where) => this.compileFStringExpr(source, where),
    });
  }
}
