// Colour is decided once: on for a TTY unless --no-color or NO_COLOR.
import { Chalk as ChalkCtor, type ChalkInstance } from "chalk";

export type Chalk = ChalkInstance;

export function makeChalk(enabled: boolean): Chalk {
  return new ChalkCtor({ level: enabled ? 1 : 0 });
}
