// collections.namedtuple and typing.NamedTuple (class syntax and functional
// form): the tuple subclass namedtuple() builds, with the names it checks and
// renames (Lib/collections/__init__.py) and the methods it puts in the class
// namespace. Its __new__ is a Python function namedtuple() compiles (exec of a
// def on 3.8, eval of a lambda from 3.9): a plain function object on every
// version, found on the class as such (type_new makes it a staticmethod).
import { repr } from "./repr.js";
import { ctx } from "./ctx.js";
import { instantiate } from "./calls.js";
import { classmethods, makeClass, makeNamedTuple, tupleNews } from "./classes.js";
import { truthy } from "./compare.js";
import { noteBases } from "./classRegistry.js";
import { typeObject } from "./typeObjects.js";
import { dictSet, newDict, newDictFromType } from "./dicts.js";
import { PyException, PymemError, typeError, valueError } from "./errors.js";
import { toArray } from "./iteration.js";
import { intern } from "./constPool.js";
import { internInPlace } from "./sysIntern.js";
import { builtinFunction as fn, pyStr, subOf, type Kwargs, type PyClassObj, type PyObj, type PyStrObj } from "./objects.js";
import { materialize } from "./seq.js";
import { strText } from "./text.js";
import { forwardRef } from "./typingForms.js";
import { newTuple, newTupleOfClass } from "./tuples.js";
import { isIdentifier } from "./strPredicates.js";
import { unicodeSpaceRuns } from "./unicodeChars.js";

/** keyword.kwlist (the same on 3.8 to 3.13; the soft keywords match/case/type are not in it). */
const KEYWORDS = new Set(["False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with", "yield"]);

/** typing._prohibited: names a NamedTuple class body may not define. */
const PROHIBITED = ["__new__", "__init__", "__slots__", "__getnewargs__", "_fields", "_field_defaults", "_make", "_replace", "_asdict", "_source"];

/** namedtuple(rename=True): an invalid, keyword, underscored or repeated name becomes _<index>. */
function renamed(fields: readonly string[]): string[] {
  const seen = new Set<string>();
  return fields.map((f, i) => {
    const bad = !isIdentifier(f) || KEYWORDS.has(f) || f.startsWith("_") || seen.has(f);
    seen.add(f);
    return bad ? `_${i}` : f;
  });
}

/** namedtuple's checks of the type name and the field names, in its order. */
function checkNames(name: string, fields: readonly string[], rename: boolean): void {
  for (const f of [name, ...fields]) {
    if (!isIdentifier(f)) throw valueError(`Type names and field names must be valid identifiers: '${f}'`);
    if (KEYWORDS.has(f)) throw valueError(`Type names and field names cannot be a keyword: '${f}'`);
  }
  const seen = new Set<string>();
  for (const f of fields) {
    if (f.startsWith("_") && !rename) throw valueError(`Field names cannot start with an underscore: '${f}'`);
    if (seen.has(f)) throw valueError(`Encountered duplicate field name: '${f}'`);
    seen.add(f);
  }
}

/**
 * A namedtuple class: a tuple subclass with __slots__ = () and named fields. `defaultsGiven`: its defaults argument was not None, so _field_defaults is
 * dict(reversed(list(zip(...)))) (dict_new's table before 3.10) rather than the {} display. `given`: the field name str objects
 * namedtuple() was handed (after its split() / str() / renaming): _field_defaults is keyed by them, and _fields is
 * tuple(map(sys.intern, them)) — each the str already interned under its text, or the given object, interned from then on.
 * Without them (the stdlib's own named tuples, made before the program ran) the names are strs of their own.
 */
export function namedTupleClass(name: string, fields: readonly string[], defaults: readonly PyObj[], ns: Map<string, PyObj> = new Map(), rename = false, defaultsGiven = false, given?: readonly PyStrObj[]): PyClassObj {
  checkNames(name, fields, rename);
  if (defaults.length > fields.length) throw typeError("Got more default values than field names");
  const fd = defaultsGiven ? newDictFromType() : newDict();
  const first = fields.length - defaults.length;
  const keyOf = (i: number): PyStrObj => given?.[i] ?? pyStr(fields[i] as string);
  defaults.forEach((d, i) => dictSet(fd, keyOf(first + i), d));
  const attrs = new Map(ns);
  const self: { cls: PyClassObj | null } = { cls: null };
  const nw: PyObj = {
    t: "function", name: "__new__", qualname: `${name}.__new__`,
    call: ([c, ...args], kw) => {
      // _tuple_new(_cls, (...)): tuple.__new__ of a class deriving from this one.
      if (c === undefined || c.t !== "class" || self.cls === null || !c.mro.includes(self.cls)) throw typeError("tuple.__new__(X): X is not a subtype of tuple");
      return makeNamedTuple(c, args, kw);
    },
  };
  tupleNews.add(nw);
  attrs.set("__new__", nw);
  attrs.set("__slots__", newTuple([]));
  const names = given === undefined ? fields.map((f) => pyStr(f)) : given.map((g) => internInPlace(g, "namedtuple's sys.intern", (text) => intern(pyStr(text))));
  const fieldNames = newTuple(names);
  attrs.set("_fields", fieldNames);
  // collections.namedtuple (3.10+): the class namespace's __match_args__ is the very tuple of _fields.
  if (ctx().layout.rules.patternMatching) attrs.set("__match_args__", fieldNames);
  attrs.set("_field_defaults", fd);
  // namedtuple's class namespace: '__doc__': f'{typename}({arg_list})', arg_list ', '.join(field_names) (a trailing ',' for one field).
  if (!ns.has("__doc__")) attrs.set("__doc__", pyStr(`${name}(${fields.join(", ")}${fields.length === 1 ? "," : ""})`));
  const cls = makeClass(name, [], attrs, { builtinBase: "tuple", tupleFields: fields });
  self.cls = cls;
  noteBases(cls, [typeObject("tuple")]);
  const make: PyObj = {
    t: "function",
    name: "_make",
    call: ([, it]) => {
      // namedtuple's _make: tuple_new(cls, iterable), then its length checked against the fields.
      const items = toArray(it as PyObj);
      if (items.length !== fields.length) throw typeError(`Expected ${fields.length} arguments, got ${items.length}`);
      return instantiate(cls, items, { values: new Map(), keys: new Map() });
    },
  };
  classmethods.add(make);
  attrs.set("_make", make);
  attrs.set("_replace", {
    t: "function",
    name: "_replace",
    call: (args, kw) => {
      const me = args[0];
      if (me === undefined || me.t !== "tuple") throw typeError("_replace() needs self");
      const items = materialize(me.items).slice();
      for (const [k, v] of kw.values) {
        const i = fields.indexOf(k);
        if (i < 0) throw valueError(`Got unexpected field names: ['${k}']`);
        items[i] = v;
      }
      // self._make(...): the classmethod of type(self), so a subclass's _replace makes the subclass.
      return newTupleOfClass(items, me.cls ?? cls);
    },
  });
  // collections.namedtuple's __repr__: self.__class__.__name__ + '(a=%r, b=%r)' % self (a typing.NamedTuple body's own wins).
  if (!ns.has("__repr__")) attrs.set("__repr__", {
    t: "function",
    name: "__repr__",
    qualname: `${name}.__repr__`,
    call: (args) => {
      const me = args[0];
      if (me === undefined || me.t !== "tuple" || me.cls === undefined) throw typeError("__repr__() needs self");
      const items = materialize(me.items);
      if (items.length !== fields.length) throw typeError(`not ${items.length < fields.length ? "enough" : "all"} arguments ${items.length < fields.length ? "for format string" : "converted during string formatting"}`);
      return pyStr(`${me.cls.name}(${fields.map((f, i) => `${f}=${repr(items[i] as PyObj)}`).join(", ")})`);
    },
  });
  attrs.set("_asdict", {
    t: "function",
    name: "_asdict",
    call: (args) => {
      // dict(zip(self._fields, self)): the keys are the _fields tuple's (interned) strs.
      const me = args[0] as PyObj & { t: "tuple" };
      const d = newDict();
      materialize(me.items).forEach((v, i) => dictSet(d, names[i] ?? pyStr(fields[i] as string), v));
      return d;
    },
  });
  return cls;
}

/** str(name) of one field name: an exact str is itself, a subclass's a new exact str. */
function nameStr(o: PyObj): PyStrObj {
  if (o.t !== "str") throw new PymemError("UNSUPPORTED", "namedtuple names that are not str (namedtuple converts them with str())");
  return subOf(o) === undefined ? o : pyStr(strText(o));
}

function namedtupleCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  const [name, names] = [args[0] ?? kw.values.get("typename"), args[1] ?? kw.values.get("field_names")];
  if (name === undefined || name.t !== "str" || names === undefined) throw typeError("namedtuple() missing required arguments");
  // field_names.replace(',', ' ').split(): split() on CPython's whitespace (its Unicode data, not JS's \s).
  const objs = names.t === "str" ? strText(names).replace(/,/g, " ").split(unicodeSpaceRuns().run).filter((x) => x !== "").map((x) => pyStr(x)) : toArray(names).map(nameStr);
  const given = objs.map((o) => strText(o));
  const rename = kw.values.get("rename");
  const renaming = rename !== undefined && truthy(rename);
  const fields = renaming ? renamed(given) : given;
  // rename=True puts f'_{index}' (a new str) in place of a bad name.
  const fieldObjs = fields.map((f, i) => (f === given[i] ? objs[i]! : pyStr(f)));
  const d = kw.values.get("defaults");
  const withDefaults = d !== undefined && d.t !== "NoneType";
  return namedTupleClass(strText(name), fields, withDefaults ? toArray(d) : [], new Map(), renaming, withDefaults, fieldObjs);
}

/** class P(NamedTuple): fields from the annotations, defaults from class attributes. */
export function namedTupleFromClassBody(name: string, ns: Map<string, PyObj>): PyObj {
  for (const k of PROHIBITED) if (ns.has(k)) throw new PyException("AttributeError", `Cannot overwrite NamedTuple attribute ${k}`);
  const ann = ns.get("__annotations__");
  const keys = ann !== undefined && ann.t === "dict" ? [...ann.table.map.values()].map((e) => e.key as PyStrObj) : [];
  const fields = keys.map((k) => strText(k));
  const defaults: PyObj[] = [];
  for (const f of fields) {
    const v = ns.get(f);
    if (v !== undefined) {
      defaults.push(v);
      ns.delete(f);
    } else if (defaults.length > 0) throw typeError(`Non-default namedtuple field ${f} cannot follow default field${defaults.length === 1 ? "" : "s"}`);
  }
  const cls = namedTupleClass(name, fields, defaults, ns, false, ctx().layout.rules.typingNamedTupleViaDefaults, keys.map(nameStr));
  // __annotations__ is {n: _type_check(t) ...}: a str (a postponed annotation) becomes a ForwardRef.
  if (ann !== undefined && ann.t === "dict" && [...ann.table.map.values()].some((e) => e.value.t === "str")) {
    const types = newDict();
    for (const e of ann.table.map.values()) dictSet(types, e.key, e.value.t === "str" ? forwardRef(strText(e.value)) : e.value);
    cls.attrs.set("__annotations__", types);
  }
  return cls;
}

/**
 * typing.NamedTuple('P', [('x', int), ...]) or NamedTuple('P', x=int, ...): _make_nmtuple, a
 * namedtuple whose __annotations__ is {name: type} (typing's _type_check keeps a class as it is).
 */
function namedTupleFunctionalCall(args: readonly PyObj[], kw: Kwargs): PyObj {
  const [name, fieldsArg] = args;
  if (name === undefined || name.t !== "str") throw new PymemError("UNSUPPORTED", "typing.NamedTuple() without a str type name");
  if (args.length > 2) throw typeError(`NamedTuple() takes from 1 to 2 positional arguments but ${args.length} were given`);
  let pairs: [PyStrObj, PyObj][];
  if (fieldsArg === undefined || fieldsArg.t === "NoneType") {
    if (kw.values.size === 0) throw new PymemError("UNSUPPORTED", "typing.NamedTuple() with no fields (deprecated, its rules differ between versions)");
    pairs = [...kw.values].map(([k, v]) => [kw.keys.get(k) ?? pyStr(k), v]);
  } else {
    if (kw.values.size > 0) throw typeError("Either list of fields or keywords can be provided to NamedTuple, not both");
    pairs = toArray(fieldsArg).map((p) => {
      const [n, t] = toArray(p);
      if (n === undefined || n.t !== "str" || t === undefined) throw new PymemError("UNSUPPORTED", "typing.NamedTuple() fields that are not (str, type) pairs");
      return [n, t];
    });
  }
  const types = newDict();
  for (const [n, t] of pairs) {
    if (t.t !== "class" && !(t.t === "type" && t.typingForm !== true && t.typeVar !== true)) throw new PymemError("UNSUPPORTED", "a typing.NamedTuple() field type that is not a class (typing's _type_check)");
    dictSet(types, n, t);
  }
  const cls = namedTupleClass(strText(name), pairs.map(([n]) => strText(n)), [], new Map(), false, ctx().layout.rules.typingNamedTupleViaDefaults, pairs.map(([n]) => nameStr(n)));
  cls.attrs.set("__annotations__", types);
  return cls;
}

export function namedTupleFunctional(): PyObj {
  return fn("NamedTuple", namedTupleFunctionalCall);
}

export function namedtupleFunction(): PyObj {
  return fn("namedtuple", namedtupleCall);
}
