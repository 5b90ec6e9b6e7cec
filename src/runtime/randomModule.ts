// The random module as Python code sees it: the module-level functions (bound
// to the module's hidden Random instance, one per evaluation) and
// random.Random objects, over PyRandom (randomState.ts), which reproduces
// CPython's generator bit for bit. Their results are built as Lib/random.py
// builds them: randint/randrange ints (small ones the cached objects),
// choice/sample/choices hand back the population's own items, sample's result
// is `[None] * k` filled in, choices' a list comprehension (append growth),
// shuffle permutes the list in place. A generator never seeded takes the
// operating system's randomness in CPython, so its values differ per run:
// pymem refuses them rather than answering one run's figures.
import { ctx } from "./ctx.js";
import { bindArgs, type Param } from "./itertoolsArgs.js";
import { PyException, PymemError, typeError } from "./errors.js";
import { objectLen, toArray } from "./iteration.js";
import { listAppend, listArray, newEmptyList, newListExact } from "./lists.js";
import { builtinFunction, None, pyBytes, pyFloat, pyInt, typeName, type Kwargs, type NativeFn, type PyListObj, type PyObj } from "./objects.js";
import { getItem } from "./subscript.js";
import { bytesData, strText } from "./text.js";
import { PyRandom, PyRandomError, type PyNumberArg, type PyRandomSeed, type PySeqKind } from "./randomState.js";
import type { Layout } from "../layouts/layout.js";

/** A Python number as PyRandom takes it: ints exact, floats marked. */
function numArg(x: PyObj | undefined, what: string): PyNumberArg {
  if (x === undefined) throw typeError(`${what}: missing argument`);
  if (x.t === "int") return BigInt(x.v);
  if (x.t === "bool") return x.v ? 1n : 0n;
  if (x.t === "float") return { float: x.v };
  throw typeError(`'${typeName(x)}' object cannot be interpreted as an integer`);
}

function floatArg(x: PyObj | undefined, dflt?: number): number {
  if (x === undefined) {
    if (dflt !== undefined) return dflt;
    throw typeError("missing a required argument");
  }
  if (x.t === "float") return x.v;
  if (x.t === "int") return Number(x.v);
  if (x.t === "bool") return x.v ? 1 : 0;
  throw typeError(`must be real number, not ${typeName(x)}`);
}

/** What seed() takes: None (the OS: refused), an int, a float (its hash), a str or bytes. */
function seedArg(a: PyObj | undefined): PyRandomSeed {
  if (a === undefined || a.t === "NoneType") throw unseeded("random.seed() without a seed");
  if (a.t === "int" || a.t === "bool") return a.t === "bool" ? (a.v ? 1n : 0n) : BigInt(a.v);
  if (a.t === "float") return { float: a.v };
  if (a.t === "str") return { str: strText(a) };
  if (a.t === "bytes" || a.t === "bytearray") return { bytes: bytesData(a) };
  throw new PymemError("UNSUPPORTED", `random.seed() of a '${typeName(a)}' (its hash decides the seed)`);
}

function unseeded(what: string): PymemError {
  return new PymemError("UNSUPPORTED", `${what}: CPython seeds from the operating system's randomness, so the values differ on every run (call random.seed(n) first)`);
}

/** PyRandom's errors are Python's exceptions. */
function pyCall<T>(f: () => T): T {
  try {
    return f();
  } catch (e) {
    if (e instanceof PyRandomError) throw new PyException(e.pyType, e.message);
    if (e instanceof RangeError) throw new PymemError("UNSUPPORTED", `this call of the random module (${e.message})`);
    throw e;
  }
}

function seqKind(o: PyObj): PySeqKind {
  return o.t === "tuple" ? "tuple" : o.t === "range" ? "range" : o.t === "str" ? "str" : o.t === "bytes" ? "bytes" : "list";
}

function lengthOf(o: PyObj, what: string): number {
  if (o.t === "set" || o.t === "frozenset" || o.t === "dict") throw new PymemError("UNSUPPORTED", `${what} over a ${o.t} (CPython converts it in its own order)`);
  const n = objectLen(o);
  if (n === null) throw typeError(`object of type '${typeName(o)}' has no len()`);
  return n;
}

function floatsOrNull(v: PyObj | undefined): number[] | null {
  return v === undefined || v.t === "NoneType" ? null : toArray(v).map((x) => floatArg(x));
}

/** A method of a Random over the generator it runs on (the module's hidden one or a Random object's). */
type RandomMethod = (r: PyRandom, args: readonly PyObj[], kw: Kwargs) => PyObj;
/** A method over its arguments bound by name as Lib/random.py's signature binds them (undefined: not given). */
type BoundMethod = (r: PyRandom, args: readonly (PyObj | undefined)[]) => PyObj;

const methodTables = new WeakMap<Layout, ReadonlyMap<string, RandomMethod>>();

/** The methods of a Random for a version, made once. */
function methods(layout: Layout): ReadonlyMap<string, RandomMethod> {
  let t = methodTables.get(layout);
  if (t === undefined) methodTables.set(layout, (t = new Map(makeMethods(layout).map(([name, sig, m]) => [name, bindRandomMethod(name, sig, m)]))));
  return t;
}

/**
 * A method taking its arguments as random.py's def does: `sig` lists the
 * parameters ("a b=" required and defaulted, after "*" keyword-only, "/"
 * ends positional-only ones), so keywords land in their slot and an unknown
 * one is the TypeError, never silently dropped.
 */
function bindRandomMethod(name: string, sig: string, m: BoundMethod): RandomMethod {
  let kind: Param["kind"] = "A";
  const params: Param[] = [];
  for (const w of sig.split(" ").filter((x) => x !== "")) {
    if (w === "*") kind = "K";
    else if (w === "/") params.forEach((p, i) => (params[i] = { ...p, kind: "P" }));
    else params.push({ name: w.replace("=", ""), kind, required: !w.endsWith("=") });
  }
  return (r, args, kw) => {
    if (params.every((p) => p.kind === "P") && kw.values.size > 0) throw typeError(`${name}() takes no keyword arguments`);
    return m(r, bindArgs(name, params, args, kw));
  };
}

/** Each method of a Random for a version (randbytes from 3.9). */
function makeMethods(layout: Layout): [string, string, BoundMethod][] {
  const out: [string, string, BoundMethod][] = [
    ["seed", "a= version=", (r, [a, version]) => {
      pyCall(() => r.seed(seedArg(a), version === undefined ? 2 : Number(numArg(version, "seed"))));
      return None;
    }],
    ["random", "", (r) => pyFloat(r.random())],
    ["uniform", "a b", (r, [a, b]) => pyFloat(pyCall(() => r.uniform(floatArg(a), floatArg(b))))],
    ["triangular", "low= high= mode=", (r, [lo, hi, mode]) => pyFloat(pyCall(() => r.triangular(floatArg(lo, 0), floatArg(hi, 1), mode === undefined || mode.t === "NoneType" ? null : floatArg(mode))))],
    ["gauss", "mu= sigma=", (r, [mu, sigma]) => pyFloat(pyCall(() => r.gauss(mu === undefined ? undefined : floatArg(mu), sigma === undefined ? undefined : floatArg(sigma))))],
    ["normalvariate", "mu= sigma=", (r, [mu, sigma]) => pyFloat(pyCall(() => r.normalvariate(mu === undefined ? undefined : floatArg(mu), sigma === undefined ? undefined : floatArg(sigma))))],
    ["expovariate", "lambd=", (r, [l]) => pyFloat(pyCall(() => r.expovariate(l === undefined ? undefined : floatArg(l))))],
    ["randint", "a b", (r, [a, b]) => pyInt(pyCall(() => r.randint(numArg(a, "randint"), numArg(b, "randint"))))],
    ["randrange", "start stop= step=", (r, [a, b, c]) => pyInt(pyCall(() => r.randrange(numArg(a, "randrange"), b === undefined || b.t === "NoneType" ? (b === undefined ? undefined : null) : numArg(b, "randrange"), c === undefined ? undefined : numArg(c, "randrange"))))],
    ["getrandbits", "k /", (r, [k]) => pyInt(pyCall(() => r.getrandbits(Number(numArg(k, "getrandbits") as bigint))))],
    ["choice", "seq", (r, [seq]) => {
      const s = seq as PyObj;
      const i = pyCall(() => r.choice(lengthOf(s, "choice()"), seqKind(s)));
      return getItem(s, pyInt(i));
    }],
    ["shuffle", "x random=", (r, [x, random]) => {
      if (random !== undefined && random.t !== "NoneType") throw new PymemError("UNSUPPORTED", "random.shuffle() with a random= function");
      if (x === undefined || x.t !== "list") throw new PymemError("UNSUPPORTED", `random.shuffle() of a '${x === undefined ? "missing" : typeName(x)}' (only lists are modelled)`);
      const items = listArray(x);
      const order = pyCall(() => r.shuffle(items.length));
      const before = items.slice();
      for (let i = 0; i < order.length; i++) items[i] = before[order[i] as number] as PyObj;
      return None;
    }],
    ["sample", "population k * counts=", (r, [population, k, countsObj]) => {
      const p = population as PyObj;
      const n = lengthOf(p, "sample()");
      const counts = countsObj === undefined || countsObj.t === "NoneType" ? null : toArray(countsObj).map((c) => numArg(c, "sample") as bigint);
      const picks = pyCall(() => r.sample(n, Number(numArg(k, "sample") as bigint), counts));
      // result = [None] * k, then filled: a list of exactly k slots.
      const out: PyListObj = newListExact(picks.map((i) => getItem(p, pyInt(i))));
      return out;
    }],
    ["choices", "population weights= * cum_weights= k=", (r, [population, weights, cumWeights, kObj]) => {
      const p = population as PyObj;
      const n = lengthOf(p, "choices()");
      const w = floatsOrNull(weights);
      const k = kObj === undefined ? 1 : Number(numArg(kObj, "choices") as bigint);
      const picks = pyCall(() => r.choices(n, w, floatsOrNull(cumWeights), k, seqKind(p)));
      // A list comprehension: each pick appended.
      const out = newEmptyList();
      for (const i of picks) listAppend(out, getItem(p, pyInt(i)));
      return out;
    }],
  ];
  if (layout.attributeNames()["module random"]?.split(" ").includes("randbytes")) {
    out.push(["randbytes", "n", (r, [n]) => pyBytes(pyCall(() => r.randbytes(Number(numArg(n, "randbytes") as bigint))))]);
  }
  return out;
}

/** The module's hidden Random: made by the first seed() of an evaluation. */
function moduleState(): PyRandom {
  const r = ctx().randomState;
  if (r === null) throw unseeded("the random module's functions before random.seed()");
  return r;
}

/** random.seed on the module makes the hidden instance; every other function uses it. */
function moduleSeed(layout: Layout): NativeFn {
  return ([a, version]) => {
    const seed = seedArg(a);
    ctx().randomState = pyCall(() => new PyRandom(layout.python, layout.rules.random, seed));
    if (version !== undefined) pyCall(() => (ctx().randomState as PyRandom).seed(seed, Number(numArg(version, "seed"))));
    return None;
  };
}

/** Methods of a random.Random object, by name. */
export function randomObjectMethod(state: PyRandom, name: string): NativeFn | null {
  const m = methods(ctx().layout).get(name);
  return m === undefined ? null : (args, kw) => m(state, args, kw);
}

/** The random module's attributes for a version (only the names its random module has). */
export function randomModuleAttrs(layout: Layout): [string, PyObj][] {
  const names = new Set((layout.attributeNames()["module random"] ?? "").split(" "));
  const fns: [string, PyObj][] = [...methods(layout)].map(([n, m]) => [n, builtinFunction(n, n === "seed" ? moduleSeed(layout) : (args, kw) => m(moduleState(), args, kw))]);
  const Random: PyObj = {
    t: "type",
    name: "Random",
    heap: "class",
    attrs: new Map(),
    call: ([x]) => {
      if (x === undefined || x.t === "NoneType") throw unseeded("random.Random() without a seed");
      const seed = seedArg(x);
      return { t: "opaque", typeName: "Random", data: pyCall(() => new PyRandom(layout.python, layout.rules.random, seed)) };
    },
  };
  return [...fns, ["Random", Random] as [string, PyObj]].filter(([n]) => names.has(n));
}
