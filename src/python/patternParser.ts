// The pattern grammar of the match statement (PEP 634), after CPython 3.10's
// Grammar/python.gram: patterns, as/or patterns, the closed patterns, and the
// parser's own errors (complex literals, as-targets, class arguments).
import type { Expr, Pattern } from "./ast.js";
import { SimpleStmtParser } from "./simpleStmtParser.js";
import { identifier } from "./tokenStream.js";
import type { Token } from "./tokenizer.js";

export abstract class PatternParser extends SimpleStmtParser {
  /** patterns: open_sequence_pattern | pattern */
  protected patterns(): Pattern {
    const start = this.peek();
    const first = this.maybeStarPattern();
    if (!this.isOp(",")) {
      if (first.kind === "MatchStar") throw this.generic();
      return first;
    }
    return { kind: "MatchSequence", patterns: this.sequenceTail(first, null), span: this.spanFrom(start) };
  }

  /** The items after `first` of a comma-separated sequence pattern (a trailing comma allowed), up to `close` or the header's end. */
  private sequenceTail(first: Pattern, close: string | null): Pattern[] {
    const items = [first];
    while (this.eatOp(",")) {
      if (close !== null ? this.isOp(close) : !this.startsPattern(this.peek())) break;
      items.push(this.maybeStarPattern());
    }
    return items;
  }

  private startsPattern(t: Token): boolean {
    if (t.kind === "NUMBER" || t.kind === "STRING") return true;
    if (t.kind === "NAME") return !this.isKeyword(t) || t.text === "None" || t.text === "True" || t.text === "False";
    return t.kind === "OP" && ["(", "[", "{", "-", "*"].includes(t.text);
  }

  /** maybe_star_pattern: star_pattern | pattern */
  private maybeStarPattern(): Pattern {
    if (!this.isOp("*")) return this.pattern();
    const star = this.advance();
    if (this.isKw("_")) {
      this.advance();
      return { kind: "MatchStar", name: null, span: this.spanFrom(star) };
    }
    const name = this.captureTarget();
    return { kind: "MatchStar", name, span: this.spanFrom(star) };
  }

  /** pattern_capture_target: !"_" NAME !('.' | '(' | '=') */
  private captureTarget(): string {
    if (this.isKw("_") || !this.isName() || this.isOp(".", 1) || this.isOp("(", 1) || this.isOp("=", 1)) throw this.generic();
    return identifier(this.advance());
  }

  /** pattern: as_pattern | or_pattern (with invalid_as_pattern's messages). */
  protected pattern(): Pattern {
    const start = this.peek();
    const or = this.orPattern();
    if (!this.isKw("as")) return or;
    this.advance();
    const t = this.peek();
    if (t.kind === "NAME" && t.text === "_") throw this.errorAtToken("cannot use '_' as a target", t);
    if (!this.isName()) {
      const e = this.attempt(() => this.expression());
      if (e !== null) throw this.errorAt("invalid pattern target", e);
    }
    const name = this.captureTarget();
    return { kind: "MatchAs", pattern: or, name, span: this.spanFrom(start) };
  }

  /** or_pattern: '|'.closed_pattern+ */
  private orPattern(): Pattern {
    const start = this.peek();
    const first = this.closedPattern();
    if (!this.isOp("|")) return first;
    const alts = [first];
    while (this.eatOp("|")) alts.push(this.closedPattern());
    return { kind: "MatchOr", patterns: alts, span: this.spanFrom(start) };
  }

  private closedPattern(): Pattern {
    this.enter();
    try {
      return this.closedPatternRule();
    } finally {
      this.leave();
    }
  }

  private closedPatternRule(): Pattern {
    const t = this.peek();
    if (t.kind === "NUMBER" || (t.kind === "OP" && t.text === "-")) {
      const value = this.signedNumber();
      return { kind: "MatchValue", value, span: value.span };
    }
    if (t.kind === "STRING") {
      const value = this.strings();
      return { kind: "MatchValue", value, span: value.span };
    }
    if (t.kind === "OP") {
      if (t.text === "(") return this.parenPattern();
      if (t.text === "[") return this.listPattern();
      if (t.text === "{") return this.mappingPattern();
      throw this.generic();
    }
    if (t.kind !== "NAME") throw this.generic();
    if (t.text === "None" || t.text === "True" || t.text === "False") {
      this.advance();
      const value = t.text === "None" ? ({ t: "None" } as const) : ({ t: "bool", v: t.text === "True" } as const);
      return { kind: "MatchSingleton", value, span: this.spanFrom(t, t) };
    }
    if (t.text === "_") {
      this.advance();
      return { kind: "MatchAs", pattern: null, name: null, span: this.spanFrom(t, t) };
    }
    if (!this.isName()) throw this.generic();
    const cls = this.nameOrAttr();
    if (this.isOp("(")) return this.classPattern(cls, t);
    if (this.isOp("=")) throw this.generic();
    if (cls.kind === "Name") return { kind: "MatchAs", pattern: null, name: cls.id, span: cls.span };
    return { kind: "MatchValue", value: cls, span: cls.span };
  }

  /** name_or_attr: a NAME and its dotted attributes. */
  private nameOrAttr(): Expr {
    const start = this.advance();
    let e: Expr = this.nameExpr(start);
    while (this.eatOp(".")) {
      const n = this.expectName();
      e = { kind: "Attribute", value: e, attr: identifier(n), span: this.spanFrom(start) };
    }
    return e;
  }

  /** signed_number, or complex_number: signed_real_number ('+' | '-') imaginary_number. */
  private signedNumber(): Expr {
    const start = this.peek();
    const neg = this.eatOp("-");
    if (this.peek().kind !== "NUMBER") throw this.generic();
    const num = this.atom();
    let value: Expr = neg ? { kind: "UnaryOp", op: "USub", operand: num, span: this.spanFrom(start) } : num;
    if (!this.isOp("+") && !this.isOp("-")) return value;
    const op = this.advance().text === "+" ? "Add" : "Sub";
    if (isImaginary(num)) throw this.errorAt("real number required in complex literal", num);
    if (this.peek().kind !== "NUMBER") throw this.generic();
    const imag = this.atom();
    if (!isImaginary(imag)) throw this.errorAt("imaginary number required in complex literal", imag);
    value = { kind: "BinOp", op, left: value, right: imag, span: this.spanFrom(start) };
    return value;
  }

  /** group_pattern | '(' open_sequence_pattern? ')' */
  private parenPattern(): Pattern {
    const open = this.advance();
    if (this.eatOp(")")) return { kind: "MatchSequence", patterns: [], span: this.spanFrom(open) };
    const first = this.maybeStarPattern();
    if (first.kind !== "MatchStar" && this.eatOp(")")) return first;
    if (!this.isOp(",")) throw this.generic();
    const patterns = this.sequenceTail(first, ")");
    this.expectOp(")");
    return { kind: "MatchSequence", patterns, span: this.spanFrom(open) };
  }

  /** '[' maybe_sequence_pattern? ']' */
  private listPattern(): Pattern {
    const open = this.advance();
    const patterns: Pattern[] = [];
    while (!this.isOp("]")) {
      patterns.push(this.maybeStarPattern());
      if (!this.eatOp(",")) break;
    }
    this.expectOp("]");
    return { kind: "MatchSequence", patterns, span: this.spanFrom(open) };
  }

  /** mapping_pattern: key_value_patterns then an optional `**rest`, each comma-separated. */
  private mappingPattern(): Pattern {
    const open = this.advance();
    const keys: Expr[] = [];
    const patterns: Pattern[] = [];
    let rest: string | null = null;
    while (!this.isOp("}")) {
      if (this.eatOp("**")) {
        rest = this.captureTarget();
        this.eatOp(",");
        break;
      }
      keys.push(this.mappingKey());
      this.expectOp(":");
      patterns.push(this.pattern());
      if (!this.eatOp(",")) break;
    }
    this.expectOp("}");
    return { kind: "MatchMapping", keys, patterns, rest, span: this.spanFrom(open) };
  }

  /** key_value_pattern's key: literal_expr | attr */
  private mappingKey(): Expr {
    const t = this.peek();
    if (t.kind === "NUMBER" || (t.kind === "OP" && t.text === "-")) return this.signedNumber();
    if (t.kind === "STRING") return this.strings();
    if (t.kind === "NAME" && (t.text === "None" || t.text === "True" || t.text === "False")) return this.atom();
    if (!this.isName() || !this.isOp(".", 1)) throw this.generic();
    return this.nameOrAttr();
  }

  /** class_pattern: name_or_attr '(' [positional patterns] [keyword patterns] ')' */
  private classPattern(cls: Expr, start: Token): Pattern {
    this.advance();
    const patterns: Pattern[] = [];
    const kwdAttrs: string[] = [];
    const kwdPatterns: Pattern[] = [];
    while (!this.isOp(")")) {
      if (this.isName() && this.isOp("=", 1)) {
        kwdAttrs.push(identifier(this.advance()));
        this.advance();
        kwdPatterns.push(this.pattern());
      } else {
        const p = this.pattern();
        // invalid_class_argument_pattern
        if (kwdPatterns.length > 0) throw this.errorAt("positional patterns follow keyword patterns", p);
        patterns.push(p);
      }
      if (!this.eatOp(",")) break;
    }
    this.expectOp(")");
    return { kind: "MatchClass", cls, patterns, kwdAttrs, kwdPatterns, span: this.spanFrom(start) };
  }
}

function isImaginary(e: Expr): boolean {
  return e.kind === "Constant" && e.value.t === "complex";
}
