// hashlib's md5, sha1 and sha256 (the _hashlib.HASH objects OpenSSL's
// constructors return): update() over the bytes a buffer exposes, digest()
// and hexdigest() as new bytes and str, copy(), name, digest_size and
// block_size. The module's other names (blake2b, sha512, pbkdf2_hmac …) are
// refused by name, never taken as missing.
import { bufferBytes } from "./arrayObject.js";
import { md5, sha1, sha256 } from "./digests.js";
import { PymemError, typeError } from "./errors.js";
import { nativeObject } from "./nativeObjects.js";
import { nativeFunction as fn, None, pyBytesFresh, pyInt, pyStrFresh, type Kwargs, type PyObj } from "./objects.js";
import { strText } from "./text.js";

interface Algorithm {
  readonly digest: (data: Uint8Array) => Uint8Array;
  readonly digestSize: number;
  readonly blockSize: number;
}

const ALGORITHMS: ReadonlyMap<string, Algorithm> = new Map([
  ["md5", { digest: md5, digestSize: 16, blockSize: 64 }],
  ["sha1", { digest: sha1, digestSize: 20, blockSize: 64 }],
  ["sha256", { digest: sha256, digestSize: 32, blockSize: 64 }],
]);

/** The real module's other public names: pymem does not model them. */
const REFUSED = ["blake2b", "blake2s", "sha224", "sha384", "sha512", "sha3_224", "sha3_256", "sha3_384", "sha3_512", "shake_128", "shake_256",
  "pbkdf2_hmac", "scrypt", "file_digest", "algorithms_available", "algorithms_guaranteed"];

/** The bytes of one argument to a constructor or update(): a buffer, else the TypeError _hashlib raises. */
function dataOf(x: PyObj): Uint8Array {
  // _Py_hashlib_data_argument's TypeError for a str is worded differently before 3.9.
  if (x.t === "str") throw new PymemError("UNSUPPORTED", "a str given to hashlib (the TypeError's wording changes across versions)");
  const b = bufferBytes(x);
  if (b === null) throw typeError("object supporting the buffer API required");
  return b;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a);
  out.set(b, a.length);
  return out;
}

function hashObject(name: string, alg: Algorithm, start: Uint8Array): PyObj {
  let data = start;
  const self: PyObj = nativeObject("HASH", {
    attr: (attr) => {
      switch (attr) {
        case "name":
          return pyStrFresh(name);
        case "digest_size":
          return pyInt(alg.digestSize);
        case "block_size":
          return pyInt(alg.blockSize);
        case "update":
          return fn("update", ([x]) => {
            if (x === undefined) throw new PymemError("UNSUPPORTED", "HASH.update() without an argument");
            data = concat(data, dataOf(x));
            return None;
          });
        case "digest":
          return fn("digest", () => pyBytesFresh(alg.digest(data)));
        case "hexdigest":
          return fn("hexdigest", () => pyStrFresh([...alg.digest(data)].map((b) => b.toString(16).padStart(2, "0")).join("")));
        case "copy":
          return fn("copy", () => hashObject(name, alg, data));
        default:
          return undefined;
      }
    },
    repr: () => {
      throw new PymemError("UNSUPPORTED", "repr() of a hashlib HASH object (it shows its address)");
    },
  });
  return self;
}

function constructor(name: string, alg: Algorithm): PyObj {
  return fn(name, (args: readonly PyObj[], kw: Kwargs) => {
    // The data parameter's keyword name and usedforsecurity= vary across versions: keywords are refused.
    if (kw.values.size > 0) throw new PymemError("UNSUPPORTED", `keyword arguments to hashlib.${name}()`);
    if (args.length > 1) throw new PymemError("UNSUPPORTED", `hashlib.${name}() with ${args.length} arguments`);
    return hashObject(name, alg, args[0] === undefined ? new Uint8Array(0) : dataOf(args[0]));
  });
}

export function hashlibModuleAttrs(): [string, PyObj][] {
  const attrs: [string, PyObj][] = [...ALGORITHMS].map(([name, alg]): [string, PyObj] => [name, constructor(name, alg)]);
  attrs.push(["new", fn("new", (args: readonly PyObj[], kw: Kwargs) => {
    const [n, data] = args;
    if (kw.values.size > 0 || n === undefined || n.t !== "str" || args.length > 2) throw new PymemError("UNSUPPORTED", "this call of hashlib.new()");
    const name = strText(n);
    const alg = ALGORITHMS.get(name.toLowerCase() === name ? name : "");
    if (alg === undefined) throw new PymemError("UNSUPPORTED", `hashlib.new('${name}')`);
    return hashObject(name, alg, data === undefined ? new Uint8Array(0) : dataOf(data));
  })]);
  return attrs;
}

export function hashlibRefusals(): [string, () => PyObj][] {
  return REFUSED.map((name): [string, () => PyObj] => [name, () => {
    throw new PymemError("UNSUPPORTED", `hashlib.${name} is not modelled by pymem`);
  }]);
}
