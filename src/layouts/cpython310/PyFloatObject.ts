// Include/floatobject.h and complexobject.h: PyObject_HEAD + double(s).
import { cstruct, field } from "../struct.js";
import { PyObjectStruct, SIZEOF } from "./platform.js";

export const PyFloatObjectStruct = cstruct("PyFloatObject", [{ embed: PyObjectStruct }, field("ob_fval", "double", SIZEOF.double)]);
/** Py_complex cval: real and imag doubles. */
export const PyComplexObjectStruct = cstruct("PyComplexObject", [{ embed: PyObjectStruct }, field("cval", "Py_complex", 2 * SIZEOF.double)]);

export const sizeofPyFloatObject = PyFloatObjectStruct.size;
export const sizeofPyComplexObject = PyComplexObjectStruct.size;
