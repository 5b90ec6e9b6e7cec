// PyObject_SetAttr (setattr, delattr) interns its name in place before it stores or
// deletes: the instance dict's key is the str already interned under that text, or the
// caller's own str, interned from then on (PyUnicode_InternInPlace). getattr and hasattr
// do not intern. A str subclass's object is left as it is (PyUnicode_CheckExact), and
// would itself become the key: pymem keys attributes by exact strs, so it refuses that.
// A text whose interned state pymem cannot know (one a module or the harness may have
// interned, an identifier of the program's code) keeps pymem's earlier model: a str of its
// own interned under that text, as if the interpreter already held one (for an identifier
// it does, while its code lives); the caller's str is then another object.
import { PymemError } from "./errors.js";
import { intern } from "./constPool.js";
import { pyStr, subOf, type PyStrObj } from "./objects.js";
import { internInPlace } from "./sysIntern.js";

/** The str object CPython's PyObject_SetAttr stores `name` under, after interning it in place. */
export function internAttrName(name: PyStrObj, what: string): PyStrObj {
  const sub = subOf(name);
  if (sub !== undefined) throw new PymemError("UNSUPPORTED", `${what} with a name of the str subclass ${sub.cls.name} (CPython keeps that object itself as the key)`);
  return internInPlace(name, what, (text) => intern(pyStr(text)));
}
