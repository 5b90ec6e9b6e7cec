// x86-64 Linux, CPython 3.10 release build (Include/object.h, Include/objimpl.h).
export const SIZEOF_POINTER = 8;
/** PyObject_HEAD: ob_refcnt + ob_type. */
export const PyObject_HEAD = 16;
/** PyObject_VAR_HEAD: PyObject_HEAD + ob_size. */
export const PyObject_VAR_HEAD = 24;
/** PyGC_Head: _gc_next + _gc_prev, added by sys.getsizeof for GC-tracked types. */
export const PyGC_Head = 16;
