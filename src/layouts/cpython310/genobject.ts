// Include/genobject.h (3.8-3.10): the coroutine and async generator objects,
// _PyGenObject_HEAD(cr) / (ag) with what each adds, and the small awaitables
// of Objects/genobject.c (coroutine.__await__()'s wrapper, an async generator's
// asend). Their frames are separate objects before 3.11, not in getsizeof.
import { cstruct, field, padding, type CStruct } from "../struct.js";
import type { LeafType } from "./leaves.js";
import { ptr, PyObjectStruct, SIZEOF } from "./platform.js";

const HEAD = { embed: PyObjectStruct } as const;

/** A GC-tracked leaf (every one here is). */
function leaf(struct: CStruct, gc: boolean): LeafType {
  return { struct, gc };
}

/** _PyGenObject_HEAD(prefix): 3.8 and 3.9 keep a `running` char after the frame pointer. */
function genHead(prefix: string, running: boolean): Parameters<typeof cstruct>[1] {
  return [
    HEAD,
    ptr(`${prefix}_frame`, "PyFrameObject *"),
    ...(running ? [field(`${prefix}_running`, "char", 1), padding(7)] : []),
    ptr(`${prefix}_code`),
    ptr(`${prefix}_weakreflist`),
    ptr(`${prefix}_name`),
    ptr(`${prefix}_qualname`),
    ptr(`${prefix}_exc_state.exc_type`),
    ptr(`${prefix}_exc_state.exc_value`),
    ptr(`${prefix}_exc_state.exc_traceback`),
    ptr(`${prefix}_exc_state.previous_item`, "struct _err_stackitem *"),
  ];
}

/** The coroutine types' leaves; `running`: the head's gi_running char (3.8, 3.9). */
export function coroutineLeafTypes(running: boolean): Record<string, LeafType> {
  const PyCoroObject = cstruct("PyCoroObject", [...genHead("cr", running), ptr("cr_origin")]);
  const PyAsyncGenObject = cstruct("PyAsyncGenObject", [
    ...genHead("ag", running),
    ptr("ag_finalizer"),
    field("ag_hooks_inited", "int", SIZEOF.int),
    field("ag_closed", "int", SIZEOF.int),
    field("ag_running_async", "int", SIZEOF.int),
    padding(4),
  ]);
  return { coroutine: leaf(PyCoroObject, true), async_generator: leaf(PyAsyncGenObject, true), ...coroutineAwaitableLeafTypes() };
}

/** The awaitables every version lays out alike. */
export function coroutineAwaitableLeafTypes(): Record<string, LeafType> {
  const PyCoroWrapper = cstruct("PyCoroWrapper", [HEAD, ptr("cw_coroutine", "PyCoroObject *")]);
  const PyAsyncGenASend = cstruct("PyAsyncGenASend", [HEAD, ptr("ags_gen", "PyAsyncGenObject *"), ptr("ags_sendval"), field("ags_state", "int", SIZEOF.int), padding(4)]);
  return { coroutine_wrapper: leaf(PyCoroWrapper, true), async_generator_asend: leaf(PyAsyncGenASend, true) };
}
