// collections.UserDict, UserList and UserString: Python classes in CPython
// (Lib/collections/__init__.py), so pymem runs their own source — the
// version's, generated into its layout — over the Mapping/MutableMapping and
// Sequence/MutableSequence mixins of Lib/_collections_abc.py written out
// below. They are made once per evaluation (a fresh interpreter's classes,
// their shared keys empty); their instances, and the mixins' views, are
// standard-library objects (leaves of the deep walk), while a setup class
// deriving from them is the setup's own.
import { parseModule } from "../python/parse.js";
import { ctx } from "./ctx.js";
import { execBlock } from "./exec.js";
import { PymemError } from "./errors.js";
import { pyStr, type PyClassObj, type PyModuleObj, type PyObj, type Scope } from "./objects.js";

/**
 * The mixin methods of Lib/_collections_abc.py the two classes inherit (their ABC machinery
 * left out: `dict` stands for the mappings registered with Mapping). Sequence.__iter__ stops at
 * the IndexError of __getitem__ as the original does, through a helper (pymem's generators do
 * not suspend inside try).
 */
const MIXINS = `
import sys as _sys
_marker = object()
_stop = object()

class MappingView:
    __slots__ = ('_mapping',)
    def __init__(self, mapping):
        self._mapping = mapping
    def __len__(self):
        return len(self._mapping)
    def __repr__(self):
        return '{0.__class__.__name__}({0._mapping!r})'.format(self)

class KeysView(MappingView):
    __slots__ = ()
    def __contains__(self, key):
        return key in self._mapping
    def __iter__(self):
        yield from self._mapping

class ItemsView(MappingView):
    __slots__ = ()
    def __contains__(self, item):
        key, value = item
        try:
            v = self._mapping[key]
        except KeyError:
            return False
        else:
            return v is value or v == value
    def __iter__(self):
        for key in self._mapping:
            yield (key, self._mapping[key])

class ValuesView(MappingView):
    __slots__ = ()
    def __contains__(self, value):
        for key in self._mapping:
            v = self._mapping[key]
            if v is value or v == value:
                return True
        return False
    def __iter__(self):
        for key in self._mapping:
            yield self._mapping[key]

class Mapping:
    __slots__ = ()
    def get(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            return default
    def __contains__(self, key):
        try:
            self[key]
        except KeyError:
            return False
        else:
            return True
    def keys(self):
        return KeysView(self)
    def items(self):
        return ItemsView(self)
    def values(self):
        return ValuesView(self)
    def __eq__(self, other):
        if not isinstance(other, (dict, Mapping)):
            return NotImplemented
        return dict(self.items()) == dict(other.items())
    __reversed__ = None

class MutableMapping(Mapping):
    __slots__ = ()
    def pop(self, key, default=_marker):
        try:
            value = self[key]
        except KeyError:
            if default is _marker:
                raise
            return default
        else:
            del self[key]
            return value
    def popitem(self):
        try:
            key = next(iter(self))
        except StopIteration:
            raise KeyError from None
        value = self[key]
        del self[key]
        return key, value
    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass
    def update(self, other=(), /, **kwds):
        if isinstance(other, (dict, Mapping)):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, "keys"):
            for key in other.keys():
                self[key] = other[key]
        else:
            for key, value in other:
                self[key] = value
        for key, value in kwds.items():
            self[key] = value
    def setdefault(self, key, default=None):
        try:
            return self[key]
        except KeyError:
            self[key] = default
        return default

def _item_or_stop(seq, i):
    try:
        return seq[i]
    except IndexError:
        return _stop

class Sequence:
    __slots__ = ()
    def __iter__(self):
        i = 0
        while True:
            v = _item_or_stop(self, i)
            if v is _stop:
                return
            yield v
            i += 1
    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

class MutableSequence(Sequence):
    __slots__ = ()
`;

const NAMES = ["UserDict", "UserList", "UserString"] as const;

/** The classes of one evaluation, made on first use. */
export function makeUserClasses(modules: ReadonlyMap<string, PyModuleObj>): ReadonlyMap<string, PyClassObj> {
  const parsed = parseModule(MIXINS + "\n" + ctx().layout.collectionsSource(), { nestedFStrings: false, matchStatement: false });
  if (!parsed.ok) throw new PymemError("INTERNAL", `collections' own source does not parse: ${parsed.error.message}`);
  const vars = new Map<string, PyObj>([["__name__", pyStr("collections")]]);
  const globals: Scope = { vars, fast: null, parent: null };
  execBlock(parsed.value, globals, modules);
  const out = new Map<string, PyClassObj>();
  for (const v of vars.values()) {
    // Standard-library classes: their instances are leaves of the deep walk.
    if (v.t === "class") (v as { stdlib?: boolean }).stdlib = true;
    // Their bases are collections.abc's ABCs: the classes are ABCMeta's (the ABC machinery itself is left out).
    if (v.t === "class" && (NAMES as readonly string[]).includes(v.name)) (v as { metaclass?: string }).metaclass = "ABCMeta";
  }
  for (const name of NAMES) out.set(name, vars.get(name) as PyClassObj);
  return out;
}
