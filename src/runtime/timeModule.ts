// The time module as far as a value can be known without the machine: sleep()
// (it changes nothing a value holds, so it returns None at once, after checking
// its argument as Modules/timemodule.c does for ints and floats), and every
// reader of the clock or of the machine's time zone refused when called, so a
// setup that imports time, or sleeps between retries, still runs.
import { PyException, PymemError } from "./errors.js";
import { builtinFunction, None, typeName, type NativeFn, type PyObj } from "./objects.js";

const fn = (name: string, f: NativeFn): PyObj => builtinFunction(name, f, "time");

const CLOCK_READERS = [
  "time", "time_ns", "perf_counter", "perf_counter_ns", "monotonic", "monotonic_ns", "process_time",
  "process_time_ns", "thread_time", "thread_time_ns", "localtime", "gmtime", "ctime", "asctime", "strftime",
  "mktime", "get_clock_info", "clock_gettime", "clock_gettime_ns",
];
const ZONE_ATTRS = ["timezone", "altzone", "daylight", "tzname"];

function sleep(args: readonly PyObj[], kwCount: number): PyObj {
  const secs = args[0];
  if (kwCount > 0 || args.length !== 1 || secs === undefined) throw new PymemError("UNSUPPORTED", "time.sleep() without exactly one positional argument (its message differs between versions)");
  if (secs.t === "float") {
    if (Number.isNaN(secs.v)) throw new PyException("ValueError", "Invalid value NaN (not a number)");
    if (secs.v < 0) throw new PyException("ValueError", "sleep length must be non-negative");
    return None;
  }
  if (secs.t === "int" || secs.t === "bool") {
    if (secs.t === "int" && secs.v < 0) throw new PyException("ValueError", "sleep length must be non-negative");
    return None;
  }
  throw new PymemError("UNSUPPORTED", `time.sleep() of a '${typeName(secs)}' (its TypeError differs between versions)`);
}

export function timeModuleAttrs(): { attrs: [string, PyObj][]; perEvaluation: [string, () => PyObj][] } {
  return {
    attrs: [
      ["sleep", fn("sleep", (args, kw) => sleep(args, kw.values.size))],
      ...CLOCK_READERS.map((name): [string, PyObj] => [name, fn(name, () => {
        throw new PymemError("UNSUPPORTED", `time.${name}() (it reads the clock or the machine's time zone, which decide its value on each run)`);
      })]),
      ["struct_time", fn("struct_time", () => {
        throw new PymemError("UNSUPPORTED", "time.struct_time (a struct sequence pymem does not lay out)");
      })],
    ],
    perEvaluation: ZONE_ATTRS.map((name): [string, () => PyObj] => [name, () => {
      throw new PymemError("UNSUPPORTED", `time.${name} (the machine's time zone decides it)`);
    }]),
  };
}
