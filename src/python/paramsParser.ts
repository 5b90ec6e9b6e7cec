// Parameter lists of `lambda` and `def` (CPython's `params`/`lambda_params`),
// and the lambda expression itself.
import type { Arg, Arguments, Expr } from "./ast.js";
import { ExprParser } from "./exprParser.js";
import { identifier } from "./tokenStream.js";

export const NO_ARGUMENTS: Arguments = {
  posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kwDefaults: [], kwarg: null, defaults: [],
};

export abstract class ParamsParser extends ExprParser {
  protected lambdef(): Expr {
    const lam = this.advance();
    const args = this.isOp(":") ? NO_ARGUMENTS : this.parameters(true);
    this.expectOp(":");
    const body = this.expression();
    return { kind: "Lambda", args, body, span: this.spanFrom(lam) };
  }

  /** Parses up to (not including) ':' for lambdas or ')' for defs. */
  protected parameters(lambda: boolean): Arguments {
    const close = lambda ? ":" : ")";
    const posonlyargs: Arg[] = [];
    let args: Arg[] = [];
    const defaults: Expr[] = [];
    let vararg: Arg | null = null;
    const kwonlyargs: Arg[] = [];
    const kwDefaults: (Expr | null)[] = [];
    let kwarg: Arg | null = null;
    let state: "positional" | "keyword" | "done" = "positional";
    let sawSlash = false;
    let sawDefault = false;
    while (!this.isOp(close)) {
      if (state === "done") throw this.generic();
      if (this.isOp("/")) {
        if (state !== "positional" || sawSlash || args.length === 0) throw this.generic();
        this.advance();
        posonlyargs.push(...args);
        args = [];
        sawSlash = true;
      } else if (this.isOp("*")) {
        if (state !== "positional") throw this.generic();
        const star = this.advance();
        if (this.isOp(",") || this.isOp(close)) this.checkBareStar(star, close, lambda);
        else vararg = this.param(lambda);
        state = "keyword";
      } else if (this.eatOp("**")) {
        kwarg = this.param(lambda);
        state = "done";
      } else {
        const p = this.param(lambda);
        const dflt = this.eatOp("=") ? this.expression() : null;
        if (state === "keyword") {
          kwonlyargs.push(p);
          kwDefaults.push(dflt);
        } else if (dflt !== null) {
          defaults.push(dflt);
          sawDefault = true;
          args.push(p);
        } else {
          if (sawDefault) throw this.errorAt("non-default argument follows default argument", p);
          args.push(p);
        }
      }
      if (!this.eatOp(",")) break;
    }
    return { posonlyargs, args, vararg, kwonlyargs, kwDefaults, kwarg, defaults };
  }

  /** invalid_star_etc: a bare `*` must be followed by a keyword-only parameter. */
  private checkBareStar(star: ReturnType<ParamsParser["advance"]>, close: string, lambda: boolean): void {
    const bad = this.isOp(close) || (this.isOp(",") && (this.isOp(close, 1) || this.isOp("**", 1)));
    if (!bad) {
      if (this.isOp(",") && this.isName(1)) return;
      throw this.generic();
    }
    if (lambda) {
      this.pos += this.isOp(close) ? 1 : 2;
      throw this.errorAtLast("named arguments must follow bare *");
    }
    throw this.errorAtToken("named arguments must follow bare *", star);
  }

  private param(lambda: boolean): Arg {
    const name = this.expectName();
    const annotation = !lambda && this.eatOp(":") ? this.expression() : null;
    return { arg: identifier(name), annotation, span: this.spanFrom(name) };
  }
}
