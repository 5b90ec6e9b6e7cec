// The modules SEMANTICS.md puts in scope: array, collections, decimal, sys.
// Only what pymem models is offered; the rest is refused as UNSUPPORTED.
import { ctx } from "./ctx.js";
import type { Layout } from "../layouts/layout.js";
import { PymemError, typeError } from "./errors.js";
import { sysIntern } from "./sysIntern.js";
import { arrayCall } from "./arrayMethods.js";
import { decimalCall, decimalFromObject } from "./decimals.js";
import { dequeCall } from "./dequeMethods.js";
import { counterCall, defaultdictCall, orderedDictCall, orderedDictFromkeys } from "./dictFlavors.js";
import { opaque } from "./opaqueObjects.js";
import { typingGenericAttrs, typingGenericClasses } from "./typingGeneric.js";
import { typingFormAttrs } from "./typingForms.js";
import { typingFunctionAttrs } from "./typingFunctions.js";
import { typedDictClasses } from "./typedDict.js";
import { loggingModuleAttrs, loggingPerEvaluation } from "./loggingModule.js";
import { decimalExceptionClasses } from "./decimalSignals.js";
import { dataclassesModuleAttrs, namedTupleFromClassBody, namedtupleFunction, typingModuleAttrs } from "./dataclasses.js";
import { setNamedTupleFactory } from "./typeNew.js";
import { mathModuleAttrs } from "./mathModule.js";
import { itertoolsModuleAttrs } from "./itertoolsModule.js";
import { randomModuleAttrs } from "./randomModule.js";
import { jsonModuleAttrs, jsonPerEvaluation } from "./jsonModule.js";
import { copyModuleAttrs } from "./copyModule.js";
import { enumModuleAttrs } from "./enumModule.js";
import { flagModuleAttrs } from "./flagModule.js";
import { datetimeModuleAttrs } from "./datetimeModule.js";
import { functoolsModuleAttrs } from "./functoolsModule.js";
import { singledispatchFunction } from "./singledispatch.js";
import { operatorModuleAttrs } from "./operatorModule.js";
import { heapqModuleAttrs } from "./heapqModule.js";
import { bisectModuleAttrs } from "./bisectModule.js";
import { stringModuleAttrs } from "./stringModule.js";
import { textwrapModuleAttrs } from "./textwrapModule.js";
import { numbersModuleAttrs } from "./numbersModule.js";
import { hashlibModuleAttrs, hashlibRefusals } from "./hashlibModule.js";
import { calendarModuleAttrs, calendarRefusals } from "./calendarModule.js";
import { fractionsModuleAttrs } from "./fractionsModule.js";
import { statisticsModuleAttrs } from "./statisticsModule.js";
import { contextlibModuleAttrs } from "./contextlibModule.js";
import { abcModuleAttrs } from "./abcModule.js";
import { collectionsAbcModuleAttrs } from "./collectionsAbcModule.js";
import { structModuleAttrs } from "./structModule.js";
import { uuidModuleAttrs } from "./uuidModule.js";
import { cmathModuleAttrs } from "./cmathModule.js";
import { ioModuleAttrs } from "./ioModule.js";
import { csvModule } from "./csvModule.js";
import { reModuleAttrs } from "./re/reModule.js";
import { asyncioModuleAttrs, asyncioRefusals } from "./asyncioModule.js";
import { codecsModuleAttrs } from "./codecsModule.js";
import { zlibModuleAttrs } from "./zlibModule.js";
import { gcModuleAttrs } from "./gcModule.js";
import { weakrefModuleAttrs } from "./weakrefModule.js";
import { sysModuleAttrs, sysPerEvaluation } from "./sysModule.js";
import "./instanceHash.js";
// OrderedDict's and Counter's methods that work through a subclass's own dunders (registered with collectionCtors).
import "./odictSubclass.js";
import "./counterSubclass.js";

setNamedTupleFactory(namedTupleFromClassBody);
import { builtinFunction as fn, pyInt, pyStr, type NativeFn, type PyClassObj, type PyModuleObj, type PyObj } from "./objects.js";
import { makeUserClasses } from "./collectionsUserClasses.js";
import { makeChainMap } from "./chainMap.js";
import { registerCollectionCtor } from "./collectionCtors.js";
import { timeModuleAttrs } from "./timeModule.js";


/** A stdlib class object: a static type, or Counter, a Python class. */
function typeOf(name: string, call: NativeFn): PyObj {
  return { t: "type", name, call, attrs: new Map(), ...(name === "Counter" ? { heap: "class" as const } : name === "defaultdict" ? { heap: "extension" as const } : {}) };
}

registerCollectionCtor("deque", dequeCall);
registerCollectionCtor("OrderedDict", orderedDictCall);
registerCollectionCtor("defaultdict", defaultdictCall);
registerCollectionCtor("Counter", counterCall);

function collectionsAttrs(): [string, PyObj][] {
  return [
    ["deque", { t: "type", name: "deque", call: dequeCall, attrs: new Map(), heap: "extension" }],
    ["OrderedDict", { t: "type", name: "OrderedDict", call: orderedDictCall, attrs: new Map([["fromkeys", fn("fromkeys", orderedDictFromkeys)]]) }],
    ["defaultdict", typeOf("defaultdict", defaultdictCall)],
    ["Counter", typeOf("Counter", counterCall)],
    ["ChainMap", { t: "type", name: "ChainMap", call: (args) => makeChainMap(args), attrs: new Map(), heap: "class", metaclass: "ABCMeta" }],
  ];
}

/** decimal's exception classes, per evaluation (decimalSignals.ts). */
const DECIMAL_EXCEPTIONS = ["DecimalException", "Clamped", "Rounded", "Inexact", "Subnormal", "Underflow", "Overflow", "DivisionByZero", "FloatOperation", "InvalidOperation", "ConversionSyntax", "DivisionImpossible", "DivisionUndefined", "InvalidContext"];

function decimalAttrs(): [string, PyObj][] {
  const context = opaque("Context");
  const Decimal: PyObj = { t: "type", name: "Decimal", heap: "extension", call: decimalCall, attrs: new Map([["from_float", fn("from_float", ([f]) => decimalFromObject(f as PyObj))]]) };
  return [
    ["Decimal", Decimal],
    ["getcontext", fn("getcontext", () => context)],
    // Importing it is common; entering it would change the precision and rounding pymem's Decimal arithmetic assumes.
    ["localcontext", fn("localcontext", () => { throw new PymemError("UNSUPPORTED", "decimal.localcontext() (a context with its own precision, rounding and traps)"); })],
    ...["ROUND_DOWN", "ROUND_HALF_UP", "ROUND_HALF_EVEN", "ROUND_CEILING", "ROUND_FLOOR", "ROUND_UP", "ROUND_HALF_DOWN", "ROUND_05UP"].map((n): [string, PyObj] => [n, pyStr(n)]),
  ];
}

function arrayAttrs(layout: Layout): [string, PyObj][] {
  return [["array", { t: "type", name: "array", call: arrayCall, attrs: new Map(), heap: "extension" }], ["typecodes", pyStr(layout.array.typecodes)]];
}

function module(name: string, attrs: [string, PyObj][], perEvaluation: [string, () => PyObj][] = []): PyModuleObj {
  return perEvaluation.length === 0 ? { t: "module", name, attrs: new Map(attrs) } : { t: "module", name, attrs: new Map(attrs), perEvaluation: new Map(perEvaluation) };
}

/** A module whose table is made at its first use (an import of it), not when pymem starts. */
function lazyModule(name: string, make: () => [string, PyObj][], perEvaluation: [string, () => PyObj][] = []): PyModuleObj {
  let attrs: ReadonlyMap<string, PyObj> | undefined;
  return {
    t: "module",
    name,
    ...(perEvaluation.length === 0 ? {} : { perEvaluation: new Map(perEvaluation) }),
    get attrs(): ReadonlyMap<string, PyObj> {
      return (attrs ??= new Map(make()));
    },
  };
}

/** The modules' attribute tables; what a version changes in them (array.typecodes) comes from its layout. */
export function makeModules(layout: Layout): Map<string, PyModuleObj> {
  const sys = module("sys", [
    ["getsizeof", fn("getsizeof", ([x]) => {
      if (x === undefined) throw typeError("getsizeof() missing required argument 'object' (pos 1)");
      const sizes = ctx().sizes;
      if (sizes === null) throw new PymemError("UNSUPPORTED", "sys.getsizeof here");
      return pyInt(sizes.getsizeof(x));
    })],
    ["intern", fn("intern", (args) => sysIntern(args))],
    ...sysModuleAttrs(layout),
  ], sysPerEvaluation(layout));
  const array = module("array", arrayAttrs(layout));
  // UserDict and UserList run their own Python source, once per evaluation, with the modules it imports.
  const userClass = (name: string) => (): PyObj => {
    const state = ctx().moduleState;
    let made = state.get("collections user classes") as ReadonlyMap<string, PyClassObj> | undefined;
    if (made === undefined) state.set("collections user classes", (made = makeUserClasses(all)));
    return made.get(name) as PyClassObj;
  };
  const collectionsAbc = module("collections.abc", [], collectionsAbcModuleAttrs(layout));
  const collections = module("collections", [...collectionsAttrs(), ["namedtuple", namedtupleFunction()], ["abc", collectionsAbc]], [["UserDict", userClass("UserDict")], ["UserList", userClass("UserList")], ["UserString", userClass("UserString")]]);
  const decimal = module("decimal", decimalAttrs(), DECIMAL_EXCEPTIONS.map((n): [string, () => PyObj] => [n, () => decimalExceptionClasses().get(n) as PyObj]));
  const string = stringModuleAttrs(layout);
  const textwrap = textwrapModuleAttrs(layout);
  const math = module("math", mathModuleAttrs(layout));
  const uuid = uuidModuleAttrs(layout);
  const contextlib = contextlibModuleAttrs();
  const abc = abcModuleAttrs();
  const time = timeModuleAttrs();
  const all: Map<string, PyModuleObj> = new Map([
    ["array", array],
    ["collections", collections],
    ["collections.abc", collectionsAbc],
    ["decimal", decimal],
    ["sys", sys],
    ["dataclasses", lazyModule("dataclasses", () => dataclassesModuleAttrs())],
    ["typing", module("typing", [...typingModuleAttrs(), ...typingFormAttrs(layout, collections, collectionsAbc), ...typingGenericAttrs(), ...typingFunctionAttrs()], [...typingGenericClasses(), ...typedDictClasses()])],
    ["math", math],
    ["itertools", lazyModule("itertools", () => itertoolsModuleAttrs(layout))],
    ["random", lazyModule("random", () => randomModuleAttrs(layout))],
    ["json", lazyModule("json", () => jsonModuleAttrs(layout), jsonPerEvaluation)],
    ["copy", lazyModule("copy", () => copyModuleAttrs(layout))],
    ["enum", lazyModule("enum", () => [...enumModuleAttrs(layout), ...flagModuleAttrs(layout)])],
    ["datetime", lazyModule("datetime", () => datetimeModuleAttrs(layout))],
    ["functools", lazyModule("functools", () => functoolsModuleAttrs(layout), [["singledispatch", () => singledispatchFunction(all)]])],
    ["operator", lazyModule("operator", () => operatorModuleAttrs(layout))],
    ["heapq", lazyModule("heapq", () => heapqModuleAttrs(layout))],
    ["bisect", lazyModule("bisect", () => bisectModuleAttrs(layout))],
    ["string", module("string", string.attrs, string.perEvaluation)],
    ["textwrap", module("textwrap", textwrap.attrs, textwrap.perEvaluation)],
    ["fractions", lazyModule("fractions", () => fractionsModuleAttrs(layout))],
    ["numbers", lazyModule("numbers", () => numbersModuleAttrs(layout))],
    ["hashlib", lazyModule("hashlib", () => hashlibModuleAttrs(), hashlibRefusals())],
    ["calendar", lazyModule("calendar", () => calendarModuleAttrs(), calendarRefusals())],
    ["statistics", lazyModule("statistics", () => statisticsModuleAttrs(layout, math))],
    ["contextlib", module("contextlib", contextlib.attrs, contextlib.perEvaluation)],
    ["abc", module("abc", abc.attrs, abc.perEvaluation)],
    ["struct", lazyModule("struct", () => structModuleAttrs(layout))],
    ["uuid", module("uuid", uuid.attrs, uuid.perEvaluation)],
    ["cmath", lazyModule("cmath", () => cmathModuleAttrs(layout))],
    ["logging", module("logging", loggingModuleAttrs(), loggingPerEvaluation())],
    ["io", lazyModule("io", () => ioModuleAttrs())],
    ["csv", csvModule()],
    ["re", lazyModule("re", () => reModuleAttrs(layout))],
    ["asyncio", module("asyncio", asyncioModuleAttrs(layout), asyncioRefusals())],
    ["codecs", lazyModule("codecs", () => codecsModuleAttrs())],
    ["zlib", lazyModule("zlib", () => zlibModuleAttrs(layout))],
    ["time", module("time", time.attrs, time.perEvaluation)],
    ["gc", lazyModule("gc", () => gcModuleAttrs(layout))],
    ["weakref", lazyModule("weakref", () => weakrefModuleAttrs(layout))],
  ]);
  return all;
}
