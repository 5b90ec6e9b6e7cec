// What typing's objects do besides being subscripted (Lib/typing.py's
// _GenericAlias and _UnionGenericAlias methods, Objects/genericaliasobject.c,
// Objects/unionobject.c): __eq__ and __hash__ (origin and arguments; a union's
// and a Literal's arguments as sets), __getattr__ (__origin__, __args__,
// __parameters__), __repr__, isinstance/issubclass (a bare alias checks its
// origin; a subscripted one is a TypeError), int | str, and __mro_entries__ for
// a class statement. Installed as typingHooks.
import { ctx } from "./ctx.js";
import { PymemError, typeError } from "./errors.js";
import { identityHash, type PyHash } from "./hashing.js";
import { Ellipsis, pyStr, typeName, type PyObj, type PyTypeObj } from "./objects.js";
import { newTuple } from "./tuples.js";
import { typeObject } from "./typeObjects.js";
import { classDisplayName } from "./repr.js";
import { pyEq } from "./compare.js";
import { aliasInfo, currentForms, forwardRefText, makeAlias, specialFormsOf, type AliasInfo } from "./typingForms.js";
import { unionOf } from "./typingSubscript.js";
import { setTypingHooks } from "./typingHooks.js";
import { genericClassNow } from "./typingGeneric.js";

function setEqual(x: readonly PyObj[], y: readonly PyObj[], same: (a: PyObj, b: PyObj) => boolean): boolean {
  return x.every((a) => y.some((b) => same(a, b))) && y.every((b) => x.some((a) => same(a, b)));
}

function seqEqual(x: readonly PyObj[], y: readonly PyObj[]): boolean {
  return x.length === y.length && x.every((a, i) => a === y[i] || pyEq(a, y[i] as PyObj));
}

const literalSame = (a: PyObj, b: PyObj): boolean => typeName(a) === typeName(b) && pyEq(a, b);
const isUnion = (i: AliasInfo | undefined): boolean => i !== undefined && (i.kind === "union" || i.kind === "unionType");

function aliasEq(a: PyObj, b: PyObj): boolean | null {
  const fa = forwardRefText(a);
  const fb = forwardRefText(b);
  if (fa !== undefined || fb !== undefined) return fa === fb;
  const x = aliasInfo(a);
  const y = aliasInfo(b);
  if (x === undefined && y === undefined) return null;
  if (x === undefined || y === undefined) return false;
  // A bare alias has no __eq__ of its own (3.8's compares __args__ it never shows): identity, already checked.
  if (x.kind === "special" || y.kind === "special") return false;
  if (isUnion(x) || isUnion(y)) return isUnion(x) && isUnion(y) && setEqual(x.args, y.args, (p, q) => p === q || pyEq(p, q));
  if (x.kind === "genericAlias" || y.kind === "genericAlias") return x.kind === y.kind && x.origin() === y.origin() && seqEqual(x.args, y.args);
  if (x.kind === "literal" && y.kind === "literal" && ctx().layout.typing.literalDedup) return setEqual(x.args, y.args, literalSame);
  return x.origin() === y.origin() && seqEqual(x.args, y.args);
}

function combine(hashes: readonly PyHash[], ordered: boolean): PyHash {
  let h = 0x345678;
  for (const v of hashes) {
    const n = Number(BigInt.asIntN(32, BigInt(v)));
    h = ordered ? (Math.imul(h ^ n, 1000003) | 0) : (h + n) | 0;
  }
  return h === -1 ? -2 : h;
}

function aliasHash(o: PyTypeObj, itemHash: (x: PyObj) => PyHash): PyHash | null {
  const ref = forwardRefText(o);
  if (ref !== undefined) return itemHash(pyStr(ref));
  const info = aliasInfo(o);
  if (info === undefined || info.kind === "special") return null;
  // The real hashes follow the addresses of the types inside (never knowable): equal aliases only need equal hashes.
  identityHash(o);
  const args = info.args.map(itemHash);
  if (isUnion(info) || (info.kind === "literal" && ctx().layout.typing.literalDedup)) return combine(args, false);
  return combine([itemHash(info.origin()), ...args], true);
}

/** The table key of an alias: equal aliases (aliasEq) share it. */
function aliasKey(o: PyTypeObj, itemKey: (x: PyObj) => string): string | null {
  const ref = forwardRefText(o);
  if (ref !== undefined) return `F${itemKey(pyStr(ref))}`;
  const info = aliasInfo(o);
  if (info === undefined || info.kind === "special") return null;
  const keys = info.args.map(itemKey);
  if (isUnion(info)) return `U{${[...new Set(keys)].sort().join(",")}}`;
  if (info.kind === "literal" && ctx().layout.typing.literalDedup) return `L{${[...new Set(info.args.map((a) => `${typeName(a)}:${itemKey(a)}`))].sort().join(",")}}`;
  return `${info.kind === "genericAlias" ? "A" : "G"}${itemKey(info.origin())}(${keys.join(",")})`;
}

/** _type_repr: a builtin type by its name, another class by module.qualname, ... as '...', the rest by repr. */
function typeRepr(x: PyObj, itemRepr: (x: PyObj) => string): string {
  if (x === Ellipsis) return "...";
  if (x.t === "class") return classDisplayName(x);
  if (x.t === "type" && x.typingForm !== true) {
    if (!BUILTIN_NAMES.has(x.name)) throw new PymemError("UNSUPPORTED", `the repr of a typing alias over ${x.name} (its module is not known)`);
    return x.name;
  }
  if (x.t === "type" && x.typeVar === true) throw new PymemError("UNSUPPORTED", "the repr of a typing alias over a TypeVar");
  return itemRepr(x);
}

const BUILTIN_NAMES: ReadonlySet<string> = new Set(["int", "str", "float", "bytes", "bool", "complex", "list", "dict", "set", "frozenset", "tuple",
  "type", "object", "bytearray", "NoneType"]);

function aliasRepr(o: PyTypeObj, itemRepr: (x: PyObj) => string): string | null {
  const forms = specialFormsOf(o);
  if (forms !== undefined) return `typing.${o.name}`;
  const ref = forwardRefText(o);
  if (ref !== undefined) return `ForwardRef(${itemRepr(pyStr(ref))})`;
  const info = aliasInfo(o);
  if (info === undefined) return null;
  const items = (xs: readonly PyObj[]): string => xs.map((x) => typeRepr(x, itemRepr)).join(", ");
  const { typing } = ctx().layout;
  switch (info.kind) {
    case "special":
      return `typing.${info.name as string}`;
    case "genericAlias":
      return `${typeRepr(info.origin(), itemRepr)}[${items(info.args)}]`;
    case "unionType":
      return info.args.map((x) => (x.t === "type" && x.name === "NoneType" ? "None" : typeRepr(x, itemRepr))).join(" | ");
    case "union": {
      const none = info.args.findIndex((x) => x.t === "type" && x.name === "NoneType");
      // 3.9+: a two-argument union with None shows as Optional.
      if (typing.genericAlias !== null && info.args.length === 2 && none >= 0) return `typing.Optional[${typeRepr(info.args[1 - none] as PyObj, itemRepr)}]`;
      return `typing.Union[${items(info.args)}]`;
    }
    case "callable":
      if (info.args[0] === Ellipsis) return `typing.Callable[..., ${typeRepr(info.args[1] as PyObj, itemRepr)}]`;
      return `typing.Callable[[${items(info.args.slice(0, -1))}], ${typeRepr(info.args[info.args.length - 1] as PyObj, itemRepr)}]`;
    case "literal":
      return `typing.Literal[${items(info.args)}]`;
    case "form":
      return `typing.${info.name as string}[${items(info.args)}]`;
    case "generic":
      return `typing.${info.name as string}[${items(info.args)}]`;
  }
}

function aliasAttr(o: PyTypeObj, name: string): PyObj | undefined {
  const info = aliasInfo(o);
  if (info === undefined) {
    if (specialFormsOf(o) !== undefined) throw new PymemError("UNSUPPORTED", `the attribute ${name} of typing.${o.name}`);
    return undefined;
  }
  if (name === "__origin__") return info.origin();
  const own = o.attrs.get(name);
  if (own !== undefined) return own;
  throw new PymemError("UNSUPPORTED", `the attribute ${name} of a typing alias`);
}

function instanceCheck(t: PyTypeObj, x: PyObj, check: (x: PyObj, t: PyObj) => boolean, subclass: boolean): boolean | null {
  if (specialFormsOf(t) !== undefined) {
    if (t.typingSize === "anyClass") throw new PymemError("UNSUPPORTED", "isinstance() against typing.Any, a class from 3.11");
    throw typeError(`typing.${t.name} cannot be used with ${subclass ? "issubclass" : "isinstance"}()`);
  }
  if (t.typeVar === true) throw new PymemError("UNSUPPORTED", "isinstance() against a TypeVar");
  const info = aliasInfo(t);
  if (info === undefined) return null;
  switch (info.kind) {
    case "special":
      // __instancecheck__ -> __subclasscheck__: issubclass(type(x), origin).
      return check(x, info.origin());
    case "genericAlias":
      throw typeError(`${subclass ? "issubclass" : "isinstance"}() argument 2 cannot be a parameterized generic`);
    case "unionType":
      return info.args.some((a) => check(x, a));
    case "union":
      // 3.10+: __instancecheck__ -> __subclasscheck__(type(x)): issubclass against each argument in turn.
      if (!ctx().layout.typing.unionInstanceCheck) throw typeError("Subscripted generics cannot be used with class and instance checks");
      return info.args.some((a) => check(x, a));
    default:
      throw typeError("Subscripted generics cannot be used with class and instance checks");
  }
}

/** type.__or__ (3.10+): builtin types, classes, None, list[int] and unions make a types.UnionType; a typing object on either side makes Union[a, b]. */
function typeOr(a: PyObj, b: PyObj): PyObj | null {
  const { typing } = ctx().layout;
  if (typing.unionType === null) return null;
  const typingSide = (o: PyObj): boolean => o.t === "type" && o.typingForm === true && aliasInfo(o)?.kind !== "genericAlias" && aliasInfo(o)?.kind !== "unionType";
  const unionable = (o: PyObj): boolean => o.t === "NoneType" || o.t === "class" || (o.t === "type" && o.typeVar !== true);
  if (!unionable(a) || !unionable(b)) return null;
  if (a.t === "NoneType" && b.t === "NoneType") return null;
  if (typingSide(a) || typingSide(b)) return unionOf(currentForms(), newTuple([a, b]));
  // _Py_union_type_or: flatten, drop repeats (by identity of the types; ==, for aliases), one left is itself.
  const flat: PyObj[] = [];
  for (const o of [a, b]) {
    const info = aliasInfo(o);
    const parts = info?.kind === "unionType" ? info.args : [o.t === "NoneType" ? typeObject("NoneType") : o];
    for (const p of parts) if (!flat.some((q) => q === p || pyEq(q, p))) flat.push(p);
  }
  if (flat.length === 1) return flat[0] as PyObj;
  const info: AliasInfo = { kind: "unionType", name: null, origin: () => typeObject("UnionType"), args: flat };
  return makeAlias("UnionType", info, () => {
    throw typeError("'types.UnionType' object is not callable");
  }, "unionType");
}

setTypingHooks({
  attr: aliasAttr,
  eq: (a, b) => aliasEq(a, b),
  hash: aliasHash,
  key: aliasKey,
  repr: aliasRepr,
  instanceCheck,
  or: typeOr,
});

/**
 * __mro_entries__ of a typing object among a class's bases, or null when `alias` is
 * none of this file's (a user generic's alias: typingGeneric.ts).
 */
export function typingMroEntries(alias: PyObj, bases: readonly PyObj[]): readonly PyObj[] | null {
  if (alias.t !== "type") return null;
  if (specialFormsOf(alias) !== undefined) {
    if (alias.typingSize === "anyClass") throw new PymemError("UNSUPPORTED", "a class over typing.Any (a class from 3.11)");
    throw typeError(`Cannot subclass typing.${alias.name}`);
  }
  const info = aliasInfo(alias);
  if (info === undefined) return null;
  if (info.kind === "genericAlias") return [info.origin()];
  if (info.kind === "union" || info.kind === "unionType" || info.kind === "literal" || info.kind === "form") throw typeError("Cannot subclass a typing special form");
  // _BaseGenericAlias.__mro_entries__: the origin unless already a base, and Generic unless a later base is an alias or a Generic class.
  const origin = info.origin();
  if (origin.t === "type" && origin.name === "tuple") throw new PymemError("UNSUPPORTED", "a class over typing.Tuple (a tuple subclass beside Generic)");
  const out: PyObj[] = bases.includes(origin) ? [] : [origin];
  const i = bases.indexOf(alias);
  const generic = genericClassNow();
  const later = bases.slice(i + 1).some((b) => (b.t === "type" && (aliasInfo(b) !== undefined || b.origin !== undefined)) || (b.t === "class" && b.mro.includes(generic)));
  if (!later) out.push(generic);
  return out;
}
