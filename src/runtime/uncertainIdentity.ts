// Strs whose identity with an equal str pymem cannot know: one PyUnicode_InternInPlace
// may or may not have made the session's interned object (its text may already be
// interned by a module the program imported). Sizing refuses a value that reaches
// such a str and another str of the same text, where only that identity decides.
import { ctx } from "./ctx.js";
import type { PyObj } from "./objects.js";

const reasons = new WeakMap<object, string>();
const ACTIVE = "uncertain str identities";

/** `s` may or may not be the interned str of its text, for the reason given. */
export function markIdentityUncertain(s: PyObj, why: string): void {
  reasons.set(s, why);
  ctx().moduleState.set(ACTIVE, true);
}

/** Whether this evaluation made any such str (the walk checks texts only then). */
export function anyIdentityUncertain(): boolean {
  return ctx().moduleState.has(ACTIVE);
}

/** Why `o`'s identity with an equal str is unknown, or undefined. */
export function identityUncertainty(o: PyObj): string | undefined {
  return reasons.get(o);
}
