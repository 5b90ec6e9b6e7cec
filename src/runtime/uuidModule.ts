// The uuid module (Lib/uuid.py): UUID, a Python class with __slots__
// ('int', 'is_safe', '__weakref__') whose instances are leaves of the deep
// walk; its properties computed from self.int as uuid.py does (each call a
// new int or str, small ints from their cache); the NAMESPACE_* constants
// and variant strings; uuid3 and uuid5 over MD5 and SHA-1 computed in
// digests.ts. uuid1, uuid4 and getnode read the clock, randomness or the
// network card: refused, like datetime.now(). SafeUUID (an Enum) is not
// modelled: is_safe holds an object pymem refuses to size.
import type { Layout } from "../layouts/layout.js";
import { allSlots, newInstance, slotGet, slotSet } from "./classes.js";
import { setClassHooks } from "./classHooks.js";
import { md5, sha1 } from "./digests.js";
import { PyException, PymemError, typeError, valueError } from "./errors.js";
import { hashInt } from "./hashing.js";
import { makeProperty, opaque } from "./opaqueObjects.js";
import {
  nativeFunction as fn, None, NotImplemented, pyBool, pyBytesFresh, pyInt, pyStr, pyStrFresh, typeName,
  type Kwargs, type PyClassObj, type PyInstanceObj, type PyObj,
} from "./objects.js";
import { bytesData, strText } from "./text.js";
import { newTuple } from "./tuples.js";

const RESERVED_NCS = "reserved for NCS compatibility";
const RFC_4122 = "specified in RFC 4122";
const RESERVED_MICROSOFT = "reserved for Microsoft compatibility";
const RESERVED_FUTURE = "reserved for future definition";

function refuse(what: string): PymemError {
  return new PymemError("UNSUPPORTED", what);
}

const uuidClasses = new WeakMap<Layout, PyClassObj>();
/** The variant strings of a version: module constants, the same objects whenever `variant` returns them. */
const variantStrs = new WeakMap<Layout, Map<string, PyObj>>();

function variantStr(layout: Layout, text: string): PyObj {
  let m = variantStrs.get(layout);
  if (m === undefined) variantStrs.set(layout, (m = new Map()));
  let s = m.get(text);
  if (s === undefined) m.set(text, (s = pyStrFresh(text)));
  return s;
}

function isUUID(o: PyObj | undefined): o is PyInstanceObj {
  return o !== undefined && o.t === "instance" && o.cls.name === "UUID" && o.cls.stdlib === true && o.cls.attrs.get("__module__") !== undefined && uuidClassSet.has(o.cls);
}

const uuidClassSet = new WeakSet<PyClassObj>();

function intOf(u: PyObj | undefined): bigint {
  if (!isUUID(u)) throw refuse(`a UUID method called on a '${u === undefined ? "NoneType" : typeName(u)}'`);
  const v = slotGet(u, "int");
  if (v === undefined || (v.t !== "int" && v.t !== "bool")) throw refuse("a UUID whose int is not an int");
  return BigInt(v.v);
}

function hex32(v: bigint): string {
  return v.toString(16).padStart(32, "0");
}

function dashed(v: bigint): string {
  const h = hex32(v);
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function bytesOf(v: bigint): Uint8Array {
  const out = new Uint8Array(16);
  for (let i = 15; i >= 0; i--) {
    out[i] = Number(v & 0xffn);
    v >>= 8n;
  }
  return out;
}

/** bytes_le's reordering: the first three fields little-endian. */
function swapLe(b: Uint8Array): Uint8Array {
  return Uint8Array.from([b[3], b[2], b[1], b[0], b[5], b[4], b[7], b[6], ...b.subarray(8)] as number[]);
}

function fromBytes(b: Uint8Array): bigint {
  let v = 0n;
  for (const x of b) v = (v << 8n) | BigInt(x);
  return v;
}

const FIELD_BITS = [32, 16, 16, 8, 8, 48] as const;

/** UUID.__init__: exactly one source, then the version bits; int kept as given when no version is set. */
function uuidNew(layout: Layout, args: readonly PyObj[], kw: Kwargs): PyObj {
  const cls = args[0] as PyClassObj;
  const names = ["hex", "bytes", "bytes_le", "fields", "int", "version"] as const;
  if (args.length - 1 > names.length) throw typeError(`UUID.__init__() takes from 1 to 7 positional arguments but ${args.length} were given`);
  const a = new Map<string, PyObj>();
  names.forEach((n, i) => {
    const v = args[i + 1];
    if (v !== undefined) a.set(n, v);
  });
  for (const [k, v] of kw.values) {
    if (k !== "is_safe" && !(names as readonly string[]).includes(k)) throw typeError(`UUID.__init__() got an unexpected keyword argument '${k}'`);
    if (a.has(k)) throw typeError(`UUID.__init__() got multiple values for argument '${k}'`);
    a.set(k, v);
  }
  const given = (n: string): PyObj | undefined => {
    const v = a.get(n);
    return v === undefined || v.t === "NoneType" ? undefined : v;
  };
  if (["hex", "bytes", "bytes_le", "fields", "int"].filter((n) => given(n) !== undefined).length !== 1) {
    throw typeError("one of the hex, bytes, bytes_le, fields, or int arguments must be given");
  }
  let intObj: PyObj | null = null;
  let value: bigint;
  const hex = given("hex");
  const bytesLe = given("bytes_le");
  const bytesArg = given("bytes");
  const fields = given("fields");
  if (hex !== undefined) {
    if (hex.t !== "str") {
      if (hex.t === "bytes" || hex.t === "bytearray") throw refuse("UUID(hex=) from bytes");
      throw new PyException("AttributeError", `'${typeName(hex)}' object has no attribute 'replace'`);
    }
    let h = strText(hex).split("urn:").join("").split("uuid:").join("");
    h = h.replace(/^[{}]+/, "").replace(/[{}]+$/, "").split("-").join("");
    if ([...h].length !== 32) throw valueError("badly formed hexadecimal UUID string");
    // int() reads any Unicode decimal digit: a non-ASCII string is refused rather than judged.
    if (/[^\x00-\x7f]/.test(h)) throw refuse("a non-ASCII UUID string");
    // int(hex, 16) also takes a sign, 0x, underscores and surrounding whitespace: those are refused.
    if (!/^[0-9a-fA-F]{32}$/.test(h)) {
      if (/[\s_+xX]/.test(h)) throw refuse("a UUID string that int(hex, 16) reads with a sign, prefix, underscores or spaces");
      throw valueError(`invalid literal for int() with base 16: '${h}'`);
    }
    value = BigInt(`0x${h}`);
  } else if (bytesLe !== undefined || bytesArg !== undefined) {
    const b = (bytesLe ?? bytesArg) as PyObj;
    if (b.t !== "bytes") throw refuse(`UUID(bytes=) from a '${typeName(b)}'`);
    const data = bytesData(b);
    if (data.length !== 16) throw valueError(bytesLe !== undefined ? "bytes_le is not a 16-char string" : "bytes is not a 16-char string");
    value = fromBytes(bytesLe !== undefined ? swapLe(data) : data);
  } else if (fields !== undefined) {
    if (fields.t !== "tuple" && fields.t !== "list") throw refuse(`UUID(fields=) from a '${typeName(fields)}'`);
    const items = fields.t === "tuple" ? [...(fields.items as readonly PyObj[])] : [];
    if (fields.t === "list") throw refuse("UUID(fields=) from a list");
    if (items.length !== 6) throw valueError("fields is not a 6-tuple");
    const vals = items.map((x, i) => {
      if (x.t !== "int" && x.t !== "bool") throw refuse("UUID fields that are not ints");
      const v = BigInt(x.v);
      const bits = FIELD_BITS[i] as number;
      if (v < 0n || v >= 1n << BigInt(bits)) throw valueError(`field ${i + 1} out of range (need a ${bits}-bit value)`);
      return v;
    }) as [bigint, bigint, bigint, bigint, bigint, bigint];
    const clockSeq = (vals[3] << 8n) | vals[4];
    value = (vals[0] << 96n) | (vals[1] << 80n) | (vals[2] << 64n) | (clockSeq << 48n) | vals[5];
  } else {
    const i = given("int") as PyObj;
    if (i.t !== "int" && i.t !== "bool") throw refuse(`UUID(int=) from a '${typeName(i)}'`);
    value = BigInt(i.v);
    if (value < 0n || value >= 1n << 128n) throw valueError("int is out of range (need a 128-bit value)");
    intObj = i;
  }
  const version = given("version");
  if (version !== undefined) {
    if (version.t !== "int") throw refuse(`UUID(version=) from a '${typeName(version)}'`);
    const ver = BigInt(version.v);
    if (ver < 1n || ver > 5n) throw valueError("illegal version number");
    value &= ~(0xc000n << 48n);
    value |= 0x8000n << 48n;
    value &= ~(0xf000n << 64n);
    value |= ver << 76n;
    intObj = null;
  }
  const inst = newInstance(cls);
  slotSet(inst, "int", intObj ?? pyInt(value));
  slotSet(inst, "is_safe", kw.values.get("is_safe") ?? safeUnknown(layout));
  return inst;
}

const safeUnknowns = new WeakMap<Layout, PyObj>();

/** SafeUUID.unknown: an Enum member pymem does not model (its size is refused). */
function safeUnknown(layout: Layout): PyObj {
  let s = safeUnknowns.get(layout);
  if (s === undefined) safeUnknowns.set(layout, (s = opaque("SafeUUID")));
  return s;
}

function prop(name: string, get: (v: bigint, self: PyObj) => PyObj): [string, PyObj] {
  return [name, makeProperty(fn(name, ([self]) => get(intOf(self), self as PyObj)), None, None)];
}

function variantOf(layout: Layout, v: bigint): PyObj {
  if ((v & (0x8000n << 48n)) === 0n) return variantStr(layout, RESERVED_NCS);
  if ((v & (0x4000n << 48n)) === 0n) return variantStr(layout, RFC_4122);
  if ((v & (0x2000n << 48n)) === 0n) return variantStr(layout, RESERVED_MICROSOFT);
  return variantStr(layout, RESERVED_FUTURE);
}

function compare(op: (a: bigint, b: bigint) => boolean): PyObj {
  return fn("compare", ([self, other]) => (isUUID(other) ? pyBool(op(intOf(self), intOf(other))) : NotImplemented));
}

function uuidClassOf(layout: Layout): PyClassObj {
  const have = uuidClasses.get(layout);
  if (have !== undefined) return have;
  const fields = (v: bigint): PyObj[] => [
    pyInt(v >> 96n), pyInt((v >> 80n) & 0xffffn), pyInt((v >> 64n) & 0xffffn), pyInt((v >> 56n) & 0xffn), pyInt((v >> 48n) & 0xffn), pyInt(v & 0xffffffffffffn),
  ];
  const attrs: [string, PyObj][] = [
    ["__module__", pyStr("uuid")],
    ["__slots__", newTuple([pyStr("int"), pyStr("is_safe"), pyStr("__weakref__")])],
    ["__new__", fn("__new__", (args, kw) => uuidNew(layout, args, kw))],
    ["__init__", fn("__init__", () => None)],
    ["__str__", fn("__str__", ([s]) => pyStrFresh(dashed(intOf(s))))],
    ["__repr__", fn("__repr__", ([s]) => pyStrFresh(`UUID('${dashed(intOf(s))}')`))],
    ["__int__", fn("__int__", ([s]) => slotGet(s as PyInstanceObj, "int") ?? None)],
    ["__hash__", fn("__hash__", ([s]) => pyInt(hashInt(intOf(s))))],
    ["__eq__", compare((a, b) => a === b)],
    ["__lt__", compare((a, b) => a < b)],
    ["__gt__", compare((a, b) => a > b)],
    ["__le__", compare((a, b) => a <= b)],
    ["__ge__", compare((a, b) => a >= b)],
    ["__setattr__", fn("__setattr__", () => {
      throw typeError("UUID objects are immutable");
    })],
    prop("bytes", (v) => pyBytesFresh(bytesOf(v))),
    prop("bytes_le", (v) => pyBytesFresh(swapLe(bytesOf(v)))),
    prop("fields", (v) => newTuple(fields(v))),
    prop("time_low", (v) => pyInt(v >> 96n)),
    prop("time_mid", (v) => pyInt((v >> 80n) & 0xffffn)),
    prop("time_hi_version", (v) => pyInt((v >> 64n) & 0xffffn)),
    prop("clock_seq_hi_variant", (v) => pyInt((v >> 56n) & 0xffn)),
    prop("clock_seq_low", (v) => pyInt((v >> 48n) & 0xffn)),
    prop("time", (v) => pyInt(((((v >> 64n) & 0xffffn) & 0x0fffn) << 48n) | (((v >> 80n) & 0xffffn) << 32n) | (v >> 96n))),
    prop("clock_seq", (v) => pyInt(((((v >> 56n) & 0xffn) & 0x3fn) << 8n) | ((v >> 48n) & 0xffn))),
    prop("node", (v) => pyInt(v & 0xffffffffffffn)),
    prop("hex", (v) => pyStrFresh(hex32(v))),
    prop("urn", (v) => pyStrFresh(`urn:uuid:${dashed(v)}`)),
    prop("variant", (v) => variantOf(layout, v)),
    prop("version", (v) => (variantOf(layout, v) === variantStr(layout, RFC_4122) ? pyInt((v >> 76n) & 0xfn) : None)),
  ];
  const cls: PyClassObj = {
    t: "class", name: "UUID", bases: [], mro: [], attrs: new Map(attrs), slots: ["int", "is_safe"], hasDict: false, hasWeakref: true,
    shape: layout.heapType.shape(layout.heapType.object, 2, false, true, false), builtinBase: "object", cachedKeys: null, frozen: false,
    tupleFields: null, decorated: null, stdlib: true,
  };
  (cls as { mro: readonly PyClassObj[] }).mro = [cls];
  allSlots(cls);
  setClassHooks(cls, {
    subclass: () => {
      throw refuse("a subclass of uuid.UUID");
    },
  });
  uuidClassSet.add(cls);
  uuidClasses.set(layout, cls);
  return cls;
}

function makeUUID(layout: Layout, value: bigint): PyObj {
  const inst = newInstance(uuidClassOf(layout));
  slotSet(inst, "int", pyInt(value));
  slotSet(inst, "is_safe", safeUnknown(layout));
  return inst;
}

/** uuid3 / uuid5: the digest of namespace.bytes + the name's UTF-8, its first 16 bytes with the version set. */
function nameBased(layout: Layout, name: string, version: bigint, digest: (b: Uint8Array) => Uint8Array): PyObj {
  return fn(name, ([ns, nm]) => {
    if (ns === undefined || nm === undefined) throw typeError(`${name}() missing required positional argument`);
    if (!isUUID(ns)) throw new PyException("AttributeError", `'${typeName(ns)}' object has no attribute 'bytes'`);
    if (nm.t !== "str") {
      if (nm.t === "bytes" || nm.t === "bytearray") throw refuse(`${name}() with a bytes name (accepted from 3.12 only)`);
      throw typeError(`${name}() name must be str`);
    }
    const text = strText(nm);
    if (/[\ud800-\udfff]/.test(text.replace(/[\ud800-\udbff][\udc00-\udfff]/g, ""))) throw refuse("a uuid name with a lone surrogate (UnicodeEncodeError)");
    const ub = bytesOf(intOf(ns));
    const nb = new TextEncoder().encode(text);
    const msg = new Uint8Array(ub.length + nb.length);
    msg.set(ub);
    msg.set(nb, ub.length);
    let v = fromBytes(digest(msg).subarray(0, 16));
    v &= ~(0xc000n << 48n);
    v |= 0x8000n << 48n;
    v &= ~(0xf000n << 64n);
    v |= version << 76n;
    return makeUUID(layout, v);
  });
}

function refused(name: string, why: string): [string, PyObj] {
  return [name, fn(name, () => {
    throw refuse(`uuid.${name}() (${why})`);
  })];
}

export function uuidModuleAttrs(layout: Layout): { attrs: [string, PyObj][]; perEvaluation: [string, () => PyObj][] } {
  const ns = (v: bigint) => (): PyObj => makeUUID(layout, v);
  return {
    attrs: [
      ["UUID", uuidClassOf(layout)],
      ["RESERVED_NCS", variantStr(layout, RESERVED_NCS)],
      ["RFC_4122", variantStr(layout, RFC_4122)],
      ["RESERVED_MICROSOFT", variantStr(layout, RESERVED_MICROSOFT)],
      ["RESERVED_FUTURE", variantStr(layout, RESERVED_FUTURE)],
      ["uuid3", nameBased(layout, "uuid3", 3n, md5)],
      ["uuid5", nameBased(layout, "uuid5", 5n, sha1)],
      refused("uuid1", "it reads the clock and the network card"),
      refused("uuid4", "it reads os.urandom"),
      refused("getnode", "it reads the network card"),
    ],
    perEvaluation: [
      ["NAMESPACE_DNS", ns(0x6ba7b8109dad11d180b400c04fd430c8n)],
      ["NAMESPACE_URL", ns(0x6ba7b8119dad11d180b400c04fd430c8n)],
      ["NAMESPACE_OID", ns(0x6ba7b8129dad11d180b400c04fd430c8n)],
      ["NAMESPACE_X500", ns(0x6ba7b8149dad11d180b400c04fd430c8n)],
    ],
  };
}
