// The small ints CPython preallocates and hands out for every result in
// range (_PY_NSMALLNEGINTS = 5, _PY_NSMALLPOSINTS = 257: pycore_interp.h, and
// longobject.c's NSMALLNEGINTS/NSMALLPOSINTS before 3.9). The same in every
// version pymem models (3.8 to 3.14), so the object model keeps one cache for
// all layouts; a version that differed would make this a Layout field.
export const SMALL_INT_MIN = -5;
export const SMALL_INT_MAX = 256;
