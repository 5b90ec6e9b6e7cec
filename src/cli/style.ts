// Colour is decided once: --no-color and NO_COLOR turn it off; FORCE_COLOR
// turns it on (its number the level: 1 basic, 2 256 colours, 3 truecolor;
// 0 or false off), as chalk's own detection reads it; else a TTY has colour.
import { Chalk as ChalkCtor, type ChalkInstance } from "chalk";

export type Chalk = ChalkInstance;
export type ColorLevel = 0 | 1 | 2 | 3;

/** Enabled (basic colours) or not, or an explicit level. */
export function makeChalk(enabled: boolean | ColorLevel): Chalk {
  return new ChalkCtor({ level: enabled === true ? 1 : enabled === false ? 0 : enabled });
}

/**
 * The colour level of output to a stream: off with `--no-color` (flag false) or a non-empty NO_COLOR
 * (no-color.org), forced by FORCE_COLOR (which wins over the terminal test either way), else on for a TTY.
 */
export function colorLevel(flag: boolean, env: Readonly<Record<string, string | undefined>>, isTTY: boolean | undefined): ColorLevel {
  if (!flag) return 0;
  const no = env["NO_COLOR"];
  if (no !== undefined && no !== "") return 0;
  const force = env["FORCE_COLOR"];
  if (force !== undefined) {
    if (force === "" || force === "true") return 1;
    if (force === "false") return 0;
    const n = Number.parseInt(force, 10);
    return Number.isNaN(n) ? 1 : n <= 0 ? 0 : n >= 3 ? 3 : (n as 1 | 2);
  }
  return isTTY === true ? 1 : 0;
}
