// Include/floatobject.h and complexobject.h: PyObject_HEAD + double(s).
import { PyObject_HEAD } from "./platform.js";

export const sizeofPyFloatObject = PyObject_HEAD + 8;
export const sizeofPyComplexObject = PyObject_HEAD + 16;
