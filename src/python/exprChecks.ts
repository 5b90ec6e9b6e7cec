// The parts of CPython 3.10's second ("invalid_*" rules) pass that fire where
// a plain expression ends: "Perhaps you forgot a comma?", the legacy print
// statement, and `=` written where an expression was expected.
import type { Expr } from "./ast.js";
import { exprName } from "./targets.js";
import { TokenStream } from "./tokenStream.js";

export abstract class ExprChecks extends TokenStream {
  protected abstract expression(): Expr;
  protected abstract starExpressions(): Expr;
  protected abstract bitwiseOr(): Expr;
  protected abstract parenAtom(): Expr;
  protected abstract listAtom(): Expr;

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

  /** invalid_expression / invalid_legacy_expression: two expressions in a row. */
  protected checkMissingComma(a: Expr, start: number): void {
    if (!this.startsExpression(this.peek())) return;
    const first = this.tokens[start];
    const second = this.tokens[start + 1];
    if (first === undefined) return;
    const saved = this.pos;
    const bareName = a.kind === "Name" && saved === start + 1;
    const legacy = bareName && (first.text === "print" || first.text === "exec");
    const excluded = first.kind === "NAME" && (second?.kind === "STRING" || isSoftKeywordPrefix(first.text));
    if (!legacy && !excluded) {
      const b = this.attemptWithoutInvalid(() => this.expression());
      if (b !== null) {
        const level = this.prev().level;
        this.pos = saved;
        if (level !== 0) throw this.errorAt("invalid syntax. Perhaps you forgot a comma?", a, b);
      }
    }
    if (bareName && !this.isOp("(")) {
      // invalid_legacy_expression: `NAME !'(' star_expressions`, parsed with the checks on
      const b = this.attempt(() => this.starExpressions());
      this.pos = saved;
      if (b !== null && legacy) throw this.errorAt(`Missing parentheses in call to '${first.text}'. Did you mean ${first.text}(...)?`, a, b);
    }
  }
}

/**
 * CPython 3.10 matches SOFT_KEYWORD with strncmp over the token's length, so
 * any prefix of "match", "case" or "_" (even `c`) counts as a soft keyword.
 */
function isSoftKeywordPrefix(name: string): boolean {
  return "match".startsWith(name) || "case".startsWith(name) || "_".startsWith(name);
}
