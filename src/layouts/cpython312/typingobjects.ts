// The typing module's objects in 3.12: TypeVar became a C type (Objects/typevarobject.c)
// whose __dict__ and __weakref__ are the managed pre-header words.
import { cstruct, field, padding } from "../struct.js";
import { ptr } from "../cpython310/platform.js";
import { HEAD } from "../cpython310/leaves.js";
import { TYPING_310, gaobjectStruct311, type TypingLayout } from "../cpython310/typingobjects.js";
import { PREHEADER } from "./PyHeapTypeObject.js";

/** typevarobject: three bools after the pointers, padded to the next word. */
export const typevarobjectStruct = cstruct("typevarobject", [HEAD, ptr("name"), ptr("bound"), ptr("evaluate_bound"), ptr("constraints"),
  ptr("evaluate_constraints"), field("covariant", "bool", 1), field("contravariant", "bool", 1), field("infer_variance", "bool", 1), padding(5)]);

/** 3.11's typing (Any a class, GenericAlias with starred and vectorcall), TypeVar in C. */
export const TYPING_312: TypingLayout = {
  ...TYPING_310,
  typeVar: { struct: typevarobjectStruct, preHeader: PREHEADER.size },
  anyIsClass: true,
  genericAlias: gaobjectStruct311,
  argsMustBeCallable: false,
  finalSetsAttribute: true,
  hintsRebuildGenericAlias: true,
  protocolCheck: "static",
};
