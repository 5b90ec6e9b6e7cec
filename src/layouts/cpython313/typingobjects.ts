// The typing module's objects in 3.13: TypeVar keeps a default (PEP 696), and
// Literal is a _TypedCacheSpecialForm.
import { cstruct, field, padding } from "../struct.js";
import { ptr } from "../cpython310/platform.js";
import { HEAD } from "../cpython310/leaves.js";
import type { TypingLayout } from "../cpython310/typingobjects.js";
import { TYPING_312 } from "../cpython312/typingobjects.js";
import { PREHEADER } from "../cpython312/PyHeapTypeObject.js";

/** typevarobject with default_value and evaluate_default. */
const typevarobjectStruct = cstruct("typevarobject", [HEAD, ptr("name"), ptr("bound"), ptr("evaluate_bound"), ptr("constraints"),
  ptr("evaluate_constraints"), ptr("default_value"), ptr("evaluate_default"), field("covariant", "bool", 1), field("contravariant", "bool", 1),
  field("infer_variance", "bool", 1), padding(5)]);

export const TYPING_313: TypingLayout = {
  ...TYPING_312,
  classes: { ...TYPING_312.classes, literalForm: "_TypedCacheSpecialForm" },
  typeVar: { struct: typevarobjectStruct, preHeader: PREHEADER.size },
};
