// Bracketed expression forms: tuples, groups, lists, sets, dicts, the four
// comprehensions, calls, subscripts/slices, and comprehension targets.
import type { Comprehension, Expr, Keyword } from "./ast.js";
import { ExprCore } from "./exprCore.js";
import { invalidTarget, invalidTargetMessage } from "./targets.js";
import { identifier } from "./tokenStream.js";
import type { Token } from "./tokenizer.js";

export abstract class ExprParser extends ExprCore {
  protected parenAtom(): Expr {
    const open = this.advance();
    if (this.eatOp(")")) return { kind: "Tuple", elts: [], span: this.spanFrom(open) };
    if (this.isKw("yield")) {
      const y = this.yieldExpr();
      this.expectOp(")");
      return y;
    }
    if (this.isOp("**") && this.invalidChecks) {
      const star = this.peek();
      const bad = this.attempt(() => {
        this.advance();
        this.expression();
        return this.isOp(")");
      });
      if (bad) throw this.errorAtToken("cannot use double starred expression here", star);
      throw this.generic();
    }
    const first = this.starNamedExpression();
    if (this.isComprehensionStart()) {
      this.checkComprehensionElement(first);
      const generators = this.forIfClauses();
      this.expectOp(")");
      return { kind: "GeneratorExp", elt: first, generators, span: this.spanFrom(open) };
    }
    if (this.isOp(")")) {
      if (first.kind === "Starred" && this.invalidChecks) throw this.errorAt("cannot use starred expression here", first);
      this.advance();
      return first;
    }
    const elts = this.commaSeparated(first, ")");
    this.expectOp(")");
    return { kind: "Tuple", elts, span: this.spanFrom(open) };
  }

  /** After a first element: `(',' element)* [',']` up to the closing bracket. */
  private commaSeparated(first: Expr, close: string): Expr[] {
    const elts = [first];
    while (this.eatOp(",")) {
      if (this.isOp(close) || this.isComprehensionStart()) break;
      elts.push(this.starNamedExpression());
    }
    return elts;
  }

  protected listAtom(): Expr {
    const open = this.advance();
    if (this.eatOp("]")) return { kind: "List", elts: [], span: this.spanFrom(open) };
    const first = this.starNamedExpression();
    if (this.isComprehensionStart()) {
      this.checkComprehensionElement(first);
      const generators = this.forIfClauses();
      this.expectOp("]");
      return { kind: "ListComp", elt: first, generators, span: this.spanFrom(open) };
    }
    const elts = this.commaSeparated(first, "]");
    this.checkUnparenthesizedTarget(elts);
    this.expectOp("]");
    return { kind: "List", elts, span: this.spanFrom(open) };
  }

  protected braceAtom(): Expr {
    const open = this.advance();
    if (this.eatOp("}")) return { kind: "Dict", keys: [], values: [], span: this.spanFrom(open) };
    if (this.isOp("**")) return this.dictDisplay(open, null);
    const startTok = this.peek();
    const first = this.starNamedExpression();
    const bareWalrus = first.kind === "NamedExpr" && startTok.kind === "NAME";
    if (this.isOp(":") && first.kind !== "Starred" && !bareWalrus) return this.dictDisplay(open, first);
    if (this.isComprehensionStart()) {
      this.checkComprehensionElement(first);
      const generators = this.forIfClauses();
      this.expectOp("}");
      return { kind: "SetComp", elt: first, generators, span: this.spanFrom(open) };
    }
    const elts = this.commaSeparated(first, "}");
    this.checkUnparenthesizedTarget(elts);
    this.expectOp("}");
    return { kind: "Set", elts, span: this.spanFrom(open) };
  }

  /** A dict display or comprehension; `firstKey` was parsed already unless the first item is `**`. */
  private dictDisplay(open: Token, firstKey: Expr | null): Expr {
    const keys: (Expr | null)[] = [];
    const values: Expr[] = [];
    let key = firstKey;
    for (let index = 0; ; index++) {
      if (key === null && this.isOp("**")) {
        const star = this.advance();
        const value = this.bitwiseOr();
        if (index === 0 && this.isComprehensionStart() && this.invalidChecks) {
          throw this.errorAtToken("dict unpacking cannot be used in dict comprehension", star);
        }
        keys.push(null);
        values.push(value);
      } else {
        const k = key ?? this.expression();
        if (!this.isOp(":")) {
          if (index > 0 && this.invalidChecks) throw this.colonExpected(k);
          throw this.generic();
        }
        const colon = this.advance();
        if (this.invalidChecks && this.isOp("*")) {
          const star = this.peek();
          if (this.attempt(() => (this.advance(), this.bitwiseOr()))) {
            throw this.errorAt("cannot use a starred expression in a dictionary value", { span: this.spanFrom(star, star) });
          }
        }
        if (this.invalidChecks && (this.isOp("}") || this.isOp(","))) {
          throw this.errorAtToken("expression expected after dictionary key and ':'", colon);
        }
        const value = this.expression();
        if (index === 0 && this.isComprehensionStart()) {
          const generators = this.forIfClauses();
          this.expectOp("}");
          return { kind: "DictComp", key: k, value, generators, span: this.spanFrom(open) };
        }
        keys.push(k);
        values.push(value);
      }
      key = null;
      if (!this.eatOp(",") || this.isOp("}")) break;
    }
    this.expectOp("}");
    return { kind: "Dict", keys, values, span: this.spanFrom(open) };
  }

  /** invalid_kvpair: "':' expected after dictionary key", pointing at the key's last character. */
  private colonExpected(k: Expr): ReturnType<ExprCore["generic"]> {
    const col = k.span.endCol - 1;
    return this.errorAt("':' expected after dictionary key", { span: { ...k.span, col, line: k.span.endLine } });
  }

  protected isComprehensionStart(): boolean {
    return this.isKw("for") || (this.isKw("async") && this.isKw("for", 1));
  }

  private checkComprehensionElement(first: Expr): void {
    if (first.kind === "Starred" && this.invalidChecks) {
      throw this.errorAt("iterable unpacking cannot be used in comprehension", first);
    }
  }

  /** `[a, b for a in c]`: CPython asks for parentheses around the target. */
  private checkUnparenthesizedTarget(elts: readonly Expr[]): void {
    if (!this.invalidChecks || !this.isComprehensionStart() || elts.length < 2) return;
    const first = elts[0] as Expr;
    const last = this.prev().text === "," ? { span: this.spanFrom(this.prev(), this.prev()) } : (elts[elts.length - 1] as Expr);
    throw this.errorAt("did you forget parentheses around the comprehension target?", first, last);
  }

  protected forIfClauses(): Comprehension[] {
    const generators: Comprehension[] = [];
    while (this.isComprehensionStart()) {
      const isAsync = this.eatKw("async");
      this.advance();
      const target = this.forTarget();
      const iter = this.disjunction();
      const ifs: Expr[] = [];
      while (this.eatKw("if")) ifs.push(this.disjunction());
      generators.push({ target, iter, ifs, isAsync });
    }
    return generators;
  }

  /** `star_targets 'in'` of a for loop or comprehension, consuming the `in`. */
  protected forTarget(): Expr {
    const start = this.pos;
    const target = this.alt(() => {
      const t = this.targetList(() => this.isKw("in"));
      if (!this.isKw("in")) throw this.generic();
      return t;
    });
    if (target !== null && invalidTarget(target, "for") === null) {
      this.advance();
      return target;
    }
    // invalid_for_target: `'for' star_expressions`, reported by its first bad target
    const failure = this.generic();
    if (this.invalidChecks) {
      this.pos = start;
      const a = this.attempt(() => this.starExpressions());
      const bad = a && invalidTarget(a, "for");
      if (bad) throw this.errorAt(invalidTargetMessage(bad, "for"), bad);
    }
    throw failure;
  }

  /**
   * star_targets, parsed as bitwise_or items (so `in` and `=` end them);
   * callers validate with invalidTarget. `atEnd` says where the list stops.
   */
  protected targetList(atEnd: () => boolean): Expr {
    const start = this.peek();
    const first = this.targetItem();
    if (!this.isOp(",")) return first;
    const elts = [first];
    while (this.eatOp(",")) {
      if (atEnd() || !this.startsStarExpression(this.peek())) break;
      elts.push(this.targetItem());
    }
    return { kind: "Tuple", elts, span: this.spanFrom(start) };
  }

  /** star_target: targets are primaries (or starred ones), so `in`, `=` and operators end them. */
  protected targetItem(): Expr {
    return this.isOp("*") ? this.starred(() => this.targetItem()) : this.primary();
  }

  protected yieldExpr(): Expr {
    const y = this.advance();
    if (this.eatKw("from")) {
      const value = this.expression();
      return { kind: "YieldFrom", value, span: this.spanFrom(y) };
    }
    const value = this.startsStarExpression(this.peek()) ? this.starExpressions() : null;
    return { kind: "Yield", value, span: this.spanFrom(y) };
  }

  protected slices(): Expr {
    const start = this.peek();
    const first = this.slice();
    if (!this.isOp(",")) return first;
    const elts = [first];
    while (this.eatOp(",")) {
      if (this.isOp("]")) break;
      elts.push(this.slice());
    }
    return { kind: "Tuple", elts, span: this.spanFrom(start) };
  }

  private slice(): Expr {
    const start = this.peek();
    let lower: Expr | null = null;
    if (!this.isOp(":")) {
      lower = this.namedExpression();
      if (!this.isOp(":") || (lower.kind === "NamedExpr" && start.kind === "NAME")) return lower;
    }
    this.advance();
    const upper = this.startsExpression(this.peek()) ? this.expression() : null;
    let step: Expr | null = null;
    if (this.eatOp(":") && this.startsExpression(this.peek())) step = this.expression();
    return { kind: "Slice", lower, upper, step, span: this.spanFrom(start) };
  }

  protected call(func: Expr, start: Token): Expr {
    const open = this.advance();
    const args: Expr[] = [];
    const keywords: Keyword[] = [];
    let sawKeyword = false;
    let sawDoubleStar = false;
    let positionalAfterKeyword = false;
    while (!this.isOp(")")) {
      const t = this.peek();
      if (this.isOp("*")) {
        // invalid_arguments: `args ',' '*'` where the '*' cannot continue the arguments
        const hasArgs = args.length + keywords.length > 0;
        const starred = sawDoubleStar ? null : this.alt(() => this.starred(() => this.expression()));
        if (starred === null) {
          if (!hasArgs || !this.invalidChecks) throw this.generic();
          throw this.errorAt("iterable argument unpacking follows keyword argument unpacking", this.firstArg(args, keywords));
        }
        args.push(starred);
      } else if (this.isOp("**")) {
        this.advance();
        const value = this.expression();
        keywords.push({ arg: null, value, span: this.spanFrom(t) });
        sawKeyword = sawDoubleStar = true;
      } else if ((this.isName() || ["True", "False", "None"].includes(t.text)) && this.isOp("=", 1)) {
        keywords.push(this.keywordArgument(t));
        sawKeyword = true;
      } else {
        const e = this.isName() && this.isOp(":=", 1) ? this.walrus() : this.expression();
        if (this.isOp(":=")) throw this.generic();
        if (this.isOp("=") && this.invalidChecks) {
          throw this.errorAt('expression cannot contain assignment, perhaps you meant "=="?', e, { span: this.spanFrom(this.peek(), this.peek()) });
        }
        if (this.isComprehensionStart()) {
          const generators = this.forIfClauses();
          const first = args.length === 0 && keywords.length === 0;
          if (first && this.isOp(")")) {
            this.advance();
            const gen: Expr = { kind: "GeneratorExp", elt: e, generators, span: this.spanFrom(open) };
            return { kind: "Call", func, args: [gen], keywords: [], span: this.spanFrom(start) };
          }
          // invalid_arguments: a genexp after other arguments, or followed by more
          if (this.invalidChecks && (!first || this.isOp(","))) throw this.unparenthesizedGenexp(e, generators);
          throw this.generic();
        }
        if (sawKeyword && !this.invalidChecks) throw this.generic();
        if (sawKeyword) positionalAfterKeyword = true;
        args.push(e);
      }
      if (!this.eatOp(",")) break;
    }
    this.expectOp(")");
    if (positionalAfterKeyword && this.invalidChecks) {
      const unpacking = keywords.some((k) => k.arg === null);
      throw this.errorAtLast(`positional argument follows keyword argument${unpacking ? " unpacking" : ""}`);
    }
    return { kind: "Call", func, args, keywords, span: this.spanFrom(start) };
  }

  private firstArg(args: readonly Expr[], keywords: readonly Keyword[]): { readonly span: Expr["span"] } {
    const a = args[0];
    const k = keywords[0];
    if (a === undefined) return k ?? { span: this.spanFrom(this.peek(), this.peek()) };
    if (k === undefined) return a;
    return a.span.line < k.span.line || (a.span.line === k.span.line && a.span.col < k.span.col) ? a : k;
  }

  private keywordArgument(name: Token): Keyword {
    const eq = this.peek(1);
    if (this.isKeyword(name)) {
      if (this.invalidChecks && ["True", "False", "None"].includes(name.text)) {
        throw this.errorAt(`cannot assign to ${name.text}`, { span: this.spanFrom(name, eq) });
      }
      throw this.generic();
    }
    this.pos += 2;
    const value = this.expression();
    if (this.invalidChecks && this.isComprehensionStart()) {
      throw this.errorAt("invalid syntax. Maybe you meant '==' or ':=' instead of '='?", { span: this.spanFrom(name, eq) });
    }
    return { arg: identifier(name), value, span: this.spanFrom(name) };
  }

  /** "Generator expression must be parenthesized", spanning to the last comprehension part. */
  private unparenthesizedGenexp(elt: Expr, generators: readonly Comprehension[]): ReturnType<ExprCore["generic"]> {
    const last = generators[generators.length - 1];
    const end = last ? (last.ifs[last.ifs.length - 1] ?? last.iter) : elt;
    return this.errorAt("Generator expression must be parenthesized", elt, end);
  }
}
