// re.error (re.PatternError from 3.13) as sre_constants.error builds its
// message: "msg at position N", and "(line L, column C)" when the pattern
// spans lines. Errors that sre_compile raises carry no position.
import { PymemError } from "../errors.js";

export class ReError extends Error {
  /**
   * pos null: the message alone; pos -1 (with no pattern): a construct pymem
   * refuses; pos -2: a ValueError (fix_flags) rather than re.error.
   */
  constructor(
    readonly msg: string,
    readonly pos: number | null,
    readonly pattern: readonly string[] | null,
  ) {
    super(msg);
  }

  /** str(error): error.__init__'s formatting. */
  text(): string {
    if (this.pos === null || this.pos < 0 || this.pattern === null) return this.msg;
    const before = this.pattern.slice(0, this.pos);
    const lineno = before.filter((c) => c === "\n").length + 1;
    const colno = this.pos - before.lastIndexOf("\n");
    if (this.pattern.includes("\n")) return `${this.msg} at position ${this.pos} (line ${lineno}, column ${colno})`;
    return `${this.msg} at position ${this.pos}`;
  }

  refusal(): PymemError | null {
    return this.pos === -1 ? new PymemError("UNSUPPORTED", `${this.msg} is not supported by pymem yet`) : null;
  }
}
