// Operator-level expression rules of CPython 3.10's grammar: conditional
// expressions, boolean operators, comparisons, binary and unary operators,
// power, await, primaries and atoms. Displays, calls, slices and lambdas are
// in exprParser.ts.
import type { BinOpName, CmpOpName, Expr, UnaryOpName } from "./ast.js";
import type { InnerLocation } from "./fstring.js";
import { LiteralError, decodeNumber } from "./literals.js";
import { concatenateStrings } from "./strings.js";
import { syntaxFailure } from "./syntaxError.js";
import { exprName } from "./targets.js";
import { TokenStream, identifier } from "./tokenStream.js";
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

export abstract class ExprCore extends TokenStream {
  protected abstract parenAtom(): Expr;
  protected abstract listAtom(): Expr;
  protected abstract braceAtom(): Expr;
  protected abstract call(func: Expr, start: Token): Expr;
  protected abstract slices(): Expr;
  protected abstract lambdef(): Expr;
  /** Compiles an f-string replacement field; implemented by the parser that owns the tokenizer. */
  protected abstract compileFStringExpr(source: string, where: InnerLocation): Expr;

  /** star_expressions: a bare tuple when commas are present. */
  starExpressions(): Expr {
    const start = this.peek();
    const first = this.starExpression();
    if (!this.isOp(",")) return first;
    const elts = [first];
    while (this.eatOp(",")) {
      if (!this.startsStarExpression(this.peek())) break;
      elts.push(this.starExpression());
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

  /** `x = 1` where an expression was expected: CPython suggests '==' (or ':='). */
  protected checkNamedAssignment(start: number): void {
    const saved = this.pos;
    this.pos = start;
    const found = this.attemptWithoutInvalid(() => {
      const a = this.bitwiseOr();
      if (!this.eatOp("=")) throw this.generic();
      const b = this.bitwiseOr();
      if (this.isOp("=") || this.isOp(":=")) throw this.generic();
      return [a, b] as const;
    });
    this.pos = saved;
    if (!found) return;
    const [a, b] = found;
    const first = this.tokens[start];
    const bareName = first !== undefined && !this.isKeyword(first) && this.tokens[start + 1]?.text === "=";
    if (bareName && first.kind === "NAME") {
      throw this.errorAt("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", a, b);
    }
    if (!this.startsWithDisplayOrConstant(start)) {
      throw this.errorAt(`cannot assign to ${exprName(a)} here. Maybe you meant '==' instead of '='?`, a);
    }
  }

  /** The lookahead !(list|tuple|genexp|'True'|'None'|'False') of invalid_named_expression. */
  private startsWithDisplayOrConstant(start: number): boolean {
    const t = this.tokens[start];
    if (t === undefined) return false;
    if (t.kind === "NAME") return t.text === "True" || t.text === "None" || t.text === "False";
    if (t.kind !== "OP" || (t.text !== "(" && t.text !== "[")) return false;
    const saved = this.pos;
    this.pos = start;
    const atom = this.attemptWithoutInvalid(() => (t.text === "(" ? this.parenAtom() : this.listAtom()));
    this.pos = saved;
    return atom !== null && (atom.kind === "List" || atom.kind === "Tuple" || atom.kind === "GeneratorExp");
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
        this.advance();
        const test = this.disjunction();
        if (!this.eatKw("else")) {
          if (this.invalidChecks && !this.isOp(":")) throw this.errorAt("expected 'else' after 'if' expression", a, test);
          throw this.generic();
        }
        const orelse = this.expression();
        return { kind: "IfExp", test, body: a, orelse, span: this.spanFrom(startTok) };
      }
      if (this.invalidChecks) this.checkMissingComma(a, start);
      return a;
    } finally {
      this.leave();
    }
  }

  /** invalid_expression / invalid_legacy_expression: two expressions in a row. */
  private checkMissingComma(a: Expr, start: number): void {
    if (!this.startsExpression(this.peek())) return;
    const first = this.tokens[start];
    const second = this.tokens[start + 1];
    if (first === undefined) return;
    const saved = this.pos;
    if (a.kind === "Name" && (a.id === "print" || a.id === "exec") && first.kind === "NAME") {
      const b = this.attemptWithoutInvalid(() => this.starExpressions());
      if (b) throw this.errorAt(`Missing parentheses in call to '${a.id}'. Did you mean ${a.id}(...)?`, a, b);
      return;
    }
    if (first.kind === "NAME" && (second?.kind === "STRING" || isSoftKeywordPrefix(first.text))) return;
    const b = this.attemptWithoutInvalid(() => this.expression());
    if (b === null) return;
    const level = this.prev().level;
    this.pos = saved;
    if (level !== 0) throw this.errorAt("invalid syntax. Perhaps you forgot a comma?", a, b);
  }

  protected disjunction(): Expr {
    const start = this.peek();
    const first = this.conjunction();
    if (!this.isKw("or")) return first;
    const values = [first];
    while (this.eatKw("or")) values.push(this.conjunction());
    return { kind: "BoolOp", op: "Or", values, span: this.spanFrom(start) };
  }

  protected conjunction(): Expr {
    const start = this.peek();
    const first = this.inversion();
    if (!this.isKw("and")) return first;
    const values = [first];
    while (this.eatKw("and")) values.push(this.inversion());
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
    for (;;) {
      const op = this.compareOp();
      if (op === null) break;
      ops.push(op);
      comparators.push(this.bitwiseOr());
    }
    if (ops.length === 0) return left;
    return { kind: "Compare", left, ops, comparators, span: this.spanFrom(start) };
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
  protected bitwiseOr(minPrec = 1): Expr {
    const start = this.peek();
    let left = this.factor();
    for (;;) {
      const t = this.peek();
      const entry = t.kind === "OP" ? BINARY[t.text] : undefined;
      if (entry === undefined || entry[0] < minPrec) return left;
      this.advance();
      const right = this.bitwiseOr(entry[0] + 1);
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
    this.advance();
    this.enter();
    try {
      const exponent = this.factor();
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
    const start = this.peek();
    let e = this.atom();
    for (;;) {
      if (this.eatOp(".")) {
        const name = this.expectName();
        e = { kind: "Attribute", value: e, attr: identifier(name), span: this.spanFrom(start) };
      } else if (this.isOp("(")) {
        e = this.call(e, start);
      } else if (this.eatOp("[")) {
        const slice = this.slices();
        this.expectOp("]");
        e = { kind: "Subscript", value: e, slice, span: this.spanFrom(start) };
      } else return e;
    }
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

/**
 * CPython 3.10 matches SOFT_KEYWORD with strncmp over the token's length, so
 * any prefix of "match", "case" or "_" (even `c`) counts as a soft keyword.
 */
function isSoftKeywordPrefix(name: string): boolean {
  return "match".startsWith(name) || "case".startsWith(name) || "_".startsWith(name);
}
