// Lib/_strptime.py for datetime.strptime in the C locale: TimeRE.pattern
// builds the same regular expression text from the format (regex characters
// escaped, whitespace runs as \s+, each directive its group), pymem's own re
// engine matches it with IGNORECASE as re.compile would, and _strptime's
// loop over the groups (in groupindex order) and its date arithmetic give
// the fields _strptime_datetime passes to cls(*args), %U/%W with a weekday
// through _calc_julian_from_U_or_W, %c %x %X as the C locale's formats. The
// ISO week directives (%V %G) and a %Z that is not UTC/GMT (the machine's
// time zone names join the regex) are refused.
import { PyException, PymemError, valueError } from "./errors.js";
import { isUnicodeSpace } from "./unicodeChars.js";
import { strRepr } from "./repr.js";
import { compileItems } from "./re/reCompile.js";
import { Engine } from "./re/reEngine.js";
import { ReError } from "./re/reError.js";
import { parse } from "./re/reParser.js";
import { raiseReError } from "./re/rePattern.js";
import { FLAG } from "./re/reSource.js";
import type { Layout } from "../layouts/layout.js";

/** What _strptime returns that _strptime_datetime uses. */
export interface StrptimeFields {
  readonly y: number;
  readonly m: number;
  readonly d: number;
  readonly H: number;
  readonly M: number;
  readonly S: number;
  readonly us: number;
  /** gmtoff and gmtoff_fraction when %z matched, else null. */
  readonly gmtoff: { readonly seconds: number; readonly us: number } | null;
  /** found_dict.get("Z"). */
  readonly tzname: string | null;
}

const WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];
const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** re.escape of 3.7+: only the special characters. */
function reEscape(s: string): string {
  return s.replace(/[()[\]{}?*+\-|^$\\.&~# \t\n\r\v\f]/g, "\\$&");
}

/** TimeRE.__seqToRE: longest first (a stable sort), escaped, one named group. */
function seqToRE(values: readonly string[], directive: string): string {
  const sorted = [...values].sort((a, b) => b.length - a.length);
  if (sorted.every((v) => v === "")) return "";
  return `(?P<${directive}>${sorted.map(reEscape).join("|")})`;
}

/** LocaleTime's LC_date_time, LC_date and LC_time in the C locale. */
const C_LOCALE_FORMATS: readonly [string, string][] = [["c", "%a %b %d %H:%M:%S %Y"], ["x", "%m/%d/%y"], ["X", "%H:%M:%S"]];

function directives(zCaseless: boolean): ReadonlyMap<string, string> {
  const base = new Map([
    ["d", "(?P<d>3[0-1]|[1-2]\\d|0[1-9]|[1-9]| [1-9])"],
    ["f", "(?P<f>[0-9]{1,6})"],
    ["H", "(?P<H>2[0-3]|[0-1]\\d|\\d)"],
    ["I", "(?P<I>1[0-2]|0[1-9]|[1-9])"],
    ["j", "(?P<j>36[0-6]|3[0-5]\\d|[1-2]\\d\\d|0[1-9]\\d|00[1-9]|[1-9]\\d|0[1-9]|[1-9])"],
    ["m", "(?P<m>1[0-2]|0[1-9]|[1-9])"],
    ["M", "(?P<M>[0-5]\\d|\\d)"],
    ["S", "(?P<S>6[0-1]|[0-5]\\d|\\d)"],
    ["w", "(?P<w>[0-6])"],
    ["u", "(?P<u>[1-7])"],
    ["y", "(?P<y>\\d\\d)"],
    ["Y", "(?P<Y>\\d\\d\\d\\d)"],
    ["z", `(?P<z>[+-]\\d\\d:?[0-5]\\d(:?[0-5]\\d(\\.\\d{1,6})?)?|${zCaseless ? "Z" : "(?-i:Z)"})`],
    ["A", seqToRE(WEEKDAYS, "A")],
    ["a", seqToRE(WEEKDAYS.map((n) => n.slice(0, 3)), "a")],
    ["B", seqToRE(MONTHS, "B")],
    ["b", seqToRE(MONTHS.map((n) => n.slice(0, 3)), "b")],
    ["p", seqToRE(["am", "pm"], "p")],
    ["Z", seqToRE(["utc", "gmt"], "Z")],
    ["%", "%"],
  ]);
  // 'W' is 'U' renamed; c, x and X are TimeRE.pattern of the locale's formats over the table so far.
  base.set("U", "(?P<U>5[0-3]|[0-4]\\d|\\d)");
  base.set("W", "(?P<W>5[0-3]|[0-4]\\d|\\d)");
  for (const [key, fmt] of C_LOCALE_FORMATS) base.set(key, patternOf(fmt, base));
  return base;
}

/** TimeRE's keys pymem does not build: they stay KeyErrors of its dict no more than they are in CPython's. */
const REFUSED = new Set(["V", "G"]);

/** TimeRE.pattern, raising _strptime's ValueErrors for a bad or stray directive. */
function formatRegex(format: string, zCaseless: boolean): string {
  return patternOf(format, directives(zCaseless));
}

function patternOf(format: string, table: ReadonlyMap<string, string>): string {
  let f = format.replace(/[\\.^$*+?(){}[\]|]/g, "\\$&");
  f = [...f].reduce<{ out: string; inSpace: boolean }>((acc, ch) => {
    const space = isUnicodeSpace(ch.codePointAt(0) as number);
    if (space) return acc.inSpace ? acc : { out: `${acc.out}\\s+`, inSpace: true };
    return { out: acc.out + ch, inSpace: false };
  }, { out: "", inSpace: false }).out;
  let processed = "";
  for (;;) {
    const i = f.indexOf("%");
    if (i < 0) break;
    const key = f[i + 1];
    if (key === undefined) throw valueError(`stray % in format '${format}'`);
    if (REFUSED.has(key)) throw new PymemError("UNSUPPORTED", `the strptime directive %${key}`);
    const rx = table.get(key);
    if (rx === undefined) throw valueError(`'${key === "\\" ? "%" : key}' is a bad directive in format '${format}'`);
    processed += f.slice(0, i) + rx;
    f = f.slice(i + 2);
  }
  return processed + f;
}

function digits(s: string): number {
  if (!/^[0-9]+$/.test(s)) throw new PymemError("UNSUPPORTED", `strptime of non-ASCII digits ${JSON.stringify(s)}`);
  return Number(s);
}

/** _strptime._strptime(data_string, format) for the fields datetime.strptime uses. */
export function strptimeFields(data: string, format: string, layout: Layout): StrptimeFields {
  const rx = formatRegex(format, layout.rules.strptimeZCaseless === true);
  let code;
  let groupdict;
  let groups;
  try {
    const parsed = parse(rx, FLAG.I, { atomic: layout.rules.re.atomicGroups, globalFlagsAtStart: layout.rules.re.globalFlagsAtStart });
    const compiled = compileItems(parsed);
    code = compiled.code;
    groupdict = parsed.groupdict;
    groups = parsed.groups - 1;
  } catch (e) {
    if (e instanceof ReError) raiseReError(e);
    throw e;
  }
  const cps = [...data].map((c) => c.codePointAt(0) as number);
  const engine = new Engine(cps, cps.length, groups, { repeatOnePushesMarks: layout.rules.re.repeatOnePushesMarks });
  if (!engine.matchAt(code, 0)) {
    if (groupdict.has("Z")) throw new PymemError("UNSUPPORTED", "strptime %Z of a name other than UTC or GMT (the machine's time zone names decide whether it matches)");
    throw valueError(`time data ${strRepr(data)} does not match format ${strRepr(format)}`);
  }
  const text = (a: number, b: number): string => String.fromCodePoint(...cps.slice(a, b));
  if (engine.endPos !== cps.length) throw valueError(`unconverted data remains: ${text(engine.endPos, cps.length)}`);
  const found = new Map<string, string>();
  for (const [name, g] of groupdict) {
    const span = engine.span(g, 0);
    if (span !== null) found.set(name, text(span[0], span[1]));
  }
  return fieldsOf(found);
}

function fieldsOf(found: ReadonlyMap<string, string>): StrptimeFields {
  let year: number | null = null;
  let month = 1;
  let day = 1;
  let hour = 0;
  let minute = 0;
  let second = 0;
  let fraction = 0;
  let gmtoff: { seconds: number; us: number } | null = null;
  let julian: number | null = null;
  let weekday: number | null = null;
  let weekOfYear: number | null = null;
  let weekStartsMon = false;
  for (const [key, v] of found) {
    switch (key) {
      case "y": year = digits(v) + (digits(v) <= 68 ? 2000 : 1900); break;
      case "Y": year = digits(v); break;
      case "m": month = digits(v); break;
      case "B": month = MONTHS.indexOf(v.toLowerCase()) + 1; break;
      case "b": month = MONTHS.map((n) => n.slice(0, 3)).indexOf(v.toLowerCase()) + 1; break;
      case "d": day = digits(v.trim()); break;
      case "H": hour = digits(v); break;
      case "I": {
        hour = digits(v);
        const ampm = (found.get("p") ?? "").toLowerCase();
        if (ampm === "" || ampm === "am") {
          if (hour === 12) hour = 0;
        } else if (hour !== 12) hour += 12;
        break;
      }
      case "M": minute = digits(v); break;
      case "S": second = digits(v); break;
      case "f": fraction = digits(v.padEnd(6, "0")); break;
      case "j": julian = digits(v); break;
      case "A": weekday = WEEKDAYS.indexOf(v.toLowerCase()); break;
      case "a": weekday = WEEKDAYS.map((n) => n.slice(0, 3)).indexOf(v.toLowerCase()); break;
      case "w": weekday = digits(v) === 0 ? 6 : digits(v) - 1; break;
      case "u": weekday = digits(v) - 1; break;
      case "U":
      case "W":
        weekOfYear = digits(v);
        weekStartsMon = key === "W";
        break;
      case "z": gmtoff = utcOffset(v); break;
      default: break; // p, Z, %
    }
  }
  let leapYearFix = false;
  if (year === null && month === 2 && day === 29) {
    year = 1904;
    leapYearFix = true;
  } else if (year === null) year = 1900;
  if (julian === null && weekday !== null && weekOfYear !== null) {
    julian = julianFromUorW(year, weekOfYear, weekday, weekStartsMon);
    if (julian <= 0) {
      year -= 1;
      julian += isLeap(year) ? 366 : 365;
    }
  }
  if (julian === null) {
    checkYmd(year, month, day);
  } else {
    const ymd = fromOrdinal(julian - 1 + ordinal(year, 1, 1));
    year = ymd[0];
    month = ymd[1];
    day = ymd[2];
  }
  if (leapYearFix) year = 1900;
  return { y: year, m: month, d: day, H: hour, M: minute, S: second, us: fraction, gmtoff, tzname: found.get("Z") ?? null };
}

/** _calc_julian_from_U_or_W. */
function julianFromUorW(year: number, weekOfYear: number, dayOfWeek0: number, weekStartsMon: boolean): number {
  let firstWeekday = (ordinal(year, 1, 1) + 6) % 7;
  let dayOfWeek = dayOfWeek0;
  if (!weekStartsMon) {
    firstWeekday = (firstWeekday + 1) % 7;
    dayOfWeek = (dayOfWeek + 1) % 7;
  }
  const week0Length = (7 - firstWeekday) % 7;
  if (weekOfYear === 0) return 1 + dayOfWeek - firstWeekday;
  return 1 + week0Length + 7 * (weekOfYear - 1) + dayOfWeek;
}

/** _strptime's %z branch. */
function utcOffset(found: string): { seconds: number; us: number } {
  if (found === "Z") return { seconds: 0, us: 0 };
  let z = found;
  if (z[3] === undefined) throw new PyException("IndexError", "string index out of range");
  if (z[3] === ":") {
    z = z.slice(0, 3) + z.slice(4);
    if (z.length > 5) {
      if (z[5] !== ":") throw valueError(`Inconsistent use of : in ${found}`);
      z = z.slice(0, 5) + z.slice(6);
    }
  }
  const hours = digits(z.slice(1, 3));
  const minutes = digits(z.slice(3, 5));
  const seconds = z.slice(5, 7) === "" ? 0 : digits(z.slice(5, 7));
  const rest = z.slice(8);
  let off = hours * 3600 + minutes * 60 + seconds;
  let frac = rest === "" ? 0 : digits(rest.padEnd(6, "0"));
  if (z.startsWith("-")) {
    off = -off;
    frac = -frac;
  }
  return { seconds: off, us: frac };
}

const isLeap = (y: number): boolean => y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
const DIM = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** datetime_date(year, month, day)'s checks. */
function checkYmd(y: number, m: number, d: number): void {
  if (y < 1 || y > 9999) throw valueError(`year ${y} is out of range`);
  if (m < 1 || m > 12) throw valueError("month must be in 1..12");
  const dim = m === 2 && isLeap(y) ? 29 : (DIM[m - 1] as number);
  if (d < 1 || d > dim) throw valueError("day is out of range for month");
}

function ordinal(y: number, m: number, d: number): number {
  checkYmd(y, m, d);
  const y1 = y - 1;
  let days = y1 * 365 + Math.floor(y1 / 4) - Math.floor(y1 / 100) + Math.floor(y1 / 400) + d;
  for (let i = 1; i < m; i++) days += i === 2 && isLeap(y) ? 29 : (DIM[i - 1] as number);
  return days;
}

/** date.fromordinal by counting: a year at most one past the start. */
function fromOrdinal(n: number): [number, number, number] {
  let y = 1;
  while (y <= 9999 && ordinal(y, 12, 31) < n) y = y + Math.max(1, Math.floor((n - ordinal(y, 12, 31)) / 366));
  if (y > 9999) throw valueError(`year ${y} is out of range`);
  let rest = n - ordinal(y, 1, 1) + 1;
  let m = 1;
  for (;;) {
    const dim = m === 2 && isLeap(y) ? 29 : (DIM[m - 1] as number);
    if (rest <= dim) return [y, m, rest];
    rest -= dim;
    m++;
  }
}
