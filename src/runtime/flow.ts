// How a statement ends: normally (undefined), or by break, continue or return.
// Compiled statements give it back as their result, and each block, loop and
// call passes it on or acts on it (no JS exception per return). Generator
// bodies, which run as JS generators, throw the same objects instead.
import type { PyObj } from "./objects.js";

export class Break {}
export class Continue {}
export class Return {
  constructor(readonly value: PyObj) {}
}

export const BREAK = new Break();
export const CONTINUE = new Continue();

export type Completion = undefined | Break | Continue | Return;
