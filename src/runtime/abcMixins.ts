// The namespaces of collections.abc's ABCs (Lib/_collections_abc.py): their
// abstract methods and their mixins (Mapping.get, keys, items, values,
// __contains__, __eq__; MutableMapping.pop, update, setdefault ...; Sequence's
// __iter__, __contains__, index, count; MutableSequence's append, extend ...;
// Set's comparisons and operators; the views) are the module's own Python,
// run here once per evaluation and put in the ABC classes, so a class over
// one of them is an ABC like any other, its instances laid out as object's
// subclass's (every ABC has __slots__ = (), MappingView ('_mapping',)). The
// source is 3.13's, the same methods as 3.8's; left out are the metaclass,
// __subclasshook__ (collectionsAbcModule.ts), __class_getitem__, register()
// calls and Set._hash; MappingView.__repr__ is written as an f-string of the same text.
import { parseModule } from "../python/parse.js";
import { abstractmethod, completeStdlibAbc } from "./abcModule.js";
import { ctx } from "./ctx.js";
import { PymemError } from "./errors.js";
import { execBlock } from "./exec.js";
import { None, pyStr, type PyClassObj, type PyObj, type Scope } from "./objects.js";

const SOURCE = `
class Hashable:
    __slots__ = ()

    @abstractmethod
    def __hash__(self):
        return 0

class Iterable:
    __slots__ = ()

    @abstractmethod
    def __iter__(self):
        while False:
            yield None

class Iterator:
    __slots__ = ()

    @abstractmethod
    def __next__(self):
        raise StopIteration

    def __iter__(self):
        return self

class Reversible:
    __slots__ = ()

    @abstractmethod
    def __reversed__(self):
        while False:
            yield None

class Sized:
    __slots__ = ()

    @abstractmethod
    def __len__(self):
        return 0

class Container:
    __slots__ = ()

    @abstractmethod
    def __contains__(self, x):
        return False

class Collection:
    __slots__ = ()

class Callable:
    __slots__ = ()

    @abstractmethod
    def __call__(self, *args, **kwds):
        return False

class Set:
    __slots__ = ()

    def __le__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) > len(other):
            return False
        for elem in self:
            if elem not in other:
                return False
        return True

    def __lt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) < len(other) and self.__le__(other)

    def __gt__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) > len(other) and self.__ge__(other)

    def __ge__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        if len(self) < len(other):
            return False
        for elem in other:
            if elem not in self:
                return False
        return True

    def __eq__(self, other):
        if not isinstance(other, Set):
            return NotImplemented
        return len(self) == len(other) and self.__le__(other)

    @classmethod
    def _from_iterable(cls, it):
        return cls(it)

    def __and__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        return self._from_iterable((value for value in other if value in self))
    __rand__ = __and__

    def isdisjoint(self, other):
        for value in other:
            if value in self:
                return False
        return True

    def __or__(self, other):
        if not isinstance(other, Iterable):
            return NotImplemented
        chain = (e for s in (self, other) for e in s)
        return self._from_iterable(chain)
    __ror__ = __or__

    def __sub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable((value for value in self if value not in other))

    def __rsub__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self._from_iterable((value for value in other if value not in self))

    def __xor__(self, other):
        if not isinstance(other, Set):
            if not isinstance(other, Iterable):
                return NotImplemented
            other = self._from_iterable(other)
        return self - other | other - self
    __rxor__ = __xor__

class MutableSet:
    __slots__ = ()

    @abstractmethod
    def add(self, value):
        raise NotImplementedError

    @abstractmethod
    def discard(self, value):
        raise NotImplementedError

    def remove(self, value):
        if value not in self:
            raise KeyError(value)
        self.discard(value)

    def pop(self):
        it = iter(self)
        try:
            value = next(it)
        except StopIteration:
            raise KeyError from None
        self.discard(value)
        return value

    def clear(self):
        try:
            while True:
                self.pop()
        except KeyError:
            pass

    def __ior__(self, it):
        for value in it:
            self.add(value)
        return self

    def __iand__(self, it):
        for value in self - it:
            self.discard(value)
        return self

    def __ixor__(self, it):
        if it is self:
            self.clear()
        else:
            if not isinstance(it, Set):
                it = self._from_iterable(it)
            for value in it:
                if value in self:
                    self.discard(value)
                else:
                    self.add(value)
        return self

    def __isub__(self, it):
        if it is self:
            self.clear()
        else:
            for value in it:
                self.discard(value)
        return self

class Mapping:
    __slots__ = ()

    @abstractmethod
    def __getitem__(self, key):
        raise KeyError

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
        if not isinstance(other, Mapping):
            return NotImplemented
        return dict(self.items()) == dict(other.items())
    __reversed__ = None

class MappingView:
    __slots__ = ('_mapping',)

    def __init__(self, mapping):
        self._mapping = mapping

    def __len__(self):
        return len(self._mapping)

    def __repr__(self):
        return f'{self.__class__.__name__}({self._mapping!r})'

class KeysView:
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

    def __contains__(self, key):
        return key in self._mapping

    def __iter__(self):
        yield from self._mapping

class ItemsView:
    __slots__ = ()

    @classmethod
    def _from_iterable(cls, it):
        return set(it)

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

class ValuesView:
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

class MutableMapping:
    __slots__ = ()

    @abstractmethod
    def __setitem__(self, key, value):
        raise KeyError

    @abstractmethod
    def __delitem__(self, key):
        raise KeyError
    __marker = object()

    def pop(self, key, default=__marker):
        try:
            value = self[key]
        except KeyError:
            if default is self.__marker:
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
        return (key, value)

    def clear(self):
        try:
            while True:
                self.popitem()
        except KeyError:
            pass

    def update(self, other=(), /, **kwds):
        if isinstance(other, Mapping):
            for key in other:
                self[key] = other[key]
        elif hasattr(other, 'keys'):
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

class Sequence:
    __slots__ = ()

    @abstractmethod
    def __getitem__(self, index):
        raise IndexError

    def __iter__(self):
        i = 0
        try:
            while True:
                v = self[i]
                yield v
                i += 1
        except IndexError:
            return

    def __contains__(self, value):
        for v in self:
            if v is value or v == value:
                return True
        return False

    def __reversed__(self):
        for i in reversed(range(len(self))):
            yield self[i]

    def index(self, value, start=0, stop=None):
        if start is not None and start < 0:
            start = max(len(self) + start, 0)
        if stop is not None and stop < 0:
            stop += len(self)
        i = start
        while stop is None or i < stop:
            try:
                v = self[i]
            except IndexError:
                break
            if v is value or v == value:
                return i
            i += 1
        raise ValueError

    def count(self, value):
        return sum((1 for v in self if v is value or v == value))

class MutableSequence:
    __slots__ = ()

    @abstractmethod
    def __setitem__(self, index, value):
        raise IndexError

    @abstractmethod
    def __delitem__(self, index):
        raise IndexError

    @abstractmethod
    def insert(self, index, value):
        raise IndexError

    def append(self, value):
        self.insert(len(self), value)

    def clear(self):
        try:
            while True:
                self.pop()
        except IndexError:
            pass

    def reverse(self):
        n = len(self)
        for i in range(n // 2):
            self[i], self[n - i - 1] = (self[n - i - 1], self[i])

    def extend(self, values):
        if values is self:
            values = list(values)
        for v in values:
            self.append(v)

    def pop(self, index=-1):
        v = self[index]
        del self[index]
        return v

    def remove(self, value):
        del self[self.index(value)]

    def __iadd__(self, values):
        self.extend(values)
        return self
`;

/** The ABCs whose instances the mixins make (Mapping.keys() ...): the one slot of MappingView. */
const VIEWS = new Set(["MappingView", "KeysView", "ItemsView", "ValuesView"]);
/** What the class statement puts in a namespace that the real class's is not about. */
const BOOKKEEPING = new Set(["__module__", "__qualname__", "__slots__", "__doc__"]);

/** Fill collections.abc's ABCs of this evaluation (in their definition order: bases first). */
export function installAbcMixins(made: ReadonlyMap<string, PyClassObj>): void {
  const parsed = parseModule(SOURCE, { nestedFStrings: false, matchStatement: false });
  if (!parsed.ok) throw new PymemError("INTERNAL", `collections.abc's mixins do not parse: ${parsed.error.message}`);
  const vars = new Map<string, PyObj>([["__name__", pyStr("collections.abc")], ["abstractmethod", abstractmethod]]);
  const globals: Scope = { vars, fast: null, parent: null };
  execBlock(parsed.value, globals, new Map());
  const { heapType } = ctx().layout;
  for (const [name, cls] of made) {
    const plain = vars.get(name);
    if (plain === undefined || plain.t !== "class") continue;
    for (const [k, v] of plain.attrs) if (!BOOKKEEPING.has(k)) cls.attrs.set(k, v);
    // type_new: a class defining __eq__ without __hash__ gets __hash__ = None (Set, Mapping).
    if (plain.attrs.has("__eq__") && !plain.attrs.has("__hash__")) cls.attrs.set("__hash__", None);
    if (VIEWS.has(name)) {
      // MappingView.__slots__ = ('_mapping',): one member, which its subclasses (__slots__ = ()) share.
      if (name === "MappingView") (cls as { slots: readonly string[] }).slots = ["_mapping"];
      (cls as { shape: PyClassObj["shape"] }).shape = heapType.shape(heapType.object, 1, false, false, false);
    }
    completeStdlibAbc(cls);
    // The methods find the ABCs (isinstance(other, Mapping), KeysView(self)) under their names.
    vars.set(name, cls);
  }
}
