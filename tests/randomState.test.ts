// PyRandom (src/runtime/randomState.ts) against CPython's random module: every
// scenario of fixtures/<version>/random.json (written by
// fixtures/random_sequences.py under each interpreter) replayed call by call,
// without running Python. Ints compare as decimal strings, floats as
// float.hex() strings (bit for bit), errors as [type name, message].
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { describe, expect, it } from "vitest";
import {
  PyRandom,
  PyRandomError,
  type PyFloatArg,
  type PyRandomSeed,
  type PySeqKind,
} from "../src/runtime/randomState.js";
import { layoutFor } from "../src/layouts/layout.js";
import { fma, fmaExact } from "../src/runtime/libm/doubles.js";
import { glibcCos, glibcLog, glibcSin } from "../src/runtime/libm/glibc.js";

const FIXTURES = resolve(__dirname, "../fixtures");

type NumArg = { int: string } | { float: string };
type SeedSpec = ({ int: string } | { float: string } | { str: string } | { bytes: string }) & { version?: number };
type Result = unknown;
interface Step {
  call: [string, ...unknown[]];
  results: Result[];
}
interface Scenario {
  id: string;
  seed: SeedSpec;
  module: boolean;
  calls: Step[];
}
interface FixtureFile {
  python: string;
  scenarios: Scenario[];
}

// --- float.hex() and back --------------------------------------------------

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

/** Python's float.hex(). */
function floatHex(x: number): string {
  if (Number.isNaN(x)) return "nan";
  if (x === Infinity) return "inf";
  if (x === -Infinity) return "-inf";
  F64[0] = x;
  const bits = U64[0]!;
  const sign = bits >> 63n ? "-" : "";
  const biased = Number((bits >> 52n) & 0x7ffn);
  const frac = bits & ((1n << 52n) - 1n);
  if (biased === 0 && frac === 0n) return `${sign}0x0.0p+0`;
  const lead = biased === 0 ? 0 : 1;
  const exp = biased === 0 ? -1022 : biased - 1023;
  return `${sign}0x${lead}.${frac.toString(16).padStart(13, "0")}p${exp < 0 ? "-" : "+"}${Math.abs(exp)}`;
}

/** float.fromhex() of what float.hex() writes. */
function fromHex(s: string): number {
  if (s === "nan") return NaN;
  if (s === "inf") return Infinity;
  if (s === "-inf") return -Infinity;
  const m = /^(-?)0x([01])\.([0-9a-f]+)p([+-]\d+)$/.exec(s);
  if (m === null) throw new Error(`not a float.hex() string: ${s}`);
  const digits = m[3]!;
  const mant = BigInt(`0x${m[2]}${digits}`);
  let e = Number(m[4]) - 4 * digits.length;
  let v = Number(mant); // < 2**53: exact
  while (e < -1000) {
    v *= 2 ** -1000; // exact while the result stays representable (float.hex()'s output always is)
    e += 1000;
  }
  v *= 2 ** e;
  return m[1] === "-" ? -v : v;
}

// --- decoding the calls ---------------------------------------------------------

function decodeNum(a: NumArg): bigint | PyFloatArg {
  return "int" in a ? BigInt(a.int) : { float: fromHex(a.float) };
}

/** A plain JS number for the float-taking methods (a Python int there is converted as float(int)). */
function decodeFloat(a: NumArg | undefined): number | undefined {
  if (a === undefined) return undefined;
  return "int" in a ? Number(BigInt(a.int)) : fromHex(a.float);
}

function hexBytes(s: string): Uint8Array {
  return Uint8Array.from(s.match(/../g) ?? [], (h) => parseInt(h, 16));
}

function decodeSeed(spec: SeedSpec): [PyRandomSeed, number] {
  const version = spec.version ?? 2;
  if ("int" in spec) return [BigInt(spec.int), version];
  if ("float" in spec) return [{ float: fromHex(spec.float) }, version];
  if ("str" in spec) return [{ str: spec.str }, version];
  return [{ bytes: hexBytes(spec.bytes) }, version];
}

function perform(rng: PyRandom, call: [string, ...unknown[]]): Result {
  const [name, ...args] = call;
  switch (name) {
    case "random":
      return floatHex(rng.random());
    case "getrandbits":
      return rng.getrandbits(args[0] as number).toString();
    case "randbelow":
      return rng.randbelow(BigInt((args[0] as { int: string }).int)).toString();
    case "randbytes":
      return Array.from(rng.randbytes(args[0] as number), (b) => b.toString(16).padStart(2, "0")).join("");
    case "randrange": {
      const [a, b, c] = (args as NumArg[]).map(decodeNum);
      return rng.randrange(a!, b, c).toString();
    }
    case "randrange_stop_none":
      return rng.randrange(decodeNum(args[0] as NumArg), null, decodeNum(args[1] as NumArg)).toString();
    case "randint":
      return rng.randint(decodeNum(args[0] as NumArg), decodeNum(args[1] as NumArg)).toString();
    case "choice":
      return rng.choice(args[0] as number, args[1] as PySeqKind);
    case "shuffle":
      return rng.shuffle(args[0] as number);
    case "sample": {
      const counts = args[2] as NumArg[] | null;
      return rng.sample(args[0] as number, args[1] as number, counts === null ? null : counts.map(decodeNum));
    }
    case "choices": {
      const [n, weights, cum, k, kind] = args as [number, NumArg[] | null, NumArg[] | null, number, PySeqKind];
      const w = weights === null ? null : weights.map((x) => decodeFloat(x)!);
      const cw = cum === null ? null : cum.map((x) => decodeFloat(x)!);
      return rng.choices(n, w, cw, k, kind);
    }
    case "uniform":
      return floatHex(rng.uniform(decodeFloat(args[0] as NumArg)!, decodeFloat(args[1] as NumArg)!));
    case "triangular": {
      const [low, high, mode] = (args as NumArg[]).map(decodeFloat);
      return floatHex(rng.triangular(low, high, mode ?? null));
    }
    case "gauss":
      return floatHex(rng.gauss(decodeFloat(args[0] as NumArg), decodeFloat(args[1] as NumArg)));
    case "normalvariate":
      return floatHex(rng.normalvariate(decodeFloat(args[0] as NumArg), decodeFloat(args[1] as NumArg)));
    case "expovariate":
      return floatHex(rng.expovariate(decodeFloat(args[0] as NumArg)));
    case "seed": {
      const [a, version] = decodeSeed(args[0] as SeedSpec);
      rng.seed(a, version);
      return null;
    }
    case "gauss_next":
      return rng.gaussNext === null ? null : floatHex(rng.gaussNext);
    default:
      throw new Error(`unknown call ${name}`);
  }
}

function outcome(rng: PyRandom, call: [string, ...unknown[]]): Result {
  try {
    return perform(rng, call);
  } catch (e) {
    if (e instanceof PyRandomError) return { error: [e.pyType, e.message] };
    if (e instanceof RangeError && call[0] === "randbelow") return { hangs: true };
    throw e;
  }
}

// --- the fixtures ---------------------------------------------------------------

const { committed } = JSON.parse(readFileSync(resolve(FIXTURES, "versions.json"), "utf8")) as { committed: string[] };

/** PyRandom of a version as pymem makes it: the version data's random rules. */
function rngOf(version: string, seed?: bigint | number): PyRandom {
  const layout = layoutFor(version);
  if (layout === undefined) throw new RangeError(`no layout for ${version}`);
  return new PyRandom(version, layout.rules.random, seed);
}

describe("the modelled versions", () => {
  it("cover every committed version", () => {
    for (const v of committed) expect(layoutFor(v)?.rules.random, v).toBeDefined();
  });
});

for (const version of committed) {
  const file = JSON.parse(readFileSync(resolve(FIXTURES, version, "random.json"), "utf8")) as FixtureFile;

  describe(`random, CPython ${version} (${file.python})`, () => {
    it("has the scenarios", () => {
      expect(file.scenarios.length).toBeGreaterThanOrEqual(60);
    });

    for (const sc of file.scenarios) {
      it(sc.id, () => {
        const [a, seedVersion] = decodeSeed(sc.seed);
        const rng = rngOf(version, 0n);
        rng.seed(a, seedVersion);
        for (const step of sc.calls) {
          const got = step.results.map(() => outcome(rng, step.call));
          expect(got, `${sc.id}: ${JSON.stringify(step.call)}`).toEqual(step.results);
        }
      });
    }
  });
}

// --- the pieces -------------------------------------------------------------------

describe("glibc libm port", () => {
  // float.hex() of CPython's math.log/cos/sin on x86-64 glibc 2.36 (FMA variants):
  // the first inputs are ones where V8's Math.log/cos/sin round the other way.
  const cases: [(x: number) => number, number, string][] = [
    [glibcLog, 0.43792151192415707, "-0x1.a6c43151f6241p-1"],
    [glibcLog, 0.6322476996827816, "-0x1.d57a3771964e3p-2"],
    [glibcLog, 0.6742391677797744, "-0x1.93a1669a933f5p-2"],
    [glibcCos, 5.9849274206388134, "0x1.e965276d8c759p-1"],
    [glibcCos, 3.496988454794355, "-0x1.e0012893ca59fp-1"],
    [glibcCos, 1.142505420664276, "0x1.a948c708f3759p-2"],
    [glibcSin, 2.0763781548643605, "0x1.bff1f41748cd1p-1"],
    [glibcSin, 0.2541627721942797, "0x1.0178385714201p-2"],
    [glibcSin, 0.10705635998535669, "0x1.b5aa6c1c7eb76p-4"],
    [glibcLog, 1 - 2 ** -53, "-0x1.0000000000000p-53"],
    [glibcLog, 1 + 2 ** -52, "0x1.fffffffffffffp-53"],
    [glibcLog, 0.95, "-0x1.a431d5bcc193ep-5"],
    [glibcLog, 5e-324, "-0x1.74385446d71c3p+9"],
    [glibcLog, 2.5e-310, "-0x1.64714a9115cd0p+9"],
    [glibcLog, 1e300, "0x1.5963447f87fb5p+9"],
    [glibcSin, 1e-9, "0x1.12e0be826d695p-30"],
    [glibcCos, 1e-9, "0x1.0000000000000p+0"],
    [glibcSin, 1, "0x1.aed548f090ceep-1"],
    [glibcCos, 1, "0x1.14a280fb5068cp-1"],
    [glibcSin, 2, "0x1.d18f6ead1b446p-1"],
    [glibcCos, 2, "-0x1.aa22657537205p-2"],
    [glibcSin, 3, "0x1.210386db6d55bp-3"],
    [glibcCos, 3, "-0x1.fae04be85e5d2p-1"],
    [glibcSin, 100, "-0x1.03425b78c4db8p-1"],
    [glibcCos, 100, "0x1.b981dbf665fdfp-1"],
    [glibcSin, 1e6, "-0x1.6664b2568d867p-2"],
    [glibcCos, 1e6, "0x1.df9df9906d32cp-1"],
  ];
  it.each(cases)("%o(%d)", (f, x, want) => {
    expect(floatHex(f(x))).toBe(want);
  });

  it("special values", () => {
    expect(glibcLog(1)).toBe(0);
    expect(glibcLog(0)).toBe(-Infinity);
    expect(glibcLog(Infinity)).toBe(Infinity);
    expect(glibcLog(-1)).toBeNaN();
    expect(glibcSin(NaN)).toBeNaN();
    expect(glibcCos(Infinity)).toBeNaN();
    expect(Object.is(glibcSin(-0), -0)).toBe(true);
  });

  it("fma rounds once: the emulation agrees with exact integer arithmetic", () => {
    let s = 0x2545f491;
    const next = (): number => {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      return (s >>> 0) / 2 ** 32;
    };
    for (let i = 0; i < 20000; i++) {
      const a = (next() - 0.5) * 2 ** Math.floor(next() * 80 - 40);
      const b = (next() - 0.5) * 2 ** Math.floor(next() * 80 - 40);
      const c = i % 3 === 0 ? -(a * b) : i % 3 === 1 ? (next() - 0.5) * 2 ** Math.floor(next() * 160 - 80) : -(a * b) * (1 + 2 ** -52);
      expect(Object.is(fma(a, b, c), fmaExact(a, b, c)), `fma(${a}, ${b}, ${c})`).toBe(true);
    }
    expect(fma(0.1, 10, -1)).toBe(5.551115123125783e-17); // 0.1 * 10 - 1, unrounded
    expect(fma(2 ** 600, 2 ** 600, -Infinity)).toBe(-Infinity);
  });
});

describe("PyRandom API", () => {
  it("random.seed(0); [random.randint(0, 1000) for _ in range(100)] starts 864, 394, 776", () => {
    const rng = rngOf("3.12", 0n);
    expect([rng.randint(0n, 1000n), rng.randint(0, 1000), rng.randint(0n, 1000n)]).toEqual([864n, 394n, 776n]);
  });

  it("rejects unsafe-integer numbers", () => {
    const rng = rngOf("3.10", 1n);
    expect(() => rng.randrange(2 ** 60)).toThrow(RangeError);
    expect(() => rng.randrange(1.5)).toThrow(RangeError);
  });

  it("seed(None) draws from the OS and still produces a working generator", () => {
    const rng = rngOf("3.11");
    const x = rng.random();
    expect(x >= 0 && x < 1).toBe(true);
  });

  it("seeding by a safe-integer number equals seeding by the bigint", () => {
    const a = rngOf("3.9", 12345);
    const b = rngOf("3.9", 12345n);
    expect(a.getrandbits(100)).toBe(b.getrandbits(100));
  });
});
