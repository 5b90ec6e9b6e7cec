// The exports a bytearray counts (ob_exports): memoryview(b) takes one through its managed
// buffer, which every view made from that view shares (m[1:], memoryview(m)); the buffer is
// given back when the last of those views is released (m.release(), leaving `with`) or
// freed. While one is held, PyByteArray_Resize and the shrinking slice stores refuse with
// BufferError. When a view is freed depends on references pymem does not count: a view a
// global name holds is alive; an unreleased view held only elsewhere (a temporary, a local)
// leaves the resize refused as UNSUPPORTED, never answered as if it were gone.
import { ctx } from "./ctx.js";
import { PyException, PymemError } from "./errors.js";
import type { PyObj } from "./objects.js";

const viewsOf = new WeakMap<object, PyObj[]>();
const released = new WeakSet<object>();

/** Records `view` as holding an export of `base` (a bytearray). */
export function noteExport(base: PyObj, view: PyObj): void {
  let list = viewsOf.get(base);
  if (list === undefined) viewsOf.set(base, (list = []));
  list.push(view);
}

/** memory_release: the view stops holding its export (a second release does nothing). */
export function releaseView(view: PyObj): void {
  released.add(view);
}

export function isReleased(view: PyObj): boolean {
  return released.has(view);
}

/** _canresize: BufferError while a view of `b` holds an export. */
export function checkCanResize(b: PyObj): void {
  const held = viewsOf.get(b)?.filter((v) => !released.has(v));
  if (held === undefined || held.length === 0) return;
  const globals = [...(ctx().globals?.values() ?? [])];
  if (held.some((v) => globals.includes(v))) throw new PyException("BufferError", "Existing exports of data: object cannot be re-sized");
  throw new PymemError("UNSUPPORTED", "resizing a bytearray a memoryview was made of, that view not released and not held by a global name (whether CPython has freed it, giving the export back, depends on references pymem does not count)");
}
