// __getstate__ / __setstate__ pairs pymem itself puts on classes (dataclasses' _dataclass_getstate and
// _dataclass_setstate on a frozen slots=True dataclass), which copy's _reconstruct may run: a class's
// own hooks stay refused (tests of reduceState.ts), these are known code.
import type { PyObj } from "./objects.js";

const known = new WeakSet<PyObj>();

/** Mark functions as pymem's own state hooks. */
export function registerStateHook(...fs: PyObj[]): void {
  for (const f of fs) known.add(f);
}

/** Whether `f` is one of pymem's own state hooks. */
export function isKnownStateHook(f: PyObj | undefined): boolean {
  return f !== undefined && known.has(f);
}
