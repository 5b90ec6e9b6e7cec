// Control flow that leaves a statement early: break, continue and return travel
// as exceptions through the compiled closures to the loop or call that catches them.
import type { PyObj } from "./objects.js";

export class Break {}
export class Continue {}
export class Return {
  constructor(readonly value: PyObj) {}
}
