// Managed instance dicts (3.11+): an instance keeps its attribute values
// without a dict object until one is asked for. pymem does not model that
// state machine yet, so under such a version it makes no instance with a
// __dict__ rather than size one as 3.10 would.
import { ctx } from "./ctx.js";
import { unsupported } from "./errors.js";
import type { PyClassObj } from "./objects.js";

export function refuseManagedDict(cls: PyClassObj): void {
  const { rules, python } = ctx().layout;
  if (cls.hasDict && rules.managedDicts) throw unsupported(`an instance of a class with a __dict__ (${cls.name}) under CPython ${python} (managed dicts)`);
}
